"""Imports from tampered sources (`import sdk`, `import docs`, `refresh`): each refused with
exit 2 and a message naming the file, no traceback, no hang, and nothing written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support.cli import invoke
from support.paths import FIXTURES, SEED

SDK = FIXTURES / "sdk" / "image_uri_config"
DOCS = FIXTURES / "docs" / "seed_000_tables.md"


def _edited(change: Callable[[dict], None]) -> Callable[[Path], None]:
    """A tamper that changes a config's JSON value in place."""

    def tamper(path: Path) -> None:
        data = json.loads(path.read_text())
        change(data)
        path.write_text(json.dumps(data))

    return tamper


def _versions(data: dict) -> dict:
    return data["training"]["versions"]


def _first_registries(data: dict) -> dict:
    return next(iter(_versions(data).values()))["registries"]


def _wrong_versions(data: dict) -> None:
    data["training"]["versions"] = 5


def _entry_a_list(data: dict) -> None:
    _versions(data)["1.0.0"] = ["py3"]


def _repository_a_number(data: dict) -> None:
    next(iter(_versions(data).values()))["repository"] = 7


def _impossible_region(data: dict) -> None:
    _first_registries(data)["../../etc"] = "123456789012"


def _short_account(data: dict) -> None:
    _first_registries(data)["us-east-1"] = "12345"


def _account_a_list(data: dict) -> None:
    _first_registries(data)["us-east-1"] = ["763104351884"]


def _aliases_a_string(data: dict) -> None:
    data["training"]["version_aliases"] = "latest"


def _scope_a_number(data: dict) -> None:
    data["scope"] = 5


def _deep(path: Path) -> None:
    path.write_text("[" * 1_000_000 + "]" * 1_000_000)


def _moderately_deep(path: Path) -> None:
    path.write_text('{"a": ' * 40 + "1" + "}" * 40)


def _not_json(path: Path) -> None:
    path.write_text('{"training": {"versions": {\n  "1.0": ,\n}}}')


def _latin1(path: Path) -> None:
    path.write_bytes('{"training": "caf\u00e9"}'.encode("latin-1"))


def _oversized(path: Path) -> None:
    with open(path, "wb") as handle:  # sparse: no disk is used
        handle.truncate(65 * 1024 * 1024)


def _link_outside(path: Path) -> None:
    target = path.parent.parent / "outside.json"
    target.write_text('{"versions": {}}')
    path.unlink()
    path.symlink_to(target)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


# (name, file in the SDK folder, how it is tampered, what the message says)
TAMPERS = [
    (
        "versions-not-an-object",
        "pytorch.json",
        _edited(_wrong_versions),
        "expected an object of versions",
    ),
    ("entry-a-list", "pytorch.json", _edited(_entry_a_list), "1.0.0: expected an object"),
    ("repository-a-number", "pytorch.json", _edited(_repository_a_number), "expected a string"),
    ("region-that-cannot-exist", "pytorch.json", _edited(_impossible_region), "../../etc"),
    ("account-not-12-digits", "pytorch.json", _edited(_short_account), "us-east-1: 12345 is not"),
    (
        "account-a-list",
        "pytorch.json",
        _edited(_account_a_list),
        "is not a region with its 12-digit",
    ),
    ("aliases-a-string", "pytorch.json", _edited(_aliases_a_string), "expected an object of str"),
    ("scope-a-number", "kmeans.json", _edited(_scope_a_number), "scope: expected a list"),
    ("nested-a-million-deep", "pytorch.json", _deep, "nested more than 32 levels"),
    ("nested-40-deep", "pytorch.json", _moderately_deep, "nested more than 32 levels"),
    ("not-json", "pytorch.json", _not_json, ":2: Expecting value (column 10)"),
    ("latin-1", "pytorch.json", _latin1, "not UTF-8"),
    ("over-64-mb", "pytorch.json", _oversized, "over the 67,108,864-byte limit"),
    ("link-leaving-the-folder", "pytorch.json", _link_outside, "leads outside"),
    ("fifo", "zz-pipe.json", _fifo, "not a regular file"),
    ("fifo-named-as-an-algorithm", "kmeans.json", _fifo, "not a regular file"),
]


def _tampered(tmp_path: Path, name: str, tamper: Callable) -> Path:
    folder = tmp_path / "sdk"
    shutil.copytree(SDK, folder)
    path = folder / name
    if not path.exists():
        path.write_text("{}")
    tamper(path)
    return folder


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The console script in a child process: a hang is a failure, not a stuck suite."""
    return subprocess.run(
        [sys.executable, "-m", "sagemaker_iac.cli", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )


def _refused(result, path: Path, message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and message in lines[0], lines[0]


@pytest.mark.parametrize(
    ("name", "tamper", "message"),
    [t[1:] for t in TAMPERS],
    ids=[t[0] for t in TAMPERS],
)
def test_import_sdk_refuses_a_tampered_config(tmp_path, name, tamper, message):
    folder = _tampered(tmp_path, name, tamper)
    out = tmp_path / "catalog.yaml"
    args = ["import", "sdk", "--sdk", str(folder), "--catalog", str(SEED), "--out", str(out)]
    _refused(_cli(*args, "--date", "2026-12-04"), folder / name, message)
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "tamper", "message"),
    [t[1:] for t in TAMPERS if t[0] in ("fifo", "nested-a-million-deep", "account-a-list")],
    ids=["fifo", "nested-a-million-deep", "account-a-list"],
)
def test_refresh_from_a_tampered_sdk_leaves_the_catalog_and_out_alone(
    tmp_path, name, tamper, message
):
    folder = _tampered(tmp_path, name, tamper)
    catalog, out = tmp_path / "catalog.yaml", tmp_path / "out"
    shutil.copy(SEED, catalog)
    args = ["refresh", "--catalog", str(catalog), "--out", str(out), "--sdk", str(folder)]
    _refused(_cli(*args, "--date", "2026-12-04"), folder / name, message)
    assert catalog.read_bytes() == SEED.read_bytes()
    assert not out.exists()


def test_the_untampered_fixture_imports(tmp_path):
    """The control: the same folder, untouched, is accepted (the refusals are the tampers')."""
    folder = _tampered(tmp_path, "zz-empty.json", lambda path: None)
    out = tmp_path / "catalog.yaml"
    args = ["import", "sdk", "--sdk", str(folder), "--catalog", str(SEED), "--out", str(out)]
    result = invoke([*args, "--date", "2026-12-04"])
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 100_000


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (_fifo, "not a regular file"),
        (_oversized, "over the 67,108,864-byte limit"),
        (_latin1, "not UTF-8"),
    ],
    ids=["fifo", "over-64-mb", "latin-1"],
)
def test_import_docs_refuses_a_tampered_page(tmp_path, tamper, message):
    page = tmp_path / "tables.md"
    shutil.copy(DOCS, page)
    tamper(page)
    out = tmp_path / "catalog.yaml"
    _refused(_cli("import", "docs", str(page), "--out", str(out)), page, message)
    assert not out.exists()
