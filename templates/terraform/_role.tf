{# The created execution role and its inline policy; `role_name` is the HCL expression it is named after. #}
# A name prefix keeps the role name within IAM's 64 characters for every valid name.
resource "aws_iam_role" "this" {
  count = var.create_role ? 1 : 0

  name_prefix          = "${substr({{ role_name }}, 0, 27)}-sagemaker-"
  path                 = var.role_path
  permissions_boundary = var.role_permissions_boundary
  assume_role_policy   = data.aws_iam_policy_document.assume[0].json
  tags                 = var.tags
}

resource "aws_iam_role_policy" "this" {
  count = var.create_role ? 1 : 0

  name   = "{{ policy_name }}"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.this[0].json
}
