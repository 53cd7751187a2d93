"""The project's documents: short enough to read, links that resolve, no maintainer's
machine in them, and one version everywhere it is shown."""

from __future__ import annotations

import re
from importlib import metadata

import pytest

import sagemaker_iac
from support.cli import invoke
from support.paths import ROOT

DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md"]
DOCS += [*sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md"]


def test_the_readme_is_at_most_300_lines():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 300


@pytest.mark.parametrize("name", ["LICENSE", "CHANGELOG.md", "CONTRIBUTING.md"])
def test_the_project_files_a_team_looks_for_exist(name):
    assert (ROOT / name).read_text(encoding="utf-8").strip()


def test_the_license_is_the_apache_2_0_text_pyproject_declares():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert 'license = "Apache-2.0"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_changelog_keeps_an_unreleased_section_and_the_breaking_changes():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    assert "--sdk" in text and "3.2-0" in text


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(doc):
    text = doc.read_text(encoding="utf-8")
    targets = re.findall(r"\]\((?!https?://|#)([^)\s]+)\)", text)
    missing = [t for t in targets if not (doc.parent / t.split("#")[0]).exists()]
    assert not missing


# Absolute paths of a maintainer's machine: a test finds a mirror through a variable.
MACHINE_PATH = re.compile(r"(?<![\w.~-])/(?:opt|root|home|work|tmp|Users|mnt|srv)/\S")


@pytest.mark.parametrize(
    "doc",
    [
        *DOCS,
        ROOT / "Makefile",
        ROOT / ".ci" / "run",
        ROOT / "tests" / "conftest.py",
        *sorted((ROOT / "tests" / "support").glob("*.py")),
    ],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_no_machine_path_is_written_down(doc):
    found = MACHINE_PATH.findall(doc.read_text(encoding="utf-8"))
    assert not found


def test_the_machine_path_check_can_fail():
    assert MACHINE_PATH.search("a mirror in /opt/tf-plugins here")
    assert not MACHINE_PATH.search("https://example.com/opt/x and ./out/terraform")


def test_the_version_is_the_installed_metadata_everywhere():
    installed = metadata.version("sagemaker-iac")
    assert sagemaker_iac.__version__ == installed
    result = invoke(["--version"])
    assert result.exit_code == 0 and installed in result.output
