"""Catalog file -> Catalog: the built-in one from its compiled form where the build made a
current one, any other (or the built-in one without it) validated."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from ..errors import CatalogError
from ._model import Catalog
from .resources import (
    COMPILED_DIR,
    DATA,
    PARTITIONS,
    SCHEMA,
    builtin_path,
    dependency_versions,
    new_digest,
)

# The validated built-in catalog, as the build compiles it into COMPILED_DIR.
COMPILED_CATALOG = "catalog.json"
# What validation reads beside the catalog's own bytes.
_VALIDATION_INPUTS = (DATA / SCHEMA, DATA / PARTITIONS)
_VALIDATOR_CODE = ("_validate.py", "_yamlsource.py")


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog file (the built-in one by default).

    Where the build compiled the built-in catalog from exactly these bytes (and the same
    validator and libraries), its load is a JSON read; else it is parsed and validated here.
    """
    file = Path(path) if path is not None else builtin_path()
    name = str(file)
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a FIFO or a device would hang or flood
            raise CatalogError(name, None, "", "cannot read catalog: not a regular file")
        raw = file.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise CatalogError(name, None, "", f"cannot read catalog: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bom = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise CatalogError(
            name,
            line,
            "",
            f"column {column}: byte 0x{raw[exc.start]:02x} is not UTF-8"
            + ("; the file is UTF-16: save it as UTF-8" if bom else "; save the file as UTF-8"),
        ) from None
    if "\x00" in text:  # YAML refuses it without saying where
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise CatalogError(name, line, "", f"column {column}: a NUL character")
    compiled = _compiled(raw) if path is None else None
    if compiled is not None:
        return _build(compiled, name)
    return parse_catalog(text, name)


def _key(raw: bytes) -> str:
    """What a compiled form of the catalog RAW records: its inputs' digest and libraries."""
    digest = new_digest(raw)
    code = Path(__file__).resolve().parent
    for path in (*_VALIDATION_INPUTS, *(code / name for name in _VALIDATOR_CODE)):
        digest.update(b"\0" + path.read_bytes())
    return f"{digest.hexdigest()} {dependency_versions('pyyaml', 'jsonschema')}"


def _compiled(raw: bytes, folder: Path | None = None) -> dict[str, Any] | None:
    """The validated built-in data, where the build compiled it from exactly these inputs."""
    try:
        document = json.loads(((folder or COMPILED_DIR) / COMPILED_CATALOG).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("key") != _key(raw):
        return None  # absent, stale or from other libraries: validate the YAML instead
    data = document.get("data")
    return data if isinstance(data, dict) else None


def compile_builtin(folder: Path | None = None) -> Path:
    """Write the compiled form of the built-in catalog (its validated data and key)."""
    from ._validate import validated

    raw = builtin_path().read_bytes()
    data = validated(raw.decode("utf-8"), str(builtin_path()))
    folder = folder or COMPILED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / COMPILED_CATALOG
    # Key order is data here (tags, processors by tag): keep the file's.
    target.write_text(json.dumps({"key": _key(raw), "data": data}) + "\n", encoding="utf-8")
    return target


def parse_catalog(text: str, name: str) -> Catalog:
    """A catalog from text, validated (the validator loads here, off the built-in path)."""
    from ._validate import validated

    return _build(validated(text, name), name)


def _build(data: dict[str, Any], name: str) -> Catalog:
    from ._layout import read  # the layout's reader: the model from validated data

    catalog: Catalog = read(Catalog, data, path=name)
    # Derived, not stored: the content types an algorithm's formats accept, in order.
    formats = catalog.formats
    algorithms = {
        key: a._replace(
            content_types=tuple(dict.fromkeys(ct for f in a.formats for ct in formats[f]))
        )
        for key, a in catalog.algorithms.items()
    }
    return catalog._replace(algorithms=algorithms)
