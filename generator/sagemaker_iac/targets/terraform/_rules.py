"""The spec module's catalog checks: what each rule checks, in the order the module and its
README list them. The Terraform 1.0 expression of each is the macro of the same name in
templates/terraform/sagemaker-training-spec/_rules.tf."""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """One catalog check of the spec module: its macro's name and what it checks."""

    key: str
    summary: str


SPEC_RULES = (
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
    Rule("instance_family", "The instance type is of a family the catalog knows (CPU or GPU)."),
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
