"""The inference component template: lint, its rules, and its requests checked against
botocore's SageMaker model (moto has no inference components)."""

from __future__ import annotations

from typing import Any

import pytest

from sagemaker_iac.targets.cloudformation.render import COMPONENT_FILE
from support.cfn_eval import Stack
from support.cfn_lint import cfn_lint
from support.readers import load_cfn
from support.training_inputs import botocore_errors

pytestmark = [pytest.mark.cfnlint]

TGI = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.3.0"
PARAMETERS = {
    "EndpointName": "llm",
    "ImageUri": TGI,
    "HfModelId": "meta-llama/Llama-3.2-1B",
    "ExecutionRoleArn": "arn:aws:iam::123456789012:role/host",
    "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k",
    "AcceleratorDevices": "2",
    "CopyCount": "3",
}
NUMBERS = {
    "InitialInstanceCount",
    "CopyCount",
    "MinMemoryRequiredInMb",
    "NumberOfAcceleratorDevicesRequired",
    "NumberOfCpuCoresRequired",
}


def _request(node: Any, names: dict[str, str]) -> Any:
    """Properties as CloudFormation sends them: numbers typed, other resources' names known."""
    if isinstance(node, dict) and "Fn::GetAtt" in node:
        return names[node["Fn::GetAtt"][0]]
    if isinstance(node, dict):
        return {k: int(v) if k in NUMBERS else _request(v, names) for k, v in node.items()}
    if isinstance(node, list):
        return [_request(item, names) for item in node]
    return node


def test_the_component_template_lints_clean(out_dir):
    assert cfn_lint((out_dir / COMPONENT_FILE).read_text(), ["us-east-1", "eu-west-1"]) == []


def test_its_requests_are_ones_sagemaker_accepts(out_dir):
    stack = Stack(load_cfn(out_dir / COMPONENT_FILE), PARAMETERS, "us-east-1")
    assert stack.failed_rules() == []
    names = {"Endpoint": "llm", "EndpointConfig": "llm-config", "Model": "llm-model"}
    component = _request(stack.properties("Component"), names)
    assert component == {
        "InferenceComponentName": "llm-component",
        "EndpointName": "llm",
        "VariantName": "AllTraffic",
        "Specification": {
            "ModelName": "llm-model",
            "ComputeResourceRequirements": {
                "MinMemoryRequiredInMb": 1024,
                "NumberOfAcceleratorDevicesRequired": 2,
            },
        },
        "RuntimeConfig": {"CopyCount": 3},
    }
    assert botocore_errors("CreateInferenceComponent", component) == ""
    config = _request(stack.properties("EndpointConfig"), names)
    (variant,) = config["ProductionVariants"]
    assert "ModelName" not in variant  # the components say what runs
    request = {"EndpointConfigName": "llm-config", **config}
    assert botocore_errors("CreateEndpointConfig", request) == ""
    model = stack.properties("Model")
    assert model["PrimaryContainer"]["Environment"] == {
        "HF_MODEL_ID": "meta-llama/Llama-3.2-1B",
        "SM_NUM_GPUS": "2",
    }


def test_a_component_serves_a_model(out_dir):
    template = load_cfn(out_dir / COMPONENT_FILE)
    nothing = {**PARAMETERS, "HfModelId": ""}
    assert Stack(template, nothing, "us-east-1").failed_rules() == ["SomethingToServe"]
    archive = {**nothing, "ModelDataUrl": "s3://models/m/model.tar.gz"}
    assert Stack(template, archive, "us-east-1").failed_rules() == []
