"""What a catalog change does to users. Removals, account changes and anything that now
refuses what used to be accepted are breaking."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Algorithm, Catalog, Scope
from . import jumpstart_changes
from ._families import compare, expanded


@dataclass(frozen=True)
class Change:
    subject: str
    text: str
    breaking: bool


def _listed(
    old: tuple[str, ...],
    new: tuple[str, ...],
    what: str,
    subject: str,
    narrowing_breaks: bool = True,
    widening_breaks: bool = False,
) -> list[Change]:
    changes = [
        Change(subject, f"{what} removed: {v}", narrowing_breaks) for v in old if v not in new
    ]
    changes += [Change(subject, f"{what} added: {v}", widening_breaks) for v in new if v not in old]
    return changes


def _image(key: str, scope: Scope, a: Catalog, b: Catalog) -> list[Change]:
    """Changes to one image of an algorithm: repository, tags, regions, accounts."""
    subject = key if scope == "training" else f"{key} ({scope.replace('_', ' ')})"
    old_image, new_image = (c.algorithm(key).image(scope) for c in (a, b))
    old_repo, old_tags = old_image.repository, old_image.tags
    new_repo, new_tags = new_image.repository, new_image.tags
    changes: list[Change] = []
    if old_repo != new_repo:
        changes.append(Change(subject, f"repository {old_repo} -> {new_repo}", True))
    if old_tags[0] != new_tags[0]:
        changes.append(Change(subject, f"default tag {old_tags[0]} -> {new_tags[0]}", True))
    changes += _listed(old_tags, new_tags, "tag", subject)
    old_regions, new_regions = a.regions_for(key, scope), b.regions_for(key, scope)
    changes += _listed(tuple(old_regions), tuple(new_regions), "region", subject)
    for region in sorted(set(old_regions) & set(new_regions)):
        before, after = a.registry_id(key, region, scope), b.registry_id(key, region, scope)
        if before != after:
            changes.append(Change(subject, f"account in {region}: {before} -> {after}", True))
        if a.dns_suffix(region) != b.dns_suffix(region):
            changes.append(
                Change(
                    subject,
                    f"DNS suffix in {region}: {a.dns_suffix(region)} -> {b.dns_suffix(region)}",
                    True,
                )
            )
    return changes


def _algorithm(old: Algorithm, new: Algorithm, a: Catalog, b: Catalog) -> list[Change]:
    key = old.key
    changes = _image(key, "training", a, b)
    # A separate inference image on either side: compare it too (otherwise it is the
    # training image, already compared).
    if old.inference is not None or new.inference is not None:
        changes += _image(key, "inference", a, b)
    if old.graviton is not None and new.graviton is not None:
        changes += _image(key, "inference_graviton", a, b)
    elif old.graviton is not None or new.graviton is not None:
        removed = new.graviton is None
        changes.append(
            Change(
                key, f"Arm (Graviton) inference image {'removed' if removed else 'added'}", removed
            )
        )
    changes += _listed(
        old.required_channels,
        new.required_channels,
        "required channel",
        key,
        narrowing_breaks=False,
        widening_breaks=True,
    )
    changes += _listed(
        old.optional_channels + old.required_channels,
        new.optional_channels + new.required_channels,
        "channel",
        key,
    )
    changes += _listed(old.input_modes, new.input_modes, "input mode", key)
    changes += _listed(old.content_types, new.content_types, "content type", key)
    changes += _listed(old.instance.processors, new.instance.processors, "processor", key)
    for tag in [t for t in old.tags if t in new.tags]:
        changes += _listed(
            old.tag_processors(tag), new.tag_processors(tag), f"processor of tag {tag}", key
        )
    changes += _listed(
        old.instance.single_instance,
        new.instance.single_instance,
        "single-instance processor",
        key,
        narrowing_breaks=False,
        widening_breaks=True,
    )
    if old.parallelizable != new.parallelizable:
        changes.append(
            Change(
                key,
                f"parallelizable {old.parallelizable} -> {new.parallelizable}",
                old.parallelizable,
            )
        )
    changes += _listed(
        old.required_hyperparameters,
        new.required_hyperparameters,
        "required hyperparameter",
        key,
        narrowing_breaks=False,
        widening_breaks=True,
    )
    if old.name != new.name:
        changes.append(Change(key, f"name {old.name!r} -> {new.name!r}", False))
    return changes


def diff(a: Catalog, b: Catalog) -> list[Change]:
    changes: list[Change] = []
    changes += _listed(tuple(sorted(a.regions)), tuple(sorted(b.regions)), "region", "catalog")
    changes += _listed(
        tuple(sorted(a.algorithms)), tuple(sorted(b.algorithms)), "algorithm", "catalog"
    )
    for key in sorted(set(a.algorithms) & set(b.algorithms)):
        changes += _algorithm(a.algorithms[key], b.algorithms[key], a, b)
    changes += _listed(tuple(sorted(a.images)), tuple(sorted(b.images)), "framework", "catalog")
    for key in sorted(set(a.images) & set(b.images)):
        old = expanded(a.images[key], a.registry_groups)
        new = expanded(b.images[key], b.registry_groups)
        for d in compare(old, new):
            text = f"{d.where}: {d.old!r} -> {d.new!r}" if d.kind == "changed" else (
                f"{d.where} {d.kind}"
            )  # fmt: skip
            changes.append(Change(key, text, d.breaking))
    changes += _end_of_patch(a, b)
    return changes + [Change(*change) for change in jumpstart_changes.changes(a, b)]


def _end_of_patch(a: Catalog, b: Catalog) -> list[Change]:
    """Releases whose end-of-patch dates came, went or moved: an earlier date breaks
    (a plan with fail_on_unpatched may stop sooner); an unknown date stops nothing."""

    def dated(catalog: Catalog) -> dict[tuple[str, str, str, str], str]:
        return {
            (repository, r.version, r.accelerator, r.platform): r.eop
            for repository, releases in catalog.end_of_patch.items()
            for r in releases
        }

    old, new = dated(a), dated(b)
    changes = []
    for key in sorted(old.keys() | new.keys()):
        repository, version, accelerator, platform = key
        what = f"{version} {accelerator} ({platform}) end of patch"
        if key not in new:
            changes.append(Change(repository, f"{what} removed: {old[key]}", False))
        elif key not in old:
            changes.append(Change(repository, f"{what} added: {new[key]}", False))
        elif old[key] != new[key]:
            earlier = new[key] < old[key]
            changes.append(Change(repository, f"{what}: {old[key]} -> {new[key]}", earlier))
    return changes


def format_text(changes: list[Change]) -> str:
    if not changes:
        return "no changes\n"
    lines = [f"{'BREAKING' if c.breaking else 'change  '}  {c.subject}: {c.text}" for c in changes]
    breaking = sum(c.breaking for c in changes)
    return "\n".join(lines) + f"\n{len(changes)} changes, {breaking} breaking\n"


def format_markdown(changes: list[Change]) -> str:
    breaking = sum(c.breaking for c in changes)
    out = [f"### Catalog changes: {len(changes)} ({breaking} breaking)", ""]
    if changes:
        out += ["| | Subject | Change |", "|---|---|---|"]
        out += [
            f"| {'**breaking**' if c.breaking else ''} | {c.subject} | {c.text} |" for c in changes
        ]
    return "\n".join(out) + "\n"
