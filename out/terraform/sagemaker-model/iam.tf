# Least privilege: read (and decrypt) the model artifacts, pull the algorithm's repository,
# write the endpoint's logs. No write action on a "*" resource.
locals {
  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.id
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

  statement {
    sid       = "PullImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = ["arn:${local.partition}:ecr:${local.region}:${module.image.registry_id}:repository/${module.image.repository}"]
  }

  statement {
    sid = "EcrLogin"
    # GetAuthorizationToken has no resource-level permissions.
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account}:log-group:/aws/sagemaker/Endpoints*"]
  }

  dynamic "statement" {
    for_each = var.model_data_kms_key_arn == null ? [] : [var.model_data_kms_key_arn]
    content {
      sid       = "DecryptModel"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# A name prefix keeps the role name within IAM's 64 characters for every valid name.
resource "aws_iam_role" "this" {
  count = var.create_role ? 1 : 0

  name_prefix          = "${substr(var.name, 0, 27)}-sagemaker-"
  path                 = var.role_path
  permissions_boundary = var.role_permissions_boundary
  assume_role_policy   = data.aws_iam_policy_document.assume[0].json
  tags                 = var.tags
}

resource "aws_iam_role_policy" "this" {
  count = var.create_role ? 1 : 0

  name   = "sagemaker-model"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.this[0].json
}
