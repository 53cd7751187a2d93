terraform {
  # Resource preconditions need Terraform 1.2.
  required_version = "{{ required_version }}"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.0 gave aws_region the `region` attribute this module reads.
      version = "{{ providers[0][1] }}"
    }
  }
}
