"""What a JumpStart section change does to users, and how a catalog's section compares
with its source. Both compare answers (`jumpstart --json`), not stored shapes, so a
re-import that stores the same facts differently is no change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..catalog import Catalog
from ..catalog.jumpstart import hosting, image_key, newest
from ..errors import UnavailableError


def _answers(catalog: Catalog, model_id: str, version: str) -> dict[tuple[str, str], Any]:
    """(region, instance type) -> the answer, or None where no image is published."""
    found = catalog.jumpstart.models[model_id][version] if catalog.jumpstart else None
    if found is None:
        return {}
    out: dict[tuple[str, str], Any] = {}
    for region in found.regions:
        for instance_type in found.instance_types:
            if image_key(found, region, instance_type) is None:
                out[(region, instance_type)] = None
                continue
            try:
                out[(region, instance_type)] = hosting(
                    catalog, model_id, region, version, instance_type
                ).as_json()
            except UnavailableError as exc:  # a region the catalog's table lacks
                out[(region, instance_type)] = str(exc)
    return out


def changes(a: Catalog, b: Catalog) -> Iterator[tuple[str, str, bool]]:
    """(model, what changed, breaking) between the newest versions of A's and B's models:
    a model, region or instance type that went away breaks; the rest is listed."""
    old = a.jumpstart.models if a.jumpstart else {}
    new = b.jumpstart.models if b.jumpstart else {}
    for model_id in sorted(old.keys() - new.keys()):
        yield model_id, "JumpStart model removed", True
    for model_id in sorted(new.keys() - old.keys()):
        yield model_id, "JumpStart model added", False
    for model_id in sorted(old.keys() & new.keys()):
        before, after = newest(old[model_id]), newest(new[model_id])
        if before.key != after.key:
            yield model_id, f"newest version {before.key} -> {after.key}", False
        for region in sorted(set(before.regions) - set(after.regions)):
            yield model_id, f"region removed: {region}", True
        for region in sorted(set(after.regions) - set(before.regions)):
            yield model_id, f"region added: {region}", False
        for kind in before.instance_types:
            if kind not in after.instance_types:
                yield model_id, f"instance type removed: {kind}", True
        for kind in after.instance_types:
            if kind not in before.instance_types:
                yield model_id, f"instance type added: {kind}", False
        if before.key == after.key:
            was, now = _answers(a, model_id, before.key), _answers(b, model_id, after.key)
            moved = sorted(k for k in was.keys() & now.keys() if was[k] != now[k])
            if moved:
                region, kind = moved[0]
                yield (
                    model_id,
                    f"answers changed for {len(moved)} (region, instance type) pairs, such "
                    f"as {region} {kind}",
                    False,
                )


class Difference(NamedTuple):
    model_id: str
    version: str
    region: str
    instance_type: str
    field: str
    catalog: Any
    source: Any

    def __str__(self) -> str:
        parts = (self.model_id, self.version, self.region, self.instance_type)
        where = " ".join(p for p in parts if p)
        return f"{where}: {self.field}: catalog {self.catalog!r}, source {self.source!r}"


def _shown(answer: Any) -> Any:
    """One side of a (region, instance type) that only one side answers."""
    if answer is _ABSENT:
        return "not listed"
    if answer is None:
        return "no image"
    return answer["image_uri"] if isinstance(answer, dict) else answer


_ABSENT = object()


def verify(catalog: Catalog, source: Path) -> tuple[list[Difference], int]:
    """The catalog's JumpStart answers against those of a fresh import of SOURCE, for
    every model version the catalog holds, region and instance type; models and newer
    versions the source has and the catalog lacks; and how many cases were compared."""
    from .import_jumpstart import import_jumpstart

    held = catalog.jumpstart.models if catalog.jumpstart else {}
    keep = {m: set(versions) for m, versions in held.items()}
    fresh = import_jumpstart(catalog, source, str(source), "", keep=keep).catalog
    theirs = fresh.jumpstart.models if fresh.jumpstart else {}
    differences: list[Difference] = []
    cases = 0
    for model_id in sorted(theirs.keys() - held.keys()):
        found = newest(theirs[model_id]).key
        differences.append(Difference(model_id, found, "", "", "model", "absent", "listed"))
    for model_id in sorted(held):
        mine_newest = newest(held[model_id]).key
        source_newest = newest(theirs[model_id]).key if model_id in theirs else None
        if source_newest is not None and source_newest not in held[model_id]:
            differences.append(
                Difference(model_id, "", "", "", "newest version", mine_newest, source_newest)
            )
        for version in held[model_id]:
            if version not in theirs.get(model_id, {}):
                differences.append(
                    Difference(model_id, version, "", "", "version", "listed", "absent")
                )
                continue
            mine, their = _answers(catalog, model_id, version), _answers(fresh, model_id, version)
            for key in sorted(mine.keys() | their.keys()):
                cases += 1
                a, b = mine.get(key, _ABSENT), their.get(key, _ABSENT)
                if a == b:
                    continue
                if not (isinstance(a, dict) and isinstance(b, dict)):
                    differences.append(
                        Difference(model_id, version, *key, "answer", _shown(a), _shown(b))
                    )
                    continue
                for name in sorted(a.keys() | b.keys()):
                    if a.get(name) != b.get(name):
                        differences.append(
                            Difference(model_id, version, *key, name, a.get(name), b.get(name))
                        )
    return differences, cases
