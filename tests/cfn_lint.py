"""cfn-lint in process, with its rules loaded once per test worker.

cfnlint.api.lint() loads every rule module again on each call (about 0.5 s), which was
most of the CloudFormation tests' time; the command line loads them once per run. This
does what the command line does for each template: decode, then run the shared rules.
"""

from __future__ import annotations

import functools
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
    from cfnlint.config import ConfigMixIn
    from cfnlint.decode.decode import decode_str
    from cfnlint.runner import run_template_by_data

    template, errors = decode_str(text)
    if errors:
        return [str(m) for m in errors]
    config = ConfigMixIn(regions=sorted(regions))
    return [str(m) for m in run_template_by_data(template, config, _rules())]
