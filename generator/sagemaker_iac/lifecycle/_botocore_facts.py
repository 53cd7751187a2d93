"""AWS facts from botocore (partitions, SageMaker's instance types), for the importers."""

from __future__ import annotations

import re
from functools import cache

from ..errors import UserError


@cache
def _partitions() -> list[dict]:
    try:
        import botocore.loaders
    except ImportError:  # pragma: no cover - botocore comes with the import extra
        raise UserError("importing needs botocore: pip install 'sagemaker-iac[import]'") from None
    return botocore.loaders.Loader().load_data("partitions")["partitions"]


def partition_of(region: str) -> tuple[str, str]:
    """(partition, DNS suffix) of a region, known or matching a partition's pattern."""
    for partition in _partitions():
        if region in partition["regions"]:
            return partition["id"], partition["outputs"]["dnsSuffix"]
    for partition in _partitions():
        if re.match(partition["regionRegex"], region):
            return partition["id"], partition["outputs"]["dnsSuffix"]
    raise UserError(f"botocore knows no partition for region {region!r}")


def training_instance_types() -> tuple[str, ...]:
    """Every instance type SageMaker's CreateTrainingJob accepts, sorted."""
    _partitions()  # the same clear error where botocore is missing
    import botocore.session

    model = botocore.session.get_session().get_service_model("sagemaker")
    return tuple(sorted(model.shape_for("TrainingInstanceType").enum))
