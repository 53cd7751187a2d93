terraform {
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The floor of sagemaker-training-pipeline; sagemaker-model needs 5.0.
      version = ">= 5.25.0"
    }
  }
}
