"""Asks the SageMaker Python SDK v2 for training requests: runs under its own interpreter
(.venv-sdk-train), offline.

Reads cases from stdin, {name: {"estimator": pytorch | tensorflow | huggingface, "kwargs":
the estimator's arguments, "inputs": {channel: S3 URI}}}, builds each estimator in a
PipelineSession and writes to the file named by its argument (the SDK logs to stdout), per
case, the CreateTrainingJob request the estimator makes ("request") and the Training
step's Arguments in the pipeline definition ("step").
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

# No telemetry, no credentials lookup, no endpoint reachable: a call would fail the case.
_CONFIG = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
_CONFIG.write("SchemaVersion: '1.0'\nSageMaker:\n  PythonSDK:\n    Modules:\n")
_CONFIG.write("      TelemetryOptOut: true\n")
_CONFIG.close()
os.environ.update(
    SAGEMAKER_USER_CONFIG_OVERRIDE=_CONFIG.name,
    SAGEMAKER_SUPPRESS_V2_WARNING="1",
    AWS_ACCESS_KEY_ID="testing",
    AWS_SECRET_ACCESS_KEY="testing",
    AWS_ENDPOINT_URL="http://127.0.0.1:9",
)

import boto3  # noqa: E402
from sagemaker.huggingface import HuggingFace  # noqa: E402
from sagemaker.inputs import TrainingInput  # noqa: E402
from sagemaker.pytorch import PyTorch  # noqa: E402
from sagemaker.tensorflow import TensorFlow  # noqa: E402
from sagemaker.workflow.pipeline import Pipeline  # noqa: E402
from sagemaker.workflow.pipeline_context import PipelineSession  # noqa: E402
from sagemaker.workflow.steps import TrainingStep  # noqa: E402
from sagemaker.workflow.utilities import execute_job_functions  # noqa: E402

ESTIMATORS = {"pytorch": PyTorch, "tensorflow": TensorFlow, "huggingface": HuggingFace}


def ask(case: dict, region: str) -> dict:
    session = PipelineSession(
        boto_session=boto3.Session(region_name=region), default_bucket="example-bucket"
    )
    estimator = ESTIMATORS[case["estimator"]](sagemaker_session=session, **case["kwargs"])
    inputs = {name: TrainingInput(uri) for name, uri in case["inputs"].items()}
    step_args = estimator.fit(inputs=inputs, job_name=case.get("job_name"))
    # A PipelineSession keeps the request it would have sent as its context.
    execute_job_functions(step_args)
    request = session.context.args
    pipeline = Pipeline(
        name="p", steps=[TrainingStep(name="Train", step_args=step_args)], sagemaker_session=session
    )
    step = json.loads(pipeline.definition())["Steps"][0]["Arguments"]
    return {"request": request, "step": step}


def main() -> None:
    cases = json.load(sys.stdin)
    region = os.environ.get("AWS_DEFAULT_REGION", "us-west-2")
    answers = {name: ask(case, region) for name, case in cases.items()}
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(answers, out)


if __name__ == "__main__":
    main()
