terraform {
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The floor of sagemaker-model; sagemaker-training-pipeline needs 5.11.0.
      version = ">= 5.67.0"
    }
  }
}
