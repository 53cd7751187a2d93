"""Stage 1, YAML -> validated model: model (the facts), load and validate (the gate), serialize."""

from ._model import (
    SCOPES,
    Algorithm,
    Catalog,
    Image,
    ImageFamily,
    ImageRules,
    InstanceClass,
    JumpStart,
    JumpStartImage,
    JumpStartRelease,
    Partition,
    RegistryGroup,
    Release,
    Scope,
    Source,
)
from .load import compile_builtin, load_catalog, parse_catalog
from .resources import builtin_path, known_partitions

__all__ = [
    "SCOPES",
    "Algorithm",
    "Catalog",
    "Image",
    "ImageFamily",
    "ImageRules",
    "InstanceClass",
    "JumpStart",
    "JumpStartImage",
    "JumpStartRelease",
    "Partition",
    "RegistryGroup",
    "Release",
    "Scope",
    "Source",
    "builtin_path",
    "compile_builtin",
    "known_partitions",
    "load_catalog",
    "parse_catalog",
]
