"""The AWS Deep Learning Containers' image data (aws/deep-learning-containers,
docs/src/data/<repository>/*.yml): each release's tags, general availability and end of
patch, merged into a catalog's end_of_patch section."""

from __future__ import annotations

import datetime
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from ..catalog import Catalog, Release, Source
from ..catalog.resources import schema
from ..errors import UserError, shown
from ._source import read_bytes

DLC_SOURCE = "aws-dlc"
# One image's file is a few hundred bytes; a folder of them, a few hundred files.
MAX_FILE_BYTES = 256 * 1024
MAX_FILES = 20_000
# The checkout's folder of image files, and the one that documents their fields.
DATA = Path("docs", "src", "data")
TEMPLATE = "template"


def data_dir(path: Path) -> Path:
    """The docs/src/data folder: PATH itself, or inside a checkout at PATH."""
    for folder in (path / DATA, path):
        if folder.is_dir() and any(p.is_dir() for p in folder.iterdir()):
            return folder
    raise UserError(f"{path}: not a checkout of aws/deep-learning-containers (no {DATA})")


def _line(node: yaml.Node, key: str) -> int:
    """The line of KEY in a mapping node (its value's, where the key is there)."""
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if getattr(name, "value", None) == key:
                return value.start_mark.line + 1
    return node.start_mark.line + 1


def _text(value: Any) -> str | None:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return None
    return str(value) if isinstance(value, str | int | float) else None


def _date(path: Path, node: yaml.Node, data: dict, key: str) -> str:
    text = _text(data.get(key))
    try:
        return datetime.date.fromisoformat(text or "").isoformat()
    except ValueError:
        raise UserError(
            f"{path}:{_line(node, key)}: {key}: {shown(str(data.get(key)))!r} is not a date "
            "(YYYY-MM-DD)"
        ) from None


def read_release(path: Path, folder: Path) -> tuple[str, Release] | None:
    """One image file's repository and release, or None where it has no end of patch."""
    raw = read_bytes(path, folder)
    if len(raw) > MAX_FILE_BYTES:
        raise UserError(f"{path}: {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit")
    try:
        text = raw.decode("utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UserError(f"{path}{where}: not YAML: {problem}") from None
    if not isinstance(data, dict) or node is None:
        raise UserError(f"{path}:1: an image file must be a mapping of fields")
    if data.get("eop") is None and data.get("ga") is None:
        return None  # not in the support policy: no dates to keep
    fields = {}
    for key in ("version", "accelerator", "platform"):
        value = _text(data.get(key))
        if not value:
            raise UserError(f"{path}:{_line(node, key)}: {key}: missing or not text")
        fields[key] = value
    tags = data.get("tags")
    tag = re.compile(schema()["$defs"]["tag"]["pattern"])  # the catalog's own rule
    if not isinstance(tags, list) or not tags or not all(isinstance(t, str) for t in tags):
        raise UserError(f"{path}:{_line(node, 'tags')}: tags: must be a list of tags")
    for bad in (t for t in tags if not tag.match(t)):
        raise UserError(f"{path}:{_line(node, 'tags')}: tags: {shown(bad)!r} is not an image tag")
    repository = _text(data.get("ecr_repository")) or path.parent.name
    release = Release(
        version=fields["version"],
        accelerator=fields["accelerator"],
        platform=fields["platform"],
        ga=_date(path, node, data, "ga"),
        eop=_date(path, node, data, "eop"),
        tags=tuple(dict.fromkeys(tags)),
    )
    return repository, release


def read_releases(path: Path) -> dict[str, tuple[Release, ...]]:
    """Every release with dates in the checkout at PATH, by repository, in a stable order.
    Links and other files that are not regular are passed over."""
    folder = data_dir(path)
    found: dict[str, list[Release]] = {}
    count = 0
    for repository in sorted(os.listdir(folder)):
        where = folder / repository
        if repository == TEMPLATE or not stat.S_ISDIR(os.lstat(where).st_mode):
            continue
        for name in sorted(os.listdir(where)):
            file = where / name
            if not name.endswith((".yml", ".yaml")) or not stat.S_ISREG(os.lstat(file).st_mode):
                continue
            count += 1
            if count > MAX_FILES:
                raise UserError(f"{folder}: over {MAX_FILES:,} image files; refused")
            read = read_release(file, folder)
            if read is not None:
                found.setdefault(read[0], []).append(read[1])
    if not found:
        raise UserError(f"{folder}: no image file with an end-of-patch date")
    return {
        repository: tuple(sorted(releases, key=lambda r: (r.ga, r.version, r.accelerator, r)))
        for repository, releases in sorted(found.items())
    }


def import_dlc(catalog: Catalog, path: Path, document: str, date: str) -> Catalog:
    """CATALOG with its end_of_patch section replaced by the releases at PATH."""
    sources = dict(catalog.sources)
    sources[DLC_SOURCE] = Source(
        DLC_SOURCE,
        "AWS Deep Learning Containers image data (releases, end-of-patch dates)",
        document,
        date,
    )
    return catalog._replace(
        sources=sources, end_of_patch=read_releases(path), end_of_patch_source=DLC_SOURCE
    )
