terraform {
  # Resource and output preconditions need Terraform 1.2.
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The first release confirmed to have aws_sagemaker_training_job.
      version = ">= 6.60.0"
    }
  }
}
