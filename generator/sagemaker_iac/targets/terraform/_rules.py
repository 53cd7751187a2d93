"""The spec module's catalog checks: each a Terraform 1.0 expression yielding its messages."""

from __future__ import annotations

from typing import NamedTuple

from .._constraints import S3_URI
from .._jinja import hcl_string


class Rule(NamedTuple):
    """One catalog check of the spec module: a Terraform 1.0 list of error messages."""

    summary: str
    expression: str


# Each expression yields the messages for one rule (empty when it holds). local.algorithm
# is null for an unknown algorithm, so every use of it sits in a branch that
# local.known selects: HCL reports errors of the selected branch only.
SPEC_RULES = (
    Rule(
        "The algorithm is in the catalog.",
        'local.known ? [] : ["unknown algorithm ${var.algorithm}; known: '
        '${join(", ", sort(keys(local.catalog_algorithms)))}"]',
    ),
    Rule(
        "The algorithm is published in the region.",
        'local.known && !local.published ? ["algorithm ${var.algorithm} is not published in '
        'region ${var.region}; available regions: ${join(", ", local.regions)}"] : []',
    ),
    Rule(
        "The image tag is one the algorithm publishes.",
        'local.known ? contains(local.algorithm.tags, local.tag) ? [] : ["image tag ${local.tag} '
        "is not published for ${var.algorithm}; available tags: "
        '${join(", ", local.algorithm.tags)}"] : []',
    ),
    Rule(
        "The job's and every channel's input mode is one the algorithm supports.",
        'local.known ? [for m in local.input_modes : "input mode ${m} is not supported by '
        '${var.algorithm}; supported: ${join(", ", local.algorithm.input_modes)}" '
        "if !contains(local.algorithm.input_modes, m)] : []",
    ),
    Rule(
        "Every required channel is given.",
        'local.known ? [for c in local.algorithm.required_channels : "missing required channel '
        '${c} for ${var.algorithm}; required: ${join(", ", local.algorithm.required_channels)}" '
        "if !contains(local.channel_names, c)] : []",
    ),
    Rule(
        "Every channel is one the algorithm reads.",
        'local.known ? [for c in local.channel_names : "unknown channel ${c} for '
        '${var.algorithm}; allowed: ${join(", ", local.allowed_channels)}" '
        "if !contains(local.allowed_channels, c)] : []",
    ),
    Rule(
        "Every channel's content type, when given, is one the algorithm accepts.",
        'local.known ? [for c in local.channel_names : "channel ${c}: content type '
        "${var.channels[c].content_type} is not accepted by ${var.algorithm}; accepted: "
        '${join(", ", local.algorithm.content_types)}" if !contains(concat(["-"], '
        'local.algorithm.content_types), lookup(var.channels[c], "content_type", "-"))] : []',
    ),
    Rule(
        "Every channel has an s3:// URI.",
        f'[for c in local.channel_names : "channel ${{c}}: s3_uri must be {S3_URI.says}" '
        f'if !can(regex({hcl_string(S3_URI.pattern)}, lookup(var.channels[c], "s3_uri", "")))]',
    ),
    Rule(
        "The instance type is of a family the catalog knows (CPU or GPU).",
        'local.processor != "" ? [] : ["instance type ${var.instance_type} is not of a known '
        "family (ml.<family><generation>.<size> with family "
        '${join(", ", sort(keys(local.catalog_instance_families)))})"]',
    ),
    Rule(
        "The instance type's processor (CPU or GPU) is one the algorithm trains on.",
        'local.known && local.processor != "" ? contains(local.algorithm.processors, '
        'local.processor) ? [] : ["instance type ${var.instance_type} is '
        "${upper(local.processor)}; ${var.algorithm} trains on: "
        '${upper(join(", ", local.algorithm.processors))}"] : []',
    ),
    Rule(
        "More than one instance only for a parallelizable algorithm.",
        "local.known && var.instance_count > 1 ? local.algorithm.parallelizable ? [] : "
        '["instance_count ${var.instance_count}: ${var.algorithm} is not parallelizable; '
        'use 1"] : []',
    ),
    Rule(
        "More than one instance only where the algorithm is not single-instance on that processor.",
        'local.known && var.instance_count > 1 && local.processor != "" ? '
        "contains(local.algorithm.single_instance, local.processor) ? "
        '["instance_count ${var.instance_count}: ${var.algorithm} trains on a single '
        '${upper(local.processor)} instance; use 1"] : [] : []',
    ),
    Rule(
        "The image tag is built for the instance type's processor (the catalog's processors "
        "for the tag, or its -cpu-/-gpu- name).",
        'contains(local.unsuited_tags, local.tag) ? ["image tag ${local.tag} is not built for '
        "${upper(local.processor)}; instance type ${var.instance_type} is "
        '${upper(local.processor)}; tags that suit it: ${join(", ", local.suited_tags)}"] : []',
    ),
    Rule(
        "The instance type is not Arm (Graviton): SageMaker trains on x86_64 instances only.",
        'local.arm64 ? ["instance type ${var.instance_type} is Arm (Graviton); SageMaker trains '
        'on x86_64 instances only"] : []',
    ),
    Rule(
        "Every hyperparameter the algorithm requires is set.",
        'local.known ? [for h in local.algorithm.required_hyperparameters : "missing required '
        'hyperparameter ${h} for ${var.algorithm}" '
        "if !contains(keys(var.hyperparameters), h)] : []",
    ),
)
