"""Catalog file -> Catalog: the built-in one from its compiled form where the build made a
current one, any other (or the built-in one without it) validated."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from ..errors import CatalogError
from ._model import (
    Algorithm,
    Catalog,
    Image,
    ImageFamily,
    ImageRules,
    InstanceClass,
    Partition,
    RegistryGroup,
    Source,
)
from .resources import (
    COMPILED_DIR,
    DATA,
    PARTITIONS,
    SCHEMA,
    builtin_path,
    dependency_versions,
    new_digest,
)

# The validated built-in catalog, as the build compiles it into COMPILED_DIR.
COMPILED_CATALOG = "catalog.json"
# What validation reads beside the catalog's own bytes.
_VALIDATION_INPUTS = (DATA / SCHEMA, DATA / PARTITIONS)
_VALIDATOR_CODE = ("_validate.py", "_yamlsource.py")


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog file (the built-in one by default).

    Where the build compiled the built-in catalog from exactly these bytes (and the same
    validator and libraries), its load is a JSON read; else it is parsed and validated here.
    """
    file = Path(path) if path is not None else builtin_path()
    name = str(file)
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a FIFO or a device would hang or flood
            raise CatalogError(name, None, "", "cannot read catalog: not a regular file")
        raw = file.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise CatalogError(name, None, "", f"cannot read catalog: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bom = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise CatalogError(
            name,
            line,
            "",
            f"column {column}: byte 0x{raw[exc.start]:02x} is not UTF-8"
            + ("; the file is UTF-16: save it as UTF-8" if bom else "; save the file as UTF-8"),
        ) from None
    if "\x00" in text:  # YAML refuses it without saying where
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise CatalogError(name, line, "", f"column {column}: a NUL character")
    compiled = _compiled(raw) if path is None else None
    if compiled is not None:
        return _build(compiled, name)
    return parse_catalog(text, name)


def _key(raw: bytes) -> str:
    """What a compiled form of the catalog RAW records: its inputs' digest and libraries."""
    digest = new_digest(raw)
    code = Path(__file__).resolve().parent
    for path in (*_VALIDATION_INPUTS, *(code / name for name in _VALIDATOR_CODE)):
        digest.update(b"\0" + path.read_bytes())
    return f"{digest.hexdigest()} {dependency_versions('pyyaml', 'jsonschema')}"


def _compiled(raw: bytes, folder: Path | None = None) -> dict[str, Any] | None:
    """The validated built-in data, where the build compiled it from exactly these inputs."""
    try:
        document = json.loads(((folder or COMPILED_DIR) / COMPILED_CATALOG).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("key") != _key(raw):
        return None  # absent, stale or from other libraries: validate the YAML instead
    data = document.get("data")
    return data if isinstance(data, dict) else None


def compile_builtin(folder: Path | None = None) -> Path:
    """Write the compiled form of the built-in catalog (its validated data and key)."""
    from ._validate import validated

    raw = builtin_path().read_bytes()
    data = validated(raw.decode("utf-8"), str(builtin_path()))
    folder = folder or COMPILED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / COMPILED_CATALOG
    # Key order is data here (tags, processors by tag): keep the file's.
    target.write_text(json.dumps({"key": _key(raw), "data": data}) + "\n", encoding="utf-8")
    return target


def parse_catalog(text: str, name: str) -> Catalog:
    """A catalog from text, validated (the validator loads here, off the built-in path)."""
    from ._validate import validated

    return _build(validated(text, name), name)


def _build(data: dict[str, Any], name: str) -> Catalog:
    formats = {k: tuple(v["content_types"]) for k, v in data["formats"].items()}
    algorithms = {}
    for key, a in data["algorithms"].items():
        content_types = tuple(dict.fromkeys(ct for f in a["formats"] for ct in formats[f]))
        algorithms[key] = Algorithm(
            key=key,
            name=a["name"],
            repository=a["repository"],
            registry_group=a["registry_group"],
            tags=tuple(a["tags"]),
            required_channels=tuple(a["channels"]["required"]),
            optional_channels=tuple(a["channels"].get("optional", ())),
            input_modes=tuple(a["input_modes"]),
            formats=tuple(a["formats"]),
            content_types=content_types,
            instance=InstanceClass(
                processors=tuple(a["instance"]["processors"]),
                single_instance=tuple(a["instance"].get("single_instance", ())),
                gpu_single_device=a["instance"].get("gpu_single_device", False),
                gpu_dense_data_only=a["instance"].get("gpu_dense_data_only", False),
                processors_by_tag={
                    t: tuple(p) for t, p in a["instance"].get("processors_by_tag", {}).items()
                },
            ),
            parallelizable=a["parallelizable"],
            source=a["source"],
            required_hyperparameters=tuple(a.get("hyperparameters", {}).get("required", ())),
            hyperparameters_source=a.get("hyperparameters", {}).get("source"),
            inference=_image(a["inference"]) if "inference" in a else None,
            graviton=_image(a["graviton"]) if "graviton" in a else None,
            sdk_framework=a.get("sdk", {}).get("framework"),
            sdk_version=a.get("sdk", {}).get("version"),
        )
    return Catalog(
        path=name,
        sources={k: Source(key=k, **v) for k, v in data["sources"].items()},
        partitions={k: Partition(key=k, **v) for k, v in data["partitions"].items()},
        regions={k: v["partition"] for k, v in data["regions"].items()},
        formats=formats,
        registry_groups={
            k: RegistryGroup(key=k, accounts=dict(v["accounts"]), source=v["source"])
            for k, v in data["registry_groups"].items()
        },
        algorithms=algorithms,
        instance_families=dict(data.get("instance_families", {}).get("families", {})),
        instance_families_source=data.get("instance_families", {}).get("source"),
        arm64_families=tuple(
            data.get("instance_families", {}).get("arm64", {}).get("families", ())
        ),
        arm64_source=data.get("instance_families", {}).get("arm64", {}).get("source"),
        training_instance_types=tuple(data.get("training_instance_types", {}).get("types", ())),
        training_instance_types_source=data.get("training_instance_types", {}).get("source"),
        images={
            k: ImageFamily(
                key=k,
                scopes=tuple(f["scopes"]) if "scopes" in f else None,
                flat=f["flat"],
                configs=f["configs"],
                latest=f["latest"],
                source=f["source"],
            )
            for k, f in data.get("images", {}).items()
        },
        image_rules=_rules(data.get("image_rules")),
    )


def _rules(data: dict[str, Any] | None) -> ImageRules:
    if data is None:
        return ImageRules()
    tuples = {k: tuple(v) for k, v in data.items() if isinstance(v, list)}
    return ImageRules(**{**data, **tuples})


def _image(data: dict[str, Any]) -> Image:
    return Image(data["repository"], data["registry_group"], tuple(data["tags"]))
