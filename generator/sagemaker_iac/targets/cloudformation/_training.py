"""CloudFormation training templates: one per algorithm, a SageMaker pipeline whose Training
step carries a CreateTrainingJob request, with the catalog's rules as parameter constraints."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from ...catalog import Algorithm, Catalog
from ...catalog.names import camel, hyperparameter_parameter
from ...errors import OutputLimitError
from ...files import Files
from .._constraints import (
    ROLE_ARN,
    S3_URI,
    Constraint,
    instance_families,
    sagemaker_name,
    single_instance,
)
from .._jinja import render
from ._joined_json import Concat, Literal, Raw, Spliced, When, parts
from ._mappings import ALGORITHMS, REGISTRIES, check_size, for_algorithm, published_where

TRAINING_DIR = "cloudformation/training"
VALUE = r'^[^"\\]+$'
NAME = "[A-Za-z0-9_.:-]+"
EXTRA = f'^("{NAME}":"[^"\\\\]*"(,"{NAME}":"[^"\\\\]*")*)?$'
# A script's values are JSON-encoded by the SDK ("\"adam\""): inside a JSON string, only
# the escapes \" and \\ are let through, so the member stays one JSON string.
ENCODED = '"(?:[^"\\\\]|\\\\["\\\\])*"'
ENCODED_EXTRA = f'^("{NAME}":{ENCODED}(,"{NAME}":{ENCODED})*)?$'


class Parameter(NamedTuple):
    name: str
    type: str
    description: str
    default: Any = None
    allowed_values: list[str] | None = None
    allowed_pattern: str | None = None
    min_value: int | None = None
    max_value: int | None = None
    says: str | None = None  # what the pattern allows

    @property
    def constraint_description(self) -> str | None:
        """What CloudFormation says when a value breaks AllowedPattern or AllowedValues."""
        if self.allowed_values is not None:
            shown = [v if v else "(empty)" for v in self.allowed_values]
            return f"{self.name} must be one of: {', '.join(shown)}"
        if self.allowed_pattern is not None:
            return f"{self.name} must be {self.says}"
        return None


def constrained(rule: Constraint) -> dict[str, Any]:
    """A parameter's AllowedPattern and the sentence that explains it."""
    return {"allowed_pattern": rule.pattern, "says": rule.says}


def not_arm(catalog: Catalog) -> str:
    """A lookahead refusing the Arm (Graviton) families: SageMaker trains on x86_64 only."""
    return f"(?!({'|'.join(catalog.arm64_families)})\\.)" if catalog.arm64_families else ""


def instance_pattern(catalog: Catalog, algorithm: Algorithm) -> str:
    families = instance_families(catalog, algorithm)
    return rf"^ml\.{not_arm(catalog)}({'|'.join(families)})[0-9][a-z0-9-]*\.[a-z0-9]+$"


def instance_says(catalog: Catalog, algorithm: Algorithm) -> str:
    processors = "/".join(algorithm.instance.processors).upper()
    families = ", ".join(instance_families(catalog, algorithm))
    return (
        f"an ml. instance type of a {processors} family {algorithm.key} trains on "
        f"({families}), not Arm (Graviton)"
    )


def processor_rules(catalog: Catalog, algorithm: Algorithm) -> list[dict[str, Any]]:
    """Rules refusing a tag on an instance type of a processor it is not built for.

    CloudFormation's Rules cannot match patterns, so the instance types are listed: those
    of the catalog's training_instance_types (SageMaker's own list) of that processor.
    """
    groups: dict[tuple[str, ...], list[str]] = {}
    for tag in algorithm.tags:
        unsuited = tuple(
            p for p in algorithm.instance.processors if not algorithm.tag_suits(tag, p)
        )
        if unsuited:
            groups.setdefault(unsuited, []).append(tag)
    rules = []
    for unsuited, tags in sorted(groups.items()):
        excluded = [t for t in catalog.training_instance_types if catalog.processor(t) in unsuited]
        if not excluded:
            continue
        suited = [t for t in algorithm.tags if t not in tags]
        what = " or ".join(p.upper() for p in unsuited)
        rules.append(
            {
                "name": "TagNotFor" + "".join(p.capitalize() for p in unsuited),
                "tags": tags,
                "excluded": excluded,
                "description": f"Image tags {', '.join(tags)} of {algorithm.key} are not built "
                f"for {what}: choose another InstanceType, or one of: {', '.join(suited)}",
            }
        )
    return rules


# The pipeline's own parameters, first in every training template.
PIPELINE_PARAMETERS = [
    Parameter(
        "PipelineName",
        "String",
        "Name of the pipeline.",
        **constrained(sagemaker_name(256, "pipeline name")),
    ),
    Parameter(
        "RoleArn",
        "String",
        "IAM role for the pipeline and its training job.",
        **constrained(ROLE_ARN),
    ),
]
# The job's output, storage, limits and isolation, last in every training template.
JOB_PARAMETERS = [
    Parameter("OutputS3Path", "String", "S3 URI for the model artifacts.", **constrained(S3_URI)),
    Parameter(
        "KmsKeyId",
        "String",
        "KMS key for the output and volume (empty: none).",
        "",
        allowed_pattern=r'^[^"\\]*$',
        says="a KMS key ID, alias or ARN without quotes or backslashes, or empty",
    ),
    Parameter("VolumeSizeInGB", "Number", "Storage volume per instance, in GB.", 30, min_value=1),
    Parameter(
        "MaxRuntimeInSeconds", "Number", "Stop the job after this many seconds.", 86400, min_value=1
    ),
    Parameter(
        "EnableNetworkIsolation",
        "String",
        "Run the container without network access.",
        "true",
        allowed_values=["true", "false"],
    ),
    Parameter(
        "EnableInterContainerTrafficEncryption",
        "String",
        "Encrypt traffic between training instances.",
        "true",
        allowed_values=["true", "false"],
    ),
]


# The step's arguments that JOB_PARAMETERS give (the HasKmsKey condition with them).
JOB_ARGUMENTS: dict[str, Any] = {
    "OutputDataConfig": {
        "S3OutputPath": "${OutputS3Path}",
        "KmsKeyId": When("HasKmsKey", "${KmsKeyId}"),
    },
    "ResourceConfig": {
        "InstanceType": "${InstanceType}",
        "InstanceCount": Literal("${InstanceCount}"),
        "VolumeSizeInGB": Literal("${VolumeSizeInGB}"),
        "VolumeKmsKeyId": When("HasKmsKey", "${KmsKeyId}"),
    },
    "StoppingCondition": {"MaxRuntimeInSeconds": Literal("${MaxRuntimeInSeconds}")},
    "EnableNetworkIsolation": Literal("${EnableNetworkIsolation}"),
    "EnableInterContainerTrafficEncryption": Literal("${EnableInterContainerTrafficEncryption}"),
}


def parameters(
    catalog: Catalog, algorithm: Algorithm, tag_rules: list[dict[str, Any]]
) -> list[Parameter]:
    found = [
        *PIPELINE_PARAMETERS,
        Parameter(
            "ImageTag",
            "String",
            "Image tag of the algorithm; the Rules refuse one not built for InstanceType's "
            "processor."
            if tag_rules
            else "Image tag of the algorithm.",
            algorithm.default_tag,
            allowed_values=list(algorithm.tags),
        ),
        Parameter(
            "InstanceType",
            "String",
            f"Training instance type ({', '.join(algorithm.instance.processors).upper()}).",
            allowed_pattern=instance_pattern(catalog, algorithm),
            says=instance_says(catalog, algorithm),
        ),
        Parameter(
            "InstanceCount",
            "Number",
            "Number of training instances.",
            1,
            min_value=1,
            max_value=1 if single_instance(algorithm) else None,
        ),
        Parameter(
            "InputMode",
            "String",
            "Training input mode.",
            algorithm.input_modes[0],
            allowed_values=list(algorithm.input_modes),
        ),
    ]

    def content_type(channel: str) -> Parameter:
        return Parameter(
            f"{camel(channel)}ContentType",
            "String",
            f"Content type of the {channel} channel (empty: unset).",
            "",
            allowed_values=["", *algorithm.content_types],
        )

    for name in algorithm.required_channels:
        found += [
            Parameter(
                f"{camel(name)}S3Uri",
                "String",
                f"S3 URI of the {name} channel.",
                **constrained(S3_URI),
            ),
            content_type(name),
        ]
    for name in algorithm.optional_channels:
        found += [
            Parameter(
                f"{camel(name)}S3Uri",
                "String",
                f"S3 URI of the optional {name} channel (empty: no channel).",
                "",
                **constrained(S3_URI.optional("empty for no channel")),
            ),
            content_type(name),
        ]
    for name in algorithm.required_hyperparameters:
        found.append(
            Parameter(
                hyperparameter_parameter(name),
                "String",
                f"Required hyperparameter {name}.",
                allowed_pattern=VALUE,
                says="a non-empty value without quotes or backslashes",
            )
        )
    found += [
        Parameter(
            "ExtraHyperParameters",
            "String",
            'More hyperparameters as JSON members, such as "mini_batch_size":"500".',
            "",
            allowed_pattern=EXTRA,
            says='comma-separated JSON members such as "epochs":"10", or empty',
        ),
        *JOB_PARAMETERS,
    ]
    names = [p.name for p in found]
    if len(set(names)) != len(names):
        raise OutputLimitError(f"{algorithm.key}: parameter names collide: {sorted(names)}")
    return found


def s3_channel(name: str, uri: str) -> dict[str, Any]:
    """A channel reading every object under URI, whole, on every instance."""
    source = {"S3DataType": "S3Prefix", "S3Uri": uri}
    return {
        "ChannelName": name,
        "DataSource": {"S3DataSource": {**source, "S3DataDistributionType": "FullyReplicated"}},
    }


def _channel(name: str) -> dict[str, Any]:
    key = camel(name)
    return {
        **s3_channel(name, f"${{{key}S3Uri}}"),
        "ContentType": When(f"{key}ContentTypeSet", f"${{{key}ContentType}}"),
    }


def conditions(algorithm: Algorithm) -> dict[str, str]:
    found = {
        "HasKmsKey": '!Not [!Equals [!Ref KmsKeyId, ""]]',
        "HasExtraHyperParameters": '!Not [!Equals [!Ref ExtraHyperParameters, ""]]',
    }
    for name in algorithm.required_channels:
        key = camel(name)
        found[f"{key}ContentTypeSet"] = f'!Not [!Equals [!Ref {key}ContentType, ""]]'
    for name in algorithm.optional_channels:
        key = camel(name)
        found[f"Has{key}"] = f'!Not [!Equals [!Ref {key}S3Uri, ""]]'
        found[f"{key}ContentTypeSet"] = (
            f'!And [!Condition Has{key}, !Not [!Equals [!Ref {key}ContentType, ""]]]'
        )
    return found


def definition(algorithm: Algorithm) -> dict[str, Any]:
    """The pipeline definition: one Training step whose arguments are the parameters'."""
    image = Concat(
        (
            Raw(
                f"!FindInMap [{REGISTRIES}, !Ref AWS::Region, "
                f"!FindInMap [{ALGORITHMS}, {algorithm.key}, Group]]"
            ),
            ".dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/",
            Raw(f"!FindInMap [{ALGORITHMS}, {algorithm.key}, Repo]"),
            ":${ImageTag}",
        )
    )
    hyperparameters: dict[str, Any] = {
        h: f"${{{hyperparameter_parameter(h)}}}" for h in algorithm.required_hyperparameters
    }
    # A spliced member's key is not written: the user's own members stand in its place.
    hyperparameters["(extra)"] = When("HasExtraHyperParameters", Spliced("${ExtraHyperParameters}"))
    channels: list[Any] = [_channel(name) for name in algorithm.required_channels]
    channels += [When(f"Has{camel(n)}", _channel(n)) for n in algorithm.optional_channels]
    arguments = {
        "AlgorithmSpecification": {
            "TrainingImage": image,
            "TrainingInputMode": "${InputMode}",
        },
        "RoleArn": "${RoleArn}",
        "HyperParameters": hyperparameters,
        "InputDataConfig": channels,
        **JOB_ARGUMENTS,
    }
    return {
        "Version": "2020-12-01",
        "Metadata": {},
        "Parameters": [],
        "Steps": [{"Name": "Train", "Type": "Training", "Arguments": arguments}],
    }


def readme_rows(catalog: Catalog) -> list[dict[str, str]]:
    return [
        {
            "key": a.key,
            "required": ", ".join(a.required_channels),
            "optional": ", ".join(a.optional_channels) or "-",
            "modes": ", ".join(a.input_modes),
            "processors": ", ".join(a.instance.processors).upper(),
            "max": "1" if single_instance(a) else "any",
            "hyperparameters": ", ".join(a.required_hyperparameters) or "-",
        }
        for a in sorted(catalog.algorithms.values(), key=lambda a: a.key)
    ]


def render_training(catalog: Catalog, context: dict[str, Any]) -> Files:
    files: Files = {
        "cloudformation/README.md": render(
            "cloudformation/README.md", **context, training_rows=readme_rows(catalog)
        )
    }
    for algorithm in sorted(catalog.algorithms.values(), key=lambda a: a.key):
        name = f"{TRAINING_DIR}/{algorithm.key}.yaml"
        rules = processor_rules(catalog, algorithm)
        own = {
            "algorithm": algorithm,
            "parameters": parameters(catalog, algorithm, rules),
            "conditions": conditions(algorithm),
            "body": parts(definition(algorithm)),
            "processor_rules": rules,
            # Only this algorithm's entry and its registry group's accounts.
            "mappings_block": render(
                "cloudformation/_mappings.yaml",
                mappings=for_algorithm(context["mappings"], algorithm.key),
            ),
            "regions": catalog.regions_for(algorithm.key),
            "region_description": published_where(
                catalog, [algorithm.key], catalog.regions_for(algorithm.key)
            ),
            "json": json,
        }
        files[name] = render(f"{TRAINING_DIR}/_pipeline.yaml", **{**context, **own})
        check_size(name, files[name])
    return files
