# Hosts a JumpStart model (by default a gated Llama model) from the sagemaker-iac
# catalog: its image, artefacts and environment for the region and instance type, with
# its EULA accepted, behind an encrypted endpoint that scales on invocations.
provider "aws" {
  region = var.region
}

module "llm" {
  source = "../../../out/terraform/sagemaker-model"

  jumpstart_model_id      = var.model_id
  jumpstart_model_version = var.model_version
  accept_eula             = var.accept_eula
  instance_type           = var.instance_type
  name                    = var.name

  create_role                   = true
  create_endpoint_configuration = true
  create_endpoint               = true
  kms_key_arn                   = var.kms_key_arn

  autoscaling_max_capacity       = var.max_instances
  autoscaling_target_invocations = 10
}
