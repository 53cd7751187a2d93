"""A JumpStart model's hosting, resolved from the catalog's jumpstart section as the
SageMaker SDK resolves it from the model's specs: the image by instance type, else its
family; the environment as the base, then the family's and the type's overrides; the
prepacked artefact where there is one, in the regional (or, for gated models, the gated)
content bucket."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from ..errors import UnavailableError, UserError
from ._model import Catalog, JumpStart, JumpStartRelease

# The SDK's regional JumpStart buckets (the gated one holds models behind an EULA).
CONTENT_BUCKET = "jumpstart-cache-prod-{region}"
GATED_CONTENT_BUCKET = "jumpstart-private-cache-prod-{region}"
_FAMILY = re.compile(r"^ml[._]([a-z0-9-]+)\.?\w*$")


def version_key(version: str) -> tuple[int, ...]:
    """A JumpStart version's order (numbers and dots)."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def instance_family(instance_type: str) -> str:
    """g5 for ml.g5.2xlarge: the key of a family's image and environment."""
    match = _FAMILY.match(instance_type)
    return match.group(1) if match else ""


def task(model_id: str) -> str:
    """The task a JumpStart model id names (framework-task-name), such as textgeneration."""
    parts = model_id.split("-", 2)
    return parts[1] if len(parts) == 3 else ""


class ModelData(NamedTuple):
    s3_uri: str
    s3_data_type: str  # S3Prefix (an uncompressed folder) or S3Object (a .tar.gz)
    compression_type: str  # None or Gzip


class Hosting(NamedTuple):
    """What CreateModel needs for one model version on one instance type in one region."""

    model_id: str
    version: str
    region: str
    instance_type: str
    image_uri: str
    model_data: ModelData | None
    environment: Mapping[str, str]
    requires_eula: bool
    eula: str | None
    default_instance_type: str
    instance_types: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The `jumpstart --json` answer."""
        return {
            "model_id": self.model_id,
            "version": self.version,
            "region": self.region,
            "instance_type": self.instance_type,
            "image_uri": self.image_uri,
            "model_data": self.model_data._asdict() if self.model_data else None,
            "environment": dict(self.environment),
            "requires_eula": self.requires_eula,
            "default_instance_type": self.default_instance_type,
            "instance_types": list(self.instance_types),
        }


def section(catalog: Catalog) -> JumpStart:
    if catalog.jumpstart is None:
        raise UserError(
            f"{catalog.path}: no jumpstart section (add one with sagemaker-iac import jumpstart)"
        )
    return catalog.jumpstart


def releases(catalog: Catalog, model_id: str) -> Mapping[str, JumpStartRelease]:
    models = section(catalog).models
    if model_id not in models:
        from .suggest import did_you_mean

        raise UnavailableError(
            f"unknown JumpStart model {model_id!r}{did_you_mean(model_id, models)}; "
            "list them with: sagemaker-iac jumpstart --list --search TEXT"
        )
    return models[model_id]


def newest(versions: Mapping[str, JumpStartRelease]) -> JumpStartRelease:
    return versions[max(versions, key=version_key)]


def release(catalog: Catalog, model_id: str, version: str | None = None) -> JumpStartRelease:
    """The model's VERSION, or its newest in the catalog."""
    versions = releases(catalog, model_id)
    if version is None:
        return newest(versions)
    if version not in versions:
        raise UnavailableError(
            f"JumpStart model {model_id!r} has no version {version!r} in the catalog; "
            f"it has: {', '.join(sorted(versions, key=version_key))}"
        )
    return versions[version]


def model_data(found: JumpStartRelease, region: str) -> ModelData | None:
    key = found.prepacked_artifact_key or found.artifact_key
    if key is None:
        return None
    bucket = (GATED_CONTENT_BUCKET if found.gated_bucket else CONTENT_BUCKET).format(region=region)
    if key.endswith("/"):
        return ModelData(f"s3://{bucket}/{key}", "S3Prefix", "None")
    return ModelData(f"s3://{bucket}/{key}", "S3Object", "Gzip")


def eula_url(catalog: Catalog, found: JumpStartRelease, region: str) -> str | None:
    """Where the model's EULA is, as the SDK names it (in the regional content bucket)."""
    if found.eula is None:
        return None
    bucket = CONTENT_BUCKET.format(region=region)
    return f"https://{bucket}.s3.{region}.{catalog.dns_suffix(region)}/{found.eula}"


def environment(found: JumpStartRelease, instance_type: str) -> dict[str, str]:
    overrides = found.environment_overrides
    return {
        **found.environment,
        **overrides.get(instance_family(instance_type), {}),
        **overrides.get(instance_type, {}),
    }


def image_key(found: JumpStartRelease, region: str, instance_type: str) -> str | None:
    """The image table's key for INSTANCE_TYPE in REGION, None where none is published."""
    alias = found.image_aliases.get(instance_type) or found.image_aliases.get(
        instance_family(instance_type)
    )
    if alias is None or region not in found.regions:
        return None
    return found.region_aliases.get(region, found.aliases).get(alias)


def image_uri(catalog: Catalog, key: str, region: str) -> str:
    image = section(catalog).images[key]
    account = catalog.registry_groups[image.registry_group].accounts[region]
    return f"{account}.dkr.ecr.{region}.{catalog.dns_suffix(region)}/{image.repository}:{image.tag}"


def hosting(
    catalog: Catalog,
    model_id: str,
    region: str,
    version: str | None = None,
    instance_type: str | None = None,
) -> Hosting:
    """How to host MODEL_ID in REGION; refusals name what there is instead."""
    found = release(catalog, model_id, version)
    instance_type = instance_type or found.default_instance_type
    if instance_type not in found.instance_types:
        raise UnavailableError(
            f"JumpStart model {model_id} {found.key} does not support instance type "
            f"{instance_type!r}; it supports: {', '.join(found.instance_types)}"
        )
    if region not in found.regions:
        from .suggest import region_problem

        problem = region_problem(region, catalog.regions)
        raise UnavailableError(
            (problem + "; " if problem else "")
            + f"JumpStart model {model_id} {found.key} is not published in {region!r}; "
            f"it is in: {', '.join(found.regions)}"
        )
    key = image_key(found, region, instance_type)
    if key is None:
        where = [r for r in found.regions if image_key(found, r, instance_type)]
        raise UnavailableError(
            f"JumpStart model {model_id} {found.key} has no image for {instance_type} in "
            f"{region}; for that instance type, it is in: {', '.join(where) or 'no region'}"
        )
    return Hosting(
        model_id=model_id,
        version=found.key,
        region=region,
        instance_type=instance_type,
        image_uri=image_uri(catalog, key, region),
        model_data=model_data(found, region),
        environment=environment(found, instance_type),
        requires_eula=found.eula is not None,
        eula=found.eula,
        default_instance_type=found.default_instance_type,
        instance_types=found.instance_types,
    )


class Listed(NamedTuple):
    model_id: str
    version: str
    task: str
    gated: bool
    requires_eula: bool
    regions: int


def listing(catalog: Catalog, search: str | None = None) -> Iterator[Listed]:
    """Every model with its newest version, those whose id contains SEARCH (any case)."""
    text = (search or "").lower()
    for model_id, versions in sorted(section(catalog).models.items()):
        if text and text not in model_id.lower():
            continue
        found = newest(versions)
        yield Listed(
            model_id,
            found.key,
            task(model_id),
            found.gated_bucket,
            found.eula is not None,
            len(found.regions),
        )
