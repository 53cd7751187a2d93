"""sagemaker-prebuilt-ecr-image against the AWS provider's aws_sagemaker_prebuilt_ecr_image
(5.100.0, from the local mirror), and `migrate` on a realistic root: the migrated root is
fmt- and validate-clean and plans to the same image paths as the data sources did."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from sagemaker_iac.api import load_catalog
from sagemaker_iac.cli import main
from sagemaker_iac.targets._answers import repository_tables
from sagemaker_iac.targets.terraform._modules import PREBUILT_MODULE
from support.cli import cli_runner
from support.paths import FIXTURES
from support.terraform import (
    mirrored_terraform,
    needs_mirror,
    provider_terraform,
    terraform,
    unwrap,
)

VERSIONS = (
    'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n'
    '      version = "5.100.0"\n    }\n  }\n}\n'
)


def credentials(alias: str | None, region: str) -> str:
    """A provider block that configures without any AWS call (the data source makes none),
    laid out as terraform fmt lays it out."""
    settings = {
        **({"alias": f'"{alias}"'} if alias else {}),
        "region": f'"{region}"',
        "access_key": '"test"',
        "secret_key": '"test"',
        "skip_credentials_validation": "true",
        "skip_requesting_account_id": "true",
        "skip_metadata_api_check": "true",
        "skip_region_validation": "true",
    }
    width = max(map(len, settings))
    lines = "".join(f"  {k.ljust(width)} = {v}\n" for k, v in settings.items())
    return f'provider "aws" {{\n{lines}}}\n'


def outputs(folder: Path, data: Path, run: Any = provider_terraform) -> dict:
    """The root's outputs as planned (RUN: how Terraform and the provider start)."""
    run("init", "-input=false", cwd=folder, data=data)
    run("plan", "-input=false", "-out=plan", cwd=folder, data=data)
    shown = run("show", "-json", "plan", cwd=folder, data=data).stdout
    return {k: v["value"] for k, v in json.loads(shown)["planned_values"]["outputs"].items()}


def provider_repositories(folder: Path, data: Path) -> set[str]:
    """The repository names the provider's data source accepts, from its own refusal."""
    folder.mkdir()
    (folder / "main.tf").write_text(
        VERSIONS + credentials(None, "us-east-1")
        + 'data "aws_sagemaker_prebuilt_ecr_image" "x" {\n  repository_name = "-"\n}\n'
    )  # fmt: skip
    provider_terraform("init", "-input=false", cwd=folder, data=data)
    result = provider_terraform("validate", "-no-color", cwd=folder, data=data, check=False)
    listed = re.search(r"to be one of \[([^\]]*)\]", " ".join(result.stderr.split()))
    assert listed, result.stderr
    return set(re.findall(r'"([^"]+)"', listed[1]))


# Regions of four partitions that every repository of the data source has.
REGIONS = ("us-east-1", "eu-west-1", "ap-northeast-1", "cn-north-1", "us-gov-west-1")


@needs_mirror
def test_the_module_answers_as_the_data_source_wherever_both_answer(tmp_path, out_dir):
    known = provider_repositories(tmp_path / "probe", tmp_path / "probe-data")
    catalog = load_catalog()
    tables = repository_tables(catalog)
    both = sorted(known & set(tables))
    assert len(both) >= 75, sorted(known - set(tables))
    cases = {}
    for repository in both:
        tags = tables[repository]["tags"]
        tag = "1" if "1" in tags else sorted(tags)[0]
        for region in REGIONS:
            if region in tables[repository]["registries"][tags[tag]]:
                cases[f"{repository}|{region}"] = {
                    "repository_name": repository,
                    "image_tag": tag,
                    "region": region,
                    # Given to both: the data source's default is its provider's suffix.
                    "dns_suffix": catalog.dns_suffix(region),
                }
    folder = tmp_path / "compare"
    folder.mkdir()
    source = Path(os.path.relpath(out_dir / PREBUILT_MODULE, folder)).as_posix()
    arguments = "".join(f"  {k} = each.value.{k}\n" for k in next(iter(cases.values())))
    (folder / "main.tf").write_text(
        VERSIONS + credentials(None, "us-east-1")
        + 'variable "cases" {\n  type = map(map(string))\n}\n'
        + f'data "aws_sagemaker_prebuilt_ecr_image" "p" {{\n  for_each = var.cases\n{arguments}}}\n'
        + f'module "m" {{\n  source = "{source}"\n  for_each = var.cases\n{arguments}}}\n'
        + 'output "provider" {\n  value = { for k, v in data.aws_sagemaker_prebuilt_ecr_image.p'
        + " : k => [v.registry_id, v.registry_path, v.id] }\n}\n"
        + 'output "module" {\n  value = { for k, v in module.m'
        + " : k => [v.registry_id, v.registry_path, v.id] }\n}\n"
    )  # fmt: skip
    (folder / "terraform.tfvars.json").write_text(json.dumps({"cases": cases}))
    found = outputs(folder, tmp_path / "compare-data")
    assert len(found["provider"]) == len(cases) >= 350
    differ = {k for k in cases if found["provider"][k] != found["module"][k]}
    # The one designed difference: the SDK's (and so the catalog's) registries of the RL
    # Coach MXNet images are not the data source's table for that repository.
    assert {k.split("|")[0] for k in differ} <= {"sagemaker-rl-mxnet"}
    assert len(differ) <= len(REGIONS)


@needs_mirror
def test_a_migrated_root_is_clean_and_plans_to_the_same_images(tmp_path, out_dir, monkeypatch):
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "migrate" / "root", root)
    shutil.copytree(out_dir / PREBUILT_MODULE, tmp_path / "module")
    (root / "providers_override.tf").write_text(
        credentials(None, "us-west-2") + "\n" + credentials("serving", "eu-central-1")
    )
    # Two provider configurations (the serving alias): a provider process each.
    before = outputs(root, tmp_path / "before", mirrored_terraform)
    monkeypatch.chdir(tmp_path)
    result = cli_runner().invoke(main, ["migrate", "root", "--source", "./module", "--write"])
    assert result.exit_code == 0, result.output
    shutil.rmtree(root / ".terraform", ignore_errors=True)
    fmt = mirrored_terraform("fmt", "-check", "-recursive", cwd=root, data=tmp_path / "after")
    assert fmt.stdout == ""
    mirrored_terraform("init", "-input=false", cwd=root, data=tmp_path / "after")
    mirrored_terraform("validate", cwd=root, data=tmp_path / "after")
    after = outputs(root, tmp_path / "after", mirrored_terraform)
    assert after == before
    assert before["images"]["kmeans"].endswith(".dkr.ecr.us-west-2.amazonaws.com/kmeans:1")
    assert ".dkr.ecr.eu-central-1.amazonaws.com/sagemaker-scikit-learn:" in before["serving"]
    assert before["pytorch"].startswith("763104351884.dkr.ecr.eu-west-1.")
    # The child module's data source took the default provider's region, and so does its
    # module call (data.aws_region.current).
    assert before["serving"].endswith(".dkr.ecr.us-west-2.amazonaws.com/linear-learner:1")


@pytest.mark.terraform
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"repository_name": "kmeans", "image_tag": "7", "region": "us-east-1"},
            "ERROR: image tag 7 is not published in kmeans; published: 1",
        ),
        (
            {"repository_name": "kmeanz", "region": "us-east-1"},
            "ERROR: repository kmeanz is not one the catalog knows; known: autogluon-inference,",
        ),
        (
            {"repository_name": "lda", "region": "af-south-1"},
            "ERROR: lda:1 is not published in region af-south-1; available regions: ap-",
        ),
    ],
)
def test_the_plan_refuses_what_the_catalog_does_not_publish(tmp_path, out_dir, arguments, message):
    source = Path(os.path.relpath(out_dir / PREBUILT_MODULE, tmp_path)).as_posix()
    lines = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in arguments.items())
    (tmp_path / "main.tf").write_text(
        f'module "x" {{\n  source = "{source}"\n{lines}}}\n'
        'output "path" {\n  value = module.x.registry_path\n}\n'
    )
    terraform("init", "-backend=false", cwd=tmp_path)
    result = terraform("plan", "-input=false", cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert message in unwrap(result.stderr), result.stderr
