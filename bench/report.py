"""Shared by the benchmarks: the machine's description, statistics, and docs/benchmarks.md.

Each benchmark owns one ``## <topic>`` section of docs/benchmarks.md and rewrites only
that section, so benchmarks can be run one at a time in any order.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\n"
    "Figures from the scripts in `bench/` (run them all with `python3 dev.py bench`, or one "
    "with `.venv/bin/python bench/<script>.py`). Each section names the machine, the command "
    "and the date. The machine is shared and noisy (2 cores), so medians are quoted.\n"
)


def machine() -> str:
    """One line: CPU model, cores, memory, OS, Python."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def write_section(topic: str, body: str, command: str) -> None:
    """Replace (or append) the ``## topic`` section of docs/benchmarks.md."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (f"## {topic}\n\n- Command: `{command}`\n- Machine: {machine()}\n"
               f"- Run: {stamp}\n\n{body.strip()}\n")
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    pattern = re.compile(rf"^## {re.escape(topic)}\n.*?(?=^## |\Z)", re.M | re.S)
    text = pattern.sub(lambda _m: section + "\n", text) if pattern.search(text) else (
        text.rstrip() + "\n\n" + section)
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text.rstrip() + "\n", encoding="utf-8")
    print(section)
