"""Names the targets derive from catalog text, checked when the catalog loads.

One place for the rule, so the loader refuses what a target could not emit, and the
target derives exactly what the loader checked.
"""

from __future__ import annotations

import re

# Plain scalars that YAML 1.1 (CloudFormation, cfn-lint) reads as booleans or null.
YAML11_WORDS = frozenset(
    "y n yes no on off true false null".split()
    + "Y N Yes No On Off True False Null YES NO ON OFF TRUE FALSE NULL ~".split()
)
# File names Windows reserves (with any extension): an algorithm key names files in out/.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)]
)
# CloudFormation parameter names and logical IDs: alphanumeric, at most 255 characters.
CFN_NAME_LIMIT = 255
_PARTS = re.compile(r"[^A-Za-z0-9]+")


def camel(name: str) -> str:
    """An alphanumeric CamelCase name: every run of other characters starts a new word."""
    return "".join(part[:1].upper() + part[1:] for part in _PARTS.split(name) if part)


# What the CloudFormation training templates call a channel's and a hyperparameter's
# parameters: camel(channel) with this longest affix, and the prefix before camel(name).
CHANNEL_AFFIX = "ContentType"  # {Channel}S3Uri, {Channel}ContentType, Has{Channel}
HYPERPARAMETER_PREFIX = "Hp"


def hyperparameter_parameter(name: str) -> str:
    return HYPERPARAMETER_PREFIX + camel(name)
