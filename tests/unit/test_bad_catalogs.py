"""Every bad catalog: exit 2, file:line: key in the message, and out/ untouched."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import FIXTURES, MINIMAL

BAD = sorted((FIXTURES / "catalogs" / "bad").glob("*.yaml"))


def expectations(path: Path) -> dict[str, str]:
    found = dict(re.findall(r"^# expect-([a-z]+): (.*)$", path.read_text(), re.M))
    assert {"line", "key", "message"} <= set(found), f"{path.name} lacks expectations"
    return found


def test_there_are_enough_cases():
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_catalog_is_rejected_and_nothing_is_written(path, tmp_path):
    expected = expectations(path)
    out = tmp_path / "out"
    (out / "terraform").mkdir(parents=True)
    sentinel = out / "terraform" / "keep.tf"
    sentinel.write_text("# the previous output\n")

    result = cli_runner().invoke(main, ["generate", "--catalog", str(path), "--out", str(out)])

    assert result.exit_code == 2, result.output
    assert f"{path}:{expected['line']}: {expected['key']}: " in result.stderr
    assert expected["message"] in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "out",
        "out/terraform",
        "out/terraform/keep.tf",
    ]
    assert sentinel.read_text() == "# the previous output\n"


def test_missing_catalog_file_is_a_user_error(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = cli_runner().invoke(
        main, ["generate", "--catalog", str(missing), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert str(missing) in result.stderr and "cannot read catalog" in result.stderr
    assert not (tmp_path / "out").exists()


HEADER = "schema_version: 1\n"
HOSTILE = {
    "recursive-mapping": HEADER + "sources: &a {x: *a}\n",
    "recursive-list": HEADER + "sources: &a [*a]\n",
    "deep-lists": HEADER + "sources: " + "[" * 600 + "]" * 600 + "\n",
    # 26 KB would be enough; 7 levels of 10 aliases are 10,000,000 values.
    "alias-bomb": HEADER
    + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 8)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_refused_with_a_line_and_bounded_work(name, tmp_path):
    path = tmp_path / f"{name}.yaml"
    path.write_text(HOSTILE[name])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sagemaker_iac.cli",
            "generate",
            "--catalog",
            str(path),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert re.match(rf"error: {re.escape(str(path))}:\d+: ", result.stderr), result.stderr
    assert "nested more than 32 levels" in result.stderr or "1,000,000 values" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_a_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "catalog.yaml"
    os.mkfifo(fifo)
    result = cli_runner().invoke(
        main, ["uri", "kmeans", "--region", "us-east-1", "--catalog", str(fifo)]
    )
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_a_bug_exits_3_never_1(tmp_path):
    crash = (
        "import sagemaker_iac.cli as cli\n"
        "def boom():\n"
        "    raise RuntimeError('boom')\n"
        "cli.main = boom\n"
        "cli.run()\n"
    )
    result = subprocess.run([sys.executable, "-c", crash], capture_output=True, text=True)
    assert result.returncode == 3
    assert "RuntimeError: boom" in result.stderr and "internal error" in result.stderr


def _bytes_cases() -> dict[str, tuple[bytes, str]]:
    text = MINIMAL.read_text()
    line = text.splitlines().index("    name: k-means") + 1
    return {
        "latin-1": (
            text.replace("k-means", "k-möans").encode("latin-1"),
            f":{line}: <document>: column 14: byte 0xf6 is not UTF-8",
        ),
        "utf-16": (text.encode("utf-16"), ":1: <document>: column 1: byte 0xff is not UTF-8"),
        "nul": (
            text.replace("k-means", "k-\x00means").encode(),
            f":{line}: <document>: column 13: a NUL character",
        ),
        "newline-and-rtl-key": (
            text.replace("  kmeans:\n", '  "km\\neans\\u200f":\n').encode(),
            ": algorithms.km\\u000aeans\\u200f: ",
        ),
        "long-key": (
            text.replace("  kmeans:\n", "  " + "k" * 300 + ":\n").encode(),
            "...(300 characters): too long: 300 characters, at most 63",
        ),
        "huge-value": (
            text.replace("name: k-means", 'name: "' + "x" * 5_000_000 + '"').encode(),
            ": algorithms.kmeans.name: too long: 5000000 characters, at most 256",
        ),
    }


@pytest.mark.parametrize("name", sorted(_bytes_cases()))
def test_every_refusal_has_a_line_and_one_short_line(name, tmp_path):
    raw, expected = _bytes_cases()[name]
    path = tmp_path / "catalog.yaml"
    path.write_bytes(raw)
    result = cli_runner().invoke(
        main, ["generate", "--catalog", str(path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:") and expected in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 400


def _framework_catalog(tmp_path: Path, change) -> Path:
    """The built-in catalog's algorithms and one framework (PyTorch), CHANGE applied to
    the first image entry of its training 2.1.0, written as a catalog file."""
    from sagemaker_iac.api import dump, load_catalog

    catalog = load_catalog()
    rules = catalog.image_rules._replace(neuron_frameworks=())  # no *-neuron images kept
    kept = {"pytorch": catalog.images["pytorch"]}
    text = dump(catalog._replace(images=kept, image_rules=rules, jumpstart=None))
    data = yaml.safe_load(text)
    entry = data["images"]["pytorch"]["configs"]["training"]["versions"]["2.1.0"]
    change(entry)
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.mark.parametrize(
    ("change", "key", "limit"),
    [
        (
            lambda e: e.setdefault("container_version", {}).update(gpu="c" * 20_000),
            "container_version",
            128,
        ),
        (lambda e: e.update(tag_prefix="t" * 400_000), "tag_prefix", 128),
        (lambda e: e.update(repository="r" * 400_000), "repository", 256),
        (lambda e: e["py_versions"].append("p" * 4_000_000), "py_versions", 32),
    ],
    ids=["container_version-20KB", "tag_prefix-400KB", "repository-400KB", "py_version-4MB"],
)
def test_an_oversized_framework_field_is_one_located_refusal(tmp_path, change, key, limit):
    path = _framework_catalog(tmp_path, change)
    out = tmp_path / "out"
    result = cli_runner().invoke(main, ["generate", "--catalog", str(path), "--out", str(out)])
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    located = rf"^error: {re.escape(str(path))}:\d+: images\.pytorch\.configs\.training\."
    assert re.match(rf"{located}versions\.2\.1\.0\.{key}", lines[0]), lines
    assert f"at most {limit}" in lines[0]
    assert not out.exists()


def test_a_version_too_large_for_one_template_is_refused_not_split_to_nothing(monkeypatch):
    """Splitting by versions stops at one version: one that alone passes the inline limit
    is an OutputLimitError naming it (generate: exit 2), never an empty template."""
    from sagemaker_iac.api import OutputLimitError, load_catalog
    from sagemaker_iac.targets.cloudformation import _frameworks

    catalog = load_catalog()
    catalog = catalog._replace(images={"pytorch": catalog.images["pytorch"]})
    monkeypatch.setattr(_frameworks, "MAX_INLINE_BODY", 2_000)  # below any one version
    with pytest.raises(OutputLimitError, match=r"images: pytorch: \w+ version \S+ alone makes"):
        _frameworks.render_frameworks(catalog)


def test_a_file_past_the_size_limit_is_refused_naming_it(tmp_path, monkeypatch):
    """No catalog the schema admits comes near 50 MiB in one file; with the limit lowered,
    generate refuses (exit 2) naming the catalog and the file, and writes nothing."""
    from sagemaker_iac import build

    monkeypatch.setattr(build, "MAX_FILE_BYTES", 19_000)  # below two of whole.yaml's files
    out = tmp_path / "out"
    whole = FIXTURES / "catalogs" / "good" / "whole.yaml"
    result = cli_runner().invoke(main, ["generate", "--catalog", str(whole), "--out", str(out)])
    assert result.exit_code == 2, result.stderr
    shown = rf"error: {re.escape(str(whole))}: out/\S+ would be \d+ bytes; at most 19000\n"
    assert re.fullmatch(shown, result.stderr), result.stderr
    assert not out.exists()


def _walk(node: object, path: str = "") -> list[tuple[str, dict]]:
    """Every subschema of the catalog's schema, with where it is."""
    found = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _walk(value, f"{path}/{index}")
    return found


def test_every_string_and_key_in_the_schema_has_a_length_bound():
    """Names become file names, mapping keys and template bytes: no string value and no
    key of an open mapping may be unbounded."""
    from sagemaker_iac.catalog.resources import schema

    defs = schema()["$defs"]

    def bounded(node: dict) -> bool:
        if "$ref" in node:
            return bounded(defs[node["$ref"].rsplit("/", 1)[1]])
        if "anyOf" in node:
            return all(bounded(n) for n in node["anyOf"] if n.get("type") != "null")
        return "maxLength" in node or "enum" in node or "const" in node

    found = _walk(schema())
    strings = [(p, n) for p, n in found if n.get("type") in ("string", ["string", "null"])]
    unbounded = [p for p, n in strings if not bounded(n)]
    open_keys = [
        p
        for p, n in found
        if isinstance(n.get("additionalProperties"), dict)
        and not bounded(n.get("propertyNames", {}))
    ]
    assert len(strings) > 20
    assert unbounded == [] and open_keys == []
