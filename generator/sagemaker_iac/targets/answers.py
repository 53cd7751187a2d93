"""Every framework lookup the catalog answers, as the flat tables both targets emit."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..catalog.resolve import answers, versions_of


def _key(parts: tuple[str | None, ...]) -> str:
    return "|".join("" if p is None else p for p in parts)


def framework_table(catalog: Catalog, framework: str) -> dict[str, Any]:
    """One framework's answers, keyed scope|version|py_version|base|processor ("" not
    given, "*" ignored), with the registry groups they name and the choices for messages."""
    found = catalog.images[framework]
    table = answers(catalog, framework)
    images = {
        _key(k): f"{a.registry_group}|{a.repository}|{a.tag}|{a.version}" for k, a in table.items()
    }
    groups = sorted({a.registry_group for a in table.values()})
    return {
        "framework": framework,
        "images": images,
        "registries": {g: dict(catalog.registry_groups[g].accounts) for g in groups},
        "scopes": list(found.scopes or ()),
        "versions": versions_of(found),
        "py_versions": sorted({k[2] for k in table if k[2] not in (None, "*")}),
        "processors": sorted({k[4] for k in table if k[4] not in (None, "*")}),
    }
