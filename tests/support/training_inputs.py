"""Valid sample training inputs for any catalog algorithm, built from the catalog's facts."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import botocore.session
from botocore.model import ServiceModel
from botocore.validate import ParamValidator

from sagemaker_iac.api import Catalog
from sagemaker_iac.targets.terraform._modules import SPEC_MODULE

from .terraform import terraform

CPU_TYPE, GPU_TYPE = "ml.m5.xlarge", "ml.p3.2xlarge"
ROLE = "arn:aws:iam::123456789012:role/sagemaker-training"


def valid_job(catalog: Catalog, key: str, region: str | None = None) -> dict[str, Any]:
    algorithm = catalog.algorithms[key]
    return {
        "algorithm": key,
        "region": region or catalog.regions_for(key)[0],
        "image_tag": None,
        "job_name": f"{key}-job",
        "role_arn": ROLE,
        "instance_type": CPU_TYPE if "cpu" in algorithm.instance.processors else GPU_TYPE,
        "instance_count": 1,
        "input_mode": algorithm.input_modes[0],
        "output_s3_path": f"s3://example-bucket/{key}/output",
        "hyperparameters": {name: "1" for name in algorithm.required_hyperparameters},
        "channels": {
            name: {
                "s3_uri": f"s3://example-bucket/{key}/{name}/",
                "content_type": algorithm.content_types[0],
            }
            for name in algorithm.required_channels
        },
    }


@cache
def sagemaker_model() -> ServiceModel:
    """botocore's SageMaker service model, loaded once per test process."""
    return botocore.session.get_session().get_service_model("sagemaker")


def botocore_errors(operation: str, params: dict[str, Any]) -> str:
    """botocore's own validation report of a request ('' when it is valid)."""
    shape = sagemaker_model().operation_model(operation).input_shape
    report = ParamValidator().validate(params, shape)
    return report.generate_report() if report.has_errors() else ""


# Every input of the spec module, at its default where it has one: a script-mode job of
# a framework (each case names its framework and instance type).
SCRIPT_JOB: dict[str, Any] = {
    "region": "us-west-2",
    "algorithm": None,
    "image_tag": None,
    "framework": None,
    "framework_version": None,
    "py_version": None,
    "base_framework_version": None,
    "image_uri": None,
    "entry_point": "train.py",
    "source_dir": "s3://example-bucket/code/sourcedir.tar.gz",
    "container_log_level": 20,
    "distribution": None,
    "mpi_processes_per_host": None,
    "custom_mpi_options": "",
    "job_name": "train-job",
    "role_arn": ROLE,
    "hyperparameters": {},
    "channels": {"train": {"s3_uri": "s3://example-bucket/train/"}},
    "input_mode": "File",
    "instance_type": CPU_TYPE,
    "instance_count": 1,
    "volume_size_in_gb": 30,
    "max_runtime_in_seconds": 86400,
    "output_s3_path": "s3://example-bucket/output",
    "kms_key_id": None,
    "vpc_config": None,
    "enable_network_isolation": True,
    "enable_inter_container_traffic_encryption": True,
    "metric_definitions": [],
    "enable_sagemaker_metrics": None,
    "checkpoint_s3_uri": None,
    "checkpoint_local_path": None,
    "tags": {},
    "step_name": "Train",
}


def plan_script_jobs(out_dir: Path, root: Path, cases: dict[str, dict[str, Any]]) -> dict:
    """Plan the spec module once per case (SCRIPT_JOB with the case's inputs over it);
    return each case's errors, request (JSON) and pipeline definition."""
    root.mkdir(parents=True, exist_ok=True)
    source = Path(os.path.relpath(out_dir / SPEC_MODULE, root)).as_posix()
    (root / "main.tf").write_text(
        'variable "cases" {\n  type = any\n}\n\n'
        'module "spec" {\n'
        "  for_each = var.cases\n"
        f'  source   = "{source}"\n'
        + "".join(f"  {name} = each.value.{name}\n" for name in SCRIPT_JOB)
        + "}\n\n"
        'output "results" {\n'
        "  value = { for k, m in module.spec : k => {\n"
        "    errors = m.errors, request = m.request_json, pipeline = m.pipeline_definition,\n"
        "    ecr_repository = m.ecr_repository\n"
        "  } }\n"
        "}\n"
    )
    full = {name: {**SCRIPT_JOB, **case} for name, case in cases.items()}
    (root / "terraform.tfvars.json").write_text(json.dumps({"cases": full}))
    terraform("init", "-backend=false", cwd=root)
    terraform("plan", "-out=plan.bin", "-input=false", cwd=root)
    shown = json.loads(terraform("show", "-json", "plan.bin", cwd=root).stdout)
    return shown["planned_values"]["outputs"]["results"]["value"]
