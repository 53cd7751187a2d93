"""Where the repository's files are, and the small good catalogs the tests load."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# The two small good catalogs: the seed (algorithms only) and the smallest legal one.
SEED = FIXTURES / "catalogs" / "good" / "seed.yaml"
MINIMAL = FIXTURES / "catalogs" / "good" / "minimal.yaml"
# checkov, in its own tool environment (make test names it in CHECKOV).
CHECKOV = Path(os.environ.get("CHECKOV", ROOT / ".venv-checkov" / "bin" / "checkov"))


def user_tree(tmp_path: Path) -> Path:
    """out/ and examples/ laid out as in the repository, as a user's checkout has them."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "out" / "terraform", tree / "out" / "terraform")
    shutil.copytree(ROOT / "examples" / "terraform", tree / "examples" / "terraform")
    return tree
