"""Wages by state and by metropolitan or nonmetropolitan area, from the bundled data/wages.db.

Built by the importer (tools/wagesdb.py) from BLS OEWS. A look-up reads one row by primary key;
a ranking reads one occupation's rows. Only the standard library here: the fuzzy matcher is
imported only to suggest a name when nothing matches.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any, Literal

from careerexplorer import datafiles
from careerexplorer.errors import UsageError
from careerexplorer.model import Wages
from careerexplorer.record import Record

DB_NAME = "wages.db"
# Columns of the wages table after (soc, area), and the factor each is stored with.
WAGE_FIELDS = (
    "mean",
    "median",
    "p10",
    "p25",
    "p75",
    "p90",
    "hourly_mean",
    "hourly_median",
    "employment",
    "jobs_per_1000",
    "location_quotient",
)
# Stored value = published value x scale: hourly wages in cents, jobs per 1,000 in thousandths,
# location quotients in hundredths. Annual wages, which BLS rounds to $10, are stored in tens of
# dollars, so that most fit in two bytes.
SCALES = {"hourly_mean": 100, "hourly_median": 100, "jobs_per_1000": 1000, "location_quotient": 100}
TENS = ("mean", "median", "p10", "p25", "p75", "p90")
RANK_COLUMNS = {"mean": "mean", "median": "median", "employment": "employment", "concentration": "location_quotient"}
KINDS = {"state": ("state",), "area": ("metro", "nonmetro")}
SUGGESTIONS = 3
SUGGESTION_SCORE = 75  # of 100: 'Fargp' finds Fargo (80), 'Narnia' nothing (at most 67)


class Area(Record):
    code: str  # BLS area code, seven digits: '0022020', '3800000'
    name: str  # 'Fargo, ND-MN', 'North Dakota'
    kind: str  # 'state', 'metro' or 'nonmetro'
    states: tuple[str, ...] = ()  # two-letter codes of the states it touches


def open_db(data_dir: Path) -> sqlite3.Connection:
    """The bundled wage database, read-only."""
    return datafiles.open_db(data_dir / DB_NAME, "wage database", ("meta", "areas", "wages"))


def _area(row: tuple[int, str, str, str]) -> Area:
    return Area(f"{row[0]:07d}", row[1], row[2], tuple(row[3].split()))


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _areas(db: sqlite3.Connection, kinds: tuple[str, ...]) -> list[Area]:
    marks = ", ".join("?" * len(kinds))
    rows = db.execute(f"SELECT code, name, kind, states FROM areas WHERE kind IN ({marks}) ORDER BY name", kinds)
    return [_area(r) for r in rows]


def _places(name: str) -> list[str]:
    """The names a person may type for an area: each place of 'Fargo-Moorhead, ND-MN', and the whole."""
    head = name.rsplit(",", 1)[0]
    return [_normal(p) for p in re.split(r"[-/]", head)] + [_normal(head)]


def _did_you_mean(text: str, names: list[str]) -> str:
    """The names closest to a mistyped one, judged place by place: a whole-name score would find
    'Narnia' in 'Pennsylvania nonmetropolitan area' and suggest three areas no one meant."""
    from rapidfuzz import fuzz

    wanted = _normal(text)
    scored = sorted(((max(fuzz.ratio(wanted, p) for p in _places(n)), n) for n in names), key=lambda s: -s[0])
    found = [name for score, name in scored[:SUGGESTIONS] if score >= SUGGESTION_SCORE]
    return "; did you mean " + " or ".join(repr(name) for name in found) + "?" if found else ""


@datafiles.reads
def find_state(db: sqlite3.Connection, text: str) -> Area:
    """A state (or DC, Guam, Puerto Rico, the Virgin Islands) by two-letter code or name, any case."""
    wanted = _normal(text)
    states = _areas(db, KINDS["state"])
    for area in states:
        if wanted in (area.states[0].lower(), _normal(area.name)):
            return area
    hint = _did_you_mean(text, [a.name for a in states]) if len(wanted) > 2 else ""
    codes = ", ".join(sorted(a.states[0] for a in states))
    raise UsageError(f"unknown state {text!r}; valid: {codes}{hint}")


@datafiles.reads
def find_area(db: sqlite3.Connection, text: str) -> Area:
    """A metropolitan or nonmetropolitan area by code ('0022020', '22020'), name ('Fargo, ND-MN'),
    or a unique start of its words ('Fargo', 'fargo nd')."""
    wanted = _normal(text)
    if not wanted:
        raise UsageError("give an area's name or code, e.g. 'Fargo, ND-MN' or 22020")
    if wanted.isdigit():
        row = db.execute(
            "SELECT code, name, kind, states FROM areas WHERE code = ? AND kind != 'state'", (int(wanted),)
        ).fetchone()
        if row is None:
            raise UsageError(f"no metropolitan or nonmetropolitan area has the code {text.strip()!r}")
        return _area(row)
    # Most names are typed from their start ("Fargo", "fargo nd"): a prefix look-up in SQL answers
    # those without reading every area; anything else is matched against them all.
    starts = [
        a
        for a in map(
            _area,
            db.execute(
                "SELECT code, name, kind, states FROM areas WHERE kind != 'state' AND name LIKE ?",
                (wanted.split()[0] + "%",),
            ),
        )
        if _normal(a.name).startswith(wanted)
    ]
    if len(starts) == 1:
        return starts[0]
    areas = _areas(db, KINDS["area"])
    exact = [a for a in areas if _normal(a.name) == wanted]
    if exact:
        return exact[0]
    tokens = wanted.split()
    found = [a for a in areas if _has_words(_normal(a.name).split(), tokens)]
    if len(found) > 1:
        # 'New York' is the start of one name and inside another ('Eastern New York ...').
        starts = [a for a in found if _normal(a.name).startswith(wanted)]
        found = starts if len(starts) == 1 else found
    if len(found) == 1:
        return found[0]
    if found:
        listed = "; ".join(a.name for a in found[:8]) + ("; ..." if len(found) > 8 else "")
        raise UsageError(f"{text.strip()!r} matches {len(found)} areas: {listed}; give more of the name")
    raise UsageError(f"no area matches {text.strip()!r}{_did_you_mean(text, [a.name for a in areas])}")


def _has_words(words: list[str], tokens: list[str]) -> bool:
    """Every token starts some word of the name."""
    return all(any(w.startswith(t) for w in words) for t in tokens)


_SELECT = "SELECT " + ", ".join(WAGE_FIELDS) + ", at_least FROM wages"


def _wages(area: Area, period: str, values: tuple[int | None, ...] | None, basis: str | None) -> Wages:
    figures: dict[str, Any] = {}  # keyword arguments of Wages, each of its own type
    if values is not None:
        for name, value in zip(WAGE_FIELDS, values, strict=False):
            if value is not None:
                scale = SCALES.get(name)
                figures[name] = value / scale if scale else value * 10 if name in TENS else value
        at_least = values[len(WAGE_FIELDS)]
        if at_least:
            figures["at_least"] = tuple(str(at_least).split())
    if basis:
        figures["basis_code"] = basis
    return Wages(source="BLS OEWS", period=period, area=area.name, **figures)


def _period(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = 'period'").fetchone()
    return str(row[0]) if row else ""


def _soc(code: str) -> int:
    return int(code.replace("-", ""))


@datafiles.reads
def wages_for(db: sqlite3.Connection, area: Area, soc_codes: list[str]) -> Wages:
    """The area's wages for the first of the codes it publishes (the occupation, then its BLS
    group); every figure absent if it publishes none. basis_code is set when a group's was used."""
    period = _period(db)
    for i, code in enumerate(soc_codes):
        row = db.execute(_SELECT + " WHERE soc = ? AND area = ?", (_soc(code), int(area.code))).fetchone()
        if row is not None:
            return _wages(area, period, row, code if i else None)
    return _wages(area, period, None, None)


@datafiles.reads
def rank_areas(
    db: sqlite3.Connection,
    soc_codes: list[str],
    by: Literal["mean", "median", "employment", "concentration"] = "mean",
    kind: Literal["state", "area"] = "state",
    state: str | None = None,
    limit: int | None = 10,
) -> list[tuple[Area, Wages]]:
    """States, or metropolitan and nonmetropolitan areas (optionally of one state), highest first.

    Uses the first of the codes that any such area publishes; areas without the figure are left out.
    """
    if by not in RANK_COLUMNS:
        raise UsageError(f"unknown ranking {by!r}; valid: " + ", ".join(RANK_COLUMNS))
    if kind not in KINDS:
        raise UsageError(f"unknown kind of area {kind!r}; valid: state, area")
    column = RANK_COLUMNS[by]
    kinds = KINDS[kind]
    where = f"a.kind IN ({', '.join('?' * len(kinds))}) AND w.{column} IS NOT NULL"
    params: list[object] = list(kinds)
    if state:
        where += " AND (' ' || a.states || ' ') LIKE ?"
        params.append(f"% {state.strip().upper()} %")
    period = _period(db)
    columns = ", ".join(f"w.{f}" for f in WAGE_FIELDS)
    for i, code in enumerate(soc_codes):
        sql = (
            f"SELECT a.code, a.name, a.kind, a.states, {columns}, w.at_least FROM wages w "
            f"JOIN areas a ON a.code = w.area WHERE w.soc = ? AND {where} ORDER BY w.{column} DESC, a.name"
        )
        args: list[object] = [_soc(code), *params]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        rows = db.execute(sql, args).fetchall()
        if rows:
            out = []
            for r in rows:
                area = _area((r[0], r[1], r[2], r[3]))
                out.append((area, _wages(area, period, tuple(r[4:]), code if i else None)))
            return out
    return []


def state_codes(data_dir: Path) -> list[str]:
    """The two-letter codes of the states and territories with wages, for shell completion."""
    return sorted(a.states[0] for a in _areas(open_db(data_dir), KINDS["state"]))
