"""Time the test lanes (`make test-times`): `make test-fast` and the whole suite, each run
once on this machine, into test_times.json, which `make bench` adds to results.md."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANES = {
    "make test-fast": ["make", "test-fast"],
    # make test without its lint step: what pytest itself takes.
    "pytest (make test)": [
        ".venv/bin/python", "-m", "pytest", "-n", "2", "--dist", "loadfile", "-q",
    ],
}  # fmt: skip


def speed_index() -> float:
    """Seconds for a fixed pure-Python loop, best of three: this machine's CPU is shared,
    and the same suite ran up to 40% slower when this index did."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return round(best, 2)


def main() -> None:
    env = {**os.environ, "CHECKOV": str(ROOT / ".venv-checkov" / "bin" / "checkov")}
    found = {}
    for name, command in LANES.items():
        index = speed_index()
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = round(time.perf_counter() - start, 1)
        counts = re.findall(r"(\d+) (passed|failed|skipped)", result.stdout)
        found[name] = {
            "seconds": seconds,
            "exit": result.returncode,
            "speed_index_s": index,
            **{k: int(v) for v, k in counts},
        }
    found["machine"] = {
        "python": platform.python_version(),
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }
    (ROOT / "benchmarks" / "test_times.json").write_text(json.dumps(found, indent=2) + "\n")
    print(json.dumps(found, indent=2))


if __name__ == "__main__":
    main()
