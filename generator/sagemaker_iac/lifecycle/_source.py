"""Reading an import's source files as untrusted input: only regular files inside the
source folder, of a bounded size and nesting, each refusal naming the file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from ..errors import UserError

# The SDK's largest image_uri_config file is under 1 MB; a JumpStart manifest or a docs
# page is larger, but none nears these bounds.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32


def read_bytes(path: Path, folder: Path | None = None) -> bytes:
    """PATH's bytes: a regular file (a FIFO or device would hang or flood), at most
    MAX_BYTES, and inside FOLDER (a link leading out of it is refused)."""
    if folder is not None:
        inside = folder.resolve()
        if not path.resolve().is_relative_to(inside):
            raise UserError(f"{path}: leads outside {folder}; refused")
    try:
        status = os.stat(path)
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(status.st_mode):
        raise UserError(f"{path}: not a regular file; refused")
    if status.st_size > MAX_BYTES:
        raise UserError(f"{path}: {status.st_size:,} bytes, over the {MAX_BYTES:,}-byte limit")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:  # grew while read
        raise UserError(f"{path}: over the {MAX_BYTES:,}-byte limit")
    return data


def _depth(value: Any) -> int:
    """How deeply VALUE nests, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return deepest


def parse_json(data: bytes, name: str | Path) -> Any:
    """DATA's JSON, nested at most MAX_DEPTH levels; a refusal names NAME."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UserError(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{name}:{exc.lineno}: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise UserError(f"{name}: nested more than {MAX_DEPTH} levels") from None
    if _depth(value) > MAX_DEPTH:
        raise UserError(f"{name}: nested more than {MAX_DEPTH} levels")
    return value


def read_json(path: Path, folder: Path | None = None) -> Any:
    """PATH's JSON (see read_bytes), nested at most MAX_DEPTH levels."""
    return parse_json(read_bytes(path, folder), path)
