from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-images/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-images/README.md')
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
    yield 'Looks up the ECR image URI of an Amazon SageMaker built-in algorithm for a region,\nfrom the sagemaker-iac catalog. It needs no provider and makes no API call, so it works\nin `terraform plan` anywhere. Asking for an algorithm in a region where it is not\npublished, or for a tag it does not have, fails the plan with a message that names\nthe algorithm, the region and what is available.\n'

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "kmeans_image" {\n  source = "./out/terraform/sagemaker-images"\n\n  algorithm = "kmeans"\n  region    = "us-west-2"\n}\n\n# module.kmeans_image.image_uri\n'

def block_extra(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_catalog = resolve('catalog')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    pass
    yield '\n## Algorithms\n\nWhere each is published: `out/availability.md`.\n\n| Key | Name | Repository | Tags |\n|-----|------|------------|------|\n'
    for l_1_a in t_3(environment, context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'algorithms'), 'values'), _block_vars=_block_vars), attribute='key'):
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_2(environment.getattr(l_1_a, 'key')))
        yield ' | '
        yield str(t_2(environment.getattr(l_1_a, 'name')))
        yield ' | '
        yield str(t_2(environment.getattr(l_1_a, 'repository')))
        yield ' | '
        yield str(t_2(t_1(context.eval_ctx, environment.getattr(l_1_a, 'tags'), ', ')))
        yield ' |\n'
    l_1_a = missing

blocks = {'description': block_description, 'usage': block_usage, 'extra': block_extra}
debug_info = '1=12&2=17&9=27&19=37&27=65&28=69'