"""`sagemaker-iac migrate`: aws_sagemaker_prebuilt_ecr_image data sources become calls of the
provider-free module, their references with them, comments and layout kept."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import hcl2
import pytest

from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import FIXTURES, ROOT

TREE = FIXTURES / "migrate" / "root"
MODULE = ROOT / "out" / "terraform" / "sagemaker-prebuilt-ecr-image"


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    """A copy of the fixture root, the current folder, with out/'s module beside it."""
    shutil.copytree(TREE, tmp_path / "root")
    shutil.copytree(MODULE, tmp_path / "module")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "root"


def run(*args: str) -> tuple[int, str, str]:
    result = cli_runner().invoke(main, ["migrate", *args])
    return result.exit_code, result.stdout, result.stderr


def plain(value):
    """python-hcl2's view without its quotes and block marks: labels and strings bare."""
    if isinstance(value, dict):
        return {k.strip('"'): plain(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value.strip('"') if isinstance(value, str) and value.startswith('"') else value


def texts(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*.tf"))}


def test_a_diff_by_default_and_nothing_written(tree):
    before = texts(tree)
    code, out, err = run("root", "--source", "./module")
    assert code == 0
    assert out.count("--- a/") == 3 and "would rewrite 3 files (5 data sources)" in err
    assert texts(tree) == before


def test_write_rewrites_blocks_references_and_keeps_comments(tree):
    before = texts(tree)
    code, _, err = run("root", "--source", "./module", "--write")
    assert code == 0 and "rewrote 3 files (5 data sources)" in err
    after = texts(tree)
    joined = "\n".join(after.values())
    assert "aws_sagemaker_prebuilt_ecr_image" not in joined
    for name, text in before.items():  # every comment survives, in its file
        comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
        assert all(c in after[name] for c in comments), name
    assert "# keep in step with the training code" in after["main.tf"]
    main_tf = plain(hcl2.loads(after["main.tf"]))
    modules = {name: body for m in main_tf["module"] for name, body in m.items()}
    # The data source named serving meets the existing module "serving": renamed.
    assert set(modules) == {"algorithms", "xgboost", "pytorch", "serving_image", "serving"}
    assert modules["algorithms"]["source"] == "../module"
    assert modules["algorithms"]["for_each"] == '${toset(["kmeans", "pca"])}'
    assert modules["pytorch"]["count"] == "${var.with_pytorch ? 1 : 0}"
    assert modules["pytorch"]["region"] == "${var.pytorch_region}"  # given: kept
    assert modules["xgboost"]["region"] == "${data.aws_region.current.name}"
    assert modules["serving_image"]["region"] == "${data.aws_region.serving.name}"
    assert modules["serving"]["image"] == "${module.serving_image.registry_path}"
    regions = {n: b for d in main_tf["data"] for named in d.values() for n, b in named.items()}
    assert regions["serving"] == {"provider": "${aws.serving}"}
    assert "module.xgboost.registry_id" in after["outputs.tf"]
    assert "one(module.pytorch[*].registry_path)" in after["main.tf"]
    child = after["modules/serving/main.tf"]
    assert 'source = "../../../module"' in child and "${module.linear.registry_path}" in child
    # Twice is once.
    code, out, err = run("root", "--source", "./module", "--write")
    assert code == 0 and out == "" and "nothing to migrate" in err


def test_a_remote_source_is_used_as_given(tree):
    source = "git::https://example.com/sagemaker-iac.git//out/terraform/x?ref=v0.1.0"
    _, out, _ = run("root", "--source", source)
    assert out.count(f'source = "{source}"') == 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'data "aws_sagemaker_prebuilt_ecr_image" "x" {\n  repository_name = "kmeans"\n',
            "main.tf:1: aws_sagemaker_prebuilt_ecr_image block is not closed",
        ),
        (
            'data "aws_sagemaker_prebuilt_ecr_image" "x" { repository_name = "kmeans" }\n',
            "main.tf:1: a aws_sagemaker_prebuilt_ecr_image block must open with {",
        ),
        (
            '\ndata "aws_sagemaker_prebuilt_ecr_image" "x" {\n  repository_name = "kmeans"\n'
            "  lifecycle {\n    postcondition {\n      condition     = true\n"
            '      error_message = "x"\n    }\n  }\n}\n',
            "main.tf:2: a lifecycle block has no place in a module call",
        ),
        (
            'data "aws_sagemaker_prebuilt_ecr_image" "x" {\n  provider        = google.x\n'
            '  repository_name = "kmeans"\n}\n',
            "main.tf:1: provider 'google.x' is not an aws provider",
        ),
    ],
)
def test_what_it_cannot_rewrite_is_exit_2_naming_file_and_line(
    tmp_path, monkeypatch, text, message
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text(text)
    code, _, err = run(str(tmp_path), "--source", "./m", "--write")
    assert code == 2 and message in err, err
    assert (tmp_path / "main.tf").read_text() == text


def test_strings_heredocs_and_comments_with_braces_do_not_end_a_block(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (
        'data "aws_sagemaker_prebuilt_ecr_image" "x" {\n'
        "  # a } in a comment\n"
        '  repository_name = "kmeans" /* } */\n'
        '  image_tag       = "${replace("a}b", "}", "")}1"\n'
        "}\n"
        "locals {\n  doc = <<EOT\n}\nEOT\n  x = data.aws_sagemaker_prebuilt_ecr_image.x.id\n}\n"
    )
    (tmp_path / "main.tf").write_text(text)
    code, _, _ = run(str(tmp_path), "--source", "./m", "--write")
    assert code == 0
    after = (tmp_path / "main.tf").read_text()
    assert re.search(r'module "x" \{\n  source = "./m"\n\n  # a \} in a comment\n', after)
    assert "x   = module.x.id" not in after and "x = module.x.id" in after
    assert plain(hcl2.loads(after))["module"][0]["x"]["region"] == "${data.aws_region.current.name}"


def test_links_are_passed_over(tmp_path):
    outside = tmp_path / "outside.tf"
    outside.write_text(
        'data "aws_sagemaker_prebuilt_ecr_image" "x" {\n  repository_name = "k"\n}\n'
    )
    folder = tmp_path / "root"
    folder.mkdir()
    (folder / "linked.tf").symlink_to(outside)
    code, out, err = run(str(folder), "--source", "./m")
    assert code == 0 and out == "" and "nothing to migrate" in err
