"""Every framework lookup the catalog answers, as the flat tables both targets emit."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..catalog.resolve import Located, Query, answers, locate, versions_of
from ..catalog.sentinels import ANY
from ..errors import UnavailableError


def _key(parts: tuple[str | None, ...]) -> str:
    return "|".join("" if p is None else p for p in parts)


# The last catalog's answers and framework tables: both targets read the answers, the
# framework module and the prebuilt-image module the tables, and they are the costly part.
_LAST: list[tuple[Catalog, dict[tuple[str, str], Any]]] = []


def _cached(catalog: Catalog) -> dict[tuple[str, str], Any]:
    if not _LAST or _LAST[0][0] is not catalog:
        _LAST[:] = [(catalog, {})]
    return _LAST[0][1]


def answered(catalog: Catalog, framework: str) -> dict[tuple[str | None, ...], Located]:
    """answers(), computed once per catalog and framework."""
    cache = _cached(catalog)
    if ("answers", framework) not in cache:
        cache["answers", framework] = answers(catalog, framework)
    result: dict[tuple[str | None, ...], Located] = cache["answers", framework]
    return result


def choices(table: dict[tuple[str | None, ...], Located]) -> tuple[list[str], ...]:
    """The Python versions, processors and base frameworks answers name, sorted (those
    given; not None, not ANY)."""
    return tuple(
        sorted({v for k in table if (v := k[i]) is not None and v != ANY}) for i in (2, 4, 3)
    )


def framework_table(catalog: Catalog, framework: str) -> dict[str, Any]:
    """One framework's answers, keyed scope|version|py_version|base|processor ("" not
    given, ANY ignored), with the registry groups they name and the choices for messages;
    computed once per catalog and framework (the instance classes' lookups are costly)."""
    cache = _cached(catalog)
    if ("table", framework) not in cache:
        cache["table", framework] = _framework_table(catalog, framework)
    table: dict[str, Any] = cache["table", framework]
    return table


def _framework_table(catalog: Catalog, framework: str) -> dict[str, Any]:
    found = catalog.images[framework]
    table = answered(catalog, framework)
    images = {
        _key(k): f"{a.registry_group}|{a.repository}|{a.tag}|{a.version}" for k, a in table.items()
    }
    instances, refused = instance_table(catalog, framework)
    groups = sorted(
        {a.registry_group for a in table.values()}
        | {cell.split("|", 1)[0] for cell in instances.values() if cell}
    )
    pys, processors, _ = choices(table)
    cells = [*images.values(), *(cell for cell in instances.values() if cell)]
    return {
        "framework": framework,
        "end_of_patch": end_of_patch(catalog, cells),
        "images": images,
        "instances": instances,
        "refused_classes": refused,
        "registries": {g: dict(catalog.registry_groups[g].accounts) for g in groups},
        "scopes": list(found.scopes or ()),
        "versions": versions_of(found),
        "py_versions": pys,
        "processors": processors,
        **distributions(catalog, framework, table),
    }


def end_of_patch(catalog: Catalog, cells: list[str]) -> dict[str, str]:
    """ "repository:tag" -> end-of-patch date of each answer (a "group|repository|tag|
    version" cell) whose tag the catalog has the dates of."""
    found = {}
    for cell in cells:
        _, repository, tag, _ = cell.split("|")
        release = catalog.release(repository, tag)
        if release is not None:
            found[f"{repository}:{tag}"] = release.eop
    return dict(sorted(found.items()))


def repository_tables(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every repository an image of the catalog is in (the algorithms' and every
    framework's answers): its tags, each with the registry group that publishes it, and
    those groups' accounts by region."""
    tags: dict[str, dict[str, str]] = {}
    for algorithm in catalog.algorithms.values():
        for scope in algorithm.scopes():
            image = algorithm.image(scope)
            for tag in image.tags:
                tags.setdefault(image.repository, {}).setdefault(tag, image.registry_group)
    for framework in catalog.images:
        table = framework_table(catalog, framework)
        for cell in [*table["images"].values(), *table["instances"].values()]:
            if cell:
                group, repository, tag, _ = cell.split("|")
                tags.setdefault(repository, {}).setdefault(tag, group)
    return {
        repository: {
            "registries": {
                g: dict(catalog.registry_groups[g].accounts) for g in sorted(set(by_tag.values()))
            },
            "tags": dict(sorted(by_tag.items())),
        }
        for repository, by_tag in sorted(tags.items())
    }


def distributions(
    catalog: Catalog, framework: str, table: dict[tuple[str | None, ...], Located]
) -> dict[str, Any]:
    """The strategies the SDK accepts, strategy -> processor ("*": any) -> versions; a
    strategy with no table takes any version. A framework whose images name a base
    framework (Hugging Face) is checked as its base, name and version, as the SDK's
    estimator checks it: its table lists the accepted bases (distributions_by)."""
    rules = catalog.image_rules.distributions
    bases = sorted({b for k in table if k[0] == "training" and (b := k[3]) and b != ANY})
    if framework in rules or not bases:
        by_strategy = rules.get(framework, {})
        return {
            "distributions": {
                strategy: {processor: list(v) for processor, v in by.items()}
                for strategy, by in by_strategy.items()
            }
        }
    found: dict[str, dict[str, list[str]]] = {}
    for base in bases:
        name = base.rstrip("0123456789.")
        version = base[len(name) :]
        for strategy, by in rules.get(name, {}).items():
            accepted = list(by.items()) if by else [("*", (version,))]
            for processor, versions in accepted:
                if version in versions:
                    found.setdefault(strategy, {}).setdefault(processor, []).append(base)
    return {"distributions": found, "distributions_by": "base"}


def strategies(catalog: Catalog) -> list[str]:
    """Every distribution strategy the catalog knows for some framework, sorted."""
    return sorted({s for by in catalog.image_rules.distributions.values() for s in by})


# Instance types sorted as the SDK reads them: each class -> one instance type of it and
# the processor the SDK takes from it. An instance type outside the named classes is
# inf/trn by its prefix, else gpu (g, p) or cpu by its first letter; a Graviton family is
# "graviton". Where a framework's answer for a class is not the answer for its processor
# (Graviton and Neuron images, p4d tags, p2 refusals), the table carries it.
INSTANCE_CLASSES: dict[str, tuple[str, str]] = {
    "cpu": ("ml.m5.xlarge", "cpu"),
    "gpu": ("ml.g5.xlarge", "gpu"),
    "graviton": ("ml.c6g.xlarge", "cpu"),
    "p4d": ("ml.p4d.24xlarge", "gpu"),
    "p2": ("ml.p2.xlarge", "gpu"),
    "inf": ("ml.inf1.xlarge", "inf"),
    "inf2": ("ml.inf2.xlarge", "inf"),  # inf2 where the image is built for it: the table
    "trn": ("ml.trn1.2xlarge", "trn"),
}


def instance_classes(catalog: Catalog, framework: str) -> list[str]:
    """The classes whose answers may differ from their processor's for this framework."""
    rules = catalog.image_rules
    if framework in rules.arm64_tags:  # its Graviton scope refuses every other instance
        return list(INSTANCE_CLASSES)
    classes = ["trn"]  # the SDK refuses Trainium for all but its Trainium frameworks
    if framework in rules.graviton_frameworks or framework in rules.arm64_tags:
        classes.append("graviton")
    if framework in rules.p2_deprecated_from:
        classes.append("p2")
    if any(key.startswith(f"{framework}-") for key in rules.p4d_container_versions):
        classes.append("p4d")
    if framework in rules.neuron_frameworks:
        classes += ["inf", "inf2"]
    elif "inf2" in choices(answered(catalog, framework))[1]:
        classes.append("inf2")
    return classes


def instance_table(catalog: Catalog, framework: str) -> tuple[dict[str, str], list[str]]:
    """(answers that differ from the processor's, keyed scope|version|py_version|base|
    class, "" where the SDK refuses; the classes refused for every argument)."""
    rules = catalog.image_rules
    table = answered(catalog, framework)
    keys = {k[:4] for k in table}
    if framework in rules.neuron_frameworks:  # inf/trn read <framework>-neuron's config
        keys |= {k[:4] for k in answered(catalog, f"{framework}-neuron")}
    refused = [] if framework in rules.graviton_frameworks else ["graviton"]
    differing: dict[str, str] = {}
    for name in instance_classes(catalog, framework):
        instance_type, processor = INSTANCE_CLASSES[name]
        found: dict[str, str] = {}
        answered_any = False
        for scope, version, py, base in sorted(keys, key=_sortable):
            try:
                query = Query(
                    framework,
                    version=version,
                    py_version=None if py == ANY else py,
                    scope=scope,
                    base_framework_version=base,
                    instance_type=instance_type,
                )
                answer = _cell(locate(catalog, query))
                answered_any = True
            except UnavailableError:
                answer = ""
            if answer != _by_processor(table, (scope, version, py, base), processor):
                found[_key((scope, version, py, base, name))] = answer
        if answered_any:
            differing.update(found)
        else:
            refused.append(name)
    return differing, sorted(set(refused))


def _cell(located: Located) -> str:
    return f"{located.registry_group}|{located.repository}|{located.tag}|{located.version}"


def _by_processor(
    table: dict[tuple[str | None, ...], Located], key: tuple[str | None, ...], processor: str
) -> str:
    """The answer the module finds for these arguments and a processor, tried as it tries
    them: as given, then any Python version, any processor, both."""
    scope, version, py, base = key
    for tried in (
        (scope, version, py, base, processor),
        (scope, version, ANY, base, processor),
        (scope, version, py, base, ANY),
        (scope, version, ANY, base, ANY),
    ):
        if tried in table:
            return _cell(table[tried])
    return ""


def _sortable(key: tuple[str | None, ...]) -> tuple[str, ...]:
    return tuple("" if part is None else part for part in key)
