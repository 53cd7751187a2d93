from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-training-job/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-training-job/README.md')
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
    yield "Runs a SageMaker built-in algorithm's training job (`aws_sagemaker_training_job`) with\nthe image from the sagemaker-iac catalog. Every input is checked against the catalog at\nplan time (the rules below, from `sagemaker-training-spec`); a broken rule fails the\nplan with all the messages. With `create_role = true` it creates a least-privilege\nexecution role (`role_path`, `role_permissions_boundary`), and the job waits for that\nrole's policy. For a pipeline with the same checked request, which needs only provider\n5.11, use `sagemaker-training-pipeline`.\n\n- **Provider range:** hashicorp/aws `"
    yield str(environment.getitem(environment.getitem((undefined(name='providers') if l_0_providers is missing else l_0_providers), 0), 1))
    yield "`, the first release confirmed\n  to have `aws_sagemaker_training_job`; on 5.x use `sagemaker-training-pipeline`.\n- **Apply does not wait for the job.** `terraform apply` returns once SageMaker has\n  accepted the job; the model artifacts exist only when it completes. Wait with\n  `aws sagemaker wait training-job-completed-or-stopped --training-job-name NAME`\n  (the `training_job_name` output), then use `model_data_url`.\n- **Built-in metrics.** SageMaker fills in a built-in algorithm's metric definitions;\n  the module sets none and ignores them (`ignore_changes`), so a later plan shows no drift.\n"

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "kmeans_training" {\n  source = "./out/terraform/sagemaker-training-job"\n\n  algorithm       = "kmeans"\n  job_name        = "kmeans-2026-11-23"\n  create_role     = true\n  instance_type   = "ml.m5.xlarge"\n  output_s3_path  = "s3://my-bucket/kmeans/output"\n  hyperparameters = { k = "10", feature_dim = "784" }\n  channels = {\n    train = { s3_uri = "s3://my-bucket/kmeans/train/", content_type = "text/csv" }\n  }\n}\n'

blocks = {'description': block_description, 'usage': block_usage}
debug_info = '1=12&2=17&11=27&20=30'