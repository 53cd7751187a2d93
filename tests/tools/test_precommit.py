"""The pre-commit hooks, run by the real pre-commit in a throwaway repository of a user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.catalogs import other_region_account
from support.paths import ROOT

pytestmark = pytest.mark.packaging

GIT = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **GIT}, check=True, capture_output=True,
        text=True,
    ).stdout.strip()  # fmt: skip


def snapshot(tmp_path: Path) -> tuple[Path, str]:
    """This checkout's files, uncommitted changes too, as a repository pre-commit can pin
    (outside a git work tree, as in an unpacked sdist: every file but the build's own)."""
    shadow = tmp_path / "sagemaker-iac"
    if (ROOT / ".git").exists():
        for name in git("ls-files", "-co", "--exclude-standard", cwd=ROOT).splitlines():
            source = ROOT / name
            if source.is_file():
                (shadow / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, shadow / name)
    else:
        ignored = shutil.ignore_patterns(".venv*", "__pycache__", "_compiled", ".*cache", "dist")
        shutil.copytree(ROOT, shadow, ignore=ignored)
    git("init", "-q", cwd=shadow)
    git("add", "-A", cwd=shadow)
    git("commit", "-q", "-m", "snapshot", cwd=shadow)
    return shadow, git("rev-parse", "HEAD", cwd=shadow)


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("precommit")
    shadow, rev = snapshot(tmp)
    repo = tmp / "user"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    cli = Path(sys.executable).parent / "sagemaker-iac"
    subprocess.run([str(cli), "generate", "--out", "out"], cwd=repo, check=True)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {shadow}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: sagemaker-iac-check\n"
        "      - id: sagemaker-iac-lint\n"
    )
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "out", cwd=repo)
    return repo, tmp / "pre-commit-home"


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [str(Path(sys.executable).parent / "pre-commit"), "run", *args],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def test_hooks_pass_on_a_current_out_and_clean_code(user_repo):
    repo, home = user_repo
    result = pre_commit(repo, home, "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sagemaker-iac generate --check" in result.stdout
    assert "Passed" in result.stdout


def test_the_check_hook_fails_with_the_diff_on_a_stale_out(user_repo):
    repo, home = user_repo
    catalog_json = repo / "out" / "catalog.json"
    original = catalog_json.read_text()
    catalog_json.write_text(original.replace('"schema_version": 1', '"schema_version": 2'))
    try:
        result = pre_commit(repo, home, "sagemaker-iac-check", "--all-files")
    finally:
        catalog_json.write_text(original)
    assert result.returncode == 1
    assert "--- a/catalog.json" in result.stdout
    assert "is not current" in result.stdout
    assert '-  "schema_version": 2,' in result.stdout
    assert '+  "schema_version": 1,' in result.stdout


def test_the_lint_hook_finds_a_pasted_uri(user_repo, catalog):
    repo, home = user_repo
    region, account = other_region_account(catalog, "kmeans", "us-west-2")
    uri = catalog.image_uri("kmeans", "us-west-2").replace(
        catalog.registry_id("kmeans", "us-west-2"), account, 1
    )
    (repo / "model.tf").write_text(f'locals {{\n  image = "{uri}"\n}}\n')
    git("add", "model.tf", cwd=repo)
    try:
        result = pre_commit(repo, home, "sagemaker-iac-lint", "--files", "model.tf")
    finally:
        git("rm", "-q", "-f", "model.tf", cwd=repo)
    assert result.returncode == 1
    assert "model.tf:2:12: SMI001" in result.stdout
    assert f"(it is {region}" in result.stdout
