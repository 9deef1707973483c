"""Build data/ from the official source files.

    python -m tools.import_data ../shared/sources [--editorial FILE ...] [--data DIR]

Reads O*NET, BLS OEWS, BLS Employment Projections, the career-cluster crosswalks and the CIP-SOC
crosswalk in the layout described in README.md ("Refreshing the data"), and writes one profile per
O*NET-SOC occupation to data/careers/, the state wage table and the catalog index.

Facts are the importer's: every run rewrites them from the sources. Editorial content (summary,
course advice, notes, insider info, certifications, hand-added websites, program notes and
program order) belongs to the profile file and is carried over untouched. ``--editorial`` files
(TOML keyed by O*NET-SOC code) fill editorial fields that a profile does not have yet; they never
replace what is there. Output is deterministic, so a second run changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from careerexplorer import sources as S
from careerexplorer.schema import BLS_EDUCATION, INTERESTS
from tools.tomlwrite import dumps

ROOT = Path(__file__).resolve().parent.parent

EDITORIAL_KEYS = ("summary", "courses", "education_note", "programs_note", "requirements_note",
                  "additional_info", "insider", "certifications", "programs", "resources")
PROGRAM_LIMIT = 12
SEARCH_TITLE_LIMIT = 30
ALSO_CALLED_LIMIT = 6

# OEWS and EP publish these aggregates instead of the O*NET detailed codes (PROVENANCE.md, section 6).
AGGREGATES = {
    "13-1020": ("13-1021", "13-1022", "13-1023"),
    "13-2020": ("13-2022", "13-2023"),
    "21-1018": ("21-1011", "21-1014"),
    "25-2052": ("25-2055", "25-2056"),
    "25-9045": ("25-9042", "25-9043", "25-9049"),
    "29-2010": ("29-2011", "29-2012"),
    "31-1120": ("31-1121", "31-1122"),
    "39-7010": ("39-7011", "39-7012"),
    "47-4090": ("47-4091", "47-4099"),
    "51-2028": ("51-2022", "51-2023"),
    "51-2090": ("51-2092", "51-2099"),
    "53-1047": ("53-1042", "53-1043", "53-1044", "53-1049"),
}
AGGREGATE_OF = {soc: agg for agg, members in AGGREGATES.items() for soc in members}

# Display titles the singular rule gets wrong, by O*NET-SOC code.
TITLE_OVERRIDES: dict[str, str] = {
    "13-2099.04": "Fraud Examiner, Investigator, and Analyst",
    "53-6051.07": "Transportation Vehicle, Equipment and Systems Inspector, Except Aviation",
}

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "GU": "Guam", "PR": "Puerto Rico", "VI": "Virgin Islands",
}


# --- reading the sources ------------------------------------------------------------------


def onet_rows(path: Path) -> Iterator[dict[str, str]]:
    """O*NET text files: tab-separated, unquoted (a literal quote can occur inside a field)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row))


def csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    if text in ("", "-", "—", "*", "#", "**"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def whole(value: float | None, scale: float = 1) -> int | None:
    return None if value is None else int(round(value * scale))


# --- titles and slugs -----------------------------------------------------------------------

_STOP = re.compile(r"(,| of | for | in | on | to | at | from | with | and | or |\(| except )", re.IGNORECASE)
_UNCHANGED = {"police", "personnel", "staff", "equipment", "sales", "series", "species", "arts",
              "lens", "gas", "glass", "news", "athletics", "physics", "economics", "mathematics",
              "statistics", "electronics", "logistics", "aerobics", "analysis", "kinesiology",
              "diagnosis", "us", "is", "as", "bus", "biomass", "chassis", "occupations", "operations",
              "benefits", "claims", "securities", "commodities", "fibers", "forces"}


def singular_word(word: str) -> str:
    lower = word.lower()
    if lower.endswith("men"):
        return word[:-3] + "man"
    if lower in _UNCHANGED or not lower.endswith("s") or lower.endswith("ss"):
        return word
    if lower.endswith("wives"):
        return word[:-5] + "wife"
    for plural, single in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("zzes", "zz")):
        if lower.endswith(plural):
            return word[: -len(plural)] + single
    return word[:-1]


def singular_title(title: str) -> str:
    """The O*NET plural title in the singular, as a person says it: 'Registered Nurse'.

    Only the head noun of each listed job is changed: the word before 'and', a comma that
    separates jobs, or 'of' ('Supervisors of Retail Sales Workers' keeps 'Workers'). Qualifiers
    after the first comma ('Cooks, Fast Food') are left as they are unless they list more jobs.
    """
    if title.startswith("Helpers--"):
        return "Helper to " + title[len("Helpers--"):]
    head, comma, tail = title.partition(", ")
    is_list = bool(comma) and (", and " in title or tail.endswith("s") and not tail.startswith(("Except", "All Other")) and _looks_like_jobs(tail))
    parts = [title] if is_list else [head]
    out = []
    for part in parts:
        pieces = _STOP.split(part)
        # pieces alternate text, separator, text...; singularize the last word of each text
        # piece that is followed by a list separator or ends the phrase, until 'of'/'for'/'in'.
        result = []
        stopped = False
        for i, piece in enumerate(pieces):
            if i % 2 == 1:
                result.append(piece)
                if piece.strip().lower() in ("of", "for", "in", "on", "to", "at", "from", "with", "(", "except"):
                    stopped = True
                continue
            if stopped or not piece.strip():
                result.append(piece)
                continue
            words = piece.rstrip().split(" ")
            nxt = pieces[i + 1].strip().lower() if i + 1 < len(pieces) else ""
            if nxt in ("and", "or", ",", "") or nxt in ("of", "for", "in", "on", "to", "at", "from", "with", "(", "except"):
                words[-1] = singular_word(words[-1])
            result.append(" ".join(words) + piece[len(piece.rstrip()):])
        out.append("".join(result))
    return out[0] if is_list else out[0] + comma + tail


def _looks_like_jobs(tail: str) -> bool:
    last = tail.split(" ")[-1].lower()
    return last.endswith(("ers", "ors", "ists", "ians", "ants", "ents", "ates", "ges", "nts", "ics"))


def slugify(title: str) -> str:
    text = title.lower().replace("'", "").replace("’", "")
    return "-".join(re.findall(r"[a-z0-9]+", text))


# --- the import -----------------------------------------------------------------------------


@dataclass
class Sources:
    root: Path
    unmatched: list[str] = field(default_factory=list)

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)


def load_oews(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """National wages by SOC code, and the title of each code."""
    out: dict[str, dict[str, Any]] = {}
    titles: dict[str, str] = {}
    for r in csv_rows(path):
        code = r["OCC_CODE"]
        titles[code] = r["OCC_TITLE"]
        out[code] = wage_record(r)
    return out, titles


WAGE_COLUMNS = (("mean", "A_MEAN"), ("median", "A_MEDIAN"), ("p10", "A_PCT10"), ("p25", "A_PCT25"),
                ("p75", "A_PCT75"), ("p90", "A_PCT90"), ("hourly_mean", "H_MEAN"),
                ("hourly_median", "H_MEDIAN"), ("employment", "TOT_EMP"))


def wage_record(r: dict[str, str]) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    at_least = []
    for name, col in WAGE_COLUMNS:
        value = number(r[col])
        if value is None:
            continue
        rec[name] = round(value, 2) if name.startswith("hourly") else int(value)
        if r.get("FN_" + col, "").strip() == "5":  # footnote 5: this figure or more
            at_least.append(name)
    if at_least:
        rec["at_least"] = at_least
    return rec


def load_projections(path: Path) -> tuple[dict[str, dict[str, str]], float]:
    rows = {}
    average = 0.0
    for r in csv_rows(path):
        code = r["2024 National Employment Matrix code"]
        if code == "00-0000":
            average = float(r["Employment change, percent, 2024-34"])
        if r["Occupation type"] == "Line item":
            rows[code] = r
    return rows, average


def figures_for(soc: str, table: dict[str, Any]) -> tuple[Any, str | None]:
    """A row for a SOC code, or its aggregate's row (returning the aggregate code used)."""
    if soc in table:
        return table[soc], None
    agg = AGGREGATE_OF.get(soc)
    if agg and agg in table:
        return table[agg], agg
    return None, None


def build(src: Sources, existing: dict[str, dict[str, Any]], editorial: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One profile document per O*NET-SOC code, keyed by slug."""
    rows = list(onet_rows(src.path("onet", "Occupation Data.txt")))
    occupations = {r["O*NET-SOC Code"]: r["Title"] for r in rows}
    descriptions = {r["O*NET-SOC Code"]: r["Description"] for r in rows}
    tasks: dict[str, list[str]] = defaultdict(list)
    if src.path("onet", "Task Statements.txt").is_file():
        for r in onet_rows(src.path("onet", "Task Statements.txt")):
            tasks[r["O*NET-SOC Code"]].append(r["Task"])
    slugs = assign_slugs(occupations)
    oews, oews_titles = load_oews(src.path("bls-oews", "oews_national_M2025.csv"))
    ep, average = load_projections(src.path("bls-projections", "ep_table_1_2_occupational_projections_2024_34.csv"))

    also, search = alternate_titles(src)
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in onet_rows(src.path("onet", "Job Zones.txt"))}
    interests: dict[str, dict[str, float]] = defaultdict(dict)
    for r in onet_rows(src.path("onet", "Interests.txt")):
        if r["Scale ID"] == "OI":
            interests[r["O*NET-SOC Code"]][r["Element Name"].lower()] = float(r["Data Value"])
    related: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in onet_rows(src.path("onet", "Related Occupations.txt")):
        if r["Relatedness Tier"].startswith("Primary"):
            related[r["O*NET-SOC Code"]].append((int(r["Index"]), r["Related O*NET-SOC Code"]))
    skills = top_elements(src.path("onet", "Skills.txt"), 8)
    knowledge = top_elements(src.path("onet", "Knowledge.txt"), 6)
    technology = top_technology(src.path("onet", "Technology Skills.txt"), 8)
    bright = {r["Code"]: r["Categories"].split("; ") for r in csv_rows(src.path("onet", "bright-outlook", "All_Bright_Outlook_Occupations.csv"))}
    clusters = cluster_assignments(src, occupations)
    clusters_2024 = {}
    for r in csv_rows(src.path("career-clusters", "advance-cte-2024", "SOC_CareerCluster_SubCluster.csv")):
        clusters_2024.setdefault(r["SOC Code"], (r["Career Cluster"], r["Sub-Cluster"]))
    programs = cip_programs(src)

    docs: dict[str, dict[str, Any]] = {}
    for code, onet_title in occupations.items():
        slug = slugs[code]
        soc = code[:7]
        old = existing.get(slug, {})
        extra = editorial.get(code, {})
        doc: dict[str, Any] = {
            "slug": slug,
            "title": TITLE_OVERRIDES.get(code) or singular_title(onet_title),
            "onet_code": code,
            "soc_code": soc,
            "onet_title": onet_title,
        }
        summary = old.get("summary") or extra.get("summary")
        if not summary:
            src.unmatched.append(f"{code} {onet_title}: no summary (profile not written)")
            continue
        doc["summary"] = summary
        for echo in echoes(summary, [descriptions[code], *tasks.get(code, [])]):
            src.unmatched.append(f"{code} {onet_title}: summary repeats O*NET wording: {echo!r}")
        doc["also_called"] = also.get(code, [])
        doc["search_titles"] = search.get(code, [])
        cluster, pathway = clusters.get(code, (None, None))
        if cluster is None:
            src.unmatched.append(f"{code} {onet_title}: no career cluster (profile not written)")
            continue
        doc["cluster"], doc["pathway"] = cluster, pathway
        c24, agg = figures_for(soc, clusters_2024)
        if c24:
            doc["cluster_2024"], doc["subcluster_2024"] = c24
        if code in zones:
            doc["job_zone"] = zones[code]
        doc["bright_outlook"] = bright.get(code, [])
        for key in ("courses", "education_note", "programs_note", "requirements_note", "additional_info"):
            value = old.get(key, extra.get(key))
            if value:
                doc[key] = value
        doc["related"] = [{"slug": slugs[r], "title": TITLE_OVERRIDES.get(r) or singular_title(occupations[r])}
                          for _, r in sorted(related.get(code, [])) if r in slugs][:10]
        for key, table in (("skills", skills), ("knowledge", knowledge), ("technology", technology)):
            if table.get(code):
                doc[key] = table[code]

        wages, agg = figures_for(soc, oews)
        if wages:
            doc["wages"] = {"source": "BLS OEWS", "period": S.WAGES_PERIOD, "area": "U.S."}
            if agg or shares_soc(code, occupations):
                # Figures for a broader BLS group than this occupation: say which.
                doc["wages"].update(basis_code=agg or soc, basis_title=oews_titles[agg or soc])
            doc["wages"].update(wages)
        else:
            src.unmatched.append(f"{code} {onet_title}: no OEWS {S.WAGES_PERIOD} wages")
        row, agg = figures_for(soc, ep)
        if row:
            basis = agg or (soc if shares_soc(code, occupations) else None)
            doc["outlook"] = outlook_table(row, basis, average)
            education = education_table(row, basis)
            if education:
                doc["education"] = education
        else:
            src.unmatched.append(f"{code} {onet_title}: no BLS projections {S.PROJECTIONS_PERIOD}")
        if interests.get(code):
            doc["interests"] = {k: interests[code][k] for k in INTERESTS if k in interests[code]}
        doc["programs"] = merge_programs(old.get("programs") or extra.get("programs", []), programs.get(soc, []))
        if not doc["programs"]:
            del doc["programs"]
        for key in ("insider", "certifications"):
            value = old.get(key, extra.get(key))
            if value:
                doc[key] = value
        doc["sources"] = profile_sources(code, "wages" in doc, "outlook" in doc)
        doc["resources"] = merge_resources(old.get("resources") or extra.get("resources", []), generated_resources(code, row))
        docs[slug] = {k: v for k, v in doc.items() if v not in ([], None, "")}
    return docs


def shares_soc(code: str, occupations: dict[str, str]) -> bool:
    """Whether other O*NET occupations share this one's SOC code (and so its BLS figures)."""
    return sum(1 for other in occupations if other[:7] == code[:7]) > 1


ECHO_WORDS = 5


def echoes(summary: str, texts: list[str]) -> list[str]:
    """Runs of five or more words that a summary shares with O*NET's own text: ours must not copy."""
    words = re.findall(r"[a-z0-9']+", summary.lower())
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        theirs = re.findall(r"[a-z0-9']+", text.lower())
        grams |= {tuple(theirs[i : i + ECHO_WORDS]) for i in range(len(theirs) - ECHO_WORDS + 1)}
    return [" ".join(words[i : i + ECHO_WORDS]) for i in range(len(words) - ECHO_WORDS + 1)
            if tuple(words[i : i + ECHO_WORDS]) in grams]


def assign_slugs(occupations: dict[str, str]) -> dict[str, str]:
    slugs: dict[str, str] = {}
    taken: dict[str, str] = {}
    for code, title in occupations.items():
        slug = slugify(TITLE_OVERRIDES.get(code) or singular_title(title))
        if slug in taken:
            slug = f"{slug}-{code.replace('.', '-')}"
        taken[slug] = code
        slugs[code] = slug
    return slugs


def alternate_titles(src: Sources) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Titles shown as 'also called' (O*NET's My Next Move reported titles) and those for search."""
    shown: dict[str, list[str]] = defaultdict(list)
    others: dict[str, list[str]] = defaultdict(list)
    for r in onet_rows(src.path("onet", "Sample of Reported Titles.txt")):
        target = shown if r["Shown in My Next Move"] == "Y" else others
        target[r["O*NET-SOC Code"]].append(r["Reported Job Title"])
    alternates: dict[str, list[str]] = defaultdict(list)
    for r in onet_rows(src.path("onet", "Alternate Titles.txt")):
        alternates[r["O*NET-SOC Code"]].append(r["Alternate Title"])
        if r["Short Title"]:
            alternates[r["O*NET-SOC Code"]].append(r["Short Title"])
    also: dict[str, list[str]] = {}
    search: dict[str, list[str]] = {}
    for code in set(shown) | set(others) | set(alternates):
        seen: set[str] = set()
        also[code] = _unique(shown[code], seen)[:ALSO_CALLED_LIMIT]
        seen = {t.lower() for t in also[code]}
        pool = others[code] + sorted(alternates[code], key=lambda t: (len(t), t))
        search[code] = _unique(pool, seen)[:SEARCH_TITLE_LIMIT]
    return also, search


def _unique(titles: list[str], seen: set[str]) -> list[str]:
    out = []
    for t in titles:
        if t.lower() not in seen:
            seen.add(t.lower())
            out.append(t)
    return out


def top_elements(path: Path, limit: int) -> dict[str, list[str]]:
    scores: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for r in onet_rows(path):
        if r["Scale ID"] == "IM" and r.get("Recommend Suppress") != "Y":
            scores[r["O*NET-SOC Code"]].append((-float(r["Data Value"]), r["Element Name"]))
    return {code: [name for _, name in sorted(items)[:limit]] for code, items in scores.items()}


def top_technology(path: Path, limit: int) -> dict[str, list[str]]:
    items: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in onet_rows(path):
        rank = (r["Hot Technology"] != "Y") + (r["In Demand"] != "Y")
        items[r["O*NET-SOC Code"]].append((rank, r["Example"]))
    return {code: _unique([name for _, name in sorted(v)], set())[:limit] for code, v in items.items()}


def cluster_assignments(src: Sources, occupations: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The first listed 16-cluster assignment; codes missing from the export take a sibling's."""
    out = {}
    for r in csv_rows(src.path("career-clusters", "onet-online-16x79", "All_Career_Clusters.csv")):
        cluster = r["Career Cluster"].split("; ")[0]
        pathway = r["Career Pathway"].split("; ")[0]
        out[r["Code"]] = (cluster, pathway)
    for code in occupations:
        if code not in out:
            sibling = next((c for c in sorted(out) if c[:7] == code[:7]), None)
            if sibling:
                out[code] = out[sibling]
                src.unmatched.append(f"{code} {occupations[code]}: not in the cluster export; took {sibling}'s")
    return out


def cip_programs(src: Sources) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in csv_rows(src.path("cip-soc", "CIP2020_SOC2018_Crosswalk_CIP-SOC.csv")):
        soc = r["SOC2018Code"].strip()
        if soc.startswith("99-"):
            continue
        out[soc].append({"cip": r["CIP2020Code"].strip(), "title": r["CIP2020Title"].strip().rstrip(".")})
    for soc in out:
        out[soc].sort(key=lambda p: p["cip"])
    return out


def merge_programs(old: list[dict[str, Any]], new: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Source programs, in the order the profile already had them, hand-written notes kept."""
    by_cip = {p["cip"]: p for p in new}
    notes = {p["cip"]: p.get("note") for p in old}
    order = [p["cip"] for p in old if p["cip"] in by_cip] + [c for c in by_cip if c not in {p["cip"] for p in old}]
    out = []
    for cip in order[: max(PROGRAM_LIMIT, len(old))]:
        item = dict(by_cip[cip])
        if notes.get(cip):
            item["note"] = notes[cip]
        out.append(item)
    return out


def generated_resources(code: str, ep_row: dict[str, str] | None) -> list[dict[str, str]]:
    out = []
    if ep_row and ep_row.get("Related OOH content URL (hyperlink target of previous column)", "").startswith("http"):
        out.append({"name": "BLS Occupational Outlook Handbook",
                    "url": ep_row["Related OOH content URL (hyperlink target of previous column)"]})
    out.append({"name": "O*NET OnLine", "url": f"https://www.onetonline.org/link/summary/{code}"})
    return out


def merge_resources(old: list[dict[str, str]], generated: list[dict[str, str]]) -> list[dict[str, str]]:
    generated_names = {g["name"] for g in generated}
    return [r for r in old if r["name"] not in generated_names] + generated


def outlook_table(row: dict[str, str], agg: str | None, average: float) -> dict[str, Any]:
    out: dict[str, Any] = {"source": "BLS Employment Projections", "period": S.PROJECTIONS_PERIOD}
    if agg:
        out.update(basis_code=agg, basis_title=row["2024 National Employment Matrix title"])
    values = {
        "employment_start": whole(number(row["Employment, 2024"]), 1000),
        "employment_end": whole(number(row["Employment, 2034"]), 1000),
        "change_number": whole(number(row["Employment change, numeric, 2024-34"]), 1000),
        "change_pct": number(row["Employment change, percent, 2024-34"]),
        "openings": whole(number(row["Occupational openings, 2024-34 annual average"]), 1000),
        "average_change_pct": average,
    }
    out.update({k: v for k, v in values.items() if v is not None})
    return out


def education_table(row: dict[str, str], agg: str | None) -> dict[str, Any] | None:
    entry = row["Typical education needed for entry"].strip()
    if entry not in BLS_EDUCATION:
        return None
    out: dict[str, Any] = {"source": "BLS Employment Projections", "period": S.PROJECTIONS_PERIOD, "typical_entry": entry}
    if agg:
        out.update(basis_code=agg, basis_title=row["2024 National Employment Matrix title"])
    for key, col in (("experience", "Work experience in a related occupation"),
                     ("training", "Typical on-the-job training needed to attain competency in the occupation")):
        if row[col].strip() not in ("", "—"):
            out[key] = row[col].strip()
    return out


def profile_sources(code: str, wages: bool, projections: bool) -> list[str]:
    """The citations of what this profile actually carries."""
    return [
        *([f"Wages: BLS Occupational Employment and Wage Statistics, {S.WAGES_PERIOD}, U.S."] if wages else []),
        *([f"Outlook and education: BLS Employment Projections {S.PROJECTIONS_PERIOD}"] if projections else []),
        f"Occupation data: {S.ONET_RELEASE} Database, USDOL/ETA (CC BY 4.0), {code}",
        "Programs: NCES CIP 2020 to SOC 2018 crosswalk; clusters: O*NET OnLine Career Clusters, Advance CTE 2024",
    ]


def state_wages(src: Sources) -> dict[str, Any]:
    """A compact table: state code -> SOC code -> [mean, median, p10, p25, p75, p90, employment]."""
    fields = ("mean", "median", "p10", "p25", "p75", "p90", "employment")
    by_name = {name: code for code, name in STATES.items()}
    states: dict[str, dict[str, list[int | None]]] = {}
    for r in csv_rows(src.path("bls-oews", "oews_state_M2025.csv")):
        code = by_name.get(r["AREA_TITLE"])
        if code is None or r["O_GROUP"] not in ("detailed", "broad"):
            continue
        rec = wage_record(r)
        states.setdefault(code, {})[r["OCC_CODE"]] = [rec.get(f) for f in fields]
    return {"period": S.WAGES_PERIOD, "source": "BLS OEWS", "fields": list(fields),
            "names": {c: STATES[c] for c in sorted(states)}, "states": {c: states[c] for c in sorted(states)}}


def read_existing(folder: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            out[path.stem] = tomli.load(fh)
    return out


def read_editorial(paths: list[Path]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for path in paths:
        with path.open("rb") as fh:
            for code, fields in tomli.load(fh).items():
                for key, value in fields.items():
                    if key in EDITORIAL_KEYS:
                        out[code].setdefault(key, value)
    return out


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def run(source_root: Path, data_dir: Path, editorial_files: list[Path]) -> tuple[int, int, list[str]]:
    src = Sources(source_root)
    careers = data_dir / "careers"
    careers.mkdir(parents=True, exist_ok=True)
    existing = read_existing(careers)
    docs = build(src, existing, read_editorial(editorial_files))
    changed = sum(write_if_changed(careers / f"{slug}.toml", dumps(doc)) for slug, doc in sorted(docs.items()))
    for slug in sorted(set(existing) - set(docs)):
        src.unmatched.append(f"{slug}: kept, but not produced by this import (hand-made or retired)")
    states = json.dumps(state_wages(src), separators=(",", ":"), sort_keys=True) + "\n"
    changed += write_if_changed(data_dir / "states.json", states)
    from careerexplorer.build import index_files

    for name, content in index_files(data_dir).items():
        changed += write_if_changed(data_dir / name, content)
    return len(docs), changed, src.unmatched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.import_data", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", type=Path, help="folder with the official files (layout in README.md)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder to write (default: data/)")
    parser.add_argument("--editorial", type=Path, action="append", default=[], help="TOML of editorial fields by O*NET-SOC code")
    parser.add_argument("--quiet", action="store_true", help="do not list what could not be matched")
    args = parser.parse_args(argv)
    if not (args.sources / "onet" / "Occupation Data.txt").is_file():
        print(f"import_data: {args.sources} does not look like the sources folder (no onet/Occupation Data.txt)", file=sys.stderr)
        return 1
    written, changed, unmatched = run(args.sources, args.data, args.editorial)
    if not args.quiet:
        for line in unmatched:
            print(f"unmatched: {line}")
    print(f"{written} profiles; {changed} files changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
