"""sagemaker-iac: the catalog of Amazon SageMaker images as Terraform and CloudFormation.

The public face is sagemaker_iac.api; the subpackages follow the data's flow:
catalog (YAML -> model), lifecycle (catalog -> catalog), targets (catalog -> files).
"""

# The one place the version is written: pyproject.toml reads it ([tool.hatch.version]).
__version__ = "0.1.0"
