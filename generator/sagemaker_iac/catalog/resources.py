"""The package's data files (the built-in catalog, its schema and partitions), the folder the
build writes compiled forms into, and what those forms record of their sources."""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

try:  # CPython's own BLAKE2: hashlib would load OpenSSL, a large part of a lookup's time
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b as _blake2b

_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# A plain folder at the package root: the README and the catalog's $schema header name it.
DATA_DIR = os.path.join(_PACKAGE, "data")
BUILTIN_CATALOG = "catalog.yaml"
SCHEMA = "catalog.schema.json"
# Compiled forms, written by the build (the wheel's build hook, `make compile` in a
# checkout) and never tracked: each records its sources' digest and the versions of the
# libraries that made it, and is used only while both still match.
COMPILED = os.path.join(_PACKAGE, "_compiled")

PARTITIONS = "partitions.json"
PARTITIONS_SOURCE = "botocore's partitions.json"


def __getattr__(name: str) -> Path:
    # DATA and COMPILED_DIR as Paths, made on first use: a lookup reads its files through
    # os alone, and importing pathlib would cost it a tenth of its time.
    if name in ("DATA", "COMPILED_DIR"):
        from pathlib import Path

        return Path(DATA_DIR if name == "DATA" else COMPILED)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def known_partitions() -> dict[str, dict[str, str]]:
    """Every AWS partition's DNS suffix and region-name pattern (data/partitions.json)."""
    return _json(PARTITIONS)["partitions"]


def builtin_path() -> Path:
    from pathlib import Path

    return Path(DATA_DIR, BUILTIN_CATALOG)


def schema() -> dict[str, Any]:
    return _json(SCHEMA)


def _json(name: str) -> Any:
    import json  # off the lookup's path, which reads neither file

    with open(os.path.join(DATA_DIR, name), "rb") as handle:
        return json.load(handle)


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
