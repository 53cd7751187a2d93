"""`migrate`: a Terraform tree's aws_sagemaker_prebuilt_ecr_image data sources, rewritten
to the provider-free sagemaker-prebuilt-ecr-image module, their references with them.

The rewrite is textual, so comments and layout outside the changed lines stay as they
are: a block's header becomes a module call with its source, a `provider` argument
becomes the region of that provider (the data source's default), and the attributes of
the lines touched are aligned as `terraform fmt` aligns them.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .errors import UserError

DATA_TYPE = "aws_sagemaker_prebuilt_ecr_image"
SKIPPED_DIRS = {".git", ".terraform", "node_modules"}
MAX_FILE_BYTES = 16 * 1024 * 1024

_NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
_HEADER = re.compile(
    rf'^(?P<indent>[ \t]*)data[ \t]+"{DATA_TYPE}"[ \t]+"(?P<name>{_NAME})"[ \t]*\{{[ \t]*$', re.M
)
_ANY_HEADER = re.compile(rf'^[ \t]*data[ \t]+"{DATA_TYPE}"', re.M)
_MODULE = re.compile(rf'^[ \t]*module[ \t]+"(?P<name>{_NAME})"', re.M)
_REGION_DATA = re.compile(rf'^[ \t]*data[ \t]+"aws_region"[ \t]+"(?P<name>{_NAME})"', re.M)
_ATTRIBUTE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*=[ \t]*(?P<value>.*)$"
)
_PROVIDER = re.compile(rf"^aws(?:\.(?P<alias>{_NAME}))?$")


class Migrated(NamedTuple):
    """One file's text before and after, and how many blocks changed in it."""

    path: Path
    before: str
    after: str
    blocks: int

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{self.path}",
                f"b/{self.path}",
            )
        )


def _files(root: Path) -> Iterator[Path]:
    """The .tf files under ROOT (a file or folder), regular files only, sorted."""
    if root.is_file() and not root.is_symlink():
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.endswith(".tf") and stat.S_ISREG(os.lstat(path).st_mode):
                yield path


def _read(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UserError(f"{path}: over {MAX_FILE_BYTES:,} bytes; refused")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 (byte {exc.start})") from None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _block_end(text: str, start: int, path: Path) -> int:
    """The index just past the `}` that closes the block whose `{` is at START; strings,
    interpolations, comments and heredocs are skipped over."""
    depth, i, n = 0, start, len(text)
    while i < n:
        ch = text[i]
        if ch == "#" or text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        elif text.startswith("<<", i) and (m := re.match(r"<<-?([A-Za-z_]\w*)\n", text[i:])):
            close = re.compile(rf"^[ \t]*{m.group(1)}[ \t]*$", re.M).search(text, i + m.end())
            if close is None:
                break
            i = close.end()
            continue
        elif ch == '"':
            i = _string_end(text, i)
            continue
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise UserError(f"{path}:{_line_of(text, start)}: {DATA_TYPE} block is not closed")


def _string_end(text: str, start: int) -> int:
    """The index just past the quoted string at START (with ${...} inside it)."""
    i, n, nested = start + 1, len(text), 0
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if nested == 0 and ch == '"':
            return i + 1
        if text.startswith("${", i) or text.startswith("%{", i):
            nested += 1
            i += 2
            continue
        if nested and ch == "}":
            nested -= 1
        elif nested and ch == '"':
            i = _string_end(text, i)
            continue
        elif ch == "\n" and nested == 0:
            break
        i += 1
    return n if i >= n else i


def aligned(lines: list[str]) -> list[str]:
    """LINES with each run of one-line attributes aligned on `=` as terraform fmt does."""
    out: list[str] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        width = max((len(m["key"]) for m in run), default=0)
        out.extend(f"{m['indent']}{m['key'].ljust(width)} = {m['value']}" for m in run)
        run.clear()

    for line in lines:
        match = _ATTRIBUTE.match(line)
        if match and _one_line(match["value"]):
            run.append(match)
            continue
        flush()
        out.append(line)
    flush()
    return out


def _one_line(value: str) -> bool:
    """Whether an attribute's value ends on its own line (no open bracket or heredoc)."""
    stripped = re.sub(r'"(?:[^"\\]|\\.)*"', '""', value)
    stripped = stripped.split("#", 1)[0].split("//", 1)[0]
    if stripped.lstrip().startswith("<<"):
        return False
    return all(stripped.count(a) == stripped.count(b) for a, b in ("{}", "[]", "()"))


class _Block(NamedTuple):
    start: int
    end: int
    name: str
    text: str  # the rewritten block
    needs_region: str | None  # the aws_region data source it reads, where it must exist


def _rewrite(text: str, header: re.Match[str], path: Path, source: str, taken: set[str]) -> _Block:
    end = _block_end(text, header.end() - 1, path)
    indent, name = header["indent"], header["name"]
    body = text[header.end() : end - 1].split("\n")
    inner = indent + "  "
    alias, has_region, kept = None, False, []
    for line in body:
        match = _ATTRIBUTE.match(line)
        if match and match["indent"] == inner and match["key"] == "provider":
            provider = _PROVIDER.match(match["value"].split("#", 1)[0].strip())
            if provider is None:
                where = f"{path}:{_line_of(text, header.start())}"
                raise UserError(
                    f"{where}: provider {match['value'].strip()!r} is not an aws provider"
                )
            alias = provider["alias"] or "current"
            continue
        if match and match["indent"] == inner and match["key"] == "region":
            has_region = True
        if re.match(rf"^{inner}lifecycle\b", line):
            where = f"{path}:{_line_of(text, header.start())}"
            raise UserError(
                f"{where}: a lifecycle block has no place in a module call; migrate it by hand"
            )
        kept.append(line)
    needs = None
    if not has_region:
        needs = alias or "current"
        closing = kept.pop() if kept and not kept[-1].strip() else ""
        kept.append(f"{inner}region = data.aws_region.{needs}.name")
        kept.append(closing)
    module = name
    while module in taken:
        module = f"{module}_image"
    taken.add(module)
    head = [f'{indent}module "{module}" {{', f"{inner}source = {_quoted(source)}", ""]
    lines = aligned(kept)
    if lines and not lines[0].strip():
        lines = lines[1:]
    rewritten = "\n".join([*head, *lines]) + "}"
    return _Block(header.start(), end, f"{name}\0{module}", rewritten, needs)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${") + '"'


def _source_for(source: str, folder: Path) -> str:
    """SOURCE as FOLDER's files must name it: a local path (./ or ../, from the current
    folder) made relative to FOLDER; any other source as it is."""
    if not source.startswith(("./", "../")):
        return source
    relative = Path(os.path.relpath(os.path.abspath(source), os.path.abspath(folder)))
    text = relative.as_posix()
    return text if text.startswith("../") else f"./{text}"


def migrate(root: Path, source: str) -> list[Migrated]:
    """Every .tf file under ROOT that changes, folder by folder: each data source block
    a module call of SOURCE, each reference to it a reference to the module."""
    by_folder: dict[Path, list[Path]] = {}
    for path in _files(root):
        by_folder.setdefault(path.parent, []).append(path)
    changed = []
    for folder, paths in by_folder.items():
        called = _source_for(source, folder)
        texts = {path: _read(path) for path in paths}
        taken = {m["name"] for t in texts.values() for m in _MODULE.finditer(t)}
        regions = {m["name"] for t in texts.values() for m in _REGION_DATA.finditer(t)}
        renamed: dict[str, str] = {}
        counts = dict.fromkeys(paths, 0)
        for path in paths:
            text = texts[path]
            headers = list(_HEADER.finditer(text))
            starts = {h.start() for h in headers}
            for other in _ANY_HEADER.finditer(text):
                if other.start() not in starts:
                    raise UserError(
                        f"{path}:{_line_of(text, other.start())}: a {DATA_TYPE} block must "
                        "open with { at the end of its first line, its arguments on lines of "
                        "their own (terraform fmt lays it out so); migrate it by hand"
                    )
            blocks = [_rewrite(text, h, path, called, taken) for h in headers]
            for block in reversed(blocks):
                text = text[: block.start] + block.text + text[block.end :]
                old, new = block.name.split("\0")
                renamed[old] = new
                if block.needs_region and block.needs_region not in regions:
                    regions.add(block.needs_region)
                    text = text.rstrip("\n") + "\n\n" + _region_block(block.needs_region) + "\n"
            texts[path], counts[path] = text, len(blocks)
        for path in paths:
            text = texts[path]
            for old, new in renamed.items():
                text = re.sub(rf"\bdata\.{DATA_TYPE}\.{re.escape(old)}\b", f"module.{new}", text)
            before = _read(path)
            if text != before:
                changed.append(Migrated(path, before, text, counts[path]))
    return changed


def _region_block(alias: str) -> str:
    if alias == "current":
        return 'data "aws_region" "current" {}'
    return f'data "aws_region" "{alias}" {{\n  provider = aws.{alias}\n}}'
