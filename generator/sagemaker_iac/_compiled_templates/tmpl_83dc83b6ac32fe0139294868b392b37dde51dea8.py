from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_variables.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_variables = resolve('variables')
    try:
        t_1 = environment.filters['hcl']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_1_loop = missing
    for l_1_v, l_1_loop in LoopContext((undefined(name='variables') if l_0_variables is missing else l_0_variables), undefined):
        _loop_vars = {}
        pass
        yield 'variable "'
        yield str(environment.getattr(l_1_v, 'name'))
        yield '" {\n  description = '
        yield str(t_1(environment.getattr(l_1_v, 'description')))
        yield '\n  type        = '
        yield str(environment.getattr(l_1_v, 'type'))
        yield '\n'
        if (not t_2(environment.getattr(l_1_v, 'default'))):
            pass
            yield '  default     = '
            yield str(environment.getattr(l_1_v, 'default'))
            yield '\n'
        if environment.getattr(l_1_v, 'condition'):
            pass
            yield '\n  validation {\n    condition     = '
            yield str(environment.getattr(l_1_v, 'condition'))
            yield '\n    error_message = '
            yield str(t_1(environment.getattr(l_1_v, 'error_message')))
            yield '\n  }\n'
        yield '}\n'
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '\n'
    l_1_loop = l_1_v = missing

blocks = {}
debug_info = '1=25&2=29&3=31&4=33&5=35&6=38&8=40&11=43&12=45&16=48'