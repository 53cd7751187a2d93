"""Stage 2, catalog -> files: a subpackage per target; imports catalog/ and outtree only.

The registry lives here, without the renderers, so the CLI offers the targets cheaply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# Each target and the out/ path prefixes it owns (a partial generate replaces only these).
TARGET_ROOTS = {"terraform": ("terraform/",), "cloudformation": ("cloudformation/",)}
TARGETS = tuple(TARGET_ROOTS)


def templates_dir() -> Path:
    """The packaged templates, or the repository's templates/ in a source checkout."""
    from pathlib import Path  # off a lookup's path

    package = Path(__file__).resolve().parents[1]
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parents[1] / "templates"
