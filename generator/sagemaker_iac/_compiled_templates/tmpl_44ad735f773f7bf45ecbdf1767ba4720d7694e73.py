from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cloudformation/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_REGISTRIES = resolve('REGISTRIES')
    l_0_ALGORITHMS = resolve('ALGORITHMS')
    l_0_training_rows = resolve('training_rows')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '# CloudFormation templates from the sagemaker-iac catalog\n\n| File | Use |\n|------|-----|\n| `sagemaker-image-mappings.yaml` | The body of a `Mappings` section (`'
    yield str((undefined(name='REGISTRIES') if l_0_REGISTRIES is missing else l_0_REGISTRIES))
    yield '`, `'
    yield str((undefined(name='ALGORITHMS') if l_0_ALGORITHMS is missing else l_0_ALGORITHMS))
    yield '`): paste it under `Mappings:` or include it with `AWS::Include`. |\n| `sagemaker-images.yaml` | Nested stack that outputs `ImageUri` for parameters `Algorithm` and `ImageTag`. |\n| `sagemaker-model.yaml` | `AWS::SageMaker::Model` with the catalog image, and optionally an `EndpointConfig` (encrypted with `KmsKeyArn`) and an `Endpoint`. |\n| `training/<algorithm>.yaml` | One per algorithm: an `AWS::SageMaker::Pipeline` with one Training step (CloudFormation has no training-job resource). Start a run with `aws sagemaker start-pipeline-execution`. |\n\nAll templates look the image up in the same mappings, and their `Rules` refuse a stack\nin a region where the algorithm is not published, before anything is created.\n\n## Catalog checks in the training templates\n\n| Algorithm | Required channels | Optional channels | Input modes | Instance types | Max instances | Required hyperparameters |\n|-----------|-------------------|-------------------|-------------|----------------|--------------:|--------------------------|\n'
    for l_1_row in (undefined(name='training_rows') if l_0_training_rows is missing else l_0_training_rows):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_1(environment.getattr(l_1_row, 'key')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_row, 'required')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_row, 'optional')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_row, 'modes')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_row, 'processors')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_row, 'max')))
        yield ' | '
        yield str(t_1(environment.getattr(l_1_row, 'hyperparameters')))
        yield ' |\n'
    l_1_row = missing
    yield "\nEach required channel and hyperparameter is a parameter without a default; each\nchannel's content type is limited to what the algorithm accepts; `InputMode` and\n`ImageTag` list only what the algorithm supports; `InstanceType` must match the\nalgorithm's processor families and is never Arm (Graviton: SageMaker trains on x86_64);\n`InstanceCount` has `MaxValue: 1` where the algorithm trains on a single instance. An\nimage tag built for fewer processors than the algorithm trains on (XGBoost 1.0-1 and\n0.90 are CPU-only; the TensorFlow variants' `-cpu-` and `-gpu-` tags) is refused on an\ninstance type of another processor by a `TagNotForCpu`/`TagNotForGpu` rule, which lists\nthose instance types from the catalog's `training_instance_types` (botocore's\n`TrainingInstanceType`), since `Rules` cannot match a pattern.\n\nCloudFormation cannot express these, so the templates do not check them (the Terraform\nmodules do):\n\n- A parallelizable algorithm limited to one instance on one kind of processor only:\n  `Rules` cannot match `InstanceType` against a pattern. No algorithm in this catalog\n  has such a limit today.\n- The default `ImageTag` is the catalog's first tag whatever `InstanceType` is (the\n  Terraform modules pick the first tag built for its processor); the rules above refuse\n  a default that does not suit it.\n- Names in `ExtraHyperParameters`: only their JSON shape is checked.\n- A per-channel input mode: the templates offer one `InputMode` for the whole job.\n- The model template accepts any hosting instance type and hosts the x86_64 image: it\n  cannot tell an Arm (Graviton) instance type from its name, so for XGBoost on Graviton\n  use the Terraform `sagemaker-model` module, or `sagemaker-iac uri xgboost --scope\n  inference_graviton` for the image.\n"

blocks = {}
debug_info = '5=21&17=25&18=29'