"""Time the test lanes (`make test-times`): `make test-fast` and the whole suite, each run
RUNS times (TEST_TIMES_RUNS, default 3) on this machine, into test_times.json; results.md
shows them beside the last `make bench` results."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RUNS = int(os.environ.get("TEST_TIMES_RUNS", "3"))
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


def time_lane(command: list[str], env: dict[str, str]) -> dict[str, object]:
    """RUNS timings of one lane, each with the speed index just before it."""
    seconds, indexes, exits, passed = [], [], [], set()
    for _ in range(RUNS):
        indexes.append(speed_index())
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds.append(round(time.perf_counter() - start, 1))
        exits.append(result.returncode)
        counts = re.findall(r"(\d+) passed", result.stdout)
        passed.add(int(counts[-1]) if counts else 0)  # none: the run broke before tests
    return {
        "seconds": statistics.median(seconds),
        "runs": seconds,
        "speed_index_s": indexes,
        "exit": max(exits),
        "passed": min(passed),
    }


def refresh_report() -> None:
    """results.md again, from the last `make bench` (results.json) and these lanes."""
    results = HERE / "results.json"
    if not results.exists():
        return
    import run  # its import makes a scratch folder, removed below

    try:
        (HERE / "results.md").write_text(run.report(json.loads(results.read_text())))
    finally:
        shutil.rmtree(run.WORK, ignore_errors=True)


def main() -> None:
    env = {**os.environ, "CHECKOV": str(ROOT / ".venv-checkov" / "bin" / "checkov")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as make test runs pytest
    found: dict[str, object] = {name: time_lane(cmd, env) for name, cmd in LANES.items()}
    found["machine"] = {
        "python": platform.python_version(),
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }
    (HERE / "test_times.json").write_text(json.dumps(found, indent=2) + "\n")
    refresh_report()
    print(json.dumps(found, indent=2))


if __name__ == "__main__":
    main()
