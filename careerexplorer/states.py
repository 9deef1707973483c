"""State wages for --state, read from the bundled data/wages.db (careerexplorer.areas).

A thin bridge that keeps this module's functions while the commands move to careerexplorer.areas.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerexplorer import areas
from careerexplorer.model import Profile, Wages


@lru_cache(maxsize=2)
def _db(data_dir: Path) -> sqlite3.Connection:
    return areas.open_db(data_dir)


def state_code(data_dir: Path, value: str) -> str:
    """The two-letter code for a code or a state's name; a clear usage error otherwise."""
    return areas.find_state(_db(data_dir), value).states[0]


def state_wages(data_dir: Path, state: str, soc_codes: list[str]) -> Wages:
    """A state's wages for the first of the codes it publishes; all figures absent if none."""
    db = _db(data_dir)
    return areas.wages_for(db, areas.find_state(db, state), soc_codes)


def codes_for(profile_or_entry: Profile | dict[str, Any]) -> list[str]:
    if isinstance(profile_or_entry, Profile):
        w = profile_or_entry.wages
        return [profile_or_entry.soc_code] + ([w.basis_code] if w and w.basis_code else [])
    return [profile_or_entry["soc_code"]] + ([profile_or_entry["wage_basis"]] if profile_or_entry.get("wage_basis") else [])


def localize(profile: Profile, data_dir: Path, state: str) -> Profile:
    wages = state_wages(data_dir, state, codes_for(profile))
    national = profile.wages
    if wages.basis_code and national and national.basis_code == wages.basis_code:
        wages = wages._replace(basis_title=national.basis_title)
    localized: Profile = profile._replace(wages=wages)
    return localized


def localize_entries(entries: list[dict[str, Any]], data_dir: Path, state: str) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        w = state_wages(data_dir, state, codes_for(e))
        out.append({**e, "salary": w.mean, "median": w.median, "employment": w.employment, "area": w.area})
    return out
