terraform {
  # Resource preconditions need Terraform 1.2.
  required_version = ">= 1.2"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.0 gave aws_region the `region` attribute this module reads.
      version = ">= 6.0"
    }
  }
}
