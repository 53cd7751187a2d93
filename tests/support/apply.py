"""Helpers of the apply tests: a root module applied against the moto server, and the
check that a plan after apply changes nothing but what the emulator answers differently."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.terraform import provider_override, provider_terraform

REGION = "us-east-1"
KMS_KEY = "aws_kms_key.test.arn"
# Where moto answers differently from AWS, so a plan after apply is not empty. Each is
# named, with why; anything else a plan wants to change fails the test.
EMULATOR_DIFFERENCES = {
    "aws_sagemaker_model": {
        "enable_network_isolation": "moto's DescribeModel leaves out EnableNetworkIsolation "
        "(the plan before apply shows true: test_network_isolation_is_planned_on)",
        "vpc_config": "moto answers an empty VpcConfig for a model created without one",
        "tags": "moto answers an empty tag list where the provider expects none",
        "name": "the model is replaced for the rows above, so its name moves on",
    },
    "aws_sagemaker_endpoint_configuration": {
        "data_capture_config": "moto answers a disabled DataCaptureConfig for a "
        "configuration created without one",
        "tags": "moto answers an empty tag list where the provider expects none",
        "name": "replaced for the rows above (name_prefix)",
        "name_prefix": "replaced for the rows above",
        "production_variants": "names the model replaced for the rows above",
        "arn": "replaced for the rows above",
        "id": "replaced for the rows above",
        "tags_all": "replaced for the rows above",
    },
    "aws_sagemaker_endpoint": {
        "endpoint_config_name": "follows the configuration replaced for the rows above",
    },
}
# The computed attributes that any replacement leaves unknown in the plan.
_COMPUTED = {"arn", "id", "tags_all", "inference_execution_config", "name"}


def _set(value: Any) -> Any:
    """A value with its empty parts dropped: the provider stores "" and {} where a
    configuration leaves an argument out, and counts the two as the same."""
    if isinstance(value, dict):
        kept = {k: _set(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None} or None
    if isinstance(value, list):
        kept = [_set(v) for v in value]
        return [v for v in kept if v is not None] or None
    return None if value in ("", None) else value


def unexplained(plan: dict[str, Any]) -> list[str]:
    """Every planned change that EMULATOR_DIFFERENCES does not name."""
    problems = []
    for change in plan.get("resource_changes", []):
        actions = change["change"]["actions"]
        if actions == ["no-op"] or actions == ["read"]:
            continue
        allowed = EMULATOR_DIFFERENCES.get(change["type"], {})
        before, after = change["change"]["before"] or {}, change["change"]["after"] or {}
        unknown = change["change"].get("after_unknown") or {}
        changed = {k for k in set(before) | set(after) if _set(before.get(k)) != _set(after.get(k))}
        changed |= {k for k, v in unknown.items() if v is True and k not in _COMPUTED}
        changed |= {p[0] for p in change["change"].get("replace_paths") or []}
        if "delete" in actions and "create" not in actions:
            changed.add("<deleted>")
        for name in sorted(changed - set(allowed) - (_COMPUTED & set(unknown))):
            problems.append(f"{change['address']}: {actions} {name}")
    return problems


class Root:
    """A root module applied against moto; every command runs in its folder."""

    def __init__(self, folder: Path, data: Path, url: str) -> None:
        """Writes the provider override (the only file a user's copy changes) and inits."""
        self.folder, self.data, self.url = folder, data, url
        (folder / "moto_override.tf").write_text(provider_override(REGION))
        provider_terraform("init", cwd=folder, data=data)

    def run(self, *args: str, check: bool = True) -> Any:
        return provider_terraform(*args, cwd=self.folder, data=self.data, check=check)

    def plan(self, *variables: str) -> dict[str, Any]:
        self.run("plan", "-out=plan.bin", *variables)
        return json.loads(self.run("show", "-json", "plan.bin").stdout)

    def apply(self, *variables: str) -> dict[str, Any]:
        """Plan, apply that plan, and return it (for tests that read what was planned)."""
        plan = self.plan(*variables)
        self.run("apply", "plan.bin")
        return plan

    def apply_now(self, *variables: str) -> None:
        """Plan and apply in one command, where the test needs no plan of its own."""
        self.run("apply", "-auto-approve", *variables)

    def managed_types(self) -> set[str]:
        """The resource types in the state (the local backend's file): no command needed."""
        state = json.loads((self.folder / "terraform.tfstate").read_text())
        return {r["type"] for r in state["resources"] if r["mode"] == "managed"}

    def outputs(self) -> dict[str, Any]:
        shown = json.loads(self.run("output", "-json").stdout)
        return {k: v["value"] for k, v in shown.items()}

    def client(self, service: str) -> Any:
        import boto3  # here: the fast lane collects this module without it

        return boto3.client(
            service,
            region_name=REGION,
            endpoint_url=self.url,
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )
