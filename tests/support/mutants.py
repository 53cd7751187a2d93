"""Seeded catalog mutations: one change each to a catalog's parsed YAML (a field deleted,
retyped, renamed, duplicated, emptied or oversized; hostile Unicode in a value or a key)
or to its text (YAML tags, aliases, anchors, merge keys and other layouts).

Each mutation is chosen (the random draws made) when listed and rendered to text only when
asked for, so a corpus can list thousands and write the few it samples.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import yaml

HOSTILE = [
    "\u202eevil",  # right-to-left override
    "a\u200fb",  # right-to-left mark
    "zero\u200bwidth",
    "e\u0301",  # not NFC
    "\U0001f600",
    "a\tb",
    "line\nbreak",
    "nul\x00",
    "${var.x}",
    "%{ if true }",
    '"quoted"',
    "back\\slash",
    "a | b",
    "--> <!--",
    "[x](javascript:alert(1))",
    "yes",
    "null",
    "~",
    "0o17",
    "1e3",
    ".inf",
    "-",
    "#",
    "k" * 300,
]
RETYPED: list[Any] = [None, True, 0, 1.5, [], {}, "", ["x"], {"x": "y"}]


class Mutant(NamedTuple):
    path: tuple[Any, ...]  # the field changed; () for a change to the text
    what: str
    text: Callable[[], str]


def paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def _changed(base: Any, change: Callable[[Any], None]) -> Callable[[], str]:
    def render() -> str:
        data = copy.deepcopy(base)
        change(data)
        return dump(data)

    return render


def _delete(path: tuple[Any, ...]) -> Callable[[Any], None]:
    return lambda data: _get(data, path[:-1]).__delitem__(path[-1])


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    return lambda data: _get(data, path[:-1]).__setitem__(path[-1], value)


def _rename(path: tuple[Any, ...], name: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        parent = _get(data, path[:-1])
        parent[name] = parent.pop(path[-1])

    return change


def _append(path: tuple[Any, ...], item: Any) -> Callable[[Any], None]:
    return lambda data: _get(data, path).append(item)


def mutants(base: dict[str, Any], rng: random.Random) -> Iterator[Mutant]:
    """Every field of BASE, each changed in every way that applies to it."""
    for path in [p for p in paths(base) if p]:
        parent, last = _get(base, path[:-1]), path[-1]
        where = ".".join(map(str, path))
        yield Mutant(path, f"delete {where}", _changed(base, _delete(path)))
        retyped = rng.choice(RETYPED)
        yield Mutant(path, f"retype {where}", _changed(base, _set(path, retyped)))
        if isinstance(parent, dict):
            renamed = rng.choice([f"{last}x", str(last).upper(), rng.choice(HOSTILE), "on"])
            yield Mutant(
                path,
                f"rename {where} to {json.dumps(renamed)}",
                _changed(base, _rename(path, renamed)),
            )
        value = _get(base, path)
        if isinstance(value, list) and value:
            yield Mutant(
                path, f"duplicate an item of {where}", _changed(base, _append(path, value[0]))
            )
        if isinstance(value, list | dict):
            yield Mutant(path, f"empty {where}", _changed(base, _set(path, type(value)())))
        if isinstance(value, str):
            yield Mutant(path, f"oversize {where}", _changed(base, _set(path, value * 200)))
            hostile = rng.choice(HOSTILE)
            yield Mutant(
                path,
                f"hostile value {json.dumps(hostile)} at {where}",
                _changed(base, _set(path, hostile)),
            )


Edit = tuple[str, Callable[[str], str]]  # (what, how the text changes)


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    """An edit replacing OLD, which must be in the text."""

    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return edit


# Layouts any YAML file can be given.
TWO_DOCUMENTS: Edit = ("two documents", lambda text: text + "---\nschema_version: 1\n")
BYTE_ORDER_MARK: Edit = ("a byte order mark", lambda text: "\ufeff" + text)
CRLF: Edit = ("CRLF line ends", lambda text: text.replace("\n", "\r\n"))
NO_FINAL_NEWLINE: Edit = ("no final newline", lambda text: text.rstrip("\n"))


def text_mutants(text: str, edits: list[Edit]) -> Iterator[Mutant]:
    """TEXT changed by each edit in turn."""
    for what, edit in edits:
        yield Mutant((), what, lambda edit=edit: edit(text))


def header(what: str) -> str:
    """A mutant's first line: which change it is, in ASCII."""
    return "# mutant: " + what.encode("unicode_escape").decode("ascii")[:200] + "\n"
