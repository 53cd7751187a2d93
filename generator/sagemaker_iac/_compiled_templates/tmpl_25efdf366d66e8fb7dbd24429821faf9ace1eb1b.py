from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-model/iam.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_image_registry = l_0_image_repository = l_0_log_groups = l_0_role_name = l_0_policy_name = missing
    pass
    yield '# Least privilege: read (and decrypt) the model artifacts, pull the algorithm\'s repository,\n# write the endpoint\'s logs. No write action on a "*" resource.\nlocals {\n  partition = data.aws_partition.current.partition\n  account   = data.aws_caller_identity.current.account_id\n  region    = data.aws_region.current.id\n}\n\n'
    template = environment.get_template('terraform/_assume_role.tf', 'terraform/sagemaker-model/iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'image_registry': l_0_image_registry, 'image_repository': l_0_image_repository, 'log_groups': l_0_log_groups, 'policy_name': l_0_policy_name, 'role_name': l_0_role_name}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\ndata "aws_iam_policy_document" "this" {\n  count = var.create_role ? 1 : 0\n\n  dynamic "statement" {\n    for_each = var.model_data_url == null ? [] : [regex("^s3://(.+)$", var.model_data_url)[0]]\n    content {\n      sid       = "ReadModel"\n      actions   = ["s3:GetObject"]\n      resources = ["arn:${local.partition}:s3:::${statement.value}"]\n    }\n  }\n\n'
    l_0_image_registry = '${module.image.registry_id}'
    context.vars['image_registry'] = l_0_image_registry
    context.exported_vars.add('image_registry')
    l_0_image_repository = '${module.image.repository}'
    context.vars['image_repository'] = l_0_image_repository
    context.exported_vars.add('image_repository')
    l_0_log_groups = 'Endpoints'
    context.vars['log_groups'] = l_0_log_groups
    context.exported_vars.add('log_groups')
    template = environment.get_template('terraform/_iam_image_and_logs.tf', 'terraform/sagemaker-model/iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'image_registry': l_0_image_registry, 'image_repository': l_0_image_repository, 'log_groups': l_0_log_groups, 'policy_name': l_0_policy_name, 'role_name': l_0_role_name}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n  dynamic "statement" {\n    for_each = var.model_data_kms_key_arn == null ? [] : [var.model_data_kms_key_arn]\n    content {\n      sid       = "DecryptModel"\n      actions   = ["kms:Decrypt"]\n      resources = [statement.value]\n    }\n  }\n}\n\n'
    l_0_role_name = 'var.name'
    context.vars['role_name'] = l_0_role_name
    context.exported_vars.add('role_name')
    l_0_policy_name = 'sagemaker-model'
    context.vars['policy_name'] = l_0_policy_name
    context.exported_vars.add('policy_name')
    template = environment.get_template('terraform/_role.tf', 'terraform/sagemaker-model/iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'image_registry': l_0_image_registry, 'image_repository': l_0_image_repository, 'log_groups': l_0_log_groups, 'policy_name': l_0_policy_name, 'role_name': l_0_role_name}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {}
debug_info = '9=13&23=20&24=29&36=36&37=42'