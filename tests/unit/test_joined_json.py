"""The pipeline definition's JSON, built as data: every combination of its conditions
joins to the JSON that json.dumps writes of the same data with those members present."""

from __future__ import annotations

import itertools
import json

import pytest

from sagemaker_iac.targets.cloudformation._joined_json import (
    Concat,
    Literal,
    Raw,
    Spliced,
    When,
    parts,
)

DOCUMENT = {
    "Image": Concat(("", Raw("!FindInMap [A, B, C]"), ".dkr/", ":${Tag}")),
    "Count": Literal("${Count}"),
    "Empty": {},
    "Hp": {"a": "1", "(extra)": When("HasExtra", Spliced('"b":"2"'))},
    "Only": {"(extra)": When("HasExtra", Spliced('"b":"2"'))},
    "Channels": [
        {"Name": "train", "Type": When("TrainType", 'x"y')},
        When("HasTest", {"Name": "test", "Type": When("TestType", "z")}),
    ],
}
CONDITIONS = ("HasExtra", "TrainType", "HasTest", "TestType")


def joined(found, holds, raw="123", substitutions=None):
    text = ""
    for part in found:
        if part[0] == "raw":
            text += raw
        elif part[0] == "if":
            text += part[2] if part[1] in holds else ""
        else:
            text += part[1]
    for name, value in (substitutions or {"${Tag}": "t", "${Count}": "2"}).items():
        text = text.replace(name, value)
    return text


# TestType implies HasTest, as the template's !And makes it.
COMBINATIONS = [
    set(c)
    for n in range(len(CONDITIONS) + 1)
    for c in itertools.combinations(CONDITIONS, n)
    if "TestType" not in c or "HasTest" in c
]


@pytest.mark.parametrize("holds", COMBINATIONS)
def test_every_combination_joins_to_valid_json(holds):
    decoded = json.loads(joined(parts(DOCUMENT), holds))
    assert decoded["Image"] == "123.dkr/:t" and decoded["Count"] == 2 and decoded["Empty"] == {}
    extra = {"b": "2"} if "HasExtra" in holds else {}
    assert decoded["Hp"] == {"a": "1", **extra} and decoded["Only"] == extra
    train = {"Name": "train", **({"Type": 'x"y'} if "TrainType" in holds else {})}
    test = {"Name": "test", **({"Type": "z"} if "TestType" in holds else {})}
    assert decoded["Channels"] == [train, *([test] if "HasTest" in holds else [])]


def test_adjacent_text_and_same_condition_parts_are_one_part():
    found = parts({"a": When("C", {"b": "1", "c": "2"})})
    assert found == [("text", "{"), ("if", "C", '"a":{"b":"1","c":"2"}'), ("text", "}")]


def test_a_member_after_only_conditional_members_is_refused():
    with pytest.raises(ValueError, match="only conditional"):
        parts({"a": When("C", "1"), "b": "2"})


def test_a_mapped_value_under_a_condition_is_refused():
    with pytest.raises(ValueError, match="mapped value"):
        parts({"a": When("C", Concat((Raw("!Ref X"),)))})
