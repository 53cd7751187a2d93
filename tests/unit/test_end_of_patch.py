"""End of patch: `import dlc` reads the Deep Learning Containers' image files into the
catalog; `uri --json` and `lint --eol` report from it; `diff` and `refresh` carry it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sagemaker_iac.api import diff, load_catalog
from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import FIXTURES, MINIMAL

DLC = FIXTURES / "dlc"
DATA = Path("docs", "src", "data")
# The fixture's facts, as its image files state them.
PYTORCH_2_6_EOP = "2026-01-29"
PYTORCH_2_10_EOP = "2027-01-21"


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A copy of the fixture checkout, for a test to spoil."""
    shutil.copytree(DLC, tmp_path / "dlc")
    return tmp_path / "dlc"


def imported(tmp_path: Path, checkout: Path, catalog: Path | None = None) -> Path:
    out = tmp_path / "catalog.yaml"
    args = ["import", "dlc", str(checkout), "--out", str(out), "--date", "2026-12-04"]
    result = cli_runner().invoke(main, [*args, *(["--catalog", str(catalog)] if catalog else [])])
    assert result.exit_code == 0, result.output
    return out


def test_import_keeps_each_dated_release_by_repository(tmp_path, checkout):
    catalog = load_catalog(imported(tmp_path, checkout, MINIMAL))
    releases = catalog.end_of_patch
    # The template folder documents fields; 2.5 has no dates; base-ubuntu names its
    # repository (base) itself.
    assert sorted(releases) == ["base", "pytorch-training", "sagemaker-xgboost"]
    assert [(r.version, r.accelerator, r.platform) for r in releases["pytorch-training"]] == [
        ("2.6", "gpu", "sagemaker"),
        ("2.10", "cpu", "ec2"),
        ("2.10", "gpu", "sagemaker"),
    ]
    old = catalog.release("pytorch-training", "2.6.0-gpu-py312")
    assert old is not None and (old.ga, old.eop) == ("2025-01-29", PYTORCH_2_6_EOP)
    assert (
        catalog.release("pytorch-training", "2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker") is None
    )
    newest = catalog.newest_patched("pytorch-training", old, "2026-12-04")
    assert newest is not None and newest.version == "2.10" and newest.accelerator == "gpu"
    assert catalog.newest_patched("pytorch-training", old, "2027-02-01") is None
    source = catalog.sources[catalog.end_of_patch_source or ""]
    assert source.document == str(checkout) and source.date == "2026-12-04"


def test_a_second_import_replaces_the_section_and_the_data_folder_itself_is_taken(
    tmp_path, checkout
):
    first = imported(tmp_path, checkout, MINIMAL)
    shutil.rmtree(checkout / DATA / "sagemaker-xgboost")
    again = tmp_path / "again"
    again.mkdir()
    second = load_catalog(imported(again, checkout / DATA, first))
    assert "sagemaker-xgboost" not in second.end_of_patch
    assert "pytorch-training" in second.end_of_patch


def test_uri_json_gives_the_end_of_patch_of_the_image(tmp_path, checkout):
    path = str(imported(tmp_path, checkout))

    def uri(*args: str) -> dict:
        result = cli_runner().invoke(main, ["uri", *args, "--catalog", path, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    framework = ("pytorch", "--region", "us-west-2", "--scope", "training", "--processor", "gpu")
    found = uri(*framework, "--version", "2.6", "--py-version", "py312")
    assert found["end_of_patch"] == PYTORCH_2_6_EOP
    assert uri(*framework, "--version", "1.13", "--py-version", "py39")["end_of_patch"] is None
    xgboost = uri("xgboost", "--region", "us-west-2", "--tag", "3.0-5")
    assert xgboost["end_of_patch"] == "2026-11-17"


def write_tf(folder: Path, *uris: str) -> Path:
    path = folder / "main.tf"
    lines = [f'  image_{i} = "{u}"' for i, u in enumerate(uris)]
    path.write_text("locals {\n" + "\n".join(lines) + "\n}\n")
    return path


def test_lint_eol_warns_of_an_unpatched_image_naming_the_newest_patched(tmp_path, checkout):
    catalog = str(imported(tmp_path, checkout))
    host = "763104351884.dkr.ecr.us-west-2.amazonaws.com"
    code = tmp_path / "code"
    code.mkdir()
    write_tf(
        code,
        f"{host}/pytorch-training:2.6.0-gpu-py312",
        f"{host}/pytorch-training:2.10.0-gpu-py313",
        f"{host}/pytorch-training:1.13.1-gpu-py39",  # no dates: nothing said
    )

    def lint(*args: str) -> list[str]:
        result = cli_runner().invoke(main, ["lint", str(code), "--catalog", catalog, *args])
        return [line for line in result.stdout.splitlines() if "SMI008" in line]

    assert lint() == []
    (found,) = lint("--eol", "--today", "2026-12-04")
    assert ":2:" in found and PYTORCH_2_6_EOP in found
    assert f"newest patched: pytorch-training:2.10.0-gpu-py313 (until {PYTORCH_2_10_EOP})" in found
    later = lint("--eol", "--today", "2027-02-01")
    assert len(later) == 2 and all("knows no patched gpu release" in f for f in later)
    assert lint("--eol", "--today", "2025-06-01") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "2026-12-04"], "give --eol too"),
        (["--eol", "--today", "2026-13-01"], "is not a date"),
    ],
)
def test_lint_refuses_a_day_without_eol_or_not_a_date(tmp_path, args, message):
    result = cli_runner().invoke(main, ["lint", str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.stderr


def spoil(checkout: Path, name: str, text: str) -> Path:
    path = checkout / DATA / "pytorch-training" / name
    path.write_text(text)
    return path


GOOD = (DLC / DATA / "pytorch-training" / "2.6-gpu-sagemaker.yml").read_text()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (GOOD.replace('eop: "2026-01-29"', 'eop: "2026-02-30"'), ":9: eop: '2026-02-30'"),
        (GOOD.replace('eop: "2026-01-29"', "eop: soon"), ":9: eop: 'soon' is not a date"),
        (GOOD.replace("tags:\n", "tags: 12\nx:\n"), ":12: tags: must be a list"),
        (GOOD.replace('"2.6.0-gpu-py312"', '"2.6.0 gpu"'), ":13: tags: '2.6.0 gpu' is not"),
        (GOOD.replace("accelerator: gpu\n", ""), "accelerator: missing"),
        (GOOD + "  - [unclosed\n", ": not YAML"),
        ("- a list\n", ":1: an image file must be a mapping"),
        (GOOD.replace('ga: "2025-01-29"', 'ga: "2026-06-01"'), "is before general availability"),
    ],
)
def test_a_bad_image_file_is_exit_2_naming_file_and_line_and_nothing_is_written(
    tmp_path, checkout, text, where
):
    bad = spoil(checkout, "2.6-gpu-sagemaker.yml", text)
    out = tmp_path / "catalog.yaml"
    result = cli_runner().invoke(main, ["import", "dlc", str(checkout), "--out", str(out)])
    assert result.exit_code == 2, result.stderr
    assert where in result.stderr
    assert str(bad) in result.stderr or "is before general availability" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_links_and_fifos_are_passed_over(tmp_path, checkout):
    folder = checkout / DATA / "pytorch-training"
    os.mkfifo(folder / "2.7-gpu-sagemaker.yml")  # reading it would block for ever
    outside = tmp_path / "outside.yml"
    outside.write_text(GOOD.replace('"2.6"', '"2.4"'))
    (folder / "2.4-gpu-sagemaker.yml").symlink_to(outside)
    catalog = load_catalog(imported(tmp_path, checkout, MINIMAL))
    versions = {r.version for r in catalog.end_of_patch["pytorch-training"]}
    assert versions == {"2.6", "2.10"}


def test_a_folder_without_image_files_is_refused(tmp_path):
    result = cli_runner().invoke(main, ["import", "dlc", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a checkout of aws/deep-learning-containers" in result.stderr


def test_diff_reports_dates_and_an_earlier_end_of_patch_breaks(tmp_path, checkout):
    old = load_catalog(imported(tmp_path, checkout, MINIMAL))
    spoil(checkout, "2.6-gpu-sagemaker.yml", GOOD.replace("2026-01-29", "2025-12-01"))
    spoil(checkout, "2.10-gpu-sagemaker.yml", "")
    (checkout / DATA / "pytorch-training" / "2.10-gpu-sagemaker.yml").unlink()
    again = tmp_path / "again"
    again.mkdir()
    new = load_catalog(imported(again, checkout, MINIMAL))
    changes = {(c.subject, c.text): c.breaking for c in diff(old, new)}
    assert changes[
        ("pytorch-training", "2.6 gpu (sagemaker) end of patch: 2026-01-29 -> 2025-12-01")
    ]
    assert not changes[
        ("pytorch-training", "2.10 gpu (sagemaker) end of patch removed: 2027-01-21")
    ]
    assert diff(old, old) == []
