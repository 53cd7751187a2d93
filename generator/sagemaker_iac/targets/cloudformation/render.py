"""CloudFormation target: the Mappings snippet, the image and model templates, training."""

from __future__ import annotations

from ...catalog import Catalog
from ...files import Files
from .._constraints import (
    HOSTING_INSTANCE_TYPE,
    KMS_KEY_ARN,
    ROLE_ARN,
    S3_OBJECT,
    S3_URI,
    SERVERLESS_MEMORY,
    SNS_TOPIC_ARN,
    sagemaker_name,
)
from .._jinja import render
from ._frameworks import render_frameworks
from ._mappings import (
    ALGORITHMS,
    REGISTRIES,
    check_limits,
    check_lookups,
    check_size,
    group_rules,
    mappings,
    tag_rules,
    training_only,
)
from ._script import render_script
from ._training import render_training
from .jumpstart import render_jumpstart

MAPPINGS_FILE = "cloudformation/sagemaker-image-mappings.yaml"
TEMPLATE_FILE = "cloudformation/sagemaker-images.yaml"
MODEL_FILE = "cloudformation/sagemaker-model.yaml"
COMPONENT_FILE = "cloudformation/sagemaker-inference-component.yaml"


def render_cloudformation(catalog: Catalog) -> Files:
    """The algorithms' templates from their part of the catalog; a template per framework
    and scope from the rest."""
    files = render_algorithms(catalog.for_algorithms())
    files.update(render_frameworks(catalog))
    files.update(render_jumpstart(catalog))
    files.update(render_script(catalog))
    return files


def render_algorithms(catalog: Catalog) -> Files:
    maps = mappings(catalog)
    check_limits(maps)
    for scope in ("training", "inference"):
        check_lookups(catalog, maps, group_rules(catalog, scope), scope)
    context = {
        "catalog": catalog,
        "mappings": maps,
        "group_rules": group_rules(catalog),
        "tag_rules": tag_rules(catalog),
        "all_tags": sorted({t for a in catalog.algorithms.values() for t in a.tags}),
        "REGISTRIES": REGISTRIES,
        "ALGORITHMS": ALGORITHMS,
    }
    # Each mappings variant is rendered once. The image and training templates resolve
    # only the training image, so they carry only its attributes; the model template
    # and the snippet carry both images.
    context["mappings_block"] = render("cloudformation/_mappings.yaml", mappings=maps)
    training_context = {
        **context,
        "mappings_block": render("cloudformation/_mappings.yaml", mappings=training_only(maps)),
    }
    # The model template hosts: its rules and tags are the inference image's.
    constraints = {
        "ModelName": sagemaker_name(63, "endpoint name"),
        "ModelDataUrl": S3_OBJECT,
        "ExecutionRoleArn": ROLE_ARN,
        "KmsKeyArn": KMS_KEY_ARN.optional(),
        "InstanceType": HOSTING_INSTANCE_TYPE,
        "ModelDataS3Prefix": S3_URI.optional(),
        "AsyncPath": S3_URI.optional(),
        "Topic": SNS_TOPIC_ARN.optional(),
    }
    hosting = {
        **context,
        "constraints": constraints,
        "gpu_counts": catalog.gpu_counts,
        "serverless_memory": SERVERLESS_MEMORY,
        "group_rules": group_rules(catalog, "inference"),
        "tag_rules": tag_rules(catalog, "inference"),
        "all_tags": sorted(
            {t for a in catalog.algorithms.values() for t in a.image("inference").tags}
        ),
    }
    # The component's endpoint always has a configuration, so its key is required.
    component = {
        "constraints": {
            **constraints,
            "EndpointName": constraints["ModelName"],
            "KmsKeyArn": KMS_KEY_ARN,
        }
    }
    files = {
        MAPPINGS_FILE: render(MAPPINGS_FILE, **context),
        TEMPLATE_FILE: render(TEMPLATE_FILE, **training_context),
        MODEL_FILE: render(MODEL_FILE, **hosting),
        COMPONENT_FILE: render(COMPONENT_FILE, **component),
    }
    for name in (TEMPLATE_FILE, MODEL_FILE, COMPONENT_FILE):
        check_size(name, files[name])
    files.update(render_training(catalog, training_context))
    return files
