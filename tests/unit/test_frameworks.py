"""Framework images (every SDK image_uri_config) without the SDK: lookups, refusals, verify.

The exhaustive comparison with the SDK itself is tests/tools/test_sdk_retrieve.py; these
check chosen facts from the SDK's configs (tests/fixtures/sdk, sagemaker-core 2.27.0) and
the messages.
"""

from __future__ import annotations

import json

import pytest

from sagemaker_iac.api import (
    UnavailableError,
    diff,
    dump,
    framework_image,
    import_sdk,
    load_catalog,
    parse_catalog,
    to_source,
    verify,
)
from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import FIXTURES

SDK = FIXTURES / "sdk" / "image_uri_config"


def config(name):
    return json.loads((SDK / f"{name}.json").read_text())


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_a_pytorch_training_image_is_the_configs(catalog):
    entry = config("pytorch")["training"]["versions"]["2.1.0"]
    found = framework_image(
        catalog,
        "pytorch",
        "eu-west-1",
        version="2.1.0",
        py_version="py310",
        instance_type="ml.g5.xlarge",
        scope="training",
    )
    assert found.repository == entry["repository"] == "pytorch-training"
    assert found.tag == "2.1.0-gpu-py310"
    host = f"{entry['registries']['eu-west-1']}.dkr.ecr.eu-west-1.amazonaws.com"
    assert found.uri == f"{host}/pytorch-training:2.1.0-gpu-py310"


def test_an_alias_keeps_its_own_name_in_the_tag_as_the_sdk_does(catalog):
    aliases = config("pytorch")["training"]["version_aliases"]
    assert aliases["2.1"] == "2.1.0"
    found = framework_image(
        catalog, "pytorch", "us-east-1", version="2.1", scope="training", processor="cpu"
    )
    assert found.tag == "2.1-cpu-py310"


def test_china_govcloud_and_iso_hosts(catalog):
    registries = config("pytorch")["inference"]["versions"]["1.13.1"]["registries"]
    for region, suffix in (
        ("cn-north-1", "amazonaws.com.cn"),
        ("us-gov-west-1", "amazonaws.com"),
        ("us-iso-east-1", "c2s.ic.gov"),
    ):
        found = framework_image(
            catalog,
            "pytorch",
            region,
            version="1.13.1",
            py_version="py39",
            instance_type="ml.c5.xlarge",
            scope="inference",
        )
        assert found.host == f"{registries[region]}.dkr.ecr.{region}.{suffix}"


def test_hugging_face_tags_name_both_frameworks(catalog):
    found = framework_image(
        catalog,
        "huggingface",
        "us-east-1",
        version="4.28.1",
        py_version="py310",
        instance_type="ml.g5.xlarge",
        scope="training",
        base_framework_version="pytorch2.0.0",
    )
    assert found.repository == "huggingface-pytorch-training"
    assert found.tag.startswith("2.0.0-transformers4.28.1-gpu-py310")


def test_graviton_instances_take_the_arm_image(catalog):
    found = framework_image(
        catalog, "xgboost", "us-east-1", version="1.5-1", instance_type="ml.c6g.xlarge"
    )
    assert found.tag == "1.5-1-arm64"
    assert found.scope == "inference_graviton" or found.scope is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"framework": "pytorch", "version": "9.9", "scope": "training"}, "supported: 0.4.0"),
        (
            {"framework": "pytorch", "version": "2.1.0", "scope": "training", "processor": "gpu",
             "py_version": "py27"},
            "unsupported Python version 'py27'; supported: py310",
        ),
        ({"framework": "pytorch", "version": "2.1.0", "scope": "serving"}, "supported: eia"),
        ({"framework": "pytorhc"}, "did you mean pytorch?"),
        (
            {"framework": "pytorch", "version": "2.1.0", "scope": "training", "processor": "tpu"},
            "; supported: cpu, gpu",
        ),
    ],
)  # fmt: skip
def test_refusals_name_the_choices(catalog, args, message):
    with pytest.raises(UnavailableError) as caught:
        framework_image(catalog, region="us-east-1", **args)
    assert message in str(caught.value)


def test_a_refusal_writes_its_message_once_and_only_when_shown(catalog, monkeypatch):
    from sagemaker_iac.catalog import resolve

    written = []
    real = resolve._unsupported
    monkeypatch.setattr(resolve, "_unsupported", lambda *a: written.append(a) or real(*a))
    with pytest.raises(UnavailableError) as caught:
        framework_image(catalog, "pytorch", "us-east-1", version="9.9", scope="training")
    assert written == []  # refused: the did-you-mean search has not run
    text = str(caught.value)
    assert text.startswith("unsupported pytorch version '9.9' (did you mean 2.9?); supported:")
    assert str(caught.value) == text
    assert len(written) == 1
    assert str(UnavailableError("as given")) == "as given"


def test_a_region_without_the_image_lists_where_it_is(catalog):
    latest = catalog.images["djl-lmi"].latest[""]
    registries = config("djl-lmi")["versions"][latest]["registries"]
    missing = sorted(set(catalog.regions) - set(registries))[0]
    with pytest.raises(UnavailableError) as caught:
        framework_image(catalog, "djl-lmi", missing)
    assert f"djl-lmi {latest} (djl-inference) is not published in region {missing!r}" in str(
        caught.value
    )
    assert ", ".join(sorted(registries)) in str(caught.value)


def test_import_reads_every_config_and_verify_agrees(catalog):
    folder = SDK
    frameworks = {p.stem for p in folder.glob("*.json")} - {"instance_gpu_info"}
    assert set(catalog.images) == frameworks
    assert verify(catalog, folder) == []


def test_verify_lists_a_changed_tag_and_a_missing_version(catalog, tmp_path):
    folder = tmp_path / "image_uri_config"
    folder.mkdir()
    for path in SDK.glob("*.json"):
        (folder / path.name).write_text(path.read_text())
    pytorch = config("pytorch")
    pytorch["training"]["versions"]["2.1.0"]["repository"] = "pytorch-training-x"
    del pytorch["inference"]["versions"]["1.13.1"]
    (folder / "pytorch.json").write_text(json.dumps(pytorch))
    found = [d for d in verify(catalog, folder) if d.algorithm == "pytorch"]
    texts = [d.text for d in found]
    assert any(
        "training versions 2.1.0 repository" in t and "pytorch-training-x" in t for t in texts
    )
    assert any(t == "inference versions 1.13.1: only in the catalog" for t in texts)
    assert any(d.conflict for d in found)


def test_the_family_data_round_trips_through_yaml(catalog):
    again = parse_catalog(dump(catalog), "<again>")
    assert to_source(again)["images"] == to_source(catalog)["images"]
    assert again.images["pytorch"].latest == catalog.images["pytorch"].latest


def test_import_from_the_seed_catalog_gives_the_built_in_images(catalog):
    imported = import_sdk(catalog._replace(images={}), SDK, "2026-11-26")
    assert to_source(imported)["images"] == to_source(catalog)["images"]


def test_diff_breaks_on_a_removed_version_and_a_moved_account(catalog):
    pytorch = catalog.images["pytorch"]
    training = dict(pytorch.configs["training"])
    versions = dict(training["versions"])
    del versions["2.1.0"]
    versions["2.2.0"] = {**versions["2.2.0"], "tag_prefix": "2.2.0-x"}
    training["versions"] = versions
    changed = catalog._replace(
        images={
            **catalog.images,
            "pytorch": pytorch._replace(configs={**pytorch.configs, "training": training}),
        }
    )
    changes = {(c.subject, c.text): c.breaking for c in diff(catalog, changed)}
    assert changes[("pytorch", "training versions 2.1.0 removed")] is True
    assert changes[("pytorch", "training versions 2.2.0 tag_prefix added")] is True
    added = {(c.subject, c.text): c.breaking for c in diff(changed, catalog)}
    assert added[("pytorch", "training versions 2.1.0 added")] is False
    entry = dict(versions["2.2.0"])
    entry["py_versions"] = [*entry["py_versions"], "py399"]
    wider = changed.images["pytorch"].configs["training"]["versions"] | {"2.2.0": entry}
    widened = changed._replace(
        images={
            **changed.images,
            "pytorch": changed.images["pytorch"]._replace(
                configs={**pytorch.configs, "training": {**training, "versions": wider}}
            ),
        }
    )
    found = {(c.subject, c.text): c.breaking for c in diff(changed, widened)}
    assert found == {("pytorch", "training versions 2.2.0 py_versions py399 added"): False}
    assert diff(catalog, catalog) == []


def test_the_cli_answers_a_framework_in_text_and_json():
    args = ["uri", "pytorch", "--region", "eu-west-1", "--version", "2.1.0", "--scope",
            "training", "--instance-type", "ml.g5.xlarge"]  # fmt: skip
    entry = config("pytorch")["training"]["versions"]["2.1.0"]
    expected = (
        f"{entry['registries']['eu-west-1']}.dkr.ecr.eu-west-1.amazonaws.com/"
        "pytorch-training:2.1.0-gpu-py310"
    )
    result = cli_runner().invoke(main, args)
    assert (result.exit_code, result.stdout) == (0, expected + "\n")
    data = json.loads(cli_runner().invoke(main, [*args, "--json"]).stdout)
    assert data["uri"] == expected
    assert (data["version"], data["py_version"], data["processor"]) == ("2.1.0", "py310", "gpu")
    assert data["registry_id"] == entry["registries"]["eu-west-1"]
    refused = cli_runner().invoke(main, [*args[:5], "9.9", *args[6:]])
    assert refused.exit_code == 2
    assert "unsupported pytorch version '9.9'" in refused.stderr
    assert "Traceback" not in refused.output
    tagged = cli_runner().invoke(main, [*args, "--tag", "x"])
    assert tagged.exit_code == 2 and "--tag is for algorithms" in tagged.stderr


def test_the_cli_lists_the_frameworks():
    data = json.loads(cli_runner().invoke(main, ["frameworks", "--json"]).stdout)
    assert set(data) == {p.stem for p in SDK.glob("*.json")} - {"instance_gpu_info"}
    tensorflow = config("tensorflow")
    assert set(data["tensorflow"]["versions"]) >= set(tensorflow["training"]["versions"])
    assert set(data["tensorflow"]["versions"]) >= set(tensorflow["training"]["version_aliases"])
    assert data["tensorflow"]["scopes"] == list(tensorflow)
