"""The example refresh workflow passes actionlint, and actionlint can fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support.paths import ROOT

WORKFLOW = ROOT / "examples" / "ci" / "github-actions-refresh.yml"
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
