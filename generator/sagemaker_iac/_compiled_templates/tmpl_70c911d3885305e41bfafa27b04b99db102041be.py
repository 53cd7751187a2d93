from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-framework-image/README.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('terraform/_module_readme.md', 'terraform/sagemaker-framework-image/README.md')
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
    yield "Looks up the ECR image URI of any image the SageMaker Python SDK knows (every\n`image_uri_config` framework: PyTorch, TensorFlow, Hugging Face, DJL, XGBoost, Spark, ...)\nfor a region, answering as `sagemaker.image_uris.retrieve` answers. It needs no provider\nand makes no API call. A framework, version, scope, Python version, processor or region\nwith no published image fails the plan with a message that lists what is available.\n\nWhere `retrieve` reads an instance type, this module takes `processor` (`cpu`, `gpu`,\n`inf`, `trn`, ...), which is what the SDK derives from it. Each framework's answers live\nin `images/<framework>.json`; only the one asked for is read.\n"

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'module "pytorch_image" {\n  source = "./out/terraform/sagemaker-framework-image"\n\n  framework         = "pytorch"\n  framework_version = "2.1.0"\n  image_scope       = "training"\n  py_version        = "py310"\n  processor         = "gpu"\n  region            = "us-west-2"\n}\n\n# module.pytorch_image.image_uri\n'

def block_extra(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_catalog = resolve('catalog')
    try:
        t_1 = environment.filters['dictsort']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'dictsort' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '\n## Frameworks\n\nVersions per region: `out/availability/<framework>.md`.\n\n| Framework | Scopes | Versions |\n|-----------|--------|----------|\n'
    for (l_1_key, l_1_found) in t_1(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'images')):
        l_1_versions_of = resolve('versions_of')
        _loop_vars = {}
        pass
        yield '| '
        yield str(t_4(l_1_key))
        yield ' | '
        yield str(t_4(t_2(context.eval_ctx, (environment.getattr(l_1_found, 'scopes') or []), ', ')))
        yield ' | '
        yield str(t_3(context.call((undefined(name='versions_of') if l_1_versions_of is missing else l_1_versions_of), l_1_found, _loop_vars=_loop_vars)))
        yield ' |\n'
    l_1_key = l_1_found = l_1_versions_of = missing

blocks = {'description': block_description, 'usage': block_usage, 'extra': block_extra}
debug_info = '1=12&2=17&13=27&27=37&35=71&36=76'