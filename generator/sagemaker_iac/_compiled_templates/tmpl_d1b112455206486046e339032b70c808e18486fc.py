from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-training-pipeline/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-training-pipeline/README.md')
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
    l_0_providers = resolve('providers')
    pass
    yield "A SageMaker pipeline (`aws_sagemaker_pipeline`) with one Training step that trains a\nbuilt-in algorithm with the image from the sagemaker-iac catalog. Every input is\nchecked against the catalog at plan time (the rules below, from\n`sagemaker-training-spec`); a broken rule fails the plan with all the messages. With\n`create_role = true` it creates a least-privilege execution role for the pipeline and\nits training jobs (`role_path`, `role_permissions_boundary`), and the pipeline waits\nfor that role's policy.\n\n- **Provider range:** hashicorp/aws `"
    yield str(environment.getitem(environment.getitem((undefined(name='providers') if l_0_providers is missing else l_0_providers), 0), 1))
    yield "`: `aws_sagemaker_pipeline`\n  first shipped in 5.11.0; nothing here needs 6.x, and nothing is deprecated in 6.x.\n- **Running it.** Apply creates the pipeline; each run trains once:\n  `aws sagemaker start-pipeline-execution --pipeline-name NAME`.\n- **Where the model lands.** SageMaker names each run's training job, so a run writes\n  `<output_s3_path>/<job name>/output/model.tar.gz` (the `model_data_url_pattern`\n  output, with `JOB` for the name). Find the job of a run with\n  `aws sagemaker list-pipeline-execution-steps --pipeline-execution-arn ARN`\n  (`Metadata.TrainingJob.Arn`), and its artifacts with\n  `aws sagemaker describe-training-job --training-job-name JOB`\n  (`ModelArtifacts.S3ModelArtifacts`); pass that to `sagemaker-model`'s `model_data_url`.\n"

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "kmeans_pipeline" {\n  source = "./out/terraform/sagemaker-training-pipeline"\n\n  algorithm       = "kmeans"\n  pipeline_name   = "kmeans-training"\n  create_role     = true\n  instance_type   = "ml.m5.xlarge"\n  output_s3_path  = "s3://my-bucket/kmeans/output"\n  hyperparameters = { k = "10", feature_dim = "784" }\n  channels = {\n    train = { s3_uri = "s3://my-bucket/kmeans/train/", content_type = "text/csv" }\n  }\n}\n'

blocks = {'description': block_description, 'usage': block_usage}
debug_info = '1=12&2=17&11=27&23=30'