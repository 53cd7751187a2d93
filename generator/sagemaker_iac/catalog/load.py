"""Catalog file -> Catalog: the built-in one from its compiled form where the build made a
current one, any other (or the built-in one without it) validated."""

from __future__ import annotations

import os
import pickle
import re
import stat
import sys
from typing import TYPE_CHECKING, Any

from ..errors import CatalogError
from ._model import Catalog, JumpStart
from .resources import (
    BUILTIN_CATALOG,
    COMPILED,
    DATA_DIR,
    PARTITIONS,
    SCHEMA,
    dependency_versions,
    new_digest,
)

if TYPE_CHECKING:
    from pathlib import Path

# The validated built-in catalog's model, as the build compiles it into COMPILED_DIR: a
# line naming what it was made from, then the model pickled (the build wrote it, beside
# the package's own code; it is read only while that line matches).
COMPILED_CATALOG = "catalog.pickle"
COMPILED_JUMPSTART = "jumpstart.pickle"
# What the model is made from beside the catalog's own bytes: the schema, the partitions
# and this package's code (the validator, the model and its layout).
_INPUTS = (os.path.join(DATA_DIR, SCHEMA), os.path.join(DATA_DIR, PARTITIONS))
_CODE = os.path.dirname(os.path.realpath(__file__))


def load_catalog(path: str | Path | None = None, *, jumpstart: bool = True) -> Catalog:
    """Load and validate a catalog file (the built-in one by default), its jumpstart
    document too unless JUMPSTART is false (a lookup of another image: then the model's
    jumpstart is None, and the catalog must not be written back).

    Where the build compiled the built-in catalog from exactly these bytes (and the same
    code and libraries), its load is that model's read; else it is parsed and validated.
    """
    name = os.fspath(path) if path is not None else os.path.join(DATA_DIR, BUILTIN_CATALOG)
    try:
        if not stat.S_ISREG(os.stat(name).st_mode):  # a FIFO or a device would hang or flood
            raise CatalogError(name, None, "", "cannot read catalog: not a regular file")
        raw = _read(name)
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
    compiled = _compiled(raw, jumpstart=jumpstart) if path is None else None
    if compiled is not None:
        return compiled._replace(path=name)
    return parse_catalog(text, name, jumpstart=jumpstart)


def _key(raw: bytes) -> bytes:
    """What a compiled form of the catalog RAW records: its inputs' digest, the Python and
    the libraries that made it."""
    digest = new_digest(raw)
    code = sorted(os.path.join(_CODE, n) for n in os.listdir(_CODE) if n.endswith(".py"))
    for path in (*_INPUTS, *code):
        digest.update(b"\0" + os.path.basename(path).encode() + b"\0" + _read(path))
    python = "python=={}.{}".format(*sys.version_info[:2])
    libraries = dependency_versions("pyyaml", "jsonschema")
    return f"sagemaker-iac catalog {digest.hexdigest()} {python} {libraries}".encode()


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _unpickled(raw: bytes, name: str, folder: str | Path | None) -> Any:
    try:
        compiled = _read(os.path.join(folder or COMPILED, name))
    except OSError:
        return None
    head, _, body = compiled.partition(b"\n")
    if head != _key(raw):
        return None  # absent, stale or from other libraries: validate the YAML instead
    try:  # a damaged file is validated around, not trusted
        return pickle.loads(body)
    except Exception:
        return None


def _compiled(
    raw: bytes, folder: str | Path | None = None, jumpstart: bool = False
) -> Catalog | None:
    """The built-in catalog's model, where the build compiled it from exactly these inputs
    (its jumpstart section apart: most lookups never read it)."""
    catalog = _unpickled(raw, COMPILED_CATALOG, folder)
    if not isinstance(catalog, Catalog):
        return None
    if not jumpstart:
        return catalog
    section = _unpickled(raw, COMPILED_JUMPSTART, folder)
    return catalog._replace(jumpstart=section) if isinstance(section, JumpStart) else None


def compile_builtin(folder: Path | None = None) -> Path:
    """Write the compiled form of the built-in catalog: its key, then its model."""
    from pathlib import Path

    source = os.path.join(DATA_DIR, BUILTIN_CATALOG)
    raw = _read(source)
    catalog = parse_catalog(raw.decode("utf-8"), source, jumpstart=True)
    folder = folder or Path(COMPILED)
    folder.mkdir(parents=True, exist_ok=True)
    key = _key(raw) + b"\n"
    (folder / COMPILED_JUMPSTART).write_bytes(key + pickle.dumps(catalog.jumpstart, protocol=5))
    target = folder / COMPILED_CATALOG
    target.write_bytes(key + pickle.dumps(catalog._replace(jumpstart=None), protocol=5))
    return target


# A catalog file's jumpstart section is its second YAML document, after a line "---":
# a lookup of any other image parses and validates only the first.
_SECOND_DOCUMENT = re.compile(r"^---[ \t]*(#[^\n]*)?$", re.MULTILINE)


def split_documents(text: str) -> tuple[str, str | None]:
    """The catalog document and the jumpstart document (None where there is none); the
    second keeps its line numbers (blank lines stand for the first)."""
    for match in _SECOND_DOCUMENT.finditer(text):
        before = text[: match.start()]
        if not any(
            line.strip() and not line.lstrip().startswith("#") for line in before.splitlines()
        ):
            continue  # a start marker above the first document
        return before, "\n" * before.count("\n") + text[match.end() :]
    return text, None


def parse_catalog(text: str, name: str, *, jumpstart: bool = True) -> Catalog:
    """A catalog from text, validated (the validator loads here, off the built-in path);
    its jumpstart document too unless JUMPSTART is false."""
    from ._validate import validated, validated_jumpstart

    main, second = split_documents(text)
    data = validated(main, name)
    if jumpstart and second is not None and "jumpstart" not in data:
        data["jumpstart"] = validated_jumpstart(second, name, data)
    elif not jumpstart:
        data.pop("jumpstart", None)
    return _build(data, name)


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
