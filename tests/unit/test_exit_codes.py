"""Each command's exit codes, as docs/cli.md's table states them: 0 ok, 1 a check failed
(findings, stale, differences, changes), 2 bad input or usage, 3 a bug (with the
traceback and a request to report it), 4 breaking changes (refresh). Every code a
command documents is reached here by a real run of that command."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import sagemaker_iac.api as api
import sagemaker_iac.cli as cli
from support.cli import invoke
from support.paths import FIXTURES, ROOT

SDK = str(FIXTURES / "sdk" / "image_uri_config")
MINIMAL = FIXTURES / "catalogs" / "good" / "minimal.yaml"
DIFF = FIXTURES / "catalogs" / "diff"
MISSING = "missing.yaml"
DATE = ("--date", "2026-11-26")
PASTED = 'image = "382416733822.dkr.ecr.eu-west-1.amazonaws.com/kmeans:1"\n'


def _stale(tmp: Path) -> list[str]:
    invoke(["generate", "--out", str(tmp / "out"), "--target", "cloudformation"])
    readme = tmp / "out" / "cloudformation" / "README.md"
    readme.write_text(readme.read_text() + "edited\n")
    return ["generate", "--check", "--out", str(tmp / "out"), "--target", "cloudformation"]


def _refresh(tmp: Path, catalog: Path, again: bool = False) -> list[str]:
    shutil.copy(catalog, tmp / "catalog.yaml")
    args = ["refresh", "--catalog", str(tmp / "catalog.yaml"), "--out", str(tmp / "out")]
    args += ["--sdk", SDK, *DATE]
    if again:
        invoke(args)
    return args


def _lint(tmp: Path, text: str) -> list[str]:
    (tmp / "main.tf").write_text(text)
    return ["lint", str(tmp)]


# command -> code -> the arguments that reach it (built in a fresh folder).
CASES: dict[str, dict[int, Callable[[Path], list[str]]]] = {
    "generate": {
        0: lambda t: ["generate", "--out", str(t / "out"), "--target", "terraform"],
        1: _stale,
        2: lambda t: ["generate", "--out", str(t / "out"), "--catalog", MISSING],
    },
    "uri": {
        0: lambda t: ["uri", "kmeans", "--region", "us-east-1"],
        2: lambda t: ["uri", "kmeanz", "--region", "us-east-1"],
    },
    "frameworks": {0: lambda t: ["frameworks"], 2: lambda t: ["frameworks", "--catalog", MISSING]},
    "algorithms": {0: lambda t: ["algorithms"], 2: lambda t: ["algorithms", "--bogus"]},
    "regions": {0: lambda t: ["regions"], 2: lambda t: ["regions", "--algorithm", "kmeanz"]},
    "import docs": {
        0: lambda t: [
            "import",
            "docs",
            str(FIXTURES / "docs" / "seed_000_tables.md"),
            "--out",
            str(t / "c.yaml"),
            *DATE,
        ],
        2: lambda t: ["import", "docs", str(t / MISSING), "--out", str(t / "c.yaml")],
    },
    "import sdk": {
        0: lambda t: ["import", "sdk", "--sdk", SDK, "--out", str(t / "c.yaml"), *DATE],
        2: lambda t: ["import", "sdk", "--sdk", str(t), "--out", str(t / "c.yaml"), *DATE],
    },
    "diff": {
        0: lambda t: ["diff", str(MINIMAL), str(MINIMAL)],
        1: lambda t: ["diff", str(MINIMAL), str(DIFF / "algorithm_removed.yaml")],
        2: lambda t: ["diff", str(MINIMAL), str(t / MISSING)],
    },
    "verify": {
        0: lambda t: ["verify", "--sdk", SDK],
        1: lambda t: ["verify", "--catalog", str(DIFF / "account_changed.yaml"), "--sdk", SDK],
        2: lambda t: ["verify", "--sdk", str(t / "none")],
    },
    "refresh": {
        0: lambda t: _refresh(t, MINIMAL, again=True),
        1: lambda t: _refresh(t, MINIMAL),
        2: lambda t: ["refresh", "--catalog", str(t / MISSING), "--out", str(t / "out")],
        4: lambda t: _refresh(t, DIFF / "account_changed.yaml"),
    },
    "lint": {
        0: lambda t: _lint(t, 'image = "example/mine:1"\n'),
        1: lambda t: _lint(t, PASTED),
        2: lambda t: ["lint", str(t / "none")],
    },
}
# Where a bug is planted for code 3: a function of sagemaker-iac's own the command calls.
BUGS: dict[str, tuple[object, str]] = {
    "import docs": (api, "import_docs"),
    "refresh": (api, "refresh"),
}
DOCUMENTED = {0, 1, 2, 3, 4}


@pytest.mark.parametrize(
    ("command", "code"),
    [(c, code) for c, codes in CASES.items() for code in sorted(codes)],
    ids=lambda v: str(v).replace(" ", "-"),
)
def test_each_documented_code_is_reached(tmp_path, command, code):
    result = invoke(CASES[command][code](tmp_path))
    assert result.exit_code == code, result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if code == 2:
        assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.mark.parametrize("command", sorted(CASES), ids=lambda v: v.replace(" ", "-"))
def test_a_bug_in_any_command_exits_3_with_its_traceback(tmp_path, command, monkeypatch, capsys):
    def bug(*args: object, **kwargs: object) -> None:
        raise RuntimeError("planted bug")

    owner, name = BUGS.get(command, (cli, "load_catalog"))
    monkeypatch.setattr(owner, name, bug)
    monkeypatch.setattr(sys, "argv", ["sagemaker-iac", *CASES[command][0](tmp_path)])
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == 3
    err = capsys.readouterr().err
    assert "RuntimeError: planted bug" in err and "please report it" in err


def test_the_table_in_the_docs_lists_the_codes_the_commands_use():
    text = (ROOT / "docs" / "cli.md").read_text()
    table = text[text.index("## Exit codes") :]
    rows = {int(m) for m in re.findall(r"^\| (\d) \|", table, re.MULTILINE)}
    assert rows == DOCUMENTED
    used = {code for codes in CASES.values() for code in codes} | {3}
    assert used == DOCUMENTED
