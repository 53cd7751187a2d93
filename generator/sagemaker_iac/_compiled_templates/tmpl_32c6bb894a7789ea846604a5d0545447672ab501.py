from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-training-job/iam.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pipeline = l_0_role_name = l_0_policy_name = missing
    pass
    l_0_pipeline = False
    context.vars['pipeline'] = l_0_pipeline
    context.exported_vars.add('pipeline')
    l_0_role_name = 'var.job_name'
    context.vars['role_name'] = l_0_role_name
    context.exported_vars.add('role_name')
    l_0_policy_name = 'sagemaker-training'
    context.vars['policy_name'] = l_0_policy_name
    context.exported_vars.add('policy_name')
    template = environment.get_template('terraform/_training_iam.tf', 'terraform/sagemaker-training-job/iam.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'pipeline': l_0_pipeline, 'policy_name': l_0_policy_name, 'role_name': l_0_role_name}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {}
debug_info = '1=12&2=21'