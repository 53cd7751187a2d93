"""The public face of sagemaker-iac: what the CLI, the tests and the benchmarks call.

Everything else is internal and may move. The renderers, importers and the output-folder
writer load on first use, so a lookup pays only for the catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .catalog import (
    SCOPES,
    Algorithm,
    Catalog,
    Image,
    ImageFamily,
    RegistryGroup,
    Scope,
    builtin_path,
    load_catalog,
    parse_catalog,
)
from .errors import CatalogError, OutputLimitError, UnavailableError, UserError
from .files import Files
from .targets import TARGETS

if TYPE_CHECKING:
    from pathlib import Path

    from .catalog.jumpstart import Hosting, Listed
    from .catalog.resolve import Resolved
    from .lifecycle.diff import Change
    from .lifecycle.import_jumpstart import Imported
    from .lifecycle.import_sdk import Difference
    from .lint import Scanned
    from .migrate import Migrated
    from .targets.headers import Stamp


__all__ = [
    "SCOPES",
    "TARGETS",
    "Algorithm",
    "Catalog",
    "CatalogError",
    "Files",
    "Image",
    "ImageFamily",
    "OutputLimitError",
    "RegistryGroup",
    "Scope",
    "UnavailableError",
    "UriQuery",
    "UserError",
    "build",
    "builtin_path",
    "check",
    "checkov_checks_dir",
    "diff",
    "dump",
    "format_changes",
    "format_findings",
    "framework_image",
    "framework_uri_count",
    "generate",
    "image_uri",
    "import_dlc",
    "import_docs",
    "import_jumpstart",
    "import_sdk",
    "jumpstart_hosting",
    "jumpstart_models",
    "lint",
    "load_catalog",
    "migrate",
    "parse_catalog",
    "read_tree",
    "refresh",
    "sdk_config_dir",
    "to_dict",
    "to_source",
    "verify",
    "verify_jumpstart",
    "versions_of",
    "write_file",
]


def image_uri(
    catalog: Catalog, algorithm: str, region: str, tag: str | None = None, scope: Scope = "training"
) -> str:
    """The image URI, or UnavailableError naming what the catalog has instead."""
    return catalog.image_uri(algorithm, region, tag, scope)


def framework_image(
    catalog: Catalog,
    framework: str,
    region: str,
    *,
    version: str | None = None,
    py_version: str | None = None,
    instance_type: str | None = None,
    scope: str | None = None,
    base_framework_version: str | None = None,
    processor: str | None = None,
) -> Resolved:
    """What the SDK's image_uris.retrieve answers for these arguments (its .uri), or
    UnavailableError naming the choices."""
    from .catalog.resolve import Query, resolve

    query = Query(
        framework,
        version=version,
        py_version=py_version,
        instance_type=instance_type,
        scope=scope,
        base_framework_version=base_framework_version,
        processor=processor,
    )
    return resolve(catalog, query, region)


class UriQuery(NamedTuple):
    """What `sagemaker-iac uri` is asked: an algorithm's image by tag, or, with any of the
    SDK's arguments or a name that is not an algorithm, a framework's as the SDK answers."""

    name: str
    region: str
    tag: str | None = None
    scope: str | None = None
    version: str | None = None
    py_version: str | None = None
    instance_type: str | None = None
    processor: str | None = None
    base_framework_version: str | None = None

    def is_algorithm(self, catalog: Catalog) -> bool:
        sdk_style = (
            self.version,
            self.py_version,
            self.instance_type,
            self.processor,
            self.base_framework_version,
        )
        return self.name in catalog.algorithms and all(v is None for v in sdk_style)

    def algorithm_scope(self) -> Scope:
        scope = self.scope or "training"
        if scope not in SCOPES:
            raise UserError(f"unknown scope {scope!r} for an algorithm; known: {', '.join(SCOPES)}")
        return cast("Scope", scope)

    def framework(self, catalog: Catalog) -> Resolved:
        if self.tag is not None:
            raise UserError("--tag is for algorithms; frameworks take --version and --py-version")
        return framework_image(
            catalog,
            self.name,
            self.region,
            version=self.version,
            py_version=self.py_version,
            instance_type=self.instance_type,
            scope=self.scope,
            base_framework_version=self.base_framework_version,
            processor=self.processor,
        )

    def uri(self, catalog: Catalog) -> str:
        """The image URI, or a UserError saying why there is none."""
        if self.is_algorithm(catalog):
            return image_uri(catalog, self.name, self.region, self.tag, self.algorithm_scope())
        return self.framework(catalog).uri


def framework_uri_count(catalog: Catalog) -> int:
    """How many distinct image URIs the catalog's frameworks answer, over every region."""
    from .catalog.resolve import answers

    uris: set[str] = set()
    for key in catalog.images:
        for located in answers(catalog, key).values():
            uris.update(located.uris(catalog).values())
    return len(uris)


def versions_of(found: ImageFamily, scope: str | None = None) -> list[str]:
    """A framework's versions and aliases, in the SDK's order."""
    from .catalog.resolve import versions_of as listed

    return listed(found, scope)


def _chosen(targets: tuple[str, ...] | None) -> tuple[str, ...]:
    return tuple(t for t in TARGETS if t in targets) if targets else TARGETS


def build(catalog: Catalog, targets: tuple[str, ...] | None = None) -> Files:
    """Every file the chosen targets (default: all) and the reports write, by out/ path."""
    from .build import build as build_files

    return build_files(catalog, _chosen(targets))


def generate(catalog: Catalog, out: Path, targets: tuple[str, ...] | None = None) -> int:
    """Replace OUT with the build (only the chosen targets' part); the number of files."""
    from .build import kept_by
    from .outtree import write_tree

    files = build(catalog, targets)
    write_tree(files, out, keep=kept_by(_chosen(targets)))
    return len(files)


class Checked(NamedTuple):
    diff: str  # unified diff of OUT against the build; empty when current
    files: int
    was: Stamp | None  # the stamp OUT carries (tool version, catalog digest), if any
    now: Stamp  # the stamp this build writes


def check(catalog: Catalog, out: Path, targets: tuple[str, ...] | None = None) -> Checked:
    """OUT compared with what generate would write, byte for byte."""
    from .build import owned_by
    from .outtree import diff_tree, with_manifest
    from .targets.headers import read_stamp, stamp

    chosen = _chosen(targets)
    files = build(catalog, chosen)
    if chosen != TARGETS:  # judge only these targets' files
        diff = diff_tree(files, out, owned_by(chosen))
    else:
        diff = diff_tree(with_manifest(files), out)
    was = None
    try:
        was = read_stamp((out / "availability.md").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        pass
    return Checked(diff, len(files), was, stamp(catalog))


def read_tree(out: Path) -> dict[str, bytes]:
    """The files under OUT by relative POSIX path (the manifest included)."""
    from .outtree import read_tree as read

    return read(out)


def dump(catalog: Catalog) -> str:
    """The catalog as catalog-file YAML that loads back to an equal catalog."""
    from .catalog.serialize import dump as dump_yaml

    return dump_yaml(catalog)


def to_source(catalog: Catalog) -> dict[str, Any]:
    """The catalog as the data of a catalog file."""
    from .catalog.serialize import to_source as source

    return source(catalog)


def to_dict(catalog: Catalog) -> dict[str, Any]:
    """The normalized catalog, as out/catalog.json holds it."""
    from .catalog.serialize import to_dict as normalized

    return normalized(catalog)


def import_docs(path: str | Path, date: str) -> Catalog:
    """A catalog from the "Common parameters for built-in algorithms" page (markdown)."""
    from .lifecycle.import_docs import parse_docs

    return parse_docs(path, date)


def sdk_config_dir(path: str | Path | None = None) -> Path:
    """The SDK's image_uri_config folder: PATH, or the installed SDK's."""
    from .lifecycle.import_sdk import config_dir

    return config_dir(path)


def import_sdk(catalog: Catalog, folder: Path, date: str) -> Catalog:
    """CATALOG with the SDK's registries and tags merged in, its own metadata kept, and
    every framework's images (the SDK's configs) in place of those it had."""
    from .lifecycle.import_sdk import import_images, merge

    return import_images(merge(catalog, folder, str(folder), date), folder, str(folder), date)


def import_dlc(catalog: Catalog, path: Path, date: str, document: str | None = None) -> Catalog:
    """CATALOG with the end-of-patch dates of the AWS Deep Learning Containers checkout
    at PATH in place of those it had (DOCUMENT names the source; default: PATH)."""
    from .lifecycle.import_dlc import import_dlc as merge_dlc

    return merge_dlc(catalog, path, document or str(path), date)


def import_jumpstart(
    catalog: Catalog, path: Path, date: str, versions: str = "newest", document: str | None = None
) -> Imported:
    """CATALOG with its jumpstart section replaced by the JumpStart models at PATH (the
    cdklabs-generative-ai-cdk-constructs wheel, its jsii .tgz, or the JSON in it)."""
    from .lifecycle.import_jumpstart import import_jumpstart as imported

    return imported(catalog, path, document or str(path), date, versions)


def jumpstart_hosting(
    catalog: Catalog,
    model_id: str,
    region: str,
    version: str | None = None,
    instance_type: str | None = None,
) -> Hosting:
    """How to host a JumpStart model (its .as_json() is `jumpstart --json`), or
    UnavailableError naming what there is."""
    from .catalog.jumpstart import hosting

    return hosting(catalog, model_id, region, version, instance_type)


def jumpstart_models(catalog: Catalog, search: str | None = None) -> list[Listed]:
    """The catalog's JumpStart models (their newest versions), ids containing SEARCH."""
    from .catalog.jumpstart import listing

    return list(listing(catalog, search))


def verify_jumpstart(catalog: Catalog, source: Path) -> tuple[list[Any], int]:
    """The catalog's JumpStart answers against SOURCE's (every model version it holds,
    region and instance type): the differences, and how many cases were compared."""
    from .lifecycle.jumpstart_changes import verify as compared

    return compared(catalog, source)


def verify(catalog: Catalog, folder: Path) -> list[Difference]:
    """Every way the catalog and the SDK's configs disagree."""
    from .lifecycle.import_sdk import verify as compare

    return compare(catalog, folder)


def diff(old: Catalog, new: Catalog) -> list[Change]:
    """What changing OLD to NEW does to users, breaking changes marked."""
    from .lifecycle.diff import diff as compare

    return compare(old, new)


def format_changes(changes: list[Change], markdown: bool = False) -> str:
    from .lifecycle.diff import format_markdown, format_text

    return (format_markdown if markdown else format_text)(changes)


def lint(catalog: Catalog, paths: list[Path], eol_on: str | None = None) -> Scanned:
    """Every hard-coded SageMaker image URI under PATHS that the catalog contradicts, the
    files that could not be read, and those passed over (not regular files, links); with
    EOL_ON (YYYY-MM-DD), every image past its end of patch on that day too."""
    from .lint import scan

    return scan(catalog, paths, eol_on)


def checkov_checks_dir() -> Path:
    """The folder of sagemaker-iac's checkov checks, for checkov --external-checks-dir
    (checkov must run where sagemaker-iac is installed)."""
    from .checkov_checks import FOLDER

    return FOLDER


def migrate(root: Path, source: str) -> list[Migrated]:
    """The .tf files under ROOT whose aws_sagemaker_prebuilt_ecr_image data sources (and
    references to them) become calls of the module at SOURCE: before and after."""
    from .migrate import migrate as rewrite

    return rewrite(root, source)


def format_findings(scanned: Scanned, fmt: str = "text") -> str:
    """`lint`'s findings as text, a SARIF 2.1.0 log (sarif) or workflow commands (github);
    paths relative to the current folder where they are under it."""
    from .lint_formats import render

    return render(scanned, fmt)


def write_file(path: Path, text: str) -> None:
    """Replace the file at PATH with TEXT whole (a catalog an import wrote)."""
    from .outtree import locked, replacing

    with locked(path.resolve().parent), replacing(path, text):
        pass


class Refreshed(NamedTuple):
    changes: list[Change]
    catalog_written: bool
    files: int


def refresh(
    catalog_path: Path,
    out: Path,
    sdk: Path | None = None,
    date: str | None = None,
    dlc: Path | None = None,
    jumpstart: Path | None = None,
) -> Refreshed:
    """The installed SDK's (or SDK's) images and botocore's facts merged into the catalog
    file, out/ regenerated from it; the changes, breaking ones first.

    The catalog file is rewritten only when something a user sees changed; out/ is
    regenerated either way (a new sagemaker-iac may write it differently).
    """
    import datetime

    from .outtree import locked, replacing

    # One refresh of a catalog file at a time: a second reads what the first wrote.
    with locked(catalog_path.resolve().parent):
        old = load_catalog(catalog_path)
        day = date or datetime.date.today().isoformat()
        new = import_sdk(old, sdk_config_dir(sdk), day)
        if dlc is not None:  # and the Deep Learning Containers' end-of-patch dates
            new = import_dlc(new, dlc, day)
        if jumpstart is not None:  # and the JumpStart models
            new = import_jumpstart(new, jumpstart, day).catalog
        changes = sorted(diff(old, new), key=lambda c: not c.breaking)
        if not changes:
            return Refreshed(changes, False, generate(old, out))
        text = dump(new)  # checked to load back equal
        # out/ first: if the folder is refused, the catalog file is left as it was; the
        # catalog file, staged meanwhile, is then one rename from its new text.
        with replacing(catalog_path, text):
            files = generate(parse_catalog(text, str(catalog_path)), out)
        return Refreshed(changes, True, files)
