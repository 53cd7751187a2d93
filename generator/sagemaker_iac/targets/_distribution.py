"""The hyperparameters the SageMaker Python SDK's framework estimators add for a
distribution strategy: both targets render them from this one table."""

from __future__ import annotations

from typing import NamedTuple


class Setting(NamedTuple):
    """One hyperparameter: the strategies that set it, and its value: "true" (a flag) or
    the JSON encoding of a training input (INPUT, named as the Terraform modules name it),
    which OPTIONAL leaves out when not given."""

    name: str
    strategies: tuple[str, ...]
    input: str | None = None
    number: bool = False
    optional: bool = False


TORCH = "torch_distributed"
DATA_PARALLEL = "smdistributed_dataparallel"
MPI = "mpi"
PARAMETER_SERVER = "parameter_server"

SETTINGS = (
    Setting("sagemaker_torch_distributed_enabled", (TORCH,)),
    Setting("sagemaker_distributed_dataparallel_enabled", (DATA_PARALLEL,)),
    Setting(
        "sagemaker_distributed_dataparallel_custom_mpi_options",
        (DATA_PARALLEL,),
        "custom_mpi_options",
    ),
    Setting("sagemaker_instance_type", (TORCH, DATA_PARALLEL), "instance_type"),
    Setting("sagemaker_mpi_enabled", (MPI,)),
    Setting(
        "sagemaker_mpi_num_of_processes_per_host",
        (MPI,),
        "mpi_processes_per_host",
        number=True,
        optional=True,
    ),
    Setting("sagemaker_mpi_custom_mpi_options", (MPI,), "custom_mpi_options"),
    Setting("sagemaker_parameter_server_enabled", (PARAMETER_SERVER,)),
)
