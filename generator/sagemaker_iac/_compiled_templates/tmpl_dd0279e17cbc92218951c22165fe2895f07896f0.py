from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-training-spec/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-training-spec/README.md')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_description(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'Checks a SageMaker training job for a built-in algorithm against the sagemaker-iac\ncatalog and builds its `CreateTrainingJob` request. It needs no provider and stays\nwithin the Terraform 1.0 language: `errors` lists every broken rule, `request` and\n`request_json` hold the request (for `aws sagemaker create-training-job\n--cli-input-json` or Step Functions), and `pipeline_definition` a one-step SageMaker\npipeline. `sagemaker-training-job` wires it to AWS and fails the plan on any error.\n'

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "kmeans_job" {\n  source = "./out/terraform/sagemaker-training-spec"\n\n  algorithm       = "kmeans"\n  region          = "us-west-2"\n  job_name        = "kmeans-2026-11-23"\n  role_arn        = "arn:aws:iam::123456789012:role/sagemaker"\n  instance_type   = "ml.m5.xlarge"\n  output_s3_path  = "s3://my-bucket/kmeans/output"\n  hyperparameters = { k = "10", feature_dim = "784" }\n  channels = {\n    train = { s3_uri = "s3://my-bucket/kmeans/train/", content_type = "text/csv" }\n  }\n}\n\n# module.kmeans_job.errors, module.kmeans_job.request_json\n'

blocks = {'description': block_description, 'usage': block_usage}
debug_info = '1=12&2=17&10=27'