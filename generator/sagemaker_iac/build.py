"""Catalog -> every chosen target's files: the one place that decides what out/ holds."""

from __future__ import annotations

from pathlib import Path

from . import _prebuilt
from .catalog import Catalog
from .files import Files
from .targets import TARGET_ROOTS, TARGETS

# Users take out/ from a git host: GitHub warns above 50 MiB and refuses 100 MiB.
MAX_FILE_BYTES = 50 * 2**20


def owned_by(targets: tuple[str, ...]) -> tuple[str, ...]:
    """Path prefixes written by these targets (the reports always are)."""
    from .targets.reports import REPORTS

    return (*(p for t in targets for p in TARGET_ROOTS[t]), *REPORTS)


def kept_by(targets: tuple[str, ...]) -> tuple[str, ...]:
    """Path prefixes a generate of only these targets leaves as they are."""
    return tuple(p for t in TARGETS if t not in targets for p in TARGET_ROOTS[t])


def build(catalog: Catalog, targets: tuple[str, ...] = TARGETS) -> Files:
    """The chosen targets' files: with every target, the prebuilt build where the build made
    one from a catalog of this content and every input is unchanged; else rendered."""
    if targets == TARGETS:
        from .targets.headers import stamp

        prebuilt = _prebuilt.read(stamp(catalog).catalog_sha256)
        if prebuilt is not None:
            return prebuilt
    return render(catalog, targets)


def compile_builtin_build(folder: Path | None = None) -> Path:
    """Render the built-in catalog's whole build into the prebuilt file (the build step)."""
    from .catalog import load_catalog
    from .targets.headers import stamp

    catalog = load_catalog()
    return _prebuilt.write(render(catalog), stamp(catalog).catalog_sha256, folder)


def render(catalog: Catalog, targets: tuple[str, ...] = TARGETS) -> Files:
    """The chosen targets' files rendered afresh (the renderers load here, on first use)."""
    from .catalog.serialize import to_dict
    from .errors import OutputLimitError
    from .targets.cloudformation.render import render_cloudformation
    from .targets.headers import stamp, stamped
    from .targets.reports import render_reports
    from .targets.terraform.render import render_terraform

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
    for path, text in files.items():
        if (size := len(text.encode("utf-8"))) > MAX_FILE_BYTES:
            raise OutputLimitError(
                f"{catalog.path}: out/{path} would be {size} bytes; at most {MAX_FILE_BYTES}"
            )
    return dict(sorted(stamped(files, mark).items()))
