"""CloudFormation training pipelines and the model template: lint, evaluate, deploy."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from sagemaker_iac.api import build, parse_catalog
from sagemaker_iac.catalog.names import camel
from sagemaker_iac.targets.cloudformation._script import SCRIPT_FILE
from sagemaker_iac.targets.cloudformation._training import TRAINING_DIR, single_instance
from sagemaker_iac.targets.cloudformation.render import MODEL_FILE
from support.cfn_eval import Stack
from support.cfn_lint import cfn_lint
from support.cfn_stack import stack_outputs
from support.cli import invoke
from support.paths import MINIMAL
from support.readers import load_cfn
from support.training_inputs import CPU_TYPE, GPU_TYPE, ROLE, botocore_errors, sagemaker_model

pytestmark = [pytest.mark.cfnlint, pytest.mark.moto]


def sample_params(algorithm, optional: bool, extras: bool) -> dict[str, Any]:
    params: dict[str, Any] = {
        "PipelineName": f"{algorithm.key}-pipeline",
        "RoleArn": ROLE,
        "InstanceType": CPU_TYPE if "cpu" in algorithm.instance.processors else GPU_TYPE,
        "OutputS3Path": f"s3://example-bucket/{algorithm.key}/output",
    }
    channels = [*algorithm.required_channels, *(algorithm.optional_channels if optional else ())]
    for name in channels:
        params[f"{camel(name)}S3Uri"] = f"s3://example-bucket/{algorithm.key}/{name}/"
        if extras:
            params[f"{camel(name)}ContentType"] = algorithm.content_types[-1]
    for name in algorithm.required_hyperparameters:
        params[f"Hp{camel(name)}"] = "3"
    if extras:
        params.update(
            KmsKeyId="arn:aws:kms:us-east-1:123456789012:key/abc",
            ExtraHyperParameters='"mini_batch_size":"100","epochs":"2"',
        )
    return params


def training_step(out_dir, catalog, key: str, region: str, optional: bool, extras: bool) -> dict:
    template = load_cfn(out_dir / TRAINING_DIR / f"{key}.yaml")
    algorithm = catalog.algorithms[key]
    stack = Stack(template, sample_params(algorithm, optional, extras), region)
    body = template["Resources"]["Pipeline"]["Properties"]["PipelineDefinition"]
    definition = json.loads(stack.eval(body["PipelineDefinitionBody"]))
    (step,) = definition["Steps"]
    assert step["Type"] == "Training"
    return step["Arguments"]


@pytest.mark.parametrize("optional,extras", [(False, False), (True, True)])
def test_every_pipeline_step_is_a_valid_training_request(out_dir, catalog, optional, extras):
    for key, algorithm in catalog.algorithms.items():
        region = catalog.regions_for(key)[-1]
        arguments = training_step(out_dir, catalog, key, region, optional, extras)
        request = {"TrainingJobName": f"{key}-job", **arguments}
        assert botocore_errors("CreateTrainingJob", request) == "", key
        assert arguments["AlgorithmSpecification"]["TrainingImage"] == catalog.image_uri(
            key, region
        )
        names = [c["ChannelName"] for c in arguments["InputDataConfig"]]
        expected = [
            *algorithm.required_channels,
            *(algorithm.optional_channels if optional else ()),
        ]
        assert names == expected, key
        assert set(algorithm.required_hyperparameters) <= set(arguments["HyperParameters"])
        if extras:
            assert arguments["HyperParameters"]["mini_batch_size"] == "100"
            assert arguments["OutputDataConfig"]["KmsKeyId"].startswith("arn:aws:kms:")
            assert all("ContentType" in c for c in arguments["InputDataConfig"])


def test_moto_accepts_the_pipeline_steps(out_dir, catalog):
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    with mock_aws():
        client = boto3.client("sagemaker", region_name="us-east-1")
        for key in catalog.algorithms:
            arguments = training_step(out_dir, catalog, key, "us-east-1", True, True)
            client.create_training_job(TrainingJobName=f"{key}-job", **arguments)
            described = client.describe_training_job(TrainingJobName=f"{key}-job")
            assert described["AlgorithmSpecification"]["TrainingImage"] == (
                catalog.image_uri(key, "us-east-1")
            )


def test_parameters_carry_the_catalog_rules(out_dir, catalog):
    for key, algorithm in catalog.algorithms.items():
        params = load_cfn(out_dir / TRAINING_DIR / f"{key}.yaml")["Parameters"]
        assert params["InputMode"]["AllowedValues"] == list(algorithm.input_modes)
        assert params["ImageTag"]["AllowedValues"] == list(algorithm.tags)
        for name in algorithm.required_channels:
            assert "Default" not in params[f"{camel(name)}S3Uri"]  # required
            assert params[f"{camel(name)}ContentType"]["AllowedValues"] == [
                "",
                *algorithm.content_types,
            ]
        for name in algorithm.required_hyperparameters:
            assert "Default" not in params[f"Hp{camel(name)}"]
        assert params["InstanceCount"].get("MaxValue") == (
            1 if single_instance(algorithm) else None
        )
        pattern = params["InstanceType"]["AllowedPattern"]
        assert bool(re.match(pattern, CPU_TYPE)) == ("cpu" in algorithm.instance.processors)
        assert bool(re.match(pattern, GPU_TYPE)) == ("gpu" in algorithm.instance.processors)
        assert not re.match(pattern, "ml.trn1.2xlarge")


def test_region_rule_admits_exactly_the_published_regions(out_dir, catalog):
    for key in catalog.algorithms:
        rule = load_cfn(out_dir / TRAINING_DIR / f"{key}.yaml")["Rules"]["Region"]
        regions = rule["Assertions"][0]["Assert"]["Fn::Contains"][0]
        assert regions == catalog.regions_for(key)


# cfn-lint 1.58's region schemas lack the SageMaker model types here (docs/catalog.md: Limits).
NO_SAGEMAKER_MODEL_TYPES = {"me-central-1", "us-gov-east-1"}


def regions_offering(catalog, template: dict) -> list[str]:
    """Catalog regions whose CloudFormation (per cfn-lint's schemas) has every type used."""
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER, ResourceNotFoundError

    types = {r["Type"] for r in template["Resources"].values()}
    found = []
    for region in sorted(catalog.for_algorithms().regions):
        try:
            for kind in types:
                PROVIDER_SCHEMA_MANAGER.get_resource_schema(region, kind)
        except ResourceNotFoundError:
            continue
        found.append(region)
    return found


def test_training_and_model_templates_lint_clean(catalog, out_dir):
    paths = [*sorted((out_dir / TRAINING_DIR).glob("*.yaml")), out_dir / MODEL_FILE]
    assert len(paths) == len(catalog.algorithms) + 1
    for path in paths:
        regions = regions_offering(catalog, load_cfn(path))
        everywhere = catalog.for_algorithms().regions
        assert set(everywhere) - set(regions) <= NO_SAGEMAKER_MODEL_TYPES, path.name
        assert cfn_lint(path.read_text(), regions) == [], path.name


MODEL_PARAMS = {
    "Algorithm": "kmeans",
    "ModelName": "kmeans-model",
    "ModelDataUrl": "s3://example-bucket/kmeans/output/model.tar.gz",
    "ExecutionRoleArn": ROLE,
    "CreateEndpointConfig": "true",
    "CreateEndpoint": "true",
}


@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1", "ap-southeast-2"])
@pytest.mark.parametrize(
    "algorithm", ["kmeans", "xgboost", "lda", "image-classification-tensorflow"]
)
def test_moto_deploys_model_endpoint_config_and_endpoint(out_dir, catalog, region, algorithm):
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    params = {
        **MODEL_PARAMS,
        "Algorithm": algorithm,
        "KmsKeyArn": f"arn:aws:kms:{region}:123456789012:key/abc",
    }
    with mock_aws():
        cfn = boto3.client("cloudformation", region_name=region)
        outputs = stack_outputs(cfn, "model", (out_dir / MODEL_FILE).read_text(), params)
        # moto lists the types it does not model (Application Auto Scaling) untyped, even
        # where their condition is false.
        types = sorted(
            r["ResourceType"]
            for r in cfn.list_stack_resources(StackName="model")["StackResourceSummaries"]
            if r["ResourceType"]
        )
        assert types == [
            "AWS::SageMaker::Endpoint",
            "AWS::SageMaker::EndpointConfig",
            "AWS::SageMaker::Model",
        ]
        sagemaker = boto3.client("sagemaker", region_name=region)
        # moto names the model itself; the stack's output says which.
        model = sagemaker.describe_model(ModelName=outputs["ModelName"])
        # A model hosts: the inference image (TensorFlow variants have their own).
        image = catalog.image_uri(algorithm, region, scope="inference")
        assert model["PrimaryContainer"]["Image"] == image
        assert outputs["ImageUri"] == image
        # moto drops EnableNetworkIsolation from templates; check the template's own value.
        template = load_cfn(out_dir / MODEL_FILE)
        isolation = template["Resources"]["Model"]["Properties"]["EnableNetworkIsolation"]
        assert template["Parameters"][isolation["Ref"]]["Default"] == "true"
        (endpoint,) = sagemaker.list_endpoints()["Endpoints"]
        assert endpoint["EndpointStatus"] == "InService"


def test_model_template_names_only_the_endpoint(out_dir):
    """CloudFormation cannot replace a resource with a fixed name, so the model and the
    endpoint configuration take generated names and a change rolls the endpoint."""
    template = load_cfn(out_dir / MODEL_FILE)
    resources = template["Resources"]
    assert "ModelName" not in resources["Model"]["Properties"]
    assert "EndpointConfigName" not in resources["EndpointConfig"]["Properties"]
    assert resources["Endpoint"]["Properties"]["EndpointName"] == {"Ref": "ModelName"}
    name = template["Parameters"]["ModelName"]
    assert name["MaxLength"] == 63 and "63" in name["ConstraintDescription"]


@pytest.mark.parametrize(
    ("algorithm", "tag", "instance", "failed"),
    [
        ("xgboost", "1.0-1-cpu-py3", "ml.p3.2xlarge", ["TagNotForGpu"]),
        ("xgboost", "1.0-1-cpu-py3", "ml.m5.xlarge", []),
        ("xgboost", "3.2-0", "ml.p3.2xlarge", []),
        ("xgboost", "0.90-2-cpu-py3", "ml.g5.xlarge", ["TagNotForGpu"]),
        ("image-classification-tensorflow", "2.19.0-gpu-py312", "ml.c5.xlarge", ["TagNotForCpu"]),
        ("image-classification-tensorflow", "2.19.0-cpu-py312", "ml.g4dn.xlarge", ["TagNotForGpu"]),
        ("image-classification-tensorflow", "2.19.0-gpu-py312", "ml.g4dn.xlarge", []),
    ],
)
def test_rules_refuse_a_tag_on_a_processor_it_is_not_built_for(
    out_dir, catalog, algorithm, tag, instance, failed
):
    template = load_cfn(out_dir / TRAINING_DIR / f"{algorithm}.yaml")
    params = {
        **sample_params(catalog.algorithms[algorithm], optional=False, extras=False),
        "ImageTag": tag,
        "InstanceType": instance,
    }
    assert Stack(template, params, "us-east-1").failed_rules() == failed
    assert catalog.algorithm(algorithm).tag_suits(tag, catalog.processor(instance)) == (not failed)


def test_training_instance_pattern_refuses_arm(out_dir, catalog):
    template = load_cfn(out_dir / TRAINING_DIR / "kmeans.yaml")
    pattern = template["Parameters"]["InstanceType"]["AllowedPattern"]
    assert not re.match(pattern, "ml.c6g.xlarge") and not re.match(pattern, "ml.r8g.large")
    assert re.match(pattern, "ml.c5.xlarge") and re.match(pattern, "ml.m6i.large")
    assert set(catalog.training_instance_types) == set(
        sagemaker_model().shape_for("TrainingInstanceType").enum
    )


def test_names_with_dots_and_colons_become_parameters_cloudformation_accepts(tmp_path):
    """Channel and hyperparameter names the catalog admits, whatever their punctuation."""
    base = (MINIMAL).read_text()
    text = base.replace(
        "channels: {required: [train], optional: [test]}",
        "channels: {required: [train.x], optional: [test_1]}\n"
        '    hyperparameters: {required: ["a:b", mini_batch.size], source: test}',
    )
    catalog = parse_catalog(text, "dotted.yaml")
    files = build(catalog, ("cloudformation",))
    template_text = files[f"{TRAINING_DIR}/kmeans.yaml"]
    parameters = load_cfn_text(template_text, tmp_path)["Parameters"]
    assert {"TrainXS3Uri", "Test1S3Uri", "HpAB", "HpMiniBatchSize"} <= set(parameters)
    assert all(re.fullmatch(r"[A-Za-z0-9]{1,255}", name) for name in parameters)
    assert cfn_lint(template_text, ["us-west-2"]) == []


def load_cfn_text(text: str, tmp_path) -> dict:
    path = tmp_path / "template.yaml"
    path.write_text(text)
    return load_cfn(path)


SCRIPT_PARAMS = {
    "PipelineName": "pytorch-script",
    "RoleArn": ROLE,
    "EntryPoint": "train.py",
    "SourceDir": "s3://example-bucket/code/sourcedir.tar.gz",
    "Distribution": "torch_distributed",
    "InstanceType": "ml.p4d.24xlarge",
    "InstanceCount": "2",
    "TrainS3Uri": "s3://example-bucket/train/",
    "OutputS3Path": "s3://example-bucket/output",
    "ExtraHyperParameters": '"epochs":"10"',
}


def _script_uri(region: str) -> str:
    asked = "pytorch --version 2.3.0 --py-version py311 --instance-type ml.p4d.24xlarge"
    return invoke(f"uri {asked} --region {region} --scope training".split()).stdout.strip()


def test_the_script_template_lints_clean(catalog, out_dir):
    text = (out_dir / SCRIPT_FILE).read_text()
    regions = regions_offering(catalog, load_cfn(out_dir / SCRIPT_FILE))
    assert len(regions) > 20
    assert cfn_lint(text, regions) == []


def test_the_script_step_trains_the_uri_image_on_moto(out_dir):
    """The step as CloudFormation joins it (moto's CloudFormation has no Pipeline type),
    then run as a training job on moto."""
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    uri = _script_uri("eu-west-1")
    template = load_cfn(out_dir / SCRIPT_FILE)
    stack = Stack(template, {**SCRIPT_PARAMS, "ImageUri": uri}, "eu-west-1")
    body = template["Resources"]["Pipeline"]["Properties"]["PipelineDefinition"]
    (step,) = json.loads(stack.eval(body["PipelineDefinitionBody"]))["Steps"]
    arguments = step["Arguments"]
    assert arguments["AlgorithmSpecification"]["TrainingImage"] == uri
    hyperparameters = arguments["HyperParameters"]
    assert hyperparameters["sagemaker_program"] == '"train.py"'
    assert hyperparameters["sagemaker_region"] == '"eu-west-1"'
    assert hyperparameters["sagemaker_torch_distributed_enabled"] == "true"
    assert hyperparameters["sagemaker_instance_type"] == '"ml.p4d.24xlarge"'
    assert hyperparameters["epochs"] == "10"
    channels = [c["ChannelName"] for c in arguments["InputDataConfig"]]
    assert channels == ["train", "code"]  # isolated: the code arrives as a channel
    request = {"TrainingJobName": "from-pipeline", **arguments}
    assert botocore_errors("CreateTrainingJob", request) == ""
    with mock_aws():
        sagemaker = boto3.client("sagemaker", region_name="eu-west-1")
        sagemaker.create_training_job(**request)
        described = sagemaker.describe_training_job(TrainingJobName="from-pipeline")
        assert described["AlgorithmSpecification"]["TrainingImage"] == uri


@pytest.mark.parametrize(
    "changes,failed",
    [
        ({}, []),
        ({"InstanceType": "ml.trn1.32xlarge", "Distribution": "mpi"}, ["TrainiumDistribution"]),
        ({"InstanceType": "ml.trn1.32xlarge"}, []),
        (
            {"InstanceType": "ml.p5.48xlarge", "Distribution": "smdistributed_dataparallel"},
            ["DataParallelNotOnP5"],
        ),
        ({"MpiProcessesPerHost": "4"}, ["MpiOptions"]),
        ({"MpiProcessesPerHost": "4", "Distribution": "mpi"}, []),
    ],
)
def test_script_rules_refuse_what_the_sdk_refuses(out_dir, changes, failed):
    template = load_cfn(out_dir / SCRIPT_FILE)
    params = {**SCRIPT_PARAMS, "ImageUri": "x", **changes}
    assert Stack(template, params, "us-east-1").failed_rules() == failed
