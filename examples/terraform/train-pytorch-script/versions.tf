terraform {
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The floor of sagemaker-training-pipeline.
      version = ">= 5.11.0"
    }
  }
}
