"""Evaluates the intrinsic functions these templates use, as CloudFormation would, for tests."""

from __future__ import annotations

import functools
import re
from typing import Any

import botocore.loaders


@functools.cache
def _partitions() -> list[dict[str, Any]]:
    return botocore.loaders.Loader().load_data("partitions")["partitions"]


def url_suffix(region: str) -> str:
    """What AWS::URLSuffix resolves to, from botocore's partition data (not the catalog)."""
    for partition in _partitions():
        if region in partition["regions"] or re.match(partition["regionRegex"], region):
            return partition["outputs"]["dnsSuffix"]
    raise AssertionError(f"botocore knows no partition for {region}")


# What AWS::NoValue resolves to: the property it stands for is left out.
NO_VALUE = "<AWS::NoValue>"
_FUNCTIONS = {"Fn::If", "Ref", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Sub", "Fn::FindInMap"}


class Stack:
    def __init__(self, template: dict[str, Any], params: dict[str, Any], region: str) -> None:
        self.template = template
        self.refs = {
            "AWS::Region": region,
            "AWS::URLSuffix": url_suffix(region),
            "AWS::NoValue": NO_VALUE,
        }
        for name, spec in template.get("Parameters", {}).items():
            value = params.get(name, spec.get("Default"))
            if value is not None:  # a Ref to a parameter without one fails with its name
                self.refs[name] = str(value)
        self.conditions: dict[str, bool] = {}

    def condition(self, name: str) -> bool:
        if name not in self.conditions:
            self.conditions[name] = bool(self.eval(self.template["Conditions"][name]))
        return self.conditions[name]

    def eval(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self.eval(item) for item in node]
        if not isinstance(node, dict) or len(node) != 1:
            return node
        ((fn, arg),) = node.items()
        if fn == "Ref":
            return self.refs[arg]
        if fn == "Condition":
            return self.condition(arg)
        if fn == "Fn::If":
            return self.eval(arg[1] if self.condition(arg[0]) else arg[2])
        if fn == "Fn::Equals":
            return self.eval(arg[0]) == self.eval(arg[1])
        if fn == "Fn::Not":
            return not self.eval(arg[0])
        if fn == "Fn::And":
            return all(self.eval(a) for a in arg)
        if fn == "Fn::Or":
            return any(self.eval(a) for a in arg)
        if fn == "Fn::Contains":
            return self.eval(arg[1]) in self.eval(arg[0])
        if fn == "Fn::Select":
            return self.eval(arg[1])[int(self.eval(arg[0]))]
        if fn == "Fn::Join":
            return self.eval(arg[0]).join(self.eval(item) for item in arg[1])
        if fn == "Fn::FindInMap":
            name, top, second = (self.eval(a) for a in arg)
            return self.template["Mappings"][name][top][second]
        if fn == "Fn::Sub":
            text, extra = (arg, {}) if isinstance(arg, str) else (arg[0], arg[1])
            values = {**self.refs, **{k: self.eval(v) for k, v in extra.items()}}
            return re.sub(r"\$\{([^}!]+)\}", lambda m: values[m.group(1)], text)
        return {fn: self.eval(arg)}

    def output(self, name: str) -> Any:
        """The value of the stack's output NAME."""
        return self.eval(self.template["Outputs"][name]["Value"])

    def properties(self, resource: str) -> dict[str, Any]:
        """RESOURCE's properties with every function resolved and no-values left out, as
        CloudFormation passes them on (a resource's own Ref or attribute left as written)."""
        resources = self.template["Resources"]

        def resolve(node: Any) -> Any:
            if isinstance(node, dict) and node.get("Ref") in resources:
                return node
            if isinstance(node, dict) and len(node) == 1 and next(iter(node)) in _FUNCTIONS:
                value = self.eval(node)
                return resolve(value) if value != node else node
            if isinstance(node, dict):
                pairs = {k: resolve(v) for k, v in node.items()}
                return {k: v for k, v in pairs.items() if v != NO_VALUE}
            if isinstance(node, list):
                return [resolve(item) for item in node]
            return node

        return resolve(resources[resource]["Properties"])

    def refused_parameters(self) -> list[str]:
        """The parameters whose value breaks their AllowedPattern (matched whole, as
        CloudFormation matches it) or AllowedValues."""
        refused = []
        for name, spec in self.template.get("Parameters", {}).items():
            value = self.refs.get(name)
            if value is None:
                continue
            pattern = spec.get("AllowedPattern")
            if pattern is not None and not re.fullmatch(pattern, value):
                refused.append(name)
            elif "AllowedValues" in spec and value not in map(str, spec["AllowedValues"]):
                refused.append(name)
        return refused

    def failed_rules(self) -> list[str]:
        """The Rules whose condition holds and an assertion fails, as CloudFormation checks
        them before it creates anything (moto does not)."""
        failed = []
        for name, rule in self.template.get("Rules", {}).items():
            if "RuleCondition" in rule and not self.eval(rule["RuleCondition"]):
                continue
            if not all(self.eval(a["Assert"]) for a in rule["Assertions"]):
                failed.append(name)
        return failed
