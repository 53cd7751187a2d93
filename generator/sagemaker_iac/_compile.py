"""The build step: compile the built-in catalog, the templates and its whole build.

`python -m sagemaker_iac._compile [FOLDER]`: `make compile` in a checkout (into the
package's git-ignored `_compiled/`), the wheel's build hook (into the folder it packs).
Each form records what it was made from and is used only while that still matches.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .build import compile_builtin_build
from .catalog.load import compile_builtin
from .catalog.resources import COMPILED_DIR
from .targets._jinja import compile_templates


def compile_all(folder: Path = COMPILED_DIR) -> list[Path]:
    """Write every compiled form into FOLDER, each made from the sources (a form already
    in the package is used only where it is current, and gives the same result)."""
    templates = folder / "templates"
    compile_templates(templates)
    return [compile_builtin(folder), templates, compile_builtin_build(folder)]


if __name__ == "__main__":
    written = compile_all(Path(sys.argv[1]) if len(sys.argv) > 1 else COMPILED_DIR)
    print("wrote " + ", ".join(str(p) for p in written))
