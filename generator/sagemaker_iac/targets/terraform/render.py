"""Terraform target: catalog -> the modules' files and the paste-in locals file."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from ...catalog import Algorithm, Catalog, Image, Source
from ...catalog.resolve import versions_of
from ...files import Files
from .._answers import INSTANCE_CLASSES, framework_table, repository_tables, strategies
from .._constraints import S3_URI
from .._distribution import SETTINGS
from .._jinja import hcl_list, hcl_string, render
from .._jumpstart import model_table
from ._modules import (
    FRAMEWORK_MODULE,
    JUMPSTART_MODULE,
    LOCALS_FILE,
    PREBUILT_MODULE,
    ROOT,
    SPEC_MODULE,
    modules,
)


def algorithm_fields(
    algorithm: Algorithm, kept: tuple[str, ...], catalog: Catalog
) -> list[tuple[str, str]]:
    """The HCL attributes of one algorithm in a module's catalog.tf, those in KEPT."""
    lists = {
        "tags": algorithm.tags,
        "required_channels": algorithm.required_channels,
        "optional_channels": algorithm.optional_channels,
        "input_modes": algorithm.input_modes,
        "content_types": algorithm.content_types,
        "processors": algorithm.instance.processors,
        "single_instance": algorithm.instance.single_instance,
        "required_hyperparameters": algorithm.required_hyperparameters,
    }
    inference = algorithm.image("inference")
    graviton = algorithm.graviton or Image("", "", ())
    by_tag = ", ".join(
        f"{hcl_string(t)} = {hcl_list(p)}" for t, p in algorithm.instance.processors_by_tag.items()
    )
    dates = ", ".join(
        f"{hcl_string(image)} = {hcl_string(eop)}"
        for image, eop in end_of_patch(catalog, algorithm)
    )
    fields = [
        ("repository", hcl_string(algorithm.repository)),
        ("registry_group", hcl_string(algorithm.registry_group)),
        *((name, hcl_list(values)) for name, values in lists.items()),
        ("processors_by_tag", "{ " + by_tag + " }" if by_tag else "{}"),
        ("parallelizable", "true" if algorithm.parallelizable else "false"),
        ("inference_repository", hcl_string(inference.repository)),
        ("inference_registry_group", hcl_string(inference.registry_group)),
        ("inference_tags", hcl_list(inference.tags)),
        # Empty where the algorithm has no Arm (Graviton) hosting image.
        ("graviton_repository", hcl_string(graviton.repository)),
        ("graviton_registry_group", hcl_string(graviton.registry_group)),
        ("graviton_tags", hcl_list(graviton.tags)),
        # "repository:tag" -> end-of-patch date, for the tags the catalog has dates of.
        ("end_of_patch", "{ " + dates + " }" if dates else "{}"),
    ]
    return [(name, value) for name, value in fields if name in kept]


def end_of_patch(catalog: Catalog, algorithm: Algorithm) -> list[tuple[str, str]]:
    """("repository:tag", end of patch) of each of the algorithm's images that has one."""
    found = {
        f"{image.repository}:{tag}": release.eop
        for image in (algorithm.image(scope) for scope in algorithm.scopes())
        for tag in image.tags
        if (release := catalog.release(image.repository, tag)) is not None
    }
    return sorted(found.items())


def render_terraform(catalog: Catalog) -> Files:
    """Every module: the framework image module from the whole catalog, the algorithm
    modules from the algorithms' part of it."""
    files: Files = {}
    algorithms = catalog.for_algorithms()
    for module in modules(algorithms):
        name = module.path.rsplit("/", 1)[1]
        context = {
            "catalog": catalog if module.path == FRAMEWORK_MODULE else algorithms,
            "module": name,
            "variables": module.variables,
            "outputs": module.outputs,
            "rules": module.rules,
            "providers": module.providers,
            "required_version": module.required_version,
            "s3_uri": S3_URI,  # the spec module's S3 rule
            "distribution_settings": SETTINGS,
        }
        if module.path == FRAMEWORK_MODULE:
            files.update(framework_files(catalog, context))
            continue
        if module.path == PREBUILT_MODULE:
            files.update(prebuilt_files(catalog, context))
            continue
        if module.path == JUMPSTART_MODULE:
            files.update(jumpstart_files(catalog, context))
            continue
        for template in module.files:
            files[f"{module.path}/{template}"] = render(f"{module.path}/{template}", **context)
        files[f"{module.path}/versions.tf"] = render(
            f"{ROOT}/_versions.tf",
            **context,
            version_note=module.version_note,
        )
        files[f"{module.path}/variables.tf"] = render(f"{ROOT}/_variables.tf", **context)
        files[f"{module.path}/outputs.tf"] = render(f"{ROOT}/_outputs.tf", **context)
        files[f"{module.path}/README.md"] = render(f"{module.path}/README.md", **context)
        if module.catalog_fields:
            files[f"{module.path}/catalog.tf"] = render(
                f"{ROOT}/_catalog.tf",
                catalog=algorithms,
                sources=cited(catalog, module.catalog_fields, module.path == SPEC_MODULE),
                algorithm_fields=partial(
                    algorithm_fields, kept=module.catalog_fields, catalog=algorithms
                ),
                # The spec checks an image_uri's distribution against every strategy.
                distributions=strategies(catalog) if module.path == SPEC_MODULE else None,
            )
    files[LOCALS_FILE] = render(LOCALS_FILE, catalog=algorithms, uris=uri_table(algorithms))
    return files


def framework_files(catalog: Catalog, context: dict[str, Any]) -> Files:
    """The framework image module's HCL and its per-framework answer files."""
    path = FRAMEWORK_MODULE
    processors = sorted((name, p) for name, (_, p) in INSTANCE_CLASSES.items())
    extra = {"versions_of": versions_of, "instance_processors": processors}
    files = _lookup_module_files(path, catalog, context, extra)
    for key in sorted(catalog.images):
        files[f"{path}/images/{key}.json"] = (
            json.dumps(framework_table(catalog, key), indent=1, sort_keys=True) + "\n"
        )
    return files


def _lookup_module_files(
    path: str, catalog: Catalog, context: dict[str, Any], extra: dict[str, Any]
) -> Files:
    """A provider-free lookup module's own templates (main.tf, catalog.tf, README.md, with
    the regions' DNS suffixes and EXTRA) and the shared versions, variables and outputs."""
    suffixes = [(r, catalog.dns_suffix(r)) for r in sorted(catalog.regions)]
    files = {
        f"{path}/{t}": render(f"{path}/{t}", **context, dns_suffixes=suffixes, **extra)
        for t in ("main.tf", "catalog.tf", "README.md")
    }
    files[f"{path}/versions.tf"] = render(f"{ROOT}/_versions.tf", **context, version_note="")
    files[f"{path}/variables.tf"] = render(f"{ROOT}/_variables.tf", **context)
    files[f"{path}/outputs.tf"] = render(f"{ROOT}/_outputs.tf", **context)
    return files


def prebuilt_files(catalog: Catalog, context: dict[str, Any]) -> Files:
    """The drop-in for aws_sagemaker_prebuilt_ecr_image: its HCL and a file per repository."""
    path = PREBUILT_MODULE
    tables = repository_tables(catalog)
    files = _lookup_module_files(path, catalog, context, {"repositories": list(tables)})
    for repository, table in tables.items():
        files[f"{path}/repositories/{repository}.json"] = (
            json.dumps(table, indent=1, sort_keys=True) + "\n"
        )
    return files


def jumpstart_files(catalog: Catalog, context: dict[str, Any]) -> Files:
    """The JumpStart lookup module's HCL and a file per model (none without a section)."""
    path = JUMPSTART_MODULE
    models = sorted(catalog.jumpstart.models) if catalog.jumpstart else []
    files = _lookup_module_files(path, catalog, context, {"models": models})
    for model_id in models:
        files[f"{path}/models/{model_id}.json"] = (
            json.dumps(model_table(catalog, model_id), indent=1, sort_keys=True) + "\n"
        )
    return files


def cited(catalog: Catalog, kept: tuple[str, ...], distributions: bool = False) -> list[Source]:
    """The sources of the tables a catalog.tf holds (hyperparameters' only where kept, the
    distribution strategies' where it lists them)."""
    keys: set[str | None] = {p.source for p in catalog.partitions.values()}
    keys |= {g.source for g in catalog.registry_groups.values()}
    keys |= {catalog.instance_families_source, catalog.arm64_source}
    keys |= {a.source for a in catalog.algorithms.values()}
    if "required_hyperparameters" in kept:
        keys |= {a.hyperparameters_source for a in catalog.algorithms.values()}
    if distributions:
        keys.add(catalog.image_rules.source)
    return [catalog.sources[k] for k in sorted(k for k in keys if k is not None)]


def uri_table(catalog: Catalog) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for key, region, uri in catalog.image_uris():
        table.setdefault(key, {})[region] = uri
    return table
