{% set pipeline = false %}{% set job_name = "var.job_name" %}
{% include "terraform/_training_spec.tf" %}

resource "aws_sagemaker_training_job" "this" {
  training_job_name                         = var.job_name
  role_arn                                  = local.role_arn
  hyper_parameters                          = module.spec.request.HyperParameters
  enable_network_isolation                  = var.enable_network_isolation
  enable_inter_container_traffic_encryption = var.enable_inter_container_traffic_encryption
  tags                                      = var.tags

  algorithm_specification {
    training_image                       = module.spec.image_uri
    training_input_mode                  = var.input_mode
    enable_sagemaker_metrics_time_series = lookup(module.spec.request.AlgorithmSpecification, "EnableSageMakerMetricsTimeSeries", null)

    dynamic "metric_definitions" {
      for_each = var.metric_definitions
      content {
        name  = metric_definitions.value.name
        regex = metric_definitions.value.regex
      }
    }
  }

  dynamic "input_data_config" {
    for_each = module.spec.request.InputDataConfig
    content {
      channel_name     = input_data_config.value.ChannelName
      content_type     = lookup(input_data_config.value, "ContentType", null)
      compression_type = lookup(input_data_config.value, "CompressionType", null)
      input_mode       = lookup(input_data_config.value, "InputMode", null)

      data_source {
        s3_data_source {
          s3_data_type              = input_data_config.value.DataSource.S3DataSource.S3DataType
          s3_uri                    = input_data_config.value.DataSource.S3DataSource.S3Uri
          s3_data_distribution_type = input_data_config.value.DataSource.S3DataSource.S3DataDistributionType
        }
      }
    }
  }

  output_data_config {
    s3_output_path = var.output_s3_path
    kms_key_id     = var.kms_key_id
  }

  resource_config {
    instance_type     = var.instance_type
    instance_count    = var.instance_count
    volume_size_in_gb = var.volume_size_in_gb
    volume_kms_key_id = var.kms_key_id
  }

  stopping_condition {
    max_runtime_in_seconds = var.max_runtime_in_seconds
  }

  dynamic "checkpoint_config" {
    for_each = var.checkpoint_s3_uri == null ? [] : [var.checkpoint_s3_uri]
    content {
      s3_uri     = checkpoint_config.value
      local_path = var.checkpoint_local_path
    }
  }

  dynamic "vpc_config" {
    for_each = var.vpc_config == null ? [] : [var.vpc_config]
    content {
      subnets            = vpc_config.value.subnets
      security_group_ids = vpc_config.value.security_group_ids
    }
  }

  # IAM is eventually consistent: SageMaker refuses a role whose policy is not yet seen.
  depends_on = [aws_iam_role_policy.this]

  lifecycle {
    # SageMaker fills in a built-in algorithm's default metric definitions: they are not
    # drift. A job is never changed in place, so new metric definitions need a new job_name.
    ignore_changes = [algorithm_specification[0].metric_definitions]
  }
}
