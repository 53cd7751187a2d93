from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_training_iam.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pipeline = resolve('pipeline')
    l_0_image_registry = l_0_image_repository = l_0_log_groups = missing
    pass
    yield '# Least privilege: read the named input prefixes, write the output prefix, pull the\n# algorithm\'s repository, write the job\'s logs and metrics. No write action on a "*"\n# resource.\nlocals {\n  partition = data.aws_partition.current.partition\n  account   = data.aws_caller_identity.current.account_id\n  region    = data.aws_region.current.id\n  inputs    = [for c in values(var.channels) : regex("^s3://([^/]+)/?(.*)$", c.s3_uri)]\n  output    = regex("^s3://([^/]+)/?(.*)$", var.output_s3_path)\n}\n\n'
    template = environment.get_template('terraform/_assume_role.tf', 'terraform/_training_iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'image_registry': l_0_image_registry, 'image_repository': l_0_image_repository, 'log_groups': l_0_log_groups}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\ndata "aws_iam_policy_document" "this" {\n  count = var.create_role ? 1 : 0\n\n  statement {\n    sid       = "ReadInputs"\n    actions   = ["s3:GetObject"]\n    resources = [for i in local.inputs : "arn:${local.partition}:s3:::${i[0]}/${i[1]}*"]\n  }\n\n  dynamic "statement" {\n    for_each = { for i in local.inputs : i[0] => i[1]... }\n    content {\n      sid       = "List${replace(title(replace(statement.key, "/[^a-zA-Z0-9]+/", " ")), " ", "")}"\n      actions   = ["s3:ListBucket"]\n      resources = ["arn:${local.partition}:s3:::${statement.key}"]\n      condition {\n        test     = "StringLike"\n        variable = "s3:prefix"\n        values   = [for prefix in statement.value : "${prefix}*"]\n      }\n    }\n  }\n\n  statement {\n    sid       = "WriteOutput"\n    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]\n    resources = ["arn:${local.partition}:s3:::${local.output[0]}/${local.output[1]}*"]\n  }\n\n'
    l_0_image_registry = '${module.spec.registry_id}'
    context.vars['image_registry'] = l_0_image_registry
    context.exported_vars.add('image_registry')
    l_0_image_repository = '${module.spec.repository}'
    context.vars['image_repository'] = l_0_image_repository
    context.exported_vars.add('image_repository')
    l_0_log_groups = 'TrainingJobs'
    context.vars['log_groups'] = l_0_log_groups
    context.exported_vars.add('log_groups')
    template = environment.get_template('terraform/_iam_image_and_logs.tf', 'terraform/_training_iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'image_registry': l_0_image_registry, 'image_repository': l_0_image_repository, 'log_groups': l_0_log_groups}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n  statement {\n    sid = "PutMetrics"\n    # PutMetricData has no resource-level permissions; the namespace condition bounds it.\n    actions   = ["cloudwatch:PutMetricData"]\n    resources = ["*"]\n    condition {\n      test     = "StringLike"\n      variable = "cloudwatch:namespace"\n      values   = ["/aws/sagemaker/*"]\n    }\n  }\n\n  dynamic "statement" {\n    for_each = var.kms_key_id == null ? [] : [var.kms_key_id]\n    content {\n      sid       = "UseKey"\n      actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant"]\n      resources = [statement.value]\n    }\n  }\n\n  dynamic "statement" {\n    for_each = var.vpc_config == null ? [] : [var.vpc_config]\n    content {\n      sid = "RunInVpc"\n      actions = [\n        "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",\n        "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission",\n      ]\n      resources = concat(\n        ["arn:${local.partition}:ec2:${local.region}:${local.account}:network-interface/*"],\n        [for s in statement.value.subnets : "arn:${local.partition}:ec2:${local.region}:${local.account}:subnet/${s}"],\n        [for g in statement.value.security_group_ids : "arn:${local.partition}:ec2:${local.region}:${local.account}:security-group/${g}"],\n      )\n    }\n  }\n\n  dynamic "statement" {\n    for_each = var.vpc_config == null ? [] : [var.vpc_config]\n    content {\n      sid = "DescribeVpc"\n      # Describe calls have no resource-level permissions.\n      actions   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions"]\n      resources = ["*"]\n    }\n  }\n'
    if (undefined(name='pipeline') if l_0_pipeline is missing else l_0_pipeline):
        pass
        yield '\n  # A pipeline run starts its training job with this same role.\n  statement {\n    sid       = "RunPipelineJobs"\n    actions   = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:AddTags"]\n    resources = ["arn:${local.partition}:sagemaker:${local.region}:${local.account}:training-job/*"]\n  }\n\n  statement {\n    sid       = "PassOwnRole"\n    actions   = ["iam:PassRole"]\n    resources = [aws_iam_role.this[0].arn]\n  }\n'
    yield '}\n\n'
    template = environment.get_template('terraform/_role.tf', 'terraform/_training_iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'image_registry': l_0_image_registry, 'image_repository': l_0_image_repository, 'log_groups': l_0_log_groups}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {}
debug_info = '13=14&44=21&45=30&93=37&110=41'