"""The CloudFormation script-mode training template: a pipeline whose Training step runs a
script on any image (a frameworks/ template's ImageUri output, or `sagemaker-iac uri`'s),
with the SageMaker Python SDK's script-mode and distribution hyperparameters."""

from __future__ import annotations

import json
from typing import Any

from ...catalog import Catalog
from ...files import Files
from .._answers import strategies
from .._constraints import S3_URI, Constraint
from .._distribution import DATA_PARALLEL, MPI, PARAMETER_SERVER, SETTINGS, TORCH
from .._jinja import render
from ._joined_json import Literal, Spliced, When, parts
from ._mappings import check_size
from ._training import (
    ENCODED_EXTRA,
    JOB_ARGUMENTS,
    JOB_PARAMETERS,
    PIPELINE_PARAMETERS,
    Parameter,
    constrained,
    not_arm,
    s3_channel,
)

SCRIPT_FILE = "cloudformation/sagemaker-training.yaml"
# The SDK packs the code as sourcedir.tar.gz, and a job without network access reads it
# from the code channel under that name: CloudFormation cannot take a URI's last part.
SOURCE_DIR = Constraint(
    r'^s3://[^/"\\]+/([^"\\]+/)?sourcedir\.tar\.gz$',
    "an s3://bucket/.../sourcedir.tar.gz URI (the SDK's name for the packed code)",
)
NO_QUOTES = Constraint(r'^[^"\\]*$', "text without quotes or backslashes")
CODE_CHANNEL_FILE = "/opt/ml/input/data/code/sourcedir.tar.gz"


def parameters(catalog: Catalog) -> list[Parameter]:
    return [
        *PIPELINE_PARAMETERS,
        Parameter(
            "ImageUri",
            "String",
            "Training image: a frameworks/ template's ImageUri output, `sagemaker-iac uri "
            "FRAMEWORK --scope training`, or any image.",
            allowed_pattern=r'^[^\s"\\]+$',
            says="an image reference without spaces, quotes or backslashes",
        ),
        Parameter(
            "EntryPoint",
            "String",
            "The training script in SourceDir, such as train.py (sagemaker_program).",
            allowed_pattern=r'^[^"\\/]+$',
            says="a file name without quotes, backslashes or slashes",
        ),
        Parameter(
            "SourceDir",
            "String",
            "S3 URI of the packed code holding EntryPoint (sagemaker_submit_directory).",
            **constrained(SOURCE_DIR),
        ),
        Parameter(
            "ContainerLogLevel",
            "Number",
            "Python logging level in the container (sagemaker_container_log_level).",
            20,
            min_value=0,
        ),
        Parameter(
            "Distribution",
            "String",
            "Distributed training strategy, as the SDK names it (empty: none). Which the "
            "framework version offers is checked by the Terraform modules only.",
            "",
            allowed_values=["", *strategies(catalog)],
        ),
        Parameter(
            "MpiProcessesPerHost",
            "Number",
            "Distribution mpi: processes per instance (0: the container chooses).",
            0,
            min_value=0,
        ),
        Parameter(
            "CustomMpiOptions",
            "String",
            "Distribution mpi or smdistributed_dataparallel: extra mpirun options.",
            "",
            **constrained(NO_QUOTES),
        ),
        Parameter(
            "ExtraHyperParameters",
            "String",
            'The script\'s hyperparameters as JSON members, such as "epochs":"10" or '
            '"optimizer":"\\"adam\\"" (the SDK\'s JSON encoding of 10 and of "adam").',
            "",
            allowed_pattern=ENCODED_EXTRA,
            says='comma-separated JSON members such as "epochs":"10" or "optimizer":"\\"adam\\"", '
            "the value's quotes and backslashes escaped, or empty",
        ),
        Parameter(
            "InstanceType",
            "String",
            "Training instance type.",
            allowed_pattern=rf"^ml\.{not_arm(catalog)}[a-z0-9-]+\.[a-z0-9]+$",
            says="an ml. instance type, not Arm (Graviton): SageMaker trains on x86_64",
        ),
        Parameter("InstanceCount", "Number", "Number of training instances.", 1, min_value=1),
        Parameter(
            "InputMode",
            "String",
            "Training input mode.",
            "File",
            allowed_values=["File", "Pipe", "FastFile"],
        ),
        Parameter("TrainS3Uri", "String", "S3 URI of the train channel.", **constrained(S3_URI)),
        Parameter(
            "ValidationS3Uri",
            "String",
            "S3 URI of the validation channel (empty: no channel).",
            "",
            **constrained(S3_URI.optional("empty for no channel")),
        ),
        Parameter(
            "CheckpointS3Uri",
            "String",
            "S3 URI that SageMaker syncs the checkpoint folder with (empty: none).",
            "",
            **constrained(S3_URI.optional("empty for none")),
        ),
        Parameter(
            "MetricName",
            "String",
            "A metric SageMaker reads from the job's logs (empty: none).",
            "",
            **constrained(NO_QUOTES),
        ),
        Parameter(
            "MetricRegex",
            "String",
            "Its regular expression, whose first group is the value.",
            "",
            **constrained(NO_QUOTES),
        ),
        Parameter(
            "EnableSageMakerMetrics",
            "String",
            "SageMaker's metrics time series (empty: unset; the SDK sets true for PyTorch "
            "1.3+, TensorFlow 1.15+ and Hugging Face).",
            "",
            allowed_values=["", "true", "false"],
        ),
        *JOB_PARAMETERS,
    ]


def _is(strategy: str) -> str:
    return f"!Equals [!Ref Distribution, {strategy}]"


# The condition each strategy's settings are sent under; a setting of two strategies
# under both's (NamesInstanceType), an optional one where its parameter is given.
STRATEGY_CONDITIONS = {
    TORCH: "TorchDistributed",
    DATA_PARALLEL: "DataParallel",
    MPI: "Mpi",
    PARAMETER_SERVER: "ParameterServer",
}
SHARED_CONDITIONS: dict[tuple[str, ...], str] = {
    (TORCH, DATA_PARALLEL): "NamesInstanceType",
    (MPI, "given"): "MpiProcesses",
}
# The template's parameter for each training input a setting sends.
INPUT_PARAMETERS = {
    "custom_mpi_options": "CustomMpiOptions",
    "instance_type": "InstanceType",
    "mpi_processes_per_host": "MpiProcessesPerHost",
}


def distribution_hyperparameters() -> dict[str, When]:
    """Each distribution setting under its condition, its value as the SDK encodes it."""
    found = {}
    for setting in SETTINGS:
        key = (*setting.strategies, "given") if setting.optional else setting.strategies
        condition = SHARED_CONDITIONS.get(key) or STRATEGY_CONDITIONS[setting.strategies[0]]
        parameter = INPUT_PARAMETERS.get(setting.input or "")
        value = "true" if parameter is None else "${" + parameter + "}"
        found[setting.name] = When(
            condition, value if setting.number or not parameter else f'"{value}"'
        )
    return found


CONDITIONS = {
    "HasKmsKey": '!Not [!Equals [!Ref KmsKeyId, ""]]',
    "HasExtraHyperParameters": '!Not [!Equals [!Ref ExtraHyperParameters, ""]]',
    "HasValidation": '!Not [!Equals [!Ref ValidationS3Uri, ""]]',
    "HasCheckpoint": '!Not [!Equals [!Ref CheckpointS3Uri, ""]]',
    "HasMetric": '!Not [!Equals [!Ref MetricName, ""]]',
    "HasMetricsSwitch": '!Not [!Equals [!Ref EnableSageMakerMetrics, ""]]',
    "Isolated": '!Equals [!Ref EnableNetworkIsolation, "true"]',
    "NotIsolated": "!Not [!Condition Isolated]",
    **{name: _is(strategy) for strategy, name in STRATEGY_CONDITIONS.items()},
    "NamesInstanceType": "!Or [!Condition TorchDistributed, !Condition DataParallel]",
    "MpiProcesses": '!And [!Condition Mpi, !Not [!Equals [!Ref MpiProcessesPerHost, "0"]]]',
}


def _member(value: str) -> str:
    return json.dumps("sagemaker_submit_directory") + ":" + json.dumps(value)


def definition() -> dict[str, Any]:
    """The Training step's arguments, as the SDK's framework estimators send them."""
    quoted = '"${%s}"'
    hyperparameters: dict[str, Any] = {
        "sagemaker_program": quoted % "EntryPoint",
        "sagemaker_container_log_level": "${ContainerLogLevel}",
        "sagemaker_region": quoted % "AWS::Region",
        # One member under either condition: written whole, as spliced text.
        "(code in its channel)": When("Isolated", Spliced(_member(f'"{CODE_CHANNEL_FILE}"'))),
        "(code fetched)": When("NotIsolated", Spliced(_member(quoted % "SourceDir"))),
        **distribution_hyperparameters(),
        "(extra)": When("HasExtraHyperParameters", Spliced("${ExtraHyperParameters}")),
    }
    return {
        "Version": "2020-12-01",
        "Metadata": {},
        "Parameters": [],
        "Steps": [
            {
                "Name": "Train",
                "Type": "Training",
                "Arguments": {
                    "AlgorithmSpecification": {
                        "TrainingImage": "${ImageUri}",
                        "TrainingInputMode": "${InputMode}",
                        "MetricDefinitions": When(
                            "HasMetric", [{"Name": "${MetricName}", "Regex": "${MetricRegex}"}]
                        ),
                        "EnableSageMakerMetricsTimeSeries": When(
                            "HasMetricsSwitch", Literal("${EnableSageMakerMetrics}")
                        ),
                    },
                    "RoleArn": "${RoleArn}",
                    "HyperParameters": hyperparameters,
                    "InputDataConfig": [
                        s3_channel("train", "${TrainS3Uri}"),
                        When("HasValidation", s3_channel("validation", "${ValidationS3Uri}")),
                        When("Isolated", s3_channel("code", "${SourceDir}")),
                    ],
                    **JOB_ARGUMENTS,
                    "CheckpointConfig": When("HasCheckpoint", {"S3Uri": "${CheckpointS3Uri}"}),
                },
            }
        ],
    }


def render_script(catalog: Catalog) -> Files:
    trainium = [t for t in catalog.training_instance_types if t.startswith("ml.trn")]
    text = render(
        SCRIPT_FILE,
        parameters=parameters(catalog),
        conditions=CONDITIONS,
        body=parts(definition()),
        trainium=trainium,
    )
    check_size(SCRIPT_FILE, text)
    return {SCRIPT_FILE: text}
