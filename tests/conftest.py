"""Fixtures and hooks only: the built-in catalog, one generated out/ per session, the moto
server. Shared helpers live in the support package."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sagemaker_iac.api import Catalog, load_catalog
from sagemaker_iac.build import render
from sagemaker_iac.outtree import write_tree
from support.paths import ROOT
from support.readers import load_cfn
from support.terraform import moto_port


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests (and the commands they start) cache into a folder of their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def built(catalog: Catalog) -> dict[str, str]:
    """Every file of the built-in catalog's build, rendered afresh (never a prebuilt build),
    by out/ path: read-only."""
    return render(catalog)


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory: pytest.TempPathFactory, built: dict[str, str]) -> Path:
    """A fresh generate of the built-in catalog, shared read-only by the tests."""
    out = tmp_path_factory.mktemp("generated") / "out"
    write_tree(built, out)
    return out


@pytest.fixture(scope="session")
def out_templates(out_dir: Path) -> dict[Path, dict[str, Any]]:
    """Every CloudFormation file of the shared out/, parsed once per worker (read-only)."""
    return {p: load_cfn(p) for p in sorted((out_dir / "cloudformation").rglob("*.yaml"))}


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """moto's server, behind the proxy that answers UpdateEndpoint, on this worker's port:
    the endpoint apply uses."""
    port = moto_port()
    log = tmp_path_factory.mktemp("moto") / "server.log"
    server = ROOT / "tests" / "support" / "moto_server.py"
    with open(log, "w") as handle:
        process = subprocess.Popen(
            [sys.executable, str(server), "-H", "127.0.0.1", "-p", str(port)],
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError(f"moto server did not start:\n{log.read_text()}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
