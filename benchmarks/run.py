"""sagemaker-iac benchmarks: each figure measured side by side with what a user would use
instead, in one paired run (commands interleaved round by round), and reported as a ratio.
Run with `make bench`."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from sagemaker_iac.api import builtin_path, load_catalog, to_source

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.jumpstart_source import read_records, write_sdk_metadata
from support.peak import peak_kib as measure_peak

# Measure as a user's shell runs: Python caches bytecode (some CI shells turn that off,
# which would charge every run for compiling the package's modules).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLI = str(BIN / "sagemaker-iac")
TERRAFORM = str(BIN / "terraform")
SDK_PYTHON = str(ROOT / ".venv-sdk" / "bin" / "python")  # sagemaker-core, pinned in Makefile
# The SDK v2 (JumpStartModel) and the JumpStart source, both as make bench provides them.
SDK_V2_PYTHON = str(ROOT / ".venv-sdk-train" / "bin" / "python")
JUMPSTART_SOURCE = os.environ.get("SAGEMAKER_IAC_JUMPSTART_SOURCE", "")
# A user's paths into out/ and CloudFormation's limit on an inline template body: the
# benchmark states them itself rather than reading the tool's internals.
TEMPLATE_FILE = "cloudformation/sagemaker-images.yaml"
INLINE_LIMIT = 51_200
RUNS, WARMUP = int(os.environ.get("BENCH_RUNS", "10")), int(os.environ.get("BENCH_WARMUP", "3"))
WORK = Path(tempfile.mkdtemp(prefix="sagemaker-iac-bench-"))
ROUND = "@ROUND@"  # in a command, replaced by the round's number (a new folder per round)


def paired(commands: dict[str, list[str]], runs: int = RUNS) -> dict[str, dict[str, float]]:
    """Median, mean and spread of each command's wall time, the commands interleaved.

    Each round runs every command once, in turn, so the machine's noise falls on all of
    them alike and a ratio of medians compares like with like (no root needed).
    """
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(WARMUP + runs):
        for name, command in commands.items():
            command = [part.replace(ROUND, str(round_)) for part in command]
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            if round_ >= WARMUP:
                samples[name].append(time.perf_counter() - start)
    return {
        name: {
            "median": round(statistics.median(values), 4),
            "mean": round(statistics.fmean(values), 4),
            "stddev": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
            "min": round(min(values), 4),
            "max": round(max(values), 4),
        }
        for name, values in samples.items()
    }


def peak_kib(command: list[str]) -> int:
    """Peak resident memory of one run (tests/support/peak.py: forked from a small
    interpreter, so the figure is the command's own)."""
    code, peak = measure_peak(command)
    if code:
        raise subprocess.CalledProcessError(code, command)
    return peak


FRAMEWORK_ARGS = {"version": "2.1", "image_scope": "training", "instance_type": "ml.g5.xlarge"}


def lookup() -> dict[str, Any]:
    """A built-in algorithm and a framework image, each against the SDK's retrieve."""
    retrieve = "from sagemaker.core import image_uris; image_uris.retrieve"
    pairs = {
        "algorithm": (
            [CLI, "uri", "kmeans", "--region", "us-west-2"],
            [SDK_PYTHON, "-c", f"{retrieve}('kmeans', 'us-west-2')"],
        ),
        "framework": (
            [CLI, "uri", "pytorch", "--region", "us-west-2", "--version", "2.1", "--scope",
             "training", "--instance-type", "ml.g5.xlarge"],
            [SDK_PYTHON, "-c", f"{retrieve}('pytorch', 'us-west-2', **{FRAMEWORK_ARGS!r})"],
        ),
    }  # fmt: skip
    results: dict[str, Any] = {}
    for name, (ours, sdk) in pairs.items():
        times = paired({"sagemaker-iac uri": ours, "SDK image_uris.retrieve": sdk})
        sdk_median = times["SDK image_uris.retrieve"]["median"]
        results[name] = {
            "commands": {"sagemaker-iac": " ".join(ours), "sdk": " ".join(sdk)},
            "times": times,
            "speedup": round(sdk_median / times["sagemaker-iac uri"]["median"], 1),
        }
    results["speedup"] = min(r["speedup"] for r in results.values())
    results["goal"] = ">= 30 (the smaller of the two)"
    return results


JUMPSTART_MODEL = "meta-textgeneration-llama-3-1-8b-instruct"


def _package_copy(name: str, keep_jumpstart: bool) -> Path:
    """The package copied (with its templates) into WORK and compiled there: the same
    build twice, its catalog with and without the JumpStart document."""
    folder = WORK / f"package-{name}"
    package = ROOT / "generator" / "sagemaker_iac"
    shutil.copytree(
        package,
        folder / "sagemaker_iac",
        ignore=shutil.ignore_patterns("_compiled", "__pycache__"),
    )
    shutil.copytree(ROOT / "templates", folder / "sagemaker_iac" / "templates")
    catalog = folder / "sagemaker_iac" / "data" / "catalog.yaml"
    if not keep_jumpstart:  # the first document: the catalog before the section came
        catalog.write_text(catalog.read_text().split("\n---\n", 1)[0] + "\n")
    env = {**os.environ, "PYTHONPATH": str(folder)}
    subprocess.run(
        [sys.executable, "-m", "sagemaker_iac._compile"], check=True, env=env, cwd=folder,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return folder


def jumpstart() -> dict[str, Any]:
    """What the JumpStart section costs a framework lookup (`uri pytorch` from a build
    whose catalog has it and one whose has not, paired), and a JumpStart lookup in a fresh
    process beside the SDK's JumpStartModel resolving the same model's image offline: it
    reads the manifest and specs from the folders its local-override variables name, here
    the source's records for the catalog's versions in its specs format."""
    uri = ["uri", "pytorch", "--region", "us-west-2", "--version", "2.1", "--scope",
           "training", "--instance-type", "ml.g5.xlarge"]  # fmt: skip
    commands = {}
    for name, keep in (("with the JumpStart section", True), ("without it", False)):
        folder = _package_copy("with" if keep else "without", keep)
        commands[name] = [
            "env", f"PYTHONPATH={folder}", sys.executable, "-m", "sagemaker_iac.cli", *uri,
        ]  # fmt: skip
    times = paired(commands)
    chosen = load_catalog(jumpstart=True).jumpstart.models
    (version,) = chosen[JUMPSTART_MODEL]
    records = [
        r
        for r in read_records(JUMPSTART_SOURCE).values()
        if r["version"] in chosen.get(r["modelId"], {})
    ]
    overrides = write_sdk_metadata(records, WORK / "jumpstart-metadata")
    sdk = (
        "from sagemaker.jumpstart.model import JumpStartModel; print(JumpStartModel("
        f"model_id={JUMPSTART_MODEL!r}, model_version={version!r}, region='us-west-2', "
        "role='arn:aws:iam::123456789012:role/host').image_uri)"
    )
    environment = [f"{k}={v}" for k, v in overrides.items()]
    environment += [
        "AWS_DEFAULT_REGION=us-west-2",
        "AWS_ACCESS_KEY_ID=x",
        "AWS_SECRET_ACCESS_KEY=x",
    ]
    lookups = {
        "sagemaker-iac jumpstart": [CLI, "jumpstart", JUMPSTART_MODEL, "--region", "us-west-2"],
        "SDK JumpStartModel": ["env", *environment, SDK_V2_PYTHON, "-c", sdk],
    }
    lookup_times = paired(lookups)
    with_it = times["with the JumpStart section"]["median"]
    without = times["without it"]["median"]
    return {
        "uri_commands": {k: " ".join(v[3:]) for k, v in commands.items()},
        "uri_times": times,
        "uri_ratio": round(with_it / without, 3),
        "lookup_commands": {
            "sagemaker-iac": " ".join(lookups["sagemaker-iac jumpstart"]),
            "sdk": f"{SDK_V2_PYTHON} -c {sdk!r} (with the local-override variables)",
        },
        "lookup_times": lookup_times,
        "lookup_speedup": round(
            lookup_times["SDK JumpStartModel"]["median"]
            / lookup_times["sagemaker-iac jumpstart"]["median"],
            1,
        ),
        "goal": "uri with the section <= 1.05x without (noise)",
    }


def regeneration() -> dict[str, Any]:
    """generate (the whole built-in catalog) vs the bare imports it needs: over the out/ it
    wrote before, as a user reruns it, and into a new folder, every file written."""
    whole = [CLI, "generate", "--out", str(WORK / "out")]
    fresh = [CLI, "generate", "--out", str(WORK / f"new-{ROUND}")]
    # A copy of the built-in catalog file: validated as any named file is.
    copy = WORK / "catalog-copy.yaml"
    shutil.copyfile(builtin_path(), copy)
    copied = [CLI, "generate", "--catalog", str(copy), "--out", str(WORK / "out-copy")]
    bare = [str(BIN / "python"), "-c", "import jinja2, yaml, click"]
    times = paired(
        {
            "generate": whole,
            "generate, new folder": fresh,
            "generate --catalog copy": copied,
            "bare imports": bare,
        }
    )
    base = times["bare imports"]["median"]
    return {
        "commands": {
            "generate": " ".join(whole),
            "generate, new folder": " ".join(fresh),
            "generate --catalog copy": " ".join(copied),
            "baseline": " ".join(bare),
        },
        "times": times,
        "seconds": times["generate"]["median"],
        "ratio": round(times["generate"]["median"] / base, 2),
        "new_folder_seconds": times["generate, new folder"]["median"],
        "new_folder_ratio": round(times["generate, new folder"]["median"] / base, 2),
        "copy_seconds": times["generate --catalog copy"]["median"],
        "copy_ratio": round(times["generate --catalog copy"]["median"] / base, 2),
        "bare_imports_seconds": base,
        "goal": "whole catalog < 2 s; <= 1.5x the bare imports",
    }


def _letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> ba, ...: region names have letters only in the middle."""
    text = ""
    while True:
        text = chr(ord("a") + number % 26) + text
        number //= 26
        if not number:
            return text


def synthetic(factor: int) -> tuple[Path, int]:
    """The built-in catalog with more algorithms and more regions (factor ~ a x r)."""
    # The algorithms' part (their groups and regions), as issue 5 measured it; frameworks
    # grow in framework_scale().
    data = to_source(load_catalog().for_algorithms())
    data.pop("image_rules")
    copies, region_factor = {1: (1, 1), 10: (2, 5), 100: (10, 10)}[factor]
    algorithms = {}
    for index in range(copies):
        for key, entry in data["algorithms"].items():
            algorithms[key if index == 0 else f"{key}-s{index}"] = entry
    data["algorithms"] = algorithms
    regions = list(data["regions"])
    for index in range(len(regions) * (region_factor - 1)):
        # A name the aws partition could have: ap-scale<letters>-1.
        region = f"ap-scale{_letters(index)}-1"
        data["regions"][region] = {"partition": "aws"}
        for number, group in enumerate(data["registry_groups"].values()):
            group["accounts"][region] = f"{(index * 7 + number) % 10**12:012d}"
    path = WORK / f"catalog-{factor}x.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    uris = sum(
        len(data["registry_groups"][a["registry_group"]]["accounts"]) for a in algorithms.values()
    )
    return path, uris


def scale() -> dict[str, Any]:
    rows: dict[str, Any] = {}
    commands = {}
    for factor in (1, 10, 100):
        path, uris = synthetic(factor)
        command = [
            CLI,
            "generate",
            "--catalog",
            str(path),
            "--out",
            str(WORK / f"scale-{factor}"),
            "--target",
            "terraform",
        ]
        commands[f"{factor}x"] = command
        full = subprocess.run(
            [
                CLI,
                "generate",
                "--catalog",
                str(path),
                "--out",
                str(WORK / f"full-{factor}"),
            ],
            capture_output=True,
            text=True,
        )
        rows[f"{factor}x"] = {
            "uris": uris,
            "peak_kib": peak_kib(command),
            "full_generation": "ok"
            if full.returncode == 0
            else full.stderr.strip().replace(str(WORK), "$WORK"),
        }
    times = paired(commands, runs=max(5, RUNS // 2))
    for name, row in rows.items():
        row["median_s"] = times[name]["median"]
    return {
        "command": " ".join(commands["100x"]),
        "rows": rows,
        "growth_10x_over_1x": round(times["10x"]["median"] / times["1x"]["median"], 2),
        "growth_100x_over_10x": round(times["100x"]["median"] / times["10x"]["median"], 2),
        "goal": "100x <= 2 s; 10x more data <= 12x more time",
    }


def framework_scale() -> dict[str, Any]:
    """Generating everything from a catalog file, the whole catalog and one with ten times
    its frameworks: both validated and rendered (the 1x file's one source title differs
    from the built-in catalog's, so that it is rendered, not read prebuilt)."""
    data = to_source(load_catalog())
    first = next(iter(data["sources"].values()))
    first["title"] = first["title"] + " (bench)"
    same = WORK / "catalog-frameworks-1x.yaml"
    same.write_text(yaml.safe_dump(data, sort_keys=False))
    data["images"] = {
        key if index == 0 else f"{key}-s{index}": entry
        for index in range(10)
        for key, entry in data["images"].items()
    }
    bigger = WORK / "catalog-frameworks-10x.yaml"
    bigger.write_text(yaml.safe_dump(data, sort_keys=False))
    commands = {
        "1x": [CLI, "generate", "--catalog", str(same), "--out", str(WORK / "whole-1")],
        "10x": [CLI, "generate", "--catalog", str(bigger), "--out", str(WORK / "whole-10")],
    }
    times = paired(commands, runs=max(5, RUNS // 2))
    return {
        "commands": {k: " ".join(v) for k, v in commands.items()},
        "times": times,
        "files": {
            k: sum(1 for p in (WORK / f"whole-{k[:-1]}").rglob("*") if p.is_file())
            for k in commands
        },
        "growth_10x_over_1x": round(times["10x"]["median"] / times["1x"]["median"], 2),
        "goal": "1x < 2 s; 10x more frameworks <= 12x more time",
    }


def output_size() -> dict[str, Any]:
    catalog = load_catalog()
    out = WORK / "out"
    size = len((out / TEMPLATE_FILE).read_bytes())
    naive: dict[str, dict[str, str]] = {}
    for key, region, uri in catalog.image_uris():
        naive.setdefault(region, {})[re.sub(r"[^A-Za-z0-9]", "", key)] = uri
    naive_text = yaml.safe_dump({"Mappings": {"ImageUris": naive}}, default_style='"')
    return {
        "template_bytes": size,
        "inline_limit": INLINE_LIMIT,
        "naive_mapping_bytes": len(naive_text.encode()),
        "share_of_naive": round(size / len(naive_text.encode()), 3),
        "goal": "<= 51200 bytes and <= 25% of naive",
    }


def terraform_plan() -> dict[str, Any]:
    images, empty = WORK / "tf-images", WORK / "tf-empty"
    images.mkdir()
    empty.mkdir()
    module = (WORK / "out" / "terraform" / "sagemaker-images").as_posix()
    (images / "main.tf").write_text(
        f'module "image" {{\n  source    = "{module}"\n  algorithm = "kmeans"\n'
        '  region    = "us-west-2"\n}\n\noutput "uri" {\n  value = module.image.image_uri\n}\n'
    )
    (empty / "main.tf").write_text("terraform {}\n")
    frameworks = WORK / "tf-framework"
    frameworks.mkdir()
    framework = (WORK / "out" / "terraform" / "sagemaker-framework-image").as_posix()
    (frameworks / "main.tf").write_text(
        f'module "image" {{\n  source            = "{framework}"\n'
        '  framework         = "pytorch"\n  framework_version = "2.1"\n'
        '  image_scope       = "training"\n  processor         = "gpu"\n'
        '  region            = "us-west-2"\n}\n\n'
        'output "uri" {\n  value = module.image.image_uri\n}\n'
    )
    env = {**os.environ, "CHECKPOINT_DISABLE": "1"}
    for folder in (images, empty, frameworks):
        subprocess.run(
            [TERRAFORM, f"-chdir={folder}", "init", "-backend=false"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    plan = ["plan", "-input=false", "-lock=false", "-no-color"]
    os.environ["CHECKPOINT_DISABLE"] = "1"
    times = paired(
        {
            "images module": [TERRAFORM, f"-chdir={images}", *plan],
            "framework image module": [TERRAFORM, f"-chdir={frameworks}", *plan],
            "empty configuration": [TERRAFORM, f"-chdir={empty}", *plan],
        }
    )
    empty_median = times["empty configuration"]["median"]
    return {
        "command": f"terraform -chdir=DIR {' '.join(plan)}",
        "times": times,
        "ratio": round(times["images module"]["median"] / empty_median, 2),
        "framework_ratio": round(times["framework image module"]["median"] / empty_median, 2),
        "goal": "<= 1.5",
    }


LINT_FILES, LINT_FOLDERS, LINT_MIB = 100_000, 100, 50
# A registry URI of the user's own: scanned for, not a catalog image, so no finding.
OWN_URI = "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-model"


def lint_hostile() -> dict[str, Any]:
    """`lint` over a tree of 100,000 small files and over one 50 MiB single-line file:
    time (3 rounds, paired with `grep -rl`, what a user might run instead) and peak
    memory, beside a one-file tree's."""
    tree, big, one = WORK / "lint-tree", WORK / "lint-big", WORK / "lint-one"
    for folder in range(LINT_FOLDERS):
        sub = tree / f"d{folder:03d}"
        sub.mkdir(parents=True)
        for number in range(LINT_FILES // LINT_FOLDERS):
            (sub / f"f{number:04d}.tf").write_text(f'image = "{OWN_URI}:{number}"\n')
    big.mkdir()
    with (big / "one.tf").open("w", encoding="ascii") as file:
        for _ in range(LINT_MIB):
            file.write("x" * 2**20)
        file.write(f' "{OWN_URI}:1"\n')
    one.mkdir()
    (one / "one.tf").write_text(f'image = "{OWN_URI}:1"\n')
    grep = ["grep", "-rl", "dkr.ecr"]
    timed = paired(
        {
            "tree": [CLI, "lint", str(tree)],
            "tree_grep": [*grep, str(tree)],
            "big": [CLI, "lint", str(big)],
            "big_grep": [*grep, str(big)],
        },
        runs=3,
    )
    peaks = {
        name: peak_kib([CLI, "lint", str(path)])
        for name, path in (("one", one), ("tree", tree), ("big", big))
    }
    return {
        "files": LINT_FILES,
        "big_mib": LINT_MIB,
        "seconds": {name: t["median"] for name, t in timed.items()},
        "peak_kib": peaks,
        "growth_kib": max(peaks["tree"], peaks["big"]) - peaks["one"],
        "goal": "peak memory within 32 MiB of a one-file run",
    }


def cfn_lint_rules() -> dict[str, Any]:
    """cfn-lint over the generated templates (not the framework lookups, 120 of one shape;
    not the Mappings body, which is no template) with and without sagemaker-iac's rules."""
    root = WORK / "out" / "cloudformation"
    templates = sorted(
        str(p)
        for p in root.rglob("*.yaml")
        if "frameworks" not in p.parts and "mappings" not in p.name
    )
    cfn_lint = [str(BIN / "cfn-lint"), "--format", "parseable", *templates]
    timed = paired(
        {"with": [*cfn_lint, "-a", "sagemaker_iac.cfn_lint_rules"], "without": cfn_lint}, runs=3
    )
    return {
        "templates": len(templates),
        "with_s": timed["with"]["median"],
        "without_s": timed["without"]["median"],
        "ratio": round(timed["with"]["median"] / timed["without"]["median"], 3),
        "goal": "for reference",
    }


def machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "timer": "benchmarks/run.py paired (time.perf_counter, interleaved rounds)",
        "runs": str(RUNS),
        "warmup": str(WARMUP),
    }


def _described(machine: dict[str, str]) -> str:
    """A machine record as one line of text: `python 3.11.7, cpus 2, ...`."""
    return ", ".join(f"{key} {value}" for key, value in machine.items())


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def report(r: dict[str, Any]) -> str:
    """The figures as a markdown table, each with its goal and whether it is met."""
    lk, rg, sz, tf, sc, fs = (
        r["lookup"],
        r["regeneration"],
        r["output_size"],
        r["terraform_plan"],
        r["scale"],
        r["framework_scale"],
    )
    rows = [
        (
            "Lookup of kmeans (fresh process, no cache anywhere) vs SDK `image_uris.retrieve`",
            f"{lk['algorithm']['speedup']}x faster",
            ">= 30x",
            lk["algorithm"]["speedup"] >= 30,
        ),
        (
            "Lookup of pytorch 2.1 training on ml.g5.xlarge vs SDK `image_uris.retrieve`",
            f"{lk['framework']['speedup']}x faster",
            ">= 30x",
            lk["framework"]["speedup"] >= 30,
        ),
        (
            "`generate`, whole catalog (every file)",
            f"{rg['seconds']} s",
            "< 2 s",
            rg["seconds"] < 2,
        ),
        (
            "`generate`, whole catalog, vs bare imports of jinja2, yaml, click",
            f"{rg['ratio']}x",
            "<= 1.5x",
            rg["ratio"] <= 1.5,
        ),
        (
            "`generate`, whole catalog, into a new folder each run (every file written)",
            f"{rg['new_folder_seconds']} s, {rg['new_folder_ratio']}x the bare imports",
            "(for reference)",
            None,
        ),
        (
            "`generate --catalog` a copy of the built-in catalog file (validated, then read "
            "prebuilt: same content)",
            f"{rg['copy_seconds']} s, {rg['copy_ratio']}x the bare imports "
            f"({rg['bare_imports_seconds']} s)"
            if "copy_seconds" in rg
            else "not measured in this results.json (run make bench)",
            "(for reference)",
            None,
        ),
        (
            "`generate --catalog` with 10x the frameworks, time growth (both rendered)",
            f"{fs['growth_10x_over_1x']}x",
            "<= 12x",
            fs["growth_10x_over_1x"] <= 12,
        ),
        (
            "Image template size",
            f"{sz['template_bytes']} bytes",
            "<= 51200",
            sz["template_bytes"] <= sz["inline_limit"],
        ),
        (
            "Image template vs naive mapping",
            f"{sz['share_of_naive']:.1%}",
            "<= 25%",
            sz["share_of_naive"] <= 0.25,
        ),
        (
            "`terraform plan` images module vs empty",
            f"{tf['ratio']}x",
            "<= 1.5x",
            tf["ratio"] <= 1.5,
        ),
        (
            "`terraform plan` framework image module (pytorch) vs empty",
            f"{tf['framework_ratio']}x",
            "<= 1.5x",
            tf["framework_ratio"] <= 1.5,
        ),
        (
            "Scale 100x (`--target terraform`)",
            f"{sc['rows']['100x']['median_s']} s",
            "<= 2 s",
            sc["rows"]["100x"]["median_s"] <= 2,
        ),
        (
            "Time growth 1x -> 10x",
            f"{sc['growth_10x_over_1x']}x",
            "<= 12x",
            sc["growth_10x_over_1x"] <= 12,
        ),
        (
            "Time growth 10x -> 100x",
            f"{sc['growth_100x_over_10x']}x",
            "<= 12x",
            sc["growth_100x_over_10x"] <= 12,
        ),
    ]
    if "lint" in r:
        ln = r["lint"]
        rows.append(
            (
                f"`lint`, {ln['files']:,} files / one {ln['big_mib']} MiB line: time "
                f"(`grep -rl`: {ln['seconds']['tree_grep']} s / {ln['seconds']['big_grep']} s)",
                f"{ln['seconds']['tree']} s / {ln['seconds']['big']} s",
                "-",
                None,
            )
        )
        rows.append(
            (
                f"`lint`, peak memory over a one-file run ({ln['peak_kib']['one']} KiB)",
                f"+{ln['growth_kib']} KiB",
                "<= 32 MiB",
                ln["growth_kib"] <= 32 * 1024,
            )
        )
    if "cfn_lint_rules" in r:
        cl = r["cfn_lint_rules"]
        rows.append(
            (
                f"cfn-lint over the {cl['templates']} generated templates, with the rules "
                f"package vs without ({cl['without_s']} s)",
                f"{cl['with_s']} s, {cl['ratio']}x",
                "(for reference)",
                None,
            )
        )
    if "jumpstart" in r:
        js = r["jumpstart"]
        rows.append(
            (
                "`uri pytorch` (fresh process) from a build whose catalog has the JumpStart "
                f"section vs one without ({js['uri_times']['without it']['median']} s)",
                f"{js['uri_times']['with the JumpStart section']['median']} s, {js['uri_ratio']}x",
                "<= 1.05x",
                js["uri_ratio"] <= 1.05,
            )
        )
        rows.append(
            (
                f"`jumpstart {JUMPSTART_MODEL} --region us-west-2` (fresh process) vs the "
                "SDK's `JumpStartModel(...).image_uri` offline "
                f"({js['lookup_times']['SDK JumpStartModel']['median']} s)",
                f"{js['lookup_times']['sagemaker-iac jumpstart']['median']} s, "
                f"{js['lookup_speedup']}x faster",
                "(for reference)",
                None,
            )
        )
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {_described(r['machine'])}.",
        "",
        "| Measure | Result | Goal | Met |",
        "|---|---|---|---|",
    ]
    met = {True: "yes", False: "no", None: "-"}
    lines += [f"| {m} | {v} | {g} | {met[ok]} |" for m, v, g, ok in rows]
    lines += [
        "",
        "| Scale | URIs | Median (s) | Peak memory (KiB) | Full generation |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [
        f"| {k} | {v['uris']} | {v['median_s']} | {v['peak_kib']} | {v['full_generation']} |"
        for k, v in sc["rows"].items()
    ]
    times = Path(__file__).resolve().parent / "test_times.json"
    if times.exists():  # written by make test-times, which runs each lane several times
        lanes = json.loads(times.read_text())
        lines += [
            "",
            f"Test lanes (`make test-times`; {_described(lanes.pop('machine'))}):",
            "",
            "| Lane | Tests passed | Median (s) | Runs (s) | Goal | Met | Speed index (s) |",
            "|---|---:|---:|---|---|---|---|",
        ]
        goals = {"make test-fast": 20, "pytest (make test)": 90}
        lines += [
            f"| {name} | {lane.get('passed', 0)} | {lane['seconds']} | "
            f"{', '.join(map(str, lane.get('runs', [lane['seconds']])))} | < {goals[name]} s | "
            f"{'yes' if lane['seconds'] < goals[name] and lane['exit'] == 0 else 'no'} | "
            f"{', '.join(map(str, _listed(lane.get('speed_index_s', []))))} |"
            for name, lane in lanes.items()
        ]
        lines += [
            "",
            "The speed index is a fixed pure-Python loop timed just before each run: this "
            "machine's CPU is shared, and the index (so every time here) varied by up to 40% "
            "within an hour.",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    for tool, hint in (
        (SDK_PYTHON, "make bench builds .venv-sdk"),
        (SDK_V2_PYTHON, "make bench builds .venv-sdk-train"),
        (JUMPSTART_SOURCE, "make bench downloads the JumpStart source"),
    ):
        if not tool or (shutil.which(tool) is None and not Path(tool).exists()):
            sys.exit(f"missing {tool}: {hint}")
    results = {"machine": machine(), "lookup": lookup(), "regeneration": regeneration()}
    results["output_size"] = output_size()
    results["terraform_plan"] = terraform_plan()
    results["scale"] = scale()
    results["framework_scale"] = framework_scale()
    results["lint"] = lint_hostile()
    results["cfn_lint_rules"] = cfn_lint_rules()
    results["jumpstart"] = jumpstart()
    here = Path(__file__).resolve().parent
    (here / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (here / "results.md").write_text(report(results))
    print(json.dumps(results, indent=2))
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
