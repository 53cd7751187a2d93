"""The lookup modules' end_of_patch output and sagemaker-framework-image's fail_on_unpatched,
evaluated by Terraform 1.0.3 against the built-in catalog's Deep Learning Containers dates."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sagemaker_iac.targets.terraform._modules import FRAMEWORK_MODULE, ROOT
from support.terraform import TERRAFORM_MARKS, terraform, unwrap

pytestmark = [*TERRAFORM_MARKS]

PYTORCH_2_6 = {
    "framework": "pytorch",
    "region": "us-west-2",
    "framework_version": "2.6",
    "py_version": "py312",
    "image_scope": "training",
    "processor": "gpu",
}


def call(name: str, source: str, arguments: dict) -> str:
    lines = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in arguments.items())
    return f'module "{name}" {{\n  source = "{source}"\n{lines}}}\n'


def root(tmp_path: Path, out_dir: Path, name: str, calls: dict[str, tuple[str, dict]]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    sources = {
        "framework": Path(os.path.relpath(out_dir / FRAMEWORK_MODULE, folder)).as_posix(),
        "images": Path(os.path.relpath(out_dir / ROOT / "sagemaker-images", folder)).as_posix(),
    }
    text = "".join(call(n, sources[kind], args) for n, (kind, args) in calls.items())
    (folder / "main.tf").write_text(text)
    terraform("init", "-backend=false", cwd=folder)
    return folder


def test_the_modules_output_the_catalogs_end_of_patch(tmp_path, out_dir, catalog):
    old = catalog.release("pytorch-training", "2.6-gpu-py312")
    xgboost = catalog.release("sagemaker-xgboost", "3.0-5")
    assert old is not None and old.eop == "2026-01-29"  # the DLC data's date
    assert xgboost is not None
    checked = {**PYTORCH_2_6, "fail_on_unpatched": True}
    calls = {
        "old": ("framework", PYTORCH_2_6),
        # Checked on the last patched day: no error, the image as usual.
        "checked": ("framework", {**checked, "today": "2026-01-29"}),
        # No dates for 1.13: nothing to fail on.
        "undated": (
            "framework",
            {**checked, "framework_version": "1.13", "py_version": "py39", "today": "2030-01-01"},
        ),
        "xgboost": (
            "images",
            {"algorithm": "xgboost", "region": "us-west-2", "image_tag": "3.0-5"},
        ),
        "kmeans": ("images", {"algorithm": "kmeans", "region": "us-west-2"}),
    }
    folder = root(tmp_path, out_dir, "outputs", calls)
    expression = (
        "jsonencode([module.old.end_of_patch, module.checked.image_uri, "
        "module.undated.end_of_patch, module.undated.image_uri, "
        "module.xgboost.end_of_patch, module.kmeans.end_of_patch])"
    )
    shown = terraform("console", cwd=folder, stdin=expression + "\n").stdout
    found = json.loads(json.loads(shown))
    host = "763104351884.dkr.ecr.us-west-2.amazonaws.com"
    assert found == [
        old.eop,
        f"{host}/pytorch-training:2.6-gpu-py312",
        None,
        f"{host}/pytorch-training:1.13-gpu-py39",
        xgboost.eop,
        None,
    ]


def test_fail_on_unpatched_stops_the_plan_past_the_end_of_patch(tmp_path, out_dir):
    folder = root(
        tmp_path,
        out_dir,
        "failing",
        {"old": ("framework", {**PYTORCH_2_6, "fail_on_unpatched": True, "today": "2026-01-30"})},
    )
    result = terraform("plan", "-input=false", cwd=folder, check=False)
    assert result.returncode == 1
    text = unwrap(result.stderr)
    assert "ERROR: pytorch-training:2.6-gpu-py312 is past its end of patch, 2026-01-29" in text
    assert "(today is 2026-01-30)" in text


def test_without_today_the_check_waits_for_the_time_of_apply(tmp_path, out_dir):
    folder = root(
        tmp_path,
        out_dir,
        "apply_time",
        {"old": ("framework", {**PYTORCH_2_6, "fail_on_unpatched": True})},
    )
    (folder / "outputs.tf").write_text('output "uri" {\n  value = module.old.image_uri\n}\n')
    result = terraform("plan", "-input=false", cwd=folder)
    assert "uri = (known after apply)" in result.stdout
    # The clock is past 2026-01-29 (the tests run after it), so apply stops.
    applied = terraform("apply", "-input=false", "-auto-approve", cwd=folder, check=False)
    assert applied.returncode == 1
    assert "is past its end of patch, 2026-01-29" in unwrap(applied.stderr)


def test_today_must_be_a_date(tmp_path, out_dir):
    folder = root(
        tmp_path, out_dir, "bad_day", {"old": ("framework", {**PYTORCH_2_6, "today": "soon"})}
    )
    result = terraform("plan", "-input=false", cwd=folder, check=False)
    assert result.returncode == 1
    assert "The today variable must be a date" in unwrap(result.stderr)
