from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_iam_image_and_logs.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_image_registry = resolve('image_registry')
    l_0_image_repository = resolve('image_repository')
    l_0_log_groups = resolve('log_groups')
    pass
    yield '  statement {\n    sid       = "PullImage"\n    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]\n    resources = ["arn:${local.partition}:ecr:${local.region}:'
    yield str((undefined(name='image_registry') if l_0_image_registry is missing else l_0_image_registry))
    yield ':repository/'
    yield str((undefined(name='image_repository') if l_0_image_repository is missing else l_0_image_repository))
    yield '"]\n  }\n\n  statement {\n    sid = "EcrLogin"\n    # GetAuthorizationToken has no resource-level permissions.\n    actions   = ["ecr:GetAuthorizationToken"]\n    resources = ["*"]\n  }\n\n  statement {\n    sid       = "WriteLogs"\n    actions   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]\n    resources = ["arn:${local.partition}:logs:${local.region}:${local.account}:log-group:/aws/sagemaker/'
    yield str((undefined(name='log_groups') if l_0_log_groups is missing else l_0_log_groups))
    yield '*"]\n  }\n'

blocks = {}
debug_info = '5=15&18=19'