"""sagemaker-jumpstart-spec: Terraform 1.0.3 evaluates JumpStart lookups (models, regions,
instance types across the catalog) to the answers of `sagemaker-iac jumpstart --json`,
and stops the plan for what the catalog does not have."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sagemaker_iac.api import jumpstart_hosting, load_catalog
from sagemaker_iac.targets.terraform._modules import JUMPSTART_MODULE
from support.cli import invoke
from support.terraform import TERRAFORM_MARKS, terraform
from support.tf_chunks import evaluated_uris

pytestmark = [*TERRAFORM_MARKS]

REGIONS = (
    "us-east-1",
    "cn-north-1",
    "us-gov-west-1",
    "eu-central-2",
    "ap-northeast-3",
    "af-south-1",
)
FIELDS = (
    "version",
    "region",
    "instance_type",
    "image_uri",
    "model_data",
    "environment",
    "requires_eula",
    "default_instance_type",
    "instance_types",
)
ANSWERS = (
    "jsonencode({ for key, m in module.image : key => {"
    + ", ".join(f"{f} = m.{f}" for f in FIELDS)
    + "} })"
)


def sample(catalog) -> dict[str, dict]:
    """A lookup per model, cycling through regions (where the model is published) and
    its instance types; every third leaves the instance type to the model's default."""
    chosen = {}
    for index, (model_id, versions) in enumerate(sorted(catalog.jumpstart.models.items())):
        (found,) = versions.values()
        regions = [r for r in REGIONS if r in found.regions] or list(found.regions)
        types = found.instance_types
        chosen[f"m{index}"] = {
            "model_id": model_id,
            "region": regions[index % len(regions)],
            "instance_type": None if index % 3 == 0 else types[index % len(types)],
        }
        for region in found.region_aliases:  # a region whose image differs, every one
            chosen[f"m{index}-{region}"] = {
                "model_id": model_id,
                "region": region,
                "instance_type": None,
            }
    return chosen


def _root(tmp_path: Path, out_dir: Path, lookups: dict, name: str, init: bool = True) -> Path:
    root = tmp_path / name
    root.mkdir()
    source = Path(os.path.relpath(out_dir / JUMPSTART_MODULE, root)).as_posix()
    (root / "main.tf").write_text(
        'variable "lookups" {\n'
        "  type = map(object({ model_id = string, region = string, instance_type = string }))\n"
        "}\n\n"
        f'module "image" {{\n  for_each      = var.lookups\n  source        = "{source}"\n'
        "  model_id      = each.value.model_id\n  region        = each.value.region\n"
        "  instance_type = each.value.instance_type\n}\n"
    )
    (root / "terraform.tfvars.json").write_text(json.dumps({"lookups": lookups}))
    if init:
        terraform("init", "-backend=false", cwd=root)
    return root


def test_terraform_answers_every_model_as_the_cli_does(out_dir, tmp_path):
    catalog = load_catalog()
    lookups = sample(catalog)
    assert len(lookups) >= 300
    found = evaluated_uris(
        lookups, lambda c, n, i: _root(tmp_path, out_dir, c, n, i), expression=ANSWERS
    )
    expected = {}
    for key, lookup in lookups.items():
        answer = jumpstart_hosting(
            catalog, lookup["model_id"], lookup["region"], instance_type=lookup["instance_type"]
        ).as_json()
        expected[key] = {f: answer[f] for f in FIELDS}
    assert found == expected
    assert {v["region"] for v in lookups.values()} >= {"cn-north-1", "us-gov-west-1"}
    assert any("-" in key for key in lookups)  # regions with their own image among them
    # The CLI prints the same answers (a few, in process).
    for key in sorted(lookups)[:5]:
        lookup = lookups[key]
        args = ["jumpstart", lookup["model_id"], "--region", lookup["region"], "--json"]
        if lookup["instance_type"]:
            args += ["--instance-type", lookup["instance_type"]]
        answer = json.loads(invoke(args).stdout)
        assert {f: answer[f] for f in FIELDS} == found[key]


LLAMA = "meta-textgeneration-llama-3-1-8b-instruct"


@pytest.mark.parametrize(
    ("lookup", "message"),
    [
        (
            {"model_id": "meta-textgeneration-llama-9"},
            "unknown JumpStart model meta-textgeneration-llama-9;",
        ),
        (
            {"model_id": LLAMA, "instance_type": "ml.m5.large"},
            f"JumpStart model {LLAMA} 2.2.4 does not support instance type ml.m5.large; it "
            "supports: ml.g5.4xlarge,",
        ),
        (
            {"model_id": LLAMA, "region": "eu-central-2"},
            f"JumpStart model {LLAMA} 2.2.4 is not published in eu-central-2; it is in: "
            "af-south-1,",
        ),
        (
            {"model_id": LLAMA, "model_version": "9.9.9"},
            f"JumpStart model {LLAMA} has no version 9.9.9 in the catalog; it has: 2.2.4",
        ),
    ],
)
def test_the_plan_refuses_what_the_catalog_does_not_have(out_dir, tmp_path, lookup, message):
    root = tmp_path / "failing"
    root.mkdir()
    source = Path(os.path.relpath(out_dir / JUMPSTART_MODULE, root)).as_posix()
    arguments = {"region": "us-east-1", **lookup}
    body = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in arguments.items())
    (root / "main.tf").write_text(
        f'module "x" {{\n  source = "{source}"\n{body}}}\n\noutput "uri" {{\n'
        "  value = module.x.image_uri\n}\n"
    )
    terraform("init", "-backend=false", cwd=root)
    result = terraform("plan", "-input=false", cwd=root, check=False)
    assert result.returncode == 1
    text = " ".join(result.stderr.split())
    assert "ERROR: " + message in text, text


def test_each_model_file_holds_only_its_model(out_dir):
    catalog = load_catalog()
    folder = out_dir / JUMPSTART_MODULE / "models"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(catalog.jumpstart.models)
    data = json.loads((folder / f"{LLAMA}.json").read_text())
    assert data["newest"] == "2.2.4" and list(data["versions"]) == ["2.2.4"]
    assert set(data["groups"]) == {"djl-inference:0.29.0-lmi11.0.0-cu124"}
