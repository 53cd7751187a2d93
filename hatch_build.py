"""The wheel's build hook: compile the catalog, the templates and the built-in build.

The compiled forms are never tracked in git; each wheel carries those made from its own
sources with the libraries of its build environment (they are used only where the same
libraries are installed). Editable installs get them from `make compile` instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledFormsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._folder = Path(tempfile.mkdtemp(prefix="sagemaker-iac-compiled-"))
        root = Path(self.root)
        env = {**os.environ, "PYTHONPATH": str(root / "generator")}
        subprocess.run(
            [sys.executable, "-m", "sagemaker_iac._compile", str(self._folder)],
            cwd=root,
            env=env,
            check=True,
        )
        build_data["force_include"][str(self._folder)] = "sagemaker_iac/_compiled"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
