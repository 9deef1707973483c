"""Figures for a place: a career's wages for a state or a metropolitan or nonmetropolitan area
in place of the national ones (careerexplorer.areas reads them), with the place named wherever the
figures are shown."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from careerexplorer import areas
from careerexplorer.areas import Area
from careerexplorer.errors import UsageError
from careerexplorer.model import Profile, Wages

if TYPE_CHECKING:
    from careerexplorer.index import Entry

WAGES_SOURCE = "Wages: BLS Occupational Employment and Wage Statistics"


@lru_cache(maxsize=2)
def database(data_dir: Path) -> sqlite3.Connection:
    return areas.open_db(data_dir)


def place(data_dir: Path, state: str | None = None, area: str | None = None) -> Area | None:
    """The state or area a command's figures are for; None for the U.S."""
    if state is not None and area is not None:
        raise UsageError("--state and --area name two places; give one")
    if state is not None:
        return areas.find_state(database(data_dir), state)
    if area is not None:
        return areas.find_area(database(data_dir), area)
    return None


def codes(soc_code: str, basis: str | None) -> list[str]:
    """The codes to look up: the occupation's own, then the broader BLS group's it takes figures from."""
    return [soc_code, *([basis] if basis and basis != soc_code else [])]


def localize(profile: Profile, data_dir: Path, where: Area | None) -> Profile:
    """The profile with the place's wages, its sources line naming the place and period."""
    if where is None:
        return profile
    national = profile.wages
    wages = areas.wages_for(
        database(data_dir), where, codes(profile.soc_code, national.basis_code if national else None)
    )
    if wages.basis_code and national and national.basis_code == wages.basis_code:
        wages = wages._replace(basis_title=national.basis_title)
    line = f"{WAGES_SOURCE}, {wages.period}, {where.name}"
    sources = tuple(line if s.startswith(WAGES_SOURCE) else s for s in profile.sources)
    if not any(s.startswith(WAGES_SOURCE) for s in sources):
        sources = (line, *sources)
    return profile._replace(wages=wages, sources=sources)


def localize_entries(entries: list[Entry], data_dir: Path, where: Area) -> list[Entry]:
    """Index entries with the place's figures in place of the national ones."""
    db = database(data_dir)
    out: list[Entry] = []
    for e in entries:
        w: Wages = areas.wages_for(db, where, codes(e["soc_code"], e["wage_basis"]))
        out.append(
            {
                **e,
                "salary": w.mean,
                "median": w.median,
                "employment": w.employment,
                "hourly": w.hourly_mean if w.mean is None else None,
                "wage_basis": w.basis_code,
                "at_least": list(w.at_least),
            }
        )
    return out
