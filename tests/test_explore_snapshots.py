"""Pictures of the explorer's main screens at 80x24 and 120x40 (pytest-textual-snapshot).

A change in what a screen shows fails here; look at the report, and if the new picture is right,
accept it with `pytest tests/test_explore_snapshots.py --snapshot-update`. The shortlist is a
temporary one with known careers, and the cursor does not blink, so every run draws the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from careerexplorer import shortlist
from careerexplorer.catalog import Catalog
from careerexplorer.explore.app import Explorer
from careerexplorer.explore.session import Session

SIZES = [(80, 24), (120, 40)]
Snap = Callable[..., bool]


@pytest.fixture
def explorer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Explorer]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("NO_COLOR", raising=False)

    def make(query: str = "") -> Explorer:
        path = shortlist.default_path()
        shortlist.write(path, ["medical-records-specialist", "registered-nurse"])
        return Explorer(Session(Catalog(), path), query)

    return make


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_screen(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer("nurse"), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_browsing_every_career(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer(""), press=["escape", "down", "down"], terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_career_page(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer("medical records specialist"), press=["enter"], terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer(""), press=["escape", "c"], terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer(""), press=["escape", "i", "y", "n"], terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_filters(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer(""), press=["escape", "f"], terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Snap, explorer: Callable[[str], Explorer], size: tuple[int, int]) -> None:
    assert snap_compare(explorer(""), press=["escape", "question_mark"], terminal_size=size, run_before=settle)
