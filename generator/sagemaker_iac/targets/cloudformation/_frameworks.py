"""An image template per framework and scope: the lookup as Mappings, guarded by Rules.

Fn::FindInMap takes only Ref and Fn::FindInMap as keys and second-level keys must be
alphanumeric, so the arguments are chained: Variants[PyVersion][Processor] (Hugging Face:
[Processor + base framework]) names a variant, Images[Version][variant] holds the answer.
"none" stands for an argument not given, "default" for the SDK's default version.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, NamedTuple

from ...catalog import Catalog
from ...catalog.sentinels import ANY
from ...errors import OutputLimitError
from ...files import Files
from .._answers import answered, choices
from .._jinja import render
from ._mappings import MAX_INLINE_BODY, check_limits, group_key

ROOT = "cloudformation/frameworks"
NONE = "none"
DEFAULT = "default"
_TOP_KEY = re.compile(r"^[a-zA-Z0-9.-]+$")


class Rule(NamedTuple):
    name: str
    versions: list[str]
    parameter: str
    allowed: list[str]
    description: str


class Part(NamedTuple):
    """One template: a framework in one scope."""

    path: str
    framework: str
    scope: str
    versions: list[str]
    py_versions: list[str]
    processors: list[str]
    bases: list[str]  # Hugging Face only
    mappings: dict[str, dict[str, dict[str, Any]]]
    rules: list[Rule]


def _value(value: str | None) -> str:
    return NONE if value is None else value


def part_paths(catalog: Catalog) -> dict[tuple[str, str], str]:
    """(framework, scope) -> the template's out/ path, for every scope of every framework
    that answers some lookup in it (a scope whose every version refuses, such as a Graviton
    scope without Arm tags, has no image to offer and no template)."""
    return {
        (key, scope): f"{ROOT}/{key}-{scope.replace('_', '-')}.yaml"
        for key, found in sorted(catalog.images.items())
        for scope in found.scopes or ()
        if any(k[0] == scope for k in answered(catalog, key))
    }


def render_frameworks(catalog: Catalog) -> Files:
    """A template per framework and scope; split by versions where one would pass
    CloudFormation's inline size (name-2.yaml, ...)."""
    files: Files = {}
    for (framework, scope), path in part_paths(catalog).items():
        table = {k: v for k, v in answered(catalog, framework).items() if k[0] == scope}
        versions = list(dict.fromkeys(k[1] for k in table))
        chunks = [versions]
        while True:
            texts = [
                _render(_part(catalog, framework, scope, path, {
                    k: v for k, v in table.items() if k[1] in chunk
                }), chunked=len(chunks) > 1)
                for chunk in chunks
            ]  # fmt: skip
            sizes = [len(t.encode("utf-8")) for t in texts]
            if all(size <= MAX_INLINE_BODY - STAMP_ROOM for size in sizes):
                break
            for chunk, size in zip(chunks, sizes, strict=True):
                if len(chunk) == 1 and size > MAX_INLINE_BODY - STAMP_ROOM:
                    # One version alone is too large: no split can help.
                    raise OutputLimitError(
                        f"images: {framework}: {scope} version {chunk[0]} alone makes "
                        f"{path} {size} bytes; CloudFormation takes at most "
                        f"{MAX_INLINE_BODY} bytes inline"
                    )
            chunks = [
                half
                for c in chunks
                for half in ((c[: len(c) // 2], c[len(c) // 2 :]) if len(c) > 1 else (c,))
            ]
        for index, text in enumerate(texts, 1):
            name = path if len(texts) == 1 else path.replace(".yaml", f"-{index}.yaml")
            files[name] = text
    return files


STAMP_ROOM = 200  # the stamp line build() puts first


def _render(part: Part, chunked: bool) -> str:
    choose = "!FindInMap [Bases, !Ref BaseFrameworkVersion, Id]"
    second = f"!FindInMap [ProcessorBase, !Ref Processor, {choose}]" if part.bases else (
        "!Ref Processor"
    )  # fmt: skip
    variant = f"!FindInMap [Variants, !Ref PyVersion, {second}]"
    return render(f"{ROOT}/_framework.yaml", part=part, variant=variant, chunked=chunked)


def _part(catalog: Catalog, framework: str, scope: str, path: str, table: dict) -> Part:
    pys, processors, bases = choices(table)
    py_choices, processor_choices = [NONE, *pys], [NONE, *processors]
    base_ids = {NONE: "B0", **{b: f"B{i + 1}" for i, b in enumerate(bases)}}
    variants: dict[str, dict[str, str]] = defaultdict(dict)
    ids: dict[tuple[str, str], str] = {}
    images: dict[str, dict[str, list[str]]] = defaultdict(dict)
    owners: dict[str, dict[str, str]] = defaultdict(dict)
    allowed: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (_, version, py, base, processor), located in sorted(
        table.items(), key=lambda item: tuple(_value(p) for p in item[0])
    ):
        version_key = DEFAULT if version is None else version
        if not _TOP_KEY.match(version_key):
            continue  # such as model-monitor's "": reached as the default version only
        for p in py_choices if py == ANY else [_value(py)]:
            for c in processor_choices if processor == ANY else [_value(processor)]:
                second = c + base_ids[_value(base)] if bases else c
                variant = ids.setdefault((p, second), f"V{len(ids) + 1}")
                variants[p][second] = variant
                image = located.repository + (f":{located.tag}" if located.tag else "")
                images[version_key][variant] = [
                    located.repository,
                    located.tag,
                    located.version,
                    image,
                ]
                owners[version_key][variant] = group_key(located.registry_group)
                allowed[version_key]["PyVersion"].add(p)
                allowed[version_key]["Processor"].add(c)
                if bases:
                    allowed[version_key]["BaseFrameworkVersion"].add(_value(base))
    groups = sorted({located.registry_group for located in table.values()})
    registries: dict[str, dict[str, str]] = defaultdict(dict)
    for group in groups:
        for region, account in catalog.registry_groups[group].accounts.items():
            registries[region][group_key(group)] = account
    maps: dict[str, dict[str, dict[str, Any]]] = {
        "Variants": dict(variants),
        "Images": dict(images),
        "Groups": dict(owners),
        "Registries": dict(sorted(registries.items())),
    }
    if bases:
        maps["Bases"] = {b: {"Id": i} for b, i in base_ids.items()}
        maps["ProcessorBase"] = {
            c: {i: c + i for i in base_ids.values()} for c in processor_choices
        }
    check_limits(maps, {name: (path, path) for name in maps})
    versions = list(images)
    return Part(
        path,
        framework,
        scope,
        versions,
        py_choices,
        processor_choices,
        [NONE, *bases] if bases else [],
        maps,
        _rules(catalog, framework, table, allowed),
    )


def _rules(catalog: Catalog, framework: str, table: dict, allowed: dict) -> list[Rule]:
    """Region rules by registry group, then argument rules by the versions that share them."""
    rules: list[Rule] = []
    by_group: dict[str, set[str]] = defaultdict(set)
    for key, located in table.items():
        by_group[located.registry_group].add(DEFAULT if key[1] is None else key[1])
    for index, (group, versions) in enumerate(sorted(by_group.items()), 1):
        regions = sorted(catalog.registry_groups[group].accounts)
        rules.append(
            Rule(
                f"Regions{index}",
                sorted(versions),
                "AWS::Region",
                regions,
                f"{framework} {', '.join(sorted(versions))}: published only in "
                f"{', '.join(regions)}.",
            )
        )
    for parameter in ("PyVersion", "Processor", "BaseFrameworkVersion"):
        shared: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for version, taken in allowed.items():
            if parameter in taken:
                shared[tuple(sorted(taken[parameter]))].append(version)
        for index, (values, sharing) in enumerate(sorted(shared.items()), 1):
            rules.append(
                Rule(
                    f"{parameter}{index}",
                    sorted(sharing),
                    parameter,
                    list(values),
                    f"{framework} {', '.join(sorted(sharing))} takes {parameter} "
                    f"{', '.join(values)} ({NONE}: not given).",
                )
            )
    return rules
