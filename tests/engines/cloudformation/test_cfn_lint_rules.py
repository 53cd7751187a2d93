"""The cfn-lint rules package, run by the real cfn-lint's command line (`-a
sagemaker_iac.cfn_lint_rules`) on templates with and without the mistakes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.catalogs import other_region_account

pytestmark = pytest.mark.cfnlint

REGIONS = ["us-east-1", "us-west-2", "eu-west-1"]
OURS = ("E91", "W91")  # the package's rule ids; cfn-lint's own are not asserted here
CFN_LINT = str(Path(sys.executable).parent / "cfn-lint")  # the console script, as users run it
# cfn-lint's exit codes: a bit each for errors (2), warnings (4) and notices (8); 1 is a crash.
RAN = (0, 2, 4, 6, 8, 10, 12, 14)


def cfn_lint(path: Path, *regions: str) -> list[tuple[int, str]]:
    """(line, rule id) of each of the package's findings, from cfn-lint's parseable output."""
    command = [CFN_LINT, str(path), "--format", "parseable"]
    command += ["--regions", *(regions or REGIONS), "-a", "sagemaker_iac.cfn_lint_rules"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode in RAN, result.stderr
    found = []
    for line in result.stdout.splitlines():
        _, row, _, _, _, rule, _ = line.split(":", 6)
        if rule.startswith(OURS):
            found.append((int(row), rule))
    return sorted(found)


def template(resources: dict) -> str:
    body = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}
    return yaml.safe_dump(body, sort_keys=False, width=1000)


def model(image: object) -> dict:
    return {
        "Type": "AWS::SageMaker::Model",
        "Properties": {
            "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r",
            "PrimaryContainer": {"Image": image},
        },
    }


def test_each_mistake_is_reported_at_its_line(tmp_path, catalog):
    east = catalog.registry_id("kmeans", "us-east-1")
    west = catalog.registry_id("kmeans", "us-west-2")
    _, wrong = other_region_account(catalog, "kmeans", "us-west-2")
    variable = f"{east}.dkr.ecr.${{AWS::Region}}.${{AWS::URLSuffix}}/kmeans:1"
    body = {
        "Pinned": model(f"{west}.dkr.ecr.us-west-2.amazonaws.com/kmeans:1"),
        "WrongAccount": model(f"{wrong}.dkr.ecr.us-west-2.amazonaws.com/kmeans:1"),
        "WrongTag": model(f"{west}.dkr.ecr.us-west-2.amazonaws.com/kmeans:999"),
        "WrongSuffix": model(f"{west}.dkr.ecr.us-west-2.amazonaws.com.cn/kmeans:1"),
        "EastAccount": model({"Fn::Sub": variable}),
        "Package": {
            "Type": "AWS::SageMaker::ModelPackage",
            "Properties": {
                "InferenceSpecification": {
                    "Containers": [{"Image": f"{wrong}.dkr.ecr.us-west-2.amazonaws.com/kmeans:1"}],
                    "SupportedContentTypes": ["text/csv"],
                    "SupportedResponseMIMETypes": ["text/csv"],
                }
            },
        },
        "Pipeline": {
            "Type": "AWS::SageMaker::Pipeline",
            "Properties": {
                "PipelineName": "p",
                "RoleArn": "arn:aws:iam::123456789012:role/r",
                "PipelineDefinition": {
                    "PipelineDefinitionBody": json.dumps(
                        {"TrainingImage": f"{wrong}.dkr.ecr.us-west-2.amazonaws.com/kmeans:1"}
                    )
                },
            },
        },
    }
    path = tmp_path / "bad.yaml"
    path.write_text(template(body), encoding="utf-8")
    lines = {
        name: n
        for n, text in enumerate(path.read_text().splitlines(), 1)
        for name in body
        if text == f"  {name}:"
    }
    found = cfn_lint(path)
    # The image is the model's fifth line (its Fn::Sub the sixth), the body the pipeline's
    # sixth.
    at = {name: lines[name] + 5 for name in body}
    at["EastAccount"] = lines["EastAccount"] + 6
    at["Pipeline"] = lines["Pipeline"] + 6
    east_regions = [r for r in REGIONS if catalog.registry_id("kmeans", r) != east]
    assert east_regions  # the us-east-1 account is wrong somewhere else
    expected = [
        (at["Pinned"], "W9104"),
        (at["WrongAccount"], "E9101"),
        (at["WrongAccount"], "W9104"),
        (at["WrongTag"], "E9103"),
        (at["WrongTag"], "W9104"),
        (at["WrongSuffix"], "E9102"),
        (at["WrongSuffix"], "W9104"),
        *[(at["EastAccount"], "E9101") for _ in east_regions],
        (at["Package"], "E9101"),
        (at["Package"], "W9104"),
        (at["Pipeline"], "E9101"),
        (at["Pipeline"], "W9104"),
    ]
    assert found == sorted(expected)


def test_a_region_the_image_is_not_published_in_is_reported(tmp_path, catalog):
    missing = next(r for r in sorted(catalog.regions) if r not in catalog.regions_for("lda"))
    east = catalog.registry_id("lda", "us-east-1")
    image = f"{east}.dkr.ecr.${{AWS::Region}}.${{AWS::URLSuffix}}/lda:1"
    path = tmp_path / "lda.yaml"
    path.write_text(template({"Lda": model({"Fn::Sub": image})}), encoding="utf-8")
    assert [rule for _, rule in cfn_lint(path, missing)] == ["E9105"]
    assert cfn_lint(path, "us-east-1") == []


def test_generated_templates_pass_the_rules(built, tmp_path):
    """Every template sagemaker-iac writes takes its image from the catalog's Mappings."""
    names = [n for n in built if n.startswith("cloudformation/") and n.endswith(".yaml")]
    names = [n for n in names if "frameworks/" not in n and "mappings" not in n]
    assert len(names) > 10
    for name in names:
        path = tmp_path / name.replace("/", "_")
        path.write_text(built[name], encoding="utf-8")
    command = [CFN_LINT, *map(str, sorted(tmp_path.glob("*.yaml")))]
    command += ["--format", "parseable", "-a", "sagemaker_iac.cfn_lint_rules"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode in RAN, result.stderr
    ours = [line for line in result.stdout.splitlines() if ":E91" in line or ":W91" in line]
    assert ours == []


def test_a_malformed_template_is_left_to_cfn_lint(tmp_path):
    """Resources that are not mappings, and properties that are not: cfn-lint reports
    them (one of its own rules crashes on them); the package's rules neither crash (E0002
    naming them) nor report anything."""
    path = tmp_path / "odd.yaml"
    path.write_text(
        template(
            {"List": ["x"], "Text": "x", "Odd": {"Type": "AWS::SageMaker::Model", "Properties": 3}}
        ),
        encoding="utf-8",
    )
    command = [CFN_LINT, str(path), "--format", "parseable", "-a", "sagemaker_iac.cfn_lint_rules"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode in RAN and result.stdout, result.stderr  # cfn-lint's findings
    crashed = [
        line
        for line in result.stdout.splitlines()
        if "processing rule E91" in line or "processing rule W91" in line
    ]
    assert crashed == [] and cfn_lint(path) == []
