"""The spec module's catalog checks: what each rule checks, in the order the module and its
README list them. The Terraform 1.0 expression of each is the macro of the same name in
templates/terraform/sagemaker-training-spec/_rules.tf."""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """One catalog check of the spec module: its macro's name and what it checks."""

    key: str
    summary: str


# Where the image comes from and how a script trains on it.
SOURCE_RULES = (
    Rule("image_source", "Exactly one image source is set: algorithm, framework or image_uri."),
    Rule(
        "framework_image",
        "The framework has a training image for the version, Python version, region and "
        "instance type (as sagemaker-framework-image answers).",
    ),
    Rule("algorithm_tag", "image_tag only with algorithm (a framework's comes from its version)."),
    Rule(
        "script",
        "A framework trains a script (entry_point and source_dir); an algorithm takes none; "
        "source_dir needs entry_point.",
    ),
    Rule(
        "distribution",
        "The distribution strategy is one the SDK accepts for the framework version and the "
        "instance's processor (any with image_uri, none with an algorithm).",
    ),
    Rule(
        "distribution_instance",
        "On Trainium only torch_distributed; smdistributed_dataparallel not on ml.p5.48xlarge; "
        "torch_distributed runs a Python (.py) entry point (the SDK's checks).",
    ),
    Rule("mpi_options", "mpi_processes_per_host only with the mpi strategy."),
    Rule(
        "image_uri",
        "An ECR image_uri is in the job's region (SageMaker pulls from its own region) and, "
        "where its repository is a built-in algorithm's, in the catalog's account for it.",
    ),
)
# The catalog's rules for the job: a built-in algorithm's, the channels' and the instance's.
ALGORITHM_RULES = (
    Rule("known", "The algorithm is in the catalog."),
    Rule("published", "The algorithm is published in the region."),
    Rule("tag", "The image tag is one the algorithm publishes."),
    Rule("input_modes", "The job's and every channel's input mode is one the algorithm supports."),
    Rule("required_channels", "Every required channel is given."),
    Rule("allowed_channels", "Every channel is one the algorithm reads."),
    Rule(
        "content_types", "Every channel's content type, when given, is one the algorithm accepts."
    ),
    Rule("s3_uris", "Every channel has an s3:// URI."),
    Rule(
        "instance_family",
        "With an algorithm, the instance type is of a family the catalog knows (CPU or GPU).",
    ),
    Rule("processor", "The instance type's processor (CPU or GPU) is one the algorithm trains on."),
    Rule("parallelizable", "More than one instance only for a parallelizable algorithm."),
    Rule(
        "single_instance",
        "More than one instance only where the algorithm is not single-instance on that processor.",
    ),
    Rule(
        "tag_processor",
        "The image tag is built for the instance type's processor (the catalog's processors "
        "for the tag, or its -cpu-/-gpu- name).",
    ),
    Rule(
        "not_arm",
        "The instance type is not Arm (Graviton): SageMaker trains on x86_64 instances only.",
    ),
    Rule("hyperparameters", "Every hyperparameter the algorithm requires is set."),
)
SPEC_RULES = SOURCE_RULES + ALGORITHM_RULES
