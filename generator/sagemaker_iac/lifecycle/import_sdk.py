"""The SageMaker Python SDK's image_uri_config JSON: merge its registries into a catalog, or
compare a catalog with it."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..catalog import (
    Algorithm,
    Catalog,
    Image,
    ImageFamily,
    Partition,
    RegistryGroup,
    Scope,
    Source,
)
from ..catalog.sentinels import FLAT, OTHER_SCOPE
from ..errors import UserError, shown
from ._botocore_facts import partition_of, training_instance_types
from ._families import compare, expanded
from ._source import read_json

_REGION = re.compile(r"[a-z]{2,4}(-[a-z]+)+-[0-9]+")
_ACCOUNT = re.compile(r"[0-9]{12}")

SDK_SOURCE = "sagemaker-sdk"


@dataclass(frozen=True)
class SdkImage:
    """One version of an algorithm's training or inference image in the SDK."""

    tag: str
    repository: str
    registries: dict[str, str]


def config_dir(path: str | Path | None) -> Path:
    """The image_uri_config folder: given, or inside an installed sagemaker package."""
    if path is not None:
        folder = Path(path)
        nested = folder / "sagemaker" / "core" / "image_uri_config"
        folder = nested if nested.is_dir() else folder
        if not folder.is_dir():
            raise UserError(f"{path}: not a folder of image_uri_config JSON files")
        return folder
    for package in ("sagemaker.core", "sagemaker"):
        try:
            spec = importlib.util.find_spec(package)
        except ModuleNotFoundError:
            continue
        for location in (spec.submodule_search_locations or []) if spec else []:
            for folder in (
                Path(location) / "image_uri_config",
                Path(location) / "core" / "image_uri_config",
            ):
                if folder.is_dir():
                    return folder
    raise UserError(
        "no installed sagemaker package found: pass --sdk PATH (the image_uri_config folder)"
    )


def images(folder: Path, algorithm: Algorithm, scope: Scope = "training") -> list[SdkImage] | None:
    """The SDK's images of one algorithm in one scope, or None if the SDK lacks it."""
    path = folder / f"{algorithm.sdk_framework or algorithm.key}.json"
    if not path.exists():
        return None
    data = read_config(path, folder)
    config = data if "versions" in data else data.get(scope, {})
    repository = algorithm.image(scope).repository
    found = []
    for version, entry in config.get("versions", {}).items():
        if entry.get("repository") != repository:
            continue  # another image under the same framework name (e.g. legacy xgboost:1)
        if algorithm.sdk_version and version != algorithm.sdk_version:
            continue
        # The SDK's tag: version, then processor and Python version where it lists them.
        processors = entry.get("processors", config.get("processors", []))
        if scope == "training" and len(processors) > 1:
            processors = [p for p in algorithm.instance.processors if p in processors]
        python = entry.get("py_versions", [])[:1]
        if scope == "inference_graviton":
            # The SDK's Arm tags are the version plus -arm64 (image_uris' arm64 tag mapping).
            found.append(SdkImage(f"{version}-arm64", repository, dict(entry["registries"])))
            continue
        for processor in processors or [None]:
            parts = [version, *([processor] if processor else []), *python]
            found.append(SdkImage("-".join(parts), repository, dict(entry["registries"])))
    return found


def _placed(
    catalog: Catalog, account_maps: Iterable[Mapping[str, str]]
) -> tuple[dict[str, str], dict[str, Partition]]:
    """The catalog's regions and partitions, with those of every region in the maps
    (botocore's partition for a region the catalog lacks)."""
    regions = dict(catalog.regions)
    partitions = dict(catalog.partitions)
    for accounts in account_maps:
        for region in accounts:
            if region not in regions:
                partition, suffix = partition_of(region)
                regions[region] = partition
                partitions.setdefault(
                    partition, Partition(partition, suffix, "botocore-partitions")
                )
    return regions, partitions


def _cited(catalog: Catalog, document: str, date: str) -> dict[str, Source]:
    sources = dict(catalog.sources)
    sources[SDK_SOURCE] = Source(
        SDK_SOURCE, "SageMaker Python SDK image_uri_config", document, date
    )
    return sources


def _scopes(algorithm: Algorithm) -> tuple[Scope, ...]:
    """The scopes whose images the catalog keeps apart from the training image."""
    return (
        "training",
        *(("inference",) if algorithm.inference is not None else ()),
        *(("inference_graviton",) if algorithm.graviton is not None else ()),
    )


def merge(catalog: Catalog, folder: Path, document: str, date: str) -> Catalog:
    """The catalog with the SDK's regions, accounts and tags; its own metadata kept."""
    groups = {k: dict(g.accounts) for k, g in catalog.registry_groups.items()}
    touched: set[str] = set()
    algorithms = dict(catalog.algorithms)
    for key, algorithm in sorted(catalog.algorithms.items()):
        for scope in _scopes(algorithm):
            found = images(folder, algorithm, scope)
            if not found:
                continue
            own = algorithm.image(scope)
            repository, group_key, tags = own.repository, own.registry_group, own.tags
            sdk_accounts: dict[str, str] = {}
            for image in found:
                for region, account in image.registries.items():
                    if sdk_accounts.setdefault(region, account) != account:
                        raise UserError(f"{key}: the SDK lists two accounts for {region}")
            group = groups[group_key]
            for region, account in sdk_accounts.items():
                if group.get(region, account) != account and group_key in touched:
                    raise UserError(
                        f"registry group {group_key}: algorithms disagree on the "
                        f"account for {region}; split the group"
                    )
                group[region] = account
            touched.add(group_key)
            merged = (*tags, *(i.tag for i in found if i.tag not in tags))
            current = algorithms[key]
            hosting = Image(repository, group_key, merged)
            algorithms[key] = (
                current._replace(tags=merged)
                if scope == "training"
                else current._replace(inference=hosting)
                if scope == "inference"
                else current._replace(graviton=hosting)
            )
    regions, partitions = _placed(catalog, groups.values())
    sources = _cited(catalog, document, date)
    if "botocore-partitions" not in sources:
        sources["botocore-partitions"] = Source(
            "botocore-partitions",
            "botocore data/partitions.json (partition DNS suffixes)",
            "botocore/data/partitions.json",
            date,
        )
    if "botocore-sagemaker" not in sources:
        sources["botocore-sagemaker"] = Source(
            "botocore-sagemaker",
            "botocore data/sagemaker service model (TrainingInstanceType)",
            "botocore/data/sagemaker/2017-07-24/service-2.json",
            date,
        )
    return catalog._replace(
        training_instance_types=training_instance_types(),
        training_instance_types_source=catalog.training_instance_types_source
        or "botocore-sagemaker",
        sources=sources,
        partitions=partitions,
        regions=dict(sorted(regions.items())),
        registry_groups={
            k: RegistryGroup(
                k, dict(sorted(groups[k].items())), SDK_SOURCE if k in touched else g.source
            )
            for k, g in catalog.registry_groups.items()
        },
        algorithms=algorithms,
    )


def _compare(
    label: str, ours: Mapping[str, str], tags: tuple[str, ...], sdk: list[SdkImage]
) -> list[Difference]:
    found: list[Difference] = []
    theirs: dict[str, str] = {}
    for image in sdk:
        theirs.update(image.registries)
    for region in sorted(set(ours) | set(theirs)):
        if region not in theirs:
            found.append(Difference(label, f"{region}: only in the catalog", False))
        elif region not in ours:
            found.append(Difference(label, f"{region}: only in the SDK ({theirs[region]})", False))
        elif ours[region] != theirs[region]:
            found.append(
                Difference(label, f"{region}: catalog {ours[region]}, SDK {theirs[region]}", True)
            )
    sdk_tags = [i.tag for i in sdk]
    found += [
        Difference(label, f"tag {t}: only in the catalog", False) for t in tags if t not in sdk_tags
    ]
    found += [
        Difference(label, f"tag {t}: only in the SDK", False) for t in sdk_tags if t not in tags
    ]
    return found


@dataclass(frozen=True)
class Difference:
    algorithm: str
    text: str
    conflict: bool  # an account both sides know, and disagree on


def verify(catalog: Catalog, folder: Path) -> list[Difference]:
    """Every way the catalog and the SDK differ: algorithm by algorithm, then every
    framework's images (versions, aliases, scopes, tags, accounts)."""
    found: list[Difference] = _verify_algorithms(catalog, folder)
    ours = catalog.images
    fresh = _Groups(catalog.registry_groups)
    theirs = images_of(folder, fresh)
    their_groups = {k: RegistryGroup(k, a, SDK_SOURCE) for k, a in fresh.accounts.items()}
    for key in sorted({*ours, *theirs}):
        if key not in theirs:
            found.append(Difference(key, "framework only in the catalog", False))
        elif key not in ours:
            found.append(Difference(key, "framework only in the SDK", False))
        else:
            mine = expanded(ours[key], catalog.registry_groups)
            other = expanded(theirs[key], their_groups)
            for d in compare(mine, other):
                if d.kind == "changed":
                    found.append(
                        Difference(key, f"{d.where}: catalog {d.old!r}, SDK {d.new!r}", True)
                    )
                else:
                    side = "the catalog" if d.kind == "removed" else "the SDK"
                    found.append(Difference(key, f"{d.where}: only in {side}", False))
    return found


def _verify_algorithms(catalog: Catalog, folder: Path) -> list[Difference]:
    found: list[Difference] = []
    for key, algorithm in sorted(catalog.algorithms.items()):
        for scope in _scopes(algorithm):
            sdk = images(folder, algorithm, scope)
            label = key if scope == "training" else f"{key} ({scope.replace('_', ' ')})"
            if sdk is None:
                found.append(Difference(label, "not in the SDK", False))
                continue
            image = algorithm.image(scope)
            accounts = catalog.registry_groups[image.registry_group].accounts
            found += _compare(label, accounts, image.tags, sdk)
    return found


# --- every framework's images -------------------------------------------------------------


def read_config(path: Path, folder: Path | None = None) -> dict:
    """One config file, read as untrusted (lifecycle/_source.py), its shape checked: each
    scope's versions an object of version entries."""
    data = read_json(path, folder)
    if not isinstance(data, dict):
        raise UserError(f"{path}: not a JSON object")
    for scope, tree in _subtrees(data).items():
        where = f"{path}: {'' if scope == FLAT else scope + '.'}"
        if not isinstance(tree["versions"], dict):
            raise UserError(f"{where}versions: expected an object of versions")
        for version, entry in tree["versions"].items():
            if not isinstance(entry, dict):
                raise UserError(f"{where}versions.{shown(version)}: expected an object")
        aliases = tree.get("version_aliases", {})
        if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
            raise UserError(f"{where}version_aliases: expected an object of strings")
        for key in ("processors", "scope"):
            listed = tree.get(key, [])
            if not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
                raise UserError(f"{where}{key}: expected a list of strings")
    return data


def _subtrees(config: dict) -> dict[str, dict]:
    """scope -> the part of a config that holds versions (FLAT for a top-level one)."""
    if "versions" in config:
        return {FLAT: config}
    return {s: c for s, c in config.items() if isinstance(c, dict) and "versions" in c}


class _Groups:
    """Registry groups by account map: a catalog's own first, new ones named by first use."""

    def __init__(self, groups: Mapping[str, RegistryGroup]) -> None:
        self.accounts = {k: dict(g.accounts) for k, g in groups.items()}
        self.sources = {k: g.source for k, g in groups.items()}
        self.by_map: dict[tuple[tuple[str, str], ...], str] = {}
        for key, accounts in sorted(self.accounts.items()):
            self.by_map.setdefault(tuple(sorted(accounts.items())), key)
        self.used: set[str] = set()

    def key(self, accounts: dict[str, str], owner: str) -> str:
        frozen = tuple(sorted(accounts.items()))
        if frozen not in self.by_map:
            name, n = owner, 1
            while name in self.accounts:
                n += 1
                name = f"{owner}-{n}"
            self.accounts[name] = dict(frozen)
            self.sources[name] = SDK_SOURCE
            self.by_map[frozen] = name
        found = self.by_map[frozen]
        self.used.add(found)
        return found


def _entry(entry: dict, groups: _Groups, owner: str, where: str) -> dict:
    """One version's entry with its account map replaced by a registry group's key."""
    if "repository" in entry:
        registries = entry.get("registries")
        if not isinstance(registries, dict) or not registries:
            raise UserError(f"{where}: no registries")
        for region, account in registries.items():
            if not _REGION.fullmatch(region) or not _ACCOUNT.fullmatch(str(account)):
                raise UserError(
                    f"{where}.registries.{shown(region)}: {shown(str(account))} is not a "
                    "region with its 12-digit account (such as us-east-1: 763104351884)"
                )
        if not isinstance(entry["repository"], str):
            raise UserError(f"{where}.repository: expected a string")
        out = {k: v for k, v in entry.items() if k != "registries"}
        out["registry_group"] = groups.key(registries, owner)
        return out
    # Hugging Face (by base framework) or Python-keyed versions: a mapping of entries.
    for k, v in entry.items():
        if not isinstance(v, dict):
            raise UserError(f"{where}.{shown(k)}: expected an object (a version entry)")
    return {
        k: (dict(v) if k == "version_aliases" else _entry(v, groups, owner, f"{where}.{k}"))
        for k, v in entry.items()
    }


def _latest(config: dict, scope: str | None) -> str | None:
    """The version retrieve() picks when given none (None: it refuses), for a scope argument."""
    from packaging.version import InvalidVersion, Version

    own = config.get(scope) if scope else None
    if isinstance(own, dict) and "latest" in own.get("version_aliases", {}):
        return own["version_aliases"]["latest"]
    if "versions" in config:
        versions = list(config["versions"])
        if len(versions) <= 1:
            return versions[0] if versions else None
        if "latest" in (versions[0], versions[-1]):
            return None
    elif isinstance(own, dict) and "versions" in own:
        versions = list(own["versions"])
    elif isinstance(config.get("processing"), dict) and "versions" in config["processing"]:
        versions = list(config["processing"]["versions"])
    else:
        return None
    if not versions:
        return None
    top, bottom = versions[0], versions[-1]
    try:
        if top.endswith(".x") or bottom.endswith(".x"):
            return f"{max(int(top[:-2]), int(bottom[:-2]))}.x"
        return top if Version(top) >= Version(bottom) else bottom
    except (InvalidVersion, ValueError):
        return None


def images_of(folder: Path, groups: _Groups) -> dict[str, ImageFamily]:
    """Every framework config in the folder as an image family."""
    found: dict[str, ImageFamily] = {}
    for path in sorted(folder.glob("*.json")):
        config = read_config(path, folder)
        subtrees = _subtrees(config)
        if not subtrees:
            continue  # not a framework (instance_gpu_info)
        key = path.stem
        configs = {}
        for scope, tree in subtrees.items():
            where = f"{path}: {scope}"
            out: dict[str, Any] = {k: v for k, v in tree.items() if k not in ("versions", "scope")}
            out["versions"] = {
                version: _entry(entry, groups, key, f"{where}.{version}")
                for version, entry in tree["versions"].items()
            }
            configs[scope] = out
        flat = FLAT in subtrees
        scopes = tuple(config["scope"]) if flat and "scope" in config else None
        if not flat:
            scopes = tuple(subtrees)
        latest = {"": _latest(config, None), OTHER_SCOPE: _latest(config, "\0")}
        for scope in scopes or ():
            latest[scope] = _latest(config, scope)
        found[key] = ImageFamily(key, scopes, flat, configs, latest, SDK_SOURCE)
    return found


def import_images(catalog: Catalog, folder: Path, document: str, date: str) -> Catalog:
    """The catalog with every SDK framework's images, replacing those it had."""
    groups = _Groups(catalog.registry_groups)
    families = images_of(folder, groups)
    if not families:
        raise UserError(f"{folder}: no image_uri_config JSON files")
    registry_groups = {
        k: RegistryGroup(k, dict(sorted(groups.accounts[k].items())), groups.sources[k])
        for k in sorted(groups.accounts)
        if k in catalog.registry_groups or k in groups.used
    }
    regions, partitions = _placed(catalog, (g.accounts for g in registry_groups.values()))
    sources = _cited(catalog, document, date)
    return catalog._replace(
        sources=sources,
        partitions=dict(sorted(partitions.items())),
        regions=dict(sorted(regions.items())),
        registry_groups=registry_groups,
        images=families,
    )
