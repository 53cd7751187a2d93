from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/sagemaker-image-mappings.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_REGISTRIES = resolve('REGISTRIES')
    l_0_ALGORITHMS = resolve('ALGORITHMS')
    l_0_mappings_block = resolve('mappings_block')
    pass
    yield '# The body of a CloudFormation Mappings section: paste it under `Mappings:` or\n# include it there with the AWS::Include transform.\n# '
    yield str((undefined(name='REGISTRIES') if l_0_REGISTRIES is missing else l_0_REGISTRIES))
    yield ': region -> registry group -> registry account ID.\n# '
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ': algorithm -> repository, registry group and default tag.\n# Image URI: <account>.dkr.ecr.<region>.<AWS::URLSuffix>/<Repository>:<tag>\n'
    yield str((undefined(name='mappings_block') if l_0_mappings_block is missing else l_0_mappings_block))

blocks = {}
debug_info = '3=15&4=17&6=19'