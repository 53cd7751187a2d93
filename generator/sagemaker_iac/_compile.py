"""The build step: compile the built-in catalog, the templates and its build into the package.

`python -m sagemaker_iac._compile` (make compile). Each compiled form records digests of
its sources and is used only while they match; the tests fail while any is stale.
"""

from __future__ import annotations

from . import _prebuilt
from .build import render
from .catalog import load_catalog
from .catalog.load import compile_builtin
from .catalog.resources import COMPILED, DATA
from .targets._jinja import COMPILED_TEMPLATES, compile_templates

if __name__ == "__main__":
    (DATA / COMPILED).write_text(compile_builtin(), encoding="utf-8")
    compile_templates()
    # Rendered last, from the forms just written (the prebuilt build's digest covers them).
    (DATA / _prebuilt.PREBUILT).write_bytes(_prebuilt.encode(render(load_catalog())))
    print(f"wrote {DATA / COMPILED}, {COMPILED_TEMPLATES} and {DATA / _prebuilt.PREBUILT}")
