terraform {
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The floor of sagemaker-model.
      version = ">= 5.67.0"
    }
  }
}
