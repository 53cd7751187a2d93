terraform {
  # Output preconditions need Terraform 1.2.
  required_version = "{{ required_version }}"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The first release confirmed to have aws_sagemaker_training_job.
      version = "{{ providers[0][1] }}"
    }
  }
}
