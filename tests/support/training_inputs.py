"""Valid sample training inputs for any catalog algorithm, built from the catalog's facts."""

from __future__ import annotations

from functools import cache
from typing import Any

import botocore.session
from botocore.model import ServiceModel
from botocore.validate import ParamValidator

from sagemaker_iac.api import Catalog

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
