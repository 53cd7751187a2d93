from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/_rules.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_group_rules = resolve('group_rules')
    l_0_tag_rules = resolve('tag_rules')
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
        t_3 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    for l_1_rule in (undefined(name='group_rules') if l_0_group_rules is missing else l_0_group_rules):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_rule, 'name'))
        yield ':\n    RuleCondition: !Contains [['
        yield str(t_1(context.eval_ctx, environment.getattr(l_1_rule, 'algorithms'), ', '))
        yield '], !Ref Algorithm]\n    Assertions:\n      - Assert: !Contains [['
        yield str(t_1(context.eval_ctx, environment.getattr(l_1_rule, 'regions'), ', '))
        yield '], !Ref AWS::Region]\n        AssertDescription: '
        yield str(t_3(environment.getattr(l_1_rule, 'description')))
        yield '\n'
    l_1_rule = missing
    for l_1_rule in (undefined(name='tag_rules') if l_0_tag_rules is missing else l_0_tag_rules):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_rule, 'name'))
        yield ':\n    RuleCondition: !Contains [['
        yield str(t_1(context.eval_ctx, environment.getattr(l_1_rule, 'algorithms'), ', '))
        yield '], !Ref Algorithm]\n    Assertions:\n      - Assert: !Contains [["", '
        yield str(t_1(context.eval_ctx, t_2(context, environment.getattr(l_1_rule, 'tags'), 'yaml'), ', '))
        yield '], !Ref ImageTag]\n        AssertDescription: '
        yield str(t_3(str_join(('ImageTag is not a tag of ', t_1(context.eval_ctx, environment.getattr(l_1_rule, 'algorithms'), ', '), '; tags: ', t_1(context.eval_ctx, environment.getattr(l_1_rule, 'tags'), ', '), ' (empty: the default).', ))))
        yield '\n'
    l_1_rule = missing

blocks = {}
debug_info = '1=31&2=35&3=37&5=39&6=41&9=44&10=48&11=50&13=52&14=54'