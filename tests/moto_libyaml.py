"""moto's CloudFormation reads the whole template with PyYAML's pure-Python yaml.Loader on
every create_stack (the images template's deployments in three regions: 10.8 s; 2.1 s
through libyaml). yaml.CLoader is the same loader (the same constructors and resolver, the
same errors) over libyaml's parser; the tests point moto at it, and
test_moto_reads_as_with_pure_python keeps the two readings of every template moto deploys
equal.
"""

from __future__ import annotations

import functools
import types

import yaml


def use_libyaml() -> None:
    """Point moto's CloudFormation modules at yaml.CLoader (once per process)."""
    from moto.cloudformation import models, responses

    if isinstance(models.yaml, types.SimpleNamespace):
        return
    shim = types.SimpleNamespace(**{n: getattr(yaml, n) for n in dir(yaml) if n[0] != "_"})
    shim.Loader = yaml.CLoader
    shim.add_multi_constructor = functools.partial(yaml.add_multi_constructor, Loader=yaml.CLoader)
    models.yaml = responses.yaml = shim
