"""`sagemaker-iac refresh`: SDK -> catalog file -> out/ and a diff, with exit codes for CI."""

from __future__ import annotations

import shutil

import pytest

from sagemaker_iac.api import build, load_catalog, read_tree
from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import FIXTURES, SEED

SDK = FIXTURES / "sdk" / "image_uri_config"


def refresh(catalog, out, *extra: str):
    args = ["refresh", "--catalog", str(catalog), "--out", str(out), "--sdk", str(SDK)]
    return cli_runner().invoke(main, [*args, "--date", "2026-11-26", *extra])


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    """The seed catalog refreshed once: its folder (catalog, out/, the diff) and the run."""
    folder = tmp_path_factory.mktemp("refreshed")
    catalog, out, body = folder / "catalog.yaml", folder / "out", folder / "pr.md"
    shutil.copy(SEED, catalog)
    return folder, refresh(catalog, out, "--diff-file", str(body))


def test_refresh_updates_the_catalog_regenerates_and_reports(refreshed):
    folder, result = refreshed
    catalog, out, body = folder / "catalog.yaml", folder / "out", folder / "pr.md"
    before = load_catalog(SEED)
    assert result.exit_code in (1, 4), result.stderr
    updated = load_catalog(catalog)
    # out/ is exactly what generate writes from the updated catalog.
    written = {k: v for k, v in read_tree(out).items() if k != ".sagemaker-iac-manifest"}
    assert written == {k: v.encode() for k, v in build(updated).items()}
    # The SDK's regions arrived: the seed lacks some that the built-in catalog has.
    assert set(updated.regions) > set(before.regions)
    text = body.read_text()
    assert text == result.stdout
    rows = [line for line in text.splitlines() if line.startswith("| ") and "Subject" not in line]
    assert rows
    flags = ["**breaking**" in row for row in rows]
    assert flags == sorted(flags, reverse=True)  # breaking lines first
    assert (result.exit_code == 4) == any(flags)


def test_a_second_refresh_changes_nothing_and_exits_0(refreshed, tmp_path):
    shutil.copytree(refreshed[0], tmp_path, dirs_exist_ok=True)
    catalog, out = tmp_path / "catalog.yaml", tmp_path / "out"
    text, tree = catalog.read_bytes(), read_tree(out)
    result = refresh(catalog, out)
    assert result.exit_code == 0, result.stderr
    assert "Catalog changes: 0" in result.stdout
    assert catalog.read_bytes() == text and read_tree(out) == tree


def test_bad_input_exits_2_and_writes_nothing(tmp_path):
    catalog, out = tmp_path / "catalog.yaml", tmp_path / "out"
    catalog.write_text("schema_version: 1\nsources: [\n")
    result = refresh(catalog, out)
    assert result.exit_code == 2
    assert f"{catalog}:" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert catalog.read_text() == "schema_version: 1\nsources: [\n"


def test_a_refused_out_folder_leaves_the_catalog_file_as_it_was(tmp_path):
    catalog, out = tmp_path / "catalog.yaml", tmp_path / "out"
    shutil.copy(SEED, catalog)
    out.mkdir()
    (out / "notes.txt").write_text("mine\n")  # a file sagemaker-iac did not write
    result = refresh(catalog, out)
    assert result.exit_code == 2
    assert "did not write" in result.stderr
    assert catalog.read_bytes() == SEED.read_bytes()
    assert (out / "notes.txt").read_text() == "mine\n"
