"""Timing and memory helpers: several runs summarised as median, minimum and maximum."""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path


def summary(values: list[float]) -> dict:
    """Median, minimum, maximum and the number of runs."""
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def timed(fn: Callable[[], object], runs: int, warmup: int = 1) -> dict:
    """Milliseconds per call over `runs` calls after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return summary(out)


def rss(pid: int | None = None) -> int:
    """Resident memory of a process in bytes (Linux /proc)."""
    statm = Path(f"/proc/{pid or os.getpid()}/statm").read_text().split()
    return int(statm[1]) * os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> int:
    """Resident memory of a process and its children, in bytes."""
    total = 0
    for child in [pid, *_children(pid)]:
        try:
            total += rss(child)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        kids = task / "children"
        if kids.exists():
            for k in kids.read_text().split():
                out.append(int(k))
                out.extend(_children(int(k)))
    return out


class RssSampler:
    """Samples this process's resident memory in the background; `mark(label)` starts a new phase."""

    def __init__(self, every: float = 0.05) -> None:
        self.every = every
        self.label = "start"
        self.peaks: dict[str, int] = {}
        self.samples: list[tuple[float, int]] = []  # (time.perf_counter, bytes)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            value = rss()
            self.samples.append((time.perf_counter(), value))
            if value > self.peaks.get(self.label, 0):
                self.peaks[self.label] = value
            time.sleep(self.every)

    def mark(self, label: str) -> None:
        value = rss()
        self.label = label
        self.peaks[label] = max(self.peaks.get(label, 0), value)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def peak_between(self, start: float, end: float) -> int:
        """The highest sample taken between two time.perf_counter readings."""
        return max((v for t, v in self.samples if start <= t <= end), default=0)

    @property
    def peak(self) -> int:
        return max(self.peaks.values(), default=0)


def machine() -> dict:
    """Cores, memory and CPU model of this machine."""
    mem = 0
    model = ""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem = int(line.split()[1]) * 1024
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {"cores": os.cpu_count(), "memory_gib": round(mem / 2**30, 1), "cpu": model}


def say(msg: str) -> None:
    """A progress line with the time of day."""
    from datetime import datetime

    print(f"[{datetime.now():%H:%M:%S}] {msg}", flush=True)
