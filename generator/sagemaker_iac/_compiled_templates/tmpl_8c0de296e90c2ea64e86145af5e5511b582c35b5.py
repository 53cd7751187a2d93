from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_catalog_module.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_generated_by = resolve('generated_by')
    l_0_catalog_locals = resolve('catalog_locals')
    try:
        t_1 = environment.filters['aligned']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'aligned' found.")
    pass
    yield '# '
    yield str((undefined(name='generated_by') if l_0_generated_by is missing else l_0_generated_by))
    yield '\n# The catalog\'s tables come from the data-only module beside this one, so out/ holds\n# them once; main.tf reads them by these names.\nmodule "catalog" {\n  source = "../sagemaker-catalog"\n}\n\nlocals {\n'
    for (l_1_name, l_1_value) in t_1((undefined(name='catalog_locals') if l_0_catalog_locals is missing else l_0_catalog_locals), quote=False):
        _loop_vars = {}
        pass
        yield '  '
        yield str(l_1_name)
        yield ' = '
        yield str(l_1_value)
        yield '\n'
    l_1_name = l_1_value = missing
    yield '}\n'

blocks = {}
debug_info = '1=20&9=22&10=26'