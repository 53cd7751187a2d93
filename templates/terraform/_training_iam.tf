{# The training execution role of sagemaker-training-job and sagemaker-training-pipeline. #}
# Least privilege: read the named input prefixes, write the output prefix, pull the
# algorithm's repository, write the job's logs and metrics. No write action on a "*"
# resource.
locals {
  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.id
  inputs    = [for c in values(var.channels) : regex("^s3://([^/]+)/?(.*)$", c.s3_uri)]
  output    = regex("^s3://([^/]+)/?(.*)$", var.output_s3_path)
  # The packed script (one object) and the checkpoints (read back when a job resumes).
  code        = var.source_dir == null ? [] : [regex("^s3://([^/]+)/(.*)$", var.source_dir)]
  checkpoints = var.checkpoint_s3_uri == null ? [] : [regex("^s3://([^/]+)/?(.*)$", var.checkpoint_s3_uri)]
  listed      = concat(local.inputs, local.code, local.checkpoints)
  # Only an ECR image has a repository to grant (null for another registry).
  ecr_repository       = module.spec.ecr_repository
  image_repository_arn = local.ecr_repository == null ? null : "arn:${local.partition}:ecr:${local.ecr_repository[1]}:${local.ecr_repository[0]}:repository/${local.ecr_repository[2]}"
}

{% include "terraform/_assume_role.tf" %}

data "aws_iam_policy_document" "this" {
  count = var.create_role ? 1 : 0

  statement {
    sid       = "ReadInputs"
    actions   = ["s3:GetObject"]
    resources = [for i in local.inputs : "arn:${local.partition}:s3:::${i[0]}/${i[1]}*"]
  }

  dynamic "statement" {
    for_each = local.code
    content {
      sid       = "ReadCode"
      actions   = ["s3:GetObject"]
      resources = ["arn:${local.partition}:s3:::${statement.value[0]}/${statement.value[1]}"]
    }
  }

  dynamic "statement" {
    for_each = { for i in local.listed : i[0] => i[1]... }
    content {
      sid       = "List${replace(title(replace(statement.key, "/[^a-zA-Z0-9]+/", " ")), " ", "")}"
      actions   = ["s3:ListBucket"]
      resources = ["arn:${local.partition}:s3:::${statement.key}"]
      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = [for prefix in statement.value : "${prefix}*"]
      }
    }
  }

  statement {
    sid       = "WriteOutput"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["arn:${local.partition}:s3:::${local.output[0]}/${local.output[1]}*"]
  }

  dynamic "statement" {
    for_each = local.checkpoints
    content {
      sid       = "SyncCheckpoints"
      actions   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"]
      resources = ["arn:${local.partition}:s3:::${statement.value[0]}/${statement.value[1]}*"]
    }
  }

{% set image_arn = "local.image_repository_arn" %}{% set log_groups = "TrainingJobs" %}
{% include "terraform/_iam_image_and_logs.tf" %}

  statement {
    sid = "PutMetrics"
    # PutMetricData has no resource-level permissions; the namespace condition bounds it.
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringLike"
      variable = "cloudwatch:namespace"
      values   = ["/aws/sagemaker/*"]
    }
  }

  dynamic "statement" {
    for_each = var.kms_key_id == null ? [] : [var.kms_key_id]
    content {
      sid       = "UseKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.vpc_config == null ? [] : [var.vpc_config]
    content {
      sid = "RunInVpc"
      actions = [
        "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission",
      ]
      resources = concat(
        ["arn:${local.partition}:ec2:${local.region}:${local.account}:network-interface/*"],
        [for s in statement.value.subnets : "arn:${local.partition}:ec2:${local.region}:${local.account}:subnet/${s}"],
        [for g in statement.value.security_group_ids : "arn:${local.partition}:ec2:${local.region}:${local.account}:security-group/${g}"],
      )
    }
  }

  dynamic "statement" {
    for_each = var.vpc_config == null ? [] : [var.vpc_config]
    content {
      sid = "DescribeVpc"
      # Describe calls have no resource-level permissions.
      actions   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions"]
      resources = ["*"]
    }
  }
{% if pipeline %}

  # A pipeline run starts its training job with this same role.
  statement {
    sid       = "RunPipelineJobs"
    actions   = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:AddTags"]
    resources = ["arn:${local.partition}:sagemaker:${local.region}:${local.account}:training-job/*"]
  }

  statement {
    sid       = "PassOwnRole"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.this[0].arn]
  }
{% endif %}
}

{% include "terraform/_role.tf" %}
