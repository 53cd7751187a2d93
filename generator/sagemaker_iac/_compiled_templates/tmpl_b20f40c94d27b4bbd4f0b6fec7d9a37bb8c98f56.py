from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_module_readme.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_module = resolve('module')
    l_0_required_version = resolve('required_version')
    l_0_providers = resolve('providers')
    l_0_variables = resolve('variables')
    l_0_outputs = resolve('outputs')
    l_0_rules = resolve('rules')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# '
    yield str((undefined(name='module') if l_0_module is missing else l_0_module))
    yield '\n\n'
    yield from context.blocks['description'][0](context)
    yield '\n## Usage\n\n```hcl\n'
    yield from context.blocks['usage'][0](context)
    yield '```\n\nFrom another repository, pin a tag of this one (the modules call each other by\nrelative path, so reference them inside the repository, never copied alone):\n`source = "git::https://github.com/OWNER/REPO.git//out/terraform/'
    yield str((undefined(name='module') if l_0_module is missing else l_0_module))
    yield '?ref=v1.2.3"`.\n\n<!-- BEGIN_TF_DOCS -->\n## Requirements\n\n| Name | Version |\n|------|---------|\n| terraform | '
    yield str((undefined(name='required_version') if l_0_required_version is missing else l_0_required_version))
    yield ' |\n'
    for (l_1_name, l_1_version) in (undefined(name='providers') if l_0_providers is missing else l_0_providers):
        _loop_vars = {}
        pass
        yield '| '
        yield str(l_1_name)
        yield ' | '
        yield str(l_1_version)
        yield ' |\n'
    l_1_name = l_1_version = missing
    yield '\n## Providers\n\n'
    if (undefined(name='providers') if l_0_providers is missing else l_0_providers):
        pass
        yield '| Name | Version |\n|------|---------|\n'
        for (l_1_name, l_1_version) in (undefined(name='providers') if l_0_providers is missing else l_0_providers):
            _loop_vars = {}
            pass
            yield '| '
            yield str(l_1_name)
            yield ' | '
            yield str(l_1_version)
            yield ' |\n'
        l_1_name = l_1_version = missing
    else:
        pass
        yield 'No providers.\n'
    yield '\n## Inputs\n\n| Name | Description | Type | Default | Required |\n|------|-------------|------|---------|:--------:|\n'
    for l_1_v in (undefined(name='variables') if l_0_variables is missing else l_0_variables):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_v, 'name'))
        yield ' | '
        yield str(environment.getattr(l_1_v, 'description'))
        yield ' | `'
        yield str(environment.getattr(l_1_v, 'type'))
        yield '` | '
        yield str((str_join(('`', environment.getattr(l_1_v, 'default'), '`', )) if (not t_1(environment.getattr(l_1_v, 'default'))) else 'n/a'))
        yield ' | '
        yield str(('no' if (not t_1(environment.getattr(l_1_v, 'default'))) else 'yes'))
        yield ' |\n'
    l_1_v = missing
    yield '\n## Outputs\n\n| Name | Description |\n|------|-------------|\n'
    for l_1_o in (undefined(name='outputs') if l_0_outputs is missing else l_0_outputs):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.getattr(l_1_o, 'name'))
        yield ' | '
        yield str(environment.getattr(l_1_o, 'description'))
        yield ' |\n'
    l_1_o = missing
    yield '<!-- END_TF_DOCS -->\n'
    if (undefined(name='rules') if l_0_rules is missing else l_0_rules):
        pass
        yield '\n## Validation rules\n\nChecked at plan time against the catalog; a failing input names itself and what the\nalgorithm accepts.\n\n'
        l_1_loop = missing
        for l_1_rule, l_1_loop in LoopContext((undefined(name='rules') if l_0_rules is missing else l_0_rules), undefined):
            _loop_vars = {}
            pass
            yield str(environment.getattr(l_1_loop, 'index'))
            yield '. '
            yield str(environment.getattr(l_1_rule, 'summary'))
            yield '\n'
        l_1_loop = l_1_rule = missing
    yield from context.blocks['extra'][0](context)

def block_description(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_extra(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'description': block_description, 'usage': block_usage, 'extra': block_extra}
debug_info = '1=24&3=26&8=28&13=30&20=32&21=34&22=38&27=44&30=47&31=51&41=60&42=64&49=76&50=80&53=86&60=90&61=93&64=98&3=100&8=109&64=118'