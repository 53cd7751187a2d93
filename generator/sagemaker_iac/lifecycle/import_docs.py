"""Reads the AWS documentation page "Common parameters for built-in algorithms" (markdown
tables with backslash escapes) into a catalog. Rows it cannot read are errors, never skipped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..catalog import (
    Algorithm,
    Catalog,
    InstanceClass,
    Partition,
    RegistryGroup,
    Source,
)
from ..errors import CatalogError
from ._botocore_facts import partition_of
from ._source import read_bytes

SOURCE = "docs"
MAIN_HEADER = (
    "algorithm name",
    "channel name",
    "training image and inference image registry path",
    "training input mode",
    "file type",
    "instance class",
    "parallelizable",
)
REGION_HEADER = ("aws region", "training image and inference image registry path")
# Data format keywords -> format key, most specific first.
FORMAT_WORDS = [
    ("recordio-protobuf", "recordio-protobuf"),
    ("recordio", "recordio"),
    ("json lines", "jsonlines"),
    ("parquet", "parquet"),
    ("libsvm", "libsvm"),
    ("csv", "csv"),
    ("image", "image"),
    ("text", "text"),
]
CONTENT_TYPES = {
    "csv": ["text/csv"],
    "image": ["image/jpeg", "image/png", "application/x-image"],
    "jsonlines": ["application/jsonlines"],
    "libsvm": ["text/libsvm"],
    "parquet": ["application/x-parquet"],
    "recordio": ["application/x-recordio"],
    "recordio-protobuf": ["application/x-recordio-protobuf"],
    "text": ["text/plain"],
}
HOST = re.compile(r"^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.([a-z0-9.-]+)$")
PATH = re.compile(r"^<ecr_path>/([a-z0-9._/-]+):(.+)$")


Fail = Callable[[int, str, str], CatalogError]


@dataclass
class Row:
    line: int
    cells: list[str]


def clean(cell: str) -> str:
    """Markdown cell text: escapes, emphasis and extra spaces removed."""
    cell = re.sub(r"\\(.)", r"\1", cell)
    return " ".join(cell.replace("*", "").split())


def tables(lines: list[str]) -> Iterator[tuple[int, list[str], list[Row], Row]]:
    """(line, header, rows, label) for each markdown table; label = last **Algorithms**: one."""
    heading, index = Row(0, [""]), 0
    while index < len(lines):
        line = lines[index]
        label = re.match(r"^\*\*Algorithms\*\*:\s*(.*)$", line.strip())
        if label:
            heading = Row(index + 1, [clean(label.group(1))])
        if (
            line.lstrip().startswith("|")
            and index + 1 < len(lines)
            and re.match(r"^\s*\|(\s*-+\s*\|)+\s*$", lines[index + 1])
        ):
            header = [clean(c).lower() for c in _cells(line)]
            start, index = index + 1, index + 2
            rows = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                rows.append(Row(index + 1, [clean(c) for c in _cells(lines[index])]))
                index += 1
            yield start, header, rows, heading
            continue
        index += 1


def _cells(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line.strip().strip("|"))


def parse_docs(path: str | Path, date: str) -> Catalog:
    file = str(path)
    try:
        lines = read_bytes(Path(path)).decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise CatalogError(
            file, None, "", f"not UTF-8 ({exc.reason} at byte {exc.start})"
        ) from None

    def fail(line: int, key: str, message: str) -> CatalogError:
        return CatalogError(file, line, key, message)

    algorithms: dict[str, Algorithm] = {}
    names: dict[str, set[str]] = {}
    groups: dict[str, RegistryGroup] = {}
    regions: dict[str, str] = {}
    partitions: dict[str, Partition] = {}
    main_seen = False
    for start, header, rows, heading in tables(lines):
        if tuple(header) == MAIN_HEADER:
            main_seen = True
            for row in rows:
                algorithm = _algorithm(row, fail)
                if algorithm.key in algorithms:
                    raise fail(row.line, algorithm.key, "algorithm listed twice")
                algorithms[algorithm.key] = algorithm
                names[algorithm.key] = _names(row.cells[0])
        elif tuple(header) == REGION_HEADER:
            if not main_seen:
                raise fail(start, "", "a region table before the algorithm table")
            members = _members(heading, names, start, fail)
            accounts: dict[str, str] = {}
            for row in rows:
                if len(row.cells) != 2:
                    raise fail(row.line, "", f"expected 2 cells, found {len(row.cells)}")
                region, host = row.cells
                match = HOST.match(host)
                if not match or match.group(2) != region:
                    raise fail(row.line, region, f"{host!r} is not a registry host of {region}")
                if region in accounts:
                    raise fail(row.line, region, "region listed twice in one table")
                accounts[region] = match.group(1)
                partition, _ = partition_of(region)
                regions[region] = partition
                partitions.setdefault(partition, Partition(partition, match.group(3), SOURCE))
            key = members[0] if len(members) == 1 else f"{members[0]}-group"
            groups[key] = RegistryGroup(key, accounts, SOURCE)
            for member in members:
                if algorithms[member].registry_group:
                    raise fail(start, member, "algorithm in two region tables")
                algorithms[member] = _with_group(algorithms[member], key)
        else:
            raise fail(start, "", f"unknown table with columns: {', '.join(header)}")
    if not main_seen:
        raise fail(1, "", "no table of algorithms found")
    for key, algorithm in algorithms.items():
        if not algorithm.registry_group:
            raise fail(1, key, "no region table lists this algorithm")
    return Catalog(
        path=file,
        sources={SOURCE: Source(SOURCE, "Common parameters for built-in algorithms", file, date)},
        partitions=partitions,
        regions=dict(sorted(regions.items())),
        formats={
            k: tuple(v)
            for k, v in CONTENT_TYPES.items()
            if any(k in a.formats for a in algorithms.values())
        },
        registry_groups=dict(sorted(groups.items())),
        algorithms=dict(sorted(algorithms.items())),
        instance_families={},
    )


def _with_group(algorithm: Algorithm, group: str) -> Algorithm:
    return algorithm._replace(registry_group=group)


def _names(cell: str) -> set[str]:
    """Ways a table may name the algorithm: its name without, and within, parentheses."""
    base = re.sub(r"\s*\(.*?\)\s*", " ", cell).strip().lower()
    inner = {m.strip().lower() for m in re.findall(r"\((.*?)\)", cell)}
    return {base, *inner}


def _members(label: Row, names: dict[str, set[str]], line: int, fail: Fail) -> list[str]:
    heading, line = label.cells[0], label.line or line
    if not heading:
        raise fail(line, "", "a region table without an **Algorithms**: label")
    # Commas and "and" separate names, except inside parentheses: "XGBoost (0.90-1, 1.0-1)".
    parts = [p.strip() for p in re.split(r"(?:,|\band\b)(?![^()]*\))", heading) if p.strip()]
    members = []
    for part in parts:
        wanted = _names(part)
        # A label may shorten a name: "Seq2Seq" for "Seq2Seq Modeling".
        found = [
            k
            for k, known in names.items()
            if any(n == w or n.startswith(w + " ") for n in known for w in wanted)
        ]
        if len(found) != 1:
            raise fail(line, part, "names no algorithm of the algorithm table")
        members.append(found[0])
    return members


def _algorithm(row: Row, fail: Fail) -> Algorithm:
    if len(row.cells) != len(MAIN_HEADER):
        raise fail(row.line, "", f"expected {len(MAIN_HEADER)} cells, found {len(row.cells)}")
    name, channels, path, modes, file_type, instance, parallel = row.cells
    match = PATH.match(path.replace(" ", ""))
    if not match:
        raise fail(row.line, name, f"registry path {path!r} is not <ecr_path>/<repository>:<tag>")
    repository, tag = match.groups()
    key = repository.removeprefix("sagemaker-")
    versions = re.findall(r"\d+\.\d+-\d+", name)
    if tag == "<tag>":
        tags = ["1"]
    else:
        version = next((v for v in versions if tag.startswith(v)), None)
        if version is None:
            raise fail(row.line, key, f"tag {tag!r} names no version of {name!r}")
        tags = [tag, *(tag.replace(version, v, 1) for v in versions if v != version)]
    required, optional = _channels(channels)
    if not required:
        raise fail(row.line, key, f"no channel in {channels!r}")
    input_modes = [m for m in ("File", "Pipe") if re.search(rf"\b{m}\b", modes)]
    if not input_modes:
        raise fail(row.line, key, f"no input mode in {modes!r}")
    found, rest = [], file_type.lower()
    for word, fmt in FORMAT_WORDS:  # most specific first; blank out what matched
        for match in re.finditer(re.escape(word), rest):
            found.append((match.start(), fmt))
        rest = rest.replace(word, " " * len(word))
    formats = list(dict.fromkeys(fmt for _, fmt in sorted(found)))
    if not formats:
        raise fail(row.line, key, f"no known file type in {file_type!r}")
    if parallel not in ("Yes", "No"):
        raise fail(row.line, key, f"parallelizable must be Yes or No, not {parallel!r}")
    return Algorithm(
        key=key,
        name=name,
        repository=repository,
        registry_group="",
        tags=tuple(tags),
        required_channels=tuple(required),
        optional_channels=tuple(optional),
        input_modes=tuple(input_modes),
        formats=tuple(formats),
        content_types=tuple(dict.fromkeys(ct for f in formats for ct in CONTENT_TYPES[f])),
        instance=_instance(instance, row, key, fail),
        parallelizable=parallel == "Yes",
        source=SOURCE,
    )


def _channels(text: str) -> tuple[list[str], list[str]]:
    words = {"and", "or", "both", "optionally"}
    before, _, after = text.partition("(optionally)")
    pick = lambda part: [w for w in re.findall(r"[a-z_]+", part) if w not in words]  # noqa: E731
    return pick(before), pick(after)


def _instance(text: str, row: Row, key: str, fail: Fail) -> InstanceClass:
    lower = text.lower()
    found = [(m.start(), m.group(0)) for m in re.finditer(r"cpu|gpu", lower)]
    processors = list(dict.fromkeys(p for _, p in found))
    if not processors:
        raise fail(row.line, key, f"no processor in instance class {text!r}")
    single: list[str] = []
    for match in re.finditer(r"\(single instance only\)", lower):
        if match.end() == len(lower.rstrip()):
            single = list(processors)  # a closing note covers every processor named
        else:
            single.append([p for pos, p in found if pos < match.start()][-1])
    return InstanceClass(
        processors=tuple(processors),
        single_instance=tuple(dict.fromkeys(single)),
        gpu_single_device="single gpu device" in lower,
        gpu_dense_data_only="gpu for dense data" in lower,
    )
