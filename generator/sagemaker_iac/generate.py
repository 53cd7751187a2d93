"""Catalog -> every target's files: the one place that decides what out/ holds."""

from __future__ import annotations

import json
from typing import Any

from . import TARGETS
from .catalog import Catalog
from .cloudformation import render_cloudformation
from .errors import OutputLimitError
from .outtree import Files
from .render import render
from .terraform import render_terraform

CATALOG_JSON = "catalog.json"
AVAILABILITY = "availability.md"


# What each target owns in out/: a partial generate replaces only these and the reports.
TARGET_ROOTS = {"terraform": ("terraform/",), "cloudformation": ("cloudformation/",)}
REPORTS = (CATALOG_JSON, AVAILABILITY)


def owned_by(targets: tuple[str, ...]) -> tuple[str, ...]:
    """Path prefixes written by these targets (the reports always are)."""
    return (*(p for t in targets for p in TARGET_ROOTS[t]), *REPORTS)


def kept_by(targets: tuple[str, ...]) -> tuple[str, ...]:
    """Path prefixes a generate of only these targets leaves as they are."""
    return tuple(p for t in TARGETS if t not in targets for p in TARGET_ROOTS[t])


def build(catalog: Catalog, targets: tuple[str, ...] = TARGETS) -> Files:
    files: Files = {}
    if "terraform" in targets:
        files.update(render_terraform(catalog))
    if "cloudformation" in targets:
        try:
            files.update(render_cloudformation(catalog))
        except OutputLimitError as exc:  # a catalog too large for CloudFormation: say which
            raise OutputLimitError(f"{catalog.path}: {exc}") from None
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
