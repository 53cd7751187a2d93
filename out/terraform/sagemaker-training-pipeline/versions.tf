terraform {
  # Resource and output preconditions need Terraform 1.2.
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # aws_sagemaker_pipeline first shipped in 5.11.0; it works on 5.x and 6.x.
      version = ">= 5.11.0"
    }
  }
}
