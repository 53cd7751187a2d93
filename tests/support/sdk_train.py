"""The SageMaker Python SDK v2 of the request oracles: its interpreter (.venv-sdk-train,
or SAGEMAKER_SDK_TRAIN_PYTHON), the marks of a test that runs it, and a run of it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .paths import ROOT

SDK_PYTHON = Path(
    os.environ.get("SAGEMAKER_SDK_TRAIN_PYTHON", ROOT / ".venv-sdk-train" / "bin" / "python")
)
SDK_MARKS = [
    pytest.mark.sdk,
    pytest.mark.skipif(
        not SDK_PYTHON.exists(), reason=f"no SDK environment at {SDK_PYTHON} (make test builds it)"
    ),
]


def ask_sdk(script: str, cases: dict[str, Any], folder: Path, env: dict[str, str]) -> Any:
    """Run tests/tools/SCRIPT under the SDK with CASES on stdin and ENV over this process's
    environment; its answers (it writes them to the file named by its argument, since the
    SDK logs to stdout)."""
    answers = folder / "answers.json"
    subprocess.run(
        [str(SDK_PYTHON), str(ROOT / "tests" / "tools" / script), str(answers)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={**os.environ, **env},
    )
    return json.loads(answers.read_text())
