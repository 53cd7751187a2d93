from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/sagemaker-model.yaml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_constraints = resolve('constraints')
    l_0_mappings_block = resolve('mappings_block')
    l_0_REGISTRIES = resolve('REGISTRIES')
    l_0_ALGORITHMS = resolve('ALGORITHMS')
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.filters['yaml']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml' found.")
    pass
    yield 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: Hosts a model of an Amazon SageMaker built-in algorithm with the catalog\'s image (sagemaker-iac).\n\nParameters:\n'
    template = environment.get_template('cloudformation/_image_parameters.yaml', 'cloudformation/sagemaker-model.yaml')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '  ModelName:\n    Type: String\n    Description: >-\n      Name of the endpoint when created (1-63 letters, digits and hyphens). The model and the\n      endpoint configuration get names CloudFormation makes, so that a change replaces them\n      before the old ones are deleted.\n    MaxLength: 63\n    AllowedPattern: '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'ModelName'), 'pattern')))
    yield '\n    ConstraintDescription: '
    yield str(t_2(str_join(('ModelName must be ', environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'ModelName'), 'says'), '.', ))))
    yield '\n  ModelDataUrl:\n    Type: String\n    Description: S3 URI of the model artifacts (model.tar.gz).\n    AllowedPattern: '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'ModelDataUrl'), 'pattern')))
    yield '\n    ConstraintDescription: '
    yield str(t_2(str_join(('ModelDataUrl must be ', environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'ModelDataUrl'), 'says'), '.', ))))
    yield '\n  ExecutionRoleArn:\n    Type: String\n    Description: IAM role the model runs as.\n    AllowedPattern: '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'ExecutionRoleArn'), 'pattern')))
    yield '\n    ConstraintDescription: '
    yield str(t_2(str_join(('ExecutionRoleArn must be ', environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'ExecutionRoleArn'), 'says'), '.', ))))
    yield '\n  EnableNetworkIsolation:\n    Type: String\n    Description: Run the container without network access.\n    Default: "true"\n    AllowedValues: ["true", "false"]\n    ConstraintDescription: EnableNetworkIsolation must be true or false.\n  CreateEndpointConfig:\n    Type: String\n    Description: Create an endpoint configuration (needs KmsKeyArn).\n    Default: "false"\n    AllowedValues: ["true", "false"]\n    ConstraintDescription: CreateEndpointConfig must be true or false.\n  CreateEndpoint:\n    Type: String\n    Description: Create an endpoint (needs CreateEndpointConfig).\n    Default: "false"\n    AllowedValues: ["true", "false"]\n    ConstraintDescription: CreateEndpoint must be true or false.\n  KmsKeyArn:\n    Type: String\n    Description: KMS key ARN for the endpoint\'s storage volume.\n    Default: ""\n    AllowedPattern: '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'KmsKeyArn'), 'pattern')))
    yield '\n    ConstraintDescription: '
    yield str(t_2(str_join(('KmsKeyArn must be ', environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'KmsKeyArn'), 'says'), '.', ))))
    yield "\n  InstanceType:\n    Type: String\n    Description: Instance type of the endpoint's variant.\n    Default: ml.m5.large\n    AllowedPattern: "
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'InstanceType'), 'pattern')))
    yield '\n    ConstraintDescription: '
    yield str(t_2(str_join(('InstanceType must be ', environment.getattr(environment.getattr((undefined(name='constraints') if l_0_constraints is missing else l_0_constraints), 'InstanceType'), 'says'), '.', ))))
    yield '\n  InitialInstanceCount:\n    Type: Number\n    Description: Instances behind the endpoint.\n    Default: 1\n    MinValue: 1\n\nRules:\n'
    template = environment.get_template('cloudformation/_rules.yaml', 'cloudformation/sagemaker-model.yaml')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '  EndpointNeedsConfig:\n    RuleCondition: !Equals [!Ref CreateEndpoint, "true"]\n    Assertions:\n      - Assert: !Equals [!Ref CreateEndpointConfig, "true"]\n        AssertDescription: CreateEndpoint needs CreateEndpointConfig.\n  EndpointConfigNeedsKey:\n    RuleCondition: !Equals [!Ref CreateEndpointConfig, "true"]\n    Assertions:\n      - Assert: !Not [!Equals [!Ref KmsKeyArn, ""]]\n        AssertDescription: An endpoint configuration needs KmsKeyArn to encrypt its storage volume.\n\nConditions:\n  UseDefaultTag: !Equals [!Ref ImageTag, ""]\n  HasKey: !Not [!Equals [!Ref KmsKeyArn, ""]]\n  WithEndpointConfig: !Equals [!Ref CreateEndpointConfig, "true"]\n  # The EndpointNeedsConfig rule guarantees the endpoint configuration exists.\n  WithEndpoint: !Equals [!Ref CreateEndpoint, "true"]\n\nMappings:\n'
    yield str(t_1(context.call(environment.getattr((undefined(name='mappings_block') if l_0_mappings_block is missing else l_0_mappings_block), 'rstrip')), 2, first=True))
    yield '\n\nResources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: !Ref ExecutionRoleArn\n      EnableNetworkIsolation: !Ref EnableNetworkIsolation\n      PrimaryContainer:\n        Image: !Sub\n          - "${RegistryId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${Repository}:${Tag}"\n          - RegistryId: !FindInMap ['
    yield str((undefined(name='REGISTRIES') if l_0_REGISTRIES is missing else l_0_REGISTRIES))
    yield ', !Ref AWS::Region, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, HostGroup]]\n            Repository: !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, HostRepo]\n            Tag: !If [UseDefaultTag, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, HostTag], !Ref ImageTag]\n        ModelDataUrl: !Ref ModelDataUrl\n\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Condition: WithEndpointConfig\n    Properties:\n      KmsKeyId: !If [HasKey, !Ref KmsKeyArn, !Ref AWS::NoValue]\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: !GetAtt Model.ModelName\n          InitialInstanceCount: !Ref InitialInstanceCount\n          InstanceType: !Ref InstanceType\n          InitialVariantWeight: 1\n\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Condition: WithEndpoint\n    Properties:\n      EndpointName: !Ref ModelName\n      EndpointConfigName: !GetAtt EndpointConfig.EndpointConfigName\n\nOutputs:\n  ImageUri:\n    Description: Inference image URI from the catalog.\n    Value: !Sub\n      - "${RegistryId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${Repository}:${Tag}"\n      - RegistryId: !FindInMap ['
    yield str((undefined(name='REGISTRIES') if l_0_REGISTRIES is missing else l_0_REGISTRIES))
    yield ', !Ref AWS::Region, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, HostGroup]]\n        Repository: !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, HostRepo]\n        Tag: !If [UseDefaultTag, !FindInMap ['
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield ', !Ref Algorithm, HostTag], !Ref ImageTag]\n  ModelName:\n    Description: Name of the model.\n    Value: !GetAtt Model.ModelName\n  EndpointName:\n    Condition: WithEndpoint\n    Description: Name of the endpoint.\n    Value: !GetAtt Endpoint.EndpointName\n'

blocks = {}
debug_info = '5=28&13=35&14=37&18=39&19=41&23=43&24=45&47=47&48=49&53=51&54=53&62=55&82=62&93=64&94=68&95=70&122=72&123=76&124=78'