"""sagemaker-iac: the SageMaker built-in algorithm catalog as Terraform and CloudFormation."""

__version__ = "0.1.0"
