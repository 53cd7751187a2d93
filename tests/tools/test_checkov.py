"""checkov, from its own tool environment (it pins dependencies the tests cannot share)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support.paths import CHECKOV, ROOT

pytestmark = pytest.mark.checkov


if "CHECKOV" not in os.environ and not CHECKOV.exists():
    pytest.skip("checkov's tool environment is missing: run `make test`", allow_module_level=True)


# Skipped, as checkov has no check for what they hold (and parsing them was 60% of its
# run): the framework templates declare only mappings and one WaitConditionHandle, and
# the lookup module's answers are JSON data. test_the_skipped_paths_hold_no_resources
# keeps this true.
NO_RESOURCES = (
    "out/cloudformation/frameworks",
    "out/terraform/sagemaker-framework-image/images",
    "out/terraform/sagemaker-prebuilt-ecr-image/repositories",
    "out/terraform/sagemaker-jumpstart-spec/models",
)


def checkov(directory: Path) -> list[dict]:
    result = subprocess.run(
        [
            str(CHECKOV),
            "-d",
            str(directory),
            "--framework",
            "terraform",
            "cloudformation",
            "--skip-download",
            "--output",
            "json",
            "--compact",
            "--quiet",
            *(f"--skip-path={path}" for path in NO_RESOURCES),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE"},
    )
    assert result.returncode in (0, 1), result.stderr
    reports = json.loads(result.stdout)
    return reports if isinstance(reports, list) else [reports]


def failed(reports: list[dict]) -> list[str]:
    return [
        f"{c['check_id']} {c.get('resource')} {c.get('file_path')}"
        for r in reports
        for c in r.get("results", {}).get("failed_checks", [])
    ]


BAD = (
    'resource "aws_sagemaker_notebook_instance" "bad" {\n'
    '  name                   = "bad"\n'
    '  role_arn               = "arn:aws:iam::123456789012:role/x"\n'
    '  instance_type          = "ml.t3.medium"\n'
    '  direct_internet_access = "Enabled"\n'
    "}\n"
)
CHECKED = [
    "out",
    "examples/terraform/train-and-host-kmeans",
    "examples/terraform/host-jumpstart-llm",
    "examples/cloudformation",
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[dict]:
    """One checkov run (each start costs seconds) over out/, the examples and a bad file,
    laid out as in the repository so the examples' module sources resolve."""
    tree = tmp_path_factory.mktemp("checkov")
    for directory in CHECKED:
        shutil.copytree(ROOT / directory, tree / directory)
    (tree / "bad").mkdir()
    (tree / "bad" / "main.tf").write_text(BAD)
    return checkov(tree)


def _under(reports: list[dict], directory: str) -> list[str]:
    return [f for f in failed(reports) if f.split(" ")[-1].lstrip("/").startswith(directory)]


@pytest.mark.parametrize("directory", CHECKED)
def test_no_failed_check(reports, directory):
    # The examples create what out/'s modules leave off by default (endpoint, roles).
    assert _under(reports, directory) == []
    for report in reports:
        summary = report.get("summary", report)
        assert summary.get("parsing_errors", 0) == 0
    assert sum(r.get("summary", r).get("passed", 0) for r in reports) > 0


def test_checkov_is_able_to_fail(reports):
    assert _under(reports, "bad") != []
    assert len(failed(reports)) == len(_under(reports, "bad"))


def test_the_skipped_paths_hold_no_resources(out_dir, out_templates):
    templates = sorted((out_dir / "cloudformation" / "frameworks").glob("*"))
    assert len(templates) > 100 and all(p.suffix == ".yaml" for p in templates)
    for path in templates:
        resources = out_templates[path]["Resources"]
        assert {r["Type"] for r in resources.values()} == {
            "AWS::CloudFormation::WaitConditionHandle"
        }
    answers = sorted((out_dir / "terraform" / "sagemaker-framework-image" / "images").glob("*"))
    answers += sorted(
        (out_dir / "terraform" / "sagemaker-prebuilt-ecr-image" / "repositories").glob("*")
    )
    answers += sorted((out_dir / "terraform" / "sagemaker-jumpstart-spec" / "models").glob("*"))
    assert len(answers) > 450 and all(p.suffix == ".json" for p in answers)
    for path in answers:
        assert "Resources" not in json.loads(path.read_text())
