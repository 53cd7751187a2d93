"""A cache of validated catalogs, keyed by the file's bytes, the schema and this version,
so an unchanged catalog is not parsed and validated again (that is most of a lookup)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

DISABLE = "SAGEMAKER_IAC_NO_CACHE"


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sagemaker-iac"


# The code that validates: a change to it must not be skipped by an old entry.
_VALIDATORS = ("catalog.py", "yamlsource.py")


def key(text: bytes, schema: bytes) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    code = b"".join((here / name).read_bytes() for name in _VALIDATORS)
    for part in (__version__.encode(), code, schema, text):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def get(cache_key: str) -> Any | None:
    if os.environ.get(DISABLE):
        return None
    try:
        return json.loads((directory() / f"{cache_key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent or damaged: validate again


def put(cache_key: str, data: Any) -> None:
    if os.environ.get(DISABLE):
        return
    try:
        folder = directory()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, folder / f"{cache_key}.json")
    except OSError:
        pass  # a read-only home only costs speed
