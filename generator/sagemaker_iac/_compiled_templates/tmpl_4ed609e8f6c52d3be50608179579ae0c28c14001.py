from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_role.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_role_name = resolve('role_name')
    l_0_policy_name = resolve('policy_name')
    pass
    yield '# A name prefix keeps the role name within IAM\'s 64 characters for every valid name.\nresource "aws_iam_role" "this" {\n  count = var.create_role ? 1 : 0\n\n  name_prefix          = "${substr('
    yield str((undefined(name='role_name') if l_0_role_name is missing else l_0_role_name))
    yield ', 0, 27)}-sagemaker-"\n  path                 = var.role_path\n  permissions_boundary = var.role_permissions_boundary\n  assume_role_policy   = data.aws_iam_policy_document.assume[0].json\n  tags                 = var.tags\n}\n\nresource "aws_iam_role_policy" "this" {\n  count = var.create_role ? 1 : 0\n\n  name   = "'
    yield str((undefined(name='policy_name') if l_0_policy_name is missing else l_0_policy_name))
    yield '"\n  role   = aws_iam_role.this[0].id\n  policy = data.aws_iam_policy_document.this[0].json\n}\n'

blocks = {}
debug_info = '6=14&16=16'