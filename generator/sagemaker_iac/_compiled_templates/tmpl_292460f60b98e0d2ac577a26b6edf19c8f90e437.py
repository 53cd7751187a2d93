from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/_catalog.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_sources = resolve('sources')
    l_0_catalog = resolve('catalog')
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
        t_3 = environment.filters['hcl_list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_list' found.")
    try:
        t_4 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    pass
    yield '# Sources:\n'
    for l_1_source in (undefined(name='sources') if l_0_sources is missing else l_0_sources):
        _loop_vars = {}
        pass
        yield '#   '
        yield str(environment.getattr(l_1_source, 'key'))
        yield ': '
        yield str(environment.getattr(l_1_source, 'title'))
        yield ' ('
        yield str(environment.getattr(l_1_source, 'document'))
        yield ', '
        yield str(environment.getattr(l_1_source, 'date'))
        yield ')\n'
    l_1_source = missing
    yield '\nlocals {\n  # Partition -> DNS suffix of its ECR registry hosts.\n  catalog_partitions = {\n'
    for (l_1_key, l_1_value) in t_1(t_4(environment, context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'partitions'), 'items')))):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_key)
        yield ' = '
        yield str(t_2(environment.getattr(l_1_value, 'dns_suffix')))
        yield '\n'
    l_1_key = l_1_value = missing
    yield '  }\n\n  # Region -> partition.\n  catalog_regions = {\n'
    for (l_1_key, l_1_value) in t_1(t_4(environment, context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'regions'), 'items')))):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_key)
        yield ' = '
        yield str(t_2(l_1_value))
        yield '\n'
    l_1_key = l_1_value = missing
    yield '  }\n\n  # Registry group -> region -> account ID. An algorithm is published exactly where its group has an entry.\n  catalog_registry_groups = {\n'
    for l_1_group in t_4(environment, context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'registry_groups'), 'values')), attribute='key'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(environment.getattr(l_1_group, 'key')))
        yield ' = {\n'
        for (l_2_key, l_2_value) in t_1(t_4(environment, context.call(environment.getattr(environment.getattr(l_1_group, 'accounts'), 'items'), _loop_vars=_loop_vars))):
            _loop_vars = {}
            pass
            yield '      '
            yield str(l_2_key)
            yield ' = '
            yield str(t_2(l_2_value))
            yield '\n'
        l_2_key = l_2_value = missing
        yield '    }\n'
    l_1_group = missing
    yield '  }\n\n  # ML instance family (ml.<family><generation>.<size>) -> processor.\n  catalog_instance_families = {\n'
    for (l_1_key, l_1_value) in t_1(t_4(environment, context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'instance_families'), 'items')))):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_key)
        yield ' = '
        yield str(t_2(l_1_value))
        yield '\n'
    l_1_key = l_1_value = missing
    yield '  }\n\n  # Instance families (family and generation) whose processors are Arm (AWS Graviton).\n  catalog_arm64_families = '
    yield str(t_3(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'arm64_families')))
    yield '\n\n  # Algorithm -> image and training facts; the first tag is the default.\n  catalog_algorithms = {\n'
    for l_1_a in t_4(environment, context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'algorithms'), 'values')), attribute='key'):
        l_1_algorithm_fields = resolve('algorithm_fields')
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(environment.getattr(l_1_a, 'key')))
        yield ' = {\n'
        for (l_2_key, l_2_value) in t_1(context.call((undefined(name='algorithm_fields') if l_1_algorithm_fields is missing else l_1_algorithm_fields), l_1_a, _loop_vars=_loop_vars), quote=False):
            _loop_vars = {}
            pass
            yield '      '
            yield str(l_2_key)
            yield ' = '
            yield str(l_2_value)
            yield '\n'
        l_2_key = l_2_value = missing
        yield '    }\n'
    l_1_a = l_1_algorithm_fields = missing
    yield '  }\n}\n'

blocks = {}
debug_info = '2=38&3=42&9=52&10=56&16=62&17=66&23=72&24=76&25=78&26=82&34=90&35=94&40=100&44=102&45=107&46=109&47=113'