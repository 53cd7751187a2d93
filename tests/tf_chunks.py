"""Evaluating many module instances with Terraform 1.0.3: in chunks, on two threads.

Terraform 1.0's evaluation time grows faster than linearly in module instances, so chunks
of 50 cost less than one run over all of them; `terraform console` evaluates the
instances once, where `plan` and then `show -json` cost a third more.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from conftest import terraform

CHUNK = 50
# Every root names its module instances module.image, keyed by item.
URIS = "jsonencode({ for key, m in module.image : key => m.image_uri })"


def evaluated_uris(
    items: dict[str, Any], root: Callable[[dict[str, Any], str], Path]
) -> dict[str, str]:
    """module.image[key].image_uri for every item: ROOT(chunk, name) writes and initializes
    a root module for one chunk."""
    keys = sorted(items)
    chunks = [keys[i : i + CHUNK] for i in range(0, len(keys), CHUNK)]

    def evaluate(index: int) -> dict[str, str]:
        folder = root({k: items[k] for k in chunks[index]}, f"root{index}")
        shown = terraform("console", cwd=folder, stdin=URIS + "\n").stdout
        return json.loads(json.loads(shown))

    found: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for part in pool.map(evaluate, range(len(chunks))):
            found.update(part)
    return found
