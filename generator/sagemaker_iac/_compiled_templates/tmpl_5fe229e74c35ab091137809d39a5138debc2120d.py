from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/locals/sagemaker_image_uris.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_uris = resolve('uris')
    try:
        t_1 = environment.filters['aligned']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'aligned' found.")
    try:
        t_2 = environment.filters['hcl']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'hcl' found.")
    pass
    yield '# SageMaker built-in algorithm -> region -> image URI (default tag).\n# Copy this file into a root module and read local.sagemaker_image_uris["kmeans"]["us-west-2"].\n\nlocals {\n  sagemaker_image_uris = {\n'
    for (l_1_key, l_1_regions) in context.call(environment.getattr((undefined(name='uris') if l_0_uris is missing else l_0_uris), 'items')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(l_1_key))
        yield ' = {\n'
        for (l_2_region, l_2_uri) in t_1(context.call(environment.getattr(l_1_regions, 'items'), _loop_vars=_loop_vars)):
            _loop_vars = {}
            pass
            yield '      '
            yield str(l_2_region)
            yield ' = '
            yield str(t_2(l_2_uri))
            yield '\n'
        l_2_region = l_2_uri = missing
        yield '    }\n'
    l_1_key = l_1_regions = missing
    yield '  }\n}\n'

blocks = {}
debug_info = '6=25&7=29&8=31&9=35'