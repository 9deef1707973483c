"""The compact catalog index: the fields that search, list and look-ups need, one entry a career.

It is derived from the profiles in ``data/careers`` (careerexplorer.build writes it) and shipped as
``data/index.json`` and ``data/lookup.json``, so that commands over the whole
catalog read one small file instead of every TOML profile. This module reads them; it knows
nothing of the catalog above it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from careerexplorer.errors import DataError
from careerexplorer.model import INTERESTS, Profile


class Entry(TypedDict):
    """The facts of one career that whole-catalog commands need (one line of index.json)."""

    slug: str
    title: str
    onet_code: str
    soc_code: str
    cluster: str
    pathway: str
    salary: int | None
    median: int | None
    employment: int | None
    wage_basis: str | None
    education: int | None
    growth: float | None
    outlook: str | None
    openings: int | None
    bright_outlook: list[str]
    interests: list[float] | None
    hourly: float | None  # the hourly mean, for careers BLS publishes only hourly
    outlook_basis: str | None  # the broader BLS group whose projections these are, if not its own
    education_basis: str | None
    at_least: NotRequired[list[str]]  # figures BLS publishes as "this or more"
    also_in: NotRequired[list[list[str]]]  # more [cluster, pathway] places the career is listed under
    work_values: NotRequired[list[str]]  # O*NET work values, strongest first: only in the search index's facts


INDEX_FILE = "index.json"
INDEX_VERSION = 2


def entry_for(p: Profile) -> Entry:
    """The index entry of one profile."""
    w, o, e = p.wages, p.outlook, p.education
    entry: Entry = {
        "slug": p.slug,
        "title": p.title,
        "onet_code": p.onet_code,
        "soc_code": p.soc_code,
        "cluster": p.cluster,
        "pathway": p.pathway,
        "salary": w.mean if w else None,
        "median": w.median if w else None,
        "employment": w.employment if w else None,
        "wage_basis": w.basis_code if w else None,
        "education": e.rank if e else None,
        "growth": o.change_pct if o else None,
        "outlook": o.label if o else None,
        "openings": o.openings if o else None,
        "bright_outlook": list(p.bright_outlook),
        "interests": [dict(p.interests)[k] for k in INTERESTS] if len(p.interests) == len(INTERESTS) else None,
        "hourly": w.hourly_mean if w and w.mean is None else None,
        "outlook_basis": o.basis_code if o else None,
        "education_basis": e.basis_code if e else None,
    }
    # Added after the others so that the keys keep their order in index.json.
    if w and w.at_least:
        entry["at_least"] = list(w.at_least)
    if p.also_in:
        entry["also_in"] = [[a.cluster, a.pathway] for a in p.also_in]
    return entry


LOOKUP_FILE = "lookup.json"


def _read(path: Path, what: str) -> Any:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: the bundled {what} is unreadable ({exc}); reinstall careers") from None
    return doc


def read_index(data_dir: Path) -> list[Entry]:
    """The bundled entries: the facts of every career, in slug order."""
    doc = _read(data_dir / INDEX_FILE, "index")
    if doc.get("version") != INDEX_VERSION:
        raise DataError(
            f"{data_dir / INDEX_FILE}: index version {doc.get('version')} is not {INDEX_VERSION}; reinstall careers"
        )
    careers: list[Entry] = doc["careers"]
    return careers


def read_lookup(data_dir: Path) -> dict[str, str]:
    lookup: dict[str, str] = _read(data_dir / LOOKUP_FILE, "look-up table")
    return lookup
