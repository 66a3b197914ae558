"""docs/benchmarks.md is shared: each benchmark script rewrites its own "## " section only."""

from __future__ import annotations

import platform
from pathlib import Path


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace the section of ``path`` that starts with ``heading`` (up to the next "## " heading), or
    append it; the other sections stay as they are."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = text.find(heading)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + len(heading))
        rest = "" if following < 0 else "\n" + text[following + 1 :]
        text = text[:start] + section + rest
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def cpu_name() -> str:
    """The processor's model name (from /proc/cpuinfo on Linux), else what platform knows."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return cpu
