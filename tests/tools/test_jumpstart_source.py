"""The built-in catalog's JumpStart answers against the source it was imported from, read
by the tests' own reader (zip, tar, the byte buffer, deflate) and resolved from the
fields' meanings: every model's version in the catalog, every region, every instance type
it supports."""

from __future__ import annotations

import json
import re

import pytest

from sagemaker_iac.api import UnavailableError, jumpstart_hosting, load_catalog
from support.cli import invoke
from support.jumpstart_source import JUMPSTART_MARKS, SOURCE, read_records

pytestmark = JUMPSTART_MARKS


@pytest.fixture(scope="module")
def records() -> dict:
    return read_records()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(jumpstart=True)


def numbers(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def expected(record: dict, region: str, instance_type: str) -> dict | None:
    """What hosting the record needs, from the fields' meanings (None: no image there)."""
    family = re.match(r"ml\.([a-z0-9-]+)\.", instance_type)[1]  # type: ignore[index]
    variants = {v["instanceType"]: v for v in record["instanceVariants"]}
    alias = variants.get(instance_type, {}).get("imageUri") or variants.get(family, {}).get(
        "imageUri"
    )
    aliases = next(a["aliases"] for a in record["instanceAliases"] if a["region"] == region)
    if alias is None or alias[1:] not in aliases:
        return None
    key = record.get("prepackedArtifactKey") or record["artifactKey"]
    bucket = (
        "jumpstart-private-cache-prod-" if record.get("gatedBucket") else "jumpstart-cache-prod-"
    ) + region
    environment = {k: text(v) for k, v in record["environment"].items()}
    for name in (family, instance_type):
        environment.update(
            {k: text(v) for k, v in variants.get(name, {}).get("environment", {}).items()}
        )
    return {
        "model_id": record["modelId"],
        "version": record["version"],
        "region": region,
        "instance_type": instance_type,
        "image_uri": aliases[alias[1:]],
        "model_data": {
            "s3_uri": f"s3://{bucket}/{key}",
            "s3_data_type": "S3Prefix" if key.endswith("/") else "S3Object",
            "compression_type": "None" if key.endswith("/") else "Gzip",
        },
        "environment": environment,
        "requires_eula": bool(record.get("requiresEula")),
        "default_instance_type": record["defaultInstanceType"],
        "instance_types": record["instanceTypes"],
    }


def test_every_model_is_there_at_its_newest_version_that_names_an_image(records, catalog):
    newest: dict[str, str] = {}
    for record in records.values():
        if record.get("instanceAliases"):
            current = newest.get(record["modelId"])
            if current is None or numbers(record["version"]) > numbers(current):
                newest[record["modelId"]] = record["version"]
    assert len(newest) > 300
    assert {m: list(v) for m, v in catalog.jumpstart.models.items()} == {
        m: [v] for m, v in newest.items()
    }


def test_every_model_region_and_instance_type_answers_as_the_source_says(records, catalog):
    by_version = {(r["modelId"], r["version"]): r for r in records.values()}
    cases, refused, differences = 0, 0, []
    for model_id, versions in catalog.jumpstart.models.items():
        for version in versions:
            record = by_version[(model_id, version)]
            for entry in record["instanceAliases"]:
                for instance_type in record["instanceTypes"]:
                    want = expected(record, entry["region"], instance_type)
                    try:
                        got = jumpstart_hosting(
                            catalog, model_id, entry["region"], version, instance_type
                        ).as_json()
                    except UnavailableError:
                        got = None
                    cases += 1
                    refused += got is None
                    if got != want:
                        differences.append((model_id, entry["region"], instance_type, got, want))
    assert differences == []
    assert cases > 50_000
    assert refused < cases / 100  # the few regions listed without an image


def test_the_cli_answers_alike(records, catalog):
    by_version = {(r["modelId"], r["version"]): r for r in records.values()}
    models = sorted(catalog.jumpstart.models)[::40]
    for model_id in models:
        (version,) = catalog.jumpstart.models[model_id]
        record = by_version[(model_id, version)]
        region = record["instanceAliases"][-1]["region"]
        instance_type = record["instanceTypes"][-1]
        result = invoke(
            ["jumpstart", model_id, "--region", region, "--instance-type", instance_type, "--json"]
        )
        want = expected(record, region, instance_type)
        if want is None:
            assert result.exit_code == 2
        else:
            assert result.exit_code == 0, result.stderr
            assert json.loads(result.stdout) == want


def test_verify_finds_no_difference_with_the_source():
    result = invoke(["verify", "--jumpstart", SOURCE])
    assert result.exit_code == 0, result.stdout[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("0 differences (342 JumpStart models, ")
    assert int(summary.split(", ")[1].split()[0].replace(",", "")) > 60_000
