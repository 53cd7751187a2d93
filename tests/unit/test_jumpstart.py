"""JumpStart: `import jumpstart` reads the source in each of its forms into the catalog's
jumpstart section, and `jumpstart` answers from it (the fixture's facts, written out)."""

from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile
import zlib
from pathlib import Path

import pytest

from sagemaker_iac.api import load_catalog
from sagemaker_iac.catalog.load import split_documents
from sagemaker_iac.lifecycle import import_jumpstart as importer
from support.cli import invoke
from support.paths import FIXTURES

SOURCE = FIXTURES / "jumpstart" / "jumpstart-models.json"
LLAMA = "meta-textgeneration-llama-tiny"
WHISPER = "huggingface-asr-whisper-mini"
TGI = "huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
TGI_OLD = "huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu20.04"


def buffer_json(records: bytes) -> bytes:
    """The source's own form: the deflated JSON as a serialised byte buffer."""
    squeezed = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = squeezed.compress(records) + squeezed.flush()
    return json.dumps({"type": "Buffer", "data": list(data)}).encode()


def jsii_tgz(member: bytes, name: str = importer.MEMBER) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        info = tarfile.TarInfo(name)
        info.size = len(member)
        archive.addfile(info, io.BytesIO(member))
    return out.getvalue()


def wheel(tgz: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("cdklabs/generative_ai_cdk_constructs/_jsii/constructs@0.1.jsii.tgz", tgz)
        archive.writestr("cdklabs/generative_ai_cdk_constructs/__init__.py", "")
    return out.getvalue()


def run_import(source: Path, out: Path, *extra: str):
    return invoke(
        ["import", "jumpstart", str(source), "--out", str(out), "--date", "2026-12-04", *extra]
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("jumpstart") / "catalog.yaml"
    result = run_import(SOURCE, out)
    assert result.exit_code == 0, result.stderr
    assert f"{LLAMA}: 2.0.0 names no image; kept 1.10.0" in result.stderr
    assert "huggingface-llm-no-images: no version names an image; skipped" in result.stderr
    assert "2 models, 2 versions, 4 images; jumpstart section" in result.stderr
    return out


def lookup(catalog: Path, *args: str) -> dict:
    result = invoke(["jumpstart", *args, "--catalog", str(catalog), "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_section_is_the_second_document_and_stores_each_image_once(imported):
    text = imported.read_text()
    main, second = split_documents(text)
    assert second is not None and "\njumpstart:" not in main
    assert second.count("\n") == text.count("\n")  # line numbers kept
    section = load_catalog(imported, jumpstart=True).jumpstart
    assert section is not None
    assert sorted(section.images) == sorted(
        [
            TGI,
            TGI_OLD,
            "huggingface-pytorch-inference:2.0.0-transformers4.28.1-cpu-py310-ubuntu20.04",
            "huggingface-pytorch-inference:2.0.0-transformers4.28.1-gpu-py310-cu118-ubuntu20.04",
        ]
    )
    found = section.models[LLAMA]["1.10.0"]
    assert found.aliases == {"gpu_1": TGI}
    assert found.region_aliases == {"ap-northeast-3": {"gpu_1": TGI_OLD}}
    # eu-central-2 is listed without an image: not a region the model deploys in.
    assert found.regions == ("af-south-1", "ap-northeast-3", "eu-west-1", "us-east-1")
    # p3 is a family the model lists no instance type of.
    assert found.image_aliases == {"g5": "gpu_1", "p4d": "gpu_1"}
    assert load_catalog(imported, jumpstart=False).jumpstart is None  # a lookup skips it


def test_a_gated_model_resolves_its_image_environment_and_prefix(imported):
    answer = lookup(imported, LLAMA, "--region", "af-south-1", "--instance-type", "ml.g5.12xlarge")
    assert answer == {
        "model_id": LLAMA,
        "version": "1.10.0",
        "region": "af-south-1",
        "instance_type": "ml.g5.12xlarge",
        "image_uri": f"626614931356.dkr.ecr.af-south-1.amazonaws.com/{TGI}",
        "model_data": {
            "s3_uri": "s3://jumpstart-private-cache-prod-af-south-1/meta/llama-tiny/prepack/v2/",
            "s3_data_type": "S3Prefix",
            "compression_type": "None",
        },
        "environment": {
            "SM_NUM_GPUS": "4",
            "HF_MODEL_ID": "/opt/ml/model",
            "MAX_TOTAL_TOKENS": "4096",
        },
        "requires_eula": True,
        "default_instance_type": "ml.g5.2xlarge",
        "instance_types": ["ml.g5.2xlarge", "ml.g5.12xlarge", "ml.p4d.24xlarge"],
    }


def test_family_overrides_come_before_type_overrides_and_regions_keep_their_tag(imported):
    p4d = lookup(imported, LLAMA, "--region", "us-east-1", "--instance-type", "ml.p4d.24xlarge")
    assert p4d["environment"]["MAX_TOTAL_TOKENS"] == "8192"
    assert p4d["environment"]["SM_NUM_GPUS"] == "1"
    g5 = lookup(imported, LLAMA, "--region", "us-east-1")
    assert g5["environment"]["SM_NUM_GPUS"] == "2"  # the family's, over the base
    osaka = lookup(imported, LLAMA, "--region", "ap-northeast-3")
    assert osaka["instance_type"] == "ml.g5.2xlarge"
    assert osaka["image_uri"] == f"364406365360.dkr.ecr.ap-northeast-3.amazonaws.com/{TGI_OLD}"


def test_an_open_model_with_an_archive_in_china(imported):
    answer = lookup(imported, WHISPER, "--region", "cn-north-1", "--instance-type", "ml.m5.xlarge")
    assert answer["image_uri"] == (
        "727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/huggingface-pytorch-inference:"
        "2.0.0-transformers4.28.1-cpu-py310-ubuntu20.04"
    )
    assert answer["model_data"] == {
        "s3_uri": "s3://jumpstart-cache-prod-cn-north-1/"
        "huggingface-infer/prepack/v1.0.0/infer-prepack-whisper-mini.tar.gz",
        "s3_data_type": "S3Object",
        "compression_type": "Gzip",
    }
    assert answer["requires_eula"] is False
    result = invoke(["jumpstart", WHISPER, "--region", "us-east-1", "--catalog", str(imported)])
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("-gpu-py310-cu118-ubuntu20.04")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [LLAMA.replace("tiny", "tinny"), "--region", "us-east-1"],
            f"unknown JumpStart model 'meta-textgeneration-llama-tinny' (did you mean {LLAMA}?)",
        ),
        (
            [LLAMA, "--region", "us-east-1", "--instance-type", "ml.m5.xlarge"],
            "does not support instance type 'ml.m5.xlarge'; it supports: ml.g5.2xlarge, "
            "ml.g5.12xlarge, ml.p4d.24xlarge",
        ),
        (
            [LLAMA, "--region", "eu-central-2"],
            "is not published in 'eu-central-2'; it is in: af-south-1, ap-northeast-3, "
            "eu-west-1, us-east-1",
        ),
        ([LLAMA, "--region", "us-east-1", "--version", "2.0.0"], "it has: 1.10.0"),
        ([LLAMA, "--region", "useast1"], "'useast1' is not a region name like us-east-1"),
        (["--list", LLAMA], "--list takes only --search"),
        ([LLAMA], "give MODEL_ID and --region"),
    ],
)
def test_refusals_exit_2_and_name_what_there_is(imported, args, message):
    result = invoke(["jumpstart", *args, "--catalog", str(imported)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_list_and_search(imported):
    listed = invoke(["jumpstart", "--list", "--catalog", str(imported)])
    assert listed.stdout.splitlines() == [
        f"{WHISPER}  1.2.0  asr  open",
        f"{LLAMA}  1.10.0  textgeneration  gated",
    ]
    found = invoke(
        ["jumpstart", "--list", "--search", "LLAMA", "--json", "--catalog", str(imported)]
    )
    assert json.loads(found.stdout) == [
        {
            "model_id": LLAMA,
            "version": "1.10.0",
            "task": "textgeneration",
            "gated": True,
            "requires_eula": True,
            "regions": 4,
        }
    ]


def test_every_source_form_imports_alike(tmp_path, imported):
    records = SOURCE.read_bytes()
    forms = {
        "buffer.json": buffer_json(records),
        "package.jsii.tgz": jsii_tgz(buffer_json(records)),
        "constructs.whl": wheel(jsii_tgz(buffer_json(records))),
    }
    want = split_documents(imported.read_text())[1]
    for name, data in forms.items():
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"{name}.yaml"
        result = run_import(tmp_path / name, out, "--document", str(SOURCE))
        assert result.exit_code == 0, (name, result.stderr)
        assert split_documents(out.read_text())[1] == want, name


def test_versions_all_and_a_list(tmp_path):
    out = tmp_path / "all.yaml"
    assert run_import(SOURCE, out, "--versions", "all").exit_code == 0
    section = load_catalog(out, jumpstart=True).jumpstart
    assert section is not None and list(section.models[LLAMA]) == ["1.0.0", "1.10.0"]
    assert run_import(SOURCE, out, "--versions", "1.0.0").exit_code == 0
    listed = load_catalog(out, jumpstart=True).jumpstart
    assert listed is not None and list(listed.models[LLAMA]) == ["1.0.0", "1.10.0"]
    old = lookup(out, LLAMA, "--region", "us-east-1", "--version", "1.0.0")
    assert old["image_uri"].endswith(TGI_OLD)
    assert lookup(out, LLAMA, "--region", "us-east-1")["version"] == "1.10.0"


def test_an_account_no_registry_group_has_is_reported_and_kept_apart(tmp_path):
    records = json.loads(SOURCE.read_text())
    odd = records["HUGGINGFACE_ASR_WHISPER_MINI_1_2_0"]["instanceAliases"][0]["aliases"]
    odd["cpu_1"] = odd["cpu_1"].replace("763104351884", "111122223333")
    source = tmp_path / "odd.json"
    source.write_text(json.dumps(records))
    out = tmp_path / "odd.yaml"
    result = run_import(source, out)
    assert result.exit_code == 0, result.stderr
    assert (
        "account disagreement: huggingface-pytorch-inference:2.0.0-transformers4.28.1-cpu-"
        "py310-ubuntu20.04 in us-east-1: JumpStart gives account 111122223333; registry group"
    ) in result.stderr
    answer = lookup(out, WHISPER, "--region", "us-east-1", "--instance-type", "ml.m5.xlarge")
    assert answer["image_uri"].startswith("111122223333.dkr.ecr.us-east-1.amazonaws.com/")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"PK\x03\x04 not a zip"), "not a wheel"),
        (lambda p: p.write_bytes(jsii_tgz(b"{}", "package/other.json")), "has no package/lib"),
        (
            lambda p: p.write_bytes(b'{"type": "Buffer", "data": [1, 2, 300]}'),
            "not a list of bytes",
        ),
        (
            lambda p: p.write_bytes(b'{"type": "Buffer", "data": [255, 255, 255]}'),
            "not deflate data",
        ),
        (lambda p: p.write_text('{"K": {"modelId": 3}}'), "K: modelId: missing or not text"),
        (lambda p: p.write_text("[1, 2]"), "not JumpStart model records"),
        (lambda p: p.write_text('{"a": '), "Expecting value"),
        (lambda p: os.mkfifo(p), "not a regular file"),
    ],
)
def test_bad_sources_exit_2_and_write_nothing(tmp_path, make, message):
    source = tmp_path / "source"
    make(source)
    out = tmp_path / "out.yaml"
    result = run_import(source, out)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_deflate_bomb_is_refused_before_it_inflates(tmp_path, monkeypatch):
    # The bound is the importer's own constant: lowered here so the bomb stays small.
    monkeypatch.setattr(importer, "MAX_INFLATED", 1024 * 1024)
    source = tmp_path / "bomb.json"
    source.write_bytes(buffer_json(b" " * (4 * 1024 * 1024)))
    result = run_import(source, tmp_path / "out.yaml")
    assert result.exit_code == 2
    assert "inflates to over 1,048,576 bytes; refused" in result.stderr


def _changed_source(tmp_path: Path, change) -> Path:
    records = json.loads(SOURCE.read_text())
    change(records)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(records))
    return path


def _drop_region_type_and_change_env(records: dict) -> None:
    record = records["META_TEXTGENERATION_LLAMA_TINY_1_10_0"]
    record["instanceTypes"].remove("ml.p4d.24xlarge")
    record["instanceAliases"] = [
        a for a in record["instanceAliases"] if a["region"] != "af-south-1"
    ]
    record["environment"]["MAX_TOTAL_TOKENS"] = 2048


def test_verify_finds_no_difference_with_its_own_source(imported):
    result = invoke(["verify", "--jumpstart", str(SOURCE), "--catalog", str(imported)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "0 differences (2 JumpStart models, 16 cases)"


def test_verify_lists_each_difference_and_exits_1(imported, tmp_path):
    source = _changed_source(tmp_path, _drop_region_type_and_change_env)
    result = invoke(["verify", "--jumpstart", str(source), "--catalog", str(imported)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "18 differences (2 JumpStart models, 16 cases)"
    assert (
        f"differs   {LLAMA} 1.10.0 us-east-1 ml.g5.2xlarge: environment: catalog "
        "{'SM_NUM_GPUS': '2', 'HF_MODEL_ID': '/opt/ml/model', 'MAX_TOTAL_TOKENS': '4096'}, "
        "source {'SM_NUM_GPUS': '2', 'HF_MODEL_ID': '/opt/ml/model', 'MAX_TOTAL_TOKENS': "
        "'2048'}"
    ) in lines
    assert (
        f"differs   {LLAMA} 1.10.0 af-south-1 ml.g5.2xlarge: answer: catalog "
        f"'626614931356.dkr.ecr.af-south-1.amazonaws.com/{TGI}', source 'not listed'"
    ) in lines


def test_diff_breaks_on_a_removed_model_region_or_instance_type(imported, tmp_path):
    changed = tmp_path / "changed.yaml"
    source = _changed_source(tmp_path, _drop_region_type_and_change_env)
    assert run_import(source, changed).exit_code == 0
    result = invoke(["diff", str(imported), str(changed)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"BREAKING  {LLAMA}: region removed: af-south-1",
        f"BREAKING  {LLAMA}: instance type removed: ml.p4d.24xlarge",
        f"change    {LLAMA}: answers changed for 6 (region, instance type) pairs, such as "
        "ap-northeast-3 ml.g5.12xlarge",
        "3 changes, 2 breaking",
    ]

    def drop_whisper(records: dict) -> None:
        del records["HUGGINGFACE_ASR_WHISPER_MINI_1_2_0"]

    fewer = tmp_path / "fewer.yaml"
    assert run_import(_changed_source(tmp_path, drop_whisper), fewer).exit_code == 0
    removed = invoke(["diff", str(imported), str(fewer)])
    assert f"BREAKING  {WHISPER}: JumpStart model removed" in removed.stdout.splitlines()
    added = invoke(["diff", str(fewer), str(imported)])
    assert added.exit_code == 0  # nothing breaks
    assert f"change    {WHISPER}: JumpStart model added" in added.stdout.splitlines()


def test_a_jumpstart_fact_moves_the_stamp(imported, tmp_path):
    """The stamp (and so the prebuilt build's key) covers the section: a catalog that
    differs only in a JumpStart fact is another catalog."""
    from sagemaker_iac.targets.headers import stamp

    changed = tmp_path / "changed.yaml"
    source = _changed_source(tmp_path, _drop_region_type_and_change_env)
    assert run_import(source, changed).exit_code == 0
    before = load_catalog(imported)
    assert stamp(before) != stamp(load_catalog(changed))
    assert stamp(before) != stamp(before._replace(jumpstart=None))
    assert stamp(before) == stamp(load_catalog(imported))
