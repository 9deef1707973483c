"""data/wages.db: OEWS wages by state and by metropolitan and nonmetropolitan area, in SQLite.

The runtime (careerexplorer.areas) reads one row by primary key, so `--state` and `--area` never
parse the whole table. Figures are stored as integers to keep the file small: annual wages in
tens of dollars (BLS rounds them to $10), hourly wages in cents, jobs per 1,000 in thousandths,
location quotients in hundredths (BLS publishes exactly these precisions). Codes are integers too:
a SOC code 29-2072 is 292072, an area is its BLS code (0022020 is 22020, North Dakota 3800000 is 3800000).

The file is built from scratch in sorted order with a fixed page size, no timestamps, and
VACUUMed, so two builds from the same sources are byte-identical on one SQLite version.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from careerexplorer import sources as S
from careerexplorer.areas import DB_NAME, SCALES, TENS, WAGE_FIELDS
from tools.readers import wage_record

__all__ = ["DB_NAME", "build"]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE areas (
    code INTEGER PRIMARY KEY,       -- BLS area code as a number
    name TEXT NOT NULL,             -- 'North Dakota', 'Fargo, ND-MN'
    kind TEXT NOT NULL,             -- 'state', 'metro' or 'nonmetro'
    states TEXT NOT NULL            -- the two-letter codes the area touches, space-separated
);
CREATE TABLE wages (
    soc INTEGER NOT NULL,           -- 29-2072 is 292072
    area INTEGER NOT NULL REFERENCES areas(code),
    mean INTEGER, median INTEGER, p10 INTEGER, p25 INTEGER, p75 INTEGER, p90 INTEGER,  -- tens of dollars
    hourly_mean INTEGER, hourly_median INTEGER,     -- cents
    employment INTEGER,
    jobs_per_1000 INTEGER,          -- thousandths
    location_quotient INTEGER,      -- hundredths
    at_least TEXT,                  -- top-coded fields (BLS footnote 5), space-separated
    PRIMARY KEY (soc, area)
) WITHOUT ROWID;
"""

STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "GU": "Guam",
    "PR": "Puerto Rico",
    "VI": "Virgin Islands",
}
# State FIPS codes (the first two digits of BLS area codes), for nonmetropolitan areas.
FIPS = {
    "01": "AL",
    "02": "AK",
    "04": "AZ",
    "05": "AR",
    "06": "CA",
    "08": "CO",
    "09": "CT",
    "10": "DE",
    "11": "DC",
    "12": "FL",
    "13": "GA",
    "15": "HI",
    "16": "ID",
    "17": "IL",
    "18": "IN",
    "19": "IA",
    "20": "KS",
    "21": "KY",
    "22": "LA",
    "23": "ME",
    "24": "MD",
    "25": "MA",
    "26": "MI",
    "27": "MN",
    "28": "MS",
    "29": "MO",
    "30": "MT",
    "31": "NE",
    "32": "NV",
    "33": "NH",
    "34": "NJ",
    "35": "NM",
    "36": "NY",
    "37": "NC",
    "38": "ND",
    "39": "OH",
    "40": "OK",
    "41": "OR",
    "42": "PA",
    "44": "RI",
    "45": "SC",
    "46": "SD",
    "47": "TN",
    "48": "TX",
    "49": "UT",
    "50": "VT",
    "51": "VA",
    "53": "WA",
    "54": "WV",
    "55": "WI",
    "56": "WY",
    "66": "GU",
    "72": "PR",
    "78": "VI",
}
_STATE_LIST = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)$")


def soc_number(code: str) -> int:
    return int(code.replace("-", ""))


def area_of(r: dict[str, str]) -> tuple[int, str, str, str] | None:
    """(code, name, kind, states) of a state or area row; None for a row we do not keep."""
    code, name = r["AREA"], r["AREA_TITLE"]
    if r["AREA_TYPE"] == "S":
        abbr = next((a for a, n in STATES.items() if n == name), None)
        return None if abbr is None else (int(code), name, "state", abbr)
    if "nonmetropolitan" in name.lower():
        return int(code), name, "nonmetro", FIPS.get(code[:2], "")
    listed = _STATE_LIST.search(name)
    states = listed.group(1).replace("-", " ") if listed else FIPS.get(r.get("PRIM_STATE_FIPS", ""), "")
    return int(code), name, "metro", states


def stored(rec: dict[str, Any]) -> tuple[int | None, ...]:
    """A wage record as the integers of the wages table (in the order of WAGE_FIELDS)."""
    out: list[int | None] = []
    for f in WAGE_FIELDS:
        value = rec.get(f)
        if value is not None and f in TENS:
            if value % 10:
                raise ValueError(f"annual wage {value} is not a multiple of $10; store whole dollars (areas.TENS)")
            value //= 10
        out.append(None if value is None else round(value * SCALES.get(f, 1)))
    return tuple(out)


def build(rows: Iterable[dict[str, str]], path: Path) -> None:
    """Write the database at path (replacing it) from OEWS state and area rows."""
    areas: dict[int, tuple[int, str, str, str]] = {}
    wages: dict[tuple[int, int], tuple[Any, ...]] = {}
    for r in rows:
        if r["O_GROUP"] not in ("detailed", "broad"):
            continue
        area = area_of(r)
        if area is None:
            continue
        areas[area[0]] = area
        rec = wage_record(r, area_columns=True)
        at_least = " ".join(rec.get("at_least", ())) or None
        wages[(soc_number(r["OCC_CODE"]), area[0])] = (*stored(rec), at_least)
    if path.exists():
        path.unlink()
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA page_size = 4096")
        db.execute("PRAGMA journal_mode = OFF")
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("period", S.WAGES_PERIOD), ("source", "BLS OEWS")])
        db.executemany("INSERT INTO areas VALUES (?, ?, ?, ?)", [areas[k] for k in sorted(areas)])
        marks = ", ".join("?" * (len(WAGE_FIELDS) + 3))
        db.executemany(f"INSERT INTO wages VALUES ({marks})", [(*key, *wages[key]) for key in sorted(wages)])
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
