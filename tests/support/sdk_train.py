"""The SageMaker Python SDK v2 of the request oracles: its interpreter (.venv-sdk-train,
or SAGEMAKER_SDK_TRAIN_PYTHON) and the marks of a test that runs it."""

from __future__ import annotations

import os
from pathlib import Path

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
