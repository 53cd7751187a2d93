from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_versions.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_version_note = resolve('version_note')
    l_0_required_version = resolve('required_version')
    l_0_providers = resolve('providers')
    pass
    yield 'terraform {\n'
    if (undefined(name='version_note') if l_0_version_note is missing else l_0_version_note):
        pass
        yield '  # '
        yield str((undefined(name='version_note') if l_0_version_note is missing else l_0_version_note))
        yield '\n'
    yield '  required_version = "'
    yield str((undefined(name='required_version') if l_0_required_version is missing else l_0_required_version))
    yield '"\n'
    for (l_1_name, l_1_version) in (undefined(name='providers') if l_0_providers is missing else l_0_providers):
        l_1_provider_note = resolve('provider_note')
        _loop_vars = {}
        pass
        yield '\n  required_providers {\n    '
        yield str(l_1_name)
        yield ' = {\n      source = "hashicorp/'
        yield str(l_1_name)
        yield '"\n      # '
        yield str((undefined(name='provider_note') if l_1_provider_note is missing else l_1_provider_note))
        yield '\n      version = "'
        yield str(l_1_version)
        yield '"\n    }\n  }\n'
    l_1_name = l_1_version = l_1_provider_note = missing
    yield '}\n'

blocks = {}
debug_info = '2=15&3=18&5=21&6=23&9=28&10=30&11=32&12=34'