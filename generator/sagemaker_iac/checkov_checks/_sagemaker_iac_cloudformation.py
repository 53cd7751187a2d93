"""sagemaker-iac's checks of CloudFormation SageMaker resources (checkov loads this file)."""

from checkov.cloudformation.checks.resource.base_resource_check import BaseResourceCheck

from sagemaker_iac.checkov_checks import checks

CHECKS = checks(BaseResourceCheck, "cloudformation")
