"""The JumpStart source of the built-in catalog (PyPI's cdklabs-generative-ai-cdk-constructs
wheel, which `make test` downloads and names in SAGEMAKER_IAC_JUMPSTART_SOURCE), read here
on its own, and its records written as the SageMaker Python SDK's JumpStart metadata."""

from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

SOURCE = os.environ.get("SAGEMAKER_IAC_JUMPSTART_SOURCE", "")
MEMBER = "package/lib/patterns/gen-ai/aws-model-deployment-sagemaker/jumpstart-models.json"
JUMPSTART_MARKS = [
    pytest.mark.jumpstart,
    pytest.mark.skipif(
        not Path(SOURCE).is_file(),
        reason="SAGEMAKER_IAC_JUMPSTART_SOURCE names no file (make test downloads the wheel)",
    ),
]


def read_records(path: str | Path = SOURCE) -> dict[str, dict[str, Any]]:
    """The records: the wheel's jsii .tgz, its member, the byte buffer, raw deflate."""
    with zipfile.ZipFile(path) as wheel:
        (name,) = [n for n in wheel.namelist() if n.endswith(".jsii.tgz")]
        tgz = wheel.read(name)
    with tarfile.open(fileobj=io.BytesIO(tgz)) as archive:
        handle = archive.extractfile(MEMBER)
        assert handle is not None
        buffer = json.loads(handle.read())
    return json.loads(zlib.decompress(bytes(buffer["data"]), -15))


def _spec(record: dict[str, Any]) -> dict[str, Any]:
    """One record in the SDK's specs format: each field renamed to the SDK's, nothing
    resolved (the SDK resolves aliases, variants, buckets and environment itself)."""
    variants: dict[str, dict[str, Any]] = {}
    for variant in record["instanceVariants"]:
        entry: dict[str, Any] = {}
        if "imageUri" in variant:
            entry["regional_properties"] = {"image_uri": variant["imageUri"]}
        if "environment" in variant:
            entry["properties"] = {"environment_variables": variant["environment"]}
        variants[variant["instanceType"]] = entry
    spec: dict[str, Any] = {
        "model_id": record["modelId"],
        "version": record["version"],
        "min_sdk_version": "2.0.0",
        "training_supported": False,
        "hosting_artifact_key": record.get("artifactKey"),
        "hosting_prepacked_artifact_key": record.get("prepackedArtifactKey"),
        # The source names no hosting script: every record kept holds a prepacked artefact.
        "hosting_use_script_uri": False,
        "inference_environment_variables": [
            {
                "name": name,
                "type": "text" if isinstance(value, str) else "int",
                "default": value,
                "scope": "container",
                "required_for_model_class": True,
            }
            for name, value in record["environment"].items()
        ],
        "default_inference_instance_type": record["defaultInstanceType"],
        "supported_inference_instance_types": record["instanceTypes"],
        "gated_bucket": bool(record.get("gatedBucket")),
        "hosting_instance_type_variants": {
            "regional_aliases": {a["region"]: a["aliases"] for a in record["instanceAliases"]},
            "variants": variants,
        },
    }
    if record.get("requiresEula"):
        spec["hosting_eula_key"] = record["requiresEula"]
    return spec


def write_sdk_metadata(records: list[dict[str, Any]], folder: Path) -> dict[str, str]:
    """RECORDS as the SDK's JumpStart manifest and specs in FOLDER; the environment that
    points the SDK at them (its documented local-override variables)."""
    manifest, specs = folder / "manifest", folder / "specs"
    entries = []
    for record in records:
        key = f"community_models/{record['modelId']}/specs_v{record['version']}.json"
        entries.append(
            {
                "model_id": record["modelId"],
                "version": record["version"],
                "min_version": "2.0.0",
                "spec_key": key,
            }
        )
        (specs / key).parent.mkdir(parents=True, exist_ok=True)
        (specs / key).write_text(json.dumps(_spec(record)))
    manifest.mkdir(parents=True, exist_ok=True)
    (manifest / "models_manifest.json").write_text(json.dumps(entries))
    return {
        "AWS_JUMPSTART_MANIFEST_LOCAL_ROOT_DIR_OVERRIDE": str(manifest),
        "AWS_JUMPSTART_SPECS_LOCAL_ROOT_DIR_OVERRIDE": str(specs),
    }
