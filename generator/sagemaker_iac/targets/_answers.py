"""Every framework lookup the catalog answers, as the flat tables both targets emit."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..catalog.resolve import Located, answers, versions_of
from ..catalog.sentinels import ANY


def _key(parts: tuple[str | None, ...]) -> str:
    return "|".join("" if p is None else p for p in parts)


# The last catalog's answers: both targets read them, and they are the costly part.
_LAST: list[tuple[Catalog, dict[str, dict[tuple[str | None, ...], Located]]]] = []


def answered(catalog: Catalog, framework: str) -> dict[tuple[str | None, ...], Located]:
    """answers(), computed once per catalog and framework."""
    if not _LAST or _LAST[0][0] is not catalog:
        _LAST[:] = [(catalog, {})]
    tables = _LAST[0][1]
    if framework not in tables:
        tables[framework] = answers(catalog, framework)
    return tables[framework]


def choices(table: dict[tuple[str | None, ...], Located]) -> tuple[list[str], ...]:
    """The Python versions, processors and base frameworks answers name, sorted (those
    given; not None, not ANY)."""
    return tuple(
        sorted({v for k in table if (v := k[i]) is not None and v != ANY}) for i in (2, 4, 3)
    )


def framework_table(catalog: Catalog, framework: str) -> dict[str, Any]:
    """One framework's answers, keyed scope|version|py_version|base|processor ("" not
    given, ANY ignored), with the registry groups they name and the choices for messages."""
    found = catalog.images[framework]
    table = answered(catalog, framework)
    images = {
        _key(k): f"{a.registry_group}|{a.repository}|{a.tag}|{a.version}" for k, a in table.items()
    }
    groups = sorted({a.registry_group for a in table.values()})
    pys, processors, _ = choices(table)
    return {
        "framework": framework,
        "images": images,
        "registries": {g: dict(catalog.registry_groups[g].accounts) for g in groups},
        "scopes": list(found.scopes or ()),
        "versions": versions_of(found),
        "py_versions": pys,
        "processors": processors,
    }
