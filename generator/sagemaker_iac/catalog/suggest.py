"""Messages that name the choices: did-you-mean, and what is wrong with a region name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .resources import known_partitions, schema

# The shape of a region name, as the catalog schema states it ($defs.region).
REGION_SHAPE = re.compile(schema()["$defs"]["region"]["pattern"])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean X?)" for the closest choice, or nothing when none is close."""
    import difflib  # only an error pays for it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def partition_of(region: str) -> str | None:
    """The AWS partition whose region names match, per botocore's patterns."""
    return next(
        (k for k, p in known_partitions().items() if re.match(p["region_pattern"], region)),
        None,
    )


def region_problem(region: str, known: Iterable[str]) -> str | None:
    """Why REGION cannot be a region at all (malformed, or no partition has it), or None."""
    if not REGION_SHAPE.match(region):
        problem = f"{region!r} is not a region name like us-east-1"
    elif partition_of(region) is None:
        problem = f"no AWS partition has a region named {region!r}"
    else:
        return None  # a region: the hint (a difflib search) is for problems only
    return problem + did_you_mean(region.strip().lower(), list(known))
