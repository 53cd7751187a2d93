"""The distribution settings table both targets render, against the catalog and both
templates' inputs."""

from __future__ import annotations

from sagemaker_iac.api import load_catalog
from sagemaker_iac.targets._answers import framework_table, strategies
from sagemaker_iac.targets._distribution import SETTINGS
from sagemaker_iac.targets.cloudformation._script import INPUT_PARAMETERS, parameters
from sagemaker_iac.targets.terraform._interface import spec_variables


def test_every_strategy_the_catalog_knows_sends_its_settings():
    catalog = load_catalog()
    named = {s for setting in SETTINGS for s in setting.strategies}
    assert named == set(strategies(catalog))
    for strategy in named:  # each strategy switches itself on
        assert any(s.strategies == (strategy,) and s.input is None for s in SETTINGS)


def test_every_setting_reads_an_input_both_targets_have():
    catalog = load_catalog()
    variables = {v.name for v in spec_variables(catalog)}
    cfn = {p.name for p in parameters(catalog)}
    for setting in SETTINGS:
        if setting.input is not None:
            assert setting.input in variables
            assert INPUT_PARAMETERS[setting.input] in cfn


def test_hugging_face_accepts_what_its_base_accepts():
    catalog = load_catalog()
    table = framework_table(catalog, "huggingface")
    assert table["distributions_by"] == "base"
    found = table["distributions"]
    torch = catalog.image_rules.distributions["pytorch"]["torch_distributed"]["gpu"]
    assert "2.1.0" in torch and "1.10.2" not in torch
    assert "pytorch2.1.0" in found["torch_distributed"]["gpu"]
    assert "pytorch1.10.2" not in found["torch_distributed"]["gpu"]
    # TensorFlow bases take parameter_server; PyTorch's do not.
    assert all(b.startswith("tensorflow") for b in found["parameter_server"]["*"])
    assert "distributions_by" not in framework_table(catalog, "pytorch")
