"""The tests' readers of generated HCL and CloudFormation YAML."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import hcl2
import yaml
from hcl2 import SerializationOptions

HCL_OPTIONS = SerializationOptions(
    strip_string_quotes=True, explicit_blocks=False, with_comments=False
)


@functools.cache
def _hcl(text: str) -> dict[str, Any]:
    return hcl2.loads(text, serialization_options=HCL_OPTIONS)


def load_hcl(path: Path) -> dict[str, Any]:
    """python-hcl2's reading of one file: each text parsed once per worker (several tests
    read the same large files), each caller given a copy of its own."""
    return copy.deepcopy(_hcl(path.read_text(encoding="utf-8")))


def hcl_locals(path: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for block in load_hcl(path).get("locals", []):
        merged.update(block)
    return merged


class _CfnLoader(yaml.CSafeLoader):
    """libyaml with CloudFormation's short-form tags, read as their long forms."""


def _intrinsic(loader: _CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {suffix if suffix in ("Ref", "Condition") else f"Fn::{suffix}": value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_cfn(path: Path) -> dict[str, Any]:
    """Parse a CloudFormation YAML file with its intrinsic-function tags.

    libyaml, not cfn-lint's decoder, which is slow to import in every worker;
    test_cfn_yaml_reads_as_cfn_lint_does keeps the two equal.
    """
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_CfnLoader)


def catalog_data(path: Path) -> dict[str, Any]:
    """A catalog file's data: its documents (the catalog, then the jumpstart section)
    as one mapping, as the schema describes them."""
    data: dict[str, Any] = {}
    for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
        data.update(document)
    return data
