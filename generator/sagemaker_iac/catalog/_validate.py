"""The gate every catalog but the compiled built-in passes: YAML, schema, cross-checks.

Messages speak the catalog author's terms and point at the file, line and key.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import shown
from .names import (
    CFN_NAME_LIMIT,
    CHANNEL_AFFIX,
    WINDOWS_RESERVED,
    YAML11_WORDS,
    camel,
    hyperparameter_parameter,
)
from .resources import PARTITIONS_SOURCE, known_partitions, schema
from .sentinels import FLAT

if TYPE_CHECKING:
    from ._yamlsource import Path_, YamlDocument

# Text that HCL would interpolate (${, %{) or that would need escaping in HCL or
# YAML strings (quotes, backslashes, control characters). The renderers escape
# all of it too, but a catalog is data, so such text is rejected at the door.
_UNSAFE = re.compile(r'\$\{|%\{|["\\]|[\x00-\x1f\x7f]')


def validated(text: str, name: str) -> dict[str, Any]:
    """The document's data once every check has passed (PyYAML and jsonschema load here)."""
    from . import _yamlsource

    doc = _yamlsource.load(text, name)
    _check_schema(doc)
    _check_strings(doc, doc.data, ())
    _check_references(doc)
    return doc.data


def validated_jumpstart(text: str, name: str, catalog: dict[str, Any]) -> dict[str, Any]:
    """The jumpstart document's section once it passes the same checks, its references
    resolved against CATALOG (the first document's validated data)."""
    from . import _yamlsource

    doc = _yamlsource.load(text, name)
    if not isinstance(doc.data, dict) or set(doc.data) != {"jumpstart"}:
        raise doc.error((), "the second document holds the jumpstart section only")
    rules = schema()
    _check_schema(doc, {"$defs": rules["$defs"], **_only(rules, "jumpstart")})
    _check_strings(doc, doc.data, ())
    both = _yamlsource.YamlDocument(name, {**catalog, **doc.data}, doc.lines)
    _check_jumpstart(both, lambda path, ref: _source_ref(both, path, ref))
    return doc.data["jumpstart"]


def _only(rules: dict[str, Any], key: str) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [key],
        "properties": {key: rules["properties"][key]},
    }


def _source_ref(doc: YamlDocument, path: Path_, ref: str) -> None:
    sources = doc.data["sources"]
    if ref not in sources:
        raise doc.error(path, f"unknown source {ref!r}; known: {', '.join(sources)}")


def _check_schema(doc: YamlDocument, rules: dict[str, Any] | None = None) -> None:
    import jsonschema  # Only loading pays for it; the model itself does not need it.

    rules = rules or schema()
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


def _check_strings(doc: YamlDocument, value: Any, path: Path_) -> None:
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


def _check_references(doc: YamlDocument) -> None:
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
    if "instance_gpus" in data:
        source_ref(("instance_gpus", "source"), data["instance_gpus"]["source"])
    if "training_instance_types" in data:
        source_ref(("training_instance_types", "source"), data["training_instance_types"]["source"])
    if "instance_families" in data:
        families = data["instance_families"]
        source_ref(("instance_families", "source"), families["source"])
        if "arm64" in families:
            source_ref(("instance_families", "arm64", "source"), families["arm64"]["source"])
            for index, name in enumerate(families["arm64"]["families"]):
                # ignore: the schema's pattern makes every arm64 family start with letters.
                if re.match("[a-z]+", name)[0] not in families["families"]:  # type: ignore[index]
                    raise doc.error(
                        ("instance_families", "arm64", "families", index),
                        f"{name!r} is not of a family in instance_families.families",
                    )
    if "end_of_patch" in data:
        source_ref(("end_of_patch", "source"), data["end_of_patch"]["source"])
        for repository, releases in data["end_of_patch"]["repositories"].items():
            for index, release in enumerate(releases):
                for field in ("ga", "eop"):
                    try:
                        datetime.date.fromisoformat(release[field])
                    except ValueError:
                        raise doc.error(
                            ("end_of_patch", "repositories", repository, index, field),
                            f"{release[field]!r} is not a date (YYYY-MM-DD)",
                        ) from None
                if release["eop"] < release["ga"]:
                    raise doc.error(
                        ("end_of_patch", "repositories", repository, index, "eop"),
                        f"end of patch {release['eop']} is before general availability "
                        f"{release['ga']}",
                    )
    if "jumpstart" in data:
        _check_jumpstart(doc, source_ref)
    if "image_rules" in data:
        source_ref(("image_rules", "source"), data["image_rules"]["source"])
        images = data.get("images", {})
        for index, name in enumerate(data["image_rules"].get("neuron_frameworks", [])):
            # The SDK reads a Neuron instance's image from <framework>-neuron's config.
            if name in images and f"{name}-neuron" not in images:
                raise doc.error(
                    ("image_rules", "neuron_frameworks", index),
                    f"{shown(name)}'s Neuron images come from the framework "
                    f"{shown(name)}-neuron, which the catalog lacks",
                )
    for key, found in data.get("images", {}).items():
        _check_family(doc, key, found, source_ref)
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
    doc: YamlDocument,
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


def _check_family(doc: YamlDocument, key: str, found: dict[str, Any], source_ref: Any) -> None:
    """A family's configs: flat ones under 'all', others under their scopes; known groups."""
    where: Path_ = ("images", key)
    source_ref((*where, "source"), found["source"])
    expected = [FLAT] if found["flat"] else found.get("scopes", [])
    if list(found["configs"]) != expected:
        raise doc.error(
            (*where, "configs"),
            f"configs are {', '.join(found['configs'])}; expected {', '.join(expected)}",
        )
    groups = doc.data["registry_groups"]
    for scope, config in found["configs"].items():
        aliases = config.get("version_aliases", {})
        for alias, target in aliases.items():
            if target not in config["versions"]:
                raise doc.error(
                    (*where, "configs", scope, "version_aliases", alias),
                    f"alias of unknown version {target!r}",
                )
        for version, entry in config["versions"].items():
            leaves = (
                [((), entry)]
                if "repository" in entry
                else [((k,), v) for k, v in entry.items() if k != "version_aliases"]
            )
            for sub, leaf in leaves:
                if leaf["registry_group"] not in groups:
                    raise doc.error(
                        (*where, "configs", scope, "versions", version, *sub, "registry_group"),
                        f"unknown registry group {leaf['registry_group']!r}",
                    )


def _check_jumpstart(doc: YamlDocument, source_ref: Callable[[Path_, str], None]) -> None:
    """Every JumpStart reference resolves: images to registry groups that publish them
    where the model is, aliases to images, the default instance type to a listed one."""
    data = doc.data
    section = data["jumpstart"]
    source_ref(("jumpstart", "source"), section["source"])
    groups = data["registry_groups"]
    images = section["images"]
    for key, image in images.items():
        if image["registry_group"] not in groups:
            raise doc.error(
                ("jumpstart", "images", key, "registry_group"),
                f"unknown registry group {image['registry_group']!r}",
            )
    for model_id, versions in section["models"].items():
        for version, found in versions.items():
            at = ("jumpstart", "models", model_id, version)
            if found["default_instance_type"] not in found["instance_types"]:
                raise doc.error(
                    (*at, "default_instance_type"),
                    f"{found['default_instance_type']} is not in instance_types",
                )
            tables = [(("aliases",), found["aliases"])] + [
                (("region_aliases", r), t) for r, t in found.get("region_aliases", {}).items()
            ]
            for path, table in tables:
                for alias, key in table.items():
                    if key not in images:
                        raise doc.error((*at, *path, alias), f"unknown image {key!r}")
            for region in found["regions"]:
                table = found.get("region_aliases", {}).get(region, found["aliases"])
                for alias, key in table.items():
                    accounts = groups[images[key]["registry_group"]]["accounts"]
                    if region not in accounts:
                        raise doc.error(
                            (*at, "regions"),
                            f"image {key} (alias {alias}) has no account in {region} "
                            f"(registry group {images[key]['registry_group']})",
                        )
            for region in found.get("region_aliases", {}):
                if region not in found["regions"]:
                    raise doc.error((*at, "region_aliases", region), "not in regions")
