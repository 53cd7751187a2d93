"""Catalog lifecycle: import docs, import sdk, verify, diff, and what a change regenerates."""

from __future__ import annotations

import difflib
import re

import pytest

from sagemaker_iac.api import (
    RegistryGroup,
    build,
    dump,
    import_sdk,
    load_catalog,
    parse_catalog,
    sdk_config_dir,
    to_source,
    verify,
)
from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import FIXTURES, MINIMAL, SEED

DOCS = FIXTURES / "docs" / "seed_000_tables.md"
SDK = FIXTURES / "sdk" / "image_uri_config"
FACTS = (
    "repository",
    "tags",
    "required_channels",
    "optional_channels",
    "input_modes",
    "formats",
    "content_types",
    "instance",
    "parallelizable",
)


def run(*args: str):
    return cli_runner().invoke(main, list(args))


def groups_by_members(catalog) -> dict[frozenset[str], dict[str, str]]:
    """Registry groups as (their algorithms -> accounts), whatever they are named."""
    return {
        frozenset(k for k, a in catalog.algorithms.items() if a.registry_group == g.key): dict(
            g.accounts
        )
        for g in catalog.registry_groups.values()
    }


def test_docs_import_reproduces_the_seed_catalog(tmp_path):
    out = tmp_path / "imported.yaml"
    result = run("import", "docs", str(DOCS), "--out", str(out), "--date", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    imported, seed = load_catalog(out), load_catalog(SEED)
    assert sorted(imported.algorithms) == sorted(seed.algorithms)
    for key, algorithm in seed.algorithms.items():
        for fact in FACTS:
            assert getattr(imported.algorithms[key], fact) == getattr(algorithm, fact), (key, fact)
    assert groups_by_members(imported) == groups_by_members(seed)
    assert imported.regions == seed.regions
    assert list(imported.image_uris()) == list(seed.image_uris())


def _broken(tmp_path, old: str, new: str) -> tuple[str, int]:
    text = DOCS.read_text()
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    line = next(i for i, line in enumerate(text.splitlines(), 1) if new.splitlines()[0] in line)
    path = tmp_path / "page.md"
    path.write_text(text)
    return str(path), line


BAD_DOCS = [
    ("| PCA | train", "| PCA | train | extra", "expected 7 cells"),
    (
        r"| eu\-west\-1 | 999678624901\.dkr",
        r"| eu\-west\-1 | 99967862490\.dkr",
        "is not a registry host of eu-west-1",
    ),
    ("and Random Cut Forest", "and Random Forest", "names no algorithm"),
    ("or CSV | CPU | Yes |", "or CSV | CPU | Maybe |", "parallelizable must be Yes or No"),
    (
        "| PCA | train",
        "| PCA | nothing here | <ecr_path>/pca | File | CSV | CPU | Yes |\n| PCAX | train",
        "is not <ecr_path>/<repository>:<tag>",
    ),
]


@pytest.mark.parametrize("old,new,message", BAD_DOCS)
def test_docs_import_refuses_malformed_rows_with_their_line(tmp_path, old, new, message):
    path, line = _broken(tmp_path, old, new)
    out = tmp_path / "out.yaml"
    result = run("import", "docs", path, "--out", str(out))
    assert result.exit_code == 2
    assert f"{path}:{line}:" in result.stderr and message in result.stderr
    assert not out.exists()


def test_sdk_verify_finds_no_difference_in_the_builtin_catalog():
    assert verify(load_catalog(), sdk_config_dir(SDK)) == []
    result = run("verify", "--sdk", str(SDK))
    assert result.exit_code == 0
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("0 differences, 0 account conflicts (19 algorithms; 81 frameworks, ")
    # Every answer of every framework in every region where it is published, counted.
    count = int(last.rsplit(", ", 1)[1].split()[0].replace(",", ""))
    assert count > 50_000


def test_sdk_import_of_the_seed_catalog_gives_the_builtin_one(tmp_path):
    merged = import_sdk(load_catalog(SEED), sdk_config_dir(SDK), "2026-11-23")
    builtin = load_catalog()
    # The seed's algorithms come out as the built-in catalog has them (it adds seed 004's).
    seed_keys = set(merged.algorithms)
    assert seed_keys < set(builtin.algorithms)
    # The built-in catalog puts XGBoost's newest tag first (issue 9); the set is the import's.
    xgb = builtin.algorithms["xgboost"]
    assert set(merged.algorithms["xgboost"].tags) == set(xgb.tags)
    merged = merged._replace(
        algorithms={
            **merged.algorithms,
            "xgboost": merged.algorithms["xgboost"]._replace(tags=xgb.tags),
        },
    )
    assert list(merged.image_uris()) == [u for u in builtin.image_uris() if u[0] in seed_keys]
    for key in seed_keys:
        assert merged.algorithms[key].tags == builtin.algorithms[key].tags
        assert merged.regions_for(key) == builtin.regions_for(key)
    assert {k: p.dns_suffix for k, p in merged.partitions.items()} == {
        k: p.dns_suffix for k, p in builtin.partitions.items()
    }
    out = tmp_path / "merged.yaml"
    assert (
        run(
            "import",
            "sdk",
            "--sdk",
            str(SDK),
            "--catalog",
            str(SEED),
            "--out",
            str(out),
            "--date",
            "2026-11-23",
        ).exit_code
        == 0
    )
    written = load_catalog(out)
    assert set(written.algorithms["xgboost"].tags) == set(xgb.tags)
    assert [u for u in written.image_uris() if u[0] != "xgboost"] == [
        u for u in merged.image_uris() if u[0] != "xgboost"
    ]


def test_verify_reports_an_account_conflict(tmp_path):
    catalog = load_catalog()
    group = catalog.registry_groups["lda"]
    accounts = {**group.accounts, "us-east-1": "111111111111"}
    tampered = catalog._replace(
        registry_groups={
            **catalog.registry_groups,
            "lda": RegistryGroup("lda", accounts, group.source),
        },
    )
    path = tmp_path / "tampered.yaml"
    path.write_text(dump(tampered))
    result = run("verify", "--catalog", str(path), "--sdk", str(SDK))
    assert result.exit_code == 1
    assert "CONFLICT  lda: us-east-1: catalog 111111111111, SDK 766337827248" in result.stdout


@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "catalogs" / "diff").glob("*.yaml")), ids=lambda p: p.stem
)
def test_diff_reports_exactly_the_hand_made_change(path):
    expected = re.findall(r"^# expect: (.*)$", path.read_text(), re.M)
    result = run("diff", str(MINIMAL), str(path))
    lines = result.stdout.splitlines()
    assert lines[:-1] == expected
    breaking = sum(line.startswith("BREAKING") for line in expected)
    assert lines[-1] == f"{len(expected)} changes, {breaking} breaking"
    assert result.exit_code == (1 if breaking else 0)
    markdown = run(
        "diff",
        str(MINIMAL),
        str(path),
        "--format",
        "markdown",
    )
    assert markdown.stdout.count("**breaking**") == breaking
    assert markdown.stdout.startswith(f"### Catalog changes: {len(expected)} ({breaking} breaking)")


def test_diff_of_a_catalog_with_itself_is_empty():
    result = run("diff", str(SEED), str(SEED))
    assert (result.exit_code, result.stdout) == (0, "no changes\n")


def test_a_one_region_addition_changes_only_lines_about_it(catalog, built):
    region, account = "eu-test-1", "123412341234"
    general = catalog.registry_groups["general"]
    grown = catalog._replace(
        regions={**catalog.regions, region: "aws"},
        registry_groups={
            **catalog.registry_groups,
            "general": RegistryGroup(
                "general", {**general.accounts, region: account}, general.source
            ),
        },
    )
    grown = parse_catalog(dump(grown), "grown")  # as a user's edited file would load
    before, after = built, build(grown)
    assert set(before) == set(after)
    changed = 0
    # The heatmap is a picture (every column after the new one moves), so is the
    # frameworks' grid (a region is a column), and each file's first line carries the
    # catalog's digest, which any change moves.
    for name in sorted(set(before) - {"availability.svg", "availability-frameworks.md"}):
        old, new = before[name].splitlines(), after[name].splitlines()
        if name.endswith(".json"):  # its stamp is a field: drop that one line
            old, new = ([x for x in v if '"generated_by"' not in x] for v in (old, new))
        else:
            assert "sha256:" in old[0] and old[0] != new[0], name
            old, new = old[1:], new[1:]
        added = removed = 0
        for line in difflib.unified_diff(old, new, n=0, lineterm=""):
            if line.startswith(("---", "+++", "@@")):
                continue
            if line.startswith("-"):
                removed += 1  # the old side of a line the region was added to
                continue
            added += 1
            assert region in line or account in line, (name, line)
        assert removed <= added, name  # nothing lost, only lines about the region
        changed += added
    assert changed > 0


def test_availability_matrix_matches_the_catalog(out_dir, catalog):
    text = (out_dir / "availability.md").read_text()
    header = next(line for line in text.splitlines() if line.startswith("| Region |"))
    columns = [c.strip() for c in header.strip("|").split("|")][2:]
    assert columns == sorted(catalog.algorithms)
    published = set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in catalog.regions:
            published |= {
                (key, cells[0]) for key, mark in zip(columns, cells[2:], strict=True) if mark == "x"
            }
    assert published == {(k, r) for k, r, _ in catalog.image_uris()}


def test_written_catalog_round_trips():
    catalog = load_catalog()
    assert to_source(parse_catalog(dump(catalog), "x")) == to_source(catalog)
