"""The CLI run in process, with stdout and stderr kept apart on every click the project
allows (click 8.2 always keeps them apart; 8.1 does when asked)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from click.testing import CliRunner, Result

from sagemaker_iac.cli import main


def cli_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click 8.2 dropped the argument: stderr is always apart
        return CliRunner()


def invoke(args: Sequence[str], **kwargs: Any) -> Result:
    """`sagemaker-iac ARGS` in this process."""
    return cli_runner().invoke(main, list(args), **kwargs)
