"""cfn-lint in process, with its rules loaded once per test worker.

cfnlint.api.lint() loads every rule module again on each call (about 0.5 s), which was
most of the CloudFormation tests' time; the command line loads them once per run. This
does what the command line does for each template: decode, then run the shared rules.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any


@functools.cache
def _rules() -> Any:
    # Imported here: cfn-lint (and sympy under it) takes a second to import, which
    # every test worker would pay while collecting, make test-fast too.
    from cfnlint.config import ConfigMixIn
    from cfnlint.runner import Runner

    return Runner(ConfigMixIn(regions=["us-east-1"])).rules


def cfn_lint(text: str, regions: Iterable[str] = ("us-east-1",)) -> list[str]:
    """cfn-lint's findings on one template, as the command line prints them."""
    return decoded_and_linted(text, regions)[1]


def decoded_and_linted(text: str, regions: Iterable[str] = ("us-east-1",)) -> tuple[Any, list[str]]:
    """cfn-lint's reading of one template (plain JSON data, None if unreadable) and its
    findings: one decode serves the tests that compare readers and the lint."""
    from cfnlint.config import ConfigMixIn
    from cfnlint.decode.decode import decode_str
    from cfnlint.runner import run_template_by_data

    template, errors = decode_str(text)
    if errors:
        return None, [str(m) for m in errors]
    plain = json.loads(json.dumps(template))  # before the rules see it
    config = ConfigMixIn(regions=sorted(regions))
    return plain, [str(m) for m in run_template_by_data(template, config, _rules())]
