"""CloudFormation output, checked by parsing, cfn-lint, a Rules evaluator and moto."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

from sagemaker_iac.api import framework_image, parse_catalog
from sagemaker_iac.cli import main
from sagemaker_iac.targets.cloudformation._mappings import MAX_INLINE_BODY
from sagemaker_iac.targets.cloudformation.render import MAPPINGS_FILE, MODEL_FILE, TEMPLATE_FILE
from support.cfn_eval import Stack, url_suffix
from support.cfn_lint import cfn_lint
from support.cfn_stack import stack_outputs
from support.cli import cli_runner
from support.paths import ROOT
from support.readers import load_cfn

pytestmark = [pytest.mark.cfnlint, pytest.mark.moto]

REGISTRIES, ALGORITHMS = "SageMakerRegistries", "SageMakerAlgorithms"


@pytest.fixture(scope="module")
def template(out_dir) -> dict[str, Any]:
    return load_cfn(out_dir / TEMPLATE_FILE)


def rules_pass(template: dict[str, Any], params: dict[str, str]) -> bool:
    region = params.pop("AWS::Region")
    return Stack(template, params, region).failed_rules() == []


@pytest.mark.parametrize(
    ("scope", "prefix"), [("training", ""), ("inference", "Host")], ids=["training", "inference"]
)
def test_mapping_round_trip_rebuilds_every_catalog_uri(out_dir, catalog, scope, prefix):
    maps = load_cfn(out_dir / MAPPINGS_FILE)
    rebuilt = {}
    for key, entry in maps[ALGORITHMS].items():
        group, repo, tag = (entry[prefix + name] for name in ("Group", "Repo", "Tag"))
        for region, groups in maps[REGISTRIES].items():
            if group in groups:
                rebuilt[(key, region)] = (
                    f"{groups[group]}.dkr.ecr.{region}.{url_suffix(region)}/{repo}:{tag}"
                )
    assert rebuilt == {(k, r): uri for k, r, uri in catalog.image_uris(scope)}


def test_templates_hold_the_snippets_mappings(out_dir, template):
    snippet = load_cfn(out_dir / MAPPINGS_FILE)
    # The model template adds the GPUs per instance type (for SM_NUM_GPUS).
    model = load_cfn(out_dir / MODEL_FILE)["Mappings"]
    assert {k: v for k, v in model.items() if k != "InstanceGpus"} == snippet
    # The images template resolves the training image: every other attribute is kept.
    training = ("Repo", "Group", "Tag")
    assert template["Mappings"][REGISTRIES] == snippet[REGISTRIES]
    assert template["Mappings"][ALGORITHMS] == {
        key: {name: entry[name] for name in training} for key, entry in snippet[ALGORITHMS].items()
    }
    # Each training pipeline carries its own algorithm's entry and its group's accounts.
    pipelines = sorted((out_dir / "cloudformation" / "training").glob("*.yaml"))
    assert pipelines
    for path in pipelines:
        key = path.stem
        entry = template["Mappings"][ALGORITHMS][key]
        group = entry["Group"]
        assert load_cfn(path)["Mappings"] == {
            REGISTRIES: {
                region: {group: accounts[group]}
                for region, accounts in snippet[REGISTRIES].items()
                if group in accounts
            },
            ALGORITHMS: {key: entry},
        }, path.name


def test_mapping_rules_hold(template):
    maps = template["Mappings"]
    assert len(maps) <= 200
    for name, top in maps.items():
        assert len(top) <= 200
        for key, second in top.items():
            assert re.fullmatch(r"[A-Za-z0-9.-]+", key), key
            assert len(second) <= 200
            for attribute, value in second.items():
                assert re.fullmatch(r"[A-Za-z0-9]+", attribute), f"{name}.{key}.{attribute}"
                assert isinstance(value, str)


def test_values_are_quoted_in_the_file(out_dir):
    """Account IDs stay strings for any YAML reader, not just this one."""
    raw = yaml.safe_load((out_dir / MAPPINGS_FILE).read_text())
    for groups in raw[REGISTRIES].values():
        assert all(isinstance(v, str) and len(v) == 12 for v in groups.values())


def test_template_is_compact_and_within_the_inline_limit(out_dir, catalog):
    size = len((out_dir / TEMPLATE_FILE).read_bytes())
    naive = sum(len(f'      {r}: "{uri}"\n') for _, r, uri in catalog.image_uris())
    assert size <= MAX_INLINE_BODY
    assert size < naive  # one account per group and region beats one URI per pair


# The images template resolves the training image; the model template hosts, so its
# rules are the inference image's. The model's endpoint switches stay off here.
SCOPED_TEMPLATES = pytest.mark.parametrize(
    ("name", "scope"), [(TEMPLATE_FILE, "training"), (MODEL_FILE, "inference")]
)
OFF = {
    "CreateEndpoint": "false",
    "CreateEndpointConfig": "false",
    "KmsKeyArn": "",
    "ModelDataUrl": "s3://b/m.tar.gz",
}


@SCOPED_TEMPLATES
def test_rules_admit_exactly_the_published_pairs(out_dir, catalog, name, scope):
    template = load_cfn(out_dir / name)
    allowed = template["Parameters"]["Algorithm"]["AllowedValues"]
    # The model template's "" leaves the image to ImageUri (test_one_image_source_...).
    assert sorted(a for a in allowed if a) == sorted(catalog.algorithms)
    for key in catalog.algorithms:
        for region in catalog.regions:
            admitted = rules_pass(
                template, {**OFF, "Algorithm": key, "ImageTag": "", "AWS::Region": region}
            )
            assert admitted == (region in catalog.regions_for(key, scope)), (key, region)


@SCOPED_TEMPLATES
def test_rules_admit_exactly_the_published_tags(out_dir, catalog, name, scope):
    template = load_cfn(out_dir / name)
    tags = [t for t in template["Parameters"]["ImageTag"]["AllowedValues"] if t]
    assert set(tags) == {t for a in catalog.algorithms.values() for t in a.image(scope)[2]}
    for key, algorithm in catalog.algorithms.items():
        region = catalog.regions_for(key, scope)[0]
        for tag in tags:
            admitted = rules_pass(
                template, {**OFF, "Algorithm": key, "ImageTag": tag, "AWS::Region": region}
            )
            assert admitted == (tag in algorithm.image(scope)[2]), (key, tag)


def test_the_model_template_takes_exactly_one_image_source(out_dir, catalog):
    template = load_cfn(out_dir / MODEL_FILE)
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-gpu-py310"
    base = {**OFF, "ImageTag": "", "AWS::Region": "us-east-1", "ModelDataUrl": "s3://b/m.tar.gz"}
    assert rules_pass(template, {**base, "Algorithm": "kmeans"})
    assert rules_pass(template, {**base, "ImageUri": image})
    assert not rules_pass(template, {**base, "Algorithm": "kmeans", "ImageUri": image})
    assert not rules_pass(template, dict(base))
    # Any image in any region: the catalog's region rules are the algorithms'.
    for region in catalog.regions:
        assert rules_pass(template, {**base, "ImageUri": image, "AWS::Region": region})
    serverless = {**base, "ImageUri": image, "ServerlessMemorySizeInMB": "2048"}
    assert not rules_pass(template, dict(serverless))  # network isolation is on by default
    assert rules_pass(template, {**serverless, "EnableNetworkIsolation": "false"})


def test_moto_deploys_the_model_template_with_uri_s_framework_image(out_dir, catalog):
    """A framework model as a user wires it: `uri`'s image (or a frameworks/ template's
    output) as ImageUri."""
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    image = framework_image(
        catalog,
        "pytorch",
        "us-east-1",
        version="2.1",
        py_version="py310",
        scope="inference",
        instance_type="ml.g4dn.xlarge",
    ).uri
    parameters = {**MODEL_PARAMETERS, "ImageUri": image, "InstanceType": "ml.g4dn.xlarge"}
    with mock_aws():
        client = boto3.client("cloudformation", region_name="us-east-1")
        outputs = stack_outputs(client, "model", (out_dir / MODEL_FILE).read_text(), parameters)
        assert outputs["ImageUri"] == image
        sagemaker = boto3.client("sagemaker", region_name="us-east-1")
        model = sagemaker.describe_model(ModelName=outputs["ModelName"])
        assert model["PrimaryContainer"]["Image"] == image
        endpoint = sagemaker.describe_endpoint(EndpointName=outputs["EndpointName"])
        config = sagemaker.describe_endpoint_config(
            EndpointConfigName=endpoint["EndpointConfigName"]
        )
        assert config["ProductionVariants"][0]["InstanceType"] == "ml.g4dn.xlarge"


def test_a_serverless_model_template_has_a_serverless_variant(out_dir):
    """Resolved as CloudFormation resolves it (moto reads a parameter's number as a string
    in ServerlessConfig, which CloudFormation converts)."""
    template = load_cfn(out_dir / MODEL_FILE)
    parameters = {
        **MODEL_PARAMETERS,
        "Algorithm": "kmeans",
        "ServerlessMemorySizeInMB": "2048",
        "ServerlessMaxConcurrency": "10",
    }
    (variant,) = _resolved(Stack(template, parameters, "us-east-1"), template)
    assert variant == {
        "VariantName": "AllTraffic",
        "ModelName": {"Fn::GetAtt": ["Model", "ModelName"]},
        "ServerlessConfig": {"MemorySizeInMB": "2048", "MaxConcurrency": "10"},
        "InitialVariantWeight": 1,
    }
    real_time = Stack(template, {**parameters, "ServerlessMemorySizeInMB": ""}, "us-east-1")
    (variant,) = _resolved(real_time, template)
    assert variant["InstanceType"] == "ml.m5.large" and variant["InitialInstanceCount"] == "1"
    assert "ServerlessConfig" not in variant


def _resolved(stack: Stack, template: dict[str, Any]) -> list[dict[str, Any]]:
    """The endpoint configuration's variants with every function resolved, no-values left
    out, as CloudFormation passes them to SageMaker."""
    return stack.properties("EndpointConfig")["ProductionVariants"]


# A hosted model's parameters beside its image; network isolation off, as serverless needs.
MODEL_PARAMETERS = {
    "ModelName": "framework-model",
    "ModelDataUrl": "s3://models/framework/model.tar.gz",
    "ExecutionRoleArn": "arn:aws:iam::123456789012:role/sagemaker",
    "EnableNetworkIsolation": "false",
    "CreateEndpointConfig": "true",
    "CreateEndpoint": "true",
    "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k",
}


USER_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Algorithm:
    Type: String
Mappings:
MAPPINGS
Resources:
  Noop:
    Type: AWS::CloudFormation::WaitConditionHandle
Outputs:
  Account:
    Value: !FindInMap [SageMakerRegistries, !Ref AWS::Region,
                       !FindInMap [SageMakerAlgorithms, !Ref Algorithm, Group]]
"""


def test_cfn_yaml_reads_as_cfn_lint_does(out_dir):
    """support.readers.load_cfn (libyaml) equals cfn-lint's decoder on every template we ship (the
    framework templates in test_cfn_frameworks, which decodes them once for lint too)."""
    from cfnlint.decode import decode

    written = sorted((out_dir / "cloudformation").rglob("*.yaml"))
    written += sorted((ROOT / "examples" / "cloudformation").glob("*.yaml"))
    paths = [p for p in written if p.parent.name != "frameworks"]
    assert len(paths) > 20
    for path in paths:
        decoded, errors = decode(str(path))
        assert not errors, path.name
        assert load_cfn(path) == json.loads(json.dumps(decoded)), path.name
    # Every short form we write, and the one GetAtt spelling that differs.
    tags = {t for p in written for t in re.findall(r"!([A-Za-z]+)", p.read_text())}
    assert {"Ref", "Sub", "GetAtt", "FindInMap", "If", "Condition", "Select"} <= tags


@pytest.mark.parametrize("name", [TEMPLATE_FILE, MAPPINGS_FILE])
def test_cfn_lint_reports_nothing_in_any_catalog_region(out_dir, catalog, name):
    text = (out_dir / name).read_text()
    if name == MAPPINGS_FILE:  # a section body: lint it where a user would paste it
        text = USER_TEMPLATE.replace(
            "MAPPINGS", "".join(f"  {line}\n" if line else "\n" for line in text.splitlines())
        )
    assert cfn_lint(text, catalog.for_algorithms().regions) == []


def test_cfn_lint_is_able_to_fail(out_dir):
    text = (
        (out_dir / TEMPLATE_FILE)
        .read_text()
        .replace("AWS::CloudFormation::WaitConditionHandle", "AWS::SageMaker::TrainingJob")
    )
    assert any("E3006" in m for m in cfn_lint(text))


@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1", "ap-southeast-2"])
def test_moto_deploys_the_template_and_outputs_the_catalog_uri(out_dir, catalog, region):
    # moto ignores Rules and hard-codes AWS::URLSuffix to amazonaws.com, so only
    # non-China regions are deployed here; China is covered by Terraform and cfn-lint.
    # Every tag in the first region; the default tag elsewhere (the tag's mapping does not
    # depend on the region, and each stack costs moto a whole pure-Python YAML read).
    every_tag = region == "us-east-1"
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    body = (out_dir / TEMPLATE_FILE).read_text()
    with mock_aws():
        client = boto3.client("cloudformation", region_name=region)
        for index, key in enumerate(sorted(catalog.algorithms)):
            if region not in catalog.regions_for(key):
                continue
            tags = catalog.algorithms[key].tags if every_tag else ()
            for number, tag in enumerate(("", *tags)):
                # Positions, not hash(): string hashes vary per process and could collide.
                name = f"images-{index}-{number}"
                client.create_stack(
                    StackName=name,
                    TemplateBody=body,
                    Parameters=[
                        {"ParameterKey": "Algorithm", "ParameterValue": key},
                        {"ParameterKey": "ImageTag", "ParameterValue": tag},
                    ],
                )
                stack = client.describe_stacks(StackName=name)["Stacks"][0]
                outputs = {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]}
                assert outputs["ImageUri"] == catalog.image_uri(key, region, tag or None)
                assert outputs["RegistryId"] == catalog.registry_id(key, region)


def _synthetic(regions: int) -> str:
    """A catalog with more regions than one CloudFormation mapping may hold."""
    names = [f"ap-test-{i}" for i in range(1, regions + 1)]  # names the aws partition could have
    return json.dumps(
        {
            "schema_version": 1,
            "sources": {"t": {"title": "t", "document": "t", "date": "2026-11-23"}},
            "partitions": {"aws": {"dns_suffix": "amazonaws.com", "source": "t"}},
            "regions": {n: {"partition": "aws"} for n in names},
            "formats": {"csv": {"content_types": ["text/csv"]}},
            "registry_groups": {
                "g": {"source": "t", "accounts": {n: "123456789012" for n in names}}
            },
            "algorithms": {
                "kmeans": {
                    "name": "k",
                    "repository": "kmeans",
                    "registry_group": "g",
                    "tags": ["1"],
                    "channels": {"required": ["train"]},
                    "input_modes": ["File"],
                    "formats": ["csv"],
                    "instance": {"processors": ["cpu"]},
                    "parallelizable": True,
                    "source": "t",
                }
            },
        }
    )


def test_a_catalog_beyond_the_mapping_quota_is_refused_not_emitted(tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text(_synthetic(201))
    parse_catalog(path.read_text(), str(path))  # a valid catalog...
    out = tmp_path / "out"
    result = cli_runner().invoke(main, ["generate", "--catalog", str(path), "--out", str(out)])
    assert result.exit_code == 2  # ...that CloudFormation could not take
    assert "201 top-level keys" in result.stderr and "allows 200" in result.stderr
    assert result.stderr.startswith(f"error: {path}: regions: mapping SageMakerRegistries")
    assert not out.exists()


TGI = (
    "763104351884.dkr.ecr.us-east-1.amazonaws.com/"
    "huggingface-pytorch-tgi-inference:2.3.0-tgi2.0.2-gpu-py310-cu121-ubuntu22.04"
)
LLM = {
    **MODEL_PARAMETERS,
    "ImageUri": TGI,
    "ModelDataUrl": "",
    "ModelDataS3Prefix": "s3://models/llm/",
    "HfModelId": "/opt/ml/model",
    "InstanceType": "ml.g5.12xlarge",
}


def test_an_llm_model_reads_its_weights_and_shards_over_the_instance_gpus(out_dir, catalog):
    template = load_cfn(out_dir / MODEL_FILE)
    container = Stack(template, LLM, "us-east-1").properties("Model")["PrimaryContainer"]
    assert container == {
        "Image": TGI,
        "ModelDataSource": {
            "S3DataSource": {
                "S3Uri": "s3://models/llm/",
                "S3DataType": "S3Prefix",
                "CompressionType": "None",
            }
        },
        "Environment": {"HF_MODEL_ID": "/opt/ml/model", "SM_NUM_GPUS": "4"},
    }
    assert catalog.gpu_counts["ml.g5.12xlarge"] == 4
    told = Stack(template, {**LLM, "NumGpus": "2"}, "us-east-1").properties("Model")
    assert told["PrimaryContainer"]["Environment"]["SM_NUM_GPUS"] == "2"


def test_a_framework_model_gets_the_sdks_script_mode_environment(out_dir):
    template = load_cfn(out_dir / MODEL_FILE)
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311"
    parameters = {**MODEL_PARAMETERS, "ImageUri": image, "EntryPoint": "inference.py"}
    model = Stack(template, parameters, "us-east-1").properties("Model")
    assert model["PrimaryContainer"]["Environment"] == {
        "SAGEMAKER_PROGRAM": "inference.py",
        "SAGEMAKER_SUBMIT_DIRECTORY": "/opt/ml/model/code",
        "SAGEMAKER_CONTAINER_LOG_LEVEL": "20",
        "SAGEMAKER_REGION": "us-east-1",
    }
    assert model["PrimaryContainer"]["ModelDataUrl"] == MODEL_PARAMETERS["ModelDataUrl"]
    plain = Stack(template, {**parameters, "EntryPoint": ""}, "us-east-1").properties("Model")
    assert "Environment" not in plain["PrimaryContainer"]


def test_an_async_endpoint_writes_where_it_is_told(out_dir):
    template = load_cfn(out_dir / MODEL_FILE)
    parameters = {
        **MODEL_PARAMETERS,
        "Algorithm": "kmeans",
        "AsyncOutputS3Path": "s3://async/out/",
        "AsyncErrorTopicArn": "arn:aws:sns:us-east-1:123456789012:failed",
    }
    config = Stack(template, parameters, "us-east-1").properties("EndpointConfig")
    assert config["AsyncInferenceConfig"] == {
        "OutputConfig": {
            "S3OutputPath": "s3://async/out/",
            "NotificationConfig": {"ErrorTopic": "arn:aws:sns:us-east-1:123456789012:failed"},
        }
    }
    real_time = Stack(template, MODEL_PARAMETERS | {"Algorithm": "kmeans"}, "us-east-1").properties(
        "EndpointConfig"
    )
    assert "AsyncInferenceConfig" not in real_time


@pytest.mark.parametrize(
    "changes,failed",
    [
        ({}, []),
        ({"ModelDataUrl": ""}, ["OneModelData"]),
        ({"ModelDataS3Prefix": "s3://b/weights/"}, ["OneModelData"]),
        (
            {"Algorithm": "kmeans", "ImageUri": "", "EntryPoint": "inference.py"},
            ["ScriptNeedsAFramework"],
        ),
        ({"SourceDir": "s3://b/code/sourcedir.tar.gz"}, ["SourceDirNeedsEntryPoint"]),
        (
            {"AsyncOutputS3Path": "s3://b/out/", "ServerlessMemorySizeInMB": "2048"},
            ["AsyncIsNotServerless"],
        ),
        ({"AutoscalingMaxCapacity": "3"}, []),
        (
            {"AutoscalingMaxCapacity": "3", "CreateEndpoint": "false"},
            ["AutoscalingScalesARealTimeEndpoint"],
        ),
    ],
)
def test_model_rules_refuse_what_sagemaker_refuses(out_dir, changes, failed):
    template = load_cfn(out_dir / MODEL_FILE)
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/server:1"
    parameters = {**MODEL_PARAMETERS, "ImageUri": image, **changes}
    assert Stack(template, parameters, "us-east-1").failed_rules() == failed


def test_moto_deploys_an_llm_model_from_its_weights(out_dir):
    """moto keeps the model's image and data source (not its environment: the resolved
    template above shows it)."""
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    parameters = {**LLM, "InstanceType": "ml.g4dn.2xlarge"}
    with mock_aws():
        client = boto3.client("cloudformation", region_name="us-east-1")
        outputs = stack_outputs(client, "llm", (out_dir / MODEL_FILE).read_text(), parameters)
        sagemaker = boto3.client("sagemaker", region_name="us-east-1")
        container = sagemaker.describe_model(ModelName=outputs["ModelName"])["PrimaryContainer"]
        assert container["Image"] == TGI
        assert container["ModelDataSource"]["S3DataSource"]["S3Uri"] == "s3://models/llm/"


def test_an_endpoint_scales_on_invocations_per_instance(out_dir):
    """Resolved as CloudFormation resolves it (moto's CloudFormation has no Application
    Auto Scaling types)."""
    template = load_cfn(out_dir / MODEL_FILE)
    parameters = {**LLM, "AutoscalingMaxCapacity": "3", "AutoscalingTargetInvocations": "50"}
    stack = Stack(template, parameters, "us-east-1")
    assert stack.condition("Scales") and stack.failed_rules() == []
    target = stack.properties("ScalableTarget")
    assert target["ResourceId"] == "endpoint/framework-model/variant/AllTraffic"
    assert (target["MinCapacity"], target["MaxCapacity"]) == ("1", "3")
    assert target["ScalableDimension"] == "sagemaker:variant:DesiredInstanceCount"
    policy = stack.properties("ScalingPolicy")["TargetTrackingScalingPolicyConfiguration"]
    assert policy["TargetValue"] == "50"
    assert policy["PredefinedMetricSpecification"] == {
        "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
    }
    assert not Stack(template, LLM, "us-east-1").condition("Scales")
