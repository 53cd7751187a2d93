"""sagemaker-iac: the SageMaker built-in algorithm catalog as Terraform and CloudFormation.

The public face is sagemaker_iac.api; the subpackages follow the data's flow:
catalog (YAML -> model), lifecycle (catalog -> catalog), targets (catalog -> files).
"""

__version__ = "0.1.0"
