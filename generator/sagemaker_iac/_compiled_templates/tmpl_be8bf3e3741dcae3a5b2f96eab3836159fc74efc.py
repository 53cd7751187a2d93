from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'availability.svg'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_width = resolve('width')
    l_0_height = resolve('height')
    l_0_partitions = resolve('partitions')
    l_0_columns = resolve('columns')
    l_0_rows = resolve('rows')
    l_0_left = resolve('left')
    l_0_legend = resolve('legend')
    l_0_cell = resolve('cell')
    try:
        t_1 = environment.filters['e']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'e' found.")
    pass
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="'
    yield str((undefined(name='width') if l_0_width is missing else l_0_width))
    yield '" height="'
    yield str((undefined(name='height') if l_0_height is missing else l_0_height))
    yield '" viewBox="0 0 '
    yield str((undefined(name='width') if l_0_width is missing else l_0_width))
    yield ' '
    yield str((undefined(name='height') if l_0_height is missing else l_0_height))
    yield '" font-family="Helvetica, Arial, sans-serif" font-size="11">\n  <title>Where each SageMaker built-in algorithm is published, by region</title>\n  <style>\n    .yes { fill: #1f6f43; }\n    .no { fill: #eef0f2; }\n    .band { fill-opacity: 0.12; }\n    text { fill: #1b1f23; }\n  </style>\n  <rect width="'
    yield str((undefined(name='width') if l_0_width is missing else l_0_width))
    yield '" height="'
    yield str((undefined(name='height') if l_0_height is missing else l_0_height))
    yield '" fill="#ffffff"/>\n'
    for l_1_part in (undefined(name='partitions') if l_0_partitions is missing else l_0_partitions):
        l_1_top = resolve('top')
        _loop_vars = {}
        pass
        yield '  <rect class="band" x="'
        yield str(environment.getattr(l_1_part, 'x'))
        yield '" y="'
        yield str(((undefined(name='top') if l_1_top is missing else l_1_top) - 18))
        yield '" width="'
        yield str(environment.getattr(l_1_part, 'width'))
        yield '" height="'
        yield str(((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='top') if l_1_top is missing else l_1_top)) + 18) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)))
        yield '" fill="'
        yield str(environment.getattr(l_1_part, 'color'))
        yield '" data-partition="'
        yield str(t_1(environment.getattr(l_1_part, 'key')))
        yield '"/>\n'
    l_1_part = l_1_top = missing
    for l_1_column in (undefined(name='columns') if l_0_columns is missing else l_0_columns):
        l_1_top = resolve('top')
        _loop_vars = {}
        pass
        yield '  <text transform="translate('
        yield str(((environment.getattr(l_1_column, 'x') + ((undefined(name='cell') if l_0_cell is missing else l_0_cell) // 2)) + 4))
        yield ','
        yield str(((undefined(name='top') if l_1_top is missing else l_1_top) - 22))
        yield ') rotate(-60)">'
        yield str(t_1(environment.getattr(l_1_column, 'region')))
        yield '</text>\n'
    l_1_column = l_1_top = missing
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '  <g data-algorithm="'
        yield str(t_1(environment.getattr(l_1_row, 'algorithm')))
        yield '"><title>'
        yield str(t_1(environment.getattr(l_1_row, 'algorithm')))
        yield '</title>\n    <text x="'
        yield str(((undefined(name='left') if l_0_left is missing else l_0_left) - 6))
        yield '" y="'
        yield str(((environment.getattr(l_1_row, 'y') + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) - 3))
        yield '" text-anchor="end">'
        yield str(t_1(environment.getattr(l_1_row, 'algorithm')))
        yield '</text>\n'
        for l_2_c in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '    <rect class="'
            yield str(('yes' if environment.getattr(l_2_c, 'published') else 'no'))
            yield '" x="'
            yield str(environment.getattr(l_2_c, 'x'))
            yield '" y="'
            yield str(environment.getattr(l_1_row, 'y'))
            yield '" width="'
            yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
            yield '" height="'
            yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
            yield '" data-region="'
            yield str(environment.getattr(l_2_c, 'region'))
            yield '"/>\n'
        l_2_c = missing
        yield '  </g>\n'
    l_1_row = missing
    yield '  <rect class="yes" x="'
    yield str((undefined(name='left') if l_0_left is missing else l_0_left))
    yield '" y="'
    yield str((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8))
    yield '" width="'
    yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
    yield '" height="'
    yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
    yield '"/>\n  <text x="'
    yield str((((undefined(name='left') if l_0_left is missing else l_0_left) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) + 4))
    yield '" y="'
    yield str((((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) - 4))
    yield '">published</text>\n  <rect class="no" x="'
    yield str(((undefined(name='left') if l_0_left is missing else l_0_left) + 90))
    yield '" y="'
    yield str((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8))
    yield '" width="'
    yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
    yield '" height="'
    yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
    yield '"/>\n  <text x="'
    yield str(((((undefined(name='left') if l_0_left is missing else l_0_left) + 90) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) + 4))
    yield '" y="'
    yield str((((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) - 4))
    yield '">not published</text>\n  <text x="'
    yield str(((undefined(name='left') if l_0_left is missing else l_0_left) + 210))
    yield '" y="'
    yield str((((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) - 4))
    yield '">Partitions (the bands):</text>\n'
    l_1_loop = missing
    for l_1_part, l_1_loop in LoopContext((undefined(name='partitions') if l_0_partitions is missing else l_0_partitions), undefined):
        _loop_vars = {}
        pass
        yield '  <rect class="band" x="'
        yield str((((undefined(name='left') if l_0_left is missing else l_0_left) + 340) + (environment.getattr(l_1_loop, 'index0') * 90)))
        yield '" y="'
        yield str((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8))
        yield '" width="'
        yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
        yield '" height="'
        yield str(((undefined(name='cell') if l_0_cell is missing else l_0_cell) - 2))
        yield '" fill="'
        yield str(environment.getattr(l_1_part, 'color'))
        yield '" fill-opacity="0.5"/>\n  <text x="'
        yield str((((((undefined(name='left') if l_0_left is missing else l_0_left) + 340) + (environment.getattr(l_1_loop, 'index0') * 90)) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) + 2))
        yield '" y="'
        yield str((((((undefined(name='height') if l_0_height is missing else l_0_height) - (undefined(name='legend') if l_0_legend is missing else l_0_legend)) + 8) + (undefined(name='cell') if l_0_cell is missing else l_0_cell)) - 4))
        yield '">'
        yield str(t_1(environment.getattr(l_1_part, 'key')))
        yield '</text>\n'
    l_1_loop = l_1_part = missing
    yield '</svg>\n'

blocks = {}
debug_info = '2=26&10=34&11=38&12=43&14=56&15=61&17=68&18=72&19=76&20=82&21=86&25=102&26=110&27=114&28=122&29=126&30=131&31=135&32=145'