"""The training spec module's image sources (framework, image_uri), script mode and
distribution rules, planned by Terraform 1.0.3: each refusal names what is allowed."""

from __future__ import annotations

import json
import shutil
from typing import Any

import pytest

from support.cli import invoke
from support.paths import FIXTURES
from support.terraform import TERRAFORM_MARKS, terraform
from support.training_inputs import GPU_TYPE, botocore_errors, plan_script_jobs

pytestmark = TERRAFORM_MARKS

PYTORCH = {"framework": "pytorch", "framework_version": "2.3.0", "py_version": "py311"}
HUGGINGFACE = {
    "framework": "huggingface",
    "framework_version": "4.36.0",
    "base_framework_version": "pytorch2.1.0",
    "py_version": "py310",
}
CUSTOM = "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/trainer:3"

# Case name -> (inputs over SCRIPT_JOB, a fragment of the one expected error or None).
CASES: dict[str, tuple[dict[str, Any], str | None]] = {
    "framework-ok": (PYTORCH, None),
    "framework-default-version-ok": ({"framework": "pytorch", "py_version": None}, None),
    "no-version-image": (
        {**PYTORCH, "framework_version": "9.9.0"},
        "no pytorch image for image_scope=training, framework_version=9.9.0",
    ),
    "no-python-image": ({**PYTORCH, "py_version": "py27"}, "Python versions: "),
    "gpu-for-cpu-only": (
        {"framework": "sklearn", "framework_version": "1.2-1", "instance_type": GPU_TYPE},
        "no sklearn image for image_scope=training, framework_version=1.2-1, "
        f"instance_type={GPU_TYPE}; scopes: ",
    ),
    "two-sources": (
        {**PYTORCH, "image_uri": CUSTOM},
        "set exactly one image source: algorithm, framework or image_uri "
        "(given: framework, image_uri)",
    ),
    "no-source": (
        {},
        "set exactly one image source: algorithm, framework or image_uri (given: none)",
    ),
    "framework-needs-a-script": (
        {**PYTORCH, "entry_point": None, "source_dir": None},
        "set entry_point, the training script in source_dir (a framework image trains a script)",
    ),
    "script-needs-its-code": (
        {**PYTORCH, "source_dir": None},
        "set source_dir, the S3 URI of the packed code (sourcedir.tar.gz) that holds "
        "entry_point train.py",
    ),
    "algorithm-runs-no-script": (
        {"algorithm": "xgboost", "hyperparameters": {"num_round": "10"}},
        "a built-in algorithm runs no script: leave entry_point and source_dir null",
    ),
    "tag-only-for-algorithms": (
        {**PYTORCH, "image_tag": "2.3.0-cpu-py311"},
        "image_tag 2.3.0-cpu-py311 selects a built-in algorithm's image",
    ),
    "torch-distributed-ok": (
        {**PYTORCH, "instance_type": "ml.p4d.24xlarge", "distribution": "torch_distributed"},
        None,
    ),
    "torch-distributed-old-version": (
        {
            **PYTORCH,
            "framework_version": "1.12.1",
            "py_version": "py38",
            "instance_type": "ml.p4d.24xlarge",
            "distribution": "torch_distributed",
        },
        "distribution torch_distributed is not available for pytorch 1.12.1 on "
        "ml.p4d.24xlarge; available: mpi, smdistributed_dataparallel",
    ),
    "torch-distributed-on-cpu": (
        {**PYTORCH, "distribution": "torch_distributed"},
        "distribution torch_distributed is not available for pytorch 2.3.0 on ml.m5.xlarge; "
        "available: mpi",
    ),
    "parameter-server-not-for-pytorch": (
        {**PYTORCH, "distribution": "parameter_server"},
        "distribution parameter_server is not available for pytorch 2.3.0 on ml.m5.xlarge; "
        "available: mpi",
    ),
    "smdistributed-version": (
        {
            **PYTORCH,
            "instance_type": "ml.p4d.24xlarge",
            "distribution": "smdistributed_dataparallel",
        },
        "distribution smdistributed_dataparallel is not available for pytorch 2.3.0 on "
        "ml.p4d.24xlarge; available: mpi, torch_distributed",
    ),
    "smdistributed-not-on-p5": (
        {
            **PYTORCH,
            "framework_version": "2.2.0",
            "py_version": "py310",
            "instance_type": "ml.p5.48xlarge",
            "distribution": "smdistributed_dataparallel",
        },
        "distribution smdistributed_dataparallel does not run on ml.p5.48xlarge; "
        "use torch_distributed",
    ),
    "torch-distributed-runs-python": (
        {
            **PYTORCH,
            "instance_type": "ml.p4d.24xlarge",
            "distribution": "torch_distributed",
            "entry_point": "train.sh",
        },
        "distribution torch_distributed runs a Python entry point (*.py); entry_point is train.sh",
    ),
    "tensorflow-parameter-server-ok": (
        {
            "framework": "tensorflow",
            "framework_version": "2.14.1",
            "py_version": "py310",
            "distribution": "parameter_server",
        },
        None,
    ),
    # Hugging Face is checked as its base framework (name and version), as the SDK does.
    "huggingface-torch-distributed-ok": (
        {**HUGGINGFACE, "instance_type": "ml.p4d.24xlarge", "distribution": "torch_distributed"},
        None,
    ),
    "huggingface-old-base": (
        {
            **HUGGINGFACE,
            "framework_version": "4.26.0",
            "base_framework_version": "pytorch1.13.1",
            "py_version": "py39",
            "instance_type": "ml.p4d.24xlarge",
            "distribution": "smdistributed_dataparallel",
        },
        None,
    ),
    "huggingface-base-without-it": (
        {
            **HUGGINGFACE,
            "framework_version": "4.17.0",
            "base_framework_version": "pytorch1.10.2",
            "py_version": "py38",
            "instance_type": "ml.p4d.24xlarge",
            "distribution": "torch_distributed",
        },
        "distribution torch_distributed is not available for huggingface 4.17.0 "
        "(pytorch1.10.2) on ml.p4d.24xlarge; available: mpi, smdistributed_dataparallel",
    ),
    "algorithm-distribution": (
        {
            "algorithm": "xgboost",
            "entry_point": None,
            "source_dir": None,
            "distribution": "mpi",
            "hyperparameters": {"num_round": "10"},
        },
        "distribution mpi: a built-in algorithm distributes itself; leave distribution null",
    ),
    "mpi-options-need-mpi": (
        {**PYTORCH, "mpi_processes_per_host": 2},
        "mpi_processes_per_host applies to distribution mpi only",
    ),
    "image-uri-ok": ({"image_uri": CUSTOM, "distribution": "mpi"}, None),
    "image-uri-without-script-ok": (
        {"image_uri": CUSTOM, "entry_point": None, "source_dir": None},
        None,
    ),
    "image-uri-other-region": (
        {"image_uri": CUSTOM.replace("us-west-2", "eu-west-1")},
        "image_uri 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/trainer:3 is in region "
        "eu-west-1: SageMaker pulls an ECR image from the job's region, us-west-2",
    ),
    "image-uri-catalog-account": (
        {"image_uri": "123456789012.dkr.ecr.us-west-2.amazonaws.com/kmeans:1"},
        "image_uri 123456789012.dkr.ecr.us-west-2.amazonaws.com/kmeans:1: the catalog "
        "publishes kmeans in us-west-2 from account 174872318107",
    ),
    "image-uri-catalog-ok": (
        {"image_uri": "174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1"},
        None,
    ),
    "image-uri-trainium": (
        {"image_uri": CUSTOM, "instance_type": "ml.trn1.32xlarge", "distribution": "mpi"},
        "distribution mpi: Trainium instance ml.trn1.32xlarge takes only torch_distributed",
    ),
}


# The source rules, each with one of its failing cases (the algorithm rules have
# test_training_spec's matrix).
COVERS = {
    "image_source": "two-sources",
    "framework_image": "no-version-image",
    "algorithm_tag": "tag-only-for-algorithms",
    "script": "script-needs-its-code",
    "distribution": "torch-distributed-old-version",
    "distribution_instance": "smdistributed-not-on-p5",
    "mpi_options": "mpi-options-need-mpi",
    "image_uri": "image-uri-catalog-account",
}


def test_every_image_source_rule_has_a_failing_case():
    from sagemaker_iac.targets.terraform._rules import SOURCE_RULES

    assert [r.key for r in SOURCE_RULES] == list(COVERS)
    assert all(CASES[case][1] for case in COVERS.values())


@pytest.fixture(scope="module")
def results(out_dir, tmp_path_factory):
    inputs = {name: case for name, (case, _) in CASES.items()}
    return plan_script_jobs(out_dir, tmp_path_factory.mktemp("sources") / "root", inputs)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_source_rule_passes_or_names_what_is_allowed(name, results):
    expected = CASES[name][1]
    errors = results[name]["errors"]
    if expected is None:
        assert errors == [], errors
        request = json.loads(results[name]["request"])
        assert botocore_errors("CreateTrainingJob", request) == ""
    else:
        assert len(errors) == 1 and expected in errors[0], errors


def test_a_framework_trains_with_the_image_uri_answers(results):
    request = json.loads(results["framework-ok"]["request"])
    asked = "pytorch --version 2.3.0 --py-version py311 --region us-west-2 --instance-type "
    expected = invoke(f"uri {asked}ml.m5.xlarge --scope training".split()).stdout.strip()
    assert request["AlgorithmSpecification"]["TrainingImage"] == expected
    assert results["framework-ok"]["ecr_repository"] == [
        "763104351884",
        "us-west-2",
        "pytorch-training",
    ]


def test_an_image_uri_is_used_as_given_and_its_repository_read(results):
    request = json.loads(results["image-uri-ok"]["request"])
    assert request["AlgorithmSpecification"]["TrainingImage"] == CUSTOM
    assert results["image-uri-ok"]["ecr_repository"] == [
        "123456789012",
        "us-west-2",
        "team/trainer",
    ]
    # A custom image outside script mode gets its hyperparameters as given.
    plain = json.loads(results["image-uri-without-script-ok"]["request"])
    assert plain["HyperParameters"] == {}


def test_isolated_script_jobs_read_their_code_from_a_channel(results):
    request = json.loads(results["framework-ok"]["request"])
    channels = {c["ChannelName"]: c for c in request["InputDataConfig"]}
    code = channels["code"]["DataSource"]["S3DataSource"]["S3Uri"]
    assert code == "s3://example-bucket/code/sourcedir.tar.gz"
    assert request["HyperParameters"]["sagemaker_submit_directory"] == (
        '"/opt/ml/input/data/code/sourcedir.tar.gz"'
    )


def test_a_spec_call_made_before_the_image_sources_plans_the_same_request(out_dir, tmp_path):
    """Existing users of the spec (and so of the training job module, whose resource takes
    the spec's request): a call written for the spec as it was at 7c2d950
    (tests/fixtures/upgrade) yields the same request and pipeline definition from this one."""
    terraform_dir = tmp_path / "out" / "terraform"
    shutil.copytree(out_dir / "terraform", terraform_dir)
    before = terraform_dir / "sagemaker-training-spec-before"
    shutil.copytree(FIXTURES / "upgrade" / "sagemaker-training-spec", before)
    call = {
        "algorithm": "xgboost",
        "region": "eu-west-1",
        "job_name": "xgb-job",
        "role_arn": "arn:aws:iam::123456789012:role/r",
        "instance_type": "ml.m5.xlarge",
        "output_s3_path": "s3://b/xgb/output",
        "hyperparameters": {"num_round": "10", "eta": "0.2"},
        "channels": {"train": {"s3_uri": "s3://b/xgb/train/", "content_type": "text/csv"}},
    }
    body = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in call.items())
    root = tmp_path / "root"
    root.mkdir()
    (root / "main.tf").write_text(
        "".join(
            f'module "{name}" {{\n  source = "../out/terraform/{folder}"\n{body}}}\n\n'
            for name, folder in (("before", before.name), ("now", "sagemaker-training-spec"))
        )
        + 'output "results" {\n  value = { for k, m in { before = module.before, now = '
        "module.now } : k => [m.errors, m.request_json, m.pipeline_definition] }\n}\n"
    )
    terraform("init", "-backend=false", cwd=root)
    terraform("plan", "-out=plan.bin", "-input=false", cwd=root)
    shown = json.loads(terraform("show", "-json", "plan.bin", cwd=root).stdout)
    results = shown["planned_values"]["outputs"]["results"]["value"]
    assert results["before"][0] == [] and "xgboost" in results["before"][1]
    assert results["now"] == results["before"]
