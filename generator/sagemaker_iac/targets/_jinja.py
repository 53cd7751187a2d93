"""Shared rendering: the Jinja2 environment and the quoting filters."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..catalog.resources import COMPILED_DIR
from . import templates_dir

# The templates compiled to Python by the build, with the digests of the sources they came
# from and the Jinja2 that compiled them: used only while all of these still match.
COMPILED_TEMPLATES = COMPILED_DIR / "templates"
SOURCES = "sources.json"

_ENV: jinja2.Environment | None = None


def _new_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(
        hcl=hcl_string,
        yaml=yaml_string,
        aligned=aligned,
        hcl_list=hcl_list,
        hcl_value=hcl_value,
        md=markdown,
        flow=yaml_flow,
    )
    return env


def template_sources() -> dict[str, str]:
    """Every template's name and the SHA-256 of its bytes, plus the Jinja2 that compiles."""
    root = templates_dir()
    found = {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
    return {"jinja2": jinja2.__version__, **found}


def _compiled_loader(folder: Path | None = None) -> jinja2.BaseLoader | None:
    """The compiled templates in FOLDER, where they are of these sources and this Jinja2."""
    folder = folder or COMPILED_TEMPLATES
    try:
        recorded = json.loads((folder / SOURCES).read_bytes())
    except (OSError, ValueError):
        return None
    return jinja2.ModuleLoader(str(folder)) if recorded == template_sources() else None


def compile_templates(folder: Path = COMPILED_TEMPLATES) -> None:
    """Write FOLDER afresh: the templates compiled to Python (the build step)."""
    shutil.rmtree(folder, ignore_errors=True)
    source = _new_environment(jinja2.FileSystemLoader(str(templates_dir())))
    source.compile_templates(str(folder), zip=None, ignore_errors=False)
    (folder / SOURCES).write_text(
        json.dumps(template_sources(), indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def environment() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        loader = _compiled_loader() or jinja2.FileSystemLoader(str(templates_dir()))
        _ENV = _new_environment(loader)
    return _ENV


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def _escape_char(ch: str, simple: Mapping[str, str]) -> str:
    if ch in simple:
        return simple[ch]
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or not ch.isprintable():
        return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
    return ch


_HCL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


# Printable ASCII with nothing to escape: the common case, quoted as it is.
_PLAIN = re.compile(r"[ !#-\[\]-~]*")
_TEMPLATE = re.compile(r"[$%]\{")
# Printable to Python, but line breaks or escapes to YAML.
_YAML_BREAKS = re.compile("[\u0085\u2028\u2029\ufeff]")


@cache  # pure, and the same names and tags recur thousands of times per generate
def hcl_string(value: str) -> str:
    """A double-quoted HCL string literal whose value is exactly `value`."""
    if _PLAIN.fullmatch(value) and not _TEMPLATE.search(value):
        return f'"{value}"'
    if value.isprintable():  # only quotes, backslashes and template sequences to escape
        body = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + body.replace("${", "$${").replace("%{", "%%{") + '"'
    body = "".join(_escape_char(ch, _HCL_ESCAPES) for ch in value)
    # Template sequences are literal only when doubled.
    return '"' + body.replace("${", "$${").replace("%{", "%%{") + '"'


_YAML_ESCAPES = {**_HCL_ESCAPES, "\u2028": "\\L", "\u2029": "\\P", "\u0085": "\\N"}


@cache
def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar whose value is exactly `value`."""
    if _PLAIN.fullmatch(value):
        return f'"{value}"'
    if value.isprintable() and not _YAML_BREAKS.search(value):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return '"' + "".join(_escape_char(ch, _YAML_ESCAPES) for ch in value) + '"'


# Characters Markdown (CommonMark, GitHub tables) would read as markup in a table cell
# (a line-start marker such as - or # cannot occur inside one).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~])")


def markdown(value: str) -> str:
    """Text for a Markdown table cell, shown as written: markup escaped, lines joined."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))


def yaml_flow(value: Any) -> str:
    """A YAML flow value: strings double-quoted, lists [..], mappings {key: ..} (their keys
    bare, as CloudFormation's alphanumeric second-level keys are)."""
    if isinstance(value, str):
        return yaml_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_flow(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(yaml_flow(v) for v in value) + "]"


def hcl_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(hcl_string(v) for v in values) + "]"


def hcl_value(value: Any) -> str:
    """An HCL literal whose value is exactly VALUE: None is null, and bools, numbers,
    strings, lists and string-keyed mappings nest."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return hcl_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(hcl_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{hcl_string(k)} = {hcl_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no HCL literal for {type(value).__name__}")


def aligned(items: Iterable[tuple[str, Any]], quote: bool = True) -> list[tuple[str, Any]]:
    """Pad keys so `=` lines up the way `terraform fmt` aligns a run of attributes."""
    pairs = [(hcl_string(k) if quote else k, v) for k, v in items]
    width = max((len(k) for k, _ in pairs), default=0)
    return [(k.ljust(width), v) for k, v in pairs]
