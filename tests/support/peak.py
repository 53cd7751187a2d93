"""Peak resident memory of a command, as the kernel counts it for that command alone."""

from __future__ import annotations

import subprocess
import sys

# Runs argv[1:] and prints its peak resident memory (KiB on Linux). Linux counts a forked
# child's memory before exec in its peak, so the fork is made from this small interpreter
# (about 5 MiB), not from the caller, whose own size would floor every figure.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_kib(command: list[str]) -> tuple[int, int]:
    """(exit code, peak KiB) of one run of COMMAND (a path to an executable first), its
    output discarded."""
    launched = [sys.executable, "-S", "-c", _LAUNCHER, *command]
    result = subprocess.run(launched, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return result.returncode, int(result.stderr.split()[-1])
