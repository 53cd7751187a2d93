# Least privilege: read (and decrypt) the model artifacts, pull the algorithm's repository,
# write the endpoint's logs. No write action on a "*" resource.
locals {
  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.id
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

{% set image_registry = "${module.image.registry_id}" %}{% set image_repository = "${module.image.repository}" %}{% set log_groups = "Endpoints" %}
{% include "terraform/_iam_image_and_logs.tf" %}

  dynamic "statement" {
    for_each = var.model_data_kms_key_arn == null ? [] : [var.model_data_kms_key_arn]
    content {
      sid       = "DecryptModel"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

{% set role_name = "var.name" %}{% set policy_name = "sagemaker-model" %}
{% include "terraform/_role.tf" %}
