"""The console script. A plain `uri NAME --region R [OPTION VALUE ...]` is answered without
loading the command-line framework, which is most of a fresh lookup's time; anything else
(other commands, --json, --catalog, --help, a refusal to explain) goes to the full command
line, which answers and reports exactly as it always does."""

from __future__ import annotations

import os
import sys

# The uri command's options that take a value, and the query field each sets: cli.uri
# declares the same options (a test holds the two equal).
URI_OPTIONS = {
    "--region": "region",
    "--tag": "tag",
    "--scope": "scope",
    "--version": "version",
    "--py-version": "py_version",
    "--instance-type": "instance_type",
    "--processor": "processor",
    "--base-framework-version": "base_framework_version",
}


def plain_uri(argv: list[str]) -> dict[str, str] | None:
    """The query's fields when ARGV is `uri NAME` and distinct OPTION VALUE pairs, --region
    among them; None for anything else."""
    if len(argv) < 4 or len(argv) % 2 or argv[0] != "uri" or argv[1].startswith("-"):
        return None
    fields = {"name": argv[1]}
    for flag, value in zip(argv[2::2], argv[3::2], strict=True):
        field = URI_OPTIONS.get(flag)
        if field is None or field in fields or value.startswith("-"):
            return None
        fields[field] = value
    return fields if "region" in fields else None


def quick_answer(argv: list[str]) -> str | None:
    """The URI a plain lookup prints; None where the full command line must answer."""
    fields = None if "_SAGEMAKER_IAC_COMPLETE" in os.environ else plain_uri(argv)
    if fields is None:
        return None
    from . import api

    try:
        return api.UriQuery(**fields).uri(api.load_catalog(jumpstart=False))
    except Exception:  # a refusal or a bug: the full command line reports either its own way
        return None


def run() -> None:
    answer = quick_answer(sys.argv[1:])
    if answer is not None:
        sys.stdout.write(answer + "\n")
        return
    from .cli import run as full

    full()
