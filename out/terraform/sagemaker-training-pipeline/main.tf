data "aws_partition" "current" {}
# `id` is the region's name on provider 5.x and 6.x alike (6.0 deprecates `name`).
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

# The provider-free spec module holds every catalog rule and builds the request.
module "spec" {
  source = "../sagemaker-training-spec"

  algorithm                                 = var.algorithm
  region                                    = data.aws_region.current.id
  image_tag                                 = var.image_tag
  job_name                                  = local.job_name
  role_arn                                  = local.role_arn
  hyperparameters                           = var.hyperparameters
  channels                                  = var.channels
  input_mode                                = var.input_mode
  instance_type                             = var.instance_type
  instance_count                            = var.instance_count
  volume_size_in_gb                         = var.volume_size_in_gb
  max_runtime_in_seconds                    = var.max_runtime_in_seconds
  output_s3_path                            = var.output_s3_path
  kms_key_id                                = var.kms_key_id
  vpc_config                                = var.vpc_config
  enable_network_isolation                  = var.enable_network_isolation
  enable_inter_container_traffic_encryption = var.enable_inter_container_traffic_encryption
  tags                                      = var.tags
  step_name                                 = var.step_name
}

locals {
  role_arn = var.create_role ? aws_iam_role.this[0].arn : var.role_arn
}

locals {
  # The spec names a job; a pipeline names each run's job itself, so any valid name will do.
  job_name = replace(substr(var.pipeline_name, 0, 63), "/-+$/", "")
}

# A pipeline whose one Training step carries the catalog-checked request; each run
# (StartPipelineExecution) trains once.
resource "aws_sagemaker_pipeline" "this" {
  pipeline_name         = var.pipeline_name
  pipeline_display_name = var.pipeline_name
  role_arn              = local.role_arn
  pipeline_definition   = module.spec.pipeline_definition
  tags                  = var.tags

  # IAM is eventually consistent: SageMaker refuses a role whose policy is not yet seen.
  depends_on = [aws_iam_role_policy.this]
}
