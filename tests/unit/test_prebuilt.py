"""The prebuilt build of the built-in catalog: current, equal to a fresh render, and used
only for the very catalog and inputs it was rendered from."""

from __future__ import annotations

import shutil
import zlib

import pytest

from conftest import ROOT
from sagemaker_iac import _prebuilt, build
from sagemaker_iac.api import load_catalog, parse_catalog
from sagemaker_iac.catalog import builtin_path

PACKAGE = ROOT / "generator" / "sagemaker_iac"


def test_the_prebuilt_build_is_current_and_is_the_fresh_render(built):
    files = _prebuilt.read()
    assert files is not None, "the prebuilt build is stale: run make compile"
    assert list(files) == list(built)  # the same paths, in the same order
    changed = [name for name in built if files[name] != built[name]]
    assert not changed, f"prebuilt differs from a fresh render in {changed[:5]}"


@pytest.fixture
def inputs(tmp_path):
    """A copy of the package and the templates, laid out as in a wheel."""
    package = tmp_path / "sagemaker_iac"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", package / "templates")
    return package


def test_the_digest_is_the_same_in_a_checkout_and_in_a_wheel_layout(inputs):
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") == _prebuilt.inputs_digest(
        PACKAGE, ROOT / "templates"
    )


@pytest.mark.parametrize(
    "changed",
    [
        "build.py",  # the code
        "targets/terraform/render.py",
        "_compiled_templates/sources.json",
        "data/catalog.yaml",  # the data
        "data/catalog.compiled.json",
        "templates/terraform/sagemaker-images/main.tf",  # a template
    ],
)
def test_a_changed_input_changes_the_digest(inputs, changed):
    before = _prebuilt.inputs_digest(inputs, inputs / "templates")
    path = inputs / changed
    path.write_bytes(path.read_bytes() + b"\n")
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") != before


def test_a_new_input_changes_the_digest_and_bytecode_or_the_build_itself_do_not(inputs):
    before = _prebuilt.inputs_digest(inputs, inputs / "templates")
    (inputs / "targets" / "__pycache__").mkdir()
    (inputs / "targets" / "__pycache__" / "render.cpython-311.pyc").write_bytes(b"\0")
    (inputs / "data" / _prebuilt.PREBUILT).write_bytes(b"other")
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") == before
    (inputs / "targets" / "extra.py").write_text("")
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") != before


def test_a_stale_prebuilt_build_is_not_read(monkeypatch):
    assert _prebuilt.read() is not None
    monkeypatch.setattr(_prebuilt, "inputs_digest", lambda: "0" * 128)
    assert _prebuilt.read() is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda packed: packed[: len(packed) // 2],  # truncated
        lambda packed: zlib.compress(b"not json\nbody"),
        lambda packed: zlib.compress(b'[["a.txt", 3]]\nabcdef'),  # sizes do not add up
        lambda packed: zlib.compress(b'[["a.txt", 2]]\n\xff\xfe'),  # not UTF-8
    ],
)
def test_a_damaged_prebuilt_build_is_not_read(tmp_path, monkeypatch, damage):
    head, _, packed = (_prebuilt.DATA / _prebuilt.PREBUILT).read_bytes().partition(b"\n")
    (tmp_path / _prebuilt.PREBUILT).write_bytes(head + b"\n" + damage(packed))
    monkeypatch.setattr(_prebuilt, "DATA", tmp_path)
    assert _prebuilt.read() is None
    (tmp_path / _prebuilt.PREBUILT).write_bytes(head + b"\n" + packed)  # the same, whole
    assert _prebuilt.read() is not None


@pytest.fixture
def renders(monkeypatch):
    """The catalogs build() rendered afresh (each call returns one marker file)."""
    seen = []

    def render(catalog, targets=build.TARGETS):
        seen.append((catalog, targets))
        return {"rendered": ""}

    monkeypatch.setattr(build, "render", render)
    return seen


def test_build_reads_the_prebuilt_files_for_the_builtin_catalog_only(renders, built):
    catalog = load_catalog()
    assert build.build(catalog) == built
    assert renders == []
    for other in (
        catalog._replace(path="other.yaml"),  # a copy with a field replaced
        parse_catalog(builtin_path().read_text(encoding="utf-8"), "same text"),
        load_catalog(builtin_path()),  # named, so parsed and validated
    ):
        assert build.build(other) == {"rendered": ""}
        assert renders[-1] == (other, build.TARGETS)
    assert build.build(catalog, ("terraform",)) == {"rendered": ""}  # a partial build
    assert len(renders) == 4


def test_build_renders_when_the_prebuilt_build_is_stale(renders, monkeypatch):
    monkeypatch.setattr(_prebuilt, "inputs_digest", lambda: "0" * 128)
    catalog = load_catalog()
    assert build.build(catalog) == {"rendered": ""}
    assert renders == [(catalog, build.TARGETS)]
