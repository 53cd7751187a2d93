"""JumpStart templates: any catalog JumpStart model hosted by parameters (ModelId,
InstanceType, AcceptEula), its answers as Mappings and its refusals as Rules.

Fn::FindInMap takes only Ref and Fn::FindInMap as keys, and second-level keys must be
alphanumeric, so the lookup is chained: InstanceTypes[InstanceType] names a type key,
Variants[ModelId][type key] the (model, instance type) variant, Images[region][variant]
the image, ImageTable[image] its path and registry group, Registries[region][group] the
account. A model's environment differs by variant in its keys too, so each key the
template's models use is an Environment entry present only where the variant sets it.
Models are grouped by the task their id names, and a task split where a mapping would
pass CloudFormation's keys per level or a template its size.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

from ...catalog import Catalog
from ...catalog.jumpstart import (
    CONTENT_BUCKET,
    GATED_CONTENT_BUCKET,
    environment,
    image_key,
    newest,
    section,
    task,
)
from ...errors import OutputLimitError
from ...files import Files
from .._jinja import render
from ._mappings import MAX_KEYS_PER_LEVEL, check_limits, group_key

ROOT = "cloudformation/jumpstart"
DEFAULT = "default"
# An environment entry a variant does not set (no value the catalog holds is this).
UNSET = "-unset-"
# CloudFormation's limit on a template read from S3 (nested stacks, or the CLI's upload).
MAX_S3_BODY = 1_000_000


class Part(NamedTuple):
    path: str
    models: list[str]
    instance_types: list[str]
    mappings: dict[str, dict[str, dict[str, Any]]]
    environment: list[tuple[str, str]]  # (variable, its Environment mapping key)
    rules: list[dict[str, Any]]


def _bucket_prefix(template: str) -> str:
    return template.format(region="")


def _part(catalog: Catalog, path: str, models: list[str]) -> Part:
    js = section(catalog)
    types = sorted({t for m in models for t in newest(js.models[m]).instance_types})
    type_keys = {DEFAULT: "Default", **{t: f"T{i}" for i, t in enumerate(types, 1)}}
    variants: dict[str, dict[str, str]] = {}
    variant_types: dict[str, dict[str, str]] = {}
    images: dict[str, dict[str, str]] = defaultdict(dict)
    image_ids: dict[str, str] = {}
    env_by_variant: dict[str, dict[str, str]] = {}
    info: dict[str, dict[str, str]] = {}
    rules: list[dict[str, Any]] = []
    for m_index, model_id in enumerate(models, 1):
        found = newest(js.models[model_id])
        data = found.prepacked_artifact_key or found.artifact_key
        if data is None:
            raise OutputLimitError(f"jumpstart: {model_id} has no artefacts to host")
        s3_type, compression = ("S3Prefix", "None") if data.endswith("/") else ("S3Object", "Gzip")
        info[model_id] = {
            "Version": found.key,
            "Bucket": _bucket_prefix(
                GATED_CONTENT_BUCKET if found.gated_bucket else CONTENT_BUCKET
            ),
            "Key": data,
            "S3DataType": s3_type,
            "CompressionType": compression,
            "Eula": found.eula or "none",
        }
        by_type: dict[str, str] = {}
        for t_index, instance_type in enumerate(found.instance_types, 1):
            variant = f"M{m_index}V{t_index}"
            by_type[type_keys[instance_type]] = variant
            if instance_type == found.default_instance_type:
                by_type["Default"] = variant
            variant_types[variant] = {"InstanceType": instance_type}
            env_by_variant[variant] = environment(found, instance_type)
            for region in found.regions:
                key = image_key(found, region, instance_type)
                if key is not None:
                    image = image_ids.setdefault(key, f"I{len(image_ids) + 1}")
                    images[region][variant] = image
        variants[model_id] = by_type
        rules.append(_rules(catalog, model_id, found, m_index))
    names = sorted({k for env in env_by_variant.values() for k in env})
    env_keys = [(name, f"E{i}") for i, name in enumerate(names, 1)]
    for env in env_by_variant.values():
        if UNSET in env.values():
            raise OutputLimitError(f"jumpstart: an environment value is {UNSET!r}")
    groups = {js.images[k].registry_group for k in image_ids}
    registries: dict[str, dict[str, str]] = defaultdict(dict)
    for group in sorted(groups):
        for region, account in catalog.registry_groups[group].accounts.items():
            if region in images:
                registries[region][group_key(group)] = account
    maps: dict[str, dict[str, dict[str, Any]]] = {
        "InstanceTypes": {t: {"Key": k} for t, k in type_keys.items()},
        "Models": info,
        "Variants": variants,
        "VariantTypes": variant_types,
        "Environment": {
            v: {key: env.get(name, UNSET) for name, key in env_keys}
            for v, env in env_by_variant.items()
        },
        "Images": dict(sorted(images.items())),
        "ImageTable": {
            i: {
                "Path": f"{js.images[k].repository}:{js.images[k].tag}",
                "Group": group_key(js.images[k].registry_group),
            }
            for k, i in image_ids.items()
        },
        "Registries": dict(sorted(registries.items())),
    }
    check_limits(maps, {name: (f"jumpstart: {path}", f"jumpstart: {path}") for name in maps})
    return Part(path, models, [DEFAULT, *types], maps, env_keys, rules)


def _rules(catalog: Catalog, model_id: str, found: Any, index: int) -> dict[str, Any]:
    """One rule per model: the instance types it supports, the regions it is published
    in, and for a gated model its EULA."""
    assertions = [
        {
            "Assert": {"Fn::Contains": [[DEFAULT, *found.instance_types], {"Ref": "InstanceType"}]},
            "AssertDescription": f"{model_id} {found.key} supports instance types "
            f"{', '.join(found.instance_types)} ({DEFAULT}: {found.default_instance_type}).",
        },
        {
            "Assert": {"Fn::Contains": [list(found.regions), {"Ref": "AWS::Region"}]},
            "AssertDescription": f"{model_id} {found.key} is published only in "
            f"{', '.join(found.regions)}.",
        },
    ]
    if found.eula is not None:
        bucket = CONTENT_BUCKET.format(region="REGION")
        assertions.append(
            {
                "Assert": {"Fn::Equals": [{"Ref": "AcceptEula"}, "true"]},
                "AssertDescription": f"{model_id} requires accepting its end-user license "
                f"agreement (EULA), {found.eula} in the {bucket} bucket: read it, then set "
                "AcceptEula to true.",
            }
        )
    return {
        "name": f"Model{index}",
        "condition": {"Fn::Equals": [{"Ref": "ModelId"}, model_id]},
        "assertions": assertions,
    }


def part_groups(catalog: Catalog) -> dict[str, list[str]]:
    """Template path -> its models: by task, a task split where its (model, instance
    type) variants would pass CloudFormation's keys per mapping level."""
    if catalog.jumpstart is None:
        return {}
    by_task: dict[str, list[str]] = defaultdict(list)
    for model_id in sorted(catalog.jumpstart.models):
        by_task[task(model_id) or "other"].append(model_id)
    groups: dict[str, list[str]] = {}
    for name, models in sorted(by_task.items()):
        chunks: list[list[str]] = [[]]
        count = 0
        for model_id in models:
            size = len(newest(catalog.jumpstart.models[model_id]).instance_types)
            if chunks[-1] and count + size > MAX_KEYS_PER_LEVEL:
                chunks.append([])
                count = 0
            chunks[-1].append(model_id)
            count += size
        for index, chunk in enumerate(chunks, 1):
            suffix = f"-{index}" if len(chunks) > 1 else ""
            groups[f"{ROOT}/{name}{suffix}.yaml"] = chunk
    return groups


def render_jumpstart(catalog: Catalog) -> Files:
    files: Files = {}
    for path, models in part_groups(catalog).items():
        part = _part(catalog, path, models)
        text = render(f"{ROOT}/_jumpstart.yaml", part=part, unset=UNSET)
        if len(text.encode("utf-8")) > MAX_S3_BODY:
            raise OutputLimitError(
                f"jumpstart: {path} is over {MAX_S3_BODY:,} bytes, CloudFormation's limit"
            )
        files[path] = text
    return files
