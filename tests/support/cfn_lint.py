"""cfn-lint through its library interface (cfnlint.api, cfnlint.core, cfnlint.decode), with
its rules loaded once per test worker: loading every rule module is most of a call's cost,
so it is done once and the collection passed to each lint, as the interface allows."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any


@functools.cache
def _rules() -> Any:
    # Imported here: cfn-lint is slow to import, and make test-fast never lints.
    from cfnlint.core import get_rules

    return get_rules([], [], [])


def cfn_lint(text: str, regions: Iterable[str] = ("us-east-1",)) -> list[str]:
    """cfn-lint's findings on one template, as the command line prints them."""
    from cfnlint.api import lint

    return [str(m) for m in lint(text, rules=_rules(), regions=sorted(regions))]


def decoded_and_linted(text: str, regions: Iterable[str] = ("us-east-1",)) -> tuple[Any, list[str]]:
    """cfn-lint's reading of one template (plain JSON data, None if unreadable) and its
    findings: one decode serves both."""
    from cfnlint.core import run_checks
    from cfnlint.decode import decode_str

    template, errors = decode_str(text)
    if errors or template is None:
        return None, [str(m) for m in errors]
    plain = json.loads(json.dumps(template))  # before the rules see it
    return plain, [str(m) for m in run_checks("template.yaml", template, _rules(), sorted(regions))]
