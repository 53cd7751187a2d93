"""Terraform output, checked by python-hcl2 and by a real Terraform 1.0.3 (offline)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from sagemaker_iac.api import SCOPES, load_catalog
from sagemaker_iac.targets.terraform._modules import (
    IMAGES_MODULE,
    LOCALS_FILE,
    SPEC_MODULE,
    modules,
)
from support.readers import hcl_locals, load_hcl
from support.terraform import TERRAFORM_MARKS, terraform, unwrap
from support.tf_chunks import evaluated_uris

MODULES = modules(load_catalog())

pytestmark = [*TERRAFORM_MARKS]


def test_the_binary_is_terraform_1_0_3(tmp_path):
    assert "Terraform v1.0.3" in terraform("version", cwd=tmp_path).stdout


def test_fmt_check_is_clean(out_dir):
    result = terraform(
        "fmt", "-check", "-recursive", "-diff", str(out_dir / "terraform"), cwd=out_dir, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.path.rsplit("/", 1)[1])
def test_module_follows_the_conventions(out_dir, catalog, module):
    directory = out_dir / module.path
    for name in ("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md"):
        assert (directory / name).is_file(), name
    for path in directory.glob("*.tf"):
        load_hcl(path)  # every file parses
    variables = load_hcl(directory / "variables.tf").get("variable", [])
    outputs = load_hcl(directory / "outputs.tf")["output"]
    assert [next(iter(v)) for v in variables] == [v.name for v in module.variables]
    assert [next(iter(o)) for o in outputs] == [o.name for o in module.outputs]
    for block in [*variables, *outputs]:
        ((name, body),) = block.items()
        assert body.get("description"), f"{name} has no description"
    readme = (directory / "README.md").read_text()
    for block in [*variables, *outputs]:
        assert f"| {next(iter(block))} |" in readme
    for rule in module.rules:
        assert rule.summary in readme
    versions = load_hcl(directory / "versions.tf")["terraform"][0]
    assert versions["required_version"] == module.required_version
    providers = versions.get("required_providers", [{}])[0]
    assert {k: v["version"] for k, v in providers.items()} == {
        p.name: p.constraint for p in module.providers
    }


def test_hcl_round_trip_of_the_images_data(out_dir, catalog):
    data = hcl_locals(out_dir / IMAGES_MODULE / "catalog.tf")
    rebuilt = {}
    for key, algorithm in data["catalog_algorithms"].items():
        accounts = data["catalog_registry_groups"][algorithm["registry_group"]]
        for region, account in accounts.items():
            suffix = data["catalog_partitions"][data["catalog_regions"][region]]
            rebuilt[(key, region)] = (
                f"{account}.dkr.ecr.{region}.{suffix}/{algorithm['repository']}:"
                f"{algorithm['tags'][0]}"
            )
    assert rebuilt == {(k, r): uri for k, r, uri in catalog.image_uris()}
    for key, algorithm in data["catalog_algorithms"].items():
        assert algorithm["tags"] == list(catalog.algorithms[key].tags)
        assert (
            algorithm["inference_repository"],
            algorithm["inference_registry_group"],
            tuple(algorithm["inference_tags"]),
        ) == catalog.algorithms[key].image("inference")


def test_hcl_round_trip_of_the_standalone_locals(out_dir, catalog):
    uris = hcl_locals(out_dir / LOCALS_FILE)["sagemaker_image_uris"]
    flat = {(k, r): uri for k, regions in uris.items() for r, uri in regions.items()}
    assert flat == {(k, r): uri for k, r, uri in catalog.image_uris()}


def test_init_and_validate(out_dir, tmp_path):
    module = tmp_path / "sagemaker-images"
    shutil.copytree(out_dir / IMAGES_MODULE, module)
    terraform("init", "-backend=false", cwd=module)
    assert "Success" in terraform("validate", cwd=module).stdout


def _root(
    tmp_path: Path,
    out_dir: Path,
    pairs: dict[str, dict[str, str | None]],
    name: str = "root",
    init: bool = True,
) -> Path:
    """A root module calling the images module once per (algorithm, region[, tag])."""
    root = tmp_path / name
    root.mkdir()
    # Relative, as users write it: Terraform copies an absolute-path module alone, and a
    # module it calls by relative path would then be missing.
    source = Path(os.path.relpath(out_dir / IMAGES_MODULE, root)).as_posix()
    (root / "main.tf").write_text(
        'variable "pairs" {\n'
        "  type = map(object({\n"
        "    algorithm = string, region = string, tag = string, scope = string,\n"
        "    instance_type = string\n"
        "  }))\n"
        "}\n\n"
        'module "image" {\n'
        "  for_each  = var.pairs\n"
        f'  source    = "{source}"\n'
        "  algorithm = each.value.algorithm\n"
        "  region    = each.value.region\n"
        "  image_tag = each.value.tag\n"
        "  image_scope = each.value.scope\n"
        "  instance_type = each.value.instance_type\n"
        "}\n\n"
        'output "uris" {\n'
        "  value = { for key, m in module.image : key => m.image_uri }\n"
        "}\n"
    )
    pairs = {k: {"instance_type": None, **v} for k, v in pairs.items()}
    (root / "terraform.tfvars.json").write_text(json.dumps({"pairs": pairs}))
    if init:
        terraform("init", "-backend=false", cwd=root)
    return root


def module_uris(tmp_path: Path, out_dir: Path, pairs: dict[str, dict[str, str | None]]) -> dict:
    """The images module's URI for every pair (evaluated in chunks, tf_chunks)."""
    return evaluated_uris(
        pairs, lambda chunk, name, init: _root(tmp_path, out_dir, chunk, name, init)
    )


def test_every_uri_evaluated_by_terraform_equals_the_catalog(out_dir, catalog, tmp_path):
    # Every (scope, algorithm, region): training, inference and Arm inference images.
    expected = {
        f"{scope}|{k}|{r}": uri for scope in SCOPES for k, r, uri in catalog.image_uris(scope)
    }
    pairs = {
        key: dict(zip(("scope", "algorithm", "region"), key.split("|"), strict=True), tag=None)
        for key in expected
    }
    uris = module_uris(tmp_path, out_dir, pairs)
    assert uris == expected
    newest = catalog.algorithm("xgboost").default_tag
    assert uris["training|xgboost|cn-north-1"].endswith(
        f".amazonaws.com.cn/sagemaker-xgboost:{newest}"
    )
    assert "training|lda|us-gov-west-1" in uris
    assert uris["inference_graviton|xgboost|us-east-1"].endswith(":1.5-1-arm64")
    # Where the two images differ, each scope gets its own.
    assert "/tensorflow-training:" in uris["training|image-classification-tensorflow|us-east-1"]
    assert "/tensorflow-inference:" in uris["inference|image-classification-tensorflow|us-east-1"]


def test_instance_types_pick_the_image_the_catalog_picks(out_dir, catalog, tmp_path):
    """An instance type picks the Arm image and the first tag that suits its processor."""
    instances = ["ml.m5.large", "ml.g4dn.xlarge", "ml.p3.2xlarge", "ml.c6g.large", "ml.r7gd.xlarge"]
    pairs, expected = {}, {}
    for key, algorithm in catalog.algorithms.items():
        for instance in instances:
            arm = catalog.architecture(instance) == "arm64"
            if arm and algorithm.graviton is None:
                continue
            scope = "inference_graviton" if arm else "inference"
            name = f"{key}|{instance}"
            pairs[name] = {
                "algorithm": key,
                "region": "us-east-1",
                "tag": None,
                "scope": "inference",
                "instance_type": instance,
            }
            tag = catalog.default_tag(key, scope, instance)
            expected[name] = catalog.image_uri(key, "us-east-1", tag, scope)
    uris = module_uris(tmp_path, out_dir, pairs)
    assert uris == expected
    assert uris["image-classification-tensorflow|ml.g4dn.xlarge"].endswith("-gpu")
    assert uris["image-classification-tensorflow|ml.m5.large"].endswith("-cpu")
    assert uris["xgboost|ml.c6g.large"].endswith(":1.5-1-arm64")


def test_explicit_tags_evaluate_to_the_catalog(out_dir, catalog, tmp_path):
    pairs = {
        f"xgboost|{tag}": {
            "algorithm": "xgboost",
            "region": "eu-west-1",
            "tag": tag,
            "scope": "training",
        }
        for tag in catalog.algorithms["xgboost"].tags
    }
    root = _root(tmp_path, out_dir, pairs)
    terraform("plan", "-out=plan.bin", "-input=false", cwd=root)
    shown = json.loads(terraform("show", "-json", "plan.bin", cwd=root).stdout)
    assert shown["planned_values"]["outputs"]["uris"]["value"] == {
        f"xgboost|{tag}": catalog.image_uri("xgboost", "eu-west-1", tag)
        for tag in catalog.algorithms["xgboost"].tags
    }


def _failed_plan(tmp_path: Path, out_dir: Path, pair: dict[str, str | None]) -> str:
    root = _root(tmp_path, out_dir, {"only": {"scope": "training", **pair}})
    result = terraform("plan", "-input=false", cwd=root, check=False)
    assert result.returncode != 0, result.stdout
    # One mistake, one error: no second, unrelated one (such as "Invalid index").
    assert result.stderr.count("Error: ") == 1, result.stderr
    return unwrap(result.stderr)


def test_an_unknown_region_of_the_right_shape_is_one_error(out_dir, catalog, tmp_path):
    message = _failed_plan(
        tmp_path, out_dir, {"algorithm": "kmeans", "region": "us-west-9", "tag": None}
    )
    assert "SageMaker algorithm kmeans is not published in region us-west-9" in message


def test_unavailable_pair_fails_the_plan_with_the_message_a_user_sees(out_dir, catalog, tmp_path):
    message = _failed_plan(
        tmp_path, out_dir, {"algorithm": "lda", "region": "sa-east-1", "tag": None}
    )
    expected = (
        f"SageMaker algorithm lda is not published in region sa-east-1; "
        f"available regions: {', '.join(catalog.regions_for('lda'))}"
    )
    assert expected in message


def test_unknown_tag_fails_the_plan(out_dir, tmp_path):
    message = _failed_plan(
        tmp_path, out_dir, {"algorithm": "kmeans", "region": "us-east-1", "tag": "latest"}
    )
    assert "image tag latest is not published for SageMaker algorithm kmeans" in message


def test_unknown_algorithm_fails_variable_validation(out_dir, tmp_path):
    message = _failed_plan(
        tmp_path, out_dir, {"algorithm": "word2vec", "region": "us-east-1", "tag": None}
    )
    assert "The algorithm must be one of:" in message and "kmeans" in message


def test_malformed_region_fails_variable_validation(out_dir, tmp_path):
    message = _failed_plan(
        tmp_path, out_dir, {"algorithm": "kmeans", "region": "US-EAST-1", "tag": None}
    )
    assert "The region must be an AWS region name" in message


def test_training_tag_is_refused_for_the_inference_image(out_dir, catalog, tmp_path):
    key = "image-classification-tensorflow"
    training_tag = catalog.algorithms[key].tags[0]
    message = _failed_plan(
        tmp_path,
        out_dir,
        {"algorithm": key, "region": "us-east-1", "tag": training_tag, "scope": "inference"},
    )
    inference_tags = ", ".join(catalog.algorithms[key].image("inference")[2])
    assert f"image tag {training_tag} is not published for SageMaker algorithm {key}" in message
    assert f"available tags: {inference_tags}" in message


def test_unknown_scope_fails_variable_validation(out_dir, tmp_path):
    message = _failed_plan(
        tmp_path,
        out_dir,
        {"algorithm": "kmeans", "region": "us-east-1", "tag": None, "scope": "hosting"},
    )
    assert "The image_scope must be training, inference or inference_graviton." in message


def test_each_catalog_tf_holds_what_its_module_reads(out_dir):
    """catalog.tf is trimmed per module: every algorithm attribute it carries is read."""
    for module in (IMAGES_MODULE, SPEC_MODULE):
        folder = out_dir / module
        carried = {
            name
            for entry in hcl_locals(folder / "catalog.tf")["catalog_algorithms"].values()
            for name in entry
        }
        code = "".join(p.read_text() for p in folder.glob("*.tf") if p.name != "catalog.tf")
        read = set(re.findall(r"local\.algorithm\.([a-z_]+)", code))
        assert carried == read, module
    images = hcl_locals(out_dir / IMAGES_MODULE / "catalog.tf")["catalog_algorithms"]
    assert "required_channels" not in images["kmeans"]
