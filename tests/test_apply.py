"""The resource modules and the example, applied as shipped: apply, plan, update, destroy.

Terraform >= 1.2 with the mirrored hashicorp/aws provider, against moto's server on a
loopback port. Elsewhere these tests skip and say why.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import ROOT, needs_mirror, provider_override, provider_terraform
from training_inputs import valid_job

pytestmark = needs_mirror

REGION = "us-east-1"
KMS_KEY = "aws_kms_key.test.arn"
# Where moto answers differently from AWS, so a plan after apply is not empty. Each is
# named, with why; anything else a plan wants to change fails the test.
EMULATOR_DIFFERENCES = {
    "aws_sagemaker_model": {
        "enable_network_isolation": "moto's DescribeModel leaves out EnableNetworkIsolation "
        "(the plan before apply shows true: test_network_isolation_is_planned_on)",
        "vpc_config": "moto answers an empty VpcConfig for a model created without one",
        "tags": "moto answers an empty tag list where the provider expects none",
        "name": "the model is replaced for the rows above, so its name moves on",
    },
    "aws_sagemaker_endpoint_configuration": {
        "data_capture_config": "moto answers a disabled DataCaptureConfig for a "
        "configuration created without one",
        "tags": "moto answers an empty tag list where the provider expects none",
        "name": "replaced for the rows above (name_prefix)",
        "name_prefix": "replaced for the rows above",
        "production_variants": "names the model replaced for the rows above",
        "arn": "replaced for the rows above",
        "id": "replaced for the rows above",
        "tags_all": "replaced for the rows above",
    },
    "aws_sagemaker_endpoint": {
        "endpoint_config_name": "follows the configuration replaced for the rows above",
    },
}
# The computed attributes that any replacement leaves unknown in the plan.
_COMPUTED = {"arn", "id", "tags_all", "inference_execution_config", "name"}


def _set(value: Any) -> Any:
    """A value with its empty parts dropped: the provider stores "" and {} where a
    configuration leaves an argument out, and counts the two as the same."""
    if isinstance(value, dict):
        kept = {k: _set(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None} or None
    if isinstance(value, list):
        kept = [_set(v) for v in value]
        return [v for v in kept if v is not None] or None
    return None if value in ("", None) else value


def unexplained(plan: dict[str, Any]) -> list[str]:
    """Every planned change that EMULATOR_DIFFERENCES does not name."""
    problems = []
    for change in plan.get("resource_changes", []):
        actions = change["change"]["actions"]
        if actions == ["no-op"] or actions == ["read"]:
            continue
        allowed = EMULATOR_DIFFERENCES.get(change["type"], {})
        before, after = change["change"]["before"] or {}, change["change"]["after"] or {}
        unknown = change["change"].get("after_unknown") or {}
        changed = {k for k in set(before) | set(after) if _set(before.get(k)) != _set(after.get(k))}
        changed |= {k for k, v in unknown.items() if v is True and k not in _COMPUTED}
        changed |= {p[0] for p in change["change"].get("replace_paths") or []}
        if "delete" in actions and "create" not in actions:
            changed.add("<deleted>")
        for name in sorted(changed - set(allowed) - (_COMPUTED & set(unknown))):
            problems.append(f"{change['address']}: {actions} {name}")
    return problems


def _tree(tmp_path: Path) -> Path:
    """out/ and examples/ laid out as in the repository, as a user's checkout has them."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "out" / "terraform", tree / "out" / "terraform")
    shutil.copytree(ROOT / "examples" / "terraform", tree / "examples" / "terraform")
    return tree


class Root:
    """A root module applied against moto; every command runs in its folder."""

    def __init__(self, folder: Path, data: Path, url: str) -> None:
        self.folder, self.data, self.url = folder, data, url
        (folder / "moto_override.tf").write_text(provider_override(url, REGION))
        provider_terraform("init", cwd=folder, data=data)

    def run(self, *args: str, check: bool = True) -> Any:
        return provider_terraform(*args, cwd=self.folder, data=self.data, check=check)

    def plan(self, *variables: str) -> dict[str, Any]:
        self.run("plan", "-out=plan.bin", *variables)
        return json.loads(self.run("show", "-json", "plan.bin").stdout)

    def apply(self, *variables: str) -> dict[str, Any]:
        plan = self.plan(*variables)
        self.run("apply", "plan.bin")
        return plan

    def outputs(self) -> dict[str, Any]:
        shown = json.loads(self.run("output", "-json").stdout)
        return {k: v["value"] for k, v in shown.items()}

    def client(self, service: str) -> Any:
        return boto3.client(
            service,
            region_name=REGION,
            endpoint_url=self.url,
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )


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
    root = Root(_modules_root(_tree(tmp), catalog), tmp, moto_server)
    first_plan = root.apply()
    yield root, first_plan
    root.run("destroy", "-auto-approve")


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
    root.apply('-var=instance_types={"kmeans-host" = "ml.c5.large"}')
    after = root.outputs()["kmeans-host"]
    assert after["config"] != before["config"]
    endpoint = sagemaker.describe_endpoint(EndpointName="kmeans-host")
    assert endpoint["EndpointConfigName"] == after["config"]
    config = sagemaker.describe_endpoint_config(EndpointConfigName=after["config"])
    assert config["ProductionVariants"][0]["InstanceType"] == "ml.c5.large"
    names = {c["EndpointConfigName"] for c in sagemaker.list_endpoint_configs()["EndpointConfigs"]}
    assert before["config"] not in names and after["config"] in names
    root.apply()  # back to the fixture's state for the other tests


@pytest.fixture(scope="module")
def example(tmp_path_factory, moto_server):
    tmp = tmp_path_factory.mktemp("apply-example")
    folder = _tree(tmp) / "examples" / "terraform" / "train-and-host-kmeans"
    root = Root(folder, tmp, moto_server)
    key = root.client("kms").create_key()["KeyMetadata"]["Arn"]
    variables = ("-var=bucket=kmeans-data", f"-var=kms_key_arn={key}")
    yield root, variables
    root.run("destroy", "-auto-approve", *variables, "-var=model_data_url=s3://x/m.tar.gz")


def test_the_example_applies_in_two_steps_unedited(example, catalog):
    root, variables = example
    first = root.apply(*variables)
    assert {c["type"] for c in first["resource_changes"] if c["mode"] == "managed"} == {
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_sagemaker_pipeline",
    }
    assert unexplained(root.plan(*variables)) == []
    outputs = root.outputs()
    assert outputs["model_data_url_pattern"] == (
        "s3://kmeans-data/kmeans/output/JOB/output/model.tar.gz"
    )
    model_url = outputs["model_data_url_pattern"].replace("JOB", "pipelines-abc-Train-x")
    root.apply(*variables, f"-var=model_data_url={model_url}")
    sagemaker = root.client("sagemaker")
    endpoint = sagemaker.describe_endpoint(EndpointName="kmeans-example")
    config = sagemaker.describe_endpoint_config(EndpointConfigName=endpoint["EndpointConfigName"])
    model = sagemaker.describe_model(ModelName=config["ProductionVariants"][0]["ModelName"])
    assert model["PrimaryContainer"]["ModelDataUrl"] == model_url
    assert model["PrimaryContainer"]["Image"] == catalog.image_uri(
        "kmeans", REGION, scope="inference"
    )
    step = json.loads(
        sagemaker.describe_pipeline(PipelineName="kmeans-example")["PipelineDefinition"]
    )
    assert step["Steps"][0]["Arguments"]["OutputDataConfig"]["S3OutputPath"] == (
        "s3://kmeans-data/kmeans/output"
    )
    assert unexplained(root.plan(*variables, f"-var=model_data_url={model_url}")) == []


# module name: (module, arguments, what the plan must say). Variable validation stops a
# plan before anything is evaluated, so those cases are one root and the rest another.
FAILING_VALIDATION = {
    "model_name_64": (
        "sagemaker-model",
        {"algorithm": "kmeans", "name": "m" * 64, "model_data_url": "s3://b/m.tar.gz"},
        "The name must be 1-63 characters (SageMaker's limit for a endpoint name)",
    ),
    "spec_job_name_64": (
        "sagemaker-training-spec",
        {"job_name": "j" * 64, "region": REGION, "role_arn": "arn:aws:iam::1:role/r"},
        "The job_name must be 1-63 characters (SageMaker's limit for a training job name)",
    ),
    "pipeline_name_257": (
        "sagemaker-training-pipeline",
        {"pipeline_name": "p" * 257},
        "The pipeline_name must be 1-256 characters",
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
    tree = _tree(tmp_path)
    folder = tree / "failing"
    folder.mkdir()
    blocks = []
    for name, (module, arguments, _) in cases.items():
        base = {}
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
