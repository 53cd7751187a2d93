"""A property of generated catalogs: for any lookup, `uri`, the Terraform framework module
and the CloudFormation framework template give the same image, or all three refuse."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sagemaker_iac.api import UserError, build, load_catalog
from sagemaker_iac.targets.cloudformation._frameworks import DEFAULT, NONE, ROOT
from sagemaker_iac.targets.terraform._modules import FRAMEWORK_MODULE
from support.cfn_eval import Stack
from support.cli import invoke
from support.paths import FIXTURES
from support.readers import load_cfn
from support.terraform import TERRAFORM_MARKS, terraform

pytestmark = [*TERRAFORM_MARKS]

WHOLE = FIXTURES / "catalogs" / "good" / "whole.yaml"
# pytorch and sklearn meet the SDK's rules written for them (Graviton, Arm tags, P2);
# "custom" meets none.
NAMES = ("pytorch", "sklearn", "custom")
SCOPES = ("training", "inference", "inference_graviton")
VERSIONS = ("1.0.0", "1.1.0", "2.0.1", "2.1")
PYS = ("py3", "py310", "py311")
PROCESSORS = ("cpu", "gpu")
# Groups of the base catalog: one lacks cn-north-1, so some lookups are not published.
GROUPS = ("pytorch", "pytorch-2", "xgboost")
REGIONS = ("us-east-1", "us-west-2", "cn-north-1")


def _base() -> dict[str, Any]:
    data = yaml.safe_load(WHOLE.read_text(encoding="utf-8"))
    data["image_rules"]["neuron_frameworks"] = []  # no *-neuron framework is generated
    return data


BASE = _base()


@st.composite
def entries(draw: st.DrawFn) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "repository": draw(st.sampled_from(("repo-a", "repo-b"))),
        "registry_group": draw(st.sampled_from(GROUPS)),
    }
    if draw(st.booleans()):
        entry["py_versions"] = draw(st.lists(st.sampled_from(PYS), min_size=1, unique=True))
    if draw(st.booleans()):
        entry["tag_prefix"] = draw(st.sampled_from(("1.0-1", "x.y")))
    if draw(st.booleans()):
        entry["container_version"] = {"gpu": "cu121-ubuntu22.04"}
    return entry


@st.composite
def configs(draw: st.DrawFn) -> dict[str, Any]:
    versions = draw(st.lists(st.sampled_from(VERSIONS), min_size=1, max_size=3, unique=True))
    config: dict[str, Any] = {}
    if draw(st.booleans()):
        config["processors"] = draw(st.lists(st.sampled_from(PROCESSORS), min_size=1, unique=True))
    if draw(st.booleans()):
        config["version_aliases"] = {v.rsplit(".", 1)[0] + ".x": v for v in versions[:1]}
    config["versions"] = {v: draw(entries()) for v in versions}
    return config


@st.composite
def frameworks(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    name = draw(st.sampled_from(NAMES))
    scopes = draw(st.lists(st.sampled_from(SCOPES), min_size=1, unique=True))
    flat = draw(st.booleans())
    table = {"all": draw(configs())} if flat else {s: draw(configs()) for s in scopes}
    latest: dict[str, str | None] = {"": None, "*": None}
    for scope in scopes:
        versions = list(table["all" if flat else scope]["versions"])
        latest[scope] = draw(st.sampled_from([*versions, None]))
    found = {"source": "sagemaker-sdk", "scopes": scopes, "flat": flat}
    return name, {**found, "latest": latest, "configs": table}


@st.composite
def lookups(draw: st.DrawFn, scopes: list[str]) -> dict[str, str | None]:
    return {
        "region": draw(st.sampled_from(REGIONS)),
        "scope": draw(st.sampled_from(scopes)),
        "version": draw(st.sampled_from((None, "9.9", *VERSIONS, "1.0.x", "2.1.x"))),
        "py_version": draw(st.sampled_from((None, *PYS))),
        "processor": draw(st.sampled_from((None, *PROCESSORS))),
    }


def _uri(catalog: Path, framework: str, lookup: dict[str, str | None]) -> str:
    """`sagemaker-iac uri`'s answer; "" where it refuses (exit 2)."""
    options = {
        "--region": lookup["region"],
        "--scope": lookup["scope"],
        "--version": lookup["version"],
        "--py-version": lookup["py_version"],
        "--processor": lookup["processor"],
    }
    given_ = [x for k, v in options.items() if v is not None for x in (k, v)]
    result = invoke(["uri", framework, "--catalog", str(catalog), *given_])
    assert result.exit_code in (0, 2), (result.stderr, result.exception)
    return result.stdout.strip() if result.exit_code == 0 else ""


def _cloudformation(out: Path, framework: str, lookup: dict[str, str | None]) -> str | list[str]:
    """The template's ImageUri output for the lookup; "" where CloudFormation would refuse
    (no template for the scope, a version not allowed, or a Rule failing). Where the Python
    version or processor is none of the parameter's AllowedValues, the lookup's keys of
    those: a parameter takes only listed values, while the SDK ignores a value the image
    does not use."""
    stem = f"{framework}-{str(lookup['scope']).replace('_', '-')}"
    params = {
        "Version": DEFAULT if lookup["version"] is None else lookup["version"],
        "PyVersion": NONE if lookup["py_version"] is None else lookup["py_version"],
        "Processor": NONE if lookup["processor"] is None else lookup["processor"],
    }
    for path in sorted((out / ROOT).glob(f"{stem}*.yaml")):
        if path.stem != stem and not path.stem[len(stem) + 1 :].isdigit():
            continue  # another scope's template whose name starts the same
        template = load_cfn(path)
        declared = template["Parameters"]
        if params["Version"] not in declared["Version"]["AllowedValues"]:
            continue
        unlisted = {"PyVersion": "py_version", "Processor": "processor"}
        listed = [k for p, k in unlisted.items() if params[p] not in declared[p]["AllowedValues"]]
        if listed:
            return listed
        stack = Stack(template, params, str(lookup["region"]))
        if stack.failed_rules():
            return ""
        return str(stack.eval(template["Outputs"]["ImageUri"]["Value"]))
    return ""


def _terraform(work: Path, out: Path, framework: str, cases: list[dict[str, Any]]) -> list[str]:
    """The framework module's image_uri for each lookup, fail_on_error off ("" refuses)."""
    root = work / "root"
    root.mkdir()
    source = Path(os.path.relpath(out / FRAMEWORK_MODULE, root)).as_posix()
    (root / "main.tf").write_text(
        'variable "lookups" {\n  type = map(map(string))\n}\n\n'
        'module "image" {\n  for_each               = var.lookups\n'
        f'  source                 = "{source}"\n'
        f'  framework              = "{framework}"\n'
        "  region                 = each.value.region\n"
        "  image_scope            = each.value.scope\n"
        '  framework_version      = lookup(each.value, "version", null)\n'
        '  py_version             = lookup(each.value, "py_version", null)\n'
        '  processor              = lookup(each.value, "processor", null)\n'
        "  fail_on_error          = false\n}\n"
    )
    given_ = {
        f"{index:03d}": {k: v for k, v in case.items() if v is not None}
        for index, case in enumerate(cases)
    }
    (root / "terraform.tfvars.json").write_text(json.dumps({"lookups": given_}))
    terraform("init", "-backend=false", cwd=root)
    shown = terraform(
        "console",
        cwd=root,
        stdin="jsonencode({ for key, m in module.image : key => m.image_uri })\n",
    ).stdout
    found = json.loads(json.loads(shown))
    return [found[key] for key in sorted(given_)]


# What each example found: (answered, refused) lookups; a generated catalog refused at
# load is not a lookup's catalog and is counted apart.
OUTCOMES: list[tuple[int, int]] = []


@given(data=st.data())
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same catalogs on every run: CI is repeatable
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
def _agree(data: st.DataObject) -> None:
    name, found = data.draw(frameworks(), label="framework")
    cases = data.draw(st.lists(lookups(found["scopes"]), min_size=12, max_size=12))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        catalog_path = work / "catalog.yaml"
        images = {"images": {name: found}}
        catalog_path.write_text(yaml.safe_dump({**BASE, **images}, sort_keys=False))
        try:
            catalog = load_catalog(catalog_path)
        except UserError:
            assume(False)  # the draw broke a catalog rule: no catalog to look up in
            return
        out = work / "out"
        for path, text in build(catalog).items():
            if path.startswith((FRAMEWORK_MODULE, ROOT)):
                (out / path).parent.mkdir(parents=True, exist_ok=True)
                (out / path).write_text(text, encoding="utf-8")
        uris = [_uri(catalog_path, name, case) for case in cases]
        templates = [_cloudformation(out, name, case) for case in cases]
        modules = _terraform(work, out, name, cases)
        for case, uri, template, module in zip(cases, uris, templates, modules, strict=True):
            config = found["configs"]["all" if found["flat"] else case["scope"]]
            listed = [*config["versions"], *config.get("version_aliases", {})]
            if case["version"] is not None and case["version"] not in listed:
                # Stricter than the SDK, which answers a scope's only version for any
                # version but an alias: the plan refuses a version the catalog lacks.
                assert module == template == "", (name, case, module, template)
                only = {**case, "version": next(iter(config["versions"]))}
                assert len(config["versions"]) == 1 or uri == "", (name, case, uri)
                assert uri in ("", _uri(catalog_path, name, only)), (name, case, uri)
                continue
            if isinstance(template, list):
                # CloudFormation refused values it does not list: `uri` refuses them too, or
                # ignores them and answers as it does without them.
                without = _uri(catalog_path, name, {**case, **dict.fromkeys(template)})
                assert uri in ("", without), (name, case, uri, without)
                template = uri
            assert uri == template == module, (name, case, uri, template, module)
    OUTCOMES.append((sum(1 for u in uris if u), sum(1 for u in uris if not u)))


def test_uri_terraform_and_cloudformation_agree_on_generated_catalogs():
    OUTCOMES.clear()
    _agree()
    # Enough catalogs were looked up in, and both answers and refusals were compared.
    assert len(OUTCOMES) >= 25
    assert sum(a for a, _ in OUTCOMES) >= 50 and sum(r for _, r in OUTCOMES) >= 50
