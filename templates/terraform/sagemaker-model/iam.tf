# Least privilege: read (and decrypt) the model artifacts, pull the image's repository,
# write the endpoint's logs. No write action on a "*" resource.
locals {
  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.id
  # The image's ECR repository as [account, region, name]: the catalog's, or read from an
  # ECR image_uri (null for an image in another registry).
  ecr_repository = (
    var.algorithm != null ? [one(module.image[*].registry_id), local.region, one(module.image[*].repository)] :
    var.framework != null ? [one(module.framework_image[*].registry_id), local.region, one(module.framework_image[*].repository)] :
    var.image_uri == null && var.jumpstart_model_id == null ? null : try(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.[^/]+/([^:@]+)", local.image_uri), null)
  )
  image_repository_arn = local.ecr_repository == null ? null : "arn:${local.partition}:ecr:${local.ecr_repository[1]}:${local.ecr_repository[0]}:repository/${local.ecr_repository[2]}"
}

{% include "terraform/_assume_role.tf" %}

data "aws_iam_policy_document" "this" {
  count = var.create_role ? 1 : 0

  dynamic "statement" {
    for_each = var.model_data_url == null ? [] : [regex("^s3://(.+)$", var.model_data_url)[0]]
    content {
      sid       = "ReadModel"
      actions   = ["s3:GetObject"]
      resources = ["arn:${local.partition}:s3:::${statement.value}"]
    }
  }

  dynamic "statement" {
    for_each = var.model_data_s3_prefix == null ? [] : [regex("^s3://([^/]+)/?(.*)$", var.model_data_s3_prefix)]
    content {
      sid       = "ReadModelFiles"
      actions   = ["s3:GetObject", "s3:ListBucket"]
      resources = ["arn:${local.partition}:s3:::${statement.value[0]}", "arn:${local.partition}:s3:::${statement.value[0]}/${trimsuffix(statement.value[1], "/")}*"]
    }
  }

  # A JumpStart model's artefacts: a folder (S3Prefix) or one archive.
  dynamic "statement" {
    for_each = local.jumpstart_data == null ? [] : [regex("^s3://([^/]+)/(.*)$", local.jumpstart_data.s3_uri)]
    content {
      sid       = "ReadJumpStartModel"
      actions   = local.jumpstart_data.s3_data_type == "S3Prefix" ? ["s3:GetObject", "s3:ListBucket"] : ["s3:GetObject"]
      resources = local.jumpstart_data.s3_data_type == "S3Prefix" ? ["arn:${local.partition}:s3:::${statement.value[0]}", "arn:${local.partition}:s3:::${statement.value[0]}/${trimsuffix(statement.value[1], "/")}*"] : ["arn:${local.partition}:s3:::${statement.value[0]}/${statement.value[1]}"]
    }
  }

  dynamic "statement" {
    for_each = var.source_dir == null ? [] : [regex("^s3://(.+)$", var.source_dir)[0]]
    content {
      sid       = "ReadCode"
      actions   = ["s3:GetObject"]
      resources = ["arn:${local.partition}:s3:::${statement.value}"]
    }
  }

{% set image_arn = "local.image_repository_arn" %}{% set log_groups = "Endpoints" %}
{% include "terraform/_iam_image_and_logs.tf" %}

  dynamic "statement" {
    for_each = var.model_data_kms_key_arn == null ? [] : [var.model_data_kms_key_arn]
    content {
      sid       = "DecryptModel"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }

  # An asynchronous endpoint writes its responses and failures, and tells the topics, as
  # the model's role.
  dynamic "statement" {
    for_each = var.async_output_s3_path == null ? [] : [[for path in [var.async_output_s3_path, var.async_failure_s3_path] : path if path != null]]
    content {
      sid       = "WriteAsyncResults"
      actions   = ["s3:PutObject"]
      resources = [for path in statement.value : "arn:${local.partition}:s3:::${trimsuffix(regex("^s3://(.+)$", path)[0], "/")}/*"]
    }
  }

  dynamic "statement" {
    for_each = var.async_output_s3_path == null ? [] : [for topics in [[for arn in [var.async_success_topic_arn, var.async_error_topic_arn] : arn if arn != null]] : topics if length(topics) > 0]
    content {
      sid       = "NotifyAsyncResults"
      actions   = ["sns:Publish"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = var.async_output_s3_path == null || var.async_kms_key_arn == null ? [] : [var.async_kms_key_arn]
    content {
      sid       = "EncryptAsyncResults"
      actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

{% set role_name = "var.name" %}{% set policy_name = "sagemaker-model" %}
{% include "terraform/_role.tf" %}
