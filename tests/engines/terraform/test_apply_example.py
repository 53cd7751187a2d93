"""The example root and the plans that must fail, against the mirrored provider and moto.

Elsewhere these tests skip and say why.
"""

from __future__ import annotations

import json

import pytest

from apply_helpers import REGION, Root, unexplained, user_tree
from conftest import MIRROR_MARKS
from training_inputs import valid_job

pytestmark = MIRROR_MARKS


@pytest.fixture(scope="module")
def example(tmp_path_factory, moto_server):
    tmp = tmp_path_factory.mktemp("apply-example")
    folder = user_tree(tmp) / "examples" / "terraform" / "train-and-host-kmeans"
    root = Root(folder, tmp, moto_server)
    key = root.client("kms").create_key()["KeyMetadata"]["Arn"]
    variables = ("-var=bucket=kmeans-data", f"-var=kms_key_arn={key}")
    yield root, variables
    root.run(
        "destroy",
        "-auto-approve",
        "-refresh=false",
        *variables,
        "-var=model_data_url=s3://x/m.tar.gz",
    )


def test_the_example_applies_in_two_steps_unedited(example, catalog):
    root, variables = example
    root.apply_now(*variables)
    assert root.managed_types() == {"aws_iam_role", "aws_iam_role_policy", "aws_sagemaker_pipeline"}
    # Nothing here is one of moto's known differences: the next plan is empty.
    assert root.plan_is_empty(*variables)
    outputs = root.outputs()
    assert outputs["model_data_url_pattern"] == (
        "s3://kmeans-data/kmeans/output/JOB/output/model.tar.gz"
    )
    model_url = outputs["model_data_url_pattern"].replace("JOB", "pipelines-abc-Train-x")
    root.apply_now(*variables, f"-var=model_data_url={model_url}")
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
        "The name must be 1-63 letters, digits and hyphens, starting and ending with a letter "
        "or digit (SageMaker's limit for an endpoint name)",
    ),
    "spec_job_name_64": (
        "sagemaker-training-spec",
        {"job_name": "j" * 64, "region": REGION, "role_arn": "arn:aws:iam::123456789012:role/r"},
        "The job_name must be 1-63 letters, digits and hyphens, starting and ending with a "
        "letter or digit (SageMaker's limit for a training job name)",
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
