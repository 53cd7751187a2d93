"""The examples use out/ as a user would; the same engines check them."""

from __future__ import annotations

import json

import pytest

from support.cfn_lint import cfn_lint
from support.paths import ROOT
from support.terraform import TERRAFORM, terraform

pytestmark = [pytest.mark.terraform, pytest.mark.cfnlint]

EXAMPLES = ROOT / "examples"


@pytest.mark.skipif(not TERRAFORM.exists(), reason="needs the venv's terraform")
@pytest.mark.parametrize("region", ["eu-west-1", "cn-northwest-1"])
def test_terraform_image_lookup_plans_the_catalog_uris(catalog, tmp_path, monkeypatch, region):
    root = EXAMPLES / "terraform" / "image-lookup"
    # Keep Terraform's working data out of the repository.
    monkeypatch.setenv("TF_DATA_DIR", str(tmp_path / "tf-data"))
    terraform("init", "-backend=false", cwd=root)
    plan = tmp_path / "plan.bin"
    terraform("plan", f"-out={plan}", f"-var=region={region}", cwd=root)
    outputs = json.loads(terraform("show", "-json", str(plan), cwd=root).stdout)["planned_values"][
        "outputs"
    ]
    assert outputs["kmeans_image_uri"]["value"] == catalog.image_uri("kmeans", region)
    assert outputs["xgboost_image_uri"]["value"] == catalog.image_uri(
        "xgboost", region, "0.90-2-cpu-py3"
    )
    assert not (root / ".terraform").exists()


@pytest.mark.parametrize(
    "path", sorted((EXAMPLES / "cloudformation").glob("*.yaml")), ids=lambda p: p.name
)
def test_cloudformation_examples_lint_clean(catalog, path):
    assert cfn_lint(path.read_text(), catalog.for_algorithms().regions) == []


@pytest.mark.skipif(not TERRAFORM.exists(), reason="needs the venv's terraform")
def test_terraform_examples_are_fmt_clean(tmp_path):
    result = terraform(
        "fmt", "-check", "-recursive", "-diff", str(EXAMPLES), cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stdout
