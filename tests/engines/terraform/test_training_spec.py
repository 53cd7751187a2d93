"""The spec module's catalog rules, run by a real Terraform 1.0.3, and its requests checked
against botocore's SageMaker API model and moto."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sagemaker_iac.targets.terraform._modules import SPEC_MODULE
from support.readers import hcl_locals
from support.terraform import TERRAFORM_MARKS, terraform
from support.training_inputs import CPU_TYPE, GPU_TYPE, botocore_errors, valid_job

pytestmark = [*TERRAFORM_MARKS, pytest.mark.moto]

CASE_TYPE = (
    "map(object({ algorithm = string, region = string, image_tag = string, job_name = string, "
    "role_arn = string, instance_type = string, instance_count = number, input_mode = string, "
    "output_s3_path = string, hyperparameters = map(string), channels = map(map(string)) }))"
)


def plan_cases(out_dir: Path, tmp_path: Path, cases: dict[str, dict[str, Any]]) -> dict:
    """Plan one spec module instance per case; return each case's outputs."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "main.tf").write_text(
        f'variable "cases" {{\n  type = {CASE_TYPE}\n}}\n\n'
        'module "spec" {\n'
        "  for_each = var.cases\n"
        f'  source   = "{Path(os.path.relpath(out_dir / SPEC_MODULE, root)).as_posix()}"\n'
        + "".join(f"  {name} = each.value.{name}\n" for name in next(iter(cases.values())))
        + "}\n\n"
        'output "results" {\n'
        "  value = { for k, m in module.spec : k => {\n"
        "    errors = m.errors, request = m.request_json, pipeline = m.pipeline_definition\n"
        "  } }\n"
        "}\n"
    )
    (root / "terraform.tfvars.json").write_text(json.dumps({"cases": cases}))
    terraform("init", "-backend=false", cwd=root)
    terraform("plan", "-out=plan.bin", "-input=false", cwd=root)
    shown = json.loads(terraform("show", "-json", "plan.bin", cwd=root).stdout)
    return shown["planned_values"]["outputs"]["results"]["value"]


def with_changes(job: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**job, **changes}


def rule_cases(catalog) -> dict[str, tuple[dict[str, Any], str | None]]:
    """Case name -> (inputs, a fragment of the one expected error, or None when valid)."""
    kmeans = valid_job(catalog, "kmeans", "us-west-2")
    deepar = valid_job(catalog, "forecasting-deepar", "us-west-2")
    ic = valid_job(catalog, "image-classification", "us-west-2")
    seq2seq = valid_job(catalog, "seq2seq", "us-west-2")
    lda = valid_job(catalog, "lda", "us-west-2")
    knn = valid_job(catalog, "knn", "us-west-2")
    blazing = valid_job(catalog, "blazingtext", "us-west-2")
    xgb = valid_job(catalog, "xgboost", "us-west-2")
    rcf = valid_job(catalog, "randomcutforest", "us-west-2")
    ictf = valid_job(catalog, "image-classification-tensorflow", "us-west-2")
    ictf_tags = catalog.algorithms["image-classification-tensorflow"].tags
    gpu_tag = next(t for t in ictf_tags if "-gpu-" in t)
    lda_regions = ", ".join(catalog.regions_for("lda"))
    return {
        "known-ok": (kmeans, None),
        "known-bad": (
            with_changes(kmeans, algorithm="word2vec"),
            "unknown algorithm word2vec; known: blazingtext,",
        ),
        "region-ok": (with_changes(lda, region="us-gov-west-1"), None),
        "region-bad": (
            with_changes(lda, region="sa-east-1"),
            f"algorithm lda is not published in region sa-east-1; available regions: {lda_regions}",
        ),
        "tag-ok": (with_changes(xgb, image_tag="0.90-2-cpu-py3"), None),
        "tag-bad": (
            with_changes(xgb, image_tag="latest"),
            "image tag latest is not published for xgboost; available tags:",
        ),
        "mode-ok": (with_changes(kmeans, input_mode="Pipe"), None),
        "mode-bad": (
            with_changes(deepar, input_mode="Pipe"),
            "input mode Pipe is not supported by forecasting-deepar; supported: File",
        ),
        "channel-mode-bad": (
            with_changes(
                seq2seq,
                channels={
                    **seq2seq["channels"],
                    "vocab": {**seq2seq["channels"]["vocab"], "input_mode": "Pipe"},
                },
            ),
            "input mode Pipe is not supported by seq2seq; supported: File",
        ),
        "required-channel-ok": (ic, None),
        "required-channel-bad": (
            with_changes(ic, channels={"train": ic["channels"]["train"]}),
            "missing required channel validation for image-classification;"
            " required: train, validation",
        ),
        "unknown-channel-ok": (
            with_changes(
                kmeans, channels={**kmeans["channels"], "test": kmeans["channels"]["train"]}
            ),
            None,
        ),
        "unknown-channel-bad": (
            with_changes(
                kmeans, channels={**kmeans["channels"], "validation": kmeans["channels"]["train"]}
            ),
            "unknown channel validation for kmeans; allowed: train, test",
        ),
        "content-type-ok": (
            with_changes(
                kmeans,
                channels={
                    "train": {
                        "s3_uri": "s3://b/train/",
                        "content_type": "application/x-recordio-protobuf",
                    }
                },
            ),
            None,
        ),
        "content-type-bad": (
            with_changes(
                seq2seq,
                channels={
                    **seq2seq["channels"],
                    "train": {"s3_uri": "s3://b/t/", "content_type": "text/csv"},
                },
            ),
            "channel train: content type text/csv is not accepted by seq2seq; "
            "accepted: application/x-recordio-protobuf",
        ),
        "s3-bad": (
            with_changes(kmeans, channels={"train": {"s3_uri": "bucket/train/"}}),
            "channel train: s3_uri must be an s3://bucket/prefix URI without quotes or backslashes",
        ),
        "family-bad": (
            with_changes(kmeans, instance_type="ml.trn1.2xlarge"),
            "instance type ml.trn1.2xlarge is not of a known family",
        ),
        "gpu-only-ok": (with_changes(ic, instance_type=GPU_TYPE), None),
        "gpu-only-bad": (
            with_changes(ic, instance_type=CPU_TYPE),
            "instance type ml.m5.xlarge is CPU; image-classification trains on: GPU",
        ),
        "cpu-only-bad": (
            with_changes(rcf, instance_type=GPU_TYPE),
            "instance type ml.p3.2xlarge is GPU; randomcutforest trains on: CPU",
        ),
        "xgboost-gpu-default-ok": (with_changes(xgb, instance_type=GPU_TYPE), None),
        "xgboost-cpu-tag-on-gpu-bad": (
            with_changes(xgb, instance_type=GPU_TYPE, image_tag="1.0-1-cpu-py3"),
            "image tag 1.0-1-cpu-py3 is not built for GPU; instance type ml.p3.2xlarge is GPU",
        ),
        "arm-training-bad": (
            with_changes(kmeans, instance_type="ml.c6g.xlarge"),
            "instance type ml.c6g.xlarge is Arm (Graviton); SageMaker trains on x86_64",
        ),
        "parallel-ok": (with_changes(knn, instance_count=4), None),
        "parallel-bad": (
            with_changes(kmeans, instance_count=2),
            "instance_count 2: kmeans is not parallelizable; use 1",
        ),
        "single-instance-bad": (
            with_changes(lda, instance_count=2),
            "instance_count 2: lda is not parallelizable; use 1",
        ),
        "single-gpu-bad": (
            with_changes(blazing, instance_type=GPU_TYPE, instance_count=2),
            "instance_count 2: blazingtext trains on a single GPU instance; use 1",
        ),
        "tag-processor-ok": (with_changes(ictf, instance_type=GPU_TYPE, image_tag=gpu_tag), None),
        "tag-processor-default-ok": (with_changes(ictf, instance_type=GPU_TYPE), None),
        "tag-processor-bad": (
            with_changes(ictf, instance_type=CPU_TYPE, image_tag=gpu_tag),
            f"image tag {gpu_tag} is not built for CPU; instance type {CPU_TYPE} is CPU",
        ),
        "hyperparameter-ok": (deepar, None),
        "hyperparameter-bad": (
            with_changes(
                deepar,
                hyperparameters={
                    k: v for k, v in deepar["hyperparameters"].items() if k != "time_freq"
                },
            ),
            "missing required hyperparameter time_freq for forecasting-deepar",
        ),
        "xgboost-num-round-bad": (
            with_changes(xgb, hyperparameters={}),
            "missing required hyperparameter num_round for xgboost",
        ),
    }


@pytest.fixture(scope="module")
def matrix(out_dir, catalog, tmp_path_factory):
    cases = rule_cases(catalog)
    results = plan_cases(
        out_dir,
        tmp_path_factory.mktemp("matrix"),
        {name: inputs for name, (inputs, _) in cases.items()},
    )
    return cases, results


def test_every_rule_passes_and_fails_as_the_catalog_says(matrix):
    cases, results = matrix
    for name, (_, expected) in cases.items():
        errors = results[name]["errors"]
        if expected is None:
            assert errors == [], name
        else:
            assert any(expected in e for e in errors), (name, errors)


def test_default_tag_follows_the_instance_processor(matrix, catalog):
    _, results = matrix
    tags = catalog.algorithms["image-classification-tensorflow"].tags
    image = json.loads(results["tag-processor-default-ok"]["request"])["AlgorithmSpecification"][
        "TrainingImage"
    ]
    assert image.endswith(":" + next(t for t in tags if "-gpu-" in t))
    xgb_image = json.loads(results["xgboost-gpu-default-ok"]["request"])
    newest = catalog.algorithm("xgboost").default_tag
    assert xgb_image["AlgorithmSpecification"]["TrainingImage"].endswith(f":{newest}")
    cpu_image = json.loads(results["known-ok"]["request"])["AlgorithmSpecification"]
    assert cpu_image["TrainingImage"].endswith(":" + catalog.algorithms["kmeans"].default_tag)


def test_the_matrix_covers_every_rule(matrix):
    # The image source rules have test_training_sources' matrix.
    from sagemaker_iac.targets.terraform._rules import ALGORITHM_RULES

    cases, _ = matrix
    failing = [n for n, (_, expected) in cases.items() if expected]
    assert len(failing) >= len(ALGORITHM_RULES)
    assert sum(1 for n, (_, e) in cases.items() if e is None) >= 8


@pytest.fixture(scope="module")
def every_algorithm(out_dir, catalog, tmp_path_factory):
    cases = {key: valid_job(catalog, key) for key in catalog.algorithms}
    return plan_cases(out_dir, tmp_path_factory.mktemp("all"), cases)


def test_every_algorithm_yields_a_request_botocore_accepts(every_algorithm, catalog):
    for key, result in every_algorithm.items():
        assert result["errors"] == [], key
        request = json.loads(result["request"])
        assert botocore_errors("CreateTrainingJob", request) == "", key
        region = catalog.regions_for(key)[0]
        assert request["AlgorithmSpecification"]["TrainingImage"] == catalog.image_uri(key, region)
        assert {c["ChannelName"] for c in request["InputDataConfig"]} == set(
            catalog.algorithms[key].required_channels
        )


def test_pipeline_training_steps_are_valid_requests(every_algorithm):
    for key, result in every_algorithm.items():
        definition = json.loads(result["pipeline"])
        (step,) = definition["Steps"]
        assert step["Type"] == "Training"
        arguments = {"TrainingJobName": f"{key}-from-pipeline", **step["Arguments"]}
        assert botocore_errors("CreateTrainingJob", arguments) == "", key
        assert "TrainingJobName" not in step["Arguments"]


def test_botocore_validation_is_able_to_fail(every_algorithm):
    request = json.loads(every_algorithm["kmeans"]["request"])
    del request["RoleArn"]
    request["ResourceConfig"]["InstanceCount"] = "one"
    report = botocore_errors("CreateTrainingJob", request)
    assert "RoleArn" in report and "InstanceCount" in report


def test_moto_accepts_every_request(every_algorithm, catalog):
    boto3 = pytest.importorskip("boto3")
    from moto import mock_aws

    with mock_aws():
        for key, result in every_algorithm.items():
            request = json.loads(result["request"])
            client = boto3.client("sagemaker", region_name=catalog.regions_for(key)[0])
            client.create_training_job(**request)
            described = client.describe_training_job(TrainingJobName=request["TrainingJobName"])
            assert (
                described["AlgorithmSpecification"]["TrainingImage"]
                == (request["AlgorithmSpecification"]["TrainingImage"])
            )


def test_catalog_tf_round_trips_the_training_facts(out_dir, catalog):
    data = hcl_locals(out_dir / SPEC_MODULE / "catalog.tf")
    assert data["catalog_instance_families"] == dict(catalog.instance_families)
    for key, algorithm in catalog.algorithms.items():
        entry = data["catalog_algorithms"][key]
        assert entry["required_channels"] == list(algorithm.required_channels)
        assert entry["optional_channels"] == list(algorithm.optional_channels)
        assert entry["input_modes"] == list(algorithm.input_modes)
        assert entry["content_types"] == list(algorithm.content_types)
        assert entry["processors"] == list(algorithm.instance.processors)
        assert entry["single_instance"] == list(algorithm.instance.single_instance)
        assert entry["required_hyperparameters"] == list(algorithm.required_hyperparameters)
        assert entry["parallelizable"] is algorithm.parallelizable
