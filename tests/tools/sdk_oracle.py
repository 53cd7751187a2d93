"""Asks the SageMaker Python SDK itself: runs under the SDK's own interpreter (.venv-sdk).

Enumerates every argument combination from the SDK's image_uri_config files (not from the
catalog under test) and prints one JSON document: for each combination, its arguments and
either the URI that image_uris.retrieve returns or the type of what it raised.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import sys
import types
from pathlib import Path

from sagemaker.core import common_utils, image_uris
from sagemaker.core.workflow import utilities as workflow_utilities

# Instance types that reach each of retrieve's branches: CPU, GPU, the p4d container suffix,
# the p2 deprecation, Inferentia 1 and 2, Trainium, Graviton, local mode.
INSTANCE_TYPES = (
    None,
    "ml.c5.xlarge",
    "ml.p3.2xlarge",
    "ml.g5.xlarge",
    "ml.p4d.24xlarge",
    "ml.p2.xlarge",
    "ml.inf1.xlarge",
    "ml.inf2.xlarge",
    "ml.trn1.2xlarge",
    "ml.c6g.xlarge",
    "local",
    "local_gpu",
)
NOT_A_REGION = "us-west-9"


def _subtrees(config: dict) -> dict[str | None, dict]:
    if "versions" in config:
        return {None: config}
    return {s: c for s, c in config.items() if isinstance(c, dict) and "versions" in c}


def _entries(entry: dict) -> list[dict]:
    if "repository" in entry:
        return [entry]
    return [e for k, e in entry.items() if k != "version_aliases" and isinstance(e, dict)]


def combinations(folder: Path) -> list[dict]:
    """Every argument set worth asking: versions, aliases, Python versions, scopes..."""
    found = []
    for path in sorted(folder.glob("*.json")):
        framework = path.stem
        config = json.loads(path.read_text())
        subtrees = _subtrees(config)
        if not subtrees:
            continue
        own = config.get("scope") or [s for s in subtrees if s]
        # Its own scopes, none, and the usual two where it lacks them (the SDK then
        # refuses, or defaults to a framework's only scope).
        scopes = [None, *own, *sorted({"training", "inference"} - set(own))]
        for scope in scopes:
            trees = [subtrees[scope]] if scope in subtrees else list(subtrees.values())
            versions: dict[str | None, set] = {None: set()}
            bases: set = {None}
            for tree in trees:
                aliases = tree.get("version_aliases", {})
                for version in (*tree["versions"], *aliases):
                    entry = tree["versions"].get(aliases.get(version, version), {})
                    pys = versions.setdefault(version, set())
                    for leaf in _entries(entry):
                        pys.update(leaf.get("py_versions", []))
                    if "repository" not in entry:
                        pys.update(k for k in entry if k.startswith("py"))
                        bases.update(k for k in entry if not k.startswith("py"))
                        bases.update(entry.get("version_aliases", {}))
            bases.discard("version_aliases")
            for version, pys in versions.items():
                for py in (None, *sorted(pys)):
                    for instance_type in INSTANCE_TYPES:
                        for base in (
                            sorted(bases, key=str) if framework == "huggingface" else [None]
                        ):
                            found.append(
                                {
                                    "framework": framework,
                                    "version": version,
                                    "py_version": py,
                                    "instance_type": instance_type,
                                    "image_scope": scope,
                                    "base_framework_version": base,
                                }
                            )
    return found


def main() -> None:
    """Each combination's arguments and the SDK's answer, region aside.

    retrieve() checks the region against one version's account map and nothing after that
    depends on the region, so each combination is asked once, with the account map
    recorded: its answer in region R is that map's account for R (or a refusal where R is
    not in it) before the repository and tag. Beside them: ECR's host per region, the
    account maps, and a check of that factoring (unfactored calls in every region for a
    sample).
    """
    folder = Path(image_uris.__file__).parent / "image_uri_config"
    logging.disable(logging.CRITICAL)
    # The SDK rereads a config and botocore's endpoints on every call; the answers do not
    # depend on that, and a hundred thousand calls would take minutes.
    image_uris.config_for_framework = functools.lru_cache(None)(image_uris.config_for_framework)
    resolver = common_utils._botocore_resolver()
    common_utils._botocore_resolver = lambda: resolver
    # retrieve's pipeline-parameter decorator takes the function's signature on every call
    # (half the run); a function's signature never changes.
    signature = functools.lru_cache(None)(inspect.signature)
    workflow_utilities.inspect = types.SimpleNamespace(signature=signature)
    regions = sorted(
        {r for p in folder.glob("*.json") for r in _regions(json.loads(p.read_text()))}
    )
    hosts = {}
    for region in regions:
        endpoint = resolver.construct_endpoint("ecr", region)
        hosts[region] = endpoint["hostname"] if endpoint else f"ecr.{region}.amazonaws.com"
    real = image_uris._registry_from_region
    seen: list[dict] = []

    def record(region: str, registry_dict: dict) -> str:
        seen.append(dict(registry_dict))
        return "ACCOUNT"

    image_uris._registry_from_region = record
    combos = combinations(folder)
    answers = []
    tables: dict[str, int] = {}
    for args in combos:
        seen.clear()
        try:
            uri = image_uris.retrieve(region="us-east-1", **args)
            key = json.dumps(seen[0], sort_keys=True)
            answer = {
                "path": uri.split("/", 1)[1],
                "registries": tables.setdefault(key, len(tables)),
            }
        except Exception as exc:
            answer = {"error": type(exc).__name__}
        answers.append(answer)
    image_uris._registry_from_region = real
    checked = mismatched = 0
    maps = {i: json.loads(k) for k, i in tables.items()}
    for args, answer in list(zip(combos, answers, strict=True))[::401]:
        for region in (*regions, NOT_A_REGION):
            try:
                got = image_uris.retrieve(region=region, **args)
            except Exception:
                got = None
            expected = None
            accounts = maps.get(answer.get("registries"), {})
            if "path" in answer and region in accounts:
                expected = f"{accounts[region]}.dkr.{hosts[region]}/{answer['path']}"
            checked += 1
            mismatched += got != expected
    # One document: a hundred thousand small writes and reads took seconds on each side.
    document = json.dumps(
        {
            "hosts": hosts,
            "answers": [{**args, **answer} for args, answer in zip(combos, answers, strict=True)],
            "registries": [json.loads(k) for k in tables],
            "factoring": {"factoring_checked": checked, "factoring_mismatched": mismatched},
        }
    )
    sys.stdout.write(document)


def _regions(node: object) -> set[str]:
    if isinstance(node, dict):
        found = (
            set(node.get("registries", {})) if isinstance(node.get("registries"), dict) else set()
        )
        for value in node.values():
            found |= _regions(value)
        return found
    return set()


if __name__ == "__main__":
    main()
