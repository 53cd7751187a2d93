"""Catalog -> text: the YAML source format (the inverse of load) and out/catalog.json's data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .load import parse_catalog

if TYPE_CHECKING:
    from ._model import Catalog, ImageFamily, Scope

HEADER = (
    "# yaml-language-server: $schema=catalog.schema.json\n"
    "# A sagemaker-iac catalog of Amazon SageMaker images: the built-in algorithms and every\n"
    "# image the SageMaker Python SDK resolves (facts only; each section names its source).\n"
    "# Validate with: sagemaker-iac generate --check\n"
)


def to_source(catalog: Catalog) -> dict[str, Any]:
    """The catalog as the data of a catalog file, keys sorted, optional parts left out."""
    algorithms: dict[str, Any] = {}
    for key, a in sorted(catalog.algorithms.items()):
        instance: dict[str, Any] = {"processors": list(a.instance.processors)}
        if a.instance.single_instance:
            instance["single_instance"] = list(a.instance.single_instance)
        if a.instance.gpu_single_device:
            instance["gpu_single_device"] = True
        if a.instance.gpu_dense_data_only:
            instance["gpu_dense_data_only"] = True
        if a.instance.processors_by_tag:
            instance["processors_by_tag"] = {
                t: list(p) for t, p in a.instance.processors_by_tag.items()
            }
        channels: dict[str, Any] = {"required": list(a.required_channels)}
        if a.optional_channels:
            channels["optional"] = list(a.optional_channels)
        entry: dict[str, Any] = {
            "name": a.name,
            "repository": a.repository,
            "registry_group": a.registry_group,
            "tags": list(a.tags),
            "channels": channels,
            "input_modes": list(a.input_modes),
            "formats": list(a.formats),
            "instance": instance,
            "parallelizable": a.parallelizable,
        }
        if a.hyperparameters_source is not None:
            entry["hyperparameters"] = {
                "required": list(a.required_hyperparameters),
                "source": a.hyperparameters_source,
            }
        for name, image in (("inference", a.inference), ("graviton", a.graviton)):
            if image is not None:
                entry[name] = {
                    "repository": image.repository,
                    "registry_group": image.registry_group,
                    "tags": list(image.tags),
                }
        if a.sdk_framework is not None:
            entry["sdk"] = {
                "framework": a.sdk_framework,
                **({"version": a.sdk_version} if a.sdk_version else {}),
            }
        entry["source"] = a.source
        algorithms[key] = entry
    data: dict[str, Any] = {
        "schema_version": 1,
        "sources": {
            k: {"title": s.title, "document": s.document, "date": s.date}
            for k, s in sorted(catalog.sources.items())
        },
        "partitions": {
            k: {"dns_suffix": p.dns_suffix, "source": p.source}
            for k, p in sorted(catalog.partitions.items())
        },
        "regions": {r: {"partition": p} for r, p in sorted(catalog.regions.items())},
        "formats": {k: {"content_types": list(v)} for k, v in sorted(catalog.formats.items())},
    }
    if catalog.instance_families:
        data["instance_families"] = {
            "source": catalog.instance_families_source,
            "families": dict(sorted(catalog.instance_families.items())),
        }
        if catalog.arm64_families:
            data["instance_families"]["arm64"] = {
                "source": catalog.arm64_source,
                "families": list(catalog.arm64_families),
            }
    if catalog.training_instance_types:
        data["training_instance_types"] = {
            "source": catalog.training_instance_types_source,
            "types": list(catalog.training_instance_types),
        }
    data["registry_groups"] = {
        k: {"source": g.source, "accounts": dict(sorted(g.accounts.items()))}
        for k, g in sorted(catalog.registry_groups.items())
    }
    data["algorithms"] = algorithms
    if catalog.image_rules.source is not None:
        data["image_rules"] = {
            k: list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, dict) else v
            for k, v in catalog.image_rules._asdict().items()
        }
    if catalog.images:
        data["images"] = {k: _family(f) for k, f in sorted(catalog.images.items())}
    return data


def _family(found: ImageFamily) -> dict[str, Any]:
    # The SDK's order of versions is kept: it is the order users read in its configs.
    return {
        "source": found.source,
        **({"scopes": list(found.scopes)} if found.scopes is not None else {}),
        "flat": found.flat,
        "latest": dict(found.latest),
        "configs": found.configs,
    }


def dump(catalog: Catalog) -> str:
    """YAML text that loads back to an equal catalog (checked before it is returned)."""
    import yaml  # only writing a catalog file needs PyYAML

    text = HEADER + yaml.safe_dump(
        to_source(catalog), sort_keys=False, width=100, allow_unicode=True
    )
    reloaded = parse_catalog(text, "<written catalog>")
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
        "images": {k: _family(f) for k, f in sorted(catalog.images.items())},
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
