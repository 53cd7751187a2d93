"""A JSON document built as data, whose parts CloudFormation joins at deploy time.

A pipeline definition is a JSON string in the template, yet parts of it are only known
to CloudFormation: a registry account from a mapping, a member present only under a
condition. The document is written as Python data with three markers (`Raw`, `Spliced`,
`When`); `parts` serializes it with json.dumps and returns the pieces of an `Fn::Join`:
("text", json), ("raw", intrinsic) and ("if", condition, json).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

Part = tuple[str, ...]


class Raw(NamedTuple):
    """A template intrinsic (such as `!FindInMap [...]`) whose value stands here as is."""

    expression: str


class Literal(NamedTuple):
    """JSON text that stands here as written: a `${Parameter}` that is a number or a bool."""

    text: str


class Spliced(NamedTuple):
    """JSON members written by the user (`${Parameter}` holding `"a":"1","b":"2"`), spliced
    into the enclosing object."""

    text: str


class When(NamedTuple):
    """A member or list element present only where CONDITION holds. A condition inside it
    must imply CONDITION (as `!And [Outer, ...]` does)."""

    condition: str
    value: Any


class Concat(NamedTuple):
    """A JSON string made of text and Raw pieces, such as an image URI."""

    pieces: tuple[str | Raw, ...]


class _Parts:
    def __init__(self) -> None:
        self.items: list[Part] = []

    def add(self, part: Part) -> None:
        last = self.items[-1] if self.items else None
        if last is not None and last[0] == part[0] != "raw" and last[:-1] == part[:-1]:
            self.items[-1] = (*part[:-1], last[-1] + part[-1])  # one text, or one If
        else:
            self.items.append(part)

    def text(self, value: str, condition: str | None) -> None:
        self.add(("text", value) if condition is None else ("if", condition, value))


def _emit(value: Any, out: _Parts, condition: str | None) -> None:
    if isinstance(value, dict):
        _members(list(value.items()), out, condition, "{", "}")
    elif isinstance(value, list):
        _members([(None, v) for v in value], out, condition, "[", "]")
    elif isinstance(value, Concat):
        out.text('"', condition)
        for piece in value.pieces:
            if isinstance(piece, Raw):
                if condition is not None:
                    raise ValueError("a mapped value cannot sit under a condition")
                out.add(("raw", piece.expression))
            else:
                out.text(json.dumps(piece)[1:-1], condition)
        out.text('"', condition)
    elif isinstance(value, Literal):
        out.text(value.text, condition)
    else:
        out.text(json.dumps(value, separators=(",", ":")), condition)


def _members(
    items: list[tuple[str | None, Any]], out: _Parts, condition: str | None, open_: str, close: str
) -> None:
    out.text(open_, condition)
    unconditional = False  # a member present whenever this container is stands before
    conditional = False  # a member present only under its own condition stands before
    for key, value in items:
        inner = condition
        if isinstance(value, When):
            inner, value = value.condition, value.value
        if conditional and not unconditional:
            # Its comma would depend on whether the member before is present.
            raise ValueError("a member cannot follow only conditional members")
        comma = "," if unconditional else ""
        if isinstance(value, Spliced):
            out.text(comma + value.text, inner)
        else:
            out.text(comma + ("" if key is None else json.dumps(key) + ":"), inner)
            _emit(value, out, inner)
        if inner == condition:
            unconditional = True
        else:
            conditional = True
    out.text(close, condition)


def parts(document: Any) -> list[Part]:
    """The Fn::Join pieces of DOCUMENT's compact JSON."""
    out = _Parts()
    _emit(document, out, None)
    return out.items
