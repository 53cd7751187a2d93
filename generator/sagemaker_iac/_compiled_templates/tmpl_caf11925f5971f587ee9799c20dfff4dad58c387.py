from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'availability.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_columns = resolve('columns')
    l_0_regions = resolve('regions')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '# Where each SageMaker built-in algorithm is published\n\n`x` marks a region where the algorithm is published.\n\n| Region | Partition | '
    yield str(t_1(context.eval_ctx, t_2(context, (undefined(name='columns') if l_0_columns is missing else l_0_columns), 'md'), ' | '))
    yield ' |\n|--------|-----------|'
    for l_1__ in (undefined(name='columns') if l_0_columns is missing else l_0_columns):
        _loop_vars = {}
        pass
        yield ':-:|'
    l_1__ = missing
    yield '\n'
    for l_1_region in (undefined(name='regions') if l_0_regions is missing else l_0_regions):
        l_1_catalog = resolve('catalog')
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_3(l_1_region))
        yield ' | '
        yield str(t_3(environment.getitem(environment.getattr((undefined(name='catalog') if l_1_catalog is missing else l_1_catalog), 'regions'), l_1_region)))
        yield ' | '
        for l_2_key in (undefined(name='columns') if l_0_columns is missing else l_0_columns):
            l_2_published = resolve('published')
            _loop_vars = {}
            pass
            yield str(('x' if (l_1_region in environment.getitem((undefined(name='published') if l_2_published is missing else l_2_published), l_2_key)) else ' '))
            yield ' | '
        l_2_key = l_2_published = missing
        yield '\n'
    l_1_region = l_1_catalog = missing

blocks = {}
debug_info = '5=32&6=34&8=40&9=45'