"""The mutant corpus: every mutated catalog is refused cleanly, or accepted and then every
output passes its engine (python-hcl2, Terraform fmt and validate, cfn-lint, YAML 1.1)."""

from __future__ import annotations

import hashlib
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml
from cfnlint.api import ManualArgs, lint
from click.testing import CliRunner

from conftest import FIXTURES, TERRAFORM, terraform
from sagemaker_iac.cli import main
from sagemaker_iac.outtree import read_tree

pytestmark = [
    pytest.mark.terraform,
    pytest.mark.cfnlint,
    pytest.mark.skipif(not TERRAFORM.exists(), reason="needs the venv's terraform"),
]

MUTANTS = sorted((FIXTURES / "catalogs" / "mutants").glob("mutant_*.yaml"))
REFUSAL = re.compile(r"error: (?P<file>[^\n]+?):(?P<line>\d+): (?P<key>[^\n]*?): [^\n]+\n")


class _Yaml11Keys(yaml.SafeLoader):
    """PyYAML (YAML 1.1, as CloudFormation reads) with CloudFormation's tags as plain data."""


_Yaml11Keys.add_multi_constructor("!", lambda loader, suffix, node: None)


def _keys(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Any]:
    """Generate from every mutant once; keep what each run did."""
    work = tmp_path_factory.mktemp("mutants")
    results = {}
    for path in MUTANTS:
        out = work / path.stem
        result = CliRunner().invoke(main, ["generate", "--catalog", str(path), "--out", str(out)])
        results[path.name] = {
            "code": result.exit_code,
            "stderr": result.stderr,
            "exception": result.exception,
            "out": out,
        }
    return results


def test_there_are_enough_mutants():
    assert len(MUTANTS) >= 300


def test_every_mutant_is_refused_cleanly_or_accepted(corpus):
    for name, run in corpus.items():
        assert run["code"] in (0, 2), (name, run["stderr"], run["exception"])
        if run["code"] == 2:
            match = REFUSAL.fullmatch(run["stderr"])
            assert match, (name, run["stderr"])
            assert match["file"].endswith(name) and "Traceback" not in run["stderr"]
            assert not run["out"].exists(), name  # nothing written


def test_the_corpus_has_both_outcomes(corpus):
    accepted = [n for n, r in corpus.items() if r["code"] == 0]
    assert 10 <= len(accepted) < len(corpus) - 200


def _distinct(corpus: dict[str, Any], suffixes: tuple[str, ...]) -> dict[str, bytes]:
    """Every distinct output file of an accepted mutant, by content digest."""
    found: dict[str, bytes] = {}
    for run in corpus.values():
        if run["code"] != 0:
            continue
        for name, data in read_tree(run["out"]).items():
            if name.endswith(suffixes):
                found.setdefault(hashlib.sha256(data).hexdigest(), data)
    return found


def test_accepted_hcl_parses_and_is_fmt_clean(corpus, tmp_path):
    files = _distinct(corpus, (".tf",))
    assert files
    folder = tmp_path / "hcl"
    folder.mkdir()
    for digest, data in files.items():
        hcl2.loads(data.decode("utf-8"))
        (folder / f"{digest}.tf").write_bytes(data)
    result = terraform("fmt", "-check", "-list=true", str(folder), cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stdout


def test_accepted_modules_validate(corpus, tmp_path):
    """Each distinct catalog-bearing module, validated by Terraform 1.0.3."""
    modules: dict[str, Path] = {}
    for run in corpus.values():
        if run["code"] == 0:
            for module in ("sagemaker-images", "sagemaker-training-spec"):
                folder = run["out"] / "terraform" / module
                digest = hashlib.sha256(
                    repr(sorted(read_tree(folder).items())).encode()
                ).hexdigest()
                modules.setdefault(digest, folder)
    assert modules

    def validate(item: tuple[str, Path]) -> str:
        digest, folder = item
        copy = tmp_path / digest
        shutil.copytree(folder, copy)
        terraform("init", "-backend=false", cwd=copy)
        result = terraform("validate", cwd=copy, check=False)
        return "" if result.returncode == 0 else f"{folder}: {result.stdout}{result.stderr}"

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert [p for p in pool.map(validate, modules.items()) if p] == []


def test_accepted_templates_lint_clean_and_keep_string_keys(corpus):
    templates = _distinct(corpus, (".yaml",))
    assert templates
    for data in templates.values():
        text = data.decode("utf-8")
        loaded = yaml.load(text, Loader=_Yaml11Keys)
        assert all(isinstance(k, str) for k in _keys(loaded)), text[:200]
        if "AWSTemplateFormatVersion" in text:
            matches = lint(text, config=ManualArgs(regions=["us-east-1"]))
            assert [str(m) for m in matches] == [], text[:300]
