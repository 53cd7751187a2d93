"""Catalog -> text: the YAML source format (the inverse of load) and out/catalog.json's data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .load import parse_catalog

if TYPE_CHECKING:
    from ._model import Catalog, Scope

HEADER = (
    "# yaml-language-server: $schema=catalog.schema.json\n"
    "# A sagemaker-iac catalog of Amazon SageMaker images: the built-in algorithms and every\n"
    "# image the SageMaker Python SDK resolves (facts only; each section names its source).\n"
    "# Validate with: sagemaker-iac generate --check\n"
)


def to_source(catalog: Catalog) -> dict[str, Any]:
    """The catalog as the data of a catalog file, keys sorted, optional parts left out."""
    from ._layout import SCHEMA_VERSION, write

    return {"schema_version": SCHEMA_VERSION, **write(catalog)}


def dump(catalog: Catalog) -> str:
    """YAML text that loads back to an equal catalog (checked before it is returned)."""
    import yaml  # only writing a catalog file needs PyYAML

    data = to_source(catalog)
    section = data.pop("jumpstart", None)
    text = HEADER + yaml.safe_dump(data, sort_keys=False, width=100, allow_unicode=True)
    if section is not None:  # its own document: other lookups never parse it
        text += "---\n" + yaml.safe_dump(
            {"jumpstart": section}, sort_keys=False, width=100, allow_unicode=True
        )
    reloaded = parse_catalog(text, "<written catalog>", jumpstart=section is not None)
    assert to_source(reloaded) == to_source(catalog), "catalog does not round-trip"
    return text


def _image_dict(catalog: Catalog, key: str, scope: Scope) -> dict[str, Any]:
    image = catalog.algorithm(key).image(scope)
    return {
        "repository": image.repository,
        "registry_group": image.registry_group,
        "tags": list(image.tags),
        "default_tag": image.default_tag,
        "regions": catalog.regions_for(key, scope),
    }


def to_dict(catalog: Catalog) -> dict[str, Any]:
    """The normalized catalog, as written to out/catalog.json."""
    from ._layout import write

    return {
        "schema_version": 1,
        "sources": {k: _fields(v) for k, v in sorted(catalog.sources.items())},
        "partitions": {k: _fields(v) for k, v in sorted(catalog.partitions.items())},
        "regions": {
            r: {"partition": p, "dns_suffix": catalog.dns_suffix(r)}
            for r, p in sorted(catalog.regions.items())
        },
        "formats": {k: {"content_types": list(v)} for k, v in sorted(catalog.formats.items())},
        "instance_families": dict(sorted(catalog.instance_families.items())),
        "arm64_instance_families": list(catalog.arm64_families),
        "training_instance_types": list(catalog.training_instance_types),
        "instance_gpus": dict(sorted(catalog.gpu_counts.items())),
        "registry_groups": {
            k: {"source": g.source, "accounts": dict(sorted(g.accounts.items()))}
            for k, g in sorted(catalog.registry_groups.items())
        },
        "algorithms": {
            k: {
                **_fields(
                    a,
                    skip=(
                        "required_channels",
                        "optional_channels",
                        "instance",
                        "required_hyperparameters",
                        "hyperparameters_source",
                        "inference",
                        "graviton",
                        "sdk_framework",
                        "sdk_version",
                    ),
                ),
                "inference": _image_dict(catalog, k, "inference"),
                **(
                    {"graviton": _image_dict(catalog, k, "inference_graviton")}
                    if a.graviton
                    else {}
                ),
                "sdk": {"framework": a.sdk_framework or k, "version": a.sdk_version},
                "hyperparameters": {
                    "required": list(a.required_hyperparameters),
                    "source": a.hyperparameters_source,
                },
                "default_tag": a.default_tag,
                "channels": {
                    "required": list(a.required_channels),
                    "optional": list(a.optional_channels),
                },
                "instance": {
                    **_fields(a.instance, skip=("processors_by_tag",)),
                    "processors_by_tag": {
                        t: list(p) for t, p in sorted(a.instance.processors_by_tag.items())
                    },
                },
                "regions": catalog.regions_for(k),
            }
            for k, a in sorted(catalog.algorithms.items())
        },
        "image_rules": {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in catalog.image_rules._asdict().items()
        },
        # The SDK's order of versions is kept: it is the order users read in its configs.
        "images": {k: write(f) for k, f in sorted(catalog.images.items())},
        "end_of_patch": {
            "source": catalog.end_of_patch_source,
            "repositories": {
                k: [write(r) for r in releases]
                for k, releases in sorted(catalog.end_of_patch.items())
            },
        },
        # As the catalog file holds it: the stamp's digest covers its facts too.
        **({"jumpstart": write(catalog.jumpstart)} if catalog.jumpstart is not None else {}),
    }


def _fields(obj: Any, skip: tuple[str, ...] = ("key",)) -> dict[str, Any]:
    out = {}
    for name in getattr(obj, "_fields", None) or obj.__dataclass_fields__:
        if name in skip or name == "key":
            continue
        value = getattr(obj, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


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
