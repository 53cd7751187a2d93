"""The catalog's layout: every model field has its place in the file (or is derived), the
schema declares exactly those places, and reading then writing gives the file back."""

from __future__ import annotations

import pytest
import yaml

from sagemaker_iac.catalog import (
    Algorithm,
    Catalog,
    Image,
    ImageFamily,
    ImageRules,
    InstanceClass,
    JumpStart,
    JumpStartImage,
    JumpStartRelease,
    Partition,
    RegistryGroup,
    Release,
    Source,
    builtin_path,
    load_catalog,
)
from sagemaker_iac.catalog._layout import LAYOUTS, read, write
from sagemaker_iac.catalog.resources import schema
from sagemaker_iac.catalog.serialize import to_source
from support.paths import FIXTURES
from support.readers import catalog_data

# Fields a file does not hold: a keyed entry's name, the file's path, and what is derived.
NOT_IN_THE_FILE = {"key", "path", "content_types"}


def node(*path: str) -> dict:
    """The schema's object at a path of properties (an entry of a keyed mapping: '*', an
    item of a list: '[]')."""
    found = schema()
    for name in path:
        if name == "[]":
            found = found["items"]
        else:
            found = found["additionalProperties"] if name == "*" else found["properties"][name]
    return found


SCHEMA_NODES = {
    Catalog: node(),
    Source: node("sources", "*"),
    Partition: node("partitions", "*"),
    RegistryGroup: node("registry_groups", "*"),
    Algorithm: node("algorithms", "*"),
    Image: node("algorithms", "*", "inference"),
    InstanceClass: node("algorithms", "*", "instance"),
    ImageFamily: node("images", "*"),
    ImageRules: node("image_rules"),
    Release: node("end_of_patch", "repositories", "*", "[]"),
    JumpStart: node("jumpstart"),
    JumpStartImage: node("jumpstart", "images", "*"),
    JumpStartRelease: node("jumpstart", "models", "*", "*"),
}


def test_every_model_class_has_a_layout_and_a_schema_node():
    assert set(LAYOUTS) == set(SCHEMA_NODES)


@pytest.mark.parametrize("cls", list(LAYOUTS), ids=lambda c: c.__name__)
def test_every_field_has_its_place_or_is_derived(cls):
    placed = [at.field for at in LAYOUTS[cls]]
    assert len(placed) == len(set(placed))
    assert set(cls._fields) - NOT_IN_THE_FILE == set(placed)


def _declared(found: dict, placed: set, prefix: tuple[str, ...] = ()) -> set:
    """The schema's property paths, walked into a nested object where the layout is."""
    paths = set()
    for name, sub in found.get("properties", {}).items():
        path = (*prefix, name)
        if any(len(p) > len(path) and p[: len(path)] == path for p in placed):
            paths |= _declared(sub, placed, path)
        else:
            paths.add(path)
    return paths


@pytest.mark.parametrize("cls", list(LAYOUTS), ids=lambda c: c.__name__)
def test_the_schema_declares_exactly_the_layouts_places(cls):
    placed = {at.path for at in LAYOUTS[cls]}
    assert _declared(SCHEMA_NODES[cls], placed) - {("schema_version",)} == placed


def test_the_builtin_catalog_reads_and_writes_back_to_its_own_data():
    data = catalog_data(builtin_path())
    catalog = load_catalog()
    assert to_source(catalog) == data


@pytest.mark.parametrize("name", ["minimal.yaml", "seed.yaml"])
def test_small_catalogs_read_and_write_back(name):
    data = yaml.safe_load((FIXTURES / "catalogs" / "good" / name).read_text(encoding="utf-8"))
    rebuilt = read(Catalog, data, path=name)
    assert {"schema_version": 1, **write(rebuilt)} == data


def test_a_field_at_its_default_is_left_out_and_one_written_always_is_kept():
    instance = InstanceClass(processors=("cpu",))
    assert write(instance) == {"processors": ["cpu"]}
    rules = write(ImageRules(source="s"))
    assert rules["graviton_frameworks"] == [] and rules["source"] == "s"
