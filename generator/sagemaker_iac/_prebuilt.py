"""The built-in catalog's whole build, rendered when the package is built (make compile).

A generate or --check of the built-in catalog with every target reads these files instead
of rendering them again. They are used only while every file they were rendered from (the
package's code and data, and the templates) is byte-identical to what it was; the tests
fail while they are stale. Dependencies' versions are not inputs: like a committed out/,
the files are what the tested tool wrote.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from .catalog.resources import DATA, new_digest
from .outtree import Files
from .targets import templates_dir

PREBUILT = "out.compiled.zlib"
_PACKAGE = Path(__file__).resolve().parent
_MAGIC = b"sagemaker-iac prebuilt build, inputs blake2b "


def _inputs(package: Path, templates: Path) -> list[tuple[str, Path]]:
    """Every file a build reads, by a name that is the same in a checkout and a wheel."""
    found = [
        (p.relative_to(package).as_posix(), p)
        for p in package.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.parts[len(package.parts)] != "templates"
        and p != package / "data" / PREBUILT
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


def encode(files: Files) -> bytes:
    """The file's bytes: a header naming the inputs' digest, then the files compressed."""
    bodies = [text.encode("utf-8") for text in files.values()]
    index = json.dumps([[name, len(body)] for name, body in zip(files, bodies, strict=True)])
    packed = zlib.compress(index.encode() + b"\n" + b"".join(bodies), 9)
    return _MAGIC + inputs_digest().encode() + b"\n" + packed


def read() -> Files | None:
    """The prebuilt files, or None when there are none or any input has changed since."""
    try:
        raw = (DATA / PREBUILT).read_bytes()
    except OSError:
        return None
    head, _, packed = raw.partition(b"\n")
    if head != _MAGIC + inputs_digest().encode():
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
