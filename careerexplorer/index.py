"""The compact catalog index: the fields that search, list and look-ups need, one entry a career.

It is derived from the profiles in ``data/careers`` (careerexplorer.build writes it) and shipped as
``data/index.json`` and ``data/lookup.json``, so that commands over the whole
catalog read one small file instead of every TOML profile. This module reads them; it knows
nothing of the catalog above it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NotRequired, TypedDict

from careerexplorer.datafiles import REINSTALL, damaged, read_json
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
    education_ours: NotRequired[bool]  # the entry level is the occupation's own, not its BLS group's
    also_in: NotRequired[list[list[str]]]  # more [cluster, pathway] places the career is listed under
    self_employed_pct: NotRequired[float]  # share of workers who are self-employed, per cent (BLS)
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
    if e and e.ours:
        entry["education_ours"] = True
    if p.also_in:
        entry["also_in"] = [[a.cluster, a.pathway] for a in p.also_in]
    if o and o.self_employed_pct is not None:
        entry["self_employed_pct"] = o.self_employed_pct
    return entry


LOOKUP_FILE = "lookup.json"


def read_index(data_dir: Path) -> list[Entry]:
    """The bundled entries: the facts of every career, in slug order."""
    path = data_dir / INDEX_FILE
    doc = read_json(path, "index")
    if not isinstance(doc, dict):
        raise damaged(path, "index", f"a JSON {type(doc).__name__}, not an object")
    if doc.get("version") != INDEX_VERSION:
        raise DataError(f"{path}: index version {doc.get('version')} is not {INDEX_VERSION}; {REINSTALL}")
    careers = doc.get("careers")
    if not isinstance(careers, list):
        raise damaged(path, "index", "it has no list of careers")
    # Each entry is an object of at least as many keys as an entry has, with a slug and a title
    # of text (every command sorts or looks up by them): a tenth of a millisecond for the
    # catalog, where checking each key by name would cost every `list` ten times that.
    for i, e in enumerate(careers):
        if type(e) is not dict or len(e) < _KEYS or type(e.get("slug")) is not str or type(e.get("title")) is not str:
            raise damaged(path, "index", f"career {i + 1} is not a complete entry")
    return careers


# How many keys every entry has: Entry's but the NotRequired ones (Entry.__required_keys__ counts
# those too: the annotations are forward references, so they are told by their text).
_KEYS = sum(
    1 for v in Entry.__annotations__.values() if not getattr(v, "__forward_arg__", str(v)).startswith("NotRequired")
)


def read_lookup(data_dir: Path) -> dict[str, str]:
    path = data_dir / LOOKUP_FILE
    lookup: dict[str, str] = read_json(path, "look-up table")
    try:
        "".join(lookup.values())  # a TypeError for a slug that is not text, at C's speed
    except (TypeError, AttributeError):  # AttributeError: not an object at all
        raise damaged(path, "look-up table", "not an object of names to slugs") from None
    return lookup
