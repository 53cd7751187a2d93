"""The reports every generate writes beside the targets: catalog.json and availability.md."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..catalog.serialize import compact_json
from ..outtree import Files
from ._jinja import render
from .headers import JSON_FIELD, Stamp

CATALOG_JSON = "catalog.json"
AVAILABILITY = "availability.md"
HEATMAP = "availability.svg"
REPORTS = (CATALOG_JSON, AVAILABILITY, HEATMAP)

# The heatmap's geometry, in pixels, and a tint per partition band.
_CELL, _LEFT, _TOP, _LEGEND = 16, 230, 150, 36
_TINTS = ("#2b6cb0", "#c05621", "#6b46c1", "#2f855a", "#b83280", "#975a16")


def heatmap(catalog: Catalog) -> dict[str, Any]:
    """The algorithm x region grid: columns grouped by partition, cells published or not."""
    order = sorted(catalog.partitions, key=lambda p: (p != "aws", p))
    regions = sorted(catalog.regions, key=lambda r: (order.index(catalog.regions[r]), r))
    columns = [
        {"region": r, "partition": catalog.regions[r], "x": _LEFT + i * _CELL}
        for i, r in enumerate(regions)
    ]
    partitions = []
    for index, key in enumerate(order):
        mine = [c for c in columns if c["partition"] == key]
        if mine:
            partitions.append(
                {
                    "key": key,
                    "x": mine[0]["x"],
                    "width": len(mine) * _CELL,
                    "color": _TINTS[index % len(_TINTS)],
                }
            )
    rows = []
    for index, key in enumerate(sorted(catalog.algorithms)):
        published = set(catalog.regions_for(key))
        cells = [{**c, "published": c["region"] in published} for c in columns]
        rows.append({"algorithm": key, "y": _TOP + index * _CELL, "cells": cells})
    return {
        "rows": rows,
        "columns": columns,
        "partitions": partitions,
        "cell": _CELL,
        "left": _LEFT,
        "top": _TOP,
        "legend": _LEGEND,
        # Room for the last region names, which lean right, and the partition legend.
        "width": max(_LEFT + len(columns) * _CELL + 80, _LEFT + 340 + len(partitions) * 90),
        "height": _TOP + len(rows) * _CELL + _LEGEND + 10,
    }


def render_reports(catalog: Catalog, data: dict[str, Any], mark: Stamp) -> Files:
    """The reports; DATA is the normalized catalog, MARK its stamp (catalog.json's field)."""
    return {
        HEATMAP: render(HEATMAP, **heatmap(catalog)),
        CATALOG_JSON: compact_json({JSON_FIELD: mark.as_json(), **data}) + "\n",
        AVAILABILITY: render(
            AVAILABILITY,
            catalog=catalog,
            regions=sorted(catalog.regions),
            columns=sorted(catalog.algorithms),
            published={k: set(catalog.regions_for(k)) for k in catalog.algorithms},
        ),
    }
