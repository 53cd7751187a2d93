"""Terraform target: provider-free lookup and spec modules, resource modules, a locals file."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Algorithm, Catalog
from .outtree import Files
from .render import hcl_list, render
from .tfinterface import (
    IMAGE_SCOPE,
    IMAGE_TAG,
    MODEL_OUTPUTS,
    SPEC_OUTPUTS,
    SPEC_RULES,
    TRAINING_JOB_OUTPUTS,
    Output,
    Rule,
    Variable,
    algorithm_variable,
    model_variables,
    spec_variables,
    training_job_variables,
)
from .tfinterface import REGION as REGION_VARIABLE

ROOT = "terraform"
IMAGES_MODULE = f"{ROOT}/sagemaker-images"
SPEC_MODULE = f"{ROOT}/sagemaker-training-spec"
TRAINING_JOB_MODULE = f"{ROOT}/sagemaker-training-job"
MODEL_MODULE = f"{ROOT}/sagemaker-model"
LOCALS_FILE = f"{ROOT}/locals/sagemaker_image_uris.tf"

# Provider-free modules stay within the Terraform 1.0 language; resource modules use
# preconditions (1.2).
PROVIDER_FREE_VERSION = ">= 1.0"
RESOURCE_VERSION = ">= 1.2"
# 6.60.0 is the earliest release confirmed to ship aws_sagemaker_training_job.
TRAINING_PROVIDER = ("aws", ">= 6.60.0")
# 6.0 renamed aws_region's `name` (now deprecated, with a warning on every plan) to `region`.
MODEL_PROVIDER = ("aws", ">= 6.0")


@dataclass(frozen=True)
class Module:
    path: str
    required_version: str
    variables: list[Variable]
    outputs: list[Output]
    files: tuple[str, ...]  # the module's own templates, besides the shared ones
    providers: list[tuple[str, str]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    with_catalog: bool = False


IMAGES_OUTPUTS = [
    Output("image_uri", "Full ECR image URI for the algorithm in the region.", "local.image_uri"),
    Output(
        "registry_id", "AWS account ID of the registry that hosts the image.", "local.registry_id"
    ),
    Output(
        "registry_path", "Registry host name, without repository or tag.", "local.registry_path"
    ),
    Output("repository", "ECR repository name of the image.", "local.repository"),
    Output("tag", "Image tag used in image_uri.", "local.tag"),
    Output(
        "available_regions",
        "Sorted regions where the algorithm is published.",
        "local.available_regions",
    ),
]


def modules(catalog: Catalog) -> list[Module]:
    images_variables = [algorithm_variable(catalog), REGION_VARIABLE, IMAGE_TAG, IMAGE_SCOPE]
    return [
        Module(
            IMAGES_MODULE,
            PROVIDER_FREE_VERSION,
            images_variables,
            IMAGES_OUTPUTS,
            ("main.tf", "versions.tf"),
            with_catalog=True,
        ),
        Module(
            SPEC_MODULE,
            PROVIDER_FREE_VERSION,
            spec_variables(catalog),
            SPEC_OUTPUTS,
            ("main.tf", "versions.tf"),
            rules=SPEC_RULES,
            with_catalog=True,
        ),
        Module(
            TRAINING_JOB_MODULE,
            RESOURCE_VERSION,
            training_job_variables(catalog),
            TRAINING_JOB_OUTPUTS,
            ("main.tf", "iam.tf", "versions.tf"),
            providers=[TRAINING_PROVIDER],
            rules=SPEC_RULES,
        ),
        Module(
            MODEL_MODULE,
            RESOURCE_VERSION,
            model_variables(catalog),
            MODEL_OUTPUTS,
            ("main.tf", "iam.tf", "versions.tf"),
            providers=[MODEL_PROVIDER],
        ),
    ]


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
    repository, group, tags = algorithm.image("inference")
    return [
        ("repository", f'"{algorithm.repository}"'),
        ("registry_group", f'"{algorithm.registry_group}"'),
        *((name, hcl_list(values)) for name, values in lists.items()),
        ("parallelizable", "true" if algorithm.parallelizable else "false"),
        ("inference_repository", f'"{repository}"'),
        ("inference_registry_group", f'"{group}"'),
        ("inference_tags", hcl_list(tags)),
    ]


def render_terraform(catalog: Catalog) -> Files:
    files: Files = {}
    catalog_tf = render(f"{ROOT}/_catalog.tf", catalog=catalog, algorithm_fields=algorithm_fields)
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
        }
        for template in module.files:
            files[f"{module.path}/{template}"] = render(f"{module.path}/{template}", **context)
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
