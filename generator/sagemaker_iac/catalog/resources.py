"""The package's data files (the built-in catalog, its compiled form, schema and partitions)
and the digest that compiled forms record of their sources."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

try:  # CPython's own BLAKE2: hashlib would load OpenSSL, a tenth of a lookup's time
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b as _blake2b

# A plain folder at the package root: the README and the catalog's $schema header name it.
DATA = Path(__file__).resolve().parent.parent / "data"
BUILTIN_CATALOG = "catalog.yaml"
# The built-in catalog, validated when the package is built (make compile; a test keeps
# it current): loading it is then a JSON read, with no parser or validator on the path.
COMPILED = "catalog.compiled.json"
SCHEMA = "catalog.schema.json"

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
