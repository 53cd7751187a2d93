from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/sagemaker-images.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_mappings_block = resolve('mappings_block')
    l_0_REGISTRIES = resolve('REGISTRIES')
    l_0_ALGORITHMS = resolve('ALGORITHMS')
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    pass
    yield 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: Resolves the ECR image URI of an Amazon SageMaker built-in algorithm in this stack\'s region (sagemaker-iac).\n\nParameters:\n'
    template = environment.get_template('cloudformation/_image_parameters.yaml', 'cloudformation/sagemaker-images.yaml')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nRules:\n'
    template = environment.get_template('cloudformation/_rules.yaml', 'cloudformation/sagemaker-images.yaml')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nConditions:\n  UseDefaultTag: !Equals [!Ref ImageTag, ""]\n\nMappings:\n'
    yield str(t_1(context.call(environment.getattr((undefined(name='mappings_block') if l_0_mappings_block is missing else l_0_mappings_block), 'rstrip')), 2, first=True))
    yield '\n\nResources:\n  # CloudFormation requires a resource; this one creates nothing billable.\n  Noop:\n    Type: AWS::CloudFormation::WaitConditionHandle\n\nOutputs:\n  RegistryId:\n    Description: AWS account ID of the registry that hosts the image.\n    Value: !FindInMap ['
    yield str((undefined(name='REGISTRIES') if l_0_REGISTRIES is missing else l_0_REGISTRIES))
    yield ', !Ref AWS::Region, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, Group]]\n  Repository:\n    Description: ECR repository name of the algorithm.\n    Value: !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, Repo]\n  Tag:\n    Description: Image tag used in ImageUri.\n    Value: !If [UseDefaultTag, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, Tag], !Ref ImageTag]\n  ImageUri:\n    Description: Full ECR image URI for the algorithm in this stack\'s region.\n    Value: !Sub\n      - "${RegistryId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${Repository}:${Tag}"\n      - RegistryId: !FindInMap ['
    yield str((undefined(name='REGISTRIES') if l_0_REGISTRIES is missing else l_0_REGISTRIES))
    yield ', !Ref AWS::Region, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, Group]]\n        Repository: !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, Repo]\n        Tag: !If [UseDefaultTag, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, Tag], !Ref ImageTag]\n'

blocks = {}
debug_info = '5=21&8=28&14=35&24=37&27=41&30=43&35=45&36=49&37=51'