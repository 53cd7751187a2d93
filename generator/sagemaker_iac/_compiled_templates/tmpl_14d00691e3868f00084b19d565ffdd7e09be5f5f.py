from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/frameworks/_framework.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_part = resolve('part')
    l_0_chunked = resolve('chunked')
    l_0_variant = resolve('variant')
    try:
        t_1 = environment.filters['flow']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'flow' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    yield 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: '
    yield str(t_3(str_join(("ECR image URI of the SageMaker Python SDK's ", environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'framework'), ' images (', environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'scope'), ' scope', (str_join((', versions ', environment.getitem(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'versions'), 0), ' to ', environment.getitem(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'versions'), -1), )) if (undefined(name='chunked') if l_0_chunked is missing else l_0_chunked) else ''), ") in this stack's region, as image_uris.retrieve answers (sagemaker-iac).", ))))
    yield '\n\nParameters:\n  Version:\n    Type: String\n'
    if ('default' in environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'versions')):
        pass
        yield '    Default: "default"\n'
    yield "    Description: Framework version or alias; default takes the SDK's default version.\n    AllowedValues: "
    yield str(t_1(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'versions')))
    yield '\n    ConstraintDescription: '
    yield str(t_3(str_join(('Version must be a ', environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'framework'), ' version of this template: ', t_2(context.eval_ctx, environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'versions'), ', '), '.', ))))
    yield '\n  PyVersion:\n    Type: String\n    Default: "none"\n    Description: Python version, such as py310; none where the image has one or none.\n    AllowedValues: '
    yield str(t_1(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'py_versions')))
    yield '\n    ConstraintDescription: '
    yield str(t_3(str_join(('PyVersion must be one of: ', t_2(context.eval_ctx, environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'py_versions'), ', '), '.', ))))
    yield '\n  Processor:\n    Type: String\n    Default: "none"\n    Description: cpu, gpu, ... (what the SDK reads from an instance type); none where the image is built for one.\n    AllowedValues: '
    yield str(t_1(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'processors')))
    yield '\n    ConstraintDescription: '
    yield str(t_3(str_join(('Processor must be one of: ', t_2(context.eval_ctx, environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'processors'), ', '), '.', ))))
    yield '\n'
    if environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'bases'):
        pass
        yield '  BaseFrameworkVersion:\n    Type: String\n    Default: "none"\n    Description: The framework under the Hugging Face image, such as pytorch2.1.0.\n    AllowedValues: '
        yield str(t_1(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'bases')))
        yield '\n    ConstraintDescription: '
        yield str(t_3(str_join(('BaseFrameworkVersion must be one of: ', t_2(context.eval_ctx, environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'bases'), ', '), '.', ))))
        yield '\n'
    yield '\nRules:\n'
    for l_1_rule in environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'rules'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_rule, 'name'))
        yield ':\n    RuleCondition: !Contains ['
        yield str(t_1(environment.getattr(l_1_rule, 'versions')))
        yield ', !Ref Version]\n    Assertions:\n      - Assert: !Contains ['
        yield str(t_1(environment.getattr(l_1_rule, 'allowed')))
        yield ', !Ref '
        yield str(environment.getattr(l_1_rule, 'parameter'))
        yield ']\n        AssertDescription: '
        yield str(t_3(environment.getattr(l_1_rule, 'description')))
        yield '\n'
    l_1_rule = missing
    yield '\nMappings:\n'
    for (l_1_name, l_1_top) in context.call(environment.getattr(environment.getattr((undefined(name='part') if l_0_part is missing else l_0_part), 'mappings'), 'items')):
        _loop_vars = {}
        pass
        yield '  '
        yield str(l_1_name)
        yield ':\n'
        for (l_2_key, l_2_second) in context.call(environment.getattr(l_1_top, 'items'), _loop_vars=_loop_vars):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_3(l_2_key))
            yield ': '
            yield str(t_1(l_2_second))
            yield '\n'
        l_2_key = l_2_second = missing
    l_1_name = l_1_top = missing
    yield '\nResources:\n  # CloudFormation requires a resource; this one creates nothing billable.\n  Noop:\n    Type: AWS::CloudFormation::WaitConditionHandle\n\nOutputs:\n  RegistryId:\n    Description: AWS account ID of the registry that hosts the image.\n    Value: !FindInMap [Registries, !Ref AWS::Region, !FindInMap [Groups, !Ref Version, '
    yield str((undefined(name='variant') if l_0_variant is missing else l_0_variant))
    yield ']]\n  Repository:\n    Description: ECR repository name of the image.\n    Value: !Select [0, !FindInMap [Images, !Ref Version, '
    yield str((undefined(name='variant') if l_0_variant is missing else l_0_variant))
    yield ']]\n  Tag:\n    Description: Image tag used in ImageUri (empty for an untagged image).\n    Value: !Select [1, !FindInMap [Images, !Ref Version, '
    yield str((undefined(name='variant') if l_0_variant is missing else l_0_variant))
    yield "]]\n  FrameworkVersion:\n    Description: The version the image is of (an alias's target, or the SDK's default).\n    Value: !Select [2, !FindInMap [Images, !Ref Version, "
    yield str((undefined(name='variant') if l_0_variant is missing else l_0_variant))
    yield ']]\n  ImageUri:\n    Description: Full ECR image URI, as image_uris.retrieve returns it.\n    Value: !Sub\n      - "${RegistryId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${Path}"\n      - RegistryId: !FindInMap [Registries, !Ref AWS::Region, !FindInMap [Groups, !Ref Version, '
    yield str((undefined(name='variant') if l_0_variant is missing else l_0_variant))
    yield ']]\n        Path: !Select [3, !FindInMap [Images, !Ref Version, '
    yield str((undefined(name='variant') if l_0_variant is missing else l_0_variant))
    yield ']]\n'

blocks = {}
debug_info = '2=33&7=35&11=39&12=41&17=43&18=45&23=47&24=49&25=51&30=54&31=56&35=59&36=63&37=65&39=67&40=71&44=75&45=79&46=81&47=85&59=92&62=94&65=96&68=98&73=100&74=102'