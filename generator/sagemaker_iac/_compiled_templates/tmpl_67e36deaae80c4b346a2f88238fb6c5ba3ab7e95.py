from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-training-pipeline/main.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pipeline = l_0_job_name = missing
    pass
    l_0_pipeline = True
    context.vars['pipeline'] = l_0_pipeline
    context.exported_vars.add('pipeline')
    l_0_job_name = 'local.job_name'
    context.vars['job_name'] = l_0_job_name
    context.exported_vars.add('job_name')
    template = environment.get_template('terraform/_training_spec.tf', 'terraform/sagemaker-training-pipeline/main.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'job_name': l_0_job_name, 'pipeline': l_0_pipeline}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nlocals {\n  # The spec names a job; a pipeline names each run\'s job itself, so any valid name will do.\n  job_name = replace(substr(var.pipeline_name, 0, 63), "/-+$/", "")\n}\n\n# A pipeline whose one Training step carries the catalog-checked request; each run\n# (StartPipelineExecution) trains once.\nresource "aws_sagemaker_pipeline" "this" {\n  pipeline_name         = var.pipeline_name\n  pipeline_display_name = var.pipeline_name\n  role_arn              = local.role_arn\n  pipeline_definition   = module.spec.pipeline_definition\n  tags                  = var.tags\n\n  # IAM is eventually consistent: SageMaker refuses a role whose policy is not yet seen.\n  depends_on = [aws_iam_role_policy.this]\n}\n'

blocks = {}
debug_info = '1=12&2=18'