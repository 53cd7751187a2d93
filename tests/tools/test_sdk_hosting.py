"""The model module's CreateModel and CreateEndpointConfig against the SageMaker Python
SDK's own, for a PyTorch model, a Hugging Face TGI model and an LMI (DJL) model.

The SDK v2 (.venv-sdk-train) deploys each case against the moto server the tests start
(sdk_hosting.py records the requests it sends); the module hosts the same model with the
same arguments on the same server with the real provider. Every field either sends is
compared, except what DIFFERENCES names.
"""

from __future__ import annotations

import io
import json
import tarfile
from typing import Any

import pytest

from sagemaker_iac.targets.cloudformation.render import MODEL_FILE
from support.apply import REGION, Root
from support.cfn_eval import Stack
from support.paths import user_tree
from support.readers import load_cfn
from support.sdk_train import SDK_MARKS, ask_sdk
from support.terraform import MIRROR_MARKS

pytestmark = [*SDK_MARKS, *MIRROR_MARKS]

ROLE = "arn:aws:iam::123456789012:role/host"
GPU = "ml.g4dn.2xlarge"  # moto's CreateEndpointConfig knows no ml.g5 type
ARCHIVE = "s3://models/pytorch/model.tar.gz"
# name -> (the module's arguments, the SDK's model class, its arguments, image_uris
# arguments where the SDK is given an image, deploy's instance type)
CASES: dict[str, tuple[dict[str, Any], str, dict[str, Any], dict[str, Any] | None, str]] = {
    "pytorch-model": (
        {
            "framework": "pytorch",
            "framework_version": "2.3.0",
            "py_version": "py311",
            "entry_point": "inference.py",
            "model_data_url": ARCHIVE,
            "instance_type": "ml.m5.xlarge",
        },
        "pytorch",
        {
            "entry_point": "inference.py",
            "framework_version": "2.3.0",
            "py_version": "py311",
            "model_data": ARCHIVE,
        },
        None,
        "ml.m5.xlarge",
    ),
    "tgi-model": (
        {
            "framework": "huggingface-llm",
            "framework_version": "2.0.2",
            "model_data_s3_prefix": "s3://models/llm/",
            "environment": {"HF_MODEL_ID": "/opt/ml/model"},
            "instance_type": GPU,
        },
        "huggingface",
        {
            "model_data": {
                "S3DataSource": {
                    "S3Uri": "s3://models/llm/",
                    "S3DataType": "S3Prefix",
                    "CompressionType": "None",
                }
            },
            # The module sets SM_NUM_GPUS from the instance type, as the SDK's model builder
            # does; the SDK's HuggingFaceModel takes it from its caller.
            "env": {"HF_MODEL_ID": "/opt/ml/model", "SM_NUM_GPUS": "1"},
        },
        {"framework": "huggingface-llm", "version": "2.0.2", "instance_type": GPU},
        GPU,
    ),
    "lmi-model": (
        {
            "framework": "djl-lmi",
            "framework_version": "0.30.0",
            "model_data_url": "s3://models/lmi/model.tar.gz",
            "environment": {"OPTION_ROLLING_BATCH": "lmi-dist"},
            "instance_type": GPU,
        },
        "model",
        {
            "model_data": "s3://models/lmi/model.tar.gz",
            "env": {"OPTION_ROLLING_BATCH": "lmi-dist"},
        },
        {"framework": "djl-lmi", "version": "0.30.0", "instance_type": GPU},
        GPU,
    ),
}
# What the two send differently, and why that is kept:
DIFFERENCES = {
    # The module names its model and configuration (the endpoint name and a digest), as the
    # issue allows for names.
    "names": ("ModelName", "EndpointConfigName"),
    # The SDK repacks the PyTorch archive with the script and uploads it to its own bucket
    # (the code upload location); the module hosts the archive as given, whose code/ holds
    # the script as the SDK's repack lays it out.
    "pytorch-model": ("PrimaryContainer.ModelDataUrl",),
    # HuggingFaceModel sends the script-mode variables, empty, for a container without a
    # script; the module sends them only with entry_point.
    "tgi-model": (
        "PrimaryContainer.Environment.SAGEMAKER_PROGRAM",
        "PrimaryContainer.Environment.SAGEMAKER_SUBMIT_DIRECTORY",
        "PrimaryContainer.Environment.SAGEMAKER_CONTAINER_LOG_LEVEL",
        "PrimaryContainer.Environment.SAGEMAKER_REGION",
    ),
}


def _drop(request: dict[str, Any], paths: tuple[str, ...], sent: bool = True) -> dict[str, Any]:
    """REQUEST without PATHS (each must be there when SENT)."""
    kept = json.loads(json.dumps(request))
    for path in paths:
        *parents, last = path.split(".")
        node = kept
        for part in parents:
            node = node.get(part, {})
        if sent or last in node:
            del node[last]
    return kept


def _hcl(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_hcl(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory, moto_server):
    """Both sides' requests: (the SDK's, the module's as planned and applied)."""
    tmp = tmp_path_factory.mktemp("sdk-hosting")
    folder = user_tree(tmp) / "hosting"
    folder.mkdir()
    calls = [
        'resource "aws_kms_key" "test" {\n  description = "sdk comparison"\n}\n',
        *(
            "\n".join(
                [f'module "{name}" {{', '  source = "../out/terraform/sagemaker-model"']
                + [
                    f"  {k} = {_hcl(v)}"
                    for k, v in {
                        **arguments,
                        "name": name,
                        "execution_role_arn": ROLE,
                        "create_endpoint_configuration": True,
                        "create_endpoint": True,
                    }.items()
                ]
                + ["  kms_key_arn = aws_kms_key.test.arn", "}", ""]
            )
            for name, (arguments, *_) in CASES.items()
        ),
        'output "kms_key_arn" {\n  value = aws_kms_key.test.arn\n}\n',
    ]
    (folder / "main.tf").write_text("\n".join(calls))
    root = Root(folder, tmp, moto_server)
    plan = root.apply()
    key = root.outputs()["kms_key_arn"]  # unknown when planned: the key is made in the apply
    # The archive the SDK repacks: a model file in a tar.gz.
    s3 = root.client("s3")
    s3.create_bucket(Bucket="models")
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        weights = tarfile.TarInfo("model.pth")
        weights.size = 7
        tar.addfile(weights, io.BytesIO(b"weights"))
    s3.put_object(Bucket="models", Key="pytorch/model.tar.gz", Body=archive.getvalue())
    s3.create_bucket(Bucket="sdk-artifacts")
    cases = {
        f"sdk-{name}": {
            "model": model,
            "kwargs": {**kwargs, "role": ROLE, "enable_network_isolation": True},
            "image": image,
            "deploy": {"instance_type": instance, "initial_instance_count": 1, "kms_key": key},
            "entry_point_source": "def model_fn(model_dir):\n    return None\n"
            if "entry_point" in kwargs
            else None,
        }
        for name, (_, model, kwargs, image, instance) in CASES.items()
    }
    credentials = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}
    env = {"AWS_ENDPOINT_URL": moto_server, "AWS_DEFAULT_REGION": REGION, **credentials}
    sdk = ask_sdk("sdk_hosting.py", cases, tmp, env)
    yield sdk, plan, key
    root.run("destroy", "-auto-approve")


def _after(plan: dict[str, Any], address: str) -> dict[str, Any]:
    (change,) = [c for c in plan["resource_changes"] if c["address"] == address]
    return change["change"]["after"]


def module_requests(plan: dict[str, Any], name: str, key: str) -> dict[str, Any]:
    """The module's CreateModel and CreateEndpointConfig, from the planned arguments (the
    key, made in the same apply, from its output)."""
    model = _after(plan, f"module.{name}.aws_sagemaker_model.this")
    (container,) = model["primary_container"]
    primary: dict[str, Any] = {"Image": container["image"]}
    if container["environment"]:
        primary["Environment"] = container["environment"]
    if container["model_data_url"]:
        primary["ModelDataUrl"] = container["model_data_url"]
    for source in container.get("model_data_source") or []:
        (s3,) = source["s3_data_source"]
        primary["ModelDataSource"] = {
            "S3DataSource": {
                "S3Uri": s3["s3_uri"],
                "S3DataType": s3["s3_data_type"],
                "CompressionType": s3["compression_type"],
            }
        }
    config = _after(plan, f"module.{name}.aws_sagemaker_endpoint_configuration.this[0]")
    variants = [
        {
            "VariantName": v["variant_name"],
            "InitialVariantWeight": v["initial_variant_weight"],
            "InitialInstanceCount": v["initial_instance_count"],
            "InstanceType": v["instance_type"],
        }
        for v in config["production_variants"]
    ]
    return {
        "CreateModel": {
            "ExecutionRoleArn": model["execution_role_arn"],
            "PrimaryContainer": primary,
            "EnableNetworkIsolation": model["enable_network_isolation"],
        },
        "CreateEndpointConfig": {"ProductionVariants": variants, "KmsKeyId": key},
    }


def sdk_requests(sdk: dict[str, Any], name: str) -> dict[str, Any]:
    sent = sdk[f"sdk-{name}"]
    model = _drop(sent["CreateModel"], ("ModelName", *DIFFERENCES.get(name, ())))
    config = {k: v for k, v in sent["CreateEndpointConfig"].items() if k != "EndpointConfigName"}
    config["ProductionVariants"] = [
        {k: v for k, v in variant.items() if k != "ModelName"}
        for variant in config["ProductionVariants"]
    ]
    return {"CreateModel": model, "CreateEndpointConfig": config}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_model_and_its_endpoint_configuration_are_the_sdks(name, hosted):
    sdk, plan, key = hosted
    config = f"module.{name}.aws_sagemaker_endpoint_configuration.this[0]"
    (change,) = [c for c in plan["resource_changes"] if c["address"] == config]
    assert change["change"]["after_unknown"]["kms_key_arn"] is True  # the key, set
    module = module_requests(plan, name, key)
    if name == "pytorch-model":
        assert module["CreateModel"]["PrimaryContainer"]["ModelDataUrl"] == ARCHIVE
    module["CreateModel"] = _drop(module["CreateModel"], DIFFERENCES.get(name, ()), sent=False)
    assert module == sdk_requests(sdk, name)


def test_the_differences_are_really_sent_by_the_sdk(hosted):
    sdk, _, _ = hosted
    for name in CASES:
        sent = sdk[f"sdk-{name}"]["CreateModel"]
        _drop(sent, DIFFERENCES.get(name, ()))  # raises KeyError on a name the SDK did not send
        assert set(DIFFERENCES["names"]) & (
            set(sent) | set(sdk[f"sdk-{name}"]["CreateEndpointConfig"])
        ) == set(DIFFERENCES["names"])


# The model template's parameters for each case (the image the module resolved, as a
# frameworks/ template's output or `uri` gives it to CloudFormation).
CFN_PARAMETERS = {
    "pytorch-model": {"EntryPoint": "inference.py", "ModelDataUrl": ARCHIVE},
    "tgi-model": {"ModelDataS3Prefix": "s3://models/llm/", "HfModelId": "/opt/ml/model"},
}


@pytest.mark.parametrize("name", sorted(CFN_PARAMETERS))
def test_the_cloudformation_model_is_the_sdks(name, hosted, out_dir):
    sdk, plan, _ = hosted
    image = module_requests(plan, name, "")["CreateModel"]["PrimaryContainer"]["Image"]
    parameters = {
        "ModelName": name,
        "ExecutionRoleArn": ROLE,
        "ImageUri": image,
        "InstanceType": CASES[name][4],
        **CFN_PARAMETERS[name],
    }
    model = Stack(load_cfn(out_dir / MODEL_FILE), parameters, REGION).properties("Model")
    model = _drop(model, DIFFERENCES.get(name, ()), sent=False)
    # CloudFormation turns the parameter's string into the property's Boolean.
    model["EnableNetworkIsolation"] = {"true": True, "false": False}[
        model["EnableNetworkIsolation"]
    ]
    assert model == _drop(
        sdk[f"sdk-{name}"]["CreateModel"], ("ModelName", *DIFFERENCES.get(name, ()))
    )
