"""sagemaker-iac's checkov checks, loaded by the real checkov from the folder that the
installed package's `sagemaker-iac checkov-dir` prints, on Terraform and CloudFormation
resources with every kind of finding."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from sagemaker_iac.checkov_checks import CHECK_IDS
from support.catalogs import other_region_account
from support.paths import CHECKOV

pytestmark = pytest.mark.checkov

# sagemaker-iac as installed beside checkov (make test installs it there).
INSTALLED = CHECKOV.parent / "sagemaker-iac"


def uris(catalog) -> dict[str, str]:
    """An image URI of each kind, by the rules it breaks where its region is literal."""
    right = catalog.image_uri("kmeans", "us-west-2")
    _, other_account = other_region_account(catalog, "kmeans", "us-west-2")
    china = catalog.image_uri("kmeans", "cn-north-1")
    lda_missing = next(r for r in sorted(catalog.regions) if r not in catalog.regions_for("lda"))
    return {
        "right": right,
        "account": right.replace(catalog.registry_id("kmeans", "us-west-2"), other_account),
        "suffix": china.replace(".amazonaws.com.cn/", ".amazonaws.com/"),
        "tag": right.rsplit(":", 1)[0] + ":999",
        "unpublished": f"{catalog.registry_id('lda', 'us-east-1')}.dkr.ecr.{lda_missing}."
        f"{catalog.dns_suffix(lda_missing)}/lda:1",
    }


# Each resource's failed checks: a literal region is SMI004 (CKV_SMI_4) in both languages.
EXPECTED_FAILED = {
    "right": {"CKV_SMI_4"},
    "account": {"CKV_SMI_1", "CKV_SMI_4"},
    "suffix": {"CKV_SMI_2", "CKV_SMI_4"},
    "tag": {"CKV_SMI_3", "CKV_SMI_4"},
    "unpublished": {"CKV_SMI_5", "CKV_SMI_4"},
    "variable": {"CKV_SMI_6"},
}


@pytest.fixture(scope="module")
def checks_dir() -> Path:
    if not CHECKOV.exists():
        pytest.skip("checkov's tool environment is missing: run `make test`")
    if not INSTALLED.exists():
        pytest.skip("sagemaker-iac is not installed beside checkov: run `make test`")
    printed = subprocess.run(
        [str(INSTALLED), "checkov-dir"], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    folder = Path(printed)
    assert (folder / "__init__.py").is_file() and folder.name == "checkov_checks"
    return folder


@pytest.fixture(scope="module")
def results(tmp_path_factory, catalog, checks_dir) -> dict[tuple[str, str], set[str]]:
    """(language, resource name) -> (check id, result) of one checkov run."""
    tree = tmp_path_factory.mktemp("checks")
    found = uris(catalog)
    east = catalog.image_uri("kmeans", "us-east-1")
    tf = [
        f'resource "aws_sagemaker_model" "{name}" {{\n'
        '  execution_role_arn = "arn:aws:iam::123456789012:role/x"\n'
        f'  primary_container {{\n    image = "{uri}"\n  }}\n}}\n'
        for name, uri in found.items()
    ]
    tf.append(
        'variable "region" {\n  type = string\n}\n'
        'resource "aws_sagemaker_model" "variable" {\n'
        '  execution_role_arn = "arn:aws:iam::123456789012:role/x"\n'
        "  primary_container {\n"
        f'    image = "{east.replace(".us-east-1.", ".${var.region}.")}"\n'
        "  }\n}\n"
        # No catalog image: checkov reports nothing of these checks for it.
        'resource "aws_sagemaker_model" "own" {\n'
        '  execution_role_arn = "arn:aws:iam::123456789012:role/x"\n'
        "  primary_container {\n"
        '    image = "123456789012.dkr.ecr.us-west-2.amazonaws.com/mine:1"\n'
        "  }\n}\n"
    )
    (tree / "main.tf").write_text("\n".join(tf))
    resources = {
        name: {
            "Type": "AWS::SageMaker::Model",
            "Properties": {
                "ExecutionRoleArn": "arn:aws:iam::123456789012:role/x",
                "PrimaryContainer": {"Image": uri},
            },
        }
        for name, uri in found.items()
    }
    resources["variable"] = {
        "Type": "AWS::SageMaker::Model",
        "Properties": {
            "ExecutionRoleArn": "arn:aws:iam::123456789012:role/x",
            "PrimaryContainer": {"Image": {"Fn::Sub": east.replace("us-east-1", "${AWS::Region}")}},
        },
    }
    template = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}
    (tree / "stack.json").write_text(json.dumps(template, indent=2))
    result = subprocess.run(
        [
            str(CHECKOV),
            "-d",
            str(tree),
            "--external-checks-dir",
            str(checks_dir),
            "--check",
            ",".join(CHECK_IDS.values()),
            "--framework",
            "terraform",
            "cloudformation",
            "--skip-download",
            "--output",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE"},
    )
    assert result.returncode in (0, 1), result.stderr
    reports = json.loads(result.stdout)
    by_resource: dict[tuple[str, str], set[str]] = {}
    for report in reports if isinstance(reports, list) else [reports]:
        for outcome in ("passed_checks", "failed_checks"):
            for check in report["results"].get(outcome, []):
                name = check["resource"].rsplit(".", 1)[-1]
                key = (report["check_type"], name)
                mark = "failed" if outcome == "failed_checks" else "passed"
                by_resource.setdefault(key, set()).add(f"{check['check_id']} {mark}")
                if mark == "failed" and report["check_type"] == "terraform":
                    # checkov's CloudFormation runner drops a check's details.
                    assert check["details"], check
    return by_resource


@pytest.mark.parametrize("language", ["terraform", "cloudformation"])
@pytest.mark.parametrize("name", sorted(EXPECTED_FAILED))
def test_each_resource_fails_exactly_its_checks(results, language, name):
    outcomes = results[(language, name)]
    assert {c.split()[0] for c in outcomes if c.endswith("failed")} == EXPECTED_FAILED[name]
    # The other checks pass: every check ran on every resource with a catalog image.
    assert {c.split()[0] for c in outcomes} == set(CHECK_IDS.values())


def test_a_resource_without_a_catalog_image_gets_no_result(results):
    assert ("terraform", "own") not in results
