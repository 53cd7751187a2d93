"""The reports every generate writes beside the targets: catalog.json and availability.md."""

from __future__ import annotations

from ..catalog import Catalog
from ..catalog.serialize import compact_json, to_dict
from ..outtree import Files
from ._jinja import render

CATALOG_JSON = "catalog.json"
AVAILABILITY = "availability.md"
REPORTS = (CATALOG_JSON, AVAILABILITY)


def render_reports(catalog: Catalog) -> Files:
    return {
        CATALOG_JSON: compact_json(to_dict(catalog)) + "\n",
        AVAILABILITY: render(
            AVAILABILITY,
            catalog=catalog,
            regions=sorted(catalog.regions),
            columns=sorted(catalog.algorithms),
            published={k: set(catalog.regions_for(k)) for k in catalog.algorithms},
        ),
    }
