"""The training spec module's requests against the SageMaker Python SDK's own.

The SDK v2 (pinned in the Makefile) runs in its own environment, .venv-sdk-train:
sdk_training.py builds each case's estimator (PyTorch, TensorFlow, Hugging Face) offline
and prints the CreateTrainingJob request it makes and its pipeline step's Arguments. The
spec module, planned by Terraform 1.0.3 with the same arguments, must produce both,
except what DIFFERENCES names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sagemaker_iac.targets.cloudformation._script import SCRIPT_FILE
from support.cfn_eval import Stack
from support.readers import load_cfn
from support.sdk_train import SDK_MARKS, ask_sdk
from support.terraform import TERRAFORM_MARKS
from support.training_inputs import SCRIPT_JOB, plan_script_jobs

pytestmark = [*SDK_MARKS, *TERRAFORM_MARKS]

REGION = SCRIPT_JOB["region"]
HF_DISTRIBUTED = {
    "framework": "huggingface",
    "framework_version": "4.36.0",
    "base_framework_version": "pytorch2.1.0",
    "py_version": "py310",
    "instance_type": "ml.p4d.24xlarge",
    "instance_count": 2,
}
CASES: dict[str, dict[str, Any]] = {
    "pytorch-script": {
        "framework": "pytorch",
        "framework_version": "2.3.0",
        "py_version": "py311",
        "instance_type": "ml.g5.xlarge",
        "hyperparameters": {"epochs": 2, "lr": 0.1, "optimizer": "adam"},
        "metric_definitions": [{"name": "loss", "regex": "loss=([0-9.]+)"}],
        "checkpoint_s3_uri": "s3://example-bucket/checkpoints",
    },
    "pytorch-torch-distributed": {
        "framework": "pytorch",
        "framework_version": "2.3.0",
        "py_version": "py311",
        "instance_type": "ml.p4d.24xlarge",
        "instance_count": 2,
        "distribution": "torch_distributed",
        "enable_network_isolation": False,
    },
    "pytorch-smdistributed": {
        "framework": "pytorch",
        "framework_version": "2.2.0",
        "py_version": "py310",
        "instance_type": "ml.p4d.24xlarge",
        "instance_count": 2,
        "distribution": "smdistributed_dataparallel",
        "enable_network_isolation": False,
    },
    "pytorch-mpi": {
        "framework": "pytorch",
        "framework_version": "2.3.0",
        "py_version": "py311",
        "instance_type": "ml.g5.12xlarge",
        "instance_count": 2,
        "distribution": "mpi",
        "mpi_processes_per_host": 4,
        "custom_mpi_options": "-x NCCL_DEBUG=INFO",
    },
    "tensorflow-parameter-server": {
        "framework": "tensorflow",
        "framework_version": "2.14.1",
        "py_version": "py310",
        "instance_type": "ml.m5.xlarge",
        "instance_count": 2,
        "distribution": "parameter_server",
        "hyperparameters": {"epochs": 3, "batch_size": 64},
    },
    "huggingface": {
        "framework": "huggingface",
        "framework_version": "4.36.0",
        "base_framework_version": "pytorch2.1.0",
        "py_version": "py310",
        "instance_type": "ml.g5.xlarge",
        "hyperparameters": {"model_name_or_path": "distilbert-base-uncased", "epochs": 1},
    },
    # Hugging Face is checked as its base framework, and sends what PyTorch sends.
    "huggingface-torch-distributed": {
        **HF_DISTRIBUTED,
        "distribution": "torch_distributed",
        "enable_network_isolation": False,
    },
    "huggingface-smdistributed": {
        **HF_DISTRIBUTED,
        "distribution": "smdistributed_dataparallel",
        "enable_network_isolation": False,
    },
}
# What the SDK sends that the module does not, and why that is kept:
DIFFERENCES = {
    # The SDK always sends a profiler setting (here DisableProfiler, as asked); the module
    # leaves profiling to SageMaker's default.
    "ProfilerConfig",
}
# What the module states and the SDK leaves out when it is the API's default: the module
# has always sent both switches (a pipeline made before must plan the same).
API_DEFAULTS = {"EnableNetworkIsolation": False, "EnableInterContainerTrafficEncryption": False}


def sdk_arguments(inputs: dict[str, Any]) -> dict[str, Any]:
    """The SDK estimator and its arguments for the module's inputs."""
    kwargs: dict[str, Any] = {
        "entry_point": inputs["entry_point"],
        "source_dir": inputs["source_dir"],
        "role": inputs["role_arn"],
        "instance_type": inputs["instance_type"],
        "instance_count": inputs["instance_count"],
        "py_version": inputs["py_version"],
        "output_path": inputs["output_s3_path"],
        "hyperparameters": inputs["hyperparameters"],
        "enable_network_isolation": inputs["enable_network_isolation"],
        "encrypt_inter_container_traffic": inputs["enable_inter_container_traffic_encryption"],
        "debugger_hook_config": False,
        "disable_profiler": True,
    }
    if inputs["metric_definitions"]:
        kwargs["metric_definitions"] = [
            {"Name": m["name"], "Regex": m["regex"]} for m in inputs["metric_definitions"]
        ]
    if inputs["checkpoint_s3_uri"]:
        kwargs["checkpoint_s3_uri"] = inputs["checkpoint_s3_uri"]
    strategy = inputs["distribution"]
    if strategy == "smdistributed_dataparallel":
        kwargs["distribution"] = {"smdistributed": {"dataparallel": {"enabled": True}}}
    elif strategy == "mpi":
        kwargs["distribution"] = {
            "mpi": {
                "enabled": True,
                "processes_per_host": inputs["mpi_processes_per_host"],
                "custom_mpi_options": inputs["custom_mpi_options"],
            }
        }
    elif strategy is not None:
        kwargs["distribution"] = {strategy: {"enabled": True}}
    framework = inputs["framework"]
    if framework == "huggingface":
        base = inputs["base_framework_version"]
        kwargs["transformers_version"] = inputs["framework_version"]
        kwargs["pytorch_version"] = base.removeprefix("pytorch")
    else:
        kwargs["framework_version"] = inputs["framework_version"]
    if framework == "tensorflow":
        # The SDK's TensorFlow adds a model_dir hyperparameter naming the S3 folder of the
        # job it names itself; the module's job or pipeline names it at run time, and the
        # container's SM_MODEL_DIR is the model's folder either way.
        kwargs["model_dir"] = False
    return {
        "estimator": framework,
        "kwargs": kwargs,
        "inputs": {name: c["s3_uri"] for name, c in inputs["channels"].items()},
        "job_name": inputs["job_name"],
    }


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    cases = {name: sdk_arguments({**SCRIPT_JOB, **case}) for name, case in CASES.items()}
    folder = tmp_path_factory.mktemp("sdk-training")
    return ask_sdk("sdk_training.py", cases, folder, {"AWS_DEFAULT_REGION": REGION})


@pytest.fixture(scope="module")
def module(out_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each case planned through the spec module: its request and its step's Arguments."""
    root = tmp_path_factory.mktemp("sdk-training")
    return plan_script_jobs(out_dir, root / "root", {**CASES})


def _kept(request: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in request.items() if k not in DIFFERENCES}


def _stated(request: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in request.items() if k not in API_DEFAULTS or API_DEFAULTS[k] != v}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_training_request_is_the_sdks(case, sdk, module):
    assert module[case]["errors"] == []
    assert _stated(json.loads(module[case]["request"])) == _kept(sdk[case]["request"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_pipeline_step_is_the_sdks(case, sdk, module):
    steps = json.loads(module[case]["pipeline"])["Steps"]
    assert [s["Type"] for s in steps] == ["Training"]
    assert _stated(steps[0]["Arguments"]) == _kept(sdk[case]["step"])


def test_the_differences_are_only_those_named(sdk):
    # Each named difference is one the SDK really sends: none is kept for nothing.
    for case in CASES:
        assert DIFFERENCES <= set(sdk[case]["request"]), case


# The cases the CloudFormation template can state: MetricName/MetricRegex hold one metric
# at most, its regular expression without backslashes.
def _cfn_expressible(case: dict[str, Any]) -> bool:
    metrics = case.get("metric_definitions") or []
    return len(metrics) <= 1 and all("\\" not in m["regex"] for m in metrics)


def cfn_parameters(inputs: dict[str, Any], image: str) -> dict[str, Any]:
    """The script template's parameters for the module's inputs (and the SDK's image)."""
    hyperparameters = ",".join(
        f'"{k}":{json.dumps(json.dumps(v))}' for k, v in inputs["hyperparameters"].items()
    )
    return {
        "PipelineName": "script",
        "RoleArn": inputs["role_arn"],
        "ImageUri": image,
        "EntryPoint": inputs["entry_point"],
        "SourceDir": inputs["source_dir"],
        "Distribution": inputs["distribution"] or "",
        "MpiProcessesPerHost": inputs["mpi_processes_per_host"] or 0,
        "CustomMpiOptions": inputs["custom_mpi_options"],
        "ExtraHyperParameters": hyperparameters,
        "InstanceType": inputs["instance_type"],
        "InstanceCount": inputs["instance_count"],
        "TrainS3Uri": inputs["channels"]["train"]["s3_uri"],
        "OutputS3Path": inputs["output_s3_path"],
        "CheckpointS3Uri": inputs["checkpoint_s3_uri"] or "",
        **{
            key: metric[field]
            for metric in inputs["metric_definitions"] or []
            for key, field in (("MetricName", "name"), ("MetricRegex", "regex"))
        },
        # The SDK turns it on for these frameworks; the template leaves it to its caller.
        "EnableSageMakerMetrics": "true",
        "EnableNetworkIsolation": str(inputs["enable_network_isolation"]).lower(),
        "EnableInterContainerTrafficEncryption": str(
            inputs["enable_inter_container_traffic_encryption"]
        ).lower(),
    }


@pytest.mark.parametrize("case", sorted(n for n, c in CASES.items() if _cfn_expressible(c)))
def test_the_cloudformation_step_is_the_sdks(case, sdk, out_dir):
    template = load_cfn(out_dir / SCRIPT_FILE)
    image = sdk[case]["step"]["AlgorithmSpecification"]["TrainingImage"]
    stack = Stack(template, cfn_parameters({**SCRIPT_JOB, **CASES[case]}, image), REGION)
    assert (stack.refused_parameters(), stack.failed_rules()) == ([], [])
    body = template["Resources"]["Pipeline"]["Properties"]["PipelineDefinition"]
    (step,) = json.loads(stack.eval(body["PipelineDefinitionBody"]))["Steps"]
    assert _stated(step["Arguments"]) == _kept(sdk[case]["step"])


def test_every_case_is_stated_in_cloudformation_too():
    assert all(_cfn_expressible(c) for c in CASES.values())


def test_the_template_refuses_members_that_would_break_its_json(out_dir):
    template = load_cfn(out_dir / SCRIPT_FILE)
    parameters = cfn_parameters({**SCRIPT_JOB, **CASES["pytorch-script"]}, "example/image:1")
    # A quote that ends the string early, an escape that eats the closing quote, an
    # escape other than \" and \\, a value that is no string.
    for broken in ['"a":"x"y"', '"a":"x\\"', '"a":"\\n"', '"a":1']:
        stack = Stack(template, {**parameters, "ExtraHyperParameters": broken}, REGION)
        assert stack.refused_parameters() == ["ExtraHyperParameters"], broken
    encoded = {**parameters, "ExtraHyperParameters": '"optimizer":"\\"adam\\""'}
    assert Stack(template, encoded, REGION).refused_parameters() == []
