"""sagemaker-iac: the SageMaker built-in algorithm catalog as Terraform and CloudFormation."""

__version__ = "0.1.0"

# The targets generate can write: here, so the CLI offers them without loading a renderer.
TARGETS = ("terraform", "cloudformation")
