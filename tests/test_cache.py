"""The validated-catalog cache: hits skip validation, anything changed or damaged misses."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import FIXTURES
from sagemaker_iac import cache, catalog

MINIMAL = FIXTURES / "catalogs" / "good" / "minimal.yaml"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(cache.DISABLE, raising=False)
    return tmp_path / "cache" / "sagemaker-iac"


def count_validations(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = catalog._validated

    def counting(text, name):
        calls.append(name)
        return real(text, name)

    monkeypatch.setattr(catalog, "_validated", counting)
    return calls


def test_second_load_is_a_hit_with_an_equal_catalog(cache_dir, monkeypatch):
    calls = count_validations(monkeypatch)
    first = catalog.load_catalog(MINIMAL)
    second = catalog.load_catalog(MINIMAL)
    assert len(calls) == 1
    assert list(second.image_uris()) == list(first.image_uris())
    assert second.algorithms == first.algorithms
    assert len(list(cache_dir.glob("*.json"))) == 1


def test_a_changed_file_misses(cache_dir, monkeypatch, tmp_path):
    calls = count_validations(monkeypatch)
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text())
    catalog.load_catalog(path)
    path.write_text(MINIMAL.read_text().replace('"174872318107"', '"174872318108"'))
    assert catalog.load_catalog(path).registry_id("kmeans", "us-west-2") == "174872318108"
    assert len(calls) == 2


def test_a_damaged_entry_is_validated_again(cache_dir, monkeypatch):
    catalog.load_catalog(MINIMAL)
    (entry,) = cache_dir.glob("*.json")
    entry.write_text("{not json")
    calls = count_validations(monkeypatch)
    assert catalog.load_catalog(MINIMAL).regions_for("lda") == ["us-west-2"]
    assert len(calls) == 1


def test_disabled_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv(cache.DISABLE, "1")
    calls = count_validations(monkeypatch)
    catalog.load_catalog(MINIMAL)
    catalog.load_catalog(MINIMAL)
    assert len(calls) == 2
    assert not cache_dir.exists()


LOOKUP = """
import sys
from sagemaker_iac.cli import main
try:
    main(["uri", "kmeans", "--region", "us-west-2"])
except SystemExit as exit:
    assert not exit.code, exit.code
heavy = ("jinja2", "hcl2", "yaml", "jsonschema", "sagemaker_iac.render")
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
"""


def test_a_lookup_loads_no_renderer_and_on_a_hit_no_parser(cache_dir):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_dir.parent)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", LOOKUP], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        for _ in range(2)
    ]
    miss, hit = (run[-1].split() if len(run) > 1 else [] for run in runs)
    assert runs[0][0].endswith("/kmeans:1") and runs[1][0] == runs[0][0]
    assert not any(m.startswith(("jinja2", "hcl2", "sagemaker_iac.render")) for m in miss)
    assert "yaml" in miss and "jsonschema" in miss  # the miss parsed and validated
    assert hit == []  # the hit read the cache only
