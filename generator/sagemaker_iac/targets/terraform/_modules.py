"""The emitted Terraform modules: where each lives, its floors, inputs, outputs and rules."""

from __future__ import annotations

from typing import NamedTuple

from ...catalog import Catalog
from ._interface import (
    FAIL_ON_ERROR,
    FRAMEWORK_OUTPUTS,
    FRAMEWORK_VARIABLES,
    IMAGE_INSTANCE_TYPE,
    IMAGE_SCOPE,
    IMAGE_TAG,
    IMAGES_OUTPUTS,
    INFERENCE_COMPONENT_OUTPUTS,
    JUMPSTART_OUTPUTS,
    JUMPSTART_VARIABLES,
    MODEL_OUTPUTS,
    PREBUILT_OUTPUTS,
    PREBUILT_VARIABLES,
    REGION,
    SPEC_OUTPUTS,
    TRAINING_JOB_OUTPUTS,
    TRAINING_PIPELINE_OUTPUTS,
    Output,
    Variable,
    algorithm_variable,
    inference_component_variables,
    model_variables,
    spec_variables,
    training_job_variables,
    training_pipeline_variables,
)
from ._rules import SPEC_RULES, Rule

ROOT = "terraform"
IMAGES_MODULE = f"{ROOT}/sagemaker-images"
SPEC_MODULE = f"{ROOT}/sagemaker-training-spec"
TRAINING_JOB_MODULE = f"{ROOT}/sagemaker-training-job"
TRAINING_PIPELINE_MODULE = f"{ROOT}/sagemaker-training-pipeline"
MODEL_MODULE = f"{ROOT}/sagemaker-model"
FRAMEWORK_MODULE = f"{ROOT}/sagemaker-framework-image"
PREBUILT_MODULE = f"{ROOT}/sagemaker-prebuilt-ecr-image"
JUMPSTART_MODULE = f"{ROOT}/sagemaker-jumpstart-spec"
INFERENCE_COMPONENT_MODULE = f"{ROOT}/sagemaker-inference-component"
LOCALS_FILE = f"{ROOT}/locals/sagemaker_image_uris.tf"

# Provider-free modules stay within the Terraform 1.0 language; resource modules use
# preconditions (1.2).
PROVIDER_FREE_VERSION = ">= 1.0"
RESOURCE_VERSION = ">= 1.2"
PRECONDITIONS = "Resource and output preconditions need Terraform 1.2."


class ProviderFloor(NamedTuple):
    """The oldest provider release with every resource, block and argument a module uses
    (scripts/provider_floors.py finds it; the tests hold the module to it)."""

    name: str
    version: str
    reason: str

    @property
    def constraint(self) -> str:
        return f">= {self.version}"


TRAINING_JOB_PROVIDER = ProviderFloor(
    "aws", "6.39.0", "the first release with aws_sagemaker_training_job"
)
PIPELINE_PROVIDER = ProviderFloor("aws", "5.11.0", "the first release with aws_sagemaker_pipeline")
MODEL_PROVIDER = ProviderFloor(
    "aws",
    "5.67.0",
    "the first release with aws_sagemaker_model's model_access_config (a JumpStart "
    "model's accepted EULA)",
)

ENDPOINT_PROVIDER = ProviderFloor(
    "aws",
    "6.21.0",
    "the first release whose endpoint configuration takes a variant without a model and "
    "an execution role",
)
# hashicorp/aws has no inference component resource; the Cloud Control provider does.
COMPONENT_PROVIDER = ProviderFloor(
    "awscc", "0.66.0", "the first release with awscc_sagemaker_inference_component"
)


# Each provider-free module carries the catalog's tables in its own catalog.tf, trimmed
# to what it reads: sharing one copy through a child module plans slower.
_IMAGE = ("repository", "registry_group", "tags", "processors_by_tag")
IMAGE_FIELDS = (
    *_IMAGE,
    "inference_repository",
    "inference_registry_group",
    "inference_tags",
    "graviton_repository",
    "graviton_registry_group",
    "graviton_tags",
    "end_of_patch",
)
SPEC_FIELDS = (
    *_IMAGE,
    "required_channels",
    "optional_channels",
    "input_modes",
    "content_types",
    "processors",
    "single_instance",
    "required_hyperparameters",
    "parallelizable",
)


class Module(NamedTuple):
    path: str
    required_version: str
    variables: list[Variable]
    outputs: list[Output]
    files: tuple[str, ...]  # the module's own templates, besides the shared ones
    providers: tuple[ProviderFloor, ...] = ()
    rules: tuple[Rule, ...] = ()
    # The algorithm attributes its catalog.tf carries: only those the module reads.
    catalog_fields: tuple[str, ...] = ()
    # Why the Terraform floor is what it is: a comment in versions.tf.
    version_note: str = ""


def modules(catalog: Catalog) -> list[Module]:
    images_variables = [
        algorithm_variable(catalog),
        REGION,
        IMAGE_TAG,
        IMAGE_SCOPE,
        IMAGE_INSTANCE_TYPE,
        FAIL_ON_ERROR,
    ]
    return [
        Module(
            FRAMEWORK_MODULE,
            PROVIDER_FREE_VERSION,
            FRAMEWORK_VARIABLES,
            FRAMEWORK_OUTPUTS,
            ("main.tf", "catalog.tf"),
        ),
        Module(
            IMAGES_MODULE,
            PROVIDER_FREE_VERSION,
            images_variables,
            IMAGES_OUTPUTS,
            ("main.tf",),
            catalog_fields=IMAGE_FIELDS,
        ),
        Module(
            PREBUILT_MODULE,
            PROVIDER_FREE_VERSION,
            PREBUILT_VARIABLES,
            PREBUILT_OUTPUTS,
            ("main.tf", "catalog.tf"),
        ),
        Module(
            JUMPSTART_MODULE,
            PROVIDER_FREE_VERSION,
            JUMPSTART_VARIABLES,
            JUMPSTART_OUTPUTS,
            ("main.tf", "catalog.tf"),
        ),
        Module(
            SPEC_MODULE,
            PROVIDER_FREE_VERSION,
            spec_variables(catalog),
            SPEC_OUTPUTS,
            ("main.tf",),
            rules=SPEC_RULES,
            catalog_fields=SPEC_FIELDS,
        ),
        Module(
            TRAINING_JOB_MODULE,
            RESOURCE_VERSION,
            training_job_variables(catalog),
            TRAINING_JOB_OUTPUTS,
            ("main.tf", "iam.tf"),
            providers=(TRAINING_JOB_PROVIDER,),
            rules=SPEC_RULES,
            version_note=PRECONDITIONS,
        ),
        Module(
            TRAINING_PIPELINE_MODULE,
            RESOURCE_VERSION,
            training_pipeline_variables(catalog),
            TRAINING_PIPELINE_OUTPUTS,
            ("main.tf", "iam.tf"),
            providers=(PIPELINE_PROVIDER,),
            rules=SPEC_RULES,
            version_note=PRECONDITIONS,
        ),
        Module(
            MODEL_MODULE,
            RESOURCE_VERSION,
            model_variables(catalog),
            MODEL_OUTPUTS,
            ("main.tf", "iam.tf"),
            providers=(MODEL_PROVIDER,),
            version_note=PRECONDITIONS,
        ),
        Module(
            INFERENCE_COMPONENT_MODULE,
            RESOURCE_VERSION,
            inference_component_variables(catalog),
            INFERENCE_COMPONENT_OUTPUTS,
            ("main.tf",),
            providers=(ENDPOINT_PROVIDER, COMPONENT_PROVIDER),
            version_note=PRECONDITIONS,
        ),
    ]
