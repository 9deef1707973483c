"""Wall time of each command as a ratio to the Typer+Rich import floor, and peak memory.

    python benchmarks/startup.py [--runs N] [--instructions]

The floor is `python -c "import typer, rich.console"` in the same interpreter. Each command runs
N times, alternating with the floor so both see the same load; the ratio is the median of the
pairs' ratios. Output goes to a file, as to a pipe. Targets (DESIGN.md and the issues): show 1.25x, show
with --state or --area 1.3x, compare of three 1.4x, search of an everyday phrase 1.4x, search and list
1.5x, the second search over 2,000 profiles of one's own 1.5x; with a folder of 10,000 profiles of
one's own (a state's catalog), after the first run, show, list and search 1.5x, and the first run
at most 1.5x what parsing the same files with tomli costs; peak memory under 60 MiB. Prints a
table; asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = [sys.executable, "-c", "import typer, rich.console"]
CLI = [sys.executable, "-m", "careerexplorer"]
COMMANDS = [
    ("show", ["show", "medical-records-specialist"], 1.25),
    ("show --json", ["show", "29-2072", "--json"], 1.25),
    ("show --state CA", ["show", "medical-records-specialist", "--state", "CA"], 1.3),
    ("show --area Fargo", ["show", "medical-records-specialist", "--area", "Fargo"], 1.3),
    ("compare (3)", ["compare", "medical-records-specialist", "registered-nurse", "software-developer"], 1.4),
    ("search coding", ["search", "coding"], 1.5),
    ("search work with animals", ["search", "work with animals"], 1.4),
    ("search programer", ["search", "programer"], 1.5),
    ("list", ["list"], 1.5),
    ("list --sort salary", ["list", "--sort", "salary", "--cluster", "Health Science"], 1.5),
    ("wages", ["wages", "medical-records-specialist"], 1.5),
    ("next", ["next", "cashier", "--up"], 1.5),
]
USER_PROFILES = 2000  # the user-folder case: `search` run twice over this many profiles of one's own
CATALOG_PROFILES = 10_000  # a state's catalog: every command over this many, after the first run


def user_folder(root: str, count: int = USER_PROFILES) -> list[str]:
    """A folder of ``count`` valid profiles (bundled ones under new slugs); the options that add it."""
    from pathlib import Path

    from careerexplorer.catalog import bundled_dir

    folder = Path(root) / f"mine-{count}"
    folder.mkdir()
    sources = sorted((bundled_dir() / "careers").glob("*.toml"))
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        slug = f"own-career-{i}"
        start = text.index('slug = "') + len('slug = "')
        text = text[:start] + slug + text[text.index('"', start):]
        (folder / f"{slug}.toml").write_text(text, encoding="utf-8")
    return ["--data-dir", str(folder)]


# Measure as an installed copy runs: with its bytecode cached (pip compiles it at install).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# Cases run with settings of their own (careers config): the case's name, then its XDG_CONFIG_HOME.
SETTINGS: dict[str, str] = {}
STATE: list[str] = []  # the options that add the folder of CATALOG_PROFILES (made by all_cases)


def run_once(cmd: list[str], settings: str | None = None) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one run, output to a pipe-like temporary file."""
    env = {**ENV, "XDG_CONFIG_HOME": settings} if settings else ENV
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir(), env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def paired(cmd: list[str], runs: int, settings: str | None = None) -> tuple[float, float, float, float]:
    """Runs the floor and the command alternately, so that each pair sees the same machine load.

    Returns the median floor, the median command time, the median of the pairs' ratios (robust
    to load that comes and goes during the run) and the peak memory.
    """
    floors, times, ratios, peak = [], [], [], 0.0
    for _ in range(runs):
        floor = run_once(FLOOR)[0]
        t, mem = run_once(cmd, settings)
        floors.append(floor)
        times.append(t)
        ratios.append(t / floor)
        peak = max(peak, mem)
    return statistics.median(floors), statistics.median(times), statistics.median(ratios), peak


def instructions(cmd: list[str], settings: str | None = None) -> int:
    """Instructions executed, counted by valgrind's callgrind: the same on every run."""
    env = {**ENV, "XDG_CONFIG_HOME": settings} if settings else ENV
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", *cmd],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tmp, env=env)
    found = [line for line in proc.stderr.splitlines() if "Collected :" in line]
    if proc.returncode or not found:
        raise SystemExit(f"callgrind failed on {' '.join(cmd)}:\n{proc.stderr[-2000:]}")
    return int(found[-1].split(":")[1])


PARSE = """
import os, sys, tomli
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as fh:
        tomli.loads(fh.read().decode("utf-8"))
"""


def first_run(tmp: str, own: list[str]) -> tuple[float, float]:
    """The first run over a folder (which reads every file into a new cache), and parsing the same
    files with tomli and nothing else: wall seconds, in both modes (under callgrind, reading
    10,000 files would take the better part of an hour)."""
    cache = os.path.join(tmp, "first-run-cache")
    parse = [sys.executable, "-c", PARSE, own[1]]
    cmd = CLI + [*own, "search", "nurse"]
    saved = ENV["XDG_CACHE_HOME"]
    ENV["XDG_CACHE_HOME"] = cache
    try:
        return run_once(cmd)[0], run_once(parse)[0]
    finally:
        ENV["XDG_CACHE_HOME"] = saved
        import shutil

        shutil.rmtree(cache, ignore_errors=True)


def report_first_run(tmp: str) -> None:
    first, parse = first_run(tmp, STATE)
    print(f"first run over {CATALOG_PROFILES:,} own: {first:.1f} s; parsing them with tomli: {parse:.1f} s; "
          f"ratio {first / parse:.2f}, target 1.50x  {'yes' if first / parse <= 1.5 else 'NO'}")


def all_cases(tmp: str) -> list[tuple[str, list[str], float]]:
    """COMMANDS, and the second search over a folder of the user's own profiles, made in tmp (its
    first search, which reads and caches the folder, is run here)."""
    ENV["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
    ENV["XDG_CONFIG_HOME"] = os.path.join(tmp, "no-settings")  # the machine's own settings change nothing
    own = user_folder(tmp)
    run_once(CLI + [*own, "search", "nurse"])
    state = user_folder(tmp, CATALOG_PROFILES)
    STATE[:] = state
    run_once(CLI + [*state, "search", "nurse"])
    n = f"{CATALOG_PROFILES:,}"
    # A home state set with `careers config set state ND`: every page starts from its wages.
    from pathlib import Path

    from careerexplorer.home import write_config

    home = os.path.join(tmp, "settings")
    write_config(Path(home, "careers", "config.toml"), {"state": "ND"})
    SETTINGS.update({"show, home state ND": home, "search, home state ND": home})
    return [
        *COMMANDS,
        (f"search, {USER_PROFILES} own (2nd)", [*own, "search", "work with animals"], 1.5),
        ("show, home state ND", ["show", "medical-records-specialist"], 1.3),
        ("search, home state ND", ["search", "coding"], 1.5),
        (f"show, {n} own", [*state, "show", "own-career-5"], 1.5),
        (f"show bundled, {n} own", [*state, "show", "medical-records-specialist"], 1.5),
        (f"list, {n} own", [*state, "list"], 1.5),
        (f"search, {n} own", [*state, "search", "work with animals"], 1.5),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions with valgrind instead of timing: slower, but repeatable on a busy machine")
    args = parser.parse_args()
    import careerexplorer

    compileall.compile_dir(os.path.dirname(careerexplorer.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        if args.instructions:
            floor_i = instructions(FLOOR)
            print(f"floor (import typer, rich.console): {floor_i / 1e6:.0f} M instructions")
            print(f"{'command':<26}{'M instr':>9}{'ratio':>7}{'target':>8}  ok")
            for name, argv, target in all_cases(tmp):
                n = instructions(CLI + argv, SETTINGS.get(name))
                ok = "yes" if n / floor_i <= target else "NO"
                print(f"{name:<26}{n / 1e6:>9.0f}{n / floor_i:>7.2f}{target:>7.2f}x  {ok}")
            report_first_run(tmp)
            return 0
        floor_ms = [run_once(FLOOR)[0] for _ in range(args.runs)]
        print(f"floor (import typer, rich.console): {statistics.median(floor_ms) * 1000:.0f} ms median of {args.runs}")
        print(f"{'command':<26}{'ms':>7}{'floor':>7}{'ratio':>7}{'target':>8}{'MiB':>7}  ok")
        for name, argv, target in all_cases(tmp):
            floor, t, ratio, mem = paired(CLI + argv, args.runs, SETTINGS.get(name))
            ok = "yes" if ratio <= target and mem < 60 else "NO"
            print(f"{name:<26}{t * 1000:>7.0f}{floor * 1000:>7.0f}{ratio:>7.2f}{target:>7.2f}x{mem:>7.0f}  {ok}")
        report_first_run(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
