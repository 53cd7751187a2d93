"""The catalog model: the validated facts and the lookups every stage reads."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Literal, NamedTuple

from ..errors import UnavailableError


class Source(NamedTuple):
    key: str
    title: str
    document: str
    date: str


class Partition(NamedTuple):
    key: str
    dns_suffix: str
    source: str


class RegistryGroup(NamedTuple):
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


class InstanceClass(NamedTuple):
    processors: tuple[str, ...]
    single_instance: tuple[str, ...] = ()
    gpu_single_device: bool = False
    gpu_dense_data_only: bool = False
    # Tags built for fewer processors than the algorithm's (legacy CPU-only XGBoost, say).
    processors_by_tag: Mapping[str, tuple[str, ...]] = {}


class Algorithm(NamedTuple):
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


class ImageFamily(NamedTuple):
    """Every image of one SageMaker Python SDK framework (one image_uri_config file).

    ``configs`` keeps the SDK's own shape, so that its lookup rules apply unchanged: scope ->
    {versions, version_aliases, processors}, a version -> an entry (repository, processors,
    py_versions, container_version, tag_prefix, processor_in_tag, sdk_versions) or, for
    Hugging Face and Python-keyed versions, a mapping of such entries. Each entry names a
    shared registry group instead of repeating its account map.
    """

    key: str
    # The scopes the SDK offers; None where one config serves every scope ("flat").
    scopes: tuple[str, ...] | None
    flat: bool
    configs: Mapping[str, Mapping]  # scope (or "all" when flat) -> the SDK's config
    # The version retrieve() picks when none is given, by scope argument ("" for none);
    # None where retrieve() then refuses.
    latest: Mapping[str, str | None]
    source: str


class ImageRules(NamedTuple):
    """The SDK's lookup facts that live in its code rather than its configs."""

    graviton_frameworks: tuple[str, ...] = ()
    graviton_instance_families: tuple[str, ...] = ()
    neuron_frameworks: tuple[str, ...] = ()  # use <framework>-neuron on inf/trn instances
    trainium_frameworks: tuple[str, ...] = ()
    arm64_tags: Mapping[str, Mapping[str, str]] = {}  # framework -> version -> tag
    # framework-tag -> suffix added on p4d instances (the SDK's auto-selected containers)
    p4d_container_versions: Mapping[str, str] = {}
    # framework -> first version whose images refuse p2 instances
    p2_deprecated_from: Mapping[str, str] = {}
    # repositories whose tags start with the Neuron SDK version
    neuron_sdk_repositories: tuple[str, ...] = ()
    # framework -> distribution strategy -> processor ("*" any) -> the framework versions
    # the SDK accepts it for; {} where it takes any version on any processor
    distributions: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]] = {}
    source: str | None = None


class Release(NamedTuple):
    """One AWS Deep Learning Containers release: the tags of one version of an image
    (an accelerator, a platform), its general availability and its end of patch."""

    version: str
    accelerator: str
    platform: str
    ga: str  # YYYY-MM-DD
    eop: str  # YYYY-MM-DD: the last day it gets security patches
    tags: tuple[str, ...]


class JumpStartImage(NamedTuple):
    """An image JumpStart models run in: a repository and tag of a catalog registry group."""

    key: str
    repository: str
    registry_group: str
    tag: str


class JumpStartRelease(NamedTuple):
    """One version of a JumpStart model, as its hosting needs it. Images are named by
    alias: an instance family or type -> an alias -> an image of the section's table."""

    key: str  # the version
    default_instance_type: str
    instance_types: tuple[str, ...]
    environment: Mapping[str, str]
    # instance family or type -> environment added over the base (family, then type)
    environment_overrides: Mapping[str, Mapping[str, str]]
    # instance family or type -> image alias (a type's alias wins over its family's)
    image_aliases: Mapping[str, str]
    aliases: Mapping[str, str]  # alias -> image key, in every region but those below
    # region -> its own alias table, where it differs from aliases
    region_aliases: Mapping[str, Mapping[str, str]]
    regions: tuple[str, ...]  # where JumpStart lists the model
    artifact_key: str | None = None
    prepacked_artifact_key: str | None = None
    gated_bucket: bool = False
    eula: str | None = None  # the EULA's key in the content bucket; set: must be accepted


class JumpStart(NamedTuple):
    """JumpStart models by id, then version (oldest first), and the images they run in."""

    source: str
    images: Mapping[str, JumpStartImage]
    models: Mapping[str, Mapping[str, JumpStartRelease]]


class Catalog(NamedTuple):
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
    gpu_counts: Mapping[str, int] = {}  # ML instance type -> its GPUs
    gpu_counts_source: str | None = None
    images: Mapping[str, ImageFamily] = {}  # SDK framework -> its images
    image_rules: ImageRules = ImageRules()
    # repository -> its Deep Learning Containers releases with an end-of-patch date
    end_of_patch: Mapping[str, tuple[Release, ...]] = {}
    end_of_patch_source: str | None = None
    jumpstart: JumpStart | None = None

    def release(self, repository: str, tag: str | None) -> Release | None:
        """The Deep Learning Containers release whose tags hold TAG, if the catalog has
        its dates (tags are matched exactly: a tag names one build)."""
        return next((r for r in self.end_of_patch.get(repository, ()) if tag in r.tags), None)

    def newest_patched(self, repository: str, like: Release, today: str) -> Release | None:
        """The newest release of REPOSITORY for LIKE's accelerator and platform that is
        still patched on TODAY (YYYY-MM-DD)."""
        patched = [
            r
            for r in self.end_of_patch.get(repository, ())
            if (r.accelerator, r.platform) == (like.accelerator, like.platform) and r.eop >= today
        ]
        return max(patched, key=lambda r: (r.ga, r.eop), default=None)

    def for_algorithms(self) -> Catalog:
        """The catalog as the built-in algorithms' outputs see it: no framework images, no
        JumpStart models, and only the registry groups, regions and partitions the
        algorithms use."""
        used = {
            image.registry_group
            for a in self.algorithms.values()
            for image in (a.image(), a.inference, a.graviton)
            if image is not None
        }
        groups = {k: g for k, g in self.registry_groups.items() if k in used}
        regions = {
            r: p for r, p in self.regions.items() if any(r in g.accounts for g in groups.values())
        }
        return self._replace(
            registry_groups=groups,
            regions=regions,
            partitions={k: p for k, p in self.partitions.items() if k in regions.values()},
            images={},
            jumpstart=None,
        )

    def algorithm(self, key: str) -> Algorithm:
        try:
            return self.algorithms[key]
        except KeyError:
            from .suggest import did_you_mean

            hint = did_you_mean(key, self.algorithms)
            known = ", ".join(sorted(self.algorithms))
            raise UnavailableError(f"unknown algorithm {key!r}{hint}; known: {known}") from None

    def regions_for(self, key: str, scope: Scope = "training") -> list[str]:
        """The regions where the algorithm's image is published, sorted."""
        return sorted(
            self.registry_groups[self.algorithm(key).image(scope).registry_group].accounts
        )

    def dns_suffix(self, region: str) -> str:
        return self.partitions[self.regions[region]].dns_suffix

    def registry_id(self, key: str, region: str, scope: Scope = "training") -> str:
        accounts = self.registry_groups[self.algorithm(key).image(scope).registry_group].accounts
        if region not in accounts:
            from .suggest import did_you_mean, region_problem

            problem = region_problem(region, self.regions)
            if problem is not None:  # not a region at all: say so, not "not published"
                raise UnavailableError(problem)
            hint = did_you_mean(region, accounts) if region not in self.regions else ""
            raise UnavailableError(
                f"algorithm {key!r} is not published in region {region!r}{hint}; "
                f"available regions: {', '.join(sorted(accounts))}"
            )
        return accounts[region]

    def registry_host(self, key: str, region: str, scope: Scope = "training") -> str:
        registry = self.registry_id(key, region, scope)
        return f"{registry}.dkr.ecr.{region}.{self.dns_suffix(region)}"

    def image_uri(
        self, key: str, region: str, tag: str | None = None, scope: Scope = "training"
    ) -> str:
        image = self.algorithm(key).image(scope)
        if tag is None:
            tag = image.default_tag
        elif tag not in image.tags:
            from .suggest import did_you_mean

            raise UnavailableError(
                f"tag {tag!r} is not published for algorithm {key!r} ({scope})"
                f"{did_you_mean(tag, image.tags)}; available tags: {', '.join(image.tags)}"
            )
        return f"{self.registry_host(key, region, scope)}/{image.repository}:{tag}"

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
            algorithm = self.algorithms[key]
            if scope not in algorithm.scopes():
                continue
            image = algorithm.image(scope)
            accounts = self.registry_groups[image.registry_group].accounts
            path = f"{image.repository}:{image.default_tag}"
            for region in sorted(accounts):  # as image_uri() builds it, without its checks
                host = f"{accounts[region]}.dkr.ecr.{region}.{self.dns_suffix(region)}"
                yield key, region, f"{host}/{path}"
