"""Two versions of a framework's images compared, as the SDK writes them: for verify (the
catalog against the SDK's configs) and diff (a catalog against its next version)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from ..catalog import ImageFamily, RegistryGroup

Kind = Literal["removed", "added", "changed"]


class FieldChange(NamedTuple):
    where: str  # scope versions VERSION field ..., space-separated
    kind: Kind
    old: Any = None
    new: Any = None
    field: str = ""  # the key added or removed, or the list a member left or joined
    member: bool = False  # a list's member, not a key

    @property
    def breaking(self) -> bool:
        """Whether something accepted is refused, or answered otherwise, after the change.

        Adding a version, alias, region, scope, Python version or processor widens what
        is answered; adding a field to a version (a tag prefix, a container version) or a
        Neuron SDK version (the newest tags the image) changes answers.
        """
        if self.kind != "added":
            return True
        return self.field == "sdk_versions" if self.member else self.field in _TAG_FIELDS


# A version's fields whose appearance changes its tag, registry or what it accepts.
_TAG_FIELDS = {
    "repository",
    "registries",
    "processors",
    "py_versions",
    "container_version",
    "tag_prefix",
    "processor_in_tag",
    "sdk_versions",
}


def expanded(found: ImageFamily, groups: Mapping[str, RegistryGroup]) -> dict[str, Any]:
    """A family as the SDK writes it: account maps in place of registry group names."""

    def walk(node: Any) -> Any:
        if isinstance(node, Mapping):
            return {
                ("registries" if k == "registry_group" else k): (
                    dict(groups[v].accounts) if k == "registry_group" else walk(v)
                )
                for k, v in node.items()
            }
        return list(node) if isinstance(node, list | tuple) else node

    return {
        "scopes": list(found.scopes or ()),
        "default versions": dict(found.latest),
        **walk(found.configs),
    }


def compare(old: Any, new: Any, path: tuple[str, ...] = ()) -> list[FieldChange]:
    """Every difference of two expanded families; list members one by one."""
    where = " ".join(path)
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[FieldChange] = []
        for key in [*old, *(k for k in new if k not in old)]:
            if key not in new:
                found.append(FieldChange(f"{where} {key}".strip(), "removed", old[key], None, key))
            elif key not in old:
                found.append(FieldChange(f"{where} {key}".strip(), "added", None, new[key], key))
            else:
                found += compare(old[key], new[key], (*path, key))
        return found
    if isinstance(old, list) and isinstance(new, list):
        field = path[-1] if path else ""
        gone = [FieldChange(f"{where} {v}", "removed", v, None, field, True) for v in old]
        came = [FieldChange(f"{where} {v}", "added", None, v, field, True) for v in new]
        return [d for d in gone if d.old not in new] + [d for d in came if d.new not in old]
    return [] if old == new else [FieldChange(where, "changed", old, new)]
