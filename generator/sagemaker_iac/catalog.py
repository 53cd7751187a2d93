"""The validated catalog model and its loader: YAML -> JSON Schema -> cross-checks -> model."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .errors import CatalogError, UnavailableError, shown
from .names import (
    CFN_NAME_LIMIT,
    CHANNEL_AFFIX,
    WINDOWS_RESERVED,
    YAML11_WORDS,
    camel,
    hyperparameter_parameter,
)

if TYPE_CHECKING:
    from .yamlsource import Located, Path_

# A plain folder beside this file: the templates are read from the file system too.
DATA = Path(__file__).resolve().parent / "data"
BUILTIN_CATALOG = "catalog.yaml"
# The built-in catalog, validated when the package is built (make compile; a test keeps
# it current): loading it is then a JSON read, with no parser or validator on the path.
COMPILED = "catalog.compiled.json"
SCHEMA = "catalog.schema.json"

# Text that HCL would interpolate (${, %{) or that would need escaping in HCL or
# YAML strings (quotes, backslashes, control characters). The renderers escape
# all of it too, but a catalog is data, so such text is rejected at the door.
_UNSAFE = re.compile(r'\$\{|%\{|["\\]|[\x00-\x1f\x7f]')


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    document: str
    date: str


@dataclass(frozen=True)
class Partition:
    key: str
    dns_suffix: str
    source: str


@dataclass(frozen=True)
class RegistryGroup:
    key: str
    accounts: Mapping[str, str]
    source: str


# Which image of an algorithm: what trains, what hosts, and what hosts on Arm (Graviton).
Scope = Literal["training", "inference", "inference_graviton"]
SCOPES: tuple[Scope, ...] = ("training", "inference", "inference_graviton")


class Image(NamedTuple):
    """One image of an algorithm: its repository, registry group and tags (first: default)."""

    repository: str
    registry_group: str
    tags: tuple[str, ...]

    @property
    def default_tag(self) -> str:
        return self.tags[0]


@dataclass(frozen=True)
class InstanceClass:
    processors: tuple[str, ...]
    single_instance: tuple[str, ...] = ()
    gpu_single_device: bool = False
    gpu_dense_data_only: bool = False
    # Tags built for fewer processors than the algorithm's (legacy CPU-only XGBoost, say).
    processors_by_tag: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Algorithm:
    key: str
    name: str
    repository: str
    registry_group: str
    tags: tuple[str, ...]
    required_channels: tuple[str, ...]
    optional_channels: tuple[str, ...]
    input_modes: tuple[str, ...]
    formats: tuple[str, ...]
    content_types: tuple[str, ...]
    instance: InstanceClass
    parallelizable: bool
    source: str
    required_hyperparameters: tuple[str, ...] = ()
    hyperparameters_source: str | None = None
    # The hosting image where it differs from the training one.
    inference: Image | None = None
    # The Arm (Graviton) hosting image, where one is published.
    graviton: Image | None = None
    sdk_framework: str | None = None
    sdk_version: str | None = None

    @property
    def default_tag(self) -> str:
        return self.tags[0]

    def image(self, scope: Scope = "training") -> Image:
        """The training, inference or Arm inference image."""
        if scope == "inference_graviton":
            if self.graviton is None:
                raise UnavailableError(
                    f"algorithm {self.key!r} has no Arm (Graviton) inference image"
                )
            return self.graviton
        if scope == "inference" and self.inference is not None:
            return self.inference
        return Image(self.repository, self.registry_group, self.tags)

    def scopes(self) -> tuple[Scope, ...]:
        """The scopes this algorithm has an image for (inference falls back to training)."""
        return ("training", "inference", *(("inference_graviton",) if self.graviton else ()))

    def tag_processors(self, tag: str) -> tuple[str, ...]:
        """The processors a training image tag is built for."""
        return self.instance.processors_by_tag.get(tag, self.instance.processors)

    def tag_suits(self, tag: str, processor: str) -> bool:
        """Whether a tag runs on a processor: its catalog processors and its -cpu-/-gpu- name."""
        named = re.search(r"-(cpu|gpu)(-|$)", tag)
        listed = self.instance.processors_by_tag.get(tag, (processor,))
        return processor in listed and (named is None or named.group(1) == processor)


@dataclass(frozen=True)
class Catalog:
    path: str
    sources: Mapping[str, Source]
    partitions: Mapping[str, Partition]
    regions: Mapping[str, str]  # region -> partition key
    formats: Mapping[str, tuple[str, ...]]  # format -> content types
    registry_groups: Mapping[str, RegistryGroup]
    algorithms: Mapping[str, Algorithm]
    instance_families: Mapping[str, str]  # ml.<family><generation>.<size> family -> processor
    instance_families_source: str | None = None
    arm64_families: tuple[str, ...] = ()  # family and generation, such as c6g
    arm64_source: str | None = None
    training_instance_types: tuple[str, ...] = ()  # every type SageMaker trains on
    training_instance_types_source: str | None = None

    def algorithm(self, key: str) -> Algorithm:
        try:
            return self.algorithms[key]
        except KeyError:
            known = ", ".join(self.algorithms)
            raise UnavailableError(f"unknown algorithm {key!r}; known: {known}") from None

    def regions_for(self, key: str, scope: Scope = "training") -> list[str]:
        """The regions where the algorithm's image is published, sorted."""
        return sorted(self.registry_groups[self.algorithm(key).image(scope)[1]].accounts)

    def dns_suffix(self, region: str) -> str:
        return self.partitions[self.regions[region]].dns_suffix

    def registry_id(self, key: str, region: str, scope: Scope = "training") -> str:
        accounts = self.registry_groups[self.algorithm(key).image(scope)[1]].accounts
        if region not in accounts:
            raise UnavailableError(
                f"algorithm {key!r} is not published in region {region!r}; "
                f"available regions: {', '.join(sorted(accounts))}"
            )
        return accounts[region]

    def registry_host(self, key: str, region: str, scope: Scope = "training") -> str:
        registry = self.registry_id(key, region, scope)
        return f"{registry}.dkr.ecr.{region}.{self.dns_suffix(region)}"

    def image_uri(
        self, key: str, region: str, tag: str | None = None, scope: Scope = "training"
    ) -> str:
        repository, _, tags = self.algorithm(key).image(scope)
        if tag is None:
            tag = tags[0]
        elif tag not in tags:
            raise UnavailableError(
                f"tag {tag!r} is not published for algorithm {key!r} ({scope}); "
                f"available tags: {', '.join(tags)}"
            )
        return f"{self.registry_host(key, region, scope)}/{repository}:{tag}"

    def default_tag(self, key: str, scope: Scope, instance_type: str | None = None) -> str:
        """The first tag that suits the instance type's processor, else the first tag."""
        algorithm = self.algorithm(key)
        tags = algorithm.image(scope).tags
        processor = self.processor(instance_type) if instance_type else None
        if processor is None:
            return tags[0]
        return next((t for t in tags if algorithm.tag_suits(t, processor)), tags[0])

    def processor(self, instance_type: str) -> str | None:
        """cpu or gpu for an ML instance type, None for a family the catalog does not know."""
        match = re.match(r"ml\.([a-z]+)[0-9]", instance_type)
        return self.instance_families.get(match.group(1)) if match else None

    def architecture(self, instance_type: str) -> str:
        """arm64 for a Graviton instance type, else x86_64."""
        match = re.match(r"ml\.([a-z]+[0-9]+[a-z]*)\.", instance_type)
        return "arm64" if match and match.group(1) in self.arm64_families else "x86_64"

    def image_uris(self, scope: Scope = "training") -> Iterator[tuple[str, str, str]]:
        """(algorithm, region, default-tag URI) for every published pair, sorted."""
        for key in sorted(self.algorithms):
            if scope not in self.algorithms[key].scopes():
                continue
            for region in self.regions_for(key, scope):
                yield key, region, self.image_uri(key, region, scope=scope)

    def _image_dict(self, key: str, scope: Scope) -> dict[str, Any]:
        repository, group, tags = self.algorithm(key).image(scope)
        return {
            "repository": repository,
            "registry_group": group,
            "tags": list(tags),
            "default_tag": tags[0],
            "regions": self.regions_for(key, scope),
        }

    def to_dict(self) -> dict[str, Any]:
        """The normalized catalog, as written to out/catalog.json."""
        return {
            "schema_version": 1,
            "sources": {k: _fields(v) for k, v in sorted(self.sources.items())},
            "partitions": {k: _fields(v) for k, v in sorted(self.partitions.items())},
            "regions": {
                r: {"partition": p, "dns_suffix": self.dns_suffix(r)}
                for r, p in sorted(self.regions.items())
            },
            "formats": {k: {"content_types": list(v)} for k, v in sorted(self.formats.items())},
            "instance_families": dict(sorted(self.instance_families.items())),
            "arm64_instance_families": list(self.arm64_families),
            "training_instance_types": list(self.training_instance_types),
            "registry_groups": {
                k: {"source": g.source, "accounts": dict(sorted(g.accounts.items()))}
                for k, g in sorted(self.registry_groups.items())
            },
            "algorithms": {
                k: {
                    **_fields(
                        a,
                        skip=(
                            "required_channels",
                            "optional_channels",
                            "instance",
                            "required_hyperparameters",
                            "hyperparameters_source",
                            "inference",
                            "graviton",
                            "sdk_framework",
                            "sdk_version",
                        ),
                    ),
                    "inference": self._image_dict(k, "inference"),
                    **(
                        {"graviton": self._image_dict(k, "inference_graviton")}
                        if a.graviton
                        else {}
                    ),
                    "sdk": {"framework": a.sdk_framework or k, "version": a.sdk_version},
                    "hyperparameters": {
                        "required": list(a.required_hyperparameters),
                        "source": a.hyperparameters_source,
                    },
                    "default_tag": a.default_tag,
                    "channels": {
                        "required": list(a.required_channels),
                        "optional": list(a.optional_channels),
                    },
                    "instance": {
                        **_fields(a.instance, skip=("processors_by_tag",)),
                        "processors_by_tag": {
                            t: list(p) for t, p in sorted(a.instance.processors_by_tag.items())
                        },
                    },
                    "regions": self.regions_for(k),
                }
                for k, a in sorted(self.algorithms.items())
            },
        }


def _fields(obj: Any, skip: tuple[str, ...] = ("key",)) -> dict[str, Any]:
    out = {}
    for name in obj.__dataclass_fields__:
        if name in skip or name == "key":
            continue
        value = getattr(obj, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


PARTITIONS = "partitions.json"
PARTITIONS_SOURCE = "botocore's partitions.json"


@cache
def known_partitions() -> dict[str, dict[str, str]]:
    """Every AWS partition's DNS suffix and region-name pattern (data/partitions.json)."""
    return json.loads((DATA / PARTITIONS).read_bytes())["partitions"]


def builtin_path() -> Path:
    return DATA / BUILTIN_CATALOG


def schema() -> dict[str, Any]:
    return json.loads((DATA / SCHEMA).read_bytes())


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog file (the built-in one by default).

    The built-in catalog ships validated (COMPILED, checked current by the tests), so its
    load is a JSON read; any other file is parsed and validated here.
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
    return _build(compiled if compiled is not None else _validated(text, name), name)


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw + b"\0" + (DATA / SCHEMA).read_bytes()).hexdigest()


def _compiled(raw: bytes) -> dict[str, Any] | None:
    """The validated built-in data, where it was compiled from exactly these bytes."""
    try:
        document = json.loads((DATA / COMPILED).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("source_sha256") != _digest(raw):
        return None  # catalog.yaml or the schema changed since: validate it instead
    return document.get("data")


def compile_builtin() -> str:
    """The compiled form of the built-in catalog: its validated data and its digest."""
    raw = builtin_path().read_bytes()
    data = _validated(raw.decode("utf-8"), str(builtin_path()))
    return (
        # Key order is data here (tags, processors by tag): keep the file's.
        json.dumps({"source_sha256": _digest(raw), "data": data}, indent=1) + "\n"
    )


def parse_catalog(text: str, name: str) -> Catalog:
    return _build(_validated(text, name), name)


def _validated(text: str, name: str) -> dict[str, Any]:
    """The document's data once every check has passed (PyYAML and jsonschema load here)."""
    from . import yamlsource

    doc = yamlsource.load(text, name)
    _check_schema(doc)
    _check_strings(doc, doc.data, ())
    _check_references(doc)
    return doc.data


def _check_schema(doc: Located) -> None:
    import jsonschema  # Only loading pays for it; the model itself does not need it.

    rules = schema()
    validator = jsonschema.Draft202012Validator(rules)
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: doc.line(_where(e)) or 0)
    if errors:
        error = errors[0]
        path = _where(error)
        raise doc.error(path, _explain(error, rules["$defs"]))


def _where(error: Any) -> Path_:
    path = tuple(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path:
        return (*path, error.instance)  # a bad key: point at the key itself
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        if extra:
            return (*path, extra[0])  # an unknown field: point at the field
    return path


def _explain(error: Any, defs: dict[str, Any]) -> str:
    """A schema error in the catalog author's terms."""
    value = error.instance
    if not error.absolute_path and error.validator == "type":
        return "the catalog must be a mapping of sections (schema_version, sources, ...)"
    if error.validator == "additionalProperties" and isinstance(value, dict):
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"unknown field {', '.join(map(repr, extra))}; allowed: {allowed}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "maxLength" and isinstance(value, str):
        return f"too long: {len(value)} characters, at most {error.validator_value}"
    # jsonschema does not keep the $defs name in the error, so match the subschema.
    kind = next((name for name, sub in defs.items() if sub == error.schema), None)
    if kind == "account_id":
        if isinstance(value, int) and not isinstance(value, bool):
            return (
                f"account ID {value!r} must be a quoted 12-digit string "
                "(unquoted, YAML reads it as a number)"
            )
        return f"account ID {value!r} is not a 12-digit string"
    if kind == "region":
        return f"{value!r} is not a region name like us-east-1"
    if kind == "key" and isinstance(value, str):
        if value in WINDOWS_RESERVED:
            return (
                f"key {value!r} is a file name Windows reserves, and keys name files in "
                "out/ (a checkout would break); choose another"
            )
        if value in YAML11_WORDS:
            return (
                f"key {shown(value)!r} reads as a boolean or null in YAML 1.1 (CloudFormation's "
                "YAML); choose another"
            )
        return f"{shown(value)!r} is not a key: lowercase letters, digits and single hyphens"
    if kind == "repository":
        return f"{value!r} is not a repository name ECR accepts"
    if kind == "tag":
        if value == "latest":
            return "the tag 'latest' is not allowed: pin a version"
        return f"{value!r} is not a valid image tag"
    if isinstance(value, str):  # jsonschema echoes the value: show it escaped and short
        return error.message.replace(repr(value), repr(shown(value)))
    return error.message


def _check_strings(doc: Located, value: Any, path: Path_) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _check_strings(doc, key, (*path, key))
            _check_strings(doc, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_strings(doc, item, (*path, index))
    elif isinstance(value, str) and _UNSAFE.search(value):
        raise doc.error(
            path,
            f"{shown(value)!r} contains text that HCL or YAML would interpret "
            "(${, %{, a quote, a backslash or a control character)",
        )
    elif isinstance(value, str) and unicodedata.normalize("NFC", value) != value:
        # Terraform normalizes strings to NFC, so the text would not survive as written.
        raise doc.error(path, f"{shown(value)!r} is not in Unicode normal form C")


def _check_references(doc: Located) -> None:
    data = doc.data
    sources = data["sources"]

    def source_ref(path: Path_, ref: str) -> None:
        if ref not in sources:
            raise doc.error(path, f"unknown source {ref!r}; known: {', '.join(sources)}")

    for key, part in data["partitions"].items():
        source_ref(("partitions", key, "source"), part["source"])
    known = known_partitions()
    for key, part in data["partitions"].items():
        if key in known and part["dns_suffix"] != known[key]["dns_suffix"]:
            raise doc.error(
                ("partitions", key, "dns_suffix"),
                f"{shown(part['dns_suffix'])!r} is not partition {key}'s DNS suffix "
                f"({known[key]['dns_suffix']}, per {PARTITIONS_SOURCE})",
            )
    for region, entry in data["regions"].items():
        if entry["partition"] not in data["partitions"]:
            raise doc.error(
                ("regions", region, "partition"),
                f"unknown partition {entry['partition']!r}; known: {', '.join(data['partitions'])}",
            )
        owners = [k for k, p in known.items() if re.match(p["region_pattern"], region)]
        if not owners:
            raise doc.error(("regions", region), f"no AWS partition has a region named {region}")
        if entry["partition"] in known and entry["partition"] not in owners:
            raise doc.error(
                ("regions", region, "partition"),
                f"region {region} belongs to partition {owners[0]}, not {entry['partition']}",
            )
    for key, group in data["registry_groups"].items():
        source_ref(("registry_groups", key, "source"), group["source"])
        for region in group["accounts"]:
            if region not in data["regions"]:
                raise doc.error(
                    ("registry_groups", key, "accounts", region),
                    f"region {region!r} is not in the regions table",
                )
    if "training_instance_types" in data:
        source_ref(("training_instance_types", "source"), data["training_instance_types"]["source"])
    if "instance_families" in data:
        families = data["instance_families"]
        source_ref(("instance_families", "source"), families["source"])
        if "arm64" in families:
            source_ref(("instance_families", "arm64", "source"), families["arm64"]["source"])
            for index, name in enumerate(families["arm64"]["families"]):
                if re.match("[a-z]+", name)[0] not in families["families"]:  # type: ignore[index]
                    raise doc.error(
                        ("instance_families", "arm64", "families", index),
                        f"{name!r} is not of a family in instance_families.families",
                    )
    for key, algorithm in data["algorithms"].items():
        path: Path_ = ("algorithms", key)
        source_ref((*path, "source"), algorithm["source"])
        if "hyperparameters" in algorithm:
            source_ref((*path, "hyperparameters", "source"), algorithm["hyperparameters"]["source"])
        images = [(path, algorithm)] + [
            ((*path, scope), algorithm[scope])
            for scope in ("inference", "graviton")
            if scope in algorithm
        ]
        for where, image in images:
            if image is not None and image["registry_group"] not in data["registry_groups"]:
                raise doc.error(
                    (*where, "registry_group"),
                    f"unknown registry group {image['registry_group']!r}; "
                    f"known: {', '.join(data['registry_groups'])}",
                )
        for index, fmt in enumerate(algorithm["formats"]):
            if fmt not in data["formats"]:
                raise doc.error(
                    (*path, "formats", index),
                    f"unknown format {fmt!r}; known: {', '.join(data['formats'])}",
                )
        channels = algorithm["channels"]
        for index, name in enumerate(channels.get("optional", [])):
            if name in channels["required"]:
                raise doc.error(
                    (*path, "channels", "optional", index),
                    f"channel {name!r} is listed as both required and optional",
                )
        _check_derived(
            doc,
            path,
            algorithm,
            [("channels", kind) for kind in ("required", "optional")],
            camel,
            CFN_NAME_LIMIT - len(CHANNEL_AFFIX),
        )
        _check_derived(
            doc,
            path,
            algorithm,
            [("hyperparameters", "required")],
            hyperparameter_parameter,
            CFN_NAME_LIMIT,
        )
        instance = algorithm["instance"]
        for index, proc in enumerate(instance.get("single_instance", [])):
            if proc not in instance["processors"]:
                raise doc.error(
                    (*path, "instance", "single_instance", index),
                    f"processor {proc!r} is not in this algorithm's processors",
                )
        for tag, procs in instance.get("processors_by_tag", {}).items():
            where = (*path, "instance", "processors_by_tag", tag)
            if tag not in algorithm["tags"]:
                raise doc.error(where, f"tag {tag!r} is not in this algorithm's tags")
            for proc in procs:
                if proc not in instance["processors"]:
                    raise doc.error(
                        where, f"processor {proc!r} is not in this algorithm's processors"
                    )
        for flag in ("gpu_single_device", "gpu_dense_data_only"):
            if instance.get(flag) and "gpu" not in instance["processors"]:
                raise doc.error((*path, "instance", flag), "set, but the algorithm has no GPU")


def _check_derived(
    doc: Located,
    path: Path_,
    algorithm: dict[str, Any],
    lists: list[tuple[str, str]],
    derive: Callable[[str], str],
    limit: int,
) -> None:
    """Names a target derives from these lists: alphanumeric, within limit, distinct."""
    seen: dict[str, str] = {}
    for section, kind in lists:
        for index, name in enumerate(algorithm.get(section, {}).get(kind, [])):
            where = (*path, section, kind, index)
            if not camel(name):
                raise doc.error(where, f"{name!r} has no letter or digit to name it by")
            derived = derive(name)
            if len(derived) > limit:
                raise doc.error(
                    where,
                    f"too long: CloudFormation names it {derived[:20]}... "
                    f"({len(derived)} characters, at most {limit})",
                )
            if derived in seen:
                raise doc.error(
                    where,
                    f"{name!r} and {seen[derived]!r} both become the CloudFormation "
                    f"parameter {derived}; rename one",
                )
            seen[derived] = name


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
    )


def _image(data: dict[str, Any]) -> Image:
    return Image(data["repository"], data["registry_group"], tuple(data["tags"]))
