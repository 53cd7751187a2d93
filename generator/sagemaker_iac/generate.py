"""Catalog -> every target's files: the one place that decides what out/ holds."""

from __future__ import annotations

import json
from typing import Any

from .catalog import Catalog
from .cloudformation import render_cloudformation
from .render import Files, render
from .terraform import render_terraform

CATALOG_JSON = "catalog.json"
AVAILABILITY = "availability.md"


TARGETS = ("terraform", "cloudformation")


def build(catalog: Catalog, targets: tuple[str, ...] = TARGETS) -> Files:
    files: Files = {}
    if "terraform" in targets:
        files.update(render_terraform(catalog))
    if "cloudformation" in targets:
        files.update(render_cloudformation(catalog))
    files[CATALOG_JSON] = compact_json(catalog.to_dict()) + "\n"
    files[AVAILABILITY] = render(
        AVAILABILITY,
        catalog=catalog,
        regions=sorted(catalog.regions),
        columns=sorted(catalog.algorithms),
        published={k: set(catalog.regions_for(k)) for k in catalog.algorithms},
    )
    return dict(sorted(files.items()))


def compact_json(value: Any, indent: int = 0) -> str:
    """JSON with every flat object or list on one line, so a line names what it is about."""
    flat = not isinstance(value, dict | list) or all(
        not isinstance(v, dict | list)
        for v in (value.values() if isinstance(value, dict) else value)
    )
    if flat:
        return json.dumps(value, sort_keys=True)
    pad = "  " * (indent + 1)
    if isinstance(value, list):
        items = [pad + compact_json(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * indent + "]"
    items = [
        f"{pad}{json.dumps(k)}: {compact_json(v, indent + 1)}" for k, v in sorted(value.items())
    ]
    return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
