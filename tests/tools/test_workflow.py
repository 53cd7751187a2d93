"""The example workflows (refresh, lint) pass actionlint, and actionlint can fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support.paths import ROOT

WORKFLOW = ROOT / "examples" / "ci" / "github-actions-refresh.yml"
LINT_WORKFLOW = ROOT / "examples" / "ci" / "github-actions-lint.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", str(path)], capture_output=True, text=True, timeout=120
    )


def test_the_refresh_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_a_broken_copy(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "refresh.yml"
    broken.parent.mkdir(parents=True)
    shutil.copy(WORKFLOW, broken)
    text = broken.read_text().replace(
        "steps.refresh.outputs.changed", "steps.refreshed.outputs.changed"
    )
    broken.write_text(text)
    result = actionlint(broken)
    assert result.returncode == 1
    assert "refreshed" in result.stdout


def test_the_workflow_runs_refresh_and_opens_a_pull_request_with_the_diff():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    steps = workflow["jobs"]["refresh"]["steps"]
    commands = "\n".join(step.get("run", "") for step in steps)
    assert "sagemaker-iac refresh" in commands and "--diff-file refresh.md" in commands
    assert "gh pr create" in commands and "--body-file refresh.md" in commands
    assert workflow[True]["schedule"]  # PyYAML reads the key `on` (YAML 1.1) as True


def test_the_lint_workflow_passes_actionlint():
    result = actionlint(LINT_WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_a_lint_workflow_without_its_permission_spelled_right(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "lint.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(LINT_WORKFLOW.read_text().replace("security-events:", "security-event:"))
    result = actionlint(broken)
    assert result.returncode == 1
    assert "security-event" in result.stdout


def test_the_lint_workflow_uploads_sarif_and_annotates():
    workflow = yaml.safe_load(LINT_WORKFLOW.read_text())
    steps = workflow["jobs"]["lint"]["steps"]
    assert workflow["permissions"]["security-events"] == "write"
    sarif = next(s for s in steps if "--format sarif" in s.get("run", ""))
    assert sarif.get("continue-on-error") is True  # the upload runs when there are findings
    (output,) = [w for w in sarif["run"].split() if w.endswith(".sarif")]
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    assert upload["with"]["sarif_file"] == output and "always()" in upload["if"]
    assert steps.index(upload) > steps.index(sarif)
    assert "--format github" in steps[-1]["run"]
