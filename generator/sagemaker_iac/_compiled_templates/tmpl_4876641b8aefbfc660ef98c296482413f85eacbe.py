from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-model/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-model/README.md')
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
    yield "Hosts a model of a SageMaker built-in algorithm with the inference image from the\nsagemaker-iac catalog (or a model package): `aws_sagemaker_model` with network\nisolation on by default, and optionally an endpoint configuration (encrypted with\n`kms_key_arn`) and an endpoint. An algorithm not published in the provider's region\nfails the plan. With `create_role = true` it creates a least-privilege execution role\n(`role_path`, `role_permissions_boundary`; `model_data_kms_key_arn` lets it decrypt the\nartifacts), and the model waits for that role's policy.\n\n- **Provider range:** hashicorp/aws `"
    yield str(environment.getitem(environment.getitem((undefined(name='providers') if l_0_providers is missing else l_0_providers), 0), 1))
    yield "`: every resource and argument\n  used is in 5.0; the region is read from `aws_region`'s `id`, which 5.x and 6.x both\n  have (6.0 deprecates `name`), so 6.x shows no deprecation warning.\n- **Instance type picks the image.** An Arm (Graviton) `instance_type` (ml.c6g, ml.m6g,\n  ml.r6g, ml.c7g, ...) hosts the algorithm's Arm image (XGBoost 1.5-1 and 1.3-1,\n  `-arm64`), as the SageMaker SDK picks it; an algorithm without one fails the plan,\n  naming the instance type. Without `image_tag`, the first tag built for the instance\n  type's processor is used; a tag built for another processor fails the plan.\n- **Updates.** `name` is the endpoint's name. The model and the endpoint configuration\n  are named after it with a suffix, and replaced before the old ones are deleted\n  (`create_before_destroy`), so changing the model, its image or the instance type rolls\n  the endpoint to a new configuration and then deletes the old one. The model's suffix is\n  a digest of what replaces it, so `terraform apply -replace` on the model alone would\n  create a model of the same name, which SageMaker refuses: change an input instead.\n"

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "kmeans_model" {\n  source = "./out/terraform/sagemaker-model"\n\n  algorithm                     = "kmeans"\n  name                          = "kmeans"\n  model_data_url                = "s3://my-bucket/kmeans/output/JOB/output/model.tar.gz"\n  create_role                   = true\n  create_endpoint_configuration = true\n  create_endpoint               = true\n  kms_key_arn                   = aws_kms_key.sagemaker.arn\n}\n'

blocks = {'description': block_description, 'usage': block_usage}
debug_info = '1=12&2=17&11=27&26=30'