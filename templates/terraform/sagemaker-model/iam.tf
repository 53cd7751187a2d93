# Least privilege: read the model artifacts, pull the algorithm's repository, write the
# endpoint's logs. No write action on a "*" resource.
locals {
  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.region
}

data "aws_iam_policy_document" "assume" {
  count = var.create_role ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }
  }
}

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
}

resource "aws_iam_role" "this" {
  count = var.create_role ? 1 : 0

  name               = "${var.name}-sagemaker-model"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
  tags               = var.tags
}

resource "aws_iam_role_policy" "this" {
  count = var.create_role ? 1 : 0

  name   = "sagemaker-model"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.this[0].json
}
