"""Planning many module instances with Terraform 1.0.3: in chunks, on two workers.

Terraform 1.0's plan time grows about as N^1.6 in module instances, so chunks of about
100 planned in parallel cost a fraction of one plan over all of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from conftest import terraform

CHUNK = 100


def plan_outputs(
    items: dict[str, Any], root: Callable[[dict[str, Any], str], Path], output: str = "uris"
) -> dict[str, Any]:
    """OUTPUT's value (a map by item key) over every item: ROOT(chunk, name) writes and
    initializes a root module for one chunk."""
    keys = sorted(items)
    chunks = [keys[i : i + CHUNK] for i in range(0, len(keys), CHUNK)]

    def plan(index: int) -> dict[str, Any]:
        folder = root({k: items[k] for k in chunks[index]}, f"root{index}")
        terraform("plan", "-out=plan.bin", "-input=false", cwd=folder)
        shown = json.loads(terraform("show", "-json", "plan.bin", cwd=folder).stdout)
        return shown["planned_values"]["outputs"][output]["value"]

    found: dict[str, Any] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for part in pool.map(plan, range(len(chunks))):
            found.update(part)
    return found
