"""The JumpStart templates: cfn-lint, CloudFormation's limits, every model's answers
evaluated against `sagemaker-iac jumpstart`, the Rules' refusals, and moto deploying a
gated and an open model."""

from __future__ import annotations

import json

import pytest

from sagemaker_iac.api import UnavailableError, jumpstart_hosting, load_catalog
from sagemaker_iac.targets.cloudformation._mappings import MAX_KEYS_PER_LEVEL, MAX_MAPPINGS
from sagemaker_iac.targets.cloudformation.jumpstart import DEFAULT, MAX_S3_BODY, ROOT
from support.cfn_eval import NO_VALUE, Stack
from support.cfn_lint import cfn_lint, decoded_and_linted
from support.cfn_stack import stack_outputs

pytestmark = [pytest.mark.cfnlint, pytest.mark.moto]

REGIONS = ("us-east-1", "cn-north-1", "us-gov-west-1", "eu-central-2", "ap-northeast-3")
ROLE = "arn:aws:iam::123456789012:role/r"
GATED = "meta-textgeneration-llama-3-1-8b-instruct"
OPEN = "huggingface-asr-whisper-base"


@pytest.fixture(scope="module")
def templates(out_dir, out_templates):
    return {p.name: t for p, t in out_templates.items() if p.parent == out_dir / ROOT}


def owner(templates, model_id):
    (found,) = [
        (name, t)
        for name, t in templates.items()
        if model_id in t["Parameters"]["ModelId"]["AllowedValues"]
    ]
    return found


def test_every_model_is_in_one_template_within_the_limits(out_dir, templates):
    catalog = load_catalog()
    offered = [m for t in templates.values() for m in t["Parameters"]["ModelId"]["AllowedValues"]]
    assert sorted(offered) == sorted(catalog.jumpstart.models)
    for path in sorted((out_dir / ROOT).glob("*.yaml")):
        assert len(path.read_bytes()) <= MAX_S3_BODY, path.name
        mappings = templates[path.name]["Mappings"]
        assert len(mappings) <= MAX_MAPPINGS
        for top in mappings.values():
            assert len(top) <= MAX_KEYS_PER_LEVEL, path.name
            assert all(len(second) <= MAX_KEYS_PER_LEVEL for second in top.values())


def test_cfn_lint_is_clean_on_every_jumpstart_template(out_dir, templates):
    paths = sorted((out_dir / ROOT).glob("*.yaml"))
    assert len(paths) >= 20
    for path in paths:
        decoded, findings = decoded_and_linted(path.read_text())
        assert findings == [], (path.name, findings[:3])
        assert templates[path.name] == decoded, path.name
    broken = paths[0].read_text().replace("S3DataType: !FindInMap", "S3Type: !FindInMap")
    assert any("E3002" in m for m in cfn_lint(broken))


def _container(stack: Stack) -> dict:
    container = stack.properties("Model")["PrimaryContainer"]
    return {
        "image_uri": container["Image"],
        "environment": container.get("Environment", {}),
        "s3_uri": container["ModelDataSource"]["S3DataSource"]["S3Uri"],
        "s3_data_type": container["ModelDataSource"]["S3DataSource"]["S3DataType"],
        "compression_type": container["ModelDataSource"]["S3DataSource"]["CompressionType"],
        "eula": container["ModelDataSource"]["S3DataSource"].get("ModelAccessConfig"),
    }


def test_every_model_evaluates_as_the_cli_answers(templates):
    catalog = load_catalog()
    cases = 0
    for model_id, versions in sorted(catalog.jumpstart.models.items()):
        _, template = owner(templates, model_id)
        (found,) = versions.values()
        regions = [r for r in REGIONS if r in found.regions] or list(found.regions[:1])
        for region in regions:
            for instance_type in (DEFAULT, *found.instance_types):
                params = {
                    "ModelId": model_id,
                    "InstanceType": instance_type,
                    "AcceptEula": "true",
                    "ExecutionRoleArn": ROLE,
                }
                stack = Stack(template, params, region)
                assert stack.failed_rules() == [] and stack.refused_parameters() == []
                asked = None if instance_type == DEFAULT else instance_type
                try:
                    want = jumpstart_hosting(catalog, model_id, region, instance_type=asked)
                except UnavailableError:
                    continue  # no image for this type in this region: FindInMap fails
                data = want.model_data
                assert data is not None
                assert _container(stack) == {
                    "image_uri": want.image_uri,
                    "environment": dict(want.environment),
                    "s3_uri": data.s3_uri,
                    "s3_data_type": data.s3_data_type,
                    "compression_type": data.compression_type,
                    "eula": {"AcceptEula": True} if want.requires_eula else None,
                }
                assert stack.output("InstanceType") == want.instance_type
                assert stack.output("ImageUri") == want.image_uri
                assert stack.output("ModelVersion") == want.version
                cases += 1
    assert cases > 3000


@pytest.mark.parametrize(
    ("params", "region", "refused"),
    [
        ({"ModelId": GATED}, "us-east-1", "requires accepting its end-user license agreement"),
        (
            {"ModelId": GATED, "AcceptEula": "true", "InstanceType": "ml.g4dn.2xlarge"},
            "us-east-1",
            "supports instance types ml.g5.4xlarge,",
        ),
        ({"ModelId": GATED, "AcceptEula": "true"}, "eu-central-2", "is published only in"),
        ({"ModelId": OPEN, "CreateEndpoint": "true"}, "us-east-1", "needs KmsKeyArn"),
    ],
)
def test_the_rules_refuse_what_the_catalog_refuses(templates, params, region, refused):
    _, template = owner(templates, params["ModelId"])
    stack = Stack(template, {"ExecutionRoleArn": ROLE, **params}, region)
    failed = stack.failed_rules()
    assert len(failed) == 1
    descriptions = [a["AssertDescription"] for a in template["Rules"][failed[0]]["Assertions"]]
    assert any(refused in d for d in descriptions), descriptions
    # A parameter outside the template is refused by its AllowedValues.
    other = Stack(
        template, {"ExecutionRoleArn": ROLE, **params, "InstanceType": "ml.x9.huge"}, region
    )
    assert "InstanceType" in other.refused_parameters()


def test_an_open_model_sends_no_eula_even_when_accepted(templates):
    _, template = owner(templates, OPEN)
    stack = Stack(
        template,
        {"ModelId": OPEN, "AcceptEula": "true", "ExecutionRoleArn": ROLE},
        "us-east-1",
    )
    assert _container(stack)["eula"] is None
    assert NO_VALUE not in json.dumps(stack.properties("Model"))


def test_moto_deploys_a_gated_and_an_open_model(out_dir, templates):
    from moto import mock_aws

    catalog = load_catalog()
    with mock_aws():
        import boto3

        cfn = boto3.client("cloudformation", region_name="us-east-1")
        sagemaker = boto3.client("sagemaker", region_name="us-east-1")
        for model_id, extra in ((GATED, {"AcceptEula": "true"}), (OPEN, {})):
            name, _ = owner(templates, model_id)
            params = {"ModelId": model_id, "ExecutionRoleArn": ROLE, **extra}
            body = (out_dir / ROOT / name).read_text()
            outputs = stack_outputs(cfn, model_id.replace(".", "-")[:60], body, params)
            want = jumpstart_hosting(catalog, model_id, "us-east-1")
            assert outputs["ImageUri"] == want.image_uri
            container = sagemaker.describe_model(ModelName=outputs["ModelName"])["PrimaryContainer"]
            assert container["Image"] == want.image_uri
            assert container["Environment"] == dict(want.environment)
            source = container["ModelDataSource"]["S3DataSource"]
            assert want.model_data is not None
            assert source["S3Uri"] == want.model_data.s3_uri
            assert source.get("ModelAccessConfig") == (
                {"AcceptEula": True} if want.requires_eula else None
            )
