{# The data sources and the spec module call shared by the training job and pipeline modules. #}
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
  framework                                 = var.framework
  framework_version                         = var.framework_version
  py_version                                = var.py_version
  base_framework_version                    = var.base_framework_version
  image_uri                                 = var.image_uri
  entry_point                               = var.entry_point
  source_dir                                = var.source_dir
  container_log_level                       = var.container_log_level
  distribution                              = var.distribution
  mpi_processes_per_host                    = var.mpi_processes_per_host
  custom_mpi_options                        = var.custom_mpi_options
  job_name                                  = {{ job_name }}
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
  metric_definitions                        = var.metric_definitions
  enable_sagemaker_metrics                  = var.enable_sagemaker_metrics
  checkpoint_s3_uri                         = var.checkpoint_s3_uri
  checkpoint_local_path                     = var.checkpoint_local_path
  tags                                      = var.tags
{% if pipeline %}
  step_name                                 = var.step_name
{% endif %}
}

locals {
  role_arn = var.create_role ? aws_iam_role.this[0].arn : var.role_arn
}
