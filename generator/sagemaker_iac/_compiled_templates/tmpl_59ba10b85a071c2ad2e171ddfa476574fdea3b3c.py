from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'availability-frameworks.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_families = resolve('families')
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
    yield "# Where each SageMaker Python SDK image is published\n\nEvery framework the SDK's `image_uris.retrieve` resolves, as the catalog holds it: a row\nper scope and set of versions that share one registry (account map), `x` where they are\npublished. Version aliases resolve to these versions (`sagemaker-iac frameworks` lists\nboth); look one up with `sagemaker-iac uri FRAMEWORK --region R --version V ...`.\n"
    for l_1_family in (undefined(name='families') if l_0_families is missing else l_0_families):
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(t_3(environment.getattr(l_1_family, 'key')))
        yield '\n\n| Scope | Versions | Repositories | '
        yield str(t_1(context.eval_ctx, t_2(context, environment.getattr(l_1_family, 'regions'), 'md'), ' | '))
        yield ' |\n|-------|----------|--------------|'
        for l_2__ in environment.getattr(l_1_family, 'regions'):
            _loop_vars = {}
            pass
            yield ':-:|'
        l_2__ = missing
        yield '\n'
        for l_2_row in environment.getattr(l_1_family, 'rows'):
            _loop_vars = {}
            pass
            yield '| '
            yield str(t_3(environment.getattr(l_2_row, 'scope')))
            yield ' | '
            yield str(t_3(t_1(context.eval_ctx, environment.getattr(l_2_row, 'versions'), ', ')))
            yield ' | '
            yield str(t_3(t_1(context.eval_ctx, environment.getattr(l_2_row, 'repositories'), ', ')))
            yield ' | '
            for l_3_region in environment.getattr(l_1_family, 'regions'):
                _loop_vars = {}
                pass
                yield str(('x' if (l_3_region in environment.getattr(l_2_row, 'published')) else ' '))
                yield ' | '
            l_3_region = missing
            yield '\n'
        l_2_row = missing
    l_1_family = missing

blocks = {}
debug_info = '7=31&9=35&11=37&12=39&14=45&15=49'