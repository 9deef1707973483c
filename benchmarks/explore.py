"""`careers explore`, headless: how soon the first screen is ready, and how fast results follow typing.

    python benchmarks/explore.py [--runs N]

First screen: a process that opens the explorer (80x24, headless) and leaves as soon as the first
screen has been painted, as a ratio to the `python -c "import typer, rich.console"` floor, run in
pairs as benchmarks/startup.py does. Target: 4x or less.

Keystrokes: queries typed one key at a time (and some erased with Backspace) over the full
catalog; for each key, the time from the key event reaching the app to the results list holding
the answer to the new text and its visible lines drawn, with the explorer's cache of recent
answers emptied before every key so that each one is a real search. Target: p95 30 ms or less. Prints figures and the machine; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import typer, rich.console"]
FIRST_SCREEN = """
import sys
from pathlib import Path
from careerexplorer.catalog import Catalog
from careerexplorer.explore.app import Explorer
from careerexplorer.explore.session import Session

class FirstScreen(Explorer):
    def on_ready(self) -> None:
        self.exit()

FirstScreen(Session(Catalog(), Path(sys.argv[1]))).run(headless=True, size=(80, 24))
"""
QUERIES = ["nurse", "software developer", "dental hygenist", "electrician", "medical coder", "teacher",
           "data scientist", "welding", "accountant", "truck driver", "physical therapist", "graphic design"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV,
                   cwd=tempfile.gettempdir())
    return time.perf_counter() - start


def first_screen(runs: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-c", FIRST_SCREEN, str(Path(tmp) / "shortlist.json")]
        wall(cmd)  # compile and cache bytecode once, as an installed copy has it
        floors, times, ratios = [], [], []
        for _ in range(runs):
            floor, t = wall(FLOOR), wall(cmd)
            floors.append(floor)
            times.append(t)
            ratios.append(t / floor)
    return statistics.median(floors), statistics.median(times), statistics.median(ratios)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def keystrokes() -> list[float]:
    from textual import events
    from textual.geometry import Region

    from careerexplorer.catalog import Catalog
    from careerexplorer.explore.app import Explorer, SearchScreen
    from careerexplorer.explore.session import Session

    with tempfile.TemporaryDirectory() as tmp:
        session = Session(Catalog(), Path(tmp) / "shortlist.json")
        app = Explorer(session)
        times: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            results = screen.results
            for query in QUERIES:
                keys = [*query, "backspace", "backspace", query[-2], query[-1]]
                text = ""
                for key in keys:
                    text = text[:-1] if key == "backspace" else text + key
                    session._cache.clear()
                    await pilot.pause()  # the app is idle, as between two keystrokes of a person
                    start = time.perf_counter()
                    # The key goes in as the terminal driver sends it (Pilot.press would add its own waits).
                    app._driver.send_message(events.Key(key, None if key == "backspace" else key))  # type: ignore[union-attr]
                    while screen.shown_query != text:  # the results now answer what is typed...
                        await asyncio.sleep(0)
                    results.render_lines(Region(0, 0, results.size.width, results.size.height))  # ...and are drawn
                    times.append(time.perf_counter() - start)
                await pilot.press(*["backspace"] * len(text))
    return times


def search_alone() -> list[float]:
    """The same keystrokes' searches without the app: the part of each figure the search engine takes."""
    from careerexplorer.catalog import Catalog
    from careerexplorer.explore.session import Session

    with tempfile.TemporaryDirectory() as tmp:
        session = Session(Catalog(), Path(tmp) / "shortlist.json")
        session.results("")
        times = []
        for query in QUERIES:
            texts = [query[:i] for i in range(1, len(query) + 1)] + [query[:-1], query[:-2], query[:-1], query]
            for text in texts:
                session._cache.clear()
                start = time.perf_counter()
                session.results(text)
                times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu_model()}, "
          f"Python {platform.python_version()}")
    floor, t, ratio = first_screen(args.runs)
    print(f"first screen ready: {t * 1000:.0f} ms, floor {floor * 1000:.0f} ms, ratio {ratio:.2f}x (target <= 4x)")
    times = asyncio.run(keystrokes())
    print(f"keystroke to updated results over {len(times)} keys: p50 {percentile(times, 50) * 1000:.1f} ms, "
          f"p95 {percentile(times, 95) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms (target p95 <= 30 ms)")
    alone = search_alone()
    print(f"  of which the search itself: p50 {percentile(alone, 50) * 1000:.1f} ms, "
          f"p95 {percentile(alone, 95) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
