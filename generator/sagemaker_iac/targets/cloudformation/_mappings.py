"""The CloudFormation image Mappings, the Rules that guard them, and the quotas they must fit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ...catalog import Catalog, Scope
from ...errors import OutputLimitError

REGISTRIES = "SageMakerRegistries"
ALGORITHMS = "SageMakerAlgorithms"

# SageMakerAlgorithms attributes per image: the training image's bare, the inference
# (hosting) image's with this prefix.
HOST_PREFIX = "Host"
IMAGE_PREFIXES: tuple[tuple[str, Scope], ...] = (("", "training"), (HOST_PREFIX, "inference"))

# CloudFormation quotas that cfn-lint does not check.
MAX_MAPPINGS = 200
MAX_KEYS_PER_LEVEL = 200
MAX_INLINE_BODY = 51_200


class GroupRule(NamedTuple):
    """Assert that the stack's region hosts the chosen algorithm's registry group."""

    name: str
    algorithms: list[str]
    regions: list[str]
    description: str  # the AssertDescription: who, and where they are published


def published_where(catalog: Catalog, algorithms: list[str], regions: list[str]) -> str:
    """Where ALGORITHMS are published, in the fewer words: the regions, or the catalog's
    regions but a few (most algorithms are in nearly every region)."""
    who = ", ".join(algorithms)
    missing = sorted(set(catalog.regions) - set(regions))
    if len(missing) < len(regions):
        but = f" but {', '.join(missing)}" if missing else ""
        where = f"in every region of the catalog{but}"
    else:
        where = f"only in {', '.join(regions)}"
    return f"AWS::Region does not host {who}: published {where}."


class TagRule(NamedTuple):
    """Assert that an explicit image tag is one the chosen algorithm publishes."""

    name: str
    algorithms: list[str]
    tags: list[str]


def group_key(group: str) -> str:
    """Second-level mapping keys must be alphanumeric: deep-learning -> DeepLearning."""
    return "".join(part.capitalize() for part in group.split("-"))


def mappings(catalog: Catalog) -> dict[str, dict[str, dict[str, str]]]:
    """Accounts grouped by registry group (not one URI per algorithm and region)."""
    keys = {g: group_key(g) for g in catalog.registry_groups}
    if len(set(keys.values())) != len(keys):
        raise OutputLimitError(f"registry groups collide as CloudFormation keys: {keys}")
    registries: dict[str, dict[str, str]] = {}
    for group in sorted(catalog.registry_groups.values(), key=lambda g: g.key):
        for region, account in group.accounts.items():
            registries.setdefault(region, {})[keys[group.key]] = account
    algorithms: dict[str, dict[str, str]] = {}
    for a in sorted(catalog.algorithms.values(), key=lambda a: a.key):
        entry = algorithms[a.key] = {}
        for prefix, scope in IMAGE_PREFIXES:
            repository, image_group, tags = a.image(scope)
            entry.update(
                {
                    prefix + "Repo": repository,
                    prefix + "Group": keys[image_group],
                    prefix + "Tag": tags[0],
                }
            )
    return {
        REGISTRIES: {r: dict(sorted(v.items())) for r, v in sorted(registries.items())},
        ALGORITHMS: algorithms,
    }


def training_only(
    maps: dict[str, dict[str, dict[str, str]]],
) -> dict[str, dict[str, dict[str, str]]]:
    """The mappings without the inference image's attributes."""
    algorithms = {
        key: {k: v for k, v in entry.items() if not k.startswith(HOST_PREFIX)}
        for key, entry in maps[ALGORITHMS].items()
    }
    return {**maps, ALGORITHMS: algorithms}


def for_algorithm(
    maps: dict[str, dict[str, dict[str, str]]], key: str
) -> dict[str, dict[str, dict[str, str]]]:
    """What one algorithm's training template looks up: its entry, its group's accounts."""
    entry = {k: v for k, v in maps[ALGORITHMS][key].items() if not k.startswith(HOST_PREFIX)}
    group = entry["Group"]
    registries = {r: {group: a[group]} for r, a in maps[REGISTRIES].items() if group in a}
    return {REGISTRIES: registries, ALGORITHMS: {key: entry}}


def group_rules(catalog: Catalog, scope: Scope = "training") -> list[GroupRule]:
    """One rule per registry group: the regions where its algorithms' images are.

    Per group rather than per region set, so that adding a region to one group changes
    only lines that name the region."""
    members: dict[str, list[str]] = {}
    for a in sorted(catalog.algorithms.values(), key=lambda a: a.key):
        members.setdefault(a.image(scope).registry_group, []).append(a.key)
    return [
        GroupRule(
            name=f"{group_key(g)}Regions",
            algorithms=algorithms,
            regions=sorted(catalog.registry_groups[g].accounts),
            description=published_where(
                catalog, algorithms, sorted(catalog.registry_groups[g].accounts)
            ),
        )
        for g, algorithms in sorted(members.items())
    ]


def tag_rules(catalog: Catalog, scope: Scope = "training") -> list[TagRule]:
    by_tags: dict[tuple[str, ...], list[str]] = {}
    for a in sorted(catalog.algorithms.values(), key=lambda a: a.key):
        by_tags.setdefault(tuple(sorted(a.image(scope).tags)), []).append(a.key)
    return [
        TagRule(name=f"ImageTag{index}", algorithms=algs, tags=list(tags))
        for index, (tags, algs) in enumerate(sorted(by_tags.items()), start=1)
    ]


def check_size(name: str, text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_INLINE_BODY:
        raise OutputLimitError(
            f"{name} is {size} bytes; CloudFormation takes at most {MAX_INLINE_BODY} "
            "bytes inline (upload it to S3 and use TemplateURL, or shrink the catalog)"
        )


def check_limits(
    maps: Mapping[str, Mapping[str, Mapping[str, Any]]],
    sections: Mapping[str, tuple[str, str]] | None = None,
) -> None:
    """CloudFormation's mapping quotas. SECTIONS names, per mapping, what its keys are at
    the top and one level down (the catalog section that grew), for the message."""
    if sections is None:
        sections = {REGISTRIES: ("regions", "registry_groups"), ALGORITHMS: ("algorithms", "")}
    if len(maps) > MAX_MAPPINGS:
        raise OutputLimitError(f"{len(maps)} mappings; CloudFormation allows {MAX_MAPPINGS}")
    for name, top in maps.items():
        top_section, second_section = sections.get(name, ("", ""))
        if len(top) > MAX_KEYS_PER_LEVEL:
            raise OutputLimitError(
                f"{top_section}: mapping {name} has {len(top)} top-level keys; "
                f"CloudFormation allows {MAX_KEYS_PER_LEVEL}"
            )
        for key, second in top.items():
            if len(second) > MAX_KEYS_PER_LEVEL:
                raise OutputLimitError(
                    f"{second_section}: mapping {name}.{key} has {len(second)} keys; "
                    f"CloudFormation allows {MAX_KEYS_PER_LEVEL}"
                )


def check_lookups(
    catalog: Catalog,
    maps: dict[str, dict[str, dict[str, str]]],
    rules: list[GroupRule],
    scope: Scope = "training",
) -> None:
    """Every Fn::FindInMap in the outputs resolves wherever the Rules let a stack through."""
    group = (HOST_PREFIX if scope == "inference" else "") + "Group"
    for rule in rules:
        for algorithm in rule.algorithms:
            entry = maps[ALGORITHMS][algorithm]
            image = catalog.algorithms[algorithm].image(scope)
            accounts = catalog.registry_groups[image.registry_group].accounts
            for region in rule.regions:
                account = maps[REGISTRIES].get(region, {}).get(entry[group])
                if account is None or account != accounts.get(region):
                    raise OutputLimitError(
                        f"internal error: FindInMap for {algorithm} in {region} does not "
                        "resolve to the catalog's account"
                    )
