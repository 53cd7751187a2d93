from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/training/_pipeline.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_algorithm = resolve('algorithm')
    l_0_parameters = resolve('parameters')
    l_0_regions = resolve('regions')
    l_0_region_description = resolve('region_description')
    l_0_processor_rules = resolve('processor_rules')
    l_0_conditions = resolve('conditions')
    l_0_mappings_block = resolve('mappings_block')
    l_0_body = resolve('body')
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    try:
        t_6 = environment.tests['string']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'string' found.")
    pass
    yield 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: '
    yield str(t_4(str_join(('SageMaker pipeline with one Training step for ', environment.getattr((undefined(name='algorithm') if l_0_algorithm is missing else l_0_algorithm), 'name'), ' (', environment.getattr((undefined(name='algorithm') if l_0_algorithm is missing else l_0_algorithm), 'key'), '), checked against the sagemaker-iac catalog.', ))))
    yield '\n\nParameters:\n'
    for l_1_p in (undefined(name='parameters') if l_0_parameters is missing else l_0_parameters):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_p, 'name'))
        yield ':\n    Type: '
        yield str(environment.getattr(l_1_p, 'type'))
        yield '\n    Description: '
        yield str(t_4(environment.getattr(l_1_p, 'description')))
        yield '\n'
        if (not t_5(environment.getattr(l_1_p, 'default'))):
            pass
            yield '    Default: '
            yield str((t_4(environment.getattr(l_1_p, 'default')) if t_6(environment.getattr(l_1_p, 'default')) else environment.getattr(l_1_p, 'default')))
            yield '\n'
        if (not t_5(environment.getattr(l_1_p, 'allowed_values'))):
            pass
            yield '    AllowedValues: ['
            yield str(t_2(context.eval_ctx, t_3(context, environment.getattr(l_1_p, 'allowed_values'), 'yaml'), ', '))
            yield ']\n'
        if (not t_5(environment.getattr(l_1_p, 'allowed_pattern'))):
            pass
            yield '    AllowedPattern: '
            yield str(t_4(environment.getattr(l_1_p, 'allowed_pattern')))
            yield '\n'
        if (not t_5(environment.getattr(l_1_p, 'constraint_description'))):
            pass
            yield '    ConstraintDescription: '
            yield str(t_4(str_join((environment.getattr(l_1_p, 'constraint_description'), '.', ))))
            yield '\n'
        if (not t_5(environment.getattr(l_1_p, 'min_value'))):
            pass
            yield '    MinValue: '
            yield str(environment.getattr(l_1_p, 'min_value'))
            yield '\n'
        if (not t_5(environment.getattr(l_1_p, 'max_value'))):
            pass
            yield '    MaxValue: '
            yield str(environment.getattr(l_1_p, 'max_value'))
            yield '\n'
    l_1_p = missing
    yield '\nRules:\n  Region:\n    Assertions:\n      - Assert: !Contains\n          - ['
    yield str(t_2(context.eval_ctx, t_3(context, (undefined(name='regions') if l_0_regions is missing else l_0_regions), 'yaml'), ', '))
    yield ']\n          - !Ref AWS::Region\n        AssertDescription: '
    yield str(t_4((undefined(name='region_description') if l_0_region_description is missing else l_0_region_description)))
    yield '\n'
    for l_1_rule in (undefined(name='processor_rules') if l_0_processor_rules is missing else l_0_processor_rules):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_rule, 'name'))
        yield ':\n    RuleCondition: !Contains [['
        yield str(t_2(context.eval_ctx, t_3(context, environment.getattr(l_1_rule, 'tags'), 'yaml'), ', '))
        yield '], !Ref ImageTag]\n    Assertions:\n      - Assert: !Not [!Contains [['
        yield str(t_2(context.eval_ctx, t_3(context, environment.getattr(l_1_rule, 'excluded'), 'yaml'), ', '))
        yield '], !Ref InstanceType]]\n        AssertDescription: '
        yield str(t_4(environment.getattr(l_1_rule, 'description')))
        yield '\n'
    l_1_rule = missing
    yield '\nConditions:\n'
    for (l_1_name, l_1_expression) in context.call(environment.getattr((undefined(name='conditions') if l_0_conditions is missing else l_0_conditions), 'items')):
        _loop_vars = {}
        pass
        yield '  '
        yield str(l_1_name)
        yield ': '
        yield str(l_1_expression)
        yield '\n'
    l_1_name = l_1_expression = missing
    yield '\nMappings:\n'
    yield str(t_1(context.call(environment.getattr((undefined(name='mappings_block') if l_0_mappings_block is missing else l_0_mappings_block), 'rstrip')), 2, first=True))
    yield '\n\nResources:\n  Pipeline:\n    Type: AWS::SageMaker::Pipeline\n    Properties:\n      PipelineName: !Ref PipelineName\n      RoleArn: !Ref RoleArn\n      PipelineDefinition:\n        PipelineDefinitionBody: !Join\n          - ""\n'
    l_1_loop = missing
    for l_1_part, l_1_loop in LoopContext((undefined(name='body') if l_0_body is missing else l_0_body), undefined):
        l_1_lead = missing
        _loop_vars = {}
        pass
        l_1_lead = ('          - - ' if environment.getattr(l_1_loop, 'first') else '            - ')
        _loop_vars['lead'] = l_1_lead
        if (environment.getitem(l_1_part, 0) == 'raw'):
            pass
            yield str((undefined(name='lead') if l_1_lead is missing else l_1_lead))
            yield str(environment.getitem(l_1_part, 1))
            yield '\n'
        elif (environment.getitem(l_1_part, 0) == 'if'):
            pass
            yield str((undefined(name='lead') if l_1_lead is missing else l_1_lead))
            yield '!If ['
            yield str(environment.getitem(l_1_part, 1))
            yield ', '
            yield str(('!Sub ' if ('${' in environment.getitem(l_1_part, 2)) else cond_expr_undefined("the inline if-expression on line 66 in 'cloudformation/training/_pipeline.yaml' evaluated to false and no else section was defined.")))
            yield str(t_4(environment.getitem(l_1_part, 2)))
            yield ', ""]\n'
        else:
            pass
            yield str((undefined(name='lead') if l_1_lead is missing else l_1_lead))
            yield str(('!Sub ' if ('${' in environment.getitem(l_1_part, 1)) else cond_expr_undefined("the inline if-expression on line 68 in 'cloudformation/training/_pipeline.yaml' evaluated to false and no else section was defined.")))
            yield str(t_4(environment.getitem(l_1_part, 1)))
            yield '\n'
    l_1_loop = l_1_part = l_1_lead = missing
    yield '\nOutputs:\n  PipelineArn:\n    Description: ARN of the pipeline.\n    Value: !Ref Pipeline\n'

blocks = {}
debug_info = '2=56&5=58&6=62&7=64&8=66&9=68&10=71&12=73&13=76&15=78&16=81&18=83&19=86&21=88&22=91&24=93&25=96&33=100&35=102&36=104&37=108&38=110&40=112&41=114&45=118&46=122&50=128&61=131&62=135&63=137&64=139&65=142&66=144&68=153'