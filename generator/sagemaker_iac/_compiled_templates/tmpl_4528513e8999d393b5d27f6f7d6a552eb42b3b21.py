from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/_mappings.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_mappings = resolve('mappings')
    try:
        t_1 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    l_1_loop = missing
    for (l_1_name, l_1_top), l_1_loop in LoopContext(context.call(environment.getattr((undefined(name='mappings') if l_0_mappings is missing else l_0_mappings), 'items')), undefined):
        _loop_vars = {}
        pass
        yield str(l_1_name)
        yield ':\n'
        l_2_loop = missing
        for (l_2_key, l_2_second), l_2_loop in LoopContext(context.call(environment.getattr(l_1_top, 'items'), _loop_vars=_loop_vars), undefined):
            _loop_vars = {}
            pass
            yield '  '
            yield str(l_2_key)
            yield ': {'
            l_3_loop = missing
            for (l_3_attribute, l_3_value), l_3_loop in LoopContext(context.call(environment.getattr(l_2_second, 'items'), _loop_vars=_loop_vars), undefined):
                _loop_vars = {}
                pass
                yield str(l_3_attribute)
                yield ': '
                yield str(t_1(l_3_value))
                yield str((', ' if (not environment.getattr(l_3_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 4 in 'cloudformation/_mappings.yaml' evaluated to false and no else section was defined.")))
            l_3_loop = l_3_attribute = l_3_value = missing
            yield '}\n'
        l_2_loop = l_2_key = l_2_second = missing
    l_1_loop = l_1_name = l_1_top = missing

blocks = {}
debug_info = '1=19&2=22&3=25&4=29'