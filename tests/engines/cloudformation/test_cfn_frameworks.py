"""The framework image templates: cfn-lint, CloudFormation's limits, every answer evaluated
against the catalog, the Rules' refusals, and moto deploying one in three regions."""

from __future__ import annotations

import pytest

from sagemaker_iac.api import UnavailableError, framework_image, load_catalog
from sagemaker_iac.catalog.resolve import answers
from sagemaker_iac.catalog.sentinels import ANY
from sagemaker_iac.targets.cloudformation._frameworks import DEFAULT, NONE, ROOT
from sagemaker_iac.targets.cloudformation._mappings import (
    MAX_INLINE_BODY,
    MAX_KEYS_PER_LEVEL,
    MAX_MAPPINGS,
)
from support.cfn_eval import Stack
from support.cfn_lint import cfn_lint, decoded_and_linted

pytestmark = [pytest.mark.cfnlint, pytest.mark.moto]

REGIONS = ("us-east-1", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "eu-west-1")


@pytest.fixture(scope="module")
def templates(out_dir, out_templates):
    return {p.name: t for p, t in out_templates.items() if p.parent == out_dir / ROOT}


def test_cfn_lint_is_clean_on_every_framework_template(out_dir, templates):
    paths = sorted((out_dir / ROOT).glob("*.yaml"))
    assert len(paths) > 100
    for path in paths:
        decoded, findings = decoded_and_linted(path.read_text())
        assert findings == [], path.name
        # The tests' reader (support.readers.load_cfn) reads it as cfn-lint does.
        assert templates[path.name] == decoded, path.name
    broken = paths[0].read_text().replace("WaitConditionHandle", "NoSuchThing")
    assert any("E3006" in m for m in cfn_lint(broken))  # the same call fails on a broken one


def test_every_template_is_within_cloudformations_limits(out_dir, templates):
    for path in sorted((out_dir / ROOT).glob("*.yaml")):
        assert len(path.read_bytes()) <= MAX_INLINE_BODY, path.name
        mappings = templates[path.name]["Mappings"]
        assert len(mappings) <= MAX_MAPPINGS
        for top in mappings.values():
            assert len(top) <= MAX_KEYS_PER_LEVEL, path.name
            assert all(len(second) <= MAX_KEYS_PER_LEVEL for second in top.values())


def _owner(templates, framework, scope, version):
    """The template (or version chunk) that offers this version."""
    stem = f"{framework}-{scope.replace('_', '-')}"
    for name, template in templates.items():
        if name == f"{stem}.yaml" or (
            name.startswith(f"{stem}-") and name[len(stem) + 1 : -5].isdigit()
        ):
            if version in template["Parameters"]["Version"]["AllowedValues"]:
                return template
    raise AssertionError(f"no template offers {framework} {scope} {version}")


def test_every_answer_evaluates_to_the_catalogs_uri(templates):
    catalog = load_catalog()
    checked = 0
    for framework in sorted(catalog.images):
        for (scope, version, py, base, processor), located in answers(catalog, framework).items():
            if scope is None or (version is not None and not version):
                continue  # the templates fix a scope; "" is reached as the default only
            template = _owner(templates, framework, scope, DEFAULT if version is None else version)
            params = {
                "Version": DEFAULT if version is None else version,
                "PyVersion": NONE if py in (None, ANY) else py,
                "Processor": NONE if processor in (None, ANY) else processor,
            }
            if base is not None:
                params["BaseFrameworkVersion"] = base
            accounts = catalog.registry_groups[located.registry_group].accounts
            region = next((r for r in REGIONS if r in accounts), sorted(accounts)[0])
            stack = Stack(template, params, region)
            assert stack.failed_rules() == [], (framework, scope, params, region)
            uri = stack.eval(template["Outputs"]["ImageUri"]["Value"])
            expected = framework_image(
                catalog,
                framework,
                region,
                version=version,
                py_version=None if py == ANY else py,
                scope=scope,
                base_framework_version=base,
                processor=None if processor == ANY else processor,
            ).uri
            assert uri == expected, (framework, scope, params, region)
            checked += 1
    assert checked > 4000


def test_rules_refuse_an_unpublished_region_and_a_wrong_python(templates):
    catalog = load_catalog()
    template = templates["pytorch-training.yaml"]
    params = {"Version": "2.1.0", "PyVersion": "py310", "Processor": "gpu"}
    found = framework_image(
        catalog,
        "pytorch",
        "us-east-1",
        version="2.1.0",
        py_version="py310",
        scope="training",
        processor="gpu",
    )
    accounts = catalog.registry_groups[
        answers(catalog, "pytorch")[("training", "2.1.0", "py310", None, "gpu")].registry_group
    ].accounts
    missing = sorted(set(catalog.regions) - set(accounts))[0]
    with pytest.raises(UnavailableError):
        framework_image(
            catalog,
            "pytorch",
            missing,
            version="2.1.0",
            py_version="py310",
            scope="training",
            processor="gpu",
        )
    failed = Stack(template, params, missing).failed_rules()
    assert failed and all(name.startswith("Regions") for name in failed)
    failed = Stack(template, {**params, "PyVersion": "py38"}, "us-east-1").failed_rules()
    assert failed and all(name.startswith("PyVersion") for name in failed)
    assert Stack(template, params, "us-east-1").failed_rules() == []
    assert found.repository == "pytorch-training"


@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1", "ap-southeast-2"])
def test_moto_deploys_the_pytorch_training_template(out_dir, region):
    # moto ignores Rules and hard-codes AWS::URLSuffix, so non-China regions only.
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    catalog = load_catalog()
    body = (out_dir / ROOT / "pytorch-training.yaml").read_text()
    cases = [
        ("2.1.0", "py310", "gpu"),
        ("2.1", "py310", "cpu"),
        ("1.13.1", "py39", "gpu"),
        (DEFAULT, NONE, "cpu"),
    ]
    with mock_aws():
        client = boto3.client("cloudformation", region_name=region)
        for index, (version, py, processor) in enumerate(cases):
            client.create_stack(
                StackName=f"pytorch-{index}",
                TemplateBody=body,
                Parameters=[
                    {"ParameterKey": "Version", "ParameterValue": version},
                    {"ParameterKey": "PyVersion", "ParameterValue": py},
                    {"ParameterKey": "Processor", "ParameterValue": processor},
                ],
            )
            stack = client.describe_stacks(StackName=f"pytorch-{index}")["Stacks"][0]
            outputs = {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]}
            expected = framework_image(
                catalog,
                "pytorch",
                region,
                version=None if version == DEFAULT else version,
                py_version=None if py == NONE else py,
                scope="training",
                processor=processor,
            )
            assert outputs["ImageUri"] == expected.uri
            assert outputs["RegistryId"] == expected.registry
            assert outputs["FrameworkVersion"] == expected.version
