"""moto's server, plus the one SageMaker call the modules need that moto lacks.

moto 5.2 has no UpdateEndpoint, which the provider calls when an endpoint moves to a new
endpoint configuration. This adds it as AWS documents it (the endpoint takes the named
configuration's variants; moto's endpoints are InService at once), then runs the
server: `python tests/moto_server.py -H 127.0.0.1 -p PORT`.
"""

from __future__ import annotations

import sys

from moto.core.responses import ActionResult
from moto.sagemaker.exceptions import ValidationError
from moto.sagemaker.models import FakeEndpoint, FakeEndpointConfig, SageMakerModelBackend
from moto.sagemaker.responses import SageMakerResponse
from moto.server import main


def _update_endpoint(self: SageMakerModelBackend, name: str, config_name: str) -> FakeEndpoint:
    endpoint = self.endpoints.get(name)
    if endpoint is None:
        arn = FakeEndpoint.arn_formatter(name, self.account_id, self.region_name)
        raise ValidationError(message=f"Could not find endpoint '{arn}'.")
    if config_name not in self.endpoint_configs:
        arn = FakeEndpointConfig.arn_formatter(config_name, self.account_id, self.region_name)
        raise ValidationError(message=f"Could not find endpoint_config '{arn}'.")
    config = self.endpoint_configs[config_name].response_object
    endpoint.endpoint_config_name = config_name
    endpoint.production_variants = endpoint._process_production_variants(
        config["ProductionVariants"]
    )
    return endpoint


def _update_endpoint_call(self: SageMakerResponse) -> ActionResult:
    endpoint = self.sagemaker_backend.update_endpoint(
        self._get_param("EndpointName"), self._get_param("EndpointConfigName")
    )
    return ActionResult({"EndpointArn": endpoint.arn})


SageMakerModelBackend.update_endpoint = _update_endpoint  # type: ignore[attr-defined]
SageMakerResponse.update_endpoint = _update_endpoint_call  # type: ignore[attr-defined]

if __name__ == "__main__":
    main(sys.argv[1:])
