from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_training_spec.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_job_name = resolve('job_name')
    l_0_pipeline = resolve('pipeline')
    pass
    yield 'data "aws_partition" "current" {}\n# `id` is the region\'s name on provider 5.x and 6.x alike (6.0 deprecates `name`).\ndata "aws_region" "current" {}\ndata "aws_caller_identity" "current" {}\n\n# The provider-free spec module holds every catalog rule and builds the request.\nmodule "spec" {\n  source = "../sagemaker-training-spec"\n\n  algorithm                                 = var.algorithm\n  region                                    = data.aws_region.current.id\n  image_tag                                 = var.image_tag\n  job_name                                  = '
    yield str((undefined(name='job_name') if l_0_job_name is missing else l_0_job_name))
    yield '\n  role_arn                                  = local.role_arn\n  hyperparameters                           = var.hyperparameters\n  channels                                  = var.channels\n  input_mode                                = var.input_mode\n  instance_type                             = var.instance_type\n  instance_count                            = var.instance_count\n  volume_size_in_gb                         = var.volume_size_in_gb\n  max_runtime_in_seconds                    = var.max_runtime_in_seconds\n  output_s3_path                            = var.output_s3_path\n  kms_key_id                                = var.kms_key_id\n  vpc_config                                = var.vpc_config\n  enable_network_isolation                  = var.enable_network_isolation\n  enable_inter_container_traffic_encryption = var.enable_inter_container_traffic_encryption\n  tags                                      = var.tags\n'
    if (undefined(name='pipeline') if l_0_pipeline is missing else l_0_pipeline):
        pass
        yield '  step_name                                 = var.step_name\n'
    yield '}\n\nlocals {\n  role_arn = var.create_role ? aws_iam_role.this[0].arn : var.role_arn\n}\n'

blocks = {}
debug_info = '14=14&29=16'