"""Every bad catalog: exit 2, file:line: key in the message, and out/ untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from sagemaker_iac.cli import main

BAD = sorted((FIXTURES / "catalogs" / "bad").glob("*.yaml"))


def expectations(path: Path) -> dict[str, str]:
    found = dict(re.findall(r"^# expect-([a-z]+): (.*)$", path.read_text(), re.M))
    assert {"line", "key", "message"} <= set(found), f"{path.name} lacks expectations"
    return found


def test_there_are_enough_cases():
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_catalog_is_rejected_and_nothing_is_written(path, tmp_path):
    expected = expectations(path)
    out = tmp_path / "out"
    (out / "terraform").mkdir(parents=True)
    sentinel = out / "terraform" / "keep.tf"
    sentinel.write_text("# the previous output\n")

    result = CliRunner().invoke(main, ["generate", "--catalog", str(path), "--out", str(out)])

    assert result.exit_code == 2, result.output
    assert f"{path}:{expected['line']}: {expected['key']}: " in result.stderr
    assert expected["message"] in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "out",
        "out/terraform",
        "out/terraform/keep.tf",
    ]
    assert sentinel.read_text() == "# the previous output\n"


def test_missing_catalog_file_is_a_user_error(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = CliRunner().invoke(
        main, ["generate", "--catalog", str(missing), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert str(missing) in result.stderr and "cannot read catalog" in result.stderr
    assert not (tmp_path / "out").exists()
