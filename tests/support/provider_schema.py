"""A module's resources and data sources checked against an AWS provider schema in the
fixtures' shape (scripts/provider_schema.py writes it): every argument and block exists
and is of its kind, every required argument is set, every attribute an expression reads
exists, and nothing deprecated is used. scripts/provider_floors.py uses the same check
to find each module's lowest provider release."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from .readers import load_hcl

META = {"count", "for_each", "lifecycle", "depends_on", "provider", "dynamic"}
_REFERENCE = re.compile(r"\b(data\.)?((?:aws|awscc)_[a-z0-9_]+)\.(\w+)(?:\[[^\]]*\])?\.(\w+)")


def _blocks(body: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Nested blocks of a python-hcl2 body, dynamic ones included, by name."""
    found: dict[str, list[dict[str, Any]]] = {}
    for name, value in body.items():
        if name == "dynamic":
            for dynamic in value:
                ((block, spec),) = dynamic.items()
                found.setdefault(block, []).append(spec["content"][0])
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            found.setdefault(name, []).extend(value)
    return found


def check_block(
    where: str, body: dict[str, Any], schema: dict[str, Any], nested: bool = False
) -> list[str]:
    """NESTED: the schema's blocks are nested attributes (the awscc provider's), set as
    `name = { ... }`, never as blocks."""
    problems = []
    blocks = {} if nested else _blocks(body)
    for key in body:
        if key in META or key in blocks:
            continue
        if key in schema["blocks"]:
            if nested:  # an object, a list of them, or an expression that makes them
                values = body[key] if isinstance(body[key], list) else [body[key]]
                for value in values:
                    if isinstance(value, dict):
                        problems += check_block(
                            f"{where}.{key}", value, schema["blocks"][key], True
                        )
                continue
            problems.append(f"{where}: {key} is a block, set as an argument")
        elif key not in schema["arguments"]:
            problems.append(f"{where}: {key} is not an argument")
        elif schema["arguments"][key].get("deprecated"):
            problems.append(f"{where}: {key} is deprecated")
    for key, spec in schema["arguments"].items():
        if spec["required"] and key not in body:
            problems.append(f"{where}: required {key} is missing")
    for name, contents in blocks.items():
        if name in META:
            continue
        if name not in schema["blocks"]:
            kind = "an argument" if name in schema["arguments"] else "not a block"
            problems.append(f"{where}: {name} is {kind}")
            continue
        for content in contents:
            problems += check_block(f"{where}.{name}", content, schema["blocks"][name])
    return problems


@functools.cache
def _parsed(path: Path, text: str) -> dict[str, Any]:
    """python-hcl2's reading of a file, once per content: several checks read each module."""
    return load_hcl(path)


def parsed(path: Path) -> dict[str, Any]:
    return _parsed(path, path.read_text(encoding="utf-8"))


def used_types(folders: list[Path], provider: str = "aws") -> dict[str, set[str]]:
    """The provider's resource and data source types (aws_* for hashicorp/aws) the .tf
    files of these folders declare."""
    found: dict[str, set[str]] = {"resource": set(), "data": set()}
    for folder in folders:
        for path in sorted(folder.glob("*.tf")):
            for kind in found:
                for block in parsed(path).get(kind, []):
                    found[kind].update(t.strip('"') for t in block if t.startswith(f"{provider}_"))
    return found


def check_module(folder: Path, schema: dict[str, Any]) -> list[str]:
    """Every block of a module's .tf files of the schema's provider (aws_* for
    hashicorp/aws), and every attribute they read."""
    problems: list[str] = []
    prefix = schema.get("provider", "hashicorp/aws").split("/")[1] + "_"
    for path in sorted(folder.glob("*.tf")):
        body = parsed(path)
        for kind in ("resource", "data"):
            for block in body.get(kind, []):
                for rtype, instances in block.items():
                    if not rtype.startswith(prefix):
                        continue
                    for name, content in instances.items():
                        if rtype not in schema[kind]:
                            problems.append(f"{path.name}: {kind} {rtype} is not in the schema")
                            continue
                        where = f"{path.name}: {rtype}.{name}"
                        nested = bool(schema.get("nested_attributes"))
                        problems += check_block(where, content, schema[kind][rtype], nested)
    for path in sorted(folder.glob("*.tf")):
        for data, rtype, _name, attribute in _REFERENCE.findall(path.read_text()):
            if not rtype.startswith(prefix):
                continue
            kind = "data" if data else "resource"
            known = schema[kind].get(rtype, {}).get("attributes")
            if known is not None and attribute not in known:
                problems.append(f"{path.name}: {rtype} has no attribute {attribute}")
    return problems


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
