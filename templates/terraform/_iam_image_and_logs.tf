{# Statements every SageMaker execution role needs: pull its image, write its logs. #}
  # Only an ECR image has a repository to grant; any other registry needs none here.
  dynamic "statement" {
    for_each = {{ image_arn }} == null ? [] : [{{ image_arn }}]
    content {
      sid       = "PullImage"
      actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      resources = [statement.value]
    }
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
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account}:log-group:/aws/sagemaker/{{ log_groups }}*"]
  }
