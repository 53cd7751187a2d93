"""Framework image lookup: the same answer as the SDK's image_uris.retrieve, from the catalog.

The rules follow the SageMaker Python SDK (sagemaker-core 2.27.0) step by step, because users
compare the two: scope, version (or alias, or the SDK's default), base framework (Hugging
Face), Python version, region, processor (from the instance type), then the tag. Where the
SDK refuses, so does this, with the choices it had. Inputs the SDK takes and this does not:
accelerator_type, container_version, distribution, training_compiler_config, sdk_version,
inference_tool (each has the SDK's default).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from ..errors import UnavailableError
from ._model import Catalog, ImageFamily
from .sentinels import ANY, FLAT, OTHER_SCOPE

# The SDK's special cases by name (its code, not its configs).
HUGGING_FACE = "huggingface"
TRITON = "sagemaker-tritonserver"
SPARK = "spark"
HF_COMPILER_REPOSITORIES = (
    "huggingface-pytorch-trcomp-training",
    "huggingface-tensorflow-trcomp-training",
)
HF_NEURON_REPOSITORIES = (
    "huggingface-pytorch-inference-neuron",
    "huggingface-pytorch-inference-neuronx",
)
_FAMILY = re.compile(r"^ml[._]([a-z\d\-]+)\.?\w*$")


class Query(NamedTuple):  # not a dataclass: dataclasses and copy would slow a lookup
    """A framework image lookup's arguments, as image_uris.retrieve takes them (None: its
    default). ``processor`` is this tool's own: cpu, gpu, ... instead of an instance type."""

    framework: str
    version: str | None = None
    py_version: str | None = None
    instance_type: str | None = None
    scope: str | None = None
    base_framework_version: str | None = None
    processor: str | None = None


class Resolved(NamedTuple):
    framework: str
    region: str
    scope: str | None
    version: str
    py_version: str | None
    processor: str | None
    registry: str
    host: str
    repository: str
    tag: str

    @property
    def uri(self) -> str:
        return f"{self.host}/{_path(self.repository, self.tag)}"


def _path(repository: str, tag: str) -> str:
    return f"{repository}:{tag}" if tag else repository


def _host(catalog: Catalog, registry: str, region: str) -> str:
    return f"{registry}.dkr.ecr.{region}.{catalog.dns_suffix(region)}"


def instance_family(instance_type: str | None) -> str:
    """ml.p4d.24xlarge -> p4d; '' for anything else (the SDK's reading)."""
    match = _FAMILY.match(instance_type) if isinstance(instance_type, str) else None
    return match.group(1) if match else ""


def _choose(value: object, options: Sequence[str], what: str) -> None:
    if value not in options:
        # Written only when shown: answers() and the SDK comparison meet thousands of
        # refusals and read none, and the did-you-mean search (difflib) is slow.
        raise UnavailableError(lambda: _unsupported(value, options, what))


def _unsupported(value: object, options: Sequence[str], what: str) -> str:
    from .suggest import did_you_mean

    hint = did_you_mean(value, options) if isinstance(value, str) else ""
    shown = "(none given)" if value is None else repr(value)
    return f"unsupported {what} {shown}{hint}; supported: {', '.join(options) or '(none)'}"


def family(catalog: Catalog, key: str) -> ImageFamily:
    try:
        return catalog.images[key]
    except KeyError:
        from .suggest import did_you_mean

        hint = did_you_mean(key, [*catalog.algorithms, *catalog.images])
        raise UnavailableError(
            f"unknown algorithm or framework {key!r}{hint}; list them with "
            "`sagemaker-iac algorithms` and `sagemaker-iac frameworks`"
        ) from None


def _config(found: ImageFamily, scope: str | None) -> tuple[Mapping[str, Any], str]:
    """The config serving a scope argument, and the scope it settled on."""
    available = list(found.scopes) if found.scopes is not None else ["versions"]
    if len(available) == 1:
        scope = available[0]
    elif scope is None and found.flat and set(available) == {"training", "inference"}:
        scope = available[0]
    _choose(scope, available, f"image scope for {found.key}")
    assert scope is not None  # _choose refused None: it is never among the scopes
    if found.scopes is None:  # the SDK reaches this config only through another function
        raise UnavailableError(f"{found.key} has no image retrieve() can return")
    return found.configs[FLAT if found.flat else scope], scope


def _processor(instance_type: str | None, available: Sequence[str] | None) -> str | None:
    if not available:
        return None
    if len(available) == 1 and not instance_type:
        return available[0]
    if not instance_type:
        raise UnavailableError(
            f"an instance type (or processor) is needed: the image is built for "
            f"{', '.join(available)}"
        )
    if instance_type.startswith("local"):
        processor = "cpu" if instance_type == "local" else "gpu"
    elif instance_type.startswith("neuron"):
        processor = "neuron"
    else:
        name = instance_family(instance_type)
        if not name:
            raise UnavailableError(f"invalid SageMaker instance type {instance_type!r}")
        if name in available:
            processor = name
        elif name.startswith(("inf", "trn")):
            processor = name[:3]
        else:
            processor = "gpu" if name[0] in "gp" else "cpu"
    _choose(processor, available, "processor")
    return processor


def _numbers(version: str) -> tuple[int, ...]:
    try:
        parts = [int(p) for p in version.split(".")]
    except ValueError:
        raise UnavailableError(f"version {version!r} is not a release number") from None
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def resolve(catalog: Catalog, query: Query, region: str) -> Resolved:
    """The image that image_uris.retrieve returns for this query in REGION, or why not."""
    found = locate(catalog, query)
    framework = query.framework
    accounts = catalog.registry_groups[found.registry_group].accounts
    if region not in accounts:
        from .suggest import did_you_mean, region_problem

        problem = region_problem(region, catalog.regions)
        if problem is not None:
            raise UnavailableError(problem)
        raise UnavailableError(
            f"{framework} {found.version} ({found.repository}) is not published in region "
            f"{region!r}{did_you_mean(region, accounts)}; available regions: "
            f"{', '.join(sorted(accounts))}"
        )
    registry = accounts[region]
    return Resolved(
        framework, region, found.scope, found.version, found.py_version, found.processor,
        registry, _host(catalog, registry, region), found.repository, found.tag,
    )  # fmt: skip


class Located(NamedTuple):
    """An image wherever it is published: its registry group, repository and tag."""

    scope: str | None
    version: str
    py_version: str | None
    processor: str | None
    registry_group: str
    repository: str
    tag: str

    def uris(self, catalog: Catalog) -> dict[str, str]:
        """Region -> this image's URI, wherever it is published."""
        path = _path(self.repository, self.tag)
        accounts = catalog.registry_groups[self.registry_group].accounts
        return {r: f"{_host(catalog, a, r)}/{path}" for r, a in accounts.items()}


def locate(catalog: Catalog, query: Query) -> Located:
    """resolve() without the region: every rule but the last holds in every region."""
    framework, scope, instance_type = query.framework, query.scope, query.instance_type
    version, py_version, processor = query.version, query.py_version, query.processor
    base_framework_version = query.base_framework_version
    if processor is not None and instance_type is not None:
        raise UnavailableError("give an instance type or a processor, not both")
    rules = catalog.image_rules
    named = family(catalog, framework)
    kind = instance_family(instance_type)
    tool = None
    config_key = framework
    if framework in rules.neuron_frameworks and kind.startswith(("inf", "trn")):
        tool = "neuron"
        config_key = f"{framework}-neuron"
    final_scope = scope
    if framework in rules.graviton_frameworks and kind in rules.graviton_instance_families:
        final_scope = "inference_graviton"
    elif scope is None and framework in rules.arm64_tags:
        final_scope = "training"  # the SDK's default for XGBoost and scikit-learn
    if instance_type is not None and "trn" in instance_type:
        _choose(framework, rules.trainium_frameworks, "framework for Trainium instances")
    if kind in rules.graviton_instance_families:
        _choose(framework, rules.graviton_frameworks, "framework for Graviton instances")
    config, settled = _config(family(catalog, config_key), final_scope)

    versions = list(config["versions"])
    aliases: Mapping[str, str] = config.get("version_aliases", {})
    requested = version
    if len(versions) == 1 and version not in aliases:
        version = versions[0]
    elif not version:
        version = named.latest.get(
            "" if scope is None else scope if scope in (named.scopes or ()) else OTHER_SCOPE
        )
    _choose(version, [*versions, *aliases], f"{framework} version")
    assert version is not None
    entry: Mapping[str, Any] = config["versions"][aliases.get(version, version)]

    if framework == HUGGING_FACE:
        if "version_aliases" not in entry:
            raise UnavailableError(f"{framework} {version} has no base framework versions")
        base = entry["version_aliases"].get(base_framework_version, base_framework_version)
        _choose(base, list(entry), "base framework version")
        entry = entry[base]

    pythons = entry.get("py_versions") if "repository" in entry else list(entry)
    if not pythons:
        py_version = None
    elif py_version is None and framework == SPARK:
        pass
    elif py_version is None and len(pythons) == 1:
        py_version = pythons[0]
    else:
        _choose(py_version, pythons, "Python version")
    entry = (entry.get(py_version) if py_version else None) or entry
    if "registry_group" not in entry:
        raise UnavailableError(f"{framework} {version}: choose a Python version")

    repository: str = entry["repository"]
    if processor is not None:
        available = config.get("processors") or entry.get("processors") or []
        if available:  # else ignored, as the SDK ignores an instance type there
            _choose(processor, available, "processor")
        else:
            processor = None
    else:
        processor = _processor(instance_type, config.get("processors") or entry.get("processors"))

    container = None
    if entry.get("container_version"):
        if processor not in entry["container_version"]:
            raise UnavailableError(f"{framework} {version} has no {processor} container")
        container = entry["container_version"][processor]
    if repository in rules.neuron_sdk_repositories:
        container = _neuron_prefix(entry, container)

    if framework == HUGGING_FACE:
        prefix = _hugging_face_prefix(
            config, repository, version, requested, base_framework_version
        )
        if repository in HF_NEURON_REPOSITORIES:
            container = _neuron_prefix(entry, container)
    else:
        prefix = entry.get("tag_prefix", version)

    if repository in (f"{framework}-inference-graviton", f"{framework}-inference-arm64"):
        container = f"{container}-sagemaker"
    if not entry.get("processor_in_tag", True):
        processor = None
    if kind == "p2" and framework in rules.p2_deprecated_from:
        if _numbers(version) >= _numbers(rules.p2_deprecated_from[framework]):
            raise UnavailableError(
                f"{framework} {version} does not run on p2 instances (deprecated from "
                f"{rules.p2_deprecated_from[framework]})"
            )

    tag = _tag(rules, framework, final_scope, kind, version, prefix, processor, tool,
               py_version, container)  # fmt: skip
    return Located(
        settled, version, py_version, processor, entry["registry_group"], repository, tag
    )


def _neuron_prefix(entry: Mapping[str, Any], container: str | None) -> str:
    if not entry.get("sdk_versions") or container is None:
        raise UnavailableError(f"{entry['repository']}: no Neuron SDK version to tag with")
    return f"{max(entry['sdk_versions'])}-{container}"


def _hugging_face_prefix(
    config: Mapping[str, Any],
    repository: str,
    version: str,
    requested: str | None,
    base: str | None,
) -> str:
    match = re.match(r"^(pytorch|tensorflow)(.*)$", base or "")
    if match is None:
        raise UnavailableError(f"base framework version {base!r} is not pytorchX or tensorflowX")
    framework_version = match.group(2)
    aliases = config.get("version_aliases", {})
    transformers = aliases.get(version, version)
    if repository in HF_COMPILER_REPOSITORIES:
        transformers = version
    if repository in HF_NEURON_REPOSITORIES:
        if "version_aliases" not in config:
            raise UnavailableError(f"huggingface {version}: no version aliases")
        if aliases.get(requested):
            transformers = aliases[requested]
        base_aliases = config["versions"].get(transformers, {}).get("version_aliases", {})
        if base_aliases.get(base):
            # ignore: a base alias that does not match fails here as it fails in the SDK.
            framework_version = re.match(r"^(pytorch|tensorflow)(.*)$", base_aliases[base]).group(2)  # type: ignore[union-attr]
    return f"{framework_version}-transformers{transformers}"


def _tag(
    rules: Any,
    framework: str,
    final_scope: str | None,
    kind: str,
    version: str,
    prefix: str,
    processor: str | None,
    tool: str | None,
    py_version: str | None,
    container: str | None,
) -> str:
    middle = tool or processor
    tag = "-".join(x for x in (prefix, middle, py_version, container) if x)
    if framework in rules.arm64_tags:
        if kind and final_scope == "inference_graviton":
            _choose(kind, rules.graviton_instance_families, "instance type")
        if kind in rules.graviton_instance_families or final_scope == "inference_graviton":
            tags = rules.arm64_tags[framework]
            if version not in tags:
                raise UnavailableError(
                    f"{framework} {version} has no Arm image; versions with one: {', '.join(tags)}"
                )
            tag = tags[version]
    elif kind == "p4d":
        tag = "-".join((tag, s)) if (s := rules.p4d_container_versions.get(
            f"{framework}-{tag}")) else tag  # fmt: skip
    if framework == TRITON and processor == "gpu":
        tag = tag.rstrip("-gpu")  # the SDK strips these characters, not the suffix
    return tag


def versions_of(found: ImageFamily, scope: str | None = None) -> list[str]:
    """A family's versions and aliases, in the SDK's order (its configs' own)."""
    seen: dict[str, None] = {}
    for key, config in found.configs.items():
        if scope is None or found.flat or key == scope:
            seen.update(dict.fromkeys(config["versions"]))
            seen.update(dict.fromkeys(config.get("version_aliases", {})))
    return list(seen)


def leaves(entry: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A version's images: itself, or those under its base frameworks or Python versions."""
    if "repository" in entry:
        return [entry]
    return [v for k, v in entry.items() if k != "version_aliases"]


def _options(found: ImageFamily, scope: str | None, version: str | None) -> tuple[set, set, set]:
    """Python versions, base frameworks and processors a (scope, version) could take."""
    pys: set[str] = set()
    bases: set[str] = set()
    processors: set[str] = set()
    for key, config in found.configs.items():
        if not (scope is None or found.flat or key == scope or len(found.configs) == 1):
            continue
        processors.update(config.get("processors", ()))
        aliases = config.get("version_aliases", {})
        names = config["versions"] if version is None else [aliases.get(version, version)]
        for name in names:
            entry = config["versions"].get(name)
            if entry is None:
                continue
            if "repository" not in entry:  # keyed by base framework or Python version
                keys = [k for k in entry if k != "version_aliases"]
                if found.key == HUGGING_FACE:
                    bases.update(keys, entry.get("version_aliases", {}))
                else:
                    pys.update(keys)
            for leaf in leaves(entry):
                pys.update(leaf.get("py_versions", ()))
                processors.update(leaf.get("processors", ()))
    return pys, bases, processors


def answers(catalog: Catalog, framework: str) -> dict[tuple[str | None, ...], Located]:
    """Every argument set (scope, version, py_version, base_framework_version, processor;
    None where not given, ANY where any value is ignored) the lookup accepts, answered."""
    found = family(catalog, framework)
    out: dict[tuple[str | None, ...], Located] = {}
    _enumerate(catalog, found, out)
    return out


def _enumerate(
    catalog: Catalog, found: ImageFamily, out: dict[tuple[str | None, ...], Located]
) -> None:
    framework = found.key
    for scope in (None, *(found.scopes or ())):
        for version in (None, *versions_of(found, scope)):
            pys, bases, processors = _options(found, scope, version)
            for base in (None, *sorted(bases)):
                for py in (None, ANY, *sorted(pys)):
                    for processor in (None, ANY, *sorted(processors)):
                        try:
                            query = Query(
                                framework,
                                version=version,
                                py_version=py,
                                scope=scope,
                                base_framework_version=base,
                                processor=processor,
                            )
                            located = locate(catalog, query)
                        except UnavailableError:
                            continue
                        if py not in (None, ANY) and (scope, version, ANY, base, None) in out:
                            continue  # any Python version is ignored here: ANY's entry says so
                        if processor not in (None, ANY) and (
                            (scope, version, py, base, ANY) in out
                        ):
                            continue
                        out[(scope, version, py, base, processor)] = located
