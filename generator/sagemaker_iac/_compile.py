"""The build step: compile the built-in catalog and the templates into the package.

`python -m sagemaker_iac._compile` (make compile). Each compiled form records digests of
its sources and is used only while they match; the tests fail while either is stale.
"""

from __future__ import annotations

from .catalog.load import compile_builtin
from .catalog.resources import COMPILED, DATA
from .targets._jinja import COMPILED_TEMPLATES, compile_templates

if __name__ == "__main__":
    (DATA / COMPILED).write_text(compile_builtin(), encoding="utf-8")
    compile_templates()
    print(f"wrote {DATA / COMPILED} and {COMPILED_TEMPLATES}")
