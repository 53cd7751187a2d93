# Least privilege: read (and decrypt) the model artifacts, pull the image's repository,
# write the endpoint's logs. No write action on a "*" resource.
locals {
  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.id
  # The image's ECR repository: the catalog's, or read from an ECR image_uri (null for
  # an image in another registry).
  ecr_image = var.image_uri == null ? null : try(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.[^/]+/([^:@]+)", var.image_uri), null)
  image_repository_arn = (
    var.algorithm != null ? "arn:${local.partition}:ecr:${local.region}:${one(module.image[*].registry_id)}:repository/${one(module.image[*].repository)}" :
    var.framework != null ? "arn:${local.partition}:ecr:${local.region}:${one(module.framework_image[*].registry_id)}:repository/${one(module.framework_image[*].repository)}" :
    local.ecr_image == null ? null : "arn:${local.partition}:ecr:${local.ecr_image[1]}:${local.ecr_image[0]}:repository/${local.ecr_image[2]}"
  )
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
}

{% set role_name = "var.name" %}{% set policy_name = "sagemaker-model" %}
{% include "terraform/_role.tf" %}
