"""Resource modules against the AWS provider's schema.

Extra tier: where the machine has a newer Terraform and a local mirror of the
hashicorp/aws provider, `terraform validate` runs against the real schema; elsewhere
those tests skip and say why. 5.100.0 predates aws_sagemaker_training_job, so that
resource is checked against the provider's documented arguments in every run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, ROOT, TERRAFORM, load_hcl
from sagemaker_iac.terraform import MODEL_MODULE, TRAINING_JOB_MODULE

PLUGIN_ROOTS = [Path("/opt/tf-plugins")]
EXAMPLE = "examples/terraform/train-and-host-kmeans"


def newer_terraform() -> Path | None:
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = Path(directory) / "terraform"
        if not candidate.is_file() or candidate.resolve() == TERRAFORM.resolve():
            continue
        out = subprocess.run([str(candidate), "version"], capture_output=True, text=True)
        match = re.search(r"Terraform v(\d+)\.(\d+)", out.stdout)
        if match and (int(match[1]), int(match[2])) >= (1, 2):
            return candidate
    return None


def plugin_dir() -> Path | None:
    for root in PLUGIN_ROOTS:
        if list(root.glob("registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*")):
            return root
    return None


TF, PLUGINS = newer_terraform(), plugin_dir()
needs_mirror = pytest.mark.skipif(
    TF is None or PLUGINS is None,
    reason="no Terraform >= 1.2 besides the venv's 1.0.3, or no local hashicorp/aws mirror "
    "(/opt/tf-plugins) on this machine: the real-schema tier is skipped",
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """out/ and examples/ as the repository lays them out, adapted to the mirrored provider."""
    work = tmp_path_factory.mktemp("schema")
    shutil.copytree(ROOT / "out" / "terraform", work / "out" / "terraform")
    shutil.copytree(ROOT / "examples" / "terraform", work / "examples" / "terraform")
    job = work / "out" / TRAINING_JOB_MODULE
    main = (job / "main.tf").read_text()
    start = main.index('resource "aws_sagemaker_training_job" "this"')
    end = main.index("# For repeatable runs")
    (job / "main.tf").write_text(main[:start] + main[end:])
    outputs = (job / "outputs.tf").read_text()
    (job / "outputs.tf").write_text(
        outputs.replace("one(aws_sagemaker_training_job.this[*].arn)", "null")
    )
    # The mirror is 5.100.0: relax the version floors and use aws_region's 5.x attribute
    # name (6.0 renamed `name` to `region`); the rest is validated as generated.
    model = work / "out" / MODEL_MODULE
    for versions in [job / "versions.tf", model / "versions.tf", work / EXAMPLE / "versions.tf"]:
        versions.write_text(
            re.sub(r'version = ">= 6\.[\d.]+"', 'version = ">= 5.0"', versions.read_text())
        )
    for module in (job, model):
        for path in module.glob("*.tf"):
            text = path.read_text()
            path.write_text(
                text.replace("data.aws_region.current.region", "data.aws_region.current.name")
            )
    return work


def validate(directory: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "terraformrc"
    config.write_text("")
    env = {
        **os.environ,
        "CHECKPOINT_DISABLE": "1",
        "TF_CLI_CONFIG_FILE": str(config),
        "TF_DATA_DIR": str(tmp_path / f"data-{directory.name}"),
    }
    init = subprocess.run(
        [str(TF), "init", "-backend=false", f"-plugin-dir={PLUGINS}", "-no-color"],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
    )
    assert init.returncode == 0, init.stdout + init.stderr
    return subprocess.run(
        [str(TF), "validate", "-no-color"], cwd=directory, env=env, capture_output=True, text=True
    )


@needs_mirror
@pytest.mark.parametrize("path", [f"out/{MODEL_MODULE}", f"out/{TRAINING_JOB_MODULE}", EXAMPLE])
def test_validates_against_the_real_provider_schema(tree, tmp_path, path):
    result = validate(tree / path, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_mirror
def test_validation_against_the_mirror_is_able_to_fail(tree, tmp_path):
    model = tree / "out" / MODEL_MODULE
    broken = tmp_path / "broken"
    shutil.copytree(model.parent, broken)
    main = broken / model.name / "main.tf"
    main.write_text(
        main.read_text().replace("enable_network_isolation = var", "network_isolation = var")
    )
    result = validate(broken / model.name, tmp_path)
    assert result.returncode != 0 and "network_isolation" in result.stderr


def _blocks(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Nested blocks of a python-hcl2 body, dynamic ones included, by name."""
    found: dict[str, dict[str, Any]] = {}
    for name, value in body.items():
        if name == "dynamic":
            for dynamic in value:
                ((block, spec),) = dynamic.items()
                found[block] = spec["content"][0]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            found[name] = value[0]
    return found


def check_block(name: str, body: dict[str, Any], documented: dict[str, Any]) -> list[str]:
    problems = []
    allowed = documented["blocks"].get(name, documented["arguments"] if name == "" else {})
    blocks = _blocks(body)
    meta = {"count", "for_each", "lifecycle", "depends_on", "provider", "dynamic"}
    for key in body:
        if key not in meta and key not in allowed:
            problems.append(f"{name or 'resource'}: {key} is not a documented argument")
    for key, need in allowed.items():
        if need == "required" and key not in body and key not in blocks:
            problems.append(f"{name or 'resource'}: required {key} is missing")
    for block, content in blocks.items():
        problems += check_block(block, content, documented)
    return problems


def test_training_job_resource_uses_only_documented_arguments():
    documented = yaml.safe_load(
        (FIXTURES / "aws_sagemaker_training_job_arguments.yaml").read_text()
    )
    resources = load_hcl(ROOT / "out" / TRAINING_JOB_MODULE / "main.tf")["resource"]
    body = next(
        r["aws_sagemaker_training_job"]["this"]
        for r in resources
        if "aws_sagemaker_training_job" in r
    )
    assert check_block("", body, documented) == []
    broken = {**body, "training_job_nam": body["training_job_name"]}
    del broken["training_job_name"]
    assert len(check_block("", broken, documented)) == 2  # the check is able to fail
