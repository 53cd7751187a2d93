"""The wheel's build hook: compile the catalog, the templates and the built-in build.

The compiled forms are never tracked in git; each wheel carries those made from its own
sources with the libraries of its build environment (they are used only where the same
libraries are installed). Editable installs get them from `make compile` instead.
"""

from __future__ import annotations

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
        # In a process of its own, the package first on its path: the build environment's
        # Python, with the libraries pyproject.toml's build-system names.
        script = "\n".join(
            [
                "import sys",
                "from pathlib import Path",
                "sys.path.insert(0, sys.argv[1])",
                "from sagemaker_iac._compile import compile_all",
                "compile_all(Path(sys.argv[2]))",
            ]
        )
        generator = str(Path(self.root) / "generator")
        subprocess.run([sys.executable, "-c", script, generator, str(self._folder)], check=True)
        build_data["force_include"][str(self._folder)] = "sagemaker_iac/_compiled"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
