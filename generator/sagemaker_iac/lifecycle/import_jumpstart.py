"""JumpStart models from the data PyPI's cdklabs-generative-ai-cdk-constructs ships (its
jsii package's jumpstart-models.json: a JSON byte buffer of deflated JSON, one record per
model version), kept as a catalog's jumpstart section: each image once, as a repository
and tag of a registry group, and each model's regions as aliases into that table."""

from __future__ import annotations

import io
import json
import re
import tarfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..catalog import Catalog, JumpStart, JumpStartImage, JumpStartRelease, RegistryGroup, Source
from ..catalog.jumpstart import instance_family, version_key
from ..errors import UserError, shown
from ._source import parse_json, read_bytes

JUMPSTART_SOURCE = "jumpstart"
# The file inside the jsii package, and the package inside the wheel.
MEMBER = "package/lib/patterns/gen-ai/aws-model-deployment-sagemaker/jumpstart-models.json"
JSII_TGZ = re.compile(r"(^|/)_jsii/[^/]+\.jsii\.tgz$")
# The data inflates to about 72 MB; a deflate stream can claim far more (a bomb).
MAX_INFLATED = 512 * 1024 * 1024
MAX_MEMBER = 64 * 1024 * 1024
_URI = re.compile(
    r"^(?P<account>[0-9]{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.(?P<suffix>[a-z0-9.-]+)/"
    r"(?P<repository>[a-z0-9._/-]+):(?P<tag>[A-Za-z0-9_.-]+)$"
)


class Disagreement(NamedTuple):
    """A region where a JumpStart image's registry account is not its catalog group's."""

    image: str
    region: str
    source_account: str
    catalog_account: str | None
    group: str | None

    def __str__(self) -> str:
        known = (
            f"registry group {self.group} has {self.catalog_account or 'no account there'}"
            if self.group
            else "no registry group has this repository's accounts"
        )
        return (
            f"{self.image} in {self.region}: JumpStart gives account {self.source_account}; {known}"
        )


class Imported(NamedTuple):
    catalog: Catalog
    models: int
    releases: int
    # model id -> (its newest version in the source, the version taken instead)
    older: Mapping[str, tuple[str, str]]
    skipped: tuple[str, ...]  # model ids with no version that names an image
    disagreements: tuple[Disagreement, ...]


def _inflate(data: bytes, name: str) -> bytes:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_INFLATED + 1)
    except zlib.error as exc:
        raise UserError(f"{name}: not deflate data ({exc})") from None
    if len(out) > MAX_INFLATED or inflater.unconsumed_tail:
        raise UserError(f"{name}: inflates to over {MAX_INFLATED:,} bytes; refused")
    return out


def _from_tgz(data: bytes, name: str) -> bytes:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            member, total = None, 0
            for entry in archive:  # bounded: a small .tgz can claim huge members
                total += entry.size
                if total > MAX_INFLATED:
                    raise UserError(f"{name}: inflates to over {MAX_INFLATED:,} bytes; refused")
                if entry.name == MEMBER:
                    member = entry
                    break
            if member is None:
                raise KeyError(MEMBER)
            if not member.isreg() or member.size > MAX_MEMBER:
                raise UserError(f"{name}: {MEMBER} is not a regular file under the limit")
            handle = archive.extractfile(member)
            assert handle is not None  # a regular member always has one
            return handle.read(MAX_MEMBER + 1)
    except KeyError:
        raise UserError(f"{name}: has no {MEMBER}") from None
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise UserError(f"{name}: not a jsii package (.tgz): {exc}") from None


def _from_wheel(data: bytes, name: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as wheel:
            found = [i for i in wheel.infolist() if JSII_TGZ.search(i.filename)]
            if len(found) != 1:
                raise UserError(f"{name}: expected one _jsii/*.jsii.tgz, found {len(found)}")
            if found[0].file_size > MAX_MEMBER:
                raise UserError(f"{name}: {found[0].filename} is over {MAX_MEMBER:,} bytes")
            with wheel.open(found[0]) as handle:
                return _from_tgz(handle.read(MAX_MEMBER + 1), f"{name}!{found[0].filename}")
    except (zipfile.BadZipFile, OSError, zlib.error) as exc:
        raise UserError(f"{name}: not a wheel: {exc}") from None


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """The source's records (key -> record) from the wheel, the jsii .tgz, the byte-buffer
    JSON in it, or that JSON inflated."""
    name = str(path)
    data = read_bytes(path)
    if data[:4] == b"PK\x03\x04":
        data = _from_wheel(data, name)
    elif data[:2] == b"\x1f\x8b":
        data = _from_tgz(data, name)
    value = parse_json(data, name)
    if isinstance(value, dict) and value.get("type") == "Buffer":
        buffer = value.get("data")
        if not isinstance(buffer, list) or not all(
            isinstance(b, int) and 0 <= b < 256 for b in buffer
        ):
            raise UserError(f"{name}: data: not a list of bytes")
        value = parse_json(_inflate(bytes(buffer), name), f"{name} (inflated)")
    if not isinstance(value, dict) or not all(isinstance(r, dict) for r in value.values()):
        raise UserError(f"{name}: not JumpStart model records (a mapping of key -> record)")
    for key, record in value.items():
        for field in ("modelId", "version", "defaultInstanceType"):
            if not isinstance(record.get(field), str):
                raise UserError(f"{name}: {shown(key)}: {field}: missing or not text")
    return value


def _env(values: Any, where: str) -> dict[str, str]:
    """An environment as strings (the source writes some numbers as numbers)."""
    if not isinstance(values, dict):
        raise UserError(f"{where}: environment: not a mapping")
    out = {}
    for key, value in values.items():
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, str | int | float):
            out[key] = str(value)
        else:
            raise UserError(f"{where}: environment: {shown(key)}: not text or a number")
    return out


def _alias(value: str, where: str) -> str:
    if not value.startswith("$"):
        raise UserError(f"{where}: imageUri {shown(value)!r} is not an alias ($name)")
    return value[1:]


def deployable(record: Mapping[str, Any]) -> bool:
    """Whether the source names the record's images (some versions carry no image data)."""
    return bool(record.get("instanceAliases")) and bool(record.get("instanceVariants"))


def chosen(
    records: Mapping[str, Mapping[str, Any]],
    versions: str,
    keep: Mapping[str, Collection[str]] | None = None,
) -> tuple[dict[str, list[Mapping[str, Any]]], dict[str, tuple[str, str]], list[str]]:
    """The records to keep, by model id (oldest first): per VERSIONS (newest, all, or a
    comma-separated list, each model's newest kept too), of the deployable ones; and
    the versions KEEP names per model."""
    by_model: dict[str, list[Mapping[str, Any]]] = {}
    for record in records.values():
        by_model.setdefault(record["modelId"], []).append(record)
    wanted = None if versions in ("newest", "all") else set(versions.split(","))
    kept: dict[str, list[Mapping[str, Any]]] = {}
    older: dict[str, tuple[str, str]] = {}
    skipped: list[str] = []
    for model_id in sorted(by_model):
        every = sorted(by_model[model_id], key=lambda r: version_key(r["version"]))
        usable = [r for r in every if deployable(r)]
        if not usable:
            skipped.append(model_id)
            continue
        newest = usable[-1]
        if newest is not every[-1]:
            older[model_id] = (every[-1]["version"], newest["version"])
        if versions == "all":
            kept[model_id] = usable
        else:
            also = (keep or {}).get(model_id, ())
            kept[model_id] = [
                r
                for r in usable
                if r is newest or (wanted and r["version"] in wanted) or r["version"] in also
            ]
    return kept, older, skipped


class _Images:
    """The section's image table, built as records are read: each repository:tag once,
    in the registry group whose accounts agree with the source's in every region."""

    def __init__(self, catalog: Catalog, name: str) -> None:
        self.catalog = catalog
        self.name = name
        self.accounts: dict[str, dict[str, str]] = {}  # image key -> region -> account
        self.suffixes: dict[str, dict[str, str]] = {}

    def key(self, uri: str, region: str, where: str) -> str:
        match = _URI.match(uri)
        if match is None or match["region"] != region:
            raise UserError(f"{where}: {region}: {shown(uri)!r} is not an ECR image URI there")
        key = f"{match['repository']}:{match['tag']}"
        known = self.accounts.setdefault(key, {})
        if known.setdefault(region, match["account"]) != match["account"]:
            raise UserError(
                f"{self.name}: {key} in {region}: accounts {known[region]} and "
                f"{match['account']} in different records"
            )
        self.suffixes.setdefault(key, {})[region] = match["suffix"]
        return key

    def _groups_for(self, repository: str) -> list[str]:
        """The registry groups the catalog's images of REPOSITORY already use, first."""
        used: Counter[str] = Counter(
            str(entry.get("registry_group"))
            for family in self.catalog.images.values()
            for config in family.configs.values()
            for entry in _entries(config)
            if entry.get("repository") == repository
        )
        return [g for g, _ in used.most_common() if g in self.catalog.registry_groups]

    def table(
        self,
    ) -> tuple[dict[str, JumpStartImage], dict[str, RegistryGroup], list[Disagreement]]:
        groups = dict(self.catalog.registry_groups)
        images: dict[str, JumpStartImage] = {}
        disagreements: list[Disagreement] = []
        for key in sorted(self.accounts):
            repository, tag = key.split(":", 1)
            accounts = self.accounts[key]
            for region, suffix in sorted(self.suffixes[key].items()):
                if region not in self.catalog.regions:
                    raise UserError(
                        f"{self.name}: {key}: region {region} is not in the catalog's regions table"
                    )
                if suffix != self.catalog.dns_suffix(region):
                    raise UserError(
                        f"{self.name}: {key} in {region}: DNS suffix {shown(suffix)}, not the "
                        f"partition's {self.catalog.dns_suffix(region)}"
                    )
            preferred = self._groups_for(repository)
            agreeing = [
                g
                for g in (*preferred, *sorted(groups))
                if all(groups[g].accounts.get(r) == a for r, a in accounts.items())
            ]
            if agreeing:
                group = agreeing[0]
            else:
                # Neither side is preferred silently: the image gets the source's accounts
                # as a group of its own, and each region that differs is reported.
                nearest = preferred[0] if preferred else None
                for region, account in sorted(accounts.items()):
                    theirs = groups[nearest].accounts.get(region) if nearest else None
                    if theirs != account:
                        disagreements.append(Disagreement(key, region, account, theirs, nearest))
                group = _new_group_key(groups, repository)
                groups[group] = RegistryGroup(
                    group, dict(sorted(accounts.items())), JUMPSTART_SOURCE
                )
            images[key] = JumpStartImage(key, repository, group, tag)
        return images, groups, disagreements


def _new_group_key(groups: Mapping[str, RegistryGroup], repository: str) -> str:
    base = "jumpstart-" + re.sub(r"[^a-z0-9]+", "-", repository).strip("-")
    base = base[:55].rstrip("-")
    key, n = base, 1
    while key in groups:
        n += 1
        key = f"{base}-{n}"
    return key


def _entries(config: Any) -> Iterable[Mapping[str, Any]]:
    """Every image entry (a mapping with a repository) in one SDK config, at any depth."""
    stack = [config]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            if "repository" in node:
                yield node
            stack.extend(v for v in node.values() if isinstance(v, Mapping))


def _release(record: Mapping[str, Any], images: _Images, name: str) -> JumpStartRelease:
    where = f"{name}: {record['modelId']} {record['version']}"
    image_aliases: dict[str, str] = {}
    overrides: dict[str, dict[str, str]] = {}
    for variant in record["instanceVariants"]:
        target = variant.get("instanceType")
        if not isinstance(target, str):
            raise UserError(f"{where}: instanceVariants: an entry without instanceType")
        if "imageUri" in variant:
            image_aliases[target] = _alias(str(variant["imageUri"]), where)
        if "environment" in variant:
            overrides[target] = _env(variant["environment"], f"{where}: {target}")
    instance_types = record.get("instanceTypes")
    if not isinstance(instance_types, list) or not instance_types:
        raise UserError(f"{where}: instanceTypes: missing or empty")
    # Only the variants of the types the model supports (the specs list more families).
    reachable = {t for it in instance_types for t in (it, instance_family(str(it)))}
    image_aliases = {k: v for k, v in image_aliases.items() if k in reachable}
    overrides = {k: v for k, v in overrides.items() if k in reachable}
    tables: dict[str, dict[str, str]] = {}
    for entry in record["instanceAliases"]:
        region = entry.get("region")
        aliases = entry.get("aliases") or {}
        if not isinstance(region, str) or not isinstance(aliases, dict):
            raise UserError(f"{where}: instanceAliases: an entry without region or aliases")
        if aliases:  # a region listed without an image is not one the model deploys in
            tables[region] = {
                alias: images.key(str(uri), region, where) for alias, uri in aliases.items()
            }
    if not tables:
        raise UserError(f"{where}: no region with an image")
    regions = sorted(tables)
    counts = Counter(json.dumps(t, sort_keys=True) for t in tables.values())
    common = json.loads(max(counts, key=lambda t: (counts[t], t)))
    return JumpStartRelease(
        key=record["version"],
        default_instance_type=record["defaultInstanceType"],
        instance_types=tuple(dict.fromkeys(instance_types)),
        environment=_env(record.get("environment", {}), where),
        environment_overrides=overrides,
        image_aliases=image_aliases,
        aliases=common,
        region_aliases={r: t for r, t in tables.items() if t != common},
        regions=tuple(regions),
        artifact_key=record.get("artifactKey"),
        prepacked_artifact_key=record.get("prepackedArtifactKey"),
        gated_bucket=bool(record.get("gatedBucket")),
        eula=record.get("requiresEula") or None,
    )


def import_jumpstart(
    catalog: Catalog,
    path: Path,
    document: str,
    date: str,
    versions: str = "newest",
    keep: Mapping[str, Collection[str]] | None = None,
) -> Imported:
    """CATALOG with its jumpstart section replaced by the models at PATH (KEEP: versions
    to keep besides, by model)."""
    name = str(path)
    records = read_records(path)
    kept, older, skipped = chosen(records, versions, keep)
    images = _Images(catalog, name)
    models = {
        model_id: {r["version"]: _release(r, images, name) for r in releases}
        for model_id, releases in kept.items()
    }
    table, groups, disagreements = images.table()
    sources = dict(catalog.sources)
    sources[JUMPSTART_SOURCE] = Source(
        JUMPSTART_SOURCE,
        "JumpStart model specs for hosting, as cdklabs-generative-ai-cdk-constructs ships them",
        document,
        date,
    )
    section = JumpStart(JUMPSTART_SOURCE, table, models)
    merged = catalog._replace(sources=sources, registry_groups=groups, jumpstart=section)
    return Imported(
        merged,
        len(models),
        sum(len(v) for v in models.values()),
        older,
        tuple(skipped),
        tuple(disagreements),
    )
