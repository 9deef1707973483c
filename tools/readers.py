"""One reader per official source file: the file's rows in, plain Python tables out.

File names, publishers and vintages are in careerexplorer.sources.FILES; nothing here names a
file or a year, so a new release changes that table only.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerexplorer import sources as S

# OEWS footnote 5: "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
# BLS prints '-' for such a value; we store the cap and list the field in `at_least`.
TOP_CODED_ANNUAL = 239200
TOP_CODED_HOURLY = 115.0

WAGE_COLUMNS = (
    ("mean", "A_MEAN"),
    ("median", "A_MEDIAN"),
    ("p10", "A_PCT10"),
    ("p25", "A_PCT25"),
    ("p75", "A_PCT75"),
    ("p90", "A_PCT90"),
    ("hourly_mean", "H_MEAN"),
    ("hourly_median", "H_MEDIAN"),
    ("employment", "TOT_EMP"),
)
AREA_COLUMNS = (("jobs_per_1000", "JOBS_1000"), ("location_quotient", "LOC_QUOTIENT"))


@dataclass
class Sources:
    """The sources folder, and what the import could not match (reported, never fatal)."""

    root: Path
    unmatched: list[str] = field(default_factory=list)

    def path(self, key: str) -> Path:
        return self.root / S.FILES[key][0]

    def has(self, key: str) -> bool:
        return self.path(key).is_file()


def onet_rows(path: Path) -> Iterator[dict[str, str]]:
    """O*NET text files: tab-separated, unquoted (a literal quote can occur inside a field)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row, strict=False))


def csv_rows(path: Path) -> Iterator[dict[str, str]]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as gz:
            yield from csv.DictReader(gz)
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def number(text: str | None) -> float | None:
    text = (text or "").strip().replace(",", "")
    if text in ("", "-", "—", "*", "#", "**"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def whole(value: float | None, scale: float = 1) -> int | None:
    return None if value is None else round(value * scale)


# --- O*NET ------------------------------------------------------------------------------------


def read_occupations(src: Sources) -> tuple[dict[str, str], dict[str, str]]:
    """Titles and descriptions by O*NET-SOC code, in the file's order."""
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for r in onet_rows(src.path("occupations")):
        titles[r["O*NET-SOC Code"]] = r["Title"]
        descriptions[r["O*NET-SOC Code"]] = r["Description"]
    return titles, descriptions


def read_tasks(src: Sources) -> dict[str, list[str]]:
    """Task statements: only to check that our summaries do not copy them; never shown."""
    tasks: dict[str, list[str]] = defaultdict(list)
    if src.has("tasks"):
        for r in onet_rows(src.path("tasks")):
            tasks[r["O*NET-SOC Code"]].append(r["Task"])
    return tasks


def read_reported_titles(src: Sources) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Reported titles: those My Next Move shows, and the others."""
    shown: dict[str, list[str]] = defaultdict(list)
    others: dict[str, list[str]] = defaultdict(list)
    for r in onet_rows(src.path("reported_titles")):
        target = shown if r["Shown in My Next Move"] == "Y" else others
        target[r["O*NET-SOC Code"]].append(r["Reported Job Title"])
    return shown, others


def read_alternate_titles(src: Sources) -> dict[str, list[str]]:
    alternates: dict[str, list[str]] = defaultdict(list)
    for r in onet_rows(src.path("alternate_titles")):
        alternates[r["O*NET-SOC Code"]].append(r["Alternate Title"])
        if r["Short Title"]:
            alternates[r["O*NET-SOC Code"]].append(r["Short Title"])
    return alternates


def read_job_zones(src: Sources) -> dict[str, int]:
    return {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in onet_rows(src.path("job_zones"))}


def read_interests(src: Sources) -> dict[str, dict[str, float]]:
    interests: dict[str, dict[str, float]] = defaultdict(dict)
    for r in onet_rows(src.path("interests")):
        if r["Scale ID"] == "OI":
            interests[r["O*NET-SOC Code"]][r["Element Name"].lower()] = float(r["Data Value"])
    return interests


def read_related(src: Sources) -> dict[str, list[str]]:
    """Primary related occupations, in O*NET's order."""
    related: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in onet_rows(src.path("related")):
        if r["Relatedness Tier"].startswith("Primary"):
            related[r["O*NET-SOC Code"]].append((int(r["Index"]), r["Related O*NET-SOC Code"]))
    return {code: [other for _, other in sorted(items)] for code, items in related.items()}


def read_top_elements(src: Sources, key: str, limit: int) -> dict[str, list[str]]:
    """Skills or knowledge: the most important ones by O*NET's importance scale."""
    scores: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for r in onet_rows(src.path(key)):
        if r["Scale ID"] == "IM" and r.get("Recommend Suppress") != "Y":
            scores[r["O*NET-SOC Code"]].append((-float(r["Data Value"]), r["Element Name"]))
    return {code: [name for _, name in sorted(items)[:limit]] for code, items in scores.items()}


def read_technology(src: Sources, limit: int) -> dict[str, list[str]]:
    """Technology examples, hot and in-demand ones first."""
    items: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in onet_rows(src.path("technology")):
        rank = (r["Hot Technology"] != "Y") + (r["In Demand"] != "Y")
        items[r["O*NET-SOC Code"]].append((rank, r["Example"]))
    out = {}
    for code, values in items.items():
        names: dict[str, str] = {}  # one example per case-insensitive name, in rank order
        for _, name in sorted(values):
            names.setdefault(name.lower(), name)
        out[code] = list(names.values())[:limit]
    return out


def read_work_activities(src: Sources) -> dict[str, list[str]]:
    """Each occupation's detailed work activities (labels), those covering most of its tasks first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    if src.has("task_activities"):
        for r in onet_rows(src.path("task_activities")):
            counts[r["O*NET-SOC Code"]][r["DWA Title"]] += 1
    return {code: [t for t, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))] for code, c in counts.items()}


def read_tools(src: Sources) -> dict[str, list[str]]:
    """Tools used and technology examples (labels), for search."""
    tools: dict[str, list[str]] = defaultdict(list)
    for key in ("tools", "technology"):
        if src.has(key):
            for r in onet_rows(src.path(key)):
                tools[r["O*NET-SOC Code"]].append(r["Example"])
    return tools


def read_bright_outlook(src: Sources) -> dict[str, list[str]]:
    return {r["Code"]: r["Categories"].split("; ") for r in csv_rows(src.path("bright_outlook"))}


# --- career clusters --------------------------------------------------------------------------


def read_clusters_16(src: Sources) -> dict[str, list[tuple[str, str]]]:
    """Every (cluster, pathway) the 16-cluster export lists for a code, in its order, once each."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in csv_rows(src.path("clusters_16")):
        pairs = zip(r["Career Cluster"].split("; "), r["Career Pathway"].split("; "), strict=False)
        for pair in pairs:
            if pair not in out[r["Code"]]:
                out[r["Code"]].append(pair)
    return out


def read_clusters_2024(src: Sources) -> dict[str, list[tuple[str, str]]]:
    """Every (cluster, sub-cluster) of the 2024 crosswalk for a SOC code, in its order, once each."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in csv_rows(src.path("clusters_2024")):
        pair = (r["Career Cluster"], r["Sub-Cluster"])
        if pair not in out[r["SOC Code"]]:
            out[r["SOC Code"]].append(pair)
    return out


# --- BLS ----------------------------------------------------------------------------------------


def wage_record(r: dict[str, str], area_columns: bool = False) -> dict[str, Any]:
    """One OEWS row's figures. Not published ('-') is absent, never 0; top-coded is the cap."""
    rec: dict[str, Any] = {}
    at_least = []
    for name, col in WAGE_COLUMNS + (AREA_COLUMNS if area_columns else ()):
        value = number(r.get(col))
        top_coded = (r.get("FN_" + col) or "").strip() == "5"
        if value is None and top_coded:
            value = TOP_CODED_HOURLY if name.startswith("hourly") else TOP_CODED_ANNUAL
        if value is None:
            continue
        if name.startswith("hourly") or name in ("jobs_per_1000", "location_quotient"):
            rec[name] = round(value, 3)
        else:
            rec[name] = int(value)
        if top_coded:
            at_least.append(name)
    if at_least:
        rec["at_least"] = at_least
    return rec


def read_oews_national(src: Sources) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """National wages by SOC code (every level), and the title of each code."""
    out: dict[str, dict[str, Any]] = {}
    titles: dict[str, str] = {}
    for r in csv_rows(src.path("oews_national")):
        titles[r["OCC_CODE"]] = r["OCC_TITLE"]
        out[r["OCC_CODE"]] = wage_record(r)
    return out, titles


def read_oews_areas(src: Sources) -> Iterator[dict[str, str]]:
    """State rows, then metropolitan and nonmetropolitan area rows, as published."""
    yield from csv_rows(src.path("oews_state"))
    if src.has("oews_metro"):
        yield from csv_rows(src.path("oews_metro"))


# EP table 1.2 names its columns by the projection period ("2024-34": base year 2024, end 2034).
EP_START = S.PROJECTIONS_PERIOD[:4]
EP_END = S.PROJECTIONS_PERIOD[:2] + S.PROJECTIONS_PERIOD[-2:]
EP = {
    "code": f"{EP_START} National Employment Matrix code",
    "title": f"{EP_START} National Employment Matrix title",
    "start": f"Employment, {EP_START}",
    "end": f"Employment, {EP_END}",
    "change": f"Employment change, numeric, {S.PROJECTIONS_PERIOD}",
    "change_pct": f"Employment change, percent, {S.PROJECTIONS_PERIOD}",
    "openings": f"Occupational openings, {S.PROJECTIONS_PERIOD} annual average",
    "self_employed": f"Percent self employed, {EP_START}",
    "education": "Typical education needed for entry",
    "experience": "Work experience in a related occupation",
    "training": "Typical on-the-job training needed to attain competency in the occupation",
    "ooh_url": "Related OOH content URL (hyperlink target of previous column)",
}


def read_projections(src: Sources) -> tuple[dict[str, dict[str, str]], float | None]:
    """Line items of EP table 1.2 by code, and the all-occupations change in per cent."""
    rows = {}
    average = None
    for r in csv_rows(src.path("projections")):
        code = r[EP["code"]]
        if code == "00-0000":
            average = number(r[EP["change_pct"]])
        if r["Occupation type"] == "Line item":
            rows[code] = r
    return rows, average


def read_cip(src: Sources) -> dict[str, list[dict[str, str]]]:
    """Postsecondary programs by SOC code, by CIP code."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in csv_rows(src.path("cip_soc")):
        soc = r["SOC2018Code"].strip()
        if soc.startswith("99-"):
            continue
        out[soc].append({"cip": r["CIP2020Code"].strip(), "title": r["CIP2020Title"].strip().rstrip(".")})
    for programs in out.values():
        programs.sort(key=lambda p: p["cip"])
    return out
