"""Catalog -> every chosen target's files: the one place that decides what out/ holds."""

from __future__ import annotations

from .catalog import Catalog
from .catalog.serialize import to_dict
from .errors import OutputLimitError
from .outtree import Files
from .targets import TARGET_ROOTS, TARGETS
from .targets.cloudformation.render import render_cloudformation
from .targets.headers import stamp, stamped
from .targets.reports import REPORTS, render_reports
from .targets.terraform.render import render_terraform


def owned_by(targets: tuple[str, ...]) -> tuple[str, ...]:
    """Path prefixes written by these targets (the reports always are)."""
    return (*(p for t in targets for p in TARGET_ROOTS[t]), *REPORTS)


def kept_by(targets: tuple[str, ...]) -> tuple[str, ...]:
    """Path prefixes a generate of only these targets leaves as they are."""
    return tuple(p for t in TARGETS if t not in targets for p in TARGET_ROOTS[t])


def build(catalog: Catalog, targets: tuple[str, ...] = TARGETS) -> Files:
    files: Files = {}
    algorithms = catalog.for_algorithms()
    if "terraform" in targets:
        files.update(render_terraform(catalog))
    if "cloudformation" in targets:
        try:
            files.update(render_cloudformation(catalog))
        except OutputLimitError as exc:  # a catalog too large for CloudFormation: say which
            raise OutputLimitError(f"{catalog.path}: {exc}") from None
    data = to_dict(catalog)
    mark = stamp(catalog, data)
    files.update(render_reports(algorithms, data, mark, catalog))
    return dict(sorted(stamped(files, mark).items()))
