from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-catalog/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-catalog/README.md')
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
    yield "The sagemaker-iac catalog as Terraform values: partitions, regions, registry accounts,\ninstance families and every built-in algorithm's images and training facts. It has no\ninputs, needs no provider and makes no API call. `sagemaker-images` and\n`sagemaker-training-spec` read their tables from it, so out/ carries the catalog once;\nuse it directly to build lookups of your own.\n"

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "sagemaker_catalog" {\n  source = "./out/terraform/sagemaker-catalog"\n}\n\n# Where kmeans is published:\n# keys(module.sagemaker_catalog.registry_groups[module.sagemaker_catalog.algorithms["kmeans"].registry_group])\n'

blocks = {'description': block_description, 'usage': block_usage}
debug_info = '1=12&2=17&9=27'