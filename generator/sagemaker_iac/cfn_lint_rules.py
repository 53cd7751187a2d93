"""cfn-lint rules for image URIs the catalog contradicts, for `cfn-lint -a
sagemaker_iac.cfn_lint_rules`: the findings of `sagemaker-iac lint` in SageMaker resources,
checked for each region cfn-lint lints for (`--regions`).

Imported by cfn-lint only; cfn-lint is not a dependency of sagemaker-iac.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cfnlint.rules import CloudFormationLintRule, RuleMatch

from . import lint
from .catalog import load_catalog

# Stand-ins a template uses for the stack's region and its partition's DNS suffix.
REGION, URL_SUFFIX = "${AWS::Region}", "${AWS::URLSuffix}"
_CHECKER: list[lint.UriChecker] = []
_LAST: list[tuple[Any, list[tuple[list[Any], str, str]]]] = []  # the last template's


def _checker() -> lint.UriChecker:
    if not _CHECKER:
        _CHECKER.append(lint.UriChecker(load_catalog(jumpstart=False)))
    return _CHECKER[0]


def _strings(value: Any, path: list[Any]) -> Iterator[tuple[list[Any], str]]:
    """Every string in a property value, with its path; Fn::Sub's template among them."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, [*path, index])


def findings(cfn: Any) -> list[tuple[list[Any], str, str]]:
    """(path, lint rule, message) of each image URI finding in the template's SageMaker
    resources, found once for all the rules. A URI with the stack's region is checked in
    each region linted for."""
    if _LAST and _LAST[0][0] is cfn:
        return _LAST[0][1]
    checker = _checker()
    found: list[tuple[list[Any], str, str]] = []
    for name, resource in cfn.get_resources().items():
        if not str(resource.get("Type", "")).startswith("AWS::SageMaker::"):
            continue
        for path, text in _strings(
            resource.get("Properties", {}), ["Resources", name, "Properties"]
        ):
            if REGION not in text:
                found += [
                    (path, rule, message) for rule, message in checker.check(text, "cloudformation")
                ]
                continue
            for region in cfn.regions:
                suffix = (
                    checker.catalog.dns_suffix(region) if region in checker.catalog.regions else ""
                )
                text_in = text.replace(REGION, region).replace(URL_SUFFIX, suffix)
                found += [
                    (path, rule, f"in {region}: {message}")
                    for rule, message in checker.check(text_in, "other")
                ]
    _LAST[:] = [(cfn, found)]
    return found


class _Findings:
    """One kind of `lint` finding as a cfn-lint rule (mixed into each rule class; not a
    rule itself, so cfn-lint does not load it as one)."""

    finding = ""
    tags: ClassVar[list[str]] = ["resources", "sagemaker", "image"]

    def match(self, cfn: Any) -> list[RuleMatch]:
        return [
            RuleMatch(path, message)
            for path, rule, message in findings(cfn)
            if rule == self.finding
        ]


class WrongAccount(_Findings, CloudFormationLintRule):
    id = "E9101"
    shortdesc = lint.RULES[lint.WRONG_ACCOUNT].summary
    description = "The account is not the catalog's registry of this image in the region."
    finding = lint.WRONG_ACCOUNT


class WrongSuffix(_Findings, CloudFormationLintRule):
    id = "E9102"
    shortdesc = lint.RULES[lint.WRONG_SUFFIX].summary
    description = "The DNS suffix is not the region's partition's."
    finding = lint.WRONG_SUFFIX


class UnpublishedTag(_Findings, CloudFormationLintRule):
    id = "E9103"
    shortdesc = lint.RULES[lint.UNPUBLISHED_TAG].summary
    description = "The tag is not one the catalog publishes for this algorithm's image."
    finding = lint.UNPUBLISHED_TAG


class NotPublished(_Findings, CloudFormationLintRule):
    id = "E9105"
    shortdesc = lint.RULES[lint.NOT_PUBLISHED].summary
    description = "The catalog publishes this image in other regions only."
    finding = lint.NOT_PUBLISHED


class HardCodedRegion(_Findings, CloudFormationLintRule):
    id = "W9104"
    shortdesc = lint.RULES[lint.HARD_CODED_REGION].summary
    description = "Use ${AWS::Region} and ${AWS::URLSuffix}, or the catalog's Mappings."
    finding = lint.HARD_CODED_REGION


class FixedAccountVariableRegion(_Findings, CloudFormationLintRule):
    id = "W9106"
    shortdesc = lint.RULES[lint.ACCOUNT_WITH_VARIABLE_REGION].summary
    description = "The region varies by something other than AWS::Region; the account does not."
    finding = lint.ACCOUNT_WITH_VARIABLE_REGION
