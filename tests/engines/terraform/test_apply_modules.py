"""The model and pipeline modules, applied as shipped: apply, plan, update, destroy.

Terraform >= 1.2 with the mirrored hashicorp/aws provider, against moto's server on a
loopback port. Elsewhere these tests skip and say why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apply_helpers import KMS_KEY, REGION, Root, unexplained, user_tree
from conftest import MIRROR_MARKS
from training_inputs import valid_job

pytestmark = MIRROR_MARKS


MODELS = {
    # name: (algorithm, instance type, expected scope)
    "kmeans-host": ("kmeans", "ml.m5.large", "inference"),
    "xgboost-gpu": ("xgboost", "ml.g4dn.xlarge", "inference"),
    "ic-tensorflow": ("image-classification-tensorflow", "ml.g4dn.xlarge", "inference"),
    "xgboost-arm": ("xgboost", "ml.c6g.xlarge", "inference_graviton"),
    # The longest valid name: every name derived from it stays within its limit.
    "k" * 62 + "9": ("kmeans", "ml.c5.large", "inference"),
}
# moto's CreateEndpointConfig knows an old list of instance types without Graviton ones
# (botocore's ProductionVariantInstanceType has them), so the Arm model gets no endpoint.
NO_ENDPOINT = {"xgboost-arm"}
PIPELINES = ("kmeans", "xgboost", "linear-learner")


def _modules_root(tree: Path, catalog) -> Path:
    folder = tree / "modules-root"
    folder.mkdir()
    pipelines = {}
    for key in PIPELINES:
        job = valid_job(catalog, key, REGION)
        pipelines[key] = {
            k: job[k] for k in ("instance_type", "input_mode", "output_s3_path", "hyperparameters")
        } | {"channels": job["channels"]}
    models = "\n".join(
        f"""
module "{name}" {{
  source = "../out/terraform/sagemaker-model"

  algorithm                     = "{algorithm}"
  name                          = "{name}"
  instance_type                 = lookup(var.instance_types, "{name}", "{instance}")
  model_data_url                = "s3://models/{name}/model.tar.gz"
  model_data_kms_key_arn        = {KMS_KEY}
  create_role                   = true
  role_path                     = "/sagemaker/"
  create_endpoint_configuration = {str(name not in NO_ENDPOINT).lower()}
  create_endpoint               = {str(name not in NO_ENDPOINT).lower()}
  kms_key_arn                   = {KMS_KEY}
}}

output "{name}" {{
  value = {{
    image_uri    = module.{name}.image_uri
    image_scope  = module.{name}.image_scope
    model        = module.{name}.model_name
    role         = module.{name}.role_arn
    config       = module.{name}.endpoint_configuration_name
    endpoint     = module.{name}.endpoint_name
  }}
}}
"""
        for name, (algorithm, instance, _) in MODELS.items()
    )
    (folder / "main.tf").write_text(
        f"""resource "aws_kms_key" "test" {{
  description             = "sagemaker-iac apply test"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}}

variable "instance_types" {{
  type    = map(string)
  default = {{}}
}}

variable "pipelines" {{
  type = any
}}
{models}
module "pipeline" {{
  source   = "../out/terraform/sagemaker-training-pipeline"
  for_each = var.pipelines

  algorithm       = each.key
  pipeline_name   = "train-${{each.key}}"
  create_role     = true
  instance_type   = each.value.instance_type
  input_mode      = each.value.input_mode
  output_s3_path  = each.value.output_s3_path
  hyperparameters = each.value.hyperparameters
  channels        = each.value.channels
}}

output "pipelines" {{
  value = {{
    for k, m in module.pipeline : k => {{ image_uri = m.image_uri, role = m.role_arn }}
  }}
}}
"""
    )
    (folder / "terraform.tfvars.json").write_text(json.dumps({"pipelines": pipelines}))
    return folder


@pytest.fixture(scope="module")
def applied(tmp_path_factory, moto_server, catalog):
    """The model module four times and the pipeline module three times, applied."""
    tmp = tmp_path_factory.mktemp("apply-modules")
    root = Root(_modules_root(user_tree(tmp), catalog), tmp, moto_server)
    first_plan = root.apply()
    yield root, first_plan
    root.run("destroy", "-auto-approve", "-refresh=false")


def test_models_are_created_with_the_catalog_image_role_and_key(applied, catalog):
    root, _ = applied
    outputs = root.outputs()
    sagemaker, iam = root.client("sagemaker"), root.client("iam")
    for name, (algorithm, instance, scope) in MODELS.items():
        out = outputs[name]
        tag = catalog.default_tag(algorithm, scope, instance)
        expected = catalog.image_uri(algorithm, REGION, tag, scope)
        assert out["image_scope"] == scope
        assert out["image_uri"] == expected
        model = sagemaker.describe_model(ModelName=out["model"])
        assert model["PrimaryContainer"]["Image"] == expected
        assert model["PrimaryContainer"]["ModelDataUrl"] == f"s3://models/{name}/model.tar.gz"
        assert model["ExecutionRoleArn"] == out["role"]
        role = iam.get_role(RoleName=out["role"].rsplit("/", 1)[1])["Role"]
        assert role["Path"] == "/sagemaker/" and len(role["RoleName"]) <= 64
        policy = iam.get_role_policy(RoleName=role["RoleName"], PolicyName="sagemaker-model")
        sids = {s["Sid"] for s in policy["PolicyDocument"]["Statement"]}
        assert {"ReadModel", "PullImage", "WriteLogs", "DecryptModel"} <= sids
        if name in NO_ENDPOINT:
            assert out["config"] is None and out["endpoint"] is None
            continue
        config = sagemaker.describe_endpoint_config(EndpointConfigName=out["config"])
        assert config["KmsKeyId"].startswith("arn:aws:kms:")
        (variant,) = config["ProductionVariants"]
        assert variant["InstanceType"] == instance and variant["ModelName"] == out["model"]
        endpoint = sagemaker.describe_endpoint(EndpointName=out["endpoint"])
        assert endpoint["EndpointConfigName"] == out["config"] and out["endpoint"] == name


def test_xgboost_on_gpu_takes_the_newest_tag(applied, catalog):
    outputs = applied[0].outputs()
    newest = catalog.algorithm("xgboost").default_tag
    assert outputs["xgboost-gpu"]["image_uri"].endswith(f"/sagemaker-xgboost:{newest}")
    assert outputs["xgboost-arm"]["image_uri"].endswith(":1.5-1-arm64")


def test_network_isolation_is_planned_on(applied):
    _, plan = applied
    models = [c for c in plan["resource_changes"] if c["type"] == "aws_sagemaker_model"]
    assert len(models) == len(MODELS)
    assert all(c["change"]["after"]["enable_network_isolation"] is True for c in models)


def test_pipelines_carry_the_catalog_request(applied, catalog):
    root, _ = applied
    outputs = root.outputs()["pipelines"]
    sagemaker, iam = root.client("sagemaker"), root.client("iam")
    assert sorted(outputs) == sorted(PIPELINES)
    for key, out in outputs.items():
        described = sagemaker.describe_pipeline(PipelineName=f"train-{key}")
        assert described["RoleArn"] == out["role"]
        (step,) = json.loads(described["PipelineDefinition"])["Steps"]
        image = step["Arguments"]["AlgorithmSpecification"]["TrainingImage"]
        tag = catalog.default_tag(key, "training", valid_job(catalog, key)["instance_type"])
        assert image == out["image_uri"] == catalog.image_uri(key, REGION, tag)
        role = out["role"].rsplit("/", 1)[1]
        policy = iam.get_role_policy(RoleName=role, PolicyName="sagemaker-training-pipeline")
        statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}
        assert {"ReadInputs", "WriteOutput", "PullImage", "PutMetrics", "PassOwnRole"} <= set(
            statements
        )
        assert statements["PassOwnRole"]["Resource"] == out["role"]
        metric = statements["PutMetrics"]["Condition"]["StringLike"]["cloudwatch:namespace"]
        assert metric == "/aws/sagemaker/*"


def test_a_plan_after_apply_changes_nothing_but_emulator_answers(applied):
    root, _ = applied
    assert unexplained(root.plan()) == []


def test_the_plan_check_is_able_to_fail():
    plan = {
        "resource_changes": [
            {
                "address": "x.aws_sagemaker_model.this",
                "type": "aws_sagemaker_model",
                "change": {
                    "actions": ["update"],
                    "before": {"execution_role_arn": "a", "tags": {}},
                    "after": {"execution_role_arn": "b", "tags": None},
                    "after_unknown": {},
                },
            },
            {
                "address": "x.aws_iam_role.this",
                "type": "aws_iam_role",
                "change": {"actions": ["delete"], "before": {}, "after": None},
            },
        ]
    }
    assert unexplained(plan) == [
        "x.aws_sagemaker_model.this: ['update'] execution_role_arn",
        "x.aws_iam_role.this: ['delete'] <deleted>",
    ]


def test_a_new_instance_type_rolls_the_endpoint_to_a_new_configuration(applied):
    root, _ = applied
    sagemaker = root.client("sagemaker")
    before = root.outputs()["kmeans-host"]
    root.apply_now('-var=instance_types={"kmeans-host" = "ml.c5.large"}')
    after = root.outputs()["kmeans-host"]
    assert after["config"] != before["config"]
    endpoint = sagemaker.describe_endpoint(EndpointName="kmeans-host")
    assert endpoint["EndpointConfigName"] == after["config"]
    config = sagemaker.describe_endpoint_config(EndpointConfigName=after["config"])
    assert config["ProductionVariants"][0]["InstanceType"] == "ml.c5.large"
    names = {c["EndpointConfigName"] for c in sagemaker.list_endpoint_configs()["EndpointConfigs"]}
    assert before["config"] not in names and after["config"] in names
