"""The example root and the model and pipeline modules, applied as shipped against moto's
server with the mirrored hashicorp/aws provider: apply, plan, update, destroy; and the
plans that must fail, saying why.

One root: the example folder, unedited, with two files added (the provider override and
the modules under test), so that each Terraform command (seconds each, mostly the
provider's CPU) serves both. Elsewhere these tests skip and say why.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sagemaker_iac.api import framework_image
from support.apply import KMS_KEY, REGION, Root, unexplained
from support.cli import invoke
from support.paths import FIXTURES, user_tree
from support.terraform import MIRROR_MARKS
from support.training_inputs import valid_job

pytestmark = MIRROR_MARKS

EXAMPLE = Path("examples") / "terraform" / "train-and-host-kmeans"


MODELS = {
    # name: (algorithm, instance type, expected scope)
    "kmeans-host": ("kmeans", "ml.m5.large", "inference"),
    "xgboost-gpu": ("xgboost", "ml.g4dn.xlarge", "inference"),
    "ic-tensorflow": ("image-classification-tensorflow", "ml.g4dn.xlarge", "inference"),
    "xgboost-arm": ("xgboost", "ml.c6g.xlarge", "inference_graviton"),
    # The longest valid name: every name derived from it stays within its limit.
    "k" * 62 + "9": ("kmeans", "ml.c5.large", "inference"),
}
# Models of the other image sources: name -> (the module's image arguments, instance type).
# The framework ones get the image `sagemaker-iac uri` answers for the same arguments.
SOURCE_MODELS = {
    "pytorch-host": (
        {
            "framework": "pytorch",
            "framework_version": "2.1",
            "py_version": "py310",
            "entry_point": "inference.py",
            "source_dir": "s3://code/pytorch/sourcedir.tar.gz",
        },
        "ml.g4dn.xlarge",
    ),
    "tgi-host": (
        {
            "framework": "huggingface-llm",
            "framework_version": "2.0",
            "environment": {"HF_MODEL_ID": "/opt/ml/model", "SM_NUM_GPUS": "1"},
            "model_data_s3_prefix": "s3://weights/gpt2",
        },
        "ml.g4dn.xlarge",
    ),
    "lmi-host": ({"framework": "djl-lmi"}, "ml.g4dn.xlarge"),
    "custom-host": (
        {"image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-server:1.0"},
        "ml.m5.large",
    ),
    "private-host": ({"image_uri": "registry.example.com/team/server:1.0"}, "ml.m5.large"),
}
# Endpoint kinds: name -> the module's arguments beside the image (a framework CPU image).
KIND_MODELS = {
    "serverless-host": {
        "serverless_memory_size_in_mb": 2048,
        "serverless_max_concurrency": 10,
        "serverless_provisioned_concurrency": 2,
        "enable_network_isolation": False,
    },
    "autoscaled-host": {
        "autoscaling_min_capacity": 1,
        "autoscaling_max_capacity": 4,
        "autoscaling_target_invocations": 70,
    },
    "async-host": {
        "async_output_s3_path": "s3://async-results/out",
        "async_failure_s3_path": "s3://async-results/failed",
        "async_success_topic_arn": "${aws_sns_topic.done.arn}",
        "async_error_topic_arn": "${aws_sns_topic.failed.arn}",
        "async_kms_key_arn": "${aws_kms_key.test.arn}",
        "async_max_concurrent_invocations_per_instance": 4,
    },
}
# The container environment each gets: script mode as the SDK's framework models set it
# (SAGEMAKER_PROGRAM, SAGEMAKER_SUBMIT_DIRECTORY, the log level 20, the region), or the
# serving container's own options as given.
ENVIRONMENTS = {
    "pytorch-host": {
        "SAGEMAKER_PROGRAM": "inference.py",
        "SAGEMAKER_SUBMIT_DIRECTORY": "s3://code/pytorch/sourcedir.tar.gz",
        "SAGEMAKER_CONTAINER_LOG_LEVEL": "20",
        "SAGEMAKER_REGION": REGION,
    },
    "tgi-host": {"HF_MODEL_ID": "/opt/ml/model", "SM_NUM_GPUS": "1"},
}
# The repository each created role may pull from (None: not an ECR image, no statement).
PULLS = {
    "pytorch-host": "arn:aws:ecr:us-east-1:763104351884:repository/pytorch-inference",
    "tgi-host": "arn:aws:ecr:us-east-1:763104351884:repository/huggingface-pytorch-tgi-inference",
    "custom-host": "arn:aws:ecr:us-east-1:123456789012:repository/my-server",
    "private-host": None,
}
# moto's CreateEndpointConfig knows an old list of instance types without Graviton ones
# (botocore's ProductionVariantInstanceType has them), so the Arm model gets no endpoint.
NO_ENDPOINT = {"xgboost-arm"}
PIPELINES = ("kmeans", "xgboost", "linear-learner")


class Raw(str):
    """An HCL expression, written as it is (any other value is written as JSON)."""


# Every model module's outputs, under the names the tests read them by.
MODEL_OUTPUTS = {
    "image_uri": "image_uri",
    "image_scope": "image_scope",
    "model": "model_name",
    "role": "role_arn",
    "config": "endpoint_configuration_name",
    "endpoint": "endpoint_name",
    "scaling": "autoscaling_policy_arn",
}


def _model_module(name: str, arguments: dict) -> str:
    """A sagemaker-model call and an output with its outputs, both named NAME."""
    body = "".join(
        f"  {k} = {v if isinstance(v, Raw) else json.dumps(v)}\n" for k, v in arguments.items()
    )
    values = "".join(f"    {k} = module.{name}.{o}\n" for k, o in MODEL_OUTPUTS.items())
    return (
        f'\nmodule "{name}" {{\n  source = "../../../out/terraform/sagemaker-model"\n{body}}}\n'
        f'\noutput "{name}" {{\n  value = {{\n{values}  }}\n}}\n'
    )


FRAMEWORK_CODE = "s3://kmeans-data/code/sourcedir.tar.gz"


def _archive(name: str) -> str:
    return f"s3://models/{name}/model.tar.gz"


def _modules_under_test(folder: Path, catalog) -> None:
    """The modules under test, written beside the example's own files."""
    pipelines = {}
    for key in PIPELINES:
        job = valid_job(catalog, key, REGION)
        pipelines[key] = {
            k: job[k] for k in ("instance_type", "input_mode", "output_s3_path", "hyperparameters")
        } | {"channels": job["channels"]}
    models = "\n".join(
        _model_module(
            name,
            {
                "algorithm": algorithm,
                "name": name,
                "instance_type": Raw(f'lookup(var.instance_types, "{name}", "{instance}")'),
                "model_data_url": _archive(name),
                "model_data_kms_key_arn": Raw(KMS_KEY),
                "create_role": True,
                "role_path": "/sagemaker/",
                "create_endpoint_configuration": name not in NO_ENDPOINT,
                "create_endpoint": name not in NO_ENDPOINT,
                "kms_key_arn": Raw(KMS_KEY),
            },
        )
        for name, (algorithm, instance, _) in MODELS.items()
    )
    hosted = {"create_role": True, "create_endpoint_configuration": True, "create_endpoint": True}
    hosted["kms_key_arn"] = Raw(KMS_KEY)
    for name, (source, instance) in SOURCE_MODELS.items():
        data = {} if "model_data_s3_prefix" in source else {"model_data_url": _archive(name)}
        arguments = {**source, "name": name, "instance_type": instance, **data, **hosted}
        models += _model_module(name, arguments)
    for name, arguments in KIND_MODELS.items():
        framework = {"framework": "sklearn", "framework_version": "1.2-1", "name": name}
        models += _model_module(
            name, {**framework, "model_data_url": _archive(name), **hosted, **arguments}
        )
    models += """
resource "aws_sns_topic" "done" {
  name = "async-done"
}

resource "aws_sns_topic" "failed" {
  name = "async-failed"
}
"""
    (folder / "modules_under_test.tf").write_text(
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
  source   = "../../../out/terraform/sagemaker-training-pipeline"
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

module "framework_pipeline" {{
  source = "../../../out/terraform/sagemaker-training-pipeline"

  framework          = "pytorch"
  framework_version  = "2.3.0"
  py_version         = "py311"
  entry_point        = "train.py"
  source_dir         = "{FRAMEWORK_CODE}"
  distribution       = "torch_distributed"
  instance_type      = "ml.p4d.24xlarge"
  instance_count     = 2
  pipeline_name      = "train-pytorch-script"
  create_role        = true
  output_s3_path     = "s3://kmeans-data/pytorch/output"
  hyperparameters    = {{ epochs = 2, lr = 0.1 }}
  channels           = {{ train = {{ s3_uri = "s3://kmeans-data/pytorch/train/" }} }}
  metric_definitions = [{{ name = "loss", regex = "loss=([0-9.]+)" }}]
  checkpoint_s3_uri  = "s3://kmeans-data/pytorch/checkpoints"
}}

output "framework_pipeline" {{
  value = {{
    definition = module.framework_pipeline.pipeline_definition
    image_uri  = module.framework_pipeline.image_uri
    role       = module.framework_pipeline.role_arn
  }}
}}
"""
    )
    (folder / "terraform.tfvars.json").write_text(json.dumps({"pipelines": pipelines}))


@pytest.fixture(scope="module")
def applied(tmp_path_factory, moto_server, catalog):
    """Step 1 of the example (no model yet) and every module under test, applied."""
    tmp = tmp_path_factory.mktemp("apply")
    folder = user_tree(tmp) / EXAMPLE
    _modules_under_test(folder, catalog)
    root = Root(folder, tmp, moto_server)
    key = root.client("kms").create_key()["KeyMetadata"]["Arn"]
    variables = ("-var=bucket=kmeans-data", f"-var=kms_key_arn={key}")
    first_plan = root.apply(*variables)
    yield root, variables, first_plan
    root.run("destroy", "-auto-approve", "-refresh=false", *variables, MODEL_DATA_VAR)
    assert root.managed_types() == set()  # destroy leaves nothing in the state


MODEL_URL = "s3://kmeans-data/kmeans/output/pipelines-abc-Train-x/output/model.tar.gz"
MODEL_DATA_VAR = f"-var=model_data_url={MODEL_URL}"


@pytest.fixture(scope="module")
def second_step(applied):
    """Step 2 of the example (the model, from a pipeline run's artifacts) and a new
    instance type for one model module, in one apply; the outputs before and after."""
    root, variables, _ = applied
    before = root.outputs()
    root.apply_now(
        *variables, MODEL_DATA_VAR, '-var=instance_types={"kmeans-host" = "ml.c5.large"}'
    )
    return before, root.outputs()


def _example_changes(plan):
    return [
        c
        for c in plan["resource_changes"]
        if c["address"].startswith(("module.training.", "module.model["))
    ]


def test_the_example_plans_only_its_pipeline_first(applied):
    _, _, plan = applied
    changes = _example_changes(plan)
    assert {c["type"] for c in changes if c["mode"] == "managed"} == {
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_sagemaker_pipeline",
    }


def test_models_are_created_with_the_catalog_image_role_and_key(applied, catalog):
    root, _, _ = applied
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
        assert model["PrimaryContainer"]["ModelDataUrl"] == _archive(name)
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


def test_framework_and_custom_images_are_hosted_as_uri_answers(applied, catalog):
    root, _, _ = applied
    outputs = root.outputs()
    sagemaker = root.client("sagemaker")
    for name, (source, instance) in SOURCE_MODELS.items():
        out = outputs[name]
        if "framework" in source:
            expected = framework_image(
                catalog,
                source["framework"],
                REGION,
                version=source.get("framework_version"),
                py_version=source.get("py_version"),
                scope="inference",
                instance_type=instance,
            ).uri
        else:
            expected = source["image_uri"]
        assert out["image_uri"] == expected and out["image_scope"] is None, name
        model = sagemaker.describe_model(ModelName=out["model"])
        assert model["PrimaryContainer"]["Image"] == expected
        assert model["PrimaryContainer"].get("Environment", {}) == ENVIRONMENTS.get(name, {})
        if name == "tgi-host":  # uncompressed weights, read as they are
            assert "ModelDataUrl" not in model["PrimaryContainer"]
            assert model["PrimaryContainer"]["ModelDataSource"] == {
                "S3DataSource": {
                    "S3Uri": "s3://weights/gpt2/",
                    "S3DataType": "S3Prefix",
                    "CompressionType": "None",
                }
            }
        endpoint = sagemaker.describe_endpoint(EndpointName=out["endpoint"])
        config = sagemaker.describe_endpoint_config(
            EndpointConfigName=endpoint["EndpointConfigName"]
        )
        assert config["ProductionVariants"][0]["InstanceType"] == instance
    assert "-gpu-" in outputs["pytorch-host"]["image_uri"]  # the processor from the instance
    iam = root.client("iam")
    for name, repository in PULLS.items():
        role = outputs[name]["role"].rsplit("/", 1)[1]
        policy = iam.get_role_policy(RoleName=role, PolicyName="sagemaker-model")
        statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}
        assert statements.get("PullImage", {}).get("Resource") == repository, name
        files = sorted(_listed(statements.get("ReadModelFiles", {}).get("Resource", [])))
        assert files == (
            ["arn:aws:s3:::weights", "arn:aws:s3:::weights/gpt2*"] if name == "tgi-host" else []
        )
        code = statements.get("ReadCode", {}).get("Resource")
        assert code == (
            "arn:aws:s3:::code/pytorch/sourcedir.tar.gz" if name == "pytorch-host" else None
        )


def test_serverless_and_async_endpoints_are_configured_as_asked(applied):
    root, _, _ = applied
    outputs = root.outputs()
    sagemaker, iam = root.client("sagemaker"), root.client("iam")
    serverless = sagemaker.describe_endpoint_config(
        EndpointConfigName=outputs["serverless-host"]["config"]
    )
    (variant,) = serverless["ProductionVariants"]
    assert "InstanceType" not in variant and "InitialInstanceCount" not in variant
    assert variant["ServerlessConfig"] == {
        "MemorySizeInMB": 2048,
        "MaxConcurrency": 10,
        "ProvisionedConcurrency": 2,
    }
    asynchronous = sagemaker.describe_endpoint_config(
        EndpointConfigName=outputs["async-host"]["config"]
    )
    topics = {
        t["TopicArn"].rsplit(":", 1)[1]: t["TopicArn"]
        for t in root.client("sns").list_topics()["Topics"]
    }
    output = asynchronous["AsyncInferenceConfig"]["OutputConfig"]
    assert output["S3OutputPath"] == "s3://async-results/out"
    assert output["S3FailurePath"] == "s3://async-results/failed"
    assert output["NotificationConfig"] == {
        "SuccessTopic": topics["async-done"],
        "ErrorTopic": topics["async-failed"],
    }
    assert output["KmsKeyId"].startswith("arn:aws:kms:")
    client = asynchronous["AsyncInferenceConfig"]["ClientConfig"]
    assert client == {"MaxConcurrentInvocationsPerInstance": 4}
    role = outputs["async-host"]["role"].rsplit("/", 1)[1]
    policy = iam.get_role_policy(RoleName=role, PolicyName="sagemaker-model")
    statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}
    assert sorted(_listed(statements["WriteAsyncResults"]["Resource"])) == [
        "arn:aws:s3:::async-results/failed/*",
        "arn:aws:s3:::async-results/out/*",
    ]
    assert sorted(_listed(statements["NotifyAsyncResults"]["Resource"])) == sorted(topics.values())
    assert statements["EncryptAsyncResults"]["Resource"] == output["KmsKeyId"]
    serverless_role = outputs["serverless-host"]["role"].rsplit("/", 1)[1]
    policy = iam.get_role_policy(RoleName=serverless_role, PolicyName="sagemaker-model")
    assert not {s["Sid"] for s in policy["PolicyDocument"]["Statement"]} & {
        "WriteAsyncResults",
        "NotifyAsyncResults",
        "EncryptAsyncResults",
    }


def test_a_real_time_variant_scales_on_invocations_per_instance(applied):
    root, _, _ = applied
    outputs = root.outputs()
    scaling = root.client("application-autoscaling")
    resource = "endpoint/autoscaled-host/variant/AllTraffic"
    (target,) = scaling.describe_scalable_targets(
        ServiceNamespace="sagemaker", ResourceIds=[resource]
    )["ScalableTargets"]
    assert target["ScalableDimension"] == "sagemaker:variant:DesiredInstanceCount"
    assert (target["MinCapacity"], target["MaxCapacity"]) == (1, 4)
    (policy,) = scaling.describe_scaling_policies(
        ServiceNamespace="sagemaker", ResourceId=resource
    )["ScalingPolicies"]
    assert policy["PolicyARN"] == outputs["autoscaled-host"]["scaling"]
    configuration = policy["TargetTrackingScalingPolicyConfiguration"]
    assert configuration["TargetValue"] == 70
    assert configuration["PredefinedMetricSpecification"] == {
        "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
    }
    assert (configuration["ScaleInCooldown"], configuration["ScaleOutCooldown"]) == (300, 60)
    assert outputs["async-host"]["scaling"] is None


def _listed(value):
    return value if isinstance(value, list) else [value]


def test_xgboost_on_gpu_takes_the_newest_tag(applied, catalog):
    outputs = applied[0].outputs()
    newest = catalog.algorithm("xgboost").default_tag
    assert outputs["xgboost-gpu"]["image_uri"].endswith(f"/sagemaker-xgboost:{newest}")
    assert outputs["xgboost-arm"]["image_uri"].endswith(":1.5-1-arm64")


def test_network_isolation_is_planned_on(applied):
    _, _, plan = applied
    models = [c for c in plan["resource_changes"] if c["type"] == "aws_sagemaker_model"]
    assert len(models) == len(MODELS) + len(SOURCE_MODELS) + len(KIND_MODELS)
    isolated = [c["change"]["after"]["enable_network_isolation"] for c in models]
    assert isolated.count(False) == 1  # the serverless one, which SageMaker cannot isolate


def test_pipelines_carry_the_catalog_request(applied, catalog):
    root, _, _ = applied
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


def test_a_framework_pipeline_trains_its_script_with_the_uri_image(applied):
    root, _, _ = applied
    out = root.outputs()["framework_pipeline"]
    sagemaker, iam = root.client("sagemaker"), root.client("iam")
    described = sagemaker.describe_pipeline(PipelineName="train-pytorch-script")
    assert json.loads(described["PipelineDefinition"]) == json.loads(out["definition"])
    (step,) = json.loads(described["PipelineDefinition"])["Steps"]
    arguments = step["Arguments"]
    asked = "pytorch --version 2.3.0 --py-version py311 --instance-type ml.p4d.24xlarge"
    uri = invoke(f"uri {asked} --region {REGION} --scope training".split()).stdout.strip()
    assert arguments["AlgorithmSpecification"]["TrainingImage"] == out["image_uri"] == uri
    hyperparameters = arguments["HyperParameters"]
    assert hyperparameters["sagemaker_program"] == '"train.py"'
    assert hyperparameters["sagemaker_torch_distributed_enabled"] == "true"
    assert arguments["CheckpointConfig"] == {"S3Uri": "s3://kmeans-data/pytorch/checkpoints"}
    role = out["role"].rsplit("/", 1)[1]
    policy = iam.get_role_policy(RoleName=role, PolicyName="sagemaker-training-pipeline")
    statements = {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}
    assert statements["ReadCode"]["Resource"] == "arn:aws:s3:::kmeans-data/code/sourcedir.tar.gz"
    assert statements["SyncCheckpoints"]["Resource"] == (
        "arn:aws:s3:::kmeans-data/pytorch/checkpoints*"
    )
    assert statements["PullImage"]["Resource"].endswith(":repository/pytorch-training")


def test_a_plan_after_apply_changes_nothing_but_emulator_answers(applied):
    root, variables, _ = applied
    assert unexplained(root.plan(*variables)) == []


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


def test_the_example_hosts_the_trained_model_in_step_two(applied, second_step, catalog):
    root, _, _ = applied
    outputs = second_step[1]
    assert outputs["model_data_url_pattern"] == (
        "s3://kmeans-data/kmeans/output/JOB/output/model.tar.gz"
    )
    assert outputs["model_data_url_pattern"].replace("JOB", "pipelines-abc-Train-x") == MODEL_URL
    sagemaker = root.client("sagemaker")
    endpoint = sagemaker.describe_endpoint(EndpointName="kmeans-example")
    config = sagemaker.describe_endpoint_config(EndpointConfigName=endpoint["EndpointConfigName"])
    model = sagemaker.describe_model(ModelName=config["ProductionVariants"][0]["ModelName"])
    assert model["PrimaryContainer"]["ModelDataUrl"] == MODEL_URL
    assert model["PrimaryContainer"]["Image"] == catalog.image_uri(
        "kmeans", REGION, scope="inference"
    )
    step = json.loads(
        sagemaker.describe_pipeline(PipelineName="kmeans-example")["PipelineDefinition"]
    )
    assert step["Steps"][0]["Arguments"]["OutputDataConfig"]["S3OutputPath"] == (
        "s3://kmeans-data/kmeans/output"
    )


def test_a_new_instance_type_rolls_the_endpoint_to_a_new_configuration(applied, second_step):
    root, _, _ = applied
    sagemaker = root.client("sagemaker")
    before, after = (o["kmeans-host"] for o in second_step)
    assert after["config"] != before["config"]
    endpoint = sagemaker.describe_endpoint(EndpointName="kmeans-host")
    assert endpoint["EndpointConfigName"] == after["config"]
    config = sagemaker.describe_endpoint_config(EndpointConfigName=after["config"])
    assert config["ProductionVariants"][0]["InstanceType"] == "ml.c5.large"
    names = {c["EndpointConfigName"] for c in sagemaker.list_endpoint_configs()["EndpointConfigs"]}
    assert before["config"] not in names and after["config"] in names


def test_a_plan_after_step_two_changes_nothing_but_emulator_answers(applied, second_step):
    """The example's part. Step 2 also carried out the replacements that moto's answers
    ask of the module models (see EMULATOR_DIFFERENCES); a replacement keeps the model's
    name, and moto, unlike SageMaker, lets the new model overwrite the old one and then
    deletes it with the old. Their plan after apply is checked after step 1."""
    root, variables, _ = applied
    changed = ('-var=instance_types={"kmeans-host" = "ml.c5.large"}', MODEL_DATA_VAR)
    plan = root.plan(*variables, *changed)
    example = {**plan, "resource_changes": _example_changes(plan)}
    assert [c["type"] for c in example["resource_changes"] if c["mode"] == "managed"]
    assert unexplained(example) == []


UPGRADE_CALL = """
resource "aws_kms_key" "test" {
  description             = "sagemaker-iac upgrade test"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

module "model" {
  source = "../out/terraform/MODULE"

  algorithm                     = "kmeans"
  name                          = "upgraded"
  model_data_url                = "s3://models/upgraded/model.tar.gz"
  create_role                   = true
  create_endpoint_configuration = true
  create_endpoint               = true
  kms_key_arn                   = aws_kms_key.test.arn
}
"""


UPGRADE_PIPELINE_CALL = """
module "pipeline" {
  source = "../out/terraform/MODULE"

  algorithm       = "kmeans"
  pipeline_name   = "upgraded"
  create_role     = true
  instance_type   = "ml.m5.xlarge"
  output_s3_path  = "s3://upgrade/kmeans/output"
  hyperparameters = { k = "10", feature_dim = "784" }
  channels = {
    train = { s3_uri = "s3://upgrade/kmeans/train/", content_type = "text/csv" }
  }
}
"""
# Each module as it was before its image sources (tests/fixtures/upgrade: sagemaker-model
# from 729bf73, the training pipeline and its spec from 7c2d950), with a call of it.
UPGRADES = {
    "sagemaker-model": (("sagemaker-model",), UPGRADE_CALL),
    "sagemaker-training-pipeline": (
        ("sagemaker-training-pipeline", "sagemaker-training-spec"),
        UPGRADE_PIPELINE_CALL,
    ),
}


@pytest.mark.parametrize("module", sorted(UPGRADES))
def test_a_call_made_before_the_image_sources_plans_no_change(module, tmp_path, moto_server):
    """Existing users: a call applied with the module as it was before the framework and
    image_uri inputs plans no change on this one: nothing renamed, replaced or rewritten."""
    tree = user_tree(tmp_path)
    folders, call = UPGRADES[module]
    for name in folders:
        shutil.copytree(FIXTURES / "upgrade" / name, tree / "out" / "terraform" / f"{name}-before")
    folder = tree / "upgrade"
    folder.mkdir()
    (folder / "main.tf").write_text(call.replace("MODULE", f"{module}-before"))
    root = Root(folder, tmp_path, moto_server)
    root.apply()
    # What the earlier module plans after its apply (moto's answers make it replace the
    # model: EMULATOR_DIFFERENCES) is the baseline: this module must plan the same.
    baseline = _planned(root.plan())
    (folder / "main.tf").write_text(call.replace("MODULE", module))
    root.run("init")
    assert _planned(root.plan()) == baseline
    root.run("destroy", "-auto-approve")
    assert root.managed_types() == set()


def _planned(plan: dict) -> dict[str, tuple]:
    """Each managed resource's planned actions and known values after the plan."""
    return {
        c["address"]: (c["change"]["actions"], c["change"]["after"])
        for c in plan["resource_changes"]
        if c["mode"] == "managed"
    }


LLM_EXAMPLE = Path("examples") / "terraform" / "host-llm"


def test_the_llm_example_applies_the_tgi_image_with_its_weights(tmp_path, moto_server, catalog):
    """The example as a user runs it: init, apply with their variables, destroy."""
    root = Root(user_tree(tmp_path) / LLM_EXAMPLE, tmp_path, moto_server)
    key = root.client("kms").create_key()["KeyMetadata"]["Arn"]
    variables = (
        "-var=weights_s3_prefix=s3://my-weights/gpt2",
        f"-var=kms_key_arn={key}",
        "-var=max_instances=3",
        # moto's CreateEndpointConfig knows no ml.g5 type (see NO_ENDPOINT): a GPU it knows.
        "-var=instance_type=ml.g4dn.2xlarge",
    )
    root.apply(*variables)
    outputs = root.outputs()
    expected = framework_image(
        catalog, "huggingface-llm", REGION, scope="inference", instance_type="ml.g4dn.2xlarge"
    ).uri
    assert outputs["image_uri"] == expected
    sagemaker = root.client("sagemaker")
    endpoint = sagemaker.describe_endpoint(EndpointName=outputs["endpoint_name"])
    config = sagemaker.describe_endpoint_config(EndpointConfigName=endpoint["EndpointConfigName"])
    (variant,) = config["ProductionVariants"]
    assert variant["InstanceType"] == "ml.g4dn.2xlarge"
    container = sagemaker.describe_model(ModelName=variant["ModelName"])["PrimaryContainer"]
    assert container["Image"] == expected
    assert container["Environment"] == {"HF_MODEL_ID": "/opt/ml/model", "SM_NUM_GPUS": "1"}
    assert container["ModelDataSource"]["S3DataSource"]["S3Uri"] == "s3://my-weights/gpt2/"
    resource = "endpoint/llm/variant/AllTraffic"  # moto is shared: this endpoint's only
    scaling = root.client("application-autoscaling").describe_scalable_targets(
        ServiceNamespace="sagemaker", ResourceIds=[resource]
    )["ScalableTargets"]
    assert [(t["ResourceId"], t["MaxCapacity"]) for t in scaling] == [(resource, 3)]
    assert unexplained(root.plan(*variables)) == []
    root.run("destroy", "-auto-approve", *variables)
    assert root.managed_types() == set()


TRAIN_EXAMPLE = Path("examples") / "terraform" / "train-pytorch-script"


def test_the_training_example_applies_the_uri_image_and_the_sdks_settings(tmp_path, moto_server):
    """The example as a user runs it, on two instances: init, apply, plan, destroy."""
    root = Root(user_tree(tmp_path) / TRAIN_EXAMPLE, tmp_path, moto_server)
    code = "s3://my-training/code/sourcedir.tar.gz"
    variables = (
        "-var=bucket=my-training",
        f"-var=source_dir={code}",
        "-var=instance_count=2",
        "-var=instance_type=ml.p4d.24xlarge",
    )
    root.apply(*variables)
    outputs = root.outputs()
    asked = "pytorch --version 2.3.0 --py-version py311 --instance-type ml.p4d.24xlarge"
    uri = invoke(f"uri {asked} --region {REGION} --scope training".split()).stdout.strip()
    assert outputs["image_uri"] == uri
    described = root.client("sagemaker").describe_pipeline(PipelineName="pytorch-script")
    (step,) = json.loads(described["PipelineDefinition"])["Steps"]
    arguments = step["Arguments"]
    assert arguments["AlgorithmSpecification"]["TrainingImage"] == uri
    assert arguments["HyperParameters"]["sagemaker_torch_distributed_enabled"] == "true"
    assert arguments["HyperParameters"]["epochs"] == "10"
    channels = {
        c["ChannelName"]: c["DataSource"]["S3DataSource"]["S3Uri"]
        for c in arguments["InputDataConfig"]
    }
    assert channels == {"train": "s3://my-training/pytorch-script/train/", "code": code}
    assert unexplained(root.plan(*variables)) == []
    root.run("destroy", "-auto-approve", *variables)
    assert root.managed_types() == set()


# module name: (module, arguments, what the plan must say). Variable validation stops a
# plan before anything is evaluated, so those cases are one root and the rest another.
FAILING_VALIDATION = {
    "model_name_64": (
        "sagemaker-model",
        {"algorithm": "kmeans", "name": "m" * 64, "model_data_url": "s3://b/m.tar.gz"},
        "The name must be 1-63 letters, digits and hyphens, starting and ending with a letter "
        "or digit (SageMaker's limit for an endpoint name)",
    ),
    "spec_job_name_64": (
        "sagemaker-training-spec",
        {"job_name": "j" * 64, "region": REGION, "role_arn": "arn:aws:iam::123456789012:role/r"},
        "The job_name must be 1-63 letters, digits and hyphens, starting and ending with a "
        "letter or digit (SageMaker's limit for a training job name)",
    ),
    "serverless_memory_1000": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "name": "sl",
            "model_data_url": "s3://b/m.tar.gz",
            "serverless_memory_size_in_mb": 1000,
        },
        "The serverless_memory_size_in_mb must be one of: 1024, 2048, 3072, 4096, 5120, 6144.",
    ),
    "pipeline_name_257": (
        "sagemaker-training-pipeline",
        {"pipeline_name": "p" * 257},
        "The pipeline_name must be 1-256 letters, digits and hyphens",
    ),
}
FAILING_EVALUATION = {
    "xgboost_cpu_tag_on_gpu": (
        "sagemaker-model",
        {
            "algorithm": "xgboost",
            "name": "xgb",
            "model_data_url": "s3://b/m.tar.gz",
            "image_tag": "1.0-1-cpu-py3",
            "instance_type": "ml.g4dn.xlarge",
        },
        "image tag 1.0-1-cpu-py3 of SageMaker algorithm xgboost is not built for GPU",
    ),
    "xgboost_cpu_tag_trains_on_gpu": (
        "sagemaker-training-pipeline",
        {"algorithm": "xgboost", "image_tag": "1.0-1-cpu-py3", "instance_type": "ml.p3.2xlarge"},
        "image tag 1.0-1-cpu-py3 is not built for GPU; instance type ml.p3.2xlarge is GPU",
    ),
    "kmeans_on_graviton": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "name": "km",
            "model_data_url": "s3://b/m.tar.gz",
            "instance_type": "ml.c6g.large",
        },
        "instance type ml.c6g.large is Arm (Graviton) and SageMaker algorithm kmeans has no "
        "Arm inference image; algorithms with one: xgboost",
    ),
    "two_image_sources": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "framework": "pytorch",
            "name": "two",
            "model_data_url": "s3://b/m",
        },
        "Set exactly one image source: algorithm, framework, jumpstart_model_id or image_uri "
        "(given: algorithm, framework)",
    ),
    "image_uri_in_another_region": (
        "sagemaker-model",
        {
            "image_uri": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/server:1",
            "name": "far",
            "model_data_url": "s3://b/m.tar.gz",
        },
        "image_uri 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/server:1 is in another "
        "region: SageMaker pulls an ECR image from the model's own region, us-east-1.",
    ),
    "pipeline_two_image_sources": (
        "sagemaker-training-pipeline",
        {"algorithm": "kmeans", "framework": "pytorch"},
        "set exactly one image source: algorithm, framework or image_uri (given: algorithm, "
        "framework)",
    ),
    "no_image_source": (
        "sagemaker-model",
        {"name": "none", "model_data_url": "s3://b/m.tar.gz"},
        "Set exactly one image source: algorithm, framework, jumpstart_model_id or image_uri "
        "(given: none)",
    ),
    "framework_version_without_image": (
        "sagemaker-model",
        {
            "framework": "pytorch",
            "framework_version": "9.9",
            "name": "pt",
            "model_data_url": "s3://b/m",
        },
        "no pytorch image for image_scope=inference, framework_version=9.9, "
        "instance_type=ml.m5.large",
    ),
    "cpu_only_framework_on_gpu": (
        "sagemaker-model",
        {
            "framework": "sklearn",
            "framework_version": "1.2-1",
            "name": "sk",
            "model_data_url": "s3://b/m",
            "instance_type": "ml.g4dn.xlarge",
        },
        "no sklearn image for image_scope=inference, framework_version=1.2-1, "
        "instance_type=ml.g4dn.xlarge",
    ),
    "serverless_on_gpu": (
        "sagemaker-model",
        {
            "framework": "pytorch",
            "framework_version": "2.1",
            "py_version": "py310",
            "instance_type": "ml.g4dn.xlarge",
            "name": "slg",
            "model_data_url": "s3://b/m",
            "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k",
            "create_endpoint_configuration": True,
            "enable_network_isolation": False,
            "serverless_memory_size_in_mb": 2048,
        },
        "A serverless endpoint runs on CPU capacity: instance_type ml.g4dn.xlarge picks an "
        "accelerated image",
    ),
    "serverless_isolated": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "name": "sli",
            "model_data_url": "s3://b/m",
            "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k",
            "create_endpoint_configuration": True,
            "serverless_memory_size_in_mb": 2048,
        },
        "A serverless endpoint cannot isolate the container's network: set "
        "enable_network_isolation = false",
    ),
    "autoscaling_serverless": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "name": "sls",
            "model_data_url": "s3://b/m",
            "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k",
            "create_endpoint_configuration": True,
            "create_endpoint": True,
            "enable_network_isolation": False,
            "serverless_memory_size_in_mb": 2048,
            "autoscaling_max_capacity": 3,
            "autoscaling_target_invocations": 70,
        },
        "Autoscaling scales a real-time endpoint's instances: it needs create_endpoint = true "
        "and no serverless_memory_size_in_mb.",
    ),
    "entry_point_with_algorithm": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "name": "epa",
            "model_data_url": "s3://b/m",
            "entry_point": "inference.py",
        },
        "entry_point runs a script in a framework or custom image: a built-in algorithm or a "
        "model package takes none, and source_dir needs entry_point.",
    ),
    "serverless_and_async": (
        "sagemaker-model",
        {
            "algorithm": "kmeans",
            "name": "sla",
            "model_data_url": "s3://b/m",
            "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k",
            "create_endpoint_configuration": True,
            "enable_network_isolation": False,
            "serverless_memory_size_in_mb": 2048,
            "async_output_s3_path": "s3://b/out",
        },
        "An endpoint is serverless (serverless_memory_size_in_mb) or asynchronous "
        "(async_output_s3_path), not both.",
    ),
    "jumpstart_gated_without_eula": (
        "sagemaker-model",
        {"jumpstart_model_id": "meta-textgeneration-llama-3-1-8b-instruct", "name": "gated"},
        "JumpStart model meta-textgeneration-llama-3-1-8b-instruct requires accepting its "
        "end-user license agreement (EULA), https://jumpstart-cache-prod-us-east-1.s3.us-east-1."
        "amazonaws.com/fmhMetadata/eula/llama3_1Eula.txt: read it, then set accept_eula = true.",
    ),
    "jumpstart_unsupported_instance_type": (
        "sagemaker-model",
        {
            "jumpstart_model_id": "huggingface-asr-whisper-base",
            "name": "whisper-cpu",
            "instance_type": "ml.m5.large",
        },
        "The model does not match the sagemaker-iac catalog: JumpStart model "
        "huggingface-asr-whisper-base 3.0.20 does not support instance type ml.m5.large; it "
        "supports: ml.g5.2xlarge,",
    ),
    "jumpstart_with_model_data": (
        "sagemaker-model",
        {
            "jumpstart_model_id": "huggingface-asr-whisper-base",
            "name": "whisper-data",
            "model_data_url": "s3://b/m.tar.gz",
        },
        "Set exactly one of model_data_url, model_data_s3_prefix and model_package_name; none "
        "with jumpstart_model_id, whose model brings its own artefacts.",
    ),
    "kmeans_trains_on_graviton": (
        "sagemaker-training-pipeline",
        {"algorithm": "kmeans", "instance_type": "ml.c6g.xlarge"},
        "instance type ml.c6g.xlarge is Arm (Graviton); SageMaker trains on x86_64 instances",
    ),
}


@pytest.mark.parametrize(
    "cases", [FAILING_VALIDATION, FAILING_EVALUATION], ids=["validation", "evaluation"]
)
def test_plans_that_must_fail_say_why(tmp_path, moto_server, catalog, cases):
    tree = user_tree(tmp_path)
    folder = tree / "failing"
    folder.mkdir()
    blocks = []
    for name, (module, arguments, _) in cases.items():
        # Every other input valid, so that each case makes exactly its own error.
        base = {"execution_role_arn": "arn:aws:iam::123456789012:role/r"}
        if module != "sagemaker-model":
            job = valid_job(catalog, arguments.get("algorithm", "kmeans"), REGION)
            base = {
                k: job[k]
                for k in ("algorithm", "instance_type", "output_s3_path", "hyperparameters")
            }
            base["channels"] = job["channels"]
            base["pipeline_name" if module.endswith("pipeline") else "job_name"] = name.replace(
                "_", "-"
            )
        body = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in {**base, **arguments}.items())
        blocks.append(f'module "{name}" {{\n  source = "../out/terraform/{module}"\n{body}}}\n')
    (folder / "main.tf").write_text("\n".join(blocks))
    root = Root(folder, tmp_path, moto_server)
    result = root.run("plan", check=False)
    assert result.returncode == 1
    errors = " ".join(result.stderr.split())
    for name, (_, _, message) in cases.items():
        assert message in errors, name
    # Each case is one error, stated by a variable's validation or a precondition:
    # nothing surfaces through Terraform 1.0's file() idiom in these modules.
    assert result.stderr.count("Error: ") == len(cases), result.stderr
    assert 'Invalid value for "path" parameter' not in errors
