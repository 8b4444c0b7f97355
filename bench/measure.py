"""What every part of the benchmark measures with: wall time and this process tree's peak memory."""
from __future__ import annotations

import resource
import time
from pathlib import Path


def peak_mib() -> float:
    """The larger of this process's own peak (VmHWM: ru_maxrss would carry over a parent's across exec) and
    that of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            own = int(line.split()[1])
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start
