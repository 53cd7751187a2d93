"""The examples use out/ as a user would; the same engines check them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cfn_eval import Stack
from support.cfn_lint import cfn_lint
from support.cli import invoke
from support.paths import ROOT
from support.readers import load_cfn
from support.terraform import TERRAFORM, terraform

pytestmark = [pytest.mark.terraform, pytest.mark.cfnlint]

EXAMPLES = ROOT / "examples"


@pytest.mark.skipif(not TERRAFORM.exists(), reason="needs the venv's terraform")
@pytest.mark.parametrize("region", ["eu-west-1", "cn-northwest-1"])
def test_terraform_image_lookup_plans_the_catalog_uris(catalog, tmp_path, monkeypatch, region):
    root = EXAMPLES / "terraform" / "image-lookup"
    # Keep Terraform's working data out of the repository.
    monkeypatch.setenv("TF_DATA_DIR", str(tmp_path / "tf-data"))
    terraform("init", "-backend=false", cwd=root)
    plan = tmp_path / "plan.bin"
    terraform("plan", f"-out={plan}", f"-var=region={region}", cwd=root)
    outputs = json.loads(terraform("show", "-json", str(plan), cwd=root).stdout)["planned_values"][
        "outputs"
    ]
    assert outputs["kmeans_image_uri"]["value"] == catalog.image_uri("kmeans", region)
    assert outputs["xgboost_image_uri"]["value"] == catalog.image_uri(
        "xgboost", region, "0.90-2-cpu-py3"
    )
    assert not (root / ".terraform").exists()


@pytest.mark.parametrize(
    "path", sorted((EXAMPLES / "cloudformation").glob("*.yaml")), ids=lambda p: p.name
)
def test_cloudformation_examples_lint_clean(catalog, path):
    assert cfn_lint(path.read_text(), catalog.for_algorithms().regions) == []


@pytest.mark.skipif(not TERRAFORM.exists(), reason="needs the venv's terraform")
def test_terraform_examples_are_fmt_clean(tmp_path):
    result = terraform(
        "fmt", "-check", "-recursive", "-diff", str(EXAMPLES), cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stdout


def _nested(parent: Path, parameters: dict[str, str], children: dict[str, Path]) -> dict:
    """The example's nested stacks as CloudFormation would create them (moto cannot read a
    nested stack's outputs): each child template evaluated with the parameters the parent
    passes it, a child's output read where the parent asks for it."""
    template = load_cfn(parent)
    outer = Stack(template, parameters, REGION)
    stacks: dict[str, Stack] = {}
    for name, resource in template["Resources"].items():
        if resource["Type"] != "AWS::CloudFormation::Stack":
            continue
        values = {}
        for key, value in resource["Properties"]["Parameters"].items():
            if isinstance(value, dict) and "Fn::GetAtt" in value:
                other, attribute = value["Fn::GetAtt"]
                if other in stacks:  # another nested stack's output
                    output = attribute.removeprefix("Outputs.")
                    values[key] = stacks[other].output(output)
                else:  # a resource of the parent, such as the key
                    values[key] = f"arn:aws:kms:{REGION}:123456789012:key/{other}"
            else:
                values[key] = outer.eval(value)
        stacks[name] = Stack(load_cfn(children[name]), values, REGION)
    return stacks


OUT = ROOT / "out" / "cloudformation"
REGION = "eu-west-1"


def test_the_llm_example_wires_the_tgi_image_into_the_model():
    stacks = _nested(
        EXAMPLES / "cloudformation" / "host-llm.yaml",
        {"WeightsS3Prefix": "s3://weights/gpt2/", "RoleArn": "arn:aws:iam::1:role/r"},
        {
            "Image": OUT / "frameworks" / "huggingface-llm-inference.yaml",
            "Model": OUT / "sagemaker-model.yaml",
        },
    )
    asked = f"huggingface-llm --version 2.0.2 --region {REGION} --instance-type ml.g5.2xlarge"
    uri = invoke(f"uri {asked} --scope inference".split()).stdout.strip()
    assert stacks["Image"].output("ImageUri") == uri
    model = stacks["Model"]
    assert model.failed_rules() == []
    container = model.properties("Model")["PrimaryContainer"]
    assert container["Image"] == uri
    assert container["Environment"] == {"HF_MODEL_ID": "/opt/ml/model", "SM_NUM_GPUS": "1"}
    assert container["ModelDataSource"]["S3DataSource"]["S3Uri"] == "s3://weights/gpt2/"
    assert model.condition("Scales")


@pytest.mark.parametrize("count", ["1", "2"])
def test_the_training_example_wires_the_pytorch_image_into_the_step(count):
    stacks = _nested(
        EXAMPLES / "cloudformation" / "train-pytorch-script.yaml",
        {"Bucket": "data", "RoleArn": "arn:aws:iam::1:role/r", "InstanceCount": count},
        {
            "Image": OUT / "frameworks" / "pytorch-training.yaml",
            "Training": OUT / "sagemaker-training.yaml",
        },
    )
    asked = f"pytorch --version 2.3.0 --py-version py311 --region {REGION} --processor gpu"
    uri = invoke(f"uri {asked} --scope training".split()).stdout.strip()
    assert stacks["Image"].output("ImageUri") == uri
    training = stacks["Training"]
    assert training.failed_rules() == []
    body = training.template["Resources"]["Pipeline"]["Properties"]["PipelineDefinition"]
    (step,) = json.loads(training.eval(body["PipelineDefinitionBody"]))["Steps"]
    assert step["Arguments"]["AlgorithmSpecification"]["TrainingImage"] == uri
    distributed = step["Arguments"]["HyperParameters"].get("sagemaker_torch_distributed_enabled")
    assert distributed == ("true" if count == "2" else None)


def test_the_jumpstart_example_hosts_the_gated_model_with_its_eula_accepted():
    parameters = {
        "JumpStartTemplateUrl": "https://bucket.s3.amazonaws.com/textgeneration-1.yaml",
        "RoleArn": "arn:aws:iam::123456789012:role/r",
    }
    children = {"Model": OUT / "jumpstart" / "textgeneration-1.yaml"}
    refused = _nested(EXAMPLES / "cloudformation" / "host-jumpstart-llm.yaml", parameters, children)
    assert refused["Model"].failed_rules()  # the EULA is not accepted by default
    stacks = _nested(
        EXAMPLES / "cloudformation" / "host-jumpstart-llm.yaml",
        {**parameters, "AcceptEula": "true"},
        children,
    )
    model = stacks["Model"]
    assert model.failed_rules() == []
    answer = json.loads(
        invoke(
            ["jumpstart", "meta-textgeneration-llama-3-1-8b-instruct", "--region", REGION, "--json"]
        ).stdout
    )
    container = model.properties("Model")["PrimaryContainer"]
    assert container["Image"] == answer["image_uri"] == model.output("ImageUri")
    assert container["Environment"] == answer["environment"]
    source = container["ModelDataSource"]["S3DataSource"]
    assert source["S3Uri"] == answer["model_data"]["s3_uri"]
    assert source["ModelAccessConfig"] == {"AcceptEula": True}
    assert model.condition("Endpoint")
