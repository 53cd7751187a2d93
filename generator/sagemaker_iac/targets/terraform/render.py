"""Terraform target: catalog -> the modules' files and the paste-in locals file."""

from __future__ import annotations

from ...catalog import Algorithm, Catalog, Image
from ...outtree import Files
from .._jinja import hcl_list, hcl_string, render
from .interface import CATALOG_TABLES
from .modules import LOCALS_FILE, ROOT, modules


def algorithm_fields(algorithm: Algorithm) -> list[tuple[str, str]]:
    """The HCL attributes of one algorithm in catalog.tf."""
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
    return [
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
    ]


def render_terraform(catalog: Catalog) -> Files:
    files: Files = {}
    catalog_tf = render(
        f"{ROOT}/_catalog_module.tf",
        catalog_locals=[(f"catalog_{t}", f"module.catalog.{t}") for t in CATALOG_TABLES],
    )
    for module in modules(catalog):
        name = module.path.rsplit("/", 1)[1]
        context = {
            "catalog": catalog,
            "module": name,
            "variables": module.variables,
            "outputs": module.outputs,
            "rules": module.rules,
            "providers": module.providers,
            "required_version": module.required_version,
            "algorithm_fields": algorithm_fields,
        }
        for template in module.files:
            files[f"{module.path}/{template}"] = render(f"{module.path}/{template}", **context)
        files[f"{module.path}/versions.tf"] = render(
            f"{ROOT}/_versions.tf",
            **context,
            version_note=module.version_note,
            provider_note=module.provider_note,
        )
        files[f"{module.path}/variables.tf"] = render(f"{ROOT}/_variables.tf", **context)
        files[f"{module.path}/outputs.tf"] = render(f"{ROOT}/_outputs.tf", **context)
        files[f"{module.path}/README.md"] = render(f"{module.path}/README.md", **context)
        if module.with_catalog:
            files[f"{module.path}/catalog.tf"] = catalog_tf
    files[LOCALS_FILE] = render(LOCALS_FILE, catalog=catalog, uris=uri_table(catalog))
    return files


def uri_table(catalog: Catalog) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for key, region, uri in catalog.image_uris():
        table.setdefault(key, {})[region] = uri
    return table
