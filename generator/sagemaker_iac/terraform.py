"""Terraform target: provider-free lookup and spec modules, resource modules, a locals file."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Algorithm, Catalog, Image
from .outtree import Files
from .render import hcl_list, hcl_string, render
from .tfinterface import (
    IMAGE_INSTANCE_TYPE,
    IMAGE_SCOPE,
    IMAGE_TAG,
    MODEL_OUTPUTS,
    SPEC_OUTPUTS,
    SPEC_RULES,
    TRAINING_JOB_OUTPUTS,
    TRAINING_PIPELINE_OUTPUTS,
    Output,
    Rule,
    Variable,
    algorithm_variable,
    model_variables,
    spec_variables,
    training_job_variables,
    training_pipeline_variables,
)
from .tfinterface import REGION as REGION_VARIABLE

ROOT = "terraform"
IMAGES_MODULE = f"{ROOT}/sagemaker-images"
SPEC_MODULE = f"{ROOT}/sagemaker-training-spec"
TRAINING_JOB_MODULE = f"{ROOT}/sagemaker-training-job"
TRAINING_PIPELINE_MODULE = f"{ROOT}/sagemaker-training-pipeline"
MODEL_MODULE = f"{ROOT}/sagemaker-model"
LOCALS_FILE = f"{ROOT}/locals/sagemaker_image_uris.tf"

# Provider-free modules stay within the Terraform 1.0 language; resource modules use
# preconditions (1.2).
PROVIDER_FREE_VERSION = ">= 1.0"
RESOURCE_VERSION = ">= 1.2"
PRECONDITIONS = "Resource and output preconditions need Terraform 1.2."
# Each floor is the oldest provider release with every resource and argument the module
# uses; the README of each module says which one sets it.
TRAINING_JOB_PROVIDER = ("aws", ">= 6.60.0")  # aws_sagemaker_training_job
PIPELINE_PROVIDER = ("aws", ">= 5.11.0")  # aws_sagemaker_pipeline
MODEL_PROVIDER = ("aws", ">= 5.0")


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
    # Why the floors are what they are: comments in versions.tf.
    version_note: str = ""
    provider_note: str = ""


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
        "scope",
        "Image scope used: image_scope, or inference_graviton for an Arm instance_type's "
        "inference image.",
        "local.scope",
    ),
    Output(
        "available_regions",
        "Sorted regions where the algorithm is published.",
        "local.available_regions",
    ),
]


def modules(catalog: Catalog) -> list[Module]:
    images_variables = [
        algorithm_variable(catalog),
        REGION_VARIABLE,
        IMAGE_TAG,
        IMAGE_SCOPE,
        IMAGE_INSTANCE_TYPE,
    ]
    return [
        Module(
            IMAGES_MODULE,
            PROVIDER_FREE_VERSION,
            images_variables,
            IMAGES_OUTPUTS,
            ("main.tf",),
            with_catalog=True,
        ),
        Module(
            SPEC_MODULE,
            PROVIDER_FREE_VERSION,
            spec_variables(catalog),
            SPEC_OUTPUTS,
            ("main.tf",),
            rules=SPEC_RULES,
            with_catalog=True,
        ),
        Module(
            TRAINING_JOB_MODULE,
            RESOURCE_VERSION,
            training_job_variables(catalog),
            TRAINING_JOB_OUTPUTS,
            ("main.tf", "iam.tf"),
            providers=[TRAINING_JOB_PROVIDER],
            rules=SPEC_RULES,
            version_note=PRECONDITIONS,
            provider_note="The first release confirmed to have aws_sagemaker_training_job.",
        ),
        Module(
            TRAINING_PIPELINE_MODULE,
            RESOURCE_VERSION,
            training_pipeline_variables(catalog),
            TRAINING_PIPELINE_OUTPUTS,
            ("main.tf", "iam.tf"),
            providers=[PIPELINE_PROVIDER],
            rules=SPEC_RULES,
            version_note=PRECONDITIONS,
            provider_note="aws_sagemaker_pipeline first shipped in 5.11.0; it works on 5.x "
            "and 6.x.",
        ),
        Module(
            MODEL_MODULE,
            RESOURCE_VERSION,
            model_variables(catalog),
            MODEL_OUTPUTS,
            ("main.tf", "iam.tf"),
            providers=[MODEL_PROVIDER],
            version_note=PRECONDITIONS,
            provider_note="Every resource and argument used here is in 5.0; it works on 5.x "
            "and 6.x.",
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
