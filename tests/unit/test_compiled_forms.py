"""The compiled forms the build makes (never tracked): each equals what the source path
gives, and one that is absent, stale, damaged or from other library versions is not used."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import jinja2
import pytest

from sagemaker_iac import _prebuilt, build
from sagemaker_iac._compile import compile_all
from sagemaker_iac.api import load_catalog, parse_catalog
from sagemaker_iac.catalog import builtin_path
from sagemaker_iac.catalog import load as catalog_load
from sagemaker_iac.catalog.resources import dependency_versions
from sagemaker_iac.targets import _jinja
from sagemaker_iac.targets.headers import stamp
from support.paths import ROOT

PACKAGE = ROOT / "generator" / "sagemaker_iac"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every compiled form, made afresh into a folder of this test module's own."""
    folder = tmp_path_factory.mktemp("compiled")
    compile_all(folder)
    return folder


def validated_builtin():
    return parse_catalog(builtin_path().read_text(encoding="utf-8"), str(builtin_path()))


# The catalog


def test_the_compiled_catalog_is_the_validated_one(compiled, monkeypatch):
    raw = builtin_path().read_bytes()
    assert catalog_load._compiled(raw, compiled) is not None
    monkeypatch.setattr(catalog_load, "COMPILED", compiled)
    from_compiled = load_catalog()
    validated = validated_builtin()
    assert from_compiled == validated  # the path too: the file's, wherever it was built
    # Order is data too (default tags, rendering order): the outputs are byte-identical.
    assert build.render(from_compiled) == build.render(validated)


def _pickled(catalog) -> bytes:
    import pickle

    return pickle.dumps(catalog, protocol=5)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda raw, head, body: (raw + b"\n# edited\n", head, body),  # the catalog changed
        lambda raw, head, body: (raw, head.replace(b"pyyaml==", b"pyyaml==0."), body),
        lambda raw, head, body: (raw, head.replace(b"python==", b"python==2."), body),
        lambda raw, head, body: (raw, head, body[: len(body) // 2]),  # truncated
        lambda raw, head, body: (raw, head, _pickled({"not": "a catalog"})),
        lambda raw, head, body: (raw, head, b"garbage"),
        lambda raw, head, body: (raw, None, None),  # absent
    ],
    ids=[
        "stale",
        "other-pyyaml",
        "other-python",
        "truncated",
        "not-a-catalog",
        "garbage",
        "absent",
    ],
)
def test_a_compiled_catalog_that_does_not_match_is_not_used(compiled, tmp_path, spoil):
    raw = builtin_path().read_bytes()
    head, _, body = (compiled / catalog_load.COMPILED_CATALOG).read_bytes().partition(b"\n")
    raw, head, body = spoil(raw, head, body)
    if head is not None:
        (tmp_path / catalog_load.COMPILED_CATALOG).write_bytes(head + b"\n" + body)
    assert catalog_load._compiled(raw, tmp_path) is None


def test_the_builtin_catalog_loads_without_any_compiled_form(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_load, "COMPILED", tmp_path / "absent")
    assert load_catalog() == validated_builtin()


@pytest.mark.parametrize("changed", ["schema", "code"])
def test_a_schema_or_code_change_makes_the_compiled_catalog_stale(tmp_path, monkeypatch, changed):
    raw = builtin_path().read_bytes()
    before = catalog_load._key(raw)
    if changed == "schema":
        schema = tmp_path / "schema.json"
        schema.write_bytes(Path(catalog_load.DATA_DIR, catalog_load.SCHEMA).read_bytes() + b"\n")
        monkeypatch.setattr(catalog_load, "_INPUTS", (schema, *catalog_load._INPUTS[1:]))
    else:  # a comment in any module of the catalog package
        code = tmp_path / "catalog"
        shutil.copytree(catalog_load._CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
        (code / "resolve.py").write_text((code / "resolve.py").read_text() + "# a comment\n")
        monkeypatch.setattr(catalog_load, "_CODE", code)
    assert catalog_load._key(raw) != before


def test_library_versions_are_read_from_the_installed_metadata():
    from importlib import metadata

    for name in ("jinja2", "pyyaml", "jsonschema", "click"):
        assert dependency_versions(name) == f"{name}=={metadata.version(name)}"
    assert dependency_versions("no-such-distribution-here") == "no-such-distribution-here==?"


# The templates


def test_compiled_templates_render_as_the_sources(compiled, catalog, monkeypatch):
    loader = _jinja._compiled_loader(compiled / "templates")
    assert isinstance(loader, jinja2.ModuleLoader)
    sources = jinja2.FileSystemLoader(str(_jinja.templates_dir()))
    monkeypatch.setattr(_jinja, "_ENV", _jinja._new_environment(sources))
    from_sources = build.render(catalog)
    monkeypatch.setattr(_jinja, "_ENV", _jinja._new_environment(loader))
    assert build.render(catalog) == from_sources


@pytest.mark.parametrize(
    "change",
    [
        lambda s: {**s, "terraform/_catalog.tf": "0" * 64},  # a template changed since
        lambda s: {**s, "jinja2": "0.0.1"},  # compiled by another Jinja2
        lambda s: {k: v for k, v in s.items() if k != "terraform/_catalog.tf"},
    ],
    ids=["stale-template", "other-jinja2", "template-added-since"],
)
def test_compiled_templates_that_do_not_match_are_not_used(compiled, tmp_path, change):
    folder = tmp_path / "templates"
    shutil.copytree(compiled / "templates", folder)
    sources = json.loads((folder / _jinja.SOURCES).read_text())
    (folder / _jinja.SOURCES).write_text(json.dumps(change(sources)))
    assert _jinja._compiled_loader(folder) is None
    assert _jinja._compiled_loader(tmp_path / "absent") is None


# The prebuilt build


def test_the_prebuilt_build_is_the_fresh_render(compiled, built, catalog):
    files = _prebuilt.read(stamp(catalog).catalog_sha256, compiled)
    assert files is not None
    assert list(files) == list(built)  # the same paths, in the same order
    changed = [name for name in built if files[name] != built[name]]
    assert not changed, f"prebuilt differs from a fresh render in {changed[:5]}"


def test_a_prebuilt_build_of_another_catalog_is_not_read(compiled):
    assert _prebuilt.read("0" * 64, compiled) is None


@pytest.fixture
def inputs(tmp_path):
    """A copy of the package and the templates, laid out as in a wheel."""
    package = tmp_path / "sagemaker_iac"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "_compiled"))
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
        "catalog/resolve.py",
        "targets/terraform/render.py",
        "data/catalog.yaml",  # the data
        "templates/terraform/sagemaker-images/main.tf",  # a template
    ],
)
def test_a_changed_input_changes_the_digest(inputs, changed):
    before = _prebuilt.inputs_digest(inputs, inputs / "templates")
    path = inputs / changed
    path.write_bytes(path.read_bytes() + b"\n# a comment\n")
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") != before


def test_a_new_input_changes_the_digest_and_bytecode_or_compiled_forms_do_not(inputs):
    before = _prebuilt.inputs_digest(inputs, inputs / "templates")
    (inputs / "targets" / "__pycache__").mkdir()
    (inputs / "targets" / "__pycache__" / "render.cpython-311.pyc").write_bytes(b"\0")
    (inputs / "_compiled").mkdir()
    (inputs / "_compiled" / _prebuilt.PREBUILT).write_bytes(b"other")
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") == before
    (inputs / "targets" / "extra.py").write_text("")
    assert _prebuilt.inputs_digest(inputs, inputs / "templates") != before


def test_a_prebuilt_build_from_other_libraries_is_not_read(compiled, tmp_path, catalog):
    head, _, packed = (compiled / _prebuilt.PREBUILT).read_bytes().partition(b"\n")
    other = head.replace(b"jinja2==", b"jinja2==0.")
    assert other != head
    (tmp_path / _prebuilt.PREBUILT).write_bytes(other + b"\n" + packed)
    assert _prebuilt.read(stamp(catalog).catalog_sha256, tmp_path) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda packed: packed[: len(packed) // 2],  # truncated
        lambda packed: zlib.compress(b"not json\nbody"),
        lambda packed: zlib.compress(b'[["a.txt", 3]]\nabcdef'),  # sizes do not add up
        lambda packed: zlib.compress(b'[["a.txt", 2]]\n\xff\xfe'),  # not UTF-8
    ],
)
def test_a_damaged_prebuilt_build_is_not_read(compiled, tmp_path, catalog, damage):
    sha = stamp(catalog).catalog_sha256
    head, _, packed = (compiled / _prebuilt.PREBUILT).read_bytes().partition(b"\n")
    (tmp_path / _prebuilt.PREBUILT).write_bytes(head + b"\n" + damage(packed))
    assert _prebuilt.read(sha, tmp_path) is None
    (tmp_path / _prebuilt.PREBUILT).write_bytes(head + b"\n" + packed)  # the same, whole
    assert _prebuilt.read(sha, tmp_path) is not None


@pytest.fixture
def renders(monkeypatch, compiled):
    """The catalogs build() rendered afresh (each call returns one marker file), with the
    prebuilt build of the module's compiled folder."""
    seen = []

    def render(catalog, targets=build.TARGETS):
        seen.append((catalog, targets))
        return {"rendered": ""}

    monkeypatch.setattr(build, "render", render)
    monkeypatch.setattr(_prebuilt, "COMPILED_DIR", compiled)
    return seen


def test_build_reads_the_prebuilt_files_for_a_catalog_of_the_same_content(renders, built):
    catalog = load_catalog()
    for same in (
        catalog,
        catalog._replace(path="other.yaml"),  # the same facts from another file
        load_catalog(builtin_path()),  # named, so parsed and validated
    ):
        assert build.build(same) == built
    assert renders == []
    other = catalog._replace(
        regions={k: v for k, v in catalog.regions.items() if k != "il-central-1"}
    )
    assert build.build(other) == {"rendered": ""}
    assert build.build(catalog, ("terraform",)) == {"rendered": ""}  # a partial build
    assert renders == [(other, build.TARGETS), (catalog, ("terraform",))]


def test_build_renders_when_the_prebuilt_build_is_stale(renders, monkeypatch):
    monkeypatch.setattr(_prebuilt, "inputs_digest", lambda: "0" * 128)
    catalog = load_catalog()
    assert build.build(catalog) == {"rendered": ""}
    assert renders == [(catalog, build.TARGETS)]
