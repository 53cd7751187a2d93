from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-framework-image/catalog.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_dns_suffixes = resolve('dns_suffixes')
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
    try:
        t_3 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    pass
    yield "locals {\n  # The frameworks with a file in images/ (the SageMaker Python SDK's image_uri_config).\n  frameworks = [\n"
    for l_1_key in t_3(environment, environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'images')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(l_1_key))
        yield ',\n'
    l_1_key = missing
    yield '  ]\n\n  # Region -> DNS suffix of its ECR registry hosts.\n  dns_suffixes = {\n'
    for (l_1_region, l_1_suffix) in t_1((undefined(name='dns_suffixes') if l_0_dns_suffixes is missing else l_0_dns_suffixes)):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_region)
        yield ' = '
        yield str(t_2(l_1_suffix))
        yield '\n'
    l_1_region = l_1_suffix = missing
    yield '  }\n}\n'

blocks = {}
debug_info = '4=32&5=36&11=40&12=44'