"""Stage 3, catalog -> files: a subpackage per target; imports catalog/ and outtree only.

The registry lives here, without the renderers, so the CLI offers the targets cheaply.
"""

# Each target and the out/ path prefixes it owns (a partial generate replaces only these).
TARGET_ROOTS = {"terraform": ("terraform/",), "cloudformation": ("cloudformation/",)}
TARGETS = tuple(TARGET_ROOTS)
