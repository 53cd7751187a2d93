"""The package's data files (the built-in catalog, its schema and partitions), the folder the
build writes compiled forms into, and what those forms record of their sources."""

from __future__ import annotations

import json
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

try:  # CPython's own BLAKE2: hashlib would load OpenSSL, a large part of a lookup's time
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b as _blake2b

# A plain folder at the package root: the README and the catalog's $schema header name it.
DATA = Path(__file__).resolve().parent.parent / "data"
BUILTIN_CATALOG = "catalog.yaml"
SCHEMA = "catalog.schema.json"
# Compiled forms, written by the build (the wheel's build hook, `make compile` in a
# checkout) and never tracked: each records its sources' digest and the versions of the
# libraries that made it, and is used only while both still match.
COMPILED_DIR = Path(__file__).resolve().parent.parent / "_compiled"

PARTITIONS = "partitions.json"
PARTITIONS_SOURCE = "botocore's partitions.json"


@cache
def known_partitions() -> dict[str, dict[str, str]]:
    """Every AWS partition's DNS suffix and region-name pattern (data/partitions.json)."""
    return json.loads((DATA / PARTITIONS).read_bytes())["partitions"]


def builtin_path() -> Path:
    return DATA / BUILTIN_CATALOG


def schema() -> dict[str, Any]:
    return json.loads((DATA / SCHEMA).read_bytes())


def new_digest(data: bytes = b"") -> Any:
    """A BLAKE2b hash: what each compiled form records of the sources it came from."""
    return _blake2b(data)


def dependency_versions(*names: str) -> str:
    """The installed versions of these distributions, as a compiled form records them."""
    return " ".join(f"{name}=={_version(name)}" for name in names)


@cache
def _version(name: str) -> str:
    # The dist-info folder's name first: importing importlib.metadata would slow a lookup.
    wanted = re.sub(r"[-_.]+", "_", name).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if folder.endswith(".dist-info") and folder.lower().startswith(wanted):
                return folder[len(wanted) : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"
