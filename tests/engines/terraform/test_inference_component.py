"""sagemaker-inference-component: how it calls sagemaker-model, and its plan-time rules
evaluated by a real Terraform >= 1.2. No offline provider has the module's 6.21+ and
awscc resources, so the rules run in a provider-free root built from the generated
main.tf's own locals and preconditions; test_provider_schema checks the resources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sagemaker_iac.api import load_catalog
from sagemaker_iac.targets.terraform._interface import inference_component_variables
from support.paths import ROOT
from support.readers import load_hcl
from support.terraform import needs_newer, newer, unwrap

MODULE = ROOT / "out" / "terraform" / "sagemaker-inference-component"
MODEL_ONLY = {"component_name", "copy_count", "accelerator_devices", "cpu_cores"}


def _block(text: str, start: int) -> str:
    """The block of TEXT that opens at START, to its matching brace."""
    depth, index = 0, text.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        index += 1
        if depth == 0:
            return text[start:index]


def test_the_model_gets_every_model_input_unchanged():
    (call,) = load_hcl(MODULE / "main.tf")["module"]
    passed = call["model"]
    assert passed.pop("source") == "../sagemaker-model"
    assert passed.pop("environment") == "${local.environment}"
    own = {"initial_instance_count", "kms_key_arn", "min_memory_in_mb", *MODEL_ONLY}
    names = {v.name for v in inference_component_variables(load_catalog())} - own
    assert passed == {name: f"${{var.{name}}}" for name in names - {"environment"}}


@pytest.fixture(scope="module")
def rules_root(tmp_path_factory) -> Path:
    main = (MODULE / "main.tf").read_text()
    config = main[main.index('resource "aws_sagemaker_endpoint_configuration"') :]
    config = _block(config, 0)
    preconditions = [_block(config, m.start()) for m in re.finditer("precondition {", config)]
    assert len(preconditions) == 2
    root = tmp_path_factory.mktemp("component_rules")
    (root / "variables.tf").write_text((MODULE / "variables.tf").read_text())
    (root / "main.tf").write_text(
        'variable "gpu_count" {\n  type    = number\n  default = null\n}\n\n'
        + _block(main, main.index("\nlocals {") + 1).replace(
            "module.model.gpu_count", "var.gpu_count"
        )
        + '\n\noutput "environment" {\n  value = local.environment\n}\n\n'
        + 'output "checked" {\n  value = true\n\n  '
        + "\n\n  ".join(preconditions)
        + "\n}\n"
    )
    newer("init", cwd=root)
    return root


def _plan(root: Path, **values: object) -> tuple[int, str, dict[str, str]]:
    given = {"name": "llm", "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k", **values}
    arguments = [f"-var={k}={v if isinstance(v, str) else json.dumps(v)}" for k, v in given.items()]
    result = newer("plan", "-out=plan", *arguments, cwd=root, check=False)
    if result.returncode:
        return result.returncode, unwrap(result.stderr), {}
    shown = json.loads(newer("show", "-json", "plan", cwd=root).stdout)
    return 0, "", shown["planned_values"]["outputs"]["environment"]["value"]


@needs_newer
@pytest.mark.parametrize(
    ("values", "refusal"),
    [
        (
            {"instance_type": "ml.m5.xlarge", "accelerator_devices": 1},
            "The accelerator_devices need an accelerated instance type (ml.g*, ml.p*, ml.inf*, "
            "ml.trn*): ml.m5.xlarge has none; leave accelerator_devices null.",
        ),
        (
            {"instance_type": "ml.g5.xlarge", "accelerator_devices": 2, "gpu_count": 1},
            "Each copy asks for 2 accelerators, more than the 1 GPUs of ml.g5.xlarge.",
        ),
        (
            {"instance_type": "ml.g5.12xlarge", "accelerator_devices": 0},
            "The accelerator_devices must be greater than 0, or null for none.",
        ),
        (
            {"instance_type": "ml.g5.12xlarge", "copy_count": 1.5},
            "The copy_count must be a whole number from 1 to 10000.",
        ),
        (
            {"instance_type": "ml.g5.12xlarge", "component_name": "c" * 64},
            "The component_name must be 1-63 letters, digits and hyphens",
        ),
    ],
    ids=["cpu_instance", "more_than_its_gpus", "zero", "copies", "name_64"],
)
def test_a_component_the_instance_cannot_hold_fails_the_plan(rules_root, values, refusal):
    code, errors, _ = _plan(rules_root, **values)
    assert code == 1 and refusal in errors, errors


@needs_newer
@pytest.mark.parametrize(
    ("values", "environment"),
    [
        # TGI shards each copy over its own accelerators.
        (
            {
                "framework": "huggingface-llm",
                "instance_type": "ml.g5.12xlarge",
                "accelerator_devices": 2,
                "gpu_count": 4,
            },
            {"SM_NUM_GPUS": "2"},
        ),
        # The caller's environment wins.
        (
            {
                "framework": "huggingface-llm",
                "instance_type": "ml.g5.12xlarge",
                "accelerator_devices": 4,
                "environment": {"SM_NUM_GPUS": "1", "HF_MODEL_ID": "m"},
            },
            {"SM_NUM_GPUS": "1", "HF_MODEL_ID": "m"},
        ),
        # Other containers, and a copy without accelerators on a CPU instance.
        ({"framework": "pytorch", "instance_type": "ml.g5.2xlarge", "accelerator_devices": 1}, {}),
        ({"image_uri": "example/image:1", "instance_type": "ml.m5.xlarge"}, {}),
    ],
    ids=["tgi", "caller_wins", "pytorch", "cpu"],
)
def test_a_component_that_fits_plans_with_the_llm_environment(rules_root, values, environment):
    code, errors, planned = _plan(rules_root, **values)
    assert code == 0, errors
    assert planned == environment
