"""JumpStart models hosted by sagemaker-model, applied against moto's server with the
mirrored hashicorp/aws provider: a gated model (its EULA accepted) and an open one behind
a scaling endpoint; DescribeModel equals `sagemaker-iac jumpstart --json`; the plan after
the apply changes nothing unexplained; destroy leaves nothing."""

from __future__ import annotations

import json
from pathlib import Path

from support.apply import REGION, Root, unexplained
from support.cli import invoke
from support.paths import user_tree
from support.terraform import MIRROR_MARKS

pytestmark = MIRROR_MARKS

GATED = "meta-textgeneration-llama-3-1-8b-instruct"
OPEN = "huggingface-asr-whisper-base"
# moto's CreateEndpointConfig knows no ml.g5 type: the open model on a GPU it knows.
OPEN_TYPE = "ml.g4dn.2xlarge"
EXAMPLE = Path("examples") / "terraform" / "host-jumpstart-llm"


def answer(model_id: str, *extra: str) -> dict:
    result = invoke(["jumpstart", model_id, "--region", REGION, "--json", *extra])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def described(root: Root, model_name: str) -> dict:
    """The container's image, environment and model data source, as DescribeModel says."""
    container = root.client("sagemaker").describe_model(ModelName=model_name)["PrimaryContainer"]
    return {k: container.get(k) for k in ("Image", "Environment", "ModelDataSource")}


def expected_container(hosting: dict, accept_eula: bool) -> dict:
    source = {
        "S3Uri": hosting["model_data"]["s3_uri"],
        "S3DataType": hosting["model_data"]["s3_data_type"],
        "CompressionType": hosting["model_data"]["compression_type"],
    }
    if accept_eula:
        source["ModelAccessConfig"] = {"AcceptEula": True}
    return {
        "Image": hosting["image_uri"],
        "Environment": hosting["environment"],
        "ModelDataSource": {"S3DataSource": source},
    }


def test_a_gated_and_an_open_model_apply_as_the_catalog_answers(tmp_path, moto_server):
    tree = user_tree(tmp_path)
    folder = tree / "jumpstart"
    folder.mkdir()
    (folder / "main.tf").write_text(
        f"""
module "gated" {{
  source             = "../out/terraform/sagemaker-model"
  jumpstart_model_id = "{GATED}"
  accept_eula        = true
  name               = "gated"
  create_role        = true
}}

module "open" {{
  source                         = "../out/terraform/sagemaker-model"
  jumpstart_model_id             = "{OPEN}"
  instance_type                  = "{OPEN_TYPE}"
  name                           = "open"
  create_role                    = true
  create_endpoint_configuration  = true
  create_endpoint                = true
  kms_key_arn                    = "arn:aws:kms:{REGION}:123456789012:key/k"
  autoscaling_max_capacity       = 2
  autoscaling_target_invocations = 10
}}

output "gated" {{
  value = module.gated.model_name
}}

output "open" {{
  value = {{ model = module.open.model_name, endpoint = module.open.endpoint_name }}
}}
"""
    )
    root = Root(folder, tmp_path, moto_server)
    root.apply()
    outputs = root.outputs()
    gated = answer(GATED)
    assert gated["requires_eula"] is True and gated["model_data"]["s3_data_type"] == "S3Prefix"
    assert described(root, outputs["gated"]) == expected_container(gated, accept_eula=True)
    open_ = answer(OPEN, "--instance-type", OPEN_TYPE)
    assert open_["requires_eula"] is False
    assert described(root, outputs["open"]["model"]) == expected_container(open_, False)
    sagemaker = root.client("sagemaker")
    endpoint = sagemaker.describe_endpoint(EndpointName=outputs["open"]["endpoint"])
    config = sagemaker.describe_endpoint_config(EndpointConfigName=endpoint["EndpointConfigName"])
    assert [v["InstanceType"] for v in config["ProductionVariants"]] == [OPEN_TYPE]
    assert unexplained(root.plan()) == []
    root.run("destroy", "-auto-approve")
    assert root.managed_types() == set()


def test_the_example_plans_the_gated_default_and_applies_another_model(tmp_path, moto_server):
    root = Root(user_tree(tmp_path) / EXAMPLE, tmp_path, moto_server)
    key = root.client("kms").create_key()["KeyMetadata"]["Arn"]
    refused = root.run("plan", f"-var=kms_key_arn={key}", check=False)
    assert refused.returncode == 1
    assert "set accept_eula = true" in " ".join(refused.stderr.split())
    accepted = root.plan(f"-var=kms_key_arn={key}", "-var=accept_eula=true")
    models = [
        c["change"]["after"]
        for c in accepted["resource_changes"]
        if c["type"] == "aws_sagemaker_model"
    ]
    gated = answer(GATED)
    (container,) = models[0]["primary_container"]
    assert container["image"] == gated["image_uri"]
    assert container["environment"] == gated["environment"]
    (source,) = container["model_data_source"][0]["s3_data_source"]
    assert source["s3_uri"] == gated["model_data"]["s3_uri"]
    assert source["model_access_config"] == [{"accept_eula": True}]
    # moto hosts no ml.g5 endpoint: the apply hosts the open model on a type it knows.
    variables = (
        f"-var=kms_key_arn={key}",
        f"-var=model_id={OPEN}",
        f"-var=instance_type={OPEN_TYPE}",
    )
    root.apply(*variables)
    image = root.outputs()["image_uri"]
    assert image == answer(OPEN, "--instance-type", OPEN_TYPE)["image_uri"]
    assert unexplained(root.plan(*variables)) == []
    root.run("destroy", "-auto-approve", *variables)
    assert root.managed_types() == set()
