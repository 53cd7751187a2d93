"""A CloudFormation stack created on moto (inside the caller's mock_aws) and its outputs."""

from __future__ import annotations

from typing import Any


def stack_outputs(client: Any, name: str, body: str, parameters: dict[str, str]) -> dict[str, str]:
    """Create the stack NAME from BODY with PARAMETERS; its outputs by key."""
    client.create_stack(
        StackName=name,
        TemplateBody=body,
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
    )
    stack = client.describe_stacks(StackName=name)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
