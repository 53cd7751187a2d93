"""`sagemaker-iac refresh`: SDK -> catalog file -> out/ and a diff, with exit codes for CI."""

from __future__ import annotations

import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sagemaker_iac.api import build, load_catalog, read_tree
from sagemaker_iac.cli import main
from sagemaker_iac.outtree import locked
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


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sagemaker_iac.cli", *args]


def _small_sdk(folder: Path, *names: str) -> Path:
    """An SDK folder of a few configs: a refresh from it takes about a second, not three."""
    folder.mkdir()
    for name in names:
        shutil.copy(SDK / f"{name}.json", folder)
    return folder


def _refresh_args(catalog: Path, out: Path, sdk: Path) -> list[str]:
    return _cli(
        "refresh", "--catalog", str(catalog), "--out", str(out), "--sdk", str(sdk),
        "--date", "2026-11-26",
    )  # fmt: skip


def test_kill_9_at_any_moment_leaves_each_file_old_or_new(tmp_path):
    """Seeded random kills of refresh: the catalog file is the old text or the new, out/ the
    old tree or the new, the catalog never newer than out/; the next run completes it."""
    sdk = _small_sdk(tmp_path / "sdk", "kmeans", "sklearn", "xgboost")
    reference = tmp_path / "reference"
    reference.mkdir()
    shutil.copy(SEED, reference / "catalog.yaml")
    done = subprocess.run(
        _refresh_args(reference / "catalog.yaml", reference / "out", sdk), capture_output=True
    )
    assert done.returncode in (1, 4), done.stderr
    new_text, new_tree = (reference / "catalog.yaml").read_bytes(), read_tree(reference / "out")
    work = tmp_path / "work"
    work.mkdir()
    catalog, out = work / "catalog.yaml", work / "out"
    subprocess.run(_cli("generate", "--catalog", str(SEED), "--out", str(out)), check=True)
    old_tree = read_tree(out)
    assert old_tree != new_tree and SEED.read_bytes() != new_text
    rng = random.Random(20261204)
    for attempt in range(16):
        shutil.copy(SEED, catalog)
        process = subprocess.Popen(
            _refresh_args(catalog, out, sdk), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # A run lasts about 1.2 s here: any moment of it, the writes included.
        time.sleep(rng.uniform(0.0, 1.4))
        process.kill()
        process.wait()
        text = catalog.read_bytes()
        assert text in (SEED.read_bytes(), new_text), attempt
        if out.exists():
            tree = read_tree(out)
            assert tree in (old_tree, new_tree), attempt
            assert text != new_text or tree == new_tree, attempt
        else:  # killed between out/'s two renames: the old tree waits beside it
            assert list(work.glob(".out.old-*")), attempt
    shutil.copy(SEED, catalog)
    done = subprocess.run(_refresh_args(catalog, out, sdk), capture_output=True)
    assert done.returncode in (1, 4), done.stderr
    assert catalog.read_bytes() == new_text and read_tree(out) == new_tree
    assert sorted(p.name for p in work.iterdir()) == ["catalog.yaml", "out"]


def test_concurrent_refreshes_leave_one_whole_result(tmp_path):
    """Four refreshes of one catalog at once, from two SDK folders whose results differ:
    the catalog file and out/ end as one run's result, out/ generated from that catalog."""
    one = _small_sdk(tmp_path / "one", "kmeans", "sklearn", "xgboost")
    two = _small_sdk(tmp_path / "two", "kmeans", "xgboost", "lda")
    work = tmp_path / "work"
    work.mkdir()
    catalog, out = work / "catalog.yaml", work / "out"
    shutil.copy(SEED, catalog)
    runs = [
        subprocess.Popen(_refresh_args(catalog, out, sdk), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
        for sdk in (one, two, one, two)
    ]  # fmt: skip
    for process in runs:
        _, err = process.communicate(timeout=120)
        assert process.returncode in (0, 1, 4), err
    written = read_tree(out)
    written.pop(".sagemaker-iac-manifest")
    assert written == {k: v.encode() for k, v in build(load_catalog(catalog)).items()}
    assert sorted(p.name for p in work.iterdir()) == ["catalog.yaml", "out"]


def test_a_refresh_waits_for_the_one_before_and_reads_what_it_wrote(tmp_path):
    """While another run holds the catalog's folder, a refresh waits; it then starts from
    the catalog that run left (here already refreshed), so it changes nothing."""
    sdk = _small_sdk(tmp_path / "sdk", "kmeans", "sklearn", "xgboost")
    reference = tmp_path / "reference"
    reference.mkdir()
    shutil.copy(SEED, reference / "catalog.yaml")
    subprocess.run(_refresh_args(reference / "catalog.yaml", reference / "out", sdk))
    work = tmp_path / "work"
    work.mkdir()
    catalog, out = work / "catalog.yaml", work / "out"
    shutil.copy(SEED, catalog)
    with locked(work):
        waiting = subprocess.Popen(_refresh_args(catalog, out, sdk), stderr=subprocess.PIPE)
        time.sleep(3)  # a free run takes about a second
        assert waiting.poll() is None
        assert not out.exists()
        shutil.copy(reference / "catalog.yaml", catalog)  # what the run before wrote
    _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err  # nothing left to change
    assert catalog.read_bytes() == (reference / "catalog.yaml").read_bytes()
    assert read_tree(out) == read_tree(reference / "out")


def test_a_catalog_write_cut_short_leaves_the_old_file(tmp_path):
    """The importer stopped part-way through writing its catalog (by a file-size limit
    below the new catalog's size): exit 2 naming the file, which holds its old text."""
    sdk = _small_sdk(tmp_path / "sdk", "kmeans", "sklearn", "xgboost")
    catalog = tmp_path / "catalog.yaml"
    shutil.copy(SEED, catalog)
    args = ["import", "sdk", "--sdk", str(sdk), "--catalog", str(SEED), "--out", str(catalog)]
    limit = SEED.stat().st_size + 1000  # the new catalog is about twice the seed's size

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    cut = subprocess.run(_cli(*args), preexec_fn=small_files, capture_output=True)
    assert cut.returncode == 2, cut.stderr
    assert cut.stderr.decode().strip() == f"error: cannot write {catalog}: File too large"
    assert catalog.read_bytes() == SEED.read_bytes()
    done = subprocess.run(_cli(*args), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert catalog.stat().st_size > limit
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.yaml", "sdk"]


def test_refresh_with_dlc_brings_the_end_of_patch_dates_and_reports_them(tmp_path):
    catalog, out = tmp_path / "catalog.yaml", tmp_path / "out"
    shutil.copy(SEED, catalog)
    assert refresh(catalog, out).exit_code in (1, 4)
    assert load_catalog(catalog).end_of_patch == {}
    result = refresh(catalog, out, "--dlc", str(FIXTURES / "dlc"))
    assert result.exit_code == 1, result.output  # dates added: a change, not a breaking one
    assert "2.6 gpu (sagemaker) end of patch added: 2026-01-29" in result.stdout
    dated = load_catalog(catalog)
    assert dated.release("pytorch-training", "2.6.0-gpu-py312") is not None
    assert refresh(catalog, out, "--dlc", str(FIXTURES / "dlc")).exit_code == 0


def test_refresh_with_jumpstart_brings_the_models_and_reports_them(tmp_path):
    catalog, out = tmp_path / "catalog.yaml", tmp_path / "out"
    shutil.copy(SEED, catalog)
    assert refresh(catalog, out).exit_code in (1, 4)
    source = FIXTURES / "jumpstart" / "jumpstart-models.json"
    result = refresh(catalog, out, "--jumpstart", str(source))
    assert result.exit_code == 1, result.output  # models added: a change, not a breaking one
    assert "|  | meta-textgeneration-llama-tiny | JumpStart model added |" in result.stdout
    section = load_catalog(catalog).jumpstart
    assert section is not None and sorted(section.models) == [
        "huggingface-asr-whisper-mini",
        "meta-textgeneration-llama-tiny",
    ]
    assert (out / "terraform" / "sagemaker-jumpstart-spec" / "models").is_dir()
    assert refresh(catalog, out, "--jumpstart", str(source)).exit_code == 0
