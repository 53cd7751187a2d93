"""`sagemaker-iac lint`: each hard-coded image URI the catalog contradicts, at its line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sagemaker_iac.api import framework_image, lint
from sagemaker_iac.cli import main
from support.catalogs import other_region_account
from support.cli import cli_runner
from support.lint_tree import lint_tree, write
from support.peak import peak_kib


@pytest.fixture
def tree(tmp_path, catalog):
    """Files in four languages; EXPECTED maps (file, line) to the rules that must fire."""
    return lint_tree(tmp_path, catalog)


def test_each_finding_is_at_its_line_and_nothing_else(catalog, tree):
    folder, expected, _ = tree
    found: dict[tuple[str, int], set[str]] = {}
    for finding in lint(catalog, [folder]).findings:
        key = (Path(finding.path).name, finding.line)
        found.setdefault(key, set()).add(finding.rule)
    assert found == expected


def test_messages_name_the_right_account_and_suffix(catalog, tree):
    folder, _, wrong_region = tree
    text = "\n".join(str(f) for f in lint(catalog, [folder]).findings)
    assert f"the catalog's is {catalog.registry_id('kmeans', 'us-west-2')}" in text
    assert f"(it is {wrong_region}" in text
    assert "use amazonaws.com.cn" in text
    assert "sagemaker-images module" in text and "Mappings" in text


def test_the_command_exits_1_with_findings_and_0_without(catalog, tree, tmp_path_factory):
    folder, expected, _ = tree
    result = cli_runner().invoke(main, ["lint", str(folder)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) == sum(len(rules) for rules in expected.values())
    assert all(line.startswith(str(folder)) for line in lines)
    clean = tmp_path_factory.mktemp("clean")
    (clean / "a.py").write_text(f'URI = "{catalog.image_uri("pca", "eu-west-1")}"\n')
    result = cli_runner().invoke(main, ["lint", str(clean)])
    assert result.exit_code == 0 and result.stdout == ""
    assert cli_runner().invoke(main, ["lint", str(clean / "missing")]).exit_code == 2


def test_framework_images_are_checked_for_account_and_region(tmp_path, catalog):
    found = framework_image(
        catalog,
        "pytorch",
        "us-west-2",
        version="2.1.0",
        py_version="py310",
        scope="training",
        processor="gpu",
    )
    china = framework_image(
        catalog,
        "pytorch",
        "cn-north-1",
        version="2.1.0",
        py_version="py310",
        scope="training",
        processor="gpu",
    )
    swapped = china.uri.replace(china.registry, found.registry, 1)
    write(tmp_path, "train.py", [f'RIGHT = "{found.uri}"', f'SWAPPED = "{swapped}"'])
    result = cli_runner().invoke(main, ["lint", str(tmp_path)])
    lines = [line for line in result.stdout.splitlines() if "SMI" in line]
    assert result.exit_code == 1
    assert len(lines) == 1 and "train.py:2:12: SMI001" in lines[0], lines
    assert f"the catalog's is {china.registry}" in lines[0]


def swapped_kmeans(catalog) -> str:
    """kmeans in us-west-2 with another region's account: an SMI001 wherever it stands."""
    _, account = other_region_account(catalog, "kmeans", "us-west-2")
    right = catalog.image_uri("kmeans", "us-west-2")
    return right.replace(catalog.registry_id("kmeans", "us-west-2"), account, 1)


def run_lint_bounded(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command in a process of its own, killed (a test failure) past 30 s."""
    return subprocess.run(
        [sys.executable, "-m", "sagemaker_iac.cli", "lint", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_fifo_in_the_tree_is_skipped_not_read(tmp_path, catalog):
    write(tmp_path, "main.tf", [f'image = "{swapped_kmeans(catalog)}"'])
    os.mkfifo(tmp_path / "pipe.tf")  # reading it would block for ever
    os.mkfifo(tmp_path / "direct.yaml")
    result = run_lint_bounded(str(tmp_path), str(tmp_path / "direct.yaml"), "--verbose")
    assert result.returncode == 1, result.stderr
    assert "main.tf:1:10: SMI001" in result.stdout
    assert f"{tmp_path / 'pipe.tf'}: skipped: not a regular file" in result.stderr
    assert f"{tmp_path / 'direct.yaml'}: skipped: not a regular file" in result.stderr


def test_links_are_not_followed(tmp_path, catalog):
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "main.tf", [f'image = "{swapped_kmeans(catalog)}"'])
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "linked.tf").symlink_to(outside / "main.tf")
    (tree / "folder").symlink_to(outside)
    (tree / "loop").symlink_to(tree)  # a link loop
    scanned = lint(catalog, [tree])
    assert scanned.findings == []
    assert (str(tree / "linked.tf"), "a symbolic link (not followed)") in scanned.skipped


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig", "cp1252"])
def test_a_file_in_another_encoding_is_scanned(tmp_path, catalog, encoding):
    # A comment in the file's own encoding (é is not UTF-8 in Latin-1), then the URI
    # after 10 characters, one of them é: its column counts characters, not bytes.
    text = f'# région d\'essai\nimage_é: "{swapped_kmeans(catalog)}"\n'
    (tmp_path / "stack.yaml").write_bytes(text.encode(encoding))
    result = cli_runner().invoke(main, ["lint", str(tmp_path)])
    assert result.exit_code == 1
    assert "stack.yaml:2:11: SMI001" in result.stdout


def test_binary_bytes_around_a_uri_do_not_hide_it(tmp_path, catalog):
    uri = swapped_kmeans(catalog).encode()
    (tmp_path / "blob.json").write_bytes(b"\xff\xfe\x00\x81\n" + uri + b"\n\xc3\x28")
    assert [(f.line, f.column) for f in lint(catalog, [tmp_path]).findings] == [(2, 1)]


# A file every user, root too, is refused the reading of: Linux's own memory file.
UNREADABLE = Path("/proc/self/mem")


@pytest.mark.skipif(not UNREADABLE.is_file(), reason="no /proc/self/mem (not Linux)")
def test_an_unreadable_file_is_reported_and_exits_2(tmp_path, catalog):
    write(tmp_path, "ok.tf", [f'image = "{swapped_kmeans(catalog)}"'])
    result = run_lint_bounded(str(tmp_path), str(UNREADABLE))
    assert result.returncode == 2, result.stderr
    assert f"{UNREADABLE}: SMI007 cannot read: " in result.stderr
    assert "ok.tf:1:10: SMI001" in result.stdout  # the rest is still checked
    ignored = run_lint_bounded(str(tmp_path), str(UNREADABLE), "--ignore-unreadable")
    assert ignored.returncode == 1 and "SMI007" in ignored.stderr


def _where(data: bytes, at: int) -> tuple[int, int]:
    """Line and column of byte AT as an editor shows them: columns in UTF-8 characters."""
    start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, len(data[start:at].decode("utf-8", "replace")) + 1


def test_uris_across_read_boundaries_are_found_at_their_place(tmp_path, catalog):
    """A 6 MiB file, read a MiB at a time: a URI at each boundary, ending just before it,
    cut by it, starting just before it or at it, after multi-byte characters and a cut-off
    sequence on its line; and a line of a MiB first."""
    uri = swapped_kmeans(catalog).encode()
    data = bytearray(("é" * 100 + "\n").encode() * (5 * 2**20 // 201))
    planted = []
    for number, before in enumerate((len(uri) + 1, 7, 1, 0), start=1):
        start = number * 2**20 - before
        data[start - 2 : start + len(uri) + 1] = b"\xc3 " + uri + b" "
        planted.append(start)
    data[:0] = b"x" * 2**20  # one line of a MiB first
    path = tmp_path / "long.yaml"
    path.write_bytes(bytes(data))
    found = lint(catalog, [path]).findings
    expected = [_where(bytes(data), 2**20 + start) for start in planted]
    assert [(f.line, f.column) for f in found if f.rule == "SMI001"] == expected


def _peak_kib(*args: str) -> int:
    """`lint`'s peak resident memory in a process of its own (KiB, the kernel's count)."""
    code, peak = peak_kib([sys.executable, "-m", "sagemaker_iac.cli", "lint", *args])
    assert code == 1  # a finding in each file scanned
    return peak


def test_a_50_mb_single_line_file_is_scanned_in_bounded_memory(tmp_path, catalog):
    uri = swapped_kmeans(catalog)
    small = tmp_path / "small" / "a.tf"
    small.parent.mkdir()
    small.write_text(f'image = "{uri}"\n', encoding="utf-8")
    big = tmp_path / "big" / "a.tf"
    big.parent.mkdir()
    with big.open("w", encoding="ascii") as file:
        for _ in range(50):
            file.write("x" * 2**20)
        file.write(f' "{uri}"\n')
    # Holding the file would take 50 MiB at least; reading it in chunks, a few more.
    assert _peak_kib(str(big)) - _peak_kib(str(small)) < 16 * 1024
