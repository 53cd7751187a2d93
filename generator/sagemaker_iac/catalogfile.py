"""Writes a catalog back to the YAML source format (the inverse of catalog.load_catalog)."""

from __future__ import annotations

from typing import Any

import yaml

from .catalog import Catalog, parse_catalog

HEADER = (
    "# yaml-language-server: $schema=catalog.schema.json\n"
    "# A sagemaker-iac catalog of Amazon SageMaker built-in algorithms (facts only;\n"
    "# each section names its source). Validate with: sagemaker-iac generate --check\n"
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
    return data


def dump(catalog: Catalog) -> str:
    """YAML text that loads back to an equal catalog (checked before it is returned)."""
    text = HEADER + yaml.safe_dump(
        to_source(catalog), sort_keys=False, width=100, allow_unicode=True
    )
    reloaded = parse_catalog(text, "<written catalog>")
    assert to_source(reloaded) == to_source(catalog), "catalog does not round-trip"
    return text
