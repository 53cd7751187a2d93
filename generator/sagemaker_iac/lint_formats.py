"""`lint`'s findings as text, SARIF 2.1.0 (code scanning) or GitHub workflow commands."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import __version__
from .lint import RULES, UNREADABLE, Finding, Scanned

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# The base that relative artifact URIs hang from: the folder lint ran in.
SRCROOT = "SRCROOT"
# A fingerprint's name says what it hashes, and its version changes if that does.
FINGERPRINT = "sagemakerIacFinding/v1"


def render(scanned: Scanned, fmt: str, cwd: Path | None = None) -> str:
    """The findings (and unreadable files) in FMT, relative paths against CWD."""
    if fmt == "sarif":
        return json.dumps(sarif(scanned, cwd or Path.cwd()), indent=2) + "\n"
    if fmt == "github":
        found = [*scanned.findings, *scanned.unreadable]
        return "".join(github(f, cwd or Path.cwd()) + "\n" for f in found)
    return "".join(f"{f}\n" for f in scanned.findings)


def _parts(path: str, cwd: Path) -> tuple[str, ...] | None:
    """PATH's parts relative to CWD, or None where it is not under CWD."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(cwd)).parts
    except ValueError:
        return None


def _relative(path: str, cwd: Path) -> tuple[str, bool]:
    """PATH as a URI reference: relative (POSIX, percent-encoded) when under CWD, else an
    absolute file URI; and whether it is relative."""
    parts = _parts(path, cwd)
    if parts is None:
        return Path(os.path.abspath(path)).as_uri(), False
    return "/".join(quote(part) for part in parts), True


def _location(finding: Finding, cwd: Path) -> dict[str, Any]:
    uri, relative = _relative(finding.path, cwd)
    artifact: dict[str, Any] = {"uri": uri, **({"uriBaseId": SRCROOT} if relative else {})}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if finding.line:
        region: dict[str, Any] = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
            if finding.uri:
                region["endColumn"] = finding.column + len(finding.uri)
        physical["region"] = region
    return {"physicalLocation": physical}


def fingerprints(findings: Iterable[Finding], cwd: Path) -> list[str]:
    """A digest of each finding's rule, file and URI (and which of equal ones it is), not
    its line: a finding keeps its fingerprint when lines are added above it."""
    seen: dict[tuple[str, str, str], int] = {}
    digests = []
    for finding in findings:
        key = (finding.rule, _relative(finding.path, cwd)[0], finding.uri)
        seen[key] = seen.get(key, -1) + 1
        text = "\0".join([*key, str(seen[key])])
        digests.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return digests


def sarif(scanned: Scanned, cwd: Path) -> dict[str, Any]:
    """One SARIF 2.1.0 log of one run: every rule, every finding as a result, and each
    unreadable file as a notification of a run that did not check everything."""
    ids = [rule for rule in RULES if rule != UNREADABLE]
    rules = [
        {
            "id": rule,
            "name": RULES[rule].name,
            "shortDescription": {"text": RULES[rule].summary},
            "fullDescription": {"text": RULES[rule].help},
            "help": {"text": RULES[rule].help},
            "defaultConfiguration": {"level": RULES[rule].level},
        }
        for rule in ids
    ]
    results = [
        {
            "ruleId": finding.rule,
            "ruleIndex": ids.index(finding.rule),
            "level": RULES[finding.rule].level,
            "message": {"text": finding.message},
            "locations": [_location(finding, cwd)],
            "partialFingerprints": {FINGERPRINT: digest},
        }
        for finding, digest in zip(
            scanned.findings, fingerprints(scanned.findings, cwd), strict=True
        )
    ]
    notifications = [
        {
            "descriptor": {"id": u.rule},
            "level": "error",
            "message": {"text": u.message},
            "locations": [_location(u, cwd)],
        }
        for u in scanned.unreadable
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sagemaker-iac",
                        "semanticVersion": __version__,
                        "rules": rules,
                        "notifications": [
                            {
                                "id": UNREADABLE,
                                "name": RULES[UNREADABLE].name,
                                "shortDescription": {"text": RULES[UNREADABLE].summary},
                                "defaultConfiguration": {"level": RULES[UNREADABLE].level},
                            }
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not scanned.unreadable,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _escape(text: str, property_value: bool = False) -> str:
    """A workflow command's data (or a property's value, which also escapes : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(finding: Finding, cwd: Path) -> str:
    """One finding as a GitHub Actions annotation (::error or ::warning), its file
    relative to CWD (the workspace) where it is under it."""
    parts = _parts(finding.path, cwd)
    properties = {"file": "/".join(parts) if parts else os.path.abspath(finding.path)}
    if finding.line:
        properties["line"] = str(finding.line)
        if finding.column:
            properties["col"] = str(finding.column)
            if finding.uri:
                properties["endColumn"] = str(finding.column + len(finding.uri))
    properties["title"] = f"{finding.rule} {RULES[finding.rule].summary}"
    joined = ",".join(f"{key}={_escape(value, True)}" for key, value in properties.items())
    return f"::{RULES[finding.rule].level} {joined}::{_escape(finding.message)}"
