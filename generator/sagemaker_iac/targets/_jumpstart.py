"""A JumpStart model's answers as the Terraform lookup reads them: per version, the
catalog's compact form with the rules that pick an image alias and an environment by
instance type already applied in Python, so the module only looks values up."""

from __future__ import annotations

import json
from typing import Any

from ..catalog import Catalog, JumpStartRelease
from ..catalog.jumpstart import (
    CONTENT_BUCKET,
    environment,
    instance_family,
    model_data,
    newest,
    section,
)

# The region in a bucket name, filled in by the module (format()).
_REGION = "%s"


def _path(catalog: Catalog, key: str) -> str:
    image = section(catalog).images[key]
    return f"{image.repository}:{image.tag}"


def _alias(found: JumpStartRelease, instance_type: str) -> str | None:
    aliases = found.image_aliases
    return aliases.get(instance_type) or aliases.get(instance_family(instance_type))


def _release(catalog: Catalog, found: JumpStartRelease) -> dict[str, Any]:
    data = model_data(found, _REGION)
    base = dict(found.environment)
    overrides = {
        t: {k: v for k, v in environment(found, t).items() if base.get(k) != v}
        for t in found.instance_types
    }
    return {
        "default_instance_type": found.default_instance_type,
        "instance_types": list(found.instance_types),
        "regions": list(found.regions),
        # instance type -> image alias; alias -> "repository:tag", per region where the
        # region's table differs
        "aliases": {t: a for t in found.instance_types if (a := _alias(found, t)) is not None},
        "images": {a: _path(catalog, k) for a, k in found.aliases.items()},
        "region_images": {
            r: {a: _path(catalog, k) for a, k in table.items()}
            for r, table in found.region_aliases.items()
        },
        "environment": base,
        "environment_overrides": {t: o for t, o in overrides.items() if o},
        "model_data": data._asdict() if data else None,
        "eula": found.eula or "",
        "eula_bucket": CONTENT_BUCKET.format(region=_REGION),
    }


def model_table(catalog: Catalog, model_id: str) -> dict[str, Any]:
    """The module's models/<id>.json: the newest version, each version's answers as JSON
    text (one type for every version), and the registries of the images they name."""
    versions = section(catalog).models[model_id]
    images = section(catalog).images
    used = {
        k
        for f in versions.values()
        for t in (f.aliases, *f.region_aliases.values())
        for k in t.values()
    }
    regions = {r for f in versions.values() for r in f.regions}
    groups = {_path(catalog, k): images[k].registry_group for k in sorted(used)}
    return {
        "newest": newest(versions).key,
        "versions": {
            v: json.dumps(_release(catalog, f), sort_keys=True) for v, f in versions.items()
        },
        "groups": groups,
        "registries": {
            g: {
                r: a for r, a in sorted(catalog.registry_groups[g].accounts.items()) if r in regions
            }
            for g in sorted(set(groups.values()))
        },
    }
