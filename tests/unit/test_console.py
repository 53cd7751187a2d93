"""The console script's quick path: a plain `uri` lookup answered without click, equal to
the full command line's answer, and everything else handed to the full command line."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from sagemaker_iac.cli import main
from sagemaker_iac.console import URI_OPTIONS, plain_uri, quick_answer
from support.cli import invoke

LOOKUPS = [
    ["uri", "kmeans", "--region", "us-west-2"],
    ["uri", "kmeans", "--region", "cn-north-1"],
    ["uri", "xgboost", "--region", "eu-west-1", "--tag", "1.7-1"],
    ["uri", "linear-learner", "--region", "us-gov-west-1", "--scope", "inference"],
    ["uri", "pytorch", "--region", "us-west-2", "--version", "2.1", "--scope", "training",
     "--instance-type", "ml.g5.xlarge"],
    ["uri", "tensorflow", "--region", "ap-south-1", "--version", "2.13", "--scope",
     "inference", "--processor", "cpu"],
    ["uri", "xgboost", "--region", "us-east-1", "--version", "1.7-1"],
    ["uri", "huggingface", "--region", "us-east-1", "--version", "4.28", "--scope", "training",
     "--base-framework-version", "pytorch2.0", "--instance-type", "ml.p3.2xlarge"],
]  # fmt: skip

HANDED_ON = [
    ["uri", "kmeans", "--region=us-west-2"],
    ["uri", "kmeans", "--region", "us-west-2", "--json"],
    ["uri", "kmeans", "--region", "us-west-2", "--catalog", "catalog.yaml"],
    ["uri", "kmeans", "--region", "us-west-2", "--region", "eu-west-1"],
    ["uri", "kmeans", "--region", "--tag"],
    ["uri", "kmeans", "--tag", "1"],
    ["uri", "--help"],
    ["uri", "-h", "--region", "us-west-2"],
    ["uri"],
    ["generate", "--out", "out"],
    ["--version"],
    [],
]


def test_the_quick_options_are_the_uri_commands_value_options():
    command = main.commands["uri"]
    declared = {
        flag: param.name
        for param in command.params
        if isinstance(param, click.Option) and not param.is_flag and param.name != "catalog_path"
        for flag in param.opts
    }
    assert URI_OPTIONS == declared


@pytest.mark.parametrize("argv", LOOKUPS, ids=lambda argv: "-".join(argv[1:3]))
def test_a_plain_lookup_answers_as_the_full_command_line(argv):
    full = invoke(argv)
    assert full.exit_code == 0, full.stderr
    assert quick_answer(argv) == full.stdout.strip()
    assert full.stdout.strip().count(".amazonaws.com") == 1


@pytest.mark.parametrize("argv", HANDED_ON, ids=" ".join)
def test_anything_else_goes_to_the_full_command_line(argv):
    assert plain_uri(argv) is None
    assert quick_answer(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["uri", "kmeans", "--region", "xx-nowhere-1"],
        ["uri", "not-an-image", "--region", "us-west-2"],
        ["uri", "kmeans", "--region", "us-west-2", "--scope", "nonsense"],
        ["uri", "pytorch", "--region", "us-west-2", "--tag", "1"],
    ],
)
def test_a_refusal_is_left_to_the_full_command_line_to_explain(argv):
    assert plain_uri(argv) is not None
    assert quick_answer(argv) is None
    assert invoke(argv).exit_code == 2


def test_shell_completion_goes_to_the_full_command_line(monkeypatch):
    argv = ["uri", "kmeans", "--region", "us-west-2"]
    assert quick_answer(argv) is not None
    monkeypatch.setenv("_SAGEMAKER_IAC_COMPLETE", "bash_complete")
    assert quick_answer(argv) is None


def run_console(*argv: str) -> subprocess.CompletedProcess[str]:
    """The console script's function in a fresh interpreter; it reports on stderr's last
    line whether click was imported."""
    code = (
        "import sys\n"
        "from sagemaker_iac.console import run\n"
        f"sys.argv = ['sagemaker-iac', *{list(argv)!r}]\n"
        "try:\n"
        "    run()\n"
        "finally:\n"
        "    print('click' in sys.modules, file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_a_fresh_lookup_never_imports_click():
    done = run_console("uri", "kmeans", "--region", "us-west-2")
    assert done.returncode == 0, done.stderr
    assert done.stdout == invoke(["uri", "kmeans", "--region", "us-west-2"]).stdout
    assert done.stderr.splitlines()[-1] == "False"


@pytest.mark.parametrize(
    ("argv", "code", "stream"),
    [
        (["uri", "kmeans", "--region", "xx-nowhere-1"], 2, "stderr"),
        (["uri", "kmeans", "--region", "us-west-2", "--json"], 0, "stdout"),
        (["uri", "kmeans", "--region=us-west-2"], 0, "stdout"),
        (["--version"], 0, "stdout"),
    ],
)
def test_the_console_script_answers_the_rest_as_the_full_command_line(argv, code, stream):
    done = run_console(*argv)
    full = invoke(argv, prog_name="sagemaker-iac")
    assert done.returncode == full.exit_code == code
    assert done.stderr.splitlines()[-1] == "True"
    assert "Traceback" not in done.stderr
    said = {"stdout": done.stdout, "stderr": "".join(done.stderr.splitlines(True)[:-1])}
    assert said[stream] == getattr(full, stream) != ""
