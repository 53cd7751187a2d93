"""sagemaker-iac's checks of Terraform SageMaker resources (checkov loads this file)."""

from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

from sagemaker_iac.checkov_checks import checks

CHECKS = checks(BaseResourceCheck, "terraform")
