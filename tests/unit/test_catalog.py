"""The built-in catalog: its facts against the seed, its schema, and the model's lookups."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from sagemaker_iac.api import (
    UnavailableError,
    builtin_path,
    load_catalog,
    to_dict,
    to_source,
)
from sagemaker_iac.catalog import compile_builtin
from sagemaker_iac.catalog.names import WINDOWS_RESERVED, YAML11_WORDS
from sagemaker_iac.catalog.resources import known_partitions, schema
from support.paths import FIXTURES
from support.readers import catalog_data
from support.training_inputs import sagemaker_model


def test_seed_registry_paths_are_reproduced_exactly(catalog):
    seed = yaml.safe_load((FIXTURES / "seed_000_registries.yaml").read_text())
    checked = 0
    for table in seed["tables"]:
        for algorithm in table["algorithms"]:
            facts = seed["algorithms"][algorithm]
            # The catalog is current (issue 4), so it may publish in more regions.
            assert set(table["hosts"]) <= set(catalog.regions_for(algorithm)), algorithm
            for region, host in table["hosts"].items():
                expected = f"{host}/{facts['repository']}:{facts['tag']}"
                # The seed's tag stays published; only XGBoost's default moved on (issue 9).
                assert catalog.image_uri(algorithm, region, facts["tag"]) == expected
                if algorithm != "xgboost":
                    assert catalog.image_uri(algorithm, region) == expected
                checked += 1
    assert checked == 16 * 21 + 14  # 16 algorithms in 21 regions, LDA in 14
    assert set(seed["algorithms"]) <= set(catalog.algorithms)


def test_the_algorithms_part_is_a_catalog_of_its_own(tmp_path):
    """Its JumpStart models go with the framework images: their images name registry
    groups the algorithms' part no longer holds."""
    part = load_catalog(jumpstart=True).for_algorithms()
    assert part.jumpstart is None
    assert part.images == {}
    path = tmp_path / "algorithms.yaml"
    path.write_text(yaml.safe_dump(to_source(part), sort_keys=False))
    again = load_catalog(path)
    assert sorted(again.algorithms) == sorted(part.algorithms)
    assert sorted(again.registry_groups) == sorted(part.registry_groups)
    assert again.image_uri("kmeans", "eu-west-1") == part.image_uri("kmeans", "eu-west-1")


def test_current_shape(catalog):
    assert len(catalog.algorithms) == 19  # the seed's 17 and seed 004's TensorFlow variants
    # The SDK's 60 distinct account maps: the algorithms use 6 of them.
    assert len(catalog.registry_groups) == 60
    assert len(catalog.for_algorithms().registry_groups) == 6
    assert len(catalog.regions) == 46  # the SageMaker SDK's regions, ISO partitions included
    assert len(catalog.for_algorithms().regions) == 42
    assert len(catalog.images) == 81  # sagemaker-core 2.27.0's image_uri_config, but one

    assert len(catalog.regions_for("kmeans")) == 37
    assert len(catalog.regions_for("lda")) == 16
    assert catalog.dns_suffix("cn-northwest-1") == "amazonaws.com.cn"
    assert catalog.regions["us-gov-west-1"] == "aws-us-gov"
    assert catalog.dns_suffix("us-iso-east-1") == "c2s.ic.gov"
    assert catalog.dns_suffix("us-isob-east-1") == "sc2s.sgov.gov"
    assert {"1.0-1-cpu-py3", "1.2-1", "3.2-0"} <= set(catalog.algorithms["xgboost"].tags)


def test_catalog_facts_from_the_seed_table(catalog):
    deepar = catalog.algorithm("forecasting-deepar")
    assert deepar.input_modes == ("File",)
    assert deepar.content_types == ("application/jsonlines", "application/x-parquet")
    seq2seq = catalog.algorithm("seq2seq")
    assert seq2seq.required_channels == ("train", "validation", "vocab")
    assert seq2seq.instance.single_instance == ("gpu",)
    assert not seq2seq.parallelizable
    ic = catalog.algorithm("image-classification")
    assert ic.required_channels == ("train", "validation")
    assert set(ic.optional_channels) == {"train_lst", "validation_lst", "model"}
    xgb = catalog.algorithm("xgboost")
    assert {"0.90-1-cpu-py3", "0.90-2-cpu-py3", "1.0-1-cpu-py3"} <= set(xgb.tags)
    assert "text/libsvm" in xgb.content_types
    assert catalog.algorithm("factorization-machines").instance.gpu_dense_data_only
    assert catalog.algorithm("knn").instance.gpu_single_device
    assert all("latest" not in a.tags for a in catalog.algorithms.values())


def test_every_fact_cites_a_known_source(catalog):
    cited = {a.source for a in catalog.algorithms.values()}
    cited |= {g.source for g in catalog.registry_groups.values()}
    cited |= {p.source for p in catalog.partitions.values()}
    assert cited <= set(catalog.sources)
    for source in catalog.sources.values():
        assert source.document and source.date


def test_published_schema_is_valid_and_accepts_the_catalog():
    rules = schema()
    jsonschema.Draft202012Validator.check_schema(rules)
    data = catalog_data(builtin_path())
    assert list(jsonschema.Draft202012Validator(rules).iter_errors(data)) == []


def test_schema_rejects_what_the_loader_rejects():
    """The published schema is the loader's first gate, so editors see the same errors."""
    data = catalog_data(builtin_path())
    data["registry_groups"]["lda"]["accounts"]["us-east-1"] = 766337827248
    assert list(jsonschema.Draft202012Validator(schema()).iter_errors(data))


def test_unavailable_pairs_name_algorithm_region_and_alternatives(catalog):
    with pytest.raises(UnavailableError) as err:
        catalog.image_uri("lda", "sa-east-1")
    message = str(err.value)
    assert "'lda'" in message and "'sa-east-1'" in message
    for region in catalog.regions_for("lda"):
        assert region in message
    with pytest.raises(UnavailableError, match="available tags"):
        catalog.image_uri("kmeans", "us-east-1", "latest")
    with pytest.raises(UnavailableError, match="unknown algorithm"):
        catalog.image_uri("word2vec", "us-east-1")


def test_normalized_json_matches_the_model(catalog):
    data = json.loads(json.dumps(to_dict(catalog)))
    for key, algorithm in catalog.algorithms.items():
        entry = data["algorithms"][key]
        assert entry["repository"] == algorithm.repository
        assert entry["regions"] == catalog.regions_for(key)
        assert entry["default_tag"] == algorithm.default_tag
    for key, group in catalog.registry_groups.items():
        assert data["registry_groups"][key]["accounts"] == dict(group.accounts)


@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "catalogs" / "good").glob("*.yaml")), ids=lambda p: p.name
)
def test_good_catalogs_load(path):
    catalog = load_catalog(path)
    for key, region, uri in catalog.image_uris():
        assert uri.endswith(
            f"/{catalog.algorithms[key].repository}:{catalog.algorithms[key].default_tag}"
        )
        assert f".dkr.ecr.{region}." in uri


def test_tensorflow_variants_keep_training_and_inference_images_apart(catalog):
    for key in ("image-classification-tensorflow", "object-detection-tensorflow"):
        algorithm = catalog.algorithms[key]
        assert algorithm.required_channels == ("training", "validation")
        assert algorithm.input_modes == ("File",)
        assert {"image/jpeg", "image/png"} <= set(algorithm.content_types)
        training = catalog.image_uri(key, "eu-west-1")
        inference = catalog.image_uri(key, "eu-west-1", scope="inference")
        assert "/tensorflow-training:2.19.0-" in training and training.endswith("-py312")
        assert "/tensorflow-inference:2.19.0-" in inference
        assert training.split("/")[0] == inference.split("/")[0]  # one registry for both
    assert catalog.algorithms["object-detection-tensorflow"].instance.processors == ("gpu",)
    assert catalog.image_uri("kmeans", "eu-west-1", scope="inference") == catalog.image_uri(
        "kmeans", "eu-west-1"
    )  # one image for both where the catalog has no inference one


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"[0-9]+", version))


def test_xgboost_processors_default_and_arm_images_follow_the_sdk(catalog):
    sdk = json.loads((FIXTURES / "sdk" / "image_uri_config" / "xgboost.json").read_text())
    xgb = catalog.algorithm("xgboost")
    versions = {
        v: e for v, e in sdk["training"]["versions"].items() if e["repository"] == xgb.repository
    }
    assert xgb.default_tag == max(versions, key=_version_key)
    checked = 0
    for version, entry in versions.items():
        tags = [t for t in xgb.tags if t == version or t.startswith(f"{version}-")]
        assert tags, version
        for tag in tags:  # no processors listed: the SDK accepts any instance
            assert set(xgb.tag_processors(tag)) == set(entry.get("processors", ["cpu", "gpu"]))
            checked += 1
    assert checked == len(xgb.tags) == 10
    arm = sdk["inference_graviton"]["versions"]
    assert sorted(xgb.graviton.tags) == sorted(f"{v}-arm64" for v in arm)
    for entry in arm.values():
        for region, account in entry["registries"].items():
            assert catalog.registry_id("xgboost", region, "inference_graviton") == account
    assert [k for k, a in catalog.algorithms.items() if a.graviton] == ["xgboost"]


def test_arm64_families_host_but_never_train():
    model = sagemaker_model()

    def families(shape: str) -> set[str]:
        return {t.split(".")[1] for t in model.shape_for(shape).enum}

    catalog = load_catalog()
    hosting, training = families("ProductionVariantInstanceType"), families("TrainingInstanceType")
    graviton = {f for f in hosting if re.fullmatch(r"[a-z]+[0-9]+g[a-z]*", f)}
    assert set(catalog.arm64_families) == graviton
    assert not graviton & training
    assert catalog.architecture("ml.c6g.large") == "arm64"
    assert catalog.architecture("ml.c6i.large") == "x86_64"
    assert catalog.architecture("ml.g4dn.xlarge") == "x86_64"


LOOKUP = """
import sys
from sagemaker_iac.catalog import load
from sagemaker_iac.cli import main
load.COMPILED = sys.argv[1]
try:
    main(["uri", "kmeans", "--region", "us-west-2"])
except SystemExit as exit:
    assert not exit.code, exit.code
# The parsers, validator and renderer, and what the lookup reads through os alone.
heavy = ("jinja2", "hcl2", "yaml", "jsonschema", "sagemaker_iac.targets._jinja", "pathlib", "json")
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
"""


def test_a_lookup_loads_no_parser_validator_renderer_or_pathlib(tmp_path):
    """With the compiled catalog the build makes (made here, for this Python's libraries)."""
    compile_builtin(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", LOOKUP, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0].endswith("/kmeans:1")
    assert out[1:] == [""]  # nothing heavy was imported


def test_partition_facts_are_botocores():
    import botocore.loaders

    ours = known_partitions()
    theirs = {
        p["id"]: {"dns_suffix": p["outputs"]["dnsSuffix"], "region_pattern": p["regionRegex"]}
        for p in botocore.loaders.Loader().load_data("partitions")["partitions"]
    }
    assert ours.items() <= theirs.items()
    catalog = load_catalog()
    for region, partition in catalog.regions.items():
        assert re.match(ours[partition]["region_pattern"], region), region
        assert catalog.dns_suffix(region) == ours[partition]["dns_suffix"]


def test_the_schema_refuses_exactly_the_key_words_the_messages_explain():
    refused = set(schema()["$defs"]["key"]["not"]["enum"])
    lowercase_words = {w for w in YAML11_WORDS if w.isalpha() and w.islower()}
    assert refused == lowercase_words | WINDOWS_RESERVED
