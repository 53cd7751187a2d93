"""Quoting filters, proved against real parsers (python-hcl2, PyYAML, Terraform, CommonMark)."""

from __future__ import annotations

import base64
import html
import json
import os
import subprocess
import unicodedata

import hcl2
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sagemaker_iac.targets import _jinja as render
from support.readers import HCL_OPTIONS
from support.terraform import TERRAFORM, TERRAFORM_MARKS, TF_1_0_GO

TRICKY = [
    "${var.x}",
    "%{ if true }x%{ endif }",
    '"quoted"',
    "back\\slash",
    "new\nline",
    "tab\there",
    "$${already}",
    "%%{already}",
    "\u00e9t\u00e9 \u2603",
    "$",
    "%",
    "{}",
    "a\u2028b",
    "nul\x00byte",
    "bell\x07",
    "del\x7f",
]
texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


def hcl_value(literal: str) -> str:
    body = f"locals {{\n  v = {literal}\n}}\n"
    value = hcl2.loads(body, serialization_options=HCL_OPTIONS)["locals"][0]["v"]
    # python-hcl2 decodes escapes but keeps the doubled template markers as written.
    return value.replace("$${", "${").replace("%%{", "%{")


@given(texts.filter(lambda t: "${" not in t and "%{" not in t))
@settings(max_examples=300, deadline=None)
def test_hcl_string_round_trips_through_python_hcl2(text):
    # python-hcl2 8.1 cannot lex an escaped $${ or %%{ unless a } follows later in the
    # string; Terraform itself reads them (next tests), so they are checked there.
    assert hcl_value(render.hcl_string(text)) == text


@given(texts)
@settings(max_examples=300, deadline=None)
def test_yaml_string_round_trips_through_pyyaml(text):
    assert yaml.safe_load(f"v: {render.yaml_string(text)}\n")["v"] == text


def terraform_reads(tmp_path, values: list[str]) -> list[str]:
    """What Terraform makes of a list of rendered HCL strings."""
    (tmp_path / "main.tf").write_text(
        "locals {\n  v = [\n"
        + "".join(f"    {render.hcl_string(t)},\n" for t in values)
        + "  ]\n}\n"
    )
    out = subprocess.run(
        [str(TERRAFORM), "console"],
        input="base64encode(jsonencode(local.v))\n",
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CHECKPOINT_DISABLE": "1", **TF_1_0_GO},
    )
    assert out.returncode == 0, out.stderr
    # base64 keeps the console's own escaping of unprintable characters out of the way.
    return json.loads(base64.b64decode(json.loads(out.stdout.strip())))


def needs_terraform(test):
    for mark in TERRAFORM_MARKS:
        test = mark(test)
    return test


@needs_terraform
def test_hcl_string_means_the_same_to_terraform(tmp_path):
    assert terraform_reads(tmp_path, TRICKY) == TRICKY


# Terraform normalizes strings to NFC (hypothesis found U+F9xx ideographs changing), so only
# NFC text can round-trip; the catalog loader refuses any other.
nfc_texts = texts.filter(lambda t: unicodedata.normalize("NFC", t) == t)


@needs_terraform
@given(st.lists(nfc_texts, min_size=1, max_size=25))
@settings(max_examples=25, deadline=None)
def test_hcl_string_round_trips_through_terraform(tmp_path_factory, values):
    assert terraform_reads(tmp_path_factory.mktemp("hcl"), values) == values


def test_aligned_pads_keys_to_one_column():
    rows = render.aligned([("a", 1), ("long-key", 2)])
    assert [k for k, _ in rows] == ['"a"       ', '"long-key"']


@pytest.mark.parametrize(
    "text",
    ["a | b", "--> <!-- hidden", "[x](javascript:alert(1))", "train_lst, *b*", "`code` ~~x~~"],
)
def test_markdown_cells_show_text_as_written(text):
    """Rendered by a CommonMark+GFM parser, a cell holds exactly the text, as one cell."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    page = parser.render(f"| h |\n|---|\n| {render.markdown(text)} |\n")
    assert page.count("<td>") == 1
    cell = page.split("<td>")[1].split("</td>")[0]
    assert "<a " not in cell and "<em>" not in cell and "<code>" not in cell
    assert "<s>" not in cell and "<!--" not in page
    assert html.unescape(cell) == text
