"""Each input rule both targets enforce is one rule: the same pattern, the same answers."""

from __future__ import annotations

import re

import pytest

from support.readers import load_cfn, load_hcl

TRAINING = "cloudformation/training/kmeans.yaml"
MODEL = "cloudformation/sagemaker-model.yaml"
PIPELINE = "terraform/sagemaker-training-pipeline/variables.tf"
MODEL_TF = "terraform/sagemaker-model/variables.tf"


def tf_pattern(out_dir, path: str, variable: str) -> str:
    """The regex in a variable's validation condition, as Terraform reads it."""
    for block in load_hcl(out_dir / path)["variable"]:
        if variable in block:
            condition = block[variable]["validation"][0]["condition"]
            literal = re.search(r'regex\("((?:[^"\\]|\\.)*)"', condition).group(1)
            # HCL string escapes: \" and \\ (the only ones the generator writes here).
            return re.sub(r"\\(.)", r"\1", literal)
    raise AssertionError(f"{variable} not in {path}")


def cfn_pattern(out_dir, path: str, parameter: str) -> str:
    return load_cfn(out_dir / path)["Parameters"][parameter]["AllowedPattern"]


# (Terraform file, variable, CloudFormation file, parameter)
SHARED = {
    "s3 uri": (PIPELINE, "output_s3_path", TRAINING, "OutputS3Path"),
    "role arn": (PIPELINE, "role_arn", TRAINING, "RoleArn"),
    "pipeline name": (PIPELINE, "pipeline_name", TRAINING, "PipelineName"),
    "model data": (MODEL_TF, "model_data_url", MODEL, "ModelDataUrl"),
    "endpoint name": (MODEL_TF, "name", MODEL, "ModelName"),
    "execution role": (MODEL_TF, "execution_role_arn", MODEL, "ExecutionRoleArn"),
}
SAMPLES = [
    "s3://bucket",
    "s3://bucket/key/part",
    "s3://bucket/model.tar.gz",
    "s3://",
    "s3:/bucket/x",
    "bucket/key",
    's3://bucket/a"b',
    "s3://bucket/a\\b",
    "arn:aws:iam::123456789012:role/r",
    "arn:aws-cn:iam::123456789012:role/path/r",
    "arn:aws:iam::1234:role/r",
    "arn:aws:iam::123456789012:user/u",
    "a",
    "a-b",
    "a--b",
    "-a",
    "a-",
    "a_b",
    "x" * 63,
    "x" * 64,
    "x" * 256,
    "x" * 257,
]


@pytest.mark.parametrize("rule", SHARED)
def test_both_targets_enforce_the_same_pattern(out_dir, rule):
    tf_file, variable, cfn_file, parameter = SHARED[rule]
    tf = tf_pattern(out_dir, tf_file, variable)
    cfn = cfn_pattern(out_dir, cfn_file, parameter)
    # An optional parameter also takes "", CloudFormation's stand-in for Terraform's null.
    assert cfn in (tf, f"^({tf[1:-1]})?$")
    answers = {s: bool(re.search(tf, s)) for s in SAMPLES}
    assert any(answers.values()) and not all(answers.values())


def test_the_s3_pattern_refuses_what_breaks_the_pipeline_json(out_dir):
    pattern = tf_pattern(out_dir, PIPELINE, "output_s3_path")
    assert re.search(pattern, "s3://bucket/prefix/")
    assert not re.search(pattern, 's3://bucket/a"b')
    assert not re.search(pattern, "s3://bucket/a\\b")
    assert not re.search(pattern, "https://bucket/x")


def test_every_constrained_parameter_says_what_is_allowed(out_templates):
    checked = 0
    for path, template in out_templates.items():
        for name, parameter in template.get("Parameters", {}).items():
            if "AllowedPattern" in parameter or "AllowedValues" in parameter:
                description = parameter.get("ConstraintDescription", "")
                assert description.startswith(name) or name in description, (path.name, name)
                checked += 1
    assert checked > 100


def described_regions(text: str, catalog) -> tuple[list[str], set[str]]:
    """The algorithms a region rule names, and the regions it says they are published in."""
    match = re.fullmatch(r"AWS::Region does not host (.+): published (.+)\.", text)
    assert match, text
    algorithms, where = match[1].split(", "), match[2]
    if where.startswith("only in "):
        return algorithms, set(where.removeprefix("only in ").split(", "))
    assert where.startswith("in every region of the catalog"), where
    missing = where.partition(" but ")[2]
    everywhere = catalog.for_algorithms().regions  # the algorithm outputs' catalog
    return algorithms, set(everywhere) - set(missing.split(", ") if missing else [])


def test_every_rule_assertion_names_its_choices(out_templates, catalog):
    seen = 0
    for path, template in out_templates.items():
        for name, rule in template.get("Rules", {}).items():
            for assertion in rule["Assertions"]:
                text = assertion["AssertDescription"]
                if name.endswith("Regions") or name == "Region":
                    # Names the algorithms and exactly where they are published.
                    algorithms, regions = described_regions(text, catalog)
                    scope = "inference" if path.name == "sagemaker-model.yaml" else "training"
                    for key in algorithms:
                        assert regions == set(catalog.regions_for(key, scope)), (path.name, key)
                    seen += 1
                elif name.startswith("ImageTag"):
                    algorithms = text.split("not a tag of ")[1].split("; tags: ")[0].split(", ")
                    tags = text.split("; tags: ")[1].split(" (empty")[0].split(", ")
                    scope = "inference" if path.name == "sagemaker-model.yaml" else "training"
                    for key in algorithms:
                        assert set(tags) == set(catalog.algorithm(key).image(scope).tags)
                    seen += 1
                else:
                    assert len(text) > 20, (path.name, name)
    assert seen > 19
