"""Reads YAML into plain data plus the line of every key, rejecting duplicate keys.

PyYAML keeps the last of duplicate keys silently; a catalog must not.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import yaml

from ..errors import CatalogError, shown

Path_ = tuple[str | int, ...]

# The C composer is several times faster; fall back when libyaml is absent. ignore: the
# stubs type CSafeLoader apart from SafeLoader, which it is at run time.
try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def dotted(path: Path_) -> str:
    """Render a key path as `a.b[0].c`, each key escaped and cut short as `shown` does."""
    out = ""
    for part in path:
        key = str(part) if isinstance(part, int) else shown(part)
        out += f"[{key}]" if isinstance(part, int) else (f".{key}" if out else key)
    return out


class YamlDocument:
    """Plain data from a YAML document and the 1-based line of each key path."""

    def __init__(self, file: str, data: Any, lines: dict[Path_, int]) -> None:
        self.file = file
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int:
        """The line of the longest prefix of `path` that the document has (1 if none)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def error(self, path: Path_, message: str) -> CatalogError:
        return CatalogError(self.file, self.line(path), dotted(path), message)


# A catalog is a few levels deep and tens of thousands of values at most; aliases can
# make a small file expand without bound (or forever, when one refers to itself).
MAX_DEPTH = 32
MAX_NODES = 1_000_000


def load(text: str, file: str) -> YamlDocument:
    """Parse one YAML document; syntax errors and duplicate keys raise CatalogError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        budget = [MAX_NODES]
        data = _build(loader, node, (), lines, file, budget) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise CatalogError(file, line, "", f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise CatalogError(file, None, "", f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return YamlDocument(file, data, lines)


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    file: str,
    budget: list[int],
) -> Any:
    budget[0] -= 1
    if len(path) > MAX_DEPTH or budget[0] < 0:
        what = (
            f"nested more than {MAX_DEPTH} levels deep"
            if len(path) > MAX_DEPTH
            else f"more than {MAX_NODES:,} values once its aliases are expanded"
        )
        raise CatalogError(
            file, node.start_mark.line + 1, dotted(path[:MAX_DEPTH]), f"the document is {what}"
        )
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                # Keys like 1, true or null would change meaning through YAML 1.1.
                raise CatalogError(
                    file,
                    key_node.start_mark.line + 1,
                    dotted((*path, str(key))),
                    f"key {key!r} must be a string; quote it",
                )
            child = (*path, key)
            if key in result:
                raise CatalogError(
                    file,
                    key_node.start_mark.line + 1,
                    dotted(child),
                    f"duplicate key (first defined on line {lines[child]})",
                )
            lines[child] = key_node.start_mark.line + 1
            result[key] = _build(loader, value_node, child, lines, file, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*path, index), lines, file, budget)
            for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
