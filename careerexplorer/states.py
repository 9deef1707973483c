"""State wages (BLS OEWS, by state): a compact bundled table, read only when --state is given."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerexplorer.errors import DataError, UsageError
from careerexplorer.model import Profile, Wages
from careerexplorer.text import normalize


@lru_cache(maxsize=2)
def table(data_dir: Path) -> dict[str, Any]:
    path = data_dir / "states.json"
    try:
        doc: dict[str, Any] = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: the bundled state wage table is unreadable ({exc}); reinstall careers") from None
    return doc


def state_code(data_dir: Path, value: str) -> str:
    """The two-letter code for a code or a state's name; a clear error listing valid codes otherwise."""
    names: dict[str, str] = table(data_dir)["names"]
    wanted = value.strip()
    if wanted.upper() in names:
        return wanted.upper()
    for code, name in names.items():
        if normalize(name) == normalize(wanted):
            return code
    raise UsageError(f"unknown state {value!r}; valid: " + ", ".join(sorted(names)))


def state_wages(data_dir: Path, state: str, soc_codes: list[str]) -> Wages:
    """A state's wages for the first of the codes it publishes; all figures absent if none."""
    doc = table(data_dir)
    rows = doc["states"][state]
    area = doc["names"][state]
    for i, code in enumerate(soc_codes):
        row = rows.get(code)
        if row is not None:
            values = dict(zip(doc["fields"], row))
            basis = {"basis_code": code} if i else {}
            return Wages(source=doc["source"], period=doc["period"], area=area, **values, **basis)
    return Wages(source=doc["source"], period=doc["period"], area=area)


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
    return profile._replace(wages=wages)


def localize_entries(entries: list[dict[str, Any]], data_dir: Path, state: str) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        w = state_wages(data_dir, state, codes_for(e))
        out.append({**e, "salary": w.mean, "median": w.median, "employment": w.employment, "area": w.area})
    return out
