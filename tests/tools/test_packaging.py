"""A non-editable wheel, installed in a fresh virtual environment, run from an empty folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from sagemaker_iac.api import read_tree
from support.paths import ROOT

pytestmark = pytest.mark.packaging


def test_wheel_in_a_fresh_venv_generates_the_same_out(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("sagemaker_iac-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sagemaker_iac/data/catalog.yaml" in names
    assert "sagemaker_iac/data/catalog.schema.json" in names
    # The build hook's compiled forms, which git never tracks.
    assert "sagemaker_iac/_compiled/catalog.pickle" in names
    assert "sagemaker_iac/_compiled/out.zlib" in names
    assert "sagemaker_iac/_compiled/templates/sources.json" in names
    assert "sagemaker_iac/templates/terraform/sagemaker-images/main.tf" in names

    venv = tmp_path / "venv"
    # Without a pip of its own (ensurepip is slow): this pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", str(wheel)],
        check=True,
        timeout=600,
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def generate(*args: str) -> dict[str, bytes]:
        folder = f"out-{len(args)}"
        result = subprocess.run(
            [str(venv / "bin" / "sagemaker-iac"), "generate", "--out", folder, *args],
            cwd=empty,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return read_tree(empty / folder)

    expected = read_tree(ROOT / "out")
    assert generate() == expected
    uri = subprocess.run(
        [str(venv / "bin" / "sagemaker-iac"), "uri", "kmeans", "--region", "eu-west-1"],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert uri.returncode == 0, uri.stderr
    assert uri.stdout == "438346466558.dkr.ecr.eu-west-1.amazonaws.com/kmeans:1\n"

    # A partial generate renders afresh: the packaged templates and their compiled forms.
    def terraform(tree: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in tree.items() if k.startswith("terraform/")}

    assert terraform(generate("--target", "terraform")) == terraform(expected)
    where = subprocess.run(
        [
            python,
            "-c",
            "from sagemaker_iac import _prebuilt, targets; from sagemaker_iac.targets import "
            "_jinja; from sagemaker_iac.catalog import builtin_path, load, load_catalog; "
            "from sagemaker_iac.targets.headers import stamp; "
            "print(targets.templates_dir(), "
            "_prebuilt.read(stamp(load_catalog()).catalog_sha256) is not None, "
            "_jinja._compiled_loader() is not None, "
            "load._compiled(builtin_path().read_bytes()) is not None)",
        ],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    templates, prebuilt, compiled, catalog = where.stdout.split()
    assert str(venv) in templates  # the packaged templates, not the repository's
    # Every compiled form current in a wheel whose libraries are those it was built with.
    assert (prebuilt, compiled, catalog) == ("True", "True", "True")
