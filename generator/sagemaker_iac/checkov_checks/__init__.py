"""checkov checks for image URIs the catalog contradicts: the findings of `sagemaker-iac
lint` in Terraform and CloudFormation SageMaker resources, for `checkov
--external-checks-dir "$(sagemaker-iac checkov-dir)"`.

checkov imports each other file of this folder as a check module; this one holds what
they share, and imports checkov only when a check module asks for its checks (checkov is
not a dependency of sagemaker-iac).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import lint
from ..catalog import load_catalog

FOLDER = Path(__file__).resolve().parent
# One checkov check per `lint` rule; checkov's ids for custom checks are CKV_<NAME>_<N>.
CHECK_IDS = {
    lint.WRONG_ACCOUNT: "CKV_SMI_1",
    lint.WRONG_SUFFIX: "CKV_SMI_2",
    lint.UNPUBLISHED_TAG: "CKV_SMI_3",
    lint.HARD_CODED_REGION: "CKV_SMI_4",
    lint.NOT_PUBLISHED: "CKV_SMI_5",
    lint.ACCOUNT_WITH_VARIABLE_REGION: "CKV_SMI_6",
}
# The resources whose strings are checked, as checkov's wildcard patterns.
RESOURCES = {
    "terraform": ["aws_sagemaker_*", "awscc_sagemaker_*"],
    "cloudformation": ["AWS::SageMaker::*"],
}
_CHECKER: list[lint.UriChecker] = []
# The last resource's answer: checkov runs every check on one resource in turn.
_LAST: list[tuple[Any, tuple[bool, list[tuple[str, str]]]]] = []


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def findings(conf: Any, kind: str) -> tuple[bool, list[tuple[str, str]]]:
    """Whether one resource's configuration holds a catalog image URI, and (rule,
    message) of each finding in its strings as `lint` reports them in a file of KIND
    (terraform or cloudformation)."""
    if _LAST and _LAST[0][0] is conf:
        return _LAST[0][1]
    if not _CHECKER:
        _CHECKER.append(lint.UriChecker(load_catalog(jumpstart=False)))
    checker = _CHECKER[0]
    matches = [match for text in _strings(conf) for match in checker.uris(text)]
    found = [f for match in matches for f in checker.findings(match.groupdict(), kind)]
    _LAST[:] = [(conf, (bool(matches), found))]
    return bool(matches), found


def checks(base: type, kind: str) -> list[Any]:
    """One check per rule, of checkov's resource check class BASE for KIND; creating a
    check registers it with checkov."""
    from checkov.common.models.enums import CheckCategories, CheckResult

    class ImageUriCheck(base):
        def __init__(self, rule: str) -> None:
            self.rule = rule
            super().__init__(
                name=lint.RULES[rule].summary,
                id=CHECK_IDS[rule],
                categories=[CheckCategories.SUPPLY_CHAIN],
                supported_resources=RESOURCES[kind],
            )

        def scan_resource_conf(self, conf: dict[str, Any]) -> Any:
            self.evaluated_keys: list[str] = []
            known, found = findings(conf, kind)
            self.details = [message for rule, message in found if rule == self.rule]
            if self.details:
                return CheckResult.FAILED
            # A resource without a catalog image has nothing this check could pass.
            return CheckResult.PASSED if known else CheckResult.UNKNOWN

    return [ImageUriCheck(rule) for rule in CHECK_IDS]
