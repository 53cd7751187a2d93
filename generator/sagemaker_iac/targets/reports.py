"""The reports every generate writes beside the targets: catalog.json and availability.md."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..catalog.resolve import leaves
from ..catalog.serialize import compact_json
from ..files import Files
from ._jinja import render
from .headers import JSON_FIELD, Stamp

CATALOG_JSON = "catalog.json"
AVAILABILITY = "availability.md"
HEATMAP = "availability.svg"
FRAMEWORK_AVAILABILITY = "availability-frameworks.md"
JUMPSTART_AVAILABILITY = "availability-jumpstart.md"
REPORTS = (CATALOG_JSON, AVAILABILITY, HEATMAP, FRAMEWORK_AVAILABILITY, JUMPSTART_AVAILABILITY)

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


def framework_availability(catalog: Catalog) -> list[dict[str, Any]]:
    """Per framework, a row per (scope, registry group): its versions, repositories and the
    regions that publish them; the columns are the regions any of its images is in."""
    families = []
    for key, found in sorted(catalog.images.items()):
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for scope, config in found.configs.items():
            for version, entry in config["versions"].items():
                for leaf in leaves(entry):
                    row = rows.setdefault(
                        (scope, leaf["registry_group"]),
                        {"scope": scope, "versions": [], "repositories": []},
                    )
                    if version not in row["versions"]:
                        row["versions"].append(version)
                    if leaf["repository"] not in row["repositories"]:
                        row["repositories"].append(leaf["repository"])
        for (_, group), row in rows.items():
            row["published"] = set(catalog.registry_groups[group].accounts)
        regions = sorted(set().union(*(r["published"] for r in rows.values())))
        families.append({"key": key, "rows": list(rows.values()), "regions": regions})
    return families


def jumpstart_availability(catalog: Catalog) -> list[dict[str, Any]]:
    """Per task, a row per JumpStart model (its newest version): the regions with an image
    for one of its instance types, and the CloudFormation template that hosts it."""
    from ..catalog.jumpstart import image_key, newest, task
    from .cloudformation.jumpstart import part_groups

    if catalog.jumpstart is None:
        return []
    templates = {m: path for path, models in part_groups(catalog).items() for m in models}
    tasks: dict[str, list[dict[str, Any]]] = {}
    for model_id, versions in sorted(catalog.jumpstart.models.items()):
        found = newest(versions)
        regions = {
            r
            for r in found.regions
            if any(image_key(found, r, t) is not None for t in found.instance_types)
        }
        tasks.setdefault(task(model_id) or "other", []).append(
            {
                "model_id": model_id,
                "version": found.key,
                "eula": found.eula is not None,
                "default_instance_type": found.default_instance_type,
                "template": templates[model_id].split("/", 1)[1],
                "regions": regions,
            }
        )
    return [
        {
            "name": name,
            "rows": rows,
            "regions": sorted(set().union(*(r["regions"] for r in rows))),
        }
        for name, rows in sorted(tasks.items())
    ]


def render_reports(
    catalog: Catalog, data: dict[str, Any], mark: Stamp, full: Catalog | None = None
) -> Files:
    """The reports; DATA is the normalized catalog, MARK its stamp (catalog.json's field),
    FULL the catalog with its framework images (CATALOG: the algorithms' part)."""
    return {
        FRAMEWORK_AVAILABILITY: render(
            FRAMEWORK_AVAILABILITY, families=framework_availability(full or catalog)
        ),
        JUMPSTART_AVAILABILITY: render(
            JUMPSTART_AVAILABILITY, tasks=jumpstart_availability(full or catalog)
        ),
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
