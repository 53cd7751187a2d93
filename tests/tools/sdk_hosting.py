"""Asks the SageMaker Python SDK v2 to host models: runs under its own interpreter
(.venv-sdk-train), against the moto server named by AWS_ENDPOINT_URL.

Reads cases from stdin, {name: {"model": pytorch | huggingface | model, "kwargs": the
model's arguments, "image": null or image_uris.retrieve's arguments for image_uri,
"deploy": deploy's arguments, "entry_point_source": the script's text or null}}, deploys
each (an entry point is written to a folder of its own first, as a user has it) and
writes to the file named by its argument the CreateModel and CreateEndpointConfig
requests each sent, as botocore's before-parameter-build event hands them over.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

_CONFIG = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
_CONFIG.write("SchemaVersion: '1.0'\nSageMaker:\n  PythonSDK:\n    Modules:\n")
_CONFIG.write("      TelemetryOptOut: true\n")
_CONFIG.close()
os.environ.update(SAGEMAKER_USER_CONFIG_OVERRIDE=_CONFIG.name, SAGEMAKER_SUPPRESS_V2_WARNING="1")

import boto3  # noqa: E402
from sagemaker import image_uris  # noqa: E402
from sagemaker.huggingface import HuggingFaceModel  # noqa: E402
from sagemaker.model import Model  # noqa: E402
from sagemaker.pytorch import PyTorchModel  # noqa: E402
from sagemaker.session import Session  # noqa: E402

MODELS = {"pytorch": PyTorchModel, "huggingface": HuggingFaceModel, "model": Model}


def deploy(name: str, case: dict, session: Session) -> dict:
    kwargs = dict(case["kwargs"])
    if case.get("image"):
        kwargs["image_uri"] = image_uris.retrieve(region=session.boto_region_name, **case["image"])
    if case.get("entry_point_source") is not None:
        folder = Path(tempfile.mkdtemp())
        (folder / kwargs["entry_point"]).write_text(case["entry_point_source"])
        kwargs["entry_point"] = str(folder / kwargs["entry_point"])
    model = MODELS[case["model"]](sagemaker_session=session, name=name, **kwargs)
    sent: dict = {}

    def record(params: dict, model: object, **_: object) -> None:
        sent[model.name] = json.loads(json.dumps(params, default=str))

    events = session.sagemaker_client.meta.events
    for operation in ("CreateModel", "CreateEndpointConfig"):
        events.register(f"before-parameter-build.sagemaker.{operation}", record)
    try:
        model.deploy(endpoint_name=name, wait=False, **case["deploy"])
    finally:
        for operation in ("CreateModel", "CreateEndpointConfig"):
            events.unregister(f"before-parameter-build.sagemaker.{operation}", record)
    return sent


def main() -> None:
    cases = json.load(sys.stdin)
    region = os.environ["AWS_DEFAULT_REGION"]
    # A bucket of its own for what it uploads: the SDK names its default one from STS,
    # which it calls at its regional endpoint, past AWS_ENDPOINT_URL.
    session = Session(
        boto_session=boto3.Session(region_name=region), default_bucket="sdk-artifacts"
    )
    made = {name: deploy(name, case, session) for name, case in cases.items()}
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(made, out)


if __name__ == "__main__":
    main()
