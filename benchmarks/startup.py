"""Wall time of each command as a ratio to the Typer+Rich import floor, and peak memory.

    python benchmarks/startup.py [--runs N]

The floor is `python -c "import typer, rich.console"` in the same interpreter. Each command runs
N times (median taken) with output to a pipe. Targets (DESIGN.md): show 1.3x, compare of three
1.4x, search and list 1.5x, peak memory under 60 MiB. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = [sys.executable, "-c", "import typer, rich.console"]
CLI = [sys.executable, "-m", "careerexplorer"]
COMMANDS = [
    ("show", ["show", "medical-records-specialist"], 1.3),
    ("show --json", ["show", "29-2072", "--json"], 1.3),
    ("compare (3)", ["compare", "medical-records-specialist", "registered-nurse", "software-developer"], 1.4),
    ("search coding", ["search", "coding"], 1.5),
    ("search programer", ["search", "programer"], 1.5),
    ("list", ["list"], 1.5),
    ("list --sort salary", ["list", "--sort", "salary", "--cluster", "Health Science"], 1.5),
]


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    times = []
    peak = 0.0
    for _ in range(runs):
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir())
            _, status, usage = os.wait4(proc.pid, 0)
            times.append(time.perf_counter() - start)
            if status:
                raise SystemExit(f"failed: {' '.join(cmd)}")
            peak = max(peak, usage.ru_maxrss / 1024)  # KiB on Linux
    return statistics.median(times), peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env_note = "" if resource else ""
    floor, floor_mem = timed(FLOOR, args.runs)
    print(f"floor (import typer, rich.console): {floor * 1000:.0f} ms, {floor_mem:.0f} MiB{env_note}")
    print(f"{'command':<20}{'ms':>7}{'ratio':>7}{'target':>8}{'MiB':>7}  ok")
    for name, argv, target in COMMANDS:
        t, mem = timed(CLI + argv, args.runs)
        ratio = t / floor
        ok = "yes" if ratio <= target and mem < 60 else "NO"
        print(f"{name:<20}{t * 1000:>7.0f}{ratio:>7.2f}{target:>7.1f}x{mem:>7.0f}  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
