"""The catalog's JumpStart answers against the SageMaker Python SDK v2's `JumpStartModel`.

The SDK resolves a model from JumpStart's manifest and specs files; offline it reads them
from the folders its documented local-override variables name. The test writes there the
source's records for the catalog's versions, each field renamed to the SDK's and nothing
resolved, so the SDK's own code picks the image by instance family or type, fills in the
regional alias, chooses the bucket (gated or not) and the prepacked artefact, merges the
environment and forms the model data source. Every model once: every other one at its
default instance type, the rest at a type of another family; the regions in turn. (The SDK
takes about a quarter of a second a model, making its clients anew each time.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sagemaker_iac.api import UnavailableError, jumpstart_hosting, load_catalog
from support.jumpstart_source import JUMPSTART_MARKS, read_records, write_sdk_metadata
from support.sdk_train import SDK_MARKS, ask_sdk

pytestmark = [*JUMPSTART_MARKS, *SDK_MARKS]


def family(instance_type: str) -> str:
    return instance_type.split(".")[1]


def sdk_model_data(model_data: Any) -> dict[str, str]:
    """The SDK's CreateModel model data in `jumpstart --json`'s form: a string goes to
    ModelDataUrl (a gzipped tarball), a dict to ModelDataSource."""
    if isinstance(model_data, str):
        return {"s3_uri": model_data, "s3_data_type": "S3Object", "compression_type": "Gzip"}
    source = model_data["S3DataSource"]
    return {
        "s3_uri": source["S3Uri"],
        "s3_data_type": source["S3DataType"],
        "compression_type": source["CompressionType"],
    }


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[list, dict, Any]]:
    catalog = load_catalog(jumpstart=True)
    chosen = {(m, v) for m, versions in catalog.jumpstart.models.items() for v in versions}
    records = sorted(
        (r for r in read_records().values() if (r["modelId"], r["version"]) in chosen),
        key=lambda r: r["modelId"],
    )
    assert len(records) == len(chosen)
    folder: Path = tmp_path_factory.mktemp("sdk-jumpstart")
    env = write_sdk_metadata(records, folder / "metadata")
    cases: list[list] = []
    for number, record in enumerate(records):
        # Every other model at its default instance type (the SDK chooses it), the others
        # at a type of another family than the default's; the regions in turn.
        regions = [entry["region"] for entry in record["instanceAliases"]]
        default = record["defaultInstanceType"]
        others = [t for t in record["instanceTypes"] if family(t) != family(default)] or [
            t for t in record["instanceTypes"] if t != default
        ]
        instance_type = others[-1] if number % 2 and others else None
        region = regions[number % len(regions)]
        cases.append([record["modelId"], record["version"], region, instance_type])
    cases.sort(key=lambda case: case[2])  # the SDK makes its clients anew for each region
    env.update(AWS_DEFAULT_REGION="us-east-1", AWS_ACCESS_KEY_ID="x", AWS_SECRET_ACCESS_KEY="x")
    sdk = ask_sdk("sdk_jumpstart.py", cases, folder, env)
    ours: list[Any] = []
    for model_id, version, region, instance_type in cases:
        try:
            ours.append(jumpstart_hosting(catalog, model_id, region, version, instance_type))
        except UnavailableError as error:
            ours.append(error)
    return list(zip(cases, sdk, ours, strict=True))


def test_the_sdk_hosts_every_model_as_the_catalog_does(answers):
    differences = []
    for case, sdk, ours in answers:
        if isinstance(ours, UnavailableError):
            if "error" not in sdk:
                differences.append((case, sdk, str(ours)))
            continue
        got = ours.as_json()
        if "error" in sdk:
            differences.append((case, sdk["error"], got))
            continue
        want = {
            "image_uri": sdk["image_uri"],
            "model_data": sdk_model_data(sdk["model_data"]),
            "environment": sdk["environment"],
            "instance_type": sdk["instance_type"],
            "instance_types": sdk["instance_types"],
        }
        if {key: got[key] for key in want} != want:
            differences.append((case, want, got))
    assert differences == []
    assert len({case[0] for case, _, _ in answers}) == len(answers) > 300
    assert sum(case[3] is None for case, _, _ in answers) > 150
    assert sum("error" in sdk for _, sdk, _ in answers) < 10


def test_the_cases_span_regions_families_and_both_buckets(answers):
    ok = [ours.as_json() for _, _, ours in answers if not isinstance(ours, UnavailableError)]
    assert len({o["region"] for o in ok}) >= 30
    assert len({family(o["instance_type"]) for o in ok}) >= 8
    buckets = {o["model_data"]["s3_uri"].split("/")[2].rsplit("-prod-", 1)[0] for o in ok}
    assert buckets == {"jumpstart-cache", "jumpstart-private-cache"}
    assert any(o["requires_eula"] for o in ok)
