"""Every answer of `sagemaker-iac uri FRAMEWORK ...` against the SDK's image_uris.retrieve.

The SDK (sagemaker-core, pinned in the Makefile) runs in its own environment, .venv-sdk:
sdk_oracle.py asks it every combination it enumerates from the SDK's own configs, and
this test asks the catalog the same. Both must give the same URI in every region, or
both refuse.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from sagemaker_iac.api import UnavailableError, load_catalog
from sagemaker_iac.catalog.resolve import Query, locate, resolve

ROOT = Path(__file__).resolve().parents[2]
SDK_PYTHON = Path(os.environ.get("SAGEMAKER_SDK_PYTHON", ROOT / ".venv-sdk" / "bin" / "python"))

pytestmark = [
    pytest.mark.sdk,
    pytest.mark.skipif(
        not SDK_PYTHON.exists(), reason=f"no SDK environment at {SDK_PYTHON} (make test builds it)"
    ),
]


@pytest.fixture(scope="module")
def oracle():
    out = subprocess.run(
        [str(SDK_PYTHON), str(Path(__file__).with_name("sdk_oracle.py"))],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    return json.loads(out)


def _args(answer):
    return {
        "framework": answer["framework"],
        "version": answer["version"],
        "py_version": answer["py_version"],
        "instance_type": answer["instance_type"],
        "scope": answer["image_scope"],
        "base_framework_version": answer["base_framework_version"],
    }


def test_every_combination_answers_as_the_sdk_does(oracle):
    catalog = load_catalog()
    wrong, answered, uris = [], 0, set()
    published: set[tuple[str, str]] = set()
    for answer in oracle["answers"]:
        try:
            found = locate(catalog, Query(**_args(answer)))
        except UnavailableError:
            found = None
        if "error" in answer:
            if found is not None:
                wrong.append((answer, f"SDK refuses ({answer['error']}), catalog answers"))
            continue
        if found is None:
            wrong.append((answer, "SDK answers, catalog refuses"))
            continue
        answered += 1
        path = f"{found.repository}:{found.tag}" if found.tag else found.repository
        accounts = dict(catalog.registry_groups[found.registry_group].accounts)
        sdk_accounts = oracle["registries"][answer["registries"]]
        if path != answer["path"] or accounts != sdk_accounts:
            wrong.append((answer, f"catalog {path} in {sorted(accounts)}"))
        published.add((found.registry_group, path))
    assert not wrong, f"{len(wrong)} differ; the first: {wrong[:3]}"
    # Each URI once (many combinations share one image): (group, path) -> every region.
    for group, path in published:
        accounts = catalog.registry_groups[group].accounts
        uris |= {f"{a}.dkr.ecr.{r}.{catalog.dns_suffix(r)}/{path}" for r, a in accounts.items()}
    # The sizes show what was compared: ~130,000 combinations, ~52,000 distinct URIs.
    assert len(oracle["answers"]) > 100_000
    assert answered > 15_000
    assert len(uris) > 50_000
    assert {a["framework"] for a in oracle["answers"]} == set(catalog.images)


def test_every_registry_host_is_the_sdks(oracle):
    catalog = load_catalog()
    assert set(oracle["hosts"]) == set(catalog.regions)
    for region, host in oracle["hosts"].items():
        assert f"ecr.{region}.{catalog.dns_suffix(region)}" == host, region


def test_the_oracle_factoring_holds_in_every_region(oracle):
    """The oracle asks once per combination; unfactored calls on a sample agree with it."""
    assert oracle["factoring"]["factoring_checked"] > 10_000
    assert oracle["factoring"]["factoring_mismatched"] == 0


def test_a_full_lookup_in_every_region_matches_the_sdk(oracle):
    """resolve() (the CLI's path, region included) on answered combinations, all regions."""
    catalog = load_catalog()
    checked = 0
    for answer in oracle["answers"][::125]:
        for region in (*oracle["hosts"], "us-west-9"):
            accounts = oracle["registries"][answer["registries"]] if "path" in answer else {}
            expected = (
                f"{accounts[region]}.dkr.{oracle['hosts'][region]}/{answer['path']}"
                if region in accounts
                else None
            )
            try:
                got = resolve(catalog, Query(**_args(answer)), region).uri
            except UnavailableError:
                got = None
            assert got == expected, (answer, region)
            checked += 1
    assert checked > 40_000


def test_every_gpu_count_is_the_sdks():
    """The catalog's GPUs per instance type are the SDK's instance_gpu_info.json, which
    gives the same count in every region it lists."""
    code = (
        "import json, sagemaker.core.image_uris as u, pathlib;"
        "print((pathlib.Path(u.__file__).parent / 'image_uri_config' / "
        "'instance_gpu_info.json').read_text())"
    )
    table = json.loads(
        subprocess.run(
            [str(SDK_PYTHON), "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )
    counts = {t: info["Count"] for types in table.values() for t, info in types.items()}
    assert all(info["Count"] == counts[t] for types in table.values() for t, info in types.items())
    assert dict(load_catalog().gpu_counts) == counts
