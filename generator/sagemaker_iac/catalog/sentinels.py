"""The catalog's reserved keys: values that stand for "every" or "any" in its tables."""

from __future__ import annotations

# The configs key of an image family whose one config serves every scope.
FLAT = "all"
# ImageFamily.latest's key for a scope argument the family lacks.
OTHER_SCOPE = "*"
# answers()' key for an argument the lookup ignores (the image has no such choice).
ANY = "*"
