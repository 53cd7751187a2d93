"""Evaluating many module instances with Terraform 1.0.3: in chunks, on two threads.

Terraform 1.0's evaluation time grows faster than linearly in module instances, so chunks
of 50 cost less than one run over all of them; `terraform console` evaluates the
instances once, where `plan` and then `show -json` cost a third more.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from support.terraform import terraform

CHUNK = 50
# Every root names its module instances module.image, keyed by item.
URIS = "jsonencode({ for key, m in module.image : key => m.image_uri })"


def evaluated_uris(
    items: dict[str, Any],
    root: Callable[[dict[str, Any], str, bool], Path],
    expression: str = URIS,
) -> dict[str, Any]:
    """module.image[key].image_uri for every item (or EXPRESSION's JSON map): ROOT(chunk,
    name, init) writes a root module for one chunk, and initializes it if asked.

    Only the first root is initialized: the roots are siblings that call the module by the
    same relative path, so its .terraform (the module manifest) serves every one of them.
    """
    keys = sorted(items)
    chunks = [{k: items[k] for k in keys[i : i + CHUNK]} for i in range(0, len(keys), CHUNK)]
    first = root(chunks[0], "root0", True)

    def evaluate(index: int) -> dict[str, Any]:
        folder = first
        if index:
            folder = root(chunks[index], f"root{index}", False)
            shutil.copytree(first / ".terraform", folder / ".terraform")
        shown = terraform("console", cwd=folder, stdin=expression + "\n").stdout
        return json.loads(json.loads(shown))

    found: dict[str, Any] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for part in pool.map(evaluate, range(len(chunks))):
            found.update(part)
    return found
