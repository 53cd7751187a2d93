"""The CLI's commands and exit codes, and the generated tree's determinism."""

from __future__ import annotations

import json

import pytest

from sagemaker_iac.api import builtin_path, read_tree
from sagemaker_iac.cli import main
from support.cli import cli_runner
from support.paths import MINIMAL, ROOT


def run(*args: str):
    return cli_runner().invoke(main, list(args))


def test_uri_prints_the_catalog_uri(catalog):
    result = run("uri", "xgboost", "--region", "cn-north-1")
    assert result.exit_code == 0
    assert result.stdout == catalog.image_uri("xgboost", "cn-north-1") + "\n"
    result = run("uri", "xgboost", "--region", "us-east-2", "--tag", "0.90-2-cpu-py3")
    assert result.stdout.strip().endswith("/sagemaker-xgboost:0.90-2-cpu-py3")


def test_uri_scope_selects_the_inference_image(catalog):
    key = "object-detection-tensorflow"
    training = run("uri", key, "--region", "eu-west-1")
    hosting = run("uri", key, "--region", "eu-west-1", "--scope", "inference")
    assert training.stdout == catalog.image_uri(key, "eu-west-1") + "\n"
    assert hosting.stdout == catalog.image_uri(key, "eu-west-1", scope="inference") + "\n"
    assert training.stdout != hosting.stdout
    assert run("uri", key, "--region", "eu-west-1", "--scope", "hosting").exit_code == 2


def test_uri_for_an_unpublished_pair_lists_the_regions(catalog):
    result = run("uri", "lda", "--region", "me-south-1")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'lda' is not published in region 'me-south-1'" in result.stderr
    assert ", ".join(catalog.regions_for("lda")) in result.stderr
    assert "Traceback" not in result.stderr


def test_uri_usage_errors_exit_2():
    assert run("uri", "kmeans").exit_code == 2  # --region is required
    assert run("uri", "nope", "--region", "us-east-1").exit_code == 2


def test_algorithms_table_lists_every_algorithm(catalog):
    result = run("algorithms")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["KEY", "NAME", "REPOSITORY"]
    assert [line.split()[0] for line in lines[1:]] == sorted(catalog.algorithms)
    lda = next(line for line in lines if line.startswith("lda "))
    assert lda.split()[-1] == str(len(catalog.regions_for("lda")))


def test_regions_lists_all_or_one_algorithms(catalog):
    everything = run("regions")
    assert [line.split("\t")[0] for line in everything.stdout.splitlines()] == sorted(
        catalog.regions
    )
    lda = run("regions", "lda")
    assert [line.split("\t")[0] for line in lda.stdout.splitlines()] == catalog.regions_for("lda")
    assert "cn-north-1\taws-cn" in everything.stdout


def test_generate_then_check_then_stale(tmp_path):
    out = tmp_path / "out"
    # A two-algorithm catalog: what is tested is the folder, and it is faster to write.
    minimal = ("--catalog", str(MINIMAL))
    assert run("generate", "--out", str(out), *minimal).exit_code == 0
    first = read_tree(out)
    assert run("generate", "--out", str(out), "--check", *minimal).exit_code == 0

    victim = out / "terraform" / "sagemaker-images" / "main.tf"
    victim.write_text(victim.read_text().replace("local.tag", "var.image_tag", 1))
    (out / "stray.txt").write_text("left over\n")
    before = read_tree(out)
    result = run("generate", "--out", str(out), "--check", *minimal)
    assert result.exit_code == 1
    assert "--- a/terraform/sagemaker-images/main.tf" in result.stdout
    assert "+++ b/terraform/sagemaker-images/main.tf" in result.stdout
    assert "--- a/stray.txt" in result.stdout and "+++ /dev/null" in result.stdout
    assert read_tree(out) == before  # --check writes nothing

    refused = run("generate", "--out", str(out), *minimal)
    assert refused.exit_code == 2 and "did not write (stray.txt)" in refused.stderr
    assert read_tree(out) == before  # never a file the tool did not write
    (out / "stray.txt").unlink()
    assert run("generate", "--out", str(out), *minimal).exit_code == 0
    assert read_tree(out) == first


def test_generate_is_byte_identical_on_rerun(tmp_path):
    run("generate", "--out", str(tmp_path / "a"))
    run("generate", "--out", str(tmp_path / "b"), "--catalog", str(builtin_path()))
    a, b = tmp_path / "a", tmp_path / "b"
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_committed_out_is_current():
    result = run("generate", "--out", str(ROOT / "out"), "--check")
    assert result.exit_code == 0, result.stdout[-3000:] + result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("kmeanz", "--region", "us-east-1"),
            "unknown algorithm or framework 'kmeanz' (did you mean kmeans?)",
        ),
        (("xgbost", "--region", "us-east-1"), "(did you mean xgboost?)"),
        (
            ("xgboost", "--region", "us-east-1", "--tag", "1.7-2"),
            "tag '1.7-2' is not published for algorithm 'xgboost' (training) "
            "(did you mean 1.7-1?); available tags: 3.2-0",
        ),
        # The three region mistakes, each told apart.
        (("kmeans", "--region", "us-east1"), "'us-east1' is not a region name like us-east-1"),
        (("kmeans", "--region", "US-EAST-1"), "(did you mean us-east-1?)"),
        (("kmeans", "--region", "xx-east-1"), "no AWS partition has a region named 'xx-east-1'"),
        (("lda", "--region", "ap-east-2"), "algorithm 'lda' is not published in region"),
    ],
)
def test_mistakes_get_a_message_that_names_the_choices(args, message):
    result = run("uri", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_real_region_is_never_called_malformed(catalog):
    for region in catalog.regions:
        result = run("uri", "kmeans", "--region", region)
        assert "not a region name" not in result.stderr
        assert "no AWS partition" not in result.stderr


def test_json_output_parses_and_equals_the_catalog(catalog):
    uri = json.loads(run("uri", "xgboost", "--region", "cn-north-1", "--json").stdout)
    assert uri["uri"] == catalog.image_uri("xgboost", "cn-north-1")
    assert uri["registry_id"] == catalog.registry_id("xgboost", "cn-north-1")
    assert uri["repository"] == catalog.algorithms["xgboost"].repository
    assert uri["tag"] == catalog.algorithms["xgboost"].default_tag
    regions = json.loads(run("regions", "lda", "--json").stdout)
    assert [r["region"] for r in regions] == catalog.regions_for("lda")
    assert all(r["partition"] == catalog.regions[r["region"]] for r in regions)
    everything = json.loads(run("regions", "--json").stdout)
    assert {r["region"] for r in everything} == set(catalog.regions)
    algorithms = json.loads(run("algorithms", "--json").stdout)
    assert set(algorithms) == set(catalog.algorithms)
    assert algorithms["kmeans"]["regions"] == catalog.regions_for("kmeans")


def test_shell_completion_offers_algorithms_and_regions(monkeypatch):
    def complete(words: str) -> list[str]:
        env = {
            "_SAGEMAKER_IAC_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        result = cli_runner().invoke(main, [], env=env, prog_name="sagemaker-iac")
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    assert complete("sagemaker-iac uri km") == ["kmeans"]
    assert complete("sagemaker-iac uri kmeans --region cn-") == ["cn-north-1", "cn-northwest-1"]


def test_the_sdk_folder_option_has_one_name():
    for command in (["verify", "--help"], ["import", "sdk", "--help"]):
        text = run(*command).stdout
        assert "--sdk" in text and "--from" not in text
