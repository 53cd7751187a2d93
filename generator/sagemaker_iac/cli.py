"""The sagemaker-iac command line. Exit codes: 0 ok, 1 check failed, 2 bad input.

Heavy modules (jinja2, hcl2, the renderers) are imported inside the commands that
use them, so a lookup starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from . import api
from .api import SCOPES, TARGETS, Catalog, Scope, UserError, load_catalog

EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
# A bug: never 1, which CI reads as "out/ is stale".
EXIT_INTERNAL_ERROR = 3

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (for scripts) instead of text."
)


def _complete_algorithms(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """Shell completion of algorithm keys (from the --catalog given, else the built-in)."""
    try:
        catalog = load_catalog(ctx.params.get("catalog_path"))
    except UserError:
        return []
    return [k for k in sorted(catalog.algorithms) if k.startswith(incomplete)]


def _complete_regions(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    try:
        catalog = load_catalog(ctx.params.get("catalog_path"))
    except UserError:
        return []
    return [r for r in sorted(catalog.regions) if r.startswith(incomplete)]


catalog_option = click.option(
    "--catalog",
    "catalog_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Catalog YAML file (default: the built-in catalog).",
)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Report UserError on stderr and exit 2, without a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sagemaker-iac")
def main() -> None:
    """SageMaker built-in algorithm images as Terraform and CloudFormation."""


@main.command()
@catalog_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder to replace with the output.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 and print a diff when the folder is not current.",
)
@click.option(
    "--target",
    "targets",
    type=click.Choice(TARGETS),
    multiple=True,
    help="Only these targets (repeatable; default: all).",
)
@user_errors
def generate(
    catalog_path: Path | None, out_dir: Path, check: bool, targets: tuple[str, ...]
) -> None:
    """Write Terraform, CloudFormation, catalog.json and availability.md into OUT.

    OUT is replaced whole, and only when every file in it is one sagemaker-iac wrote.
    With --target, the other targets' files in OUT are left as they are.
    """
    catalog = load_catalog(catalog_path)
    if check:
        diff, count = api.check(catalog, out_dir, targets)
        if diff:
            click.echo(diff, nl=False)
            click.echo(f"{out_dir} is not current: run sagemaker-iac generate", err=True)
            sys.exit(EXIT_CHECK_FAILED)
        click.echo(f"{out_dir} is current ({count} files)")
        return
    count = api.generate(catalog, out_dir, targets)
    click.echo(f"wrote {count} files to {out_dir}")


@main.command()
@click.argument("algorithm", shell_complete=_complete_algorithms)
@click.option(
    "--region",
    required=True,
    help="AWS region, such as us-west-2.",
    shell_complete=_complete_regions,
)
@click.option("--tag", default=None, help="Image tag (default: the algorithm's default tag).")
@click.option(
    "--scope",
    type=click.Choice(SCOPES),
    default="training",
    show_default=True,
    help="The training image, the inference (hosting) image, or the Arm (Graviton) "
    "inference image where the catalog keeps one.",
)
@catalog_option
@json_option
@user_errors
def uri(
    algorithm: str,
    region: str,
    tag: str | None,
    scope: Scope,
    catalog_path: Path | None,
    as_json: bool,
) -> None:
    """Print the image URI of ALGORITHM in a region."""
    catalog = _catalog(catalog_path)
    found = api.image_uri(catalog, algorithm, region, tag, scope)
    if not as_json:
        click.echo(found)
        return
    host, _, path = found.partition("/")
    repository, _, chosen = path.rpartition(":")
    _echo_json(
        {
            "algorithm": algorithm,
            "region": region,
            "scope": scope,
            "uri": found,
            "registry_id": host.split(".", 1)[0],
            "registry_host": host,
            "repository": repository,
            "tag": chosen,
        }
    )


@main.command()
@catalog_option
@json_option
@user_errors
def algorithms(catalog_path: Path | None, as_json: bool) -> None:
    """List the algorithms in the catalog."""
    catalog = _catalog(catalog_path)
    if as_json:  # the entries of catalog.json, keyed by algorithm
        _echo_json(api.to_dict(catalog)["algorithms"])
        return
    rows = [("KEY", "NAME", "REPOSITORY", "TAGS", "MODES", "INSTANCE", "PARALLEL", "REGIONS")]
    for a in sorted(catalog.algorithms.values(), key=lambda a: a.key):
        rows.append(
            (
                a.key,
                a.name,
                a.repository,
                ",".join(a.tags),
                ",".join(a.input_modes),
                ",".join(a.instance.processors),
                "yes" if a.parallelizable else "no",
                str(len(catalog.regions_for(a.key))),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@main.command()
@click.argument("algorithm", required=False, shell_complete=_complete_algorithms)
@catalog_option
@json_option
@user_errors
def regions(algorithm: str | None, catalog_path: Path | None, as_json: bool) -> None:
    """List the catalog's regions, or those where ALGORITHM is published."""
    catalog = _catalog(catalog_path)
    names = catalog.regions_for(algorithm) if algorithm else sorted(catalog.regions)
    if as_json:
        _echo_json(
            [
                {"region": n, "partition": catalog.regions[n], "dns_suffix": catalog.dns_suffix(n)}
                for n in names
            ]
        )
        return
    for name in names:
        click.echo(f"{name}\t{catalog.regions[name]}")


def _echo_json(value: Any) -> None:
    import json

    click.echo(json.dumps(value, indent=2, sort_keys=True))


def _catalog(path: Path | None) -> Catalog:
    return load_catalog(path)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


out_option = click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Catalog file to write (default: stdout).",
)
date_option = click.option(
    "--date", default=None, help="Date to record for the source (default: today)."
)


@main.group("import")
def import_() -> None:
    """Build a catalog file from AWS documentation or the SageMaker SDK."""


@import_.command("docs")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@out_option
@date_option
@user_errors
def import_docs(file: Path, out: Path | None, date: str | None) -> None:
    """Read the "Common parameters for built-in algorithms" page (markdown) into a catalog."""
    _write(api.dump(api.import_docs(file, date or _today())), out)


@import_.command("sdk")
@click.option(
    "--sdk",
    "sdk",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="image_uri_config folder (default: the installed sagemaker).",
)
@catalog_option
@out_option
@date_option
@user_errors
def import_sdk(
    sdk: Path | None, catalog_path: Path | None, out: Path | None, date: str | None
) -> None:
    """Merge the SDK's registries and tags into a catalog, keeping its own metadata."""
    folder = api.sdk_config_dir(sdk)
    merged = api.import_sdk(load_catalog(catalog_path), folder, date or _today())
    _write(api.dump(merged), out)


@main.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True
)
@user_errors
def diff(old: Path, new: Path, fmt: str) -> None:
    """What changing catalog OLD to NEW does to users; exit 1 when anything breaks."""
    changes = api.diff(load_catalog(old), load_catalog(new))
    click.echo(api.format_changes(changes, markdown=fmt == "markdown"), nl=False)
    if any(c.breaking for c in changes):
        sys.exit(EXIT_CHECK_FAILED)


@main.command()
@catalog_option
@click.option(
    "--sdk",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="image_uri_config folder (default: the installed sagemaker).",
)
@user_errors
def verify(catalog_path: Path | None, sdk: Path | None) -> None:
    """Compare the catalog with the SDK; exit 1 when they disagree on an account."""
    differences = api.verify(_catalog(catalog_path), api.sdk_config_dir(sdk))
    for d in differences:
        click.echo(f"{'CONFLICT' if d.conflict else 'differs '}  {d.algorithm}: {d.text}")
    conflicts = sum(d.conflict for d in differences)
    click.echo(f"{len(differences)} differences, {conflicts} account conflicts")
    if conflicts:
        sys.exit(EXIT_CHECK_FAILED)


EXIT_CHANGED = 1
EXIT_BREAKING = 4


@main.command()
@click.option(
    "--catalog",
    "catalog_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Catalog YAML file to update in place.",
)
@click.option(
    "--sdk",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="image_uri_config folder (default: the installed sagemaker).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder to regenerate.",
)
@click.option(
    "--diff-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the markdown diff here (a pull request body).",
)
@date_option
@user_errors
def refresh(
    catalog_path: Path,
    sdk: Path | None,
    out_dir: Path,
    diff_file: Path | None,
    date: str | None,
) -> None:
    """Update the catalog from the installed SageMaker SDK and botocore, regenerate OUT,
    and print the changes as markdown, breaking ones first.

    Exit 0: nothing changed. 1: changed, nothing breaking. 4: breaking changes (a tag,
    region or account users rely on changed or went away). 2: bad input.
    """
    result = api.refresh(catalog_path, out_dir, sdk, date)
    text = api.format_changes(result.changes, markdown=True)
    click.echo(text, nl=False)
    if diff_file is not None:
        diff_file.write_text(text, encoding="utf-8")
    click.echo(
        f"{'updated' if result.catalog_written else 'kept'} {catalog_path}; "
        f"wrote {result.files} files to {out_dir}",
        err=True,
    )
    if any(c.breaking for c in result.changes):
        sys.exit(EXIT_BREAKING)
    if result.changes:
        sys.exit(EXIT_CHANGED)


@main.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@catalog_option
@user_errors
def lint_(paths: tuple[Path, ...], catalog_path: Path | None) -> None:
    """Find hard-coded SageMaker image URIs the catalog contradicts; exit 1 if any.

    Scans Terraform, CloudFormation (YAML, JSON), Python and JSON files under PATHS: a
    registry account that is not the region's, a DNS suffix not of the region's
    partition, a tag the catalog does not publish, and a region hard-coded in Terraform
    or CloudFormation, where the provider or the stack knows the region.
    """
    findings = api.lint(_catalog(catalog_path), list(paths))
    for finding in findings:
        click.echo(str(finding))
    if findings:
        click.echo(f"{len(findings)} findings", err=True)
        sys.exit(EXIT_CHECK_FAILED)


def _today() -> str:
    import datetime

    return datetime.date.today().isoformat()


def run() -> None:
    """The console script: main, with a bug reported as one and exit 3."""
    try:
        main()
    except Exception:
        import traceback

        traceback.print_exc()
        click.echo(
            "sagemaker-iac: internal error (a bug; please report it with the lines above)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL_ERROR)


if __name__ == "__main__":
    run()
