"""Where each model field lives in a catalog file, and the one reader and writer that use it.

A model class's layout lists its fields in the file's order, each with its path of keys
(`("channels", "required")` for a field kept in a nested mapping). The reader builds the
model from validated data and the writer the data from the model, both from the layout
and the fields' types, so a new field is its model line, its layout line and its schema.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, NamedTuple

from ._model import (
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
)


class At(NamedTuple):
    """One field's place in its class's mapping."""

    field: str
    path: tuple[str, ...]
    # Written whenever its mapping is, even at its default (the schema requires it there).
    always: bool = False
    # Keyed entries written in key order (else in the model's order, which is data).
    sort: bool = False
    # A mapping whose every value sits under this one key ({region: {partition: aws}}).
    entry: str | None = None


def _at(field: str, *path: str, **options: Any) -> At:
    return At(field, path or (field,), **options)


LAYOUTS: dict[type, tuple[At, ...]] = {
    Source: (_at("title"), _at("document"), _at("date")),
    Partition: (_at("dns_suffix"), _at("source")),
    RegistryGroup: (_at("source"), _at("accounts", sort=True)),
    Image: (_at("repository"), _at("registry_group"), _at("tags")),
    InstanceClass: (
        _at("processors", always=True),
        _at("single_instance"),
        _at("gpu_single_device"),
        _at("gpu_dense_data_only"),
        _at("processors_by_tag"),
    ),
    Algorithm: (
        _at("name"),
        _at("repository"),
        _at("registry_group"),
        _at("tags"),
        _at("required_channels", "channels", "required", always=True),
        _at("optional_channels", "channels", "optional"),
        _at("input_modes"),
        _at("formats"),
        _at("instance", always=True),
        _at("parallelizable", always=True),
        _at("required_hyperparameters", "hyperparameters", "required", always=True),
        _at("hyperparameters_source", "hyperparameters", "source"),
        _at("inference"),
        _at("graviton"),
        _at("sdk_framework", "sdk", "framework"),
        _at("sdk_version", "sdk", "version"),
        _at("source"),
    ),
    ImageFamily: (
        _at("source"),
        _at("scopes"),
        _at("flat", always=True),
        _at("latest", always=True),
        _at("configs", always=True),
    ),
    ImageRules: tuple(_at(name, always=True) for name in ImageRules._fields),
    Release: tuple(_at(name, always=True) for name in Release._fields),
    JumpStartImage: (_at("repository"), _at("registry_group"), _at("tag")),
    JumpStartRelease: (
        _at("default_instance_type"),
        _at("instance_types"),
        _at("environment", always=True),
        _at("environment_overrides"),
        _at("image_aliases", always=True),
        _at("aliases", always=True),
        _at("region_aliases"),
        _at("regions", always=True),
        _at("artifact_key"),
        _at("prepacked_artifact_key"),
        _at("gated_bucket"),
        _at("eula"),
    ),
    JumpStart: (_at("source"), _at("images", sort=True), _at("models", sort=True)),
    Catalog: (
        _at("sources", sort=True),
        _at("partitions", sort=True),
        _at("regions", sort=True, entry="partition"),
        _at("formats", sort=True, entry="content_types"),
        _at("instance_families_source", "instance_families", "source"),
        _at("instance_families", "instance_families", "families", sort=True),
        _at("arm64_source", "instance_families", "arm64", "source"),
        _at("arm64_families", "instance_families", "arm64", "families"),
        _at("training_instance_types_source", "training_instance_types", "source"),
        _at("training_instance_types", "training_instance_types", "types"),
        _at("gpu_counts_source", "instance_gpus", "source"),
        _at("gpu_counts", "instance_gpus", "counts", sort=True),
        _at("registry_groups", sort=True),
        _at("algorithms", sort=True),
        _at("image_rules"),
        _at("images", sort=True),
        _at("end_of_patch_source", "end_of_patch", "source"),
        _at("end_of_patch", "end_of_patch", "repositories", sort=True),
        _at("jumpstart"),
    ),
}

# What the file holds besides the model's fields.
SCHEMA_VERSION = 1


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _defaults(cls: type) -> dict[str, Any]:
    """A model class's field defaults (every model is a NamedTuple)."""
    return dict(getattr(cls, "_field_defaults", {}))


@cache
def _parts(kind: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """A field type's origin and arguments, None removed (and whether it was optional)."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (typing.Union, types.UnionType) and type(None) in args:
        (kind,) = [a for a in args if a is not type(None)]
        return typing.get_origin(kind) or kind, typing.get_args(kind), True
    return typing.get_origin(kind) or kind, args, False


@cache
def _reader(kind: Any) -> Callable[[Any, str | None], Any]:
    """How a value of this field type is read: made once per type, as a lookup reads the
    whole catalog (thousands of values) on every start."""
    origin, args, _ = _parts(kind)
    if origin is tuple and args and args[0] in LAYOUTS:  # a list of model mappings
        return lambda value, key: tuple(read(args[0], v) for v in value)
    if origin is tuple:
        return lambda value, key: tuple(value)
    if isinstance(origin, type) and origin in LAYOUTS:
        return lambda value, key: read(origin, value, key)
    if origin is Mapping and args and args[1] is not Any:
        inner = _reader(args[1])
        if inner is _as_is:
            return lambda value, key: dict(value)
        return lambda value, key: {k: None if v is None else inner(v, k) for k, v in value.items()}
    return _as_is


def _as_is(value: Any, key: str | None) -> Any:
    return dict(value) if isinstance(value, Mapping) else value


def _read(kind: Any, value: Any, key: str | None = None) -> Any:
    return None if value is None else _reader(kind)(value, key)


def _empty(kind: Any) -> Any:
    """The value of a collection field the file leaves out: empty."""
    origin, _, optional = _parts(kind)
    if optional:
        return None
    return () if origin is tuple else {}


def read(cls: type, data: Mapping[str, Any], key: str | None = None, **known: Any) -> Any:
    """An instance of CLS from validated DATA (KEY: its name in the enclosing mapping;
    KNOWN: fields the file does not hold). A field the file leaves out takes its default,
    else an empty collection."""
    hints = _hints(cls)
    values: dict[str, Any] = dict(known) if key is None else {"key": key, **known}
    for at in LAYOUTS[cls]:
        found: Any = data
        for name in at.path:
            found = found.get(name) if isinstance(found, Mapping) else None
        if found is None:
            if at.field not in _defaults(cls):
                values[at.field] = _empty(hints[at.field])
            continue
        if at.entry is not None:
            found = {k: v[at.entry] for k, v in found.items()}
        values[at.field] = _read(hints[at.field], found)
    for field in getattr(cls, "_fields", ()):  # derived fields: the caller fills them
        if field not in values and field not in _defaults(cls):
            values[field] = _empty(hints[field])
    return cls(**values)


def _written(kind: Any, value: Any, sort: bool = False) -> Any:
    origin, args, _ = _parts(kind)
    if origin is tuple and args and args[0] in LAYOUTS:
        return [write(v) for v in value]
    if origin is tuple:
        return list(value)
    if origin is Mapping and args and args[1] is not Any:
        items = sorted(value.items()) if sort else value.items()
        return {k: _written(args[1], v) for k, v in items}
    if isinstance(origin, type) and origin in LAYOUTS:
        return write(value)
    if isinstance(value, Mapping):
        return dict(sorted(value.items())) if sort else dict(value)
    return value


def _is_set(value: Any, default: Any) -> bool:
    """Whether a value says something a reader could not assume: not None, not its
    field's default, not an empty collection."""
    if value is None or value is default or value == default:
        return False
    return not (isinstance(value, tuple | list | Mapping) and not value)


_NO_DEFAULT = object()


def write(obj: Any) -> dict[str, Any]:
    """OBJ's data as a catalog file holds it, in the layout's order. A field is written
    when it is set; one marked always is written too wherever its mapping is, and a
    nested mapping is there when a field under it is set."""
    cls: type = type(obj)
    layout = LAYOUTS[cls]
    values = {at.field: getattr(obj, at.field) for at in layout}
    defaults = _defaults(cls)
    set_paths = [
        at.path for at in layout if _is_set(values[at.field], defaults.get(at.field, _NO_DEFAULT))
    ]

    def present(group: tuple[str, ...]) -> bool:
        return not group or any(len(p) > len(group) and p[: len(group)] == group for p in set_paths)

    out: dict[str, Any] = {}
    for at in layout:
        value = values[at.field]
        if value is None or not (at.path in set_paths or (at.always and present(at.path[:-1]))):
            continue
        written = _written(_hints(cls)[at.field], value, at.sort)
        if at.entry is not None:
            written = {k: {at.entry: v} for k, v in written.items()}
        target = out
        for name in at.path[:-1]:
            target = target.setdefault(name, {})
        target[at.path[-1]] = written
    return out
