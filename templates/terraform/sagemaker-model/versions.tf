terraform {
  # Resource preconditions need Terraform 1.2.
  required_version = "{{ required_version }}"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "{{ providers[0][1] }}"
    }
  }
}
