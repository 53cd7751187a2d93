"""Asks the SageMaker Python SDK v2 how it hosts JumpStart models: runs under its own
interpreter (.venv-sdk-train), offline, reading the manifest and specs folders its
local-override variables name.

Reads cases from stdin, [[model_id, version, region, instance_type or null], ...]; writes
to the file named by its argument, per case, what `JumpStartModel` would send in
CreateModel (image, model data, environment), the instance type it chose and the
instance types `instance_types.retrieve` lists, or the error it raised.
"""

from __future__ import annotations

import json
import os
import sys

# No SDK config file: the SDK validates it against its schema at every config lookup
# (seconds per model). Nothing here sends a request, so there is no telemetry to opt out
# of (JumpStartModel's constructor emits none: it has no session when its wrapper looks).
os.environ["SAGEMAKER_SUPPRESS_V2_WARNING"] = "1"

from sagemaker import instance_types
from sagemaker.jumpstart.model import JumpStartModel

ROLE = "arn:aws:iam::123456789012:role/host"


def hosted(model_id: str, version: str, region: str, instance_type: str | None) -> dict:
    try:
        model = JumpStartModel(
            model_id=model_id,
            model_version=version,
            region=region,
            instance_type=instance_type,
            role=ROLE,
        )
    except Exception as error:  # the test reports what the SDK refused
        return {"error": f"{type(error).__name__}: {error}"}
    return {
        "image_uri": model.image_uri,
        "model_data": model.model_data,
        "environment": model.env,
        "instance_type": model.instance_type,
    }


def supported(model_id: str, version: str, region: str) -> list[str] | str:
    try:
        return instance_types.retrieve(
            region=region, model_id=model_id, model_version=version, scope="inference"
        )
    except Exception as error:  # the test reports what the SDK refused
        return f"{type(error).__name__}: {error}"


def main() -> None:
    cases = json.load(sys.stdin)
    answers = []
    for model_id, version, region, instance_type in cases:
        answer = hosted(model_id, version, region, instance_type)
        if "error" not in answer:
            answer["instance_types"] = supported(model_id, version, region)
        answers.append(answer)
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(answers, out)


if __name__ == "__main__":
    main()
