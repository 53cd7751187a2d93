"""What both targets enforce on their inputs, stated once.

Terraform's validations and CloudFormation's AllowedPattern and ConstraintDescription
are emitted from these values, so a URI one target accepts the other accepts too. Each
pattern is one that RE2 (Terraform) and Java (CloudFormation) read alike.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..catalog import Algorithm, Catalog
from ..catalog.resources import schema


class Constraint(NamedTuple):
    pattern: str
    says: str  # what is allowed, as the messages and ConstraintDescription put it

    def optional(self, empty: str = "empty") -> Constraint:
        """The same, or the empty string (CloudFormation's stand-in for unset)."""
        return Constraint(f"^({self.pattern[1:-1]})?$", f"{self.says}, or {empty}")


def sagemaker_name(limit: int, what: str) -> Constraint:
    """A SageMaker resource name as CreateX validates it: letters, digits, inner hyphens."""
    article = "an" if what[0] in "aeiou" else "a"
    return Constraint(
        f"^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,{limit - 1}}}$",
        f"1-{limit} letters, digits and hyphens, starting and ending with a letter or digit "
        f"(SageMaker's limit for {article} {what})",
    )


ROLE_ARN = Constraint(
    "^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", "an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME"
)
# A bucket and an optional key. Quotes and backslashes are refused: CloudFormation's
# training templates place the URI inside a JSON document.
S3_URI = Constraint(
    r'^s3://[^/"\\]+(/[^"\\]*)?$', "an s3://bucket/prefix URI without quotes or backslashes"
)
S3_OBJECT = Constraint(
    r'^s3://[^/"\\]+/[^"\\]+$', "an s3://bucket/key URI of an object, such as model.tar.gz"
)
KMS_KEY_ARN = Constraint(
    "^arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+$",
    "a KMS key or alias ARN",
)

SNS_TOPIC_ARN = Constraint(
    r"^arn:aws[a-zA-Z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", "an SNS topic ARN"
)

# The memory sizes a serverless endpoint may have (CreateEndpointConfig's ServerlessConfig).
SERVERLESS_MEMORY = (1024, 2048, 3072, 4096, 5120, 6144)

HOSTING_INSTANCE_TYPE = Constraint(
    r"^ml\.[a-z0-9]+\.[a-z0-9]+$", "an ml. instance type such as ml.m5.large"
)


@cache
def region() -> Constraint:
    """The catalog schema's own region pattern: what a catalog may list, a stack may use."""
    return Constraint(
        schema()["$defs"]["region"]["pattern"], "an AWS region name such as us-east-1"
    )


def single_instance(algorithm: Algorithm) -> bool:
    """True when no processor the algorithm trains on allows more than one instance."""
    limited = set(algorithm.instance.single_instance)
    return not algorithm.parallelizable or limited >= set(algorithm.instance.processors)


def instance_families(catalog: Catalog, algorithm: Algorithm) -> list[str]:
    """The instance families of the processors the algorithm trains on, sorted."""
    return sorted(
        f for f, p in catalog.instance_families.items() if p in algorithm.instance.processors
    )
