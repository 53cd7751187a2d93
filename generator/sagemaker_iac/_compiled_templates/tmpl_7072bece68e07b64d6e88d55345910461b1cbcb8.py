from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/_image_parameters.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_catalog = resolve('catalog')
    l_0_all_tags = resolve('all_tags')
    try:
        t_1 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    try:
        t_2 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    yield '  Algorithm:\n    Type: String\n    Description: Key of the SageMaker built-in algorithm in the sagemaker-iac catalog.\n    AllowedValues:\n'
    for l_1_key in t_1(environment, environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'algorithms')):
        _loop_vars = {}
        pass
        yield '      - '
        yield str(t_2(l_1_key))
        yield '\n'
    l_1_key = missing
    yield '    ConstraintDescription: Algorithm must be one of the AllowedValues, the algorithm keys of the sagemaker-iac catalog.\n  ImageTag:\n    Type: String\n    Default: ""\n    Description: Image tag; empty selects the algorithm\'s default tag from the catalog.\n    AllowedValues:\n      - ""\n'
    for l_1_tag in (undefined(name='all_tags') if l_0_all_tags is missing else l_0_all_tags):
        _loop_vars = {}
        pass
        yield '      - '
        yield str(t_2(l_1_tag))
        yield '\n'
    l_1_tag = missing
    yield '    ConstraintDescription: ImageTag must be empty (the default tag) or a tag of the catalog; the Rules check it against the Algorithm.\n'

blocks = {}
debug_info = '5=26&6=30&15=34&16=38'