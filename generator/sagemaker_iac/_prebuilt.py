"""The built-in catalog's whole build, rendered by the build (the wheel's build hook, or
`make compile` in a checkout) and never tracked.

A generate or --check with every target reads this file instead of rendering again when
the catalog's content is the one it was rendered from, every file it was rendered from
(the package's code and data, and the templates) is byte-identical to what it was, and the
same libraries are installed. Anything else, or a damaged file, renders afresh.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from .catalog.resources import COMPILED_DIR, dependency_versions, new_digest
from .files import Files
from .targets import templates_dir

PREBUILT = "out.zlib"
_PACKAGE = Path(__file__).resolve().parent
_MAGIC = b"sagemaker-iac prebuilt build "
# What rendering runs on besides the package itself.
LIBRARIES = ("jinja2", "pyyaml", "jsonschema")
# Package folders that are not inputs: the templates (named apart) and the compiled forms.
_NOT_INPUTS = ("templates", COMPILED_DIR.name)


def _inputs(package: Path, templates: Path) -> list[tuple[str, Path]]:
    """Every file a build reads, by a name that is the same in a checkout and a wheel."""
    found = [
        (p.relative_to(package).as_posix(), p)
        for p in package.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.parts[len(package.parts)] not in _NOT_INPUTS
    ]
    found += [
        ("templates/" + p.relative_to(templates).as_posix(), p)
        for p in templates.rglob("*")
        if p.is_file()
    ]
    return sorted(found)


def inputs_digest(package: Path = _PACKAGE, templates: Path | None = None) -> str:
    digest = new_digest()
    for name, path in _inputs(package, templates or templates_dir()):
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _header(catalog_sha256: str) -> bytes:
    return _MAGIC + f"{inputs_digest()} {catalog_sha256} {dependency_versions(*LIBRARIES)}".encode()


def encode(files: Files, catalog_sha256: str) -> bytes:
    """The file's bytes: a header naming what it was rendered from, then the files packed."""
    bodies = [text.encode("utf-8") for text in files.values()]
    index = json.dumps([[name, len(body)] for name, body in zip(files, bodies, strict=True)])
    packed = zlib.compress(index.encode() + b"\n" + b"".join(bodies), 9)
    return _header(catalog_sha256) + b"\n" + packed


def write(files: Files, catalog_sha256: str, folder: Path | None = None) -> Path:
    folder = folder or COMPILED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / PREBUILT
    target.write_bytes(encode(files, catalog_sha256))
    return target


def read(catalog_sha256: str, folder: Path | None = None) -> Files | None:
    """The prebuilt files of the catalog with this digest, or None when there are none, they
    are of another catalog, or any input or library has changed since."""
    try:
        raw = ((folder or COMPILED_DIR) / PREBUILT).read_bytes()
    except OSError:
        return None
    head, _, packed = raw.partition(b"\n")
    if head != _header(catalog_sha256):
        return None
    try:  # a damaged file (a truncated install, say) is rendered around, not trusted
        index, _, body = zlib.decompress(packed).partition(b"\n")
        files: Files = {}
        start = 0
        for name, size in json.loads(index):
            files[name] = body[start : start + size].decode("utf-8")
            start += size
    except (zlib.error, ValueError, TypeError):
        return None
    return files if start == len(body) else None
