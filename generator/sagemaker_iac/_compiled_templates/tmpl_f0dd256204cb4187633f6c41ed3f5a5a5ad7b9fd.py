from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_outputs.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_outputs = resolve('outputs')
    try:
        t_1 = environment.filters['hcl']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl' found.")
    pass
    l_1_loop = missing
    for l_1_o, l_1_loop in LoopContext((undefined(name='outputs') if l_0_outputs is missing else l_0_outputs), undefined):
        _loop_vars = {}
        pass
        yield 'output "'
        yield str(environment.getattr(l_1_o, 'name'))
        yield '" {\n  description = '
        yield str(t_1(environment.getattr(l_1_o, 'description')))
        yield '\n  value       = '
        yield str(environment.getattr(l_1_o, 'value'))
        yield '\n'
        if environment.getattr(l_1_o, 'sensitive'):
            pass
            yield '  sensitive   = true\n'
        for (l_2_condition, l_2_message) in environment.getattr(l_1_o, 'preconditions'):
            _loop_vars = {}
            pass
            yield '\n  precondition {\n    condition     = '
            yield str(l_2_condition)
            yield '\n    error_message = '
            yield str(l_2_message)
            yield '\n  }\n'
        l_2_condition = l_2_message = missing
        yield '}\n'
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '\n'
    l_1_loop = l_1_o = missing

blocks = {}
debug_info = '1=19&2=23&3=25&4=27&5=29&8=32&11=36&12=38&16=42'