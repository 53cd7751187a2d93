"""sagemaker-framework-image: Terraform 1.0.3 evaluates lookups of every framework, equal to
the catalog's (whose answers tests/tools/test_sdk_retrieve.py holds equal to the SDK's)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sagemaker_iac.api import UnavailableError, framework_image, load_catalog
from sagemaker_iac.catalog.resolve import answers
from sagemaker_iac.catalog.sentinels import ANY
from sagemaker_iac.targets.terraform._modules import FRAMEWORK_MODULE
from support.readers import load_hcl
from support.terraform import TERRAFORM_MARKS, terraform
from support.tf_chunks import evaluated_uris

pytestmark = [*TERRAFORM_MARKS]

# Regions every sample cycles through where an image is published: China, GovCloud and
# the ISO partitions among them.
REGIONS = (
    "cn-north-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-isob-east-1",
    "eu-west-1",
    "ap-southeast-2",
    "us-east-1",
    "cn-northwest-1",
    "us-gov-east-1",
    "sa-east-1",
)
FIELDS = ("scope", "version", "py_version", "base_framework_version", "processor")


def sample(catalog, per_framework: int = 7) -> dict[str, dict]:
    """Lookups spread over every framework's answers and over the regions above."""
    chosen = {}
    turn = 0
    for framework in sorted(catalog.images):
        table = answers(catalog, framework)
        keys = sorted(table, key=lambda k: tuple("" if p is None else p for p in k))
        step = max(1, len(keys) // per_framework)
        for index, key in enumerate(keys[::step][:per_framework]):
            accounts = catalog.registry_groups[table[key].registry_group].accounts
            published = [r for r in REGIONS if r in accounts] or sorted(accounts)
            region = published[turn % len(published)]
            turn += 1
            args = dict(zip(FIELDS, key, strict=True))
            # An ignored argument: given now and then (a user may), else left out.
            for field in ("py_version", "processor"):
                if args[field] == ANY:
                    args[field] = ("py3" if field == "py_version" else "cpu") if index % 2 else None
            chosen[f"{framework}#{index}"] = {"framework": framework, "region": region, **args}
    return chosen


def catalog_uri(catalog, lookup: dict) -> str:
    """The catalog's answer for a lookup (`uri`'s), "" where it refuses."""
    try:
        return framework_image(
            catalog,
            lookup["framework"],
            lookup["region"],
            version=lookup["version"],
            py_version=lookup["py_version"],
            scope=lookup["scope"],
            base_framework_version=lookup["base_framework_version"],
            processor=lookup.get("processor"),
            instance_type=lookup.get("instance_type"),
        ).uri
    except UnavailableError:
        return ""


# Each lookup field and the module argument it sets.
ARGUMENTS = {
    "framework": "framework",
    "region": "region",
    "version": "framework_version",
    "scope": "image_scope",
    "py_version": "py_version",
    "base_framework_version": "base_framework_version",
    "processor": "processor",
    "instance_type": "instance_type",
    "fail_on_error": "fail_on_error",
}


def _root(
    tmp_path: Path, out_dir: Path, lookups: dict[str, dict], name: str, init: bool = True
) -> Path:
    """A root calling the module once for each lookup, with the fields the lookups have."""
    root = tmp_path / name
    root.mkdir()
    source = Path(os.path.relpath(out_dir / FRAMEWORK_MODULE, root)).as_posix()
    fields = [f for f in ARGUMENTS if f in next(iter(lookups.values()))]
    types = ", ".join(f"{f} = {'bool' if f == 'fail_on_error' else 'string'}" for f in fields)
    arguments = "".join(f"  {ARGUMENTS[f]:<22} = each.value.{f}\n" for f in fields)
    (root / "main.tf").write_text(
        f'variable "lookups" {{\n  type = map(object({{ {types} }}))\n}}\n\n'
        f'module "image" {{\n  for_each = var.lookups\n  source   = "{source}"\n{arguments}}}\n'
    )
    (root / "terraform.tfvars.json").write_text(json.dumps({"lookups": lookups}))
    if init:
        terraform("init", "-backend=false", cwd=root)
    return root


def test_terraform_evaluates_every_framework_as_the_catalog_answers(out_dir, tmp_path):
    catalog = load_catalog()
    lookups = sample(catalog)
    assert len(lookups) >= 500
    assert {v["framework"] for v in lookups.values()} == set(catalog.images) - {
        "sagemaker-base-python"  # retrieve() serves no image of it; nor does the catalog
    }
    regions = {v["region"] for v in lookups.values()}
    assert {"cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1"} <= regions
    expected = {key: catalog_uri(catalog, v) for key, v in lookups.items()}
    found = evaluated_uris(
        lookups, lambda chunk, name, init: _root(tmp_path, out_dir, chunk, name, init)
    )
    assert found == expected


def _failed(tmp_path: Path, out_dir: Path, lookup: dict) -> str:
    full = {"region": "us-east-1", **dict.fromkeys(FIELDS), **lookup}
    root = _root(tmp_path, out_dir, {"x": full}, "failing")
    result = terraform("plan", "-input=false", cwd=root, check=False)
    assert result.returncode == 1
    assert result.stderr.count("Error:") == 1, result.stderr
    return " ".join(result.stderr.split())


def test_an_unknown_version_fails_the_plan_listing_the_versions(out_dir, tmp_path):
    text = _failed(
        tmp_path,
        out_dir,
        {"framework": "pytorch", "version": "9.9", "scope": "training", "processor": "gpu"},
    )
    assert "ERROR: no pytorch image for image_scope=training, framework_version=9.9" in text
    assert "2.1.0" in text
    assert "processors: cpu, gpu" in text


def test_an_unpublished_region_fails_the_plan_listing_the_regions(out_dir, tmp_path):
    catalog = load_catalog()
    found = framework_image(catalog, "djl-lmi", "us-east-1")
    accounts = catalog.registry_groups[
        answers(catalog, "djl-lmi")[(None, None, None, None, None)].registry_group
    ].accounts
    missing = sorted(set(catalog.regions) - set(accounts))[0]
    text = _failed(tmp_path, out_dir, {"framework": "djl-lmi", "region": missing})
    assert f"djl-lmi {found.version} ({found.repository}) is not published in region" in text
    assert "us-east-1" in text


def test_an_unknown_framework_fails_the_plan(out_dir, tmp_path):
    text = _failed(tmp_path, out_dir, {"framework": "pytorhc"})
    assert "unknown framework pytorhc; known:" in text


def test_every_answer_file_round_trips_to_the_catalog(out_dir):
    catalog = load_catalog()
    folder = out_dir / FRAMEWORK_MODULE / "images"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(catalog.images)
    data = json.loads((folder / "xgboost.json").read_text())
    for key, located in answers(catalog, "xgboost").items():
        parts = "|".join("" if p is None else p for p in key)
        group, repository, tag, version = data["images"][parts].split("|")
        assert (group, repository, tag, version) == (
            located.registry_group,
            located.repository,
            located.tag,
            located.version,
        )
        assert data["registries"][group] == dict(catalog.registry_groups[group].accounts)
    hcl = load_hcl(out_dir / FRAMEWORK_MODULE / "catalog.tf")
    frameworks = hcl["locals"][0]["frameworks"]
    assert frameworks == sorted(catalog.images)
    suffixes = hcl["locals"][0]["dns_suffixes"]
    assert suffixes == {r: catalog.dns_suffix(r) for r in catalog.regions}


# Instance types of every class the module reads (catalog.tf): the SDK oracle's, and
# other families of the same classes.
INSTANCE_TYPES = (
    "ml.c5.xlarge",
    "ml.t3.medium",
    "ml.g5.xlarge",
    "ml.p3.2xlarge",
    "ml.p4d.24xlarge",
    "ml.p2.xlarge",
    "ml.c6g.xlarge",
    "ml.r6gd.2xlarge",
    "ml.inf1.xlarge",
    "ml.inf2.xlarge",
    "ml.trn1.2xlarge",
    "ml.trn1n.32xlarge",
)


def instance_sample(catalog) -> dict[str, dict]:
    """Argument sets of every framework, each with an instance type in turn; more of the
    frameworks whose answers depend on more than the processor."""
    rules = catalog.image_rules
    special = {*rules.graviton_frameworks, *rules.neuron_frameworks, *rules.p2_deprecated_from}
    chosen, turn = {}, 0
    for framework in sorted(catalog.images):
        keys = sorted({k[:4] for k in answers(catalog, framework)}, key=lambda k: str(k))
        count = 24 if framework in special else 3
        step = max(1, len(keys) // count)
        for index, (scope, version, py, base) in enumerate(keys[::step][:count]):
            chosen[f"{framework}#{index}"] = {
                "framework": framework,
                "region": "us-west-2",
                "scope": scope,
                "version": version,
                "py_version": None if py == ANY else py,
                "base_framework_version": base,
                "instance_type": INSTANCE_TYPES[turn % len(INSTANCE_TYPES)],
                "fail_on_error": False,  # a refusal answers an empty URI
            }
            turn += 1
    return chosen


def test_an_instance_type_is_read_as_the_sdk_reads_it(out_dir, tmp_path):
    """The image (or the refusal: an empty URI) for an instance type equals the catalog's
    lookup, which tests/tools/test_sdk_retrieve.py holds equal to the SDK's."""
    catalog = load_catalog()
    lookups = instance_sample(catalog)
    expected = {key: catalog_uri(catalog, v) for key, v in lookups.items()}
    # Both kinds and every class occur: answers and refusals, Graviton and Neuron images.
    assert sum(1 for u in expected.values() if u) > 100
    assert sum(1 for u in expected.values() if not u) > 20
    assert any("-neuron" in u for u in expected.values())
    assert any("arm64" in u or "graviton" in u for u in expected.values())
    found = evaluated_uris(
        lookups, lambda chunk, name, init: _root(tmp_path, out_dir, chunk, name, init)
    )
    wrong = {k: (found[k], expected[k]) for k in lookups if found[k] != expected[k]}
    assert not wrong, f"{len(wrong)} of {len(lookups)} differ: {list(wrong.items())[:5]}"


def test_an_instance_type_and_a_processor_together_fail_the_plan(out_dir, tmp_path):
    lookup = {"framework": "pytorch", "scope": "training", "processor": "gpu"}
    text = _failed(tmp_path, out_dir, {**lookup, "instance_type": "ml.g5.xlarge"})
    assert "ERROR: give instance_type or processor, not both" in text
