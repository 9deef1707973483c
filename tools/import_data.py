"""Build data/ from the official source files.

    python -m tools.import_data ../shared/sources [--editorial FILE ...] [--data DIR]

Reads O*NET, BLS OEWS, BLS Employment Projections, the career-cluster crosswalks and the CIP-SOC
crosswalk (file names and vintages: careerexplorer.sources.FILES; layout: README.md, "Refreshing
the data"), and writes one profile per O*NET-SOC occupation to data/careers/, the area wage
database data/wages.db and the catalog index.

Facts are the importer's: every run rewrites them from the sources. Editorial content (summary,
course advice, notes, insider info, certifications, hand-added websites, program notes and
program order) belongs to the profile file and is carried over untouched, matched by O*NET-SOC
code so that a title change (and so a new slug) keeps it. ``--editorial`` files (TOML keyed by
O*NET-SOC code) fill editorial fields that a profile does not have yet; they never replace what
is there. Output is deterministic, so a second run changes nothing.

How it is laid out: tools/readers.py has one reader per source file; `read_tables` calls them
all once; `build` runs the STEPS below, one per section of a profile, for every occupation.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from careerexplorer import sources as S
from careerexplorer.model import BLS_EDUCATION, INTERESTS
from tools import readers as R
from tools import wagesdb
from tools.readers import EP, Sources
from tools.titles import assign_slugs, display_title
from tools.tomlwrite import dumps

ROOT = Path(__file__).resolve().parent.parent
# Reviewed entry steps by career family; baked into profiles so that `show` reads one file.
ROUTES = ROOT / "data" / "entry_steps.toml"

EDITORIAL_KEYS = (
    "summary",
    "courses",
    "education_note",
    "programs_note",
    "requirements_note",
    "additional_info",
    "insider",
    "certifications",
    "programs",
    "resources",
)
SEARCH_TITLE_LIMIT = 30
ALSO_CALLED_LIMIT = 6
RELATED_LIMIT = 10

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

# Codes newer than the 16-cluster export take the cluster and pathway the framework gives the
# most comparable work: penetration testing, information security engineering and digital
# forensics are information-security work, which the framework puts where it puts 15-1212
# Information Security Analysts; blockchain engineering is software development (15-1252
# Software Developers); biologists sit with the other 19-1029 biological scientists.
COMPARABLE = {
    "15-1299.04": "15-1212.00",
    "15-1299.05": "15-1212.00",
    "15-1299.06": "15-1212.00",
    "15-1299.07": "15-1252.00",
    "19-1029.04": "19-1029.00",
}


class Skip(Exception):
    """A profile that cannot be written; the reason goes to the list of what was not matched."""


@dataclass
class Tables:
    """Everything read from the sources, once."""

    occupations: dict[str, str]
    descriptions: dict[str, str]
    tasks: dict[str, list[str]]
    titles: dict[str, str]  # display titles
    slugs: dict[str, str]
    also_called: dict[str, list[str]]
    search_titles: dict[str, list[str]]
    job_zones: dict[str, int]
    interests: dict[str, dict[str, float]]
    related: dict[str, list[str]]
    skills: dict[str, list[str]]
    knowledge: dict[str, list[str]]
    technology: dict[str, list[str]]
    bright: dict[str, list[str]]
    clusters: dict[str, list[tuple[str, str]]]
    clusters_2024: dict[str, list[tuple[str, str]]]
    oews: dict[str, dict[str, Any]]
    oews_titles: dict[str, str]
    projections: dict[str, dict[str, str]]
    average_change: float | None
    programs: dict[str, list[dict[str, str]]]
    shared_soc: set[str] = field(default_factory=set)  # SOC codes of more than one O*NET occupation
    routes: dict[str, dict[str, Any]] = field(default_factory=dict)  # entry routes by O*NET-SOC code


@dataclass
class Item:
    """One occupation being built: its code, the profile it had (by code), editorial fill-ins."""

    code: str
    old: dict[str, Any]
    extra: dict[str, Any]

    @property
    def soc(self) -> str:
        return self.code[:7]

    def editorial(self, key: str) -> Any:
        return self.old.get(key) or self.extra.get(key)


def read_tables(src: Sources) -> Tables:
    occupations, descriptions = R.read_occupations(src)
    titles = {code: display_title(code, title) for code, title in occupations.items()}
    also, search = alternate_titles(src, titles, occupations)
    oews, oews_titles = R.read_oews_national(src)
    projections, average = R.read_projections(src)
    socs = [code[:7] for code in occupations]
    return Tables(
        occupations=occupations,
        descriptions=descriptions,
        tasks=R.read_tasks(src),
        titles=titles,
        slugs=assign_slugs(titles),
        also_called=also,
        search_titles=search,
        job_zones=R.read_job_zones(src),
        interests=R.read_interests(src),
        related=R.read_related(src),
        skills=R.read_top_elements(src, "skills", 8),
        knowledge=R.read_top_elements(src, "knowledge", 6),
        technology=R.read_technology(src, 8),
        bright=R.read_bright_outlook(src),
        clusters=cluster_assignments(src, occupations),
        clusters_2024=R.read_clusters_2024(src),
        oews=oews,
        oews_titles=oews_titles,
        projections=projections,
        average_change=average,
        programs=R.read_cip(src),
        shared_soc={soc for soc in socs if socs.count(soc) > 1},
        routes=read_routes(ROUTES, occupations),
    )


def read_routes(path: Path, occupations: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The reviewed entry steps by career family (data/entry_steps.toml), by O*NET-SOC code.

    A code given to two rows, or a key the profile format does not know, stops the import with one
    line naming the row. tests/test_entry_steps.py checks that every code is a bundled career.
    """
    from careerexplorer.schema import PROFILE_FIELDS, check

    with path.open("rb") as fh:
        rows = tomli.load(fh).get("route", [])
    out: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for row in rows:
        route = {k: v for k, v in row.items() if k != "codes"}
        errors, warnings = check({"entry_route": route}, {"entry_route": PROFILE_FIELDS["entry_route"]})
        for where, why in errors + warnings:
            raise SystemExit(f"import_data: {path.name}: route {row.get('family')!r}: {where}: {why}")
        for code in row.get("codes", []):
            if code in seen:
                raise SystemExit(f"import_data: {path.name}: route {row.get('family')!r}: {code} is in two routes")
            seen.add(code)
            if code in occupations:  # a partial set of sources (the test fixtures) lacks most codes
                out[code] = route
    return out


# --- one step per section of a profile ------------------------------------------------------


def step_identity(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    code = item.code
    slug = t.slugs[code]
    doc.update(slug=slug, title=t.titles[code], onet_code=code, soc_code=item.soc, onet_title=t.occupations[code])
    former = [s for s in [*item.old.get("former_slugs", []), item.old.get("slug")] if s and s != slug]
    doc["former_slugs"] = sorted(set(former))
    summary = item.editorial("summary")
    if not summary:
        raise Skip("no summary (profile not written)")
    doc["summary"] = summary
    for echo in echoes(summary, [t.descriptions[code], *t.tasks.get(code, [])]):
        src.unmatched.append(f"{code} {t.occupations[code]}: summary repeats O*NET wording: {echo!r}")
    doc["also_called"] = t.also_called.get(code, [])
    doc["search_titles"] = t.search_titles.get(code, [])


def step_clusters(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    listed = t.clusters.get(item.code)
    if not listed:
        raise Skip("no career cluster (profile not written)")
    title = t.titles[item.code] + " " + t.occupations[item.code]
    (doc["cluster"], doc["pathway"]), others = primary(listed, title)
    doc["also_in"] = [{"cluster": c, "pathway": p} for c, p in others]
    listed_2024, _ = figures_for(item.soc, t.clusters_2024)
    if listed_2024:
        (doc["cluster_2024"], doc["subcluster_2024"]), others = primary(listed_2024, title)
        doc["also_in_2024"] = [{"cluster": c, "subcluster": s} for c, s in others]
    if item.code in t.job_zones:
        doc["job_zone"] = t.job_zones[item.code]
    doc["bright_outlook"] = t.bright.get(item.code, [])
    for key in ("courses", "education_note", "programs_note", "requirements_note", "additional_info"):
        doc[key] = item.editorial(key)


def step_related(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    doc["related"] = [{"slug": t.slugs[r], "title": t.titles[r]} for r in t.related.get(item.code, []) if r in t.slugs][
        :RELATED_LIMIT
    ]


def step_skills(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    for key, table in (("skills", t.skills), ("knowledge", t.knowledge), ("technology", t.technology)):
        doc[key] = table.get(item.code)


def step_wages(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    wages, agg = figures_for(item.soc, t.oews)
    if not wages:
        src.unmatched.append(f"{item.code} {t.occupations[item.code]}: no OEWS {S.WAGES_PERIOD} wages")
        return
    doc["wages"] = {"source": "BLS OEWS", "period": S.WAGES_PERIOD, "area": "U.S."}
    basis = agg or (item.soc if item.soc in t.shared_soc else None)
    if basis:  # figures for a broader BLS group than this occupation: say which
        doc["wages"].update(basis_code=basis, basis_title=t.oews_titles[basis])
    doc["wages"].update(wages)


def step_outlook_education(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    row, agg = figures_for(item.soc, t.projections)
    if not row:
        src.unmatched.append(f"{item.code} {t.occupations[item.code]}: no BLS projections {S.PROJECTIONS_PERIOD}")
        return
    basis = agg or (item.soc if item.soc in t.shared_soc else None)
    doc["outlook"] = outlook_table(row, basis, t.average_change)
    doc["education"] = education_table(row, basis)
    length = (item.old.get("education") or {}).get("program_length")
    if doc["education"] and length:  # editorial: how long the usual program is, where we know it
        doc["education"]["program_length"] = length


def step_entry_route(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    doc["entry_route"] = t.routes.get(item.code)


def step_interests(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    scores = t.interests.get(item.code, {})
    doc["interests"] = {k: scores[k] for k in INTERESTS if k in scores} or None


def step_programs(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    doc["programs"] = merge_programs(item.editorial("programs") or [], t.programs.get(item.soc, []))
    for key in ("insider", "certifications"):
        doc[key] = item.editorial(key)


def step_sources(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    doc["sources"] = profile_sources(item.code, "wages" in doc, "outlook" in doc)


def step_resources(doc: dict[str, Any], item: Item, t: Tables, src: Sources) -> None:
    row, _ = figures_for(item.soc, t.projections)
    doc["resources"] = merge_resources(item.editorial("resources") or [], generated_resources(item.code, row))


Step = Callable[[dict[str, Any], Item, Tables, Sources], None]
STEPS: tuple[Step, ...] = (
    step_identity,
    step_clusters,
    step_related,
    step_skills,
    step_wages,
    step_outlook_education,
    step_entry_route,
    step_interests,
    step_programs,
    step_sources,
    step_resources,
)


def build(
    src: Sources, existing: dict[str, dict[str, Any]], editorial: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """One profile document per O*NET-SOC code, keyed by slug. ``existing`` is keyed by O*NET-SOC code."""
    t = read_tables(src)
    docs: dict[str, dict[str, Any]] = {}
    for code in t.occupations:
        item = Item(code, existing.get(code, {}), editorial.get(code, {}))
        doc: dict[str, Any] = {}
        try:
            for step in STEPS:
                step(doc, item, t, src)
        except Skip as why:
            src.unmatched.append(f"{code} {t.occupations[code]}: {why}")
            continue
        docs[doc["slug"]] = doc
    # The sections derived across occupations (subjects, the education survey, work activities,
    # values and styles, ranked programs and technology, where a career leads): tools/sections.py.
    from tools.sections import derive

    by_code = {doc["onet_code"]: doc for doc in docs.values()}
    for code, fields in derive(src.root, by_code).items():
        by_code[code].update(fields)
    return {slug: {k: v for k, v in doc.items() if v not in ([], None, "", {})} for slug, doc in docs.items()}


# --- helpers of the steps -------------------------------------------------------------------


def figures_for(soc: str, table: dict[str, Any]) -> tuple[Any, str | None]:
    """A row for a SOC code, or its aggregate's row (returning the aggregate code used)."""
    if soc in table:
        return table[soc], None
    agg = AGGREGATE_OF.get(soc)
    if agg and agg in table:
        return table[agg], agg
    return None, None


def _stems(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def primary(listed: list[tuple[str, str]], title: str) -> tuple[tuple[str, str], list[tuple[str, str]]]:
    """The primary (cluster, pathway) of several, and the others in the source's order.

    The rule: the pathway (or sub-cluster) whose name shares the most words with the career's
    title and O*NET title, ignoring words of three letters or fewer and plural 's'; on a tie
    (also when none shares a word) the first the source lists.
    """
    words = _stems(title)
    best = max(range(len(listed)), key=lambda i: (len(_stems(listed[i][1]) & words), -i))
    return listed[best], [pair for i, pair in enumerate(listed) if i != best]


def cluster_assignments(src: Sources, occupations: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Every cluster and pathway of each code; codes the export lacks take comparable work's."""
    out = dict(R.read_clusters_16(src))
    for code, title in occupations.items():
        if code in out:
            continue
        like = COMPARABLE.get(code)
        if like not in out:
            like = next((c for c in sorted(out) if c[:7] == code[:7]), None)
        if like:
            out[code] = out[like]
            src.unmatched.append(f"{code} {title}: not in the cluster export; took {like}'s")
    return out


def alternate_titles(
    src: Sources, titles: dict[str, str], occupations: dict[str, str]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Titles shown as 'also called' (My Next Move's reported titles) and those for search only.

    Neither repeats the display title or the O*NET title (case-insensitively).
    """
    shown, others = R.read_reported_titles(src)
    alternates = R.read_alternate_titles(src)
    also: dict[str, list[str]] = {}
    search: dict[str, list[str]] = {}
    for code in sorted(set(shown) | set(others) | set(alternates)):
        own = {titles.get(code, "").lower(), occupations.get(code, "").lower()}
        seen = set(own)
        also[code] = _unique(shown.get(code, []), seen)[:ALSO_CALLED_LIMIT]
        seen = own | {t.lower() for t in also[code]}
        pool = others.get(code, []) + sorted(alternates.get(code, []), key=lambda t: (len(t), t))
        search[code] = _unique(pool, seen)[:SEARCH_TITLE_LIMIT]
    return also, search


def _unique(titles: list[str], seen: set[str]) -> list[str]:
    out = []
    for t in titles:
        if t.lower() not in seen:
            seen.add(t.lower())
            out.append(t)
    return out


ECHO_WORDS = 5


def echoes(summary: str, texts: list[str]) -> list[str]:
    """Runs of five or more words that a summary shares with O*NET's own text: ours must not copy."""
    words = re.findall(r"[a-z0-9']+", summary.lower())
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        theirs = re.findall(r"[a-z0-9']+", text.lower())
        grams |= {tuple(theirs[i : i + ECHO_WORDS]) for i in range(len(theirs) - ECHO_WORDS + 1)}
    return [
        " ".join(words[i : i + ECHO_WORDS])
        for i in range(len(words) - ECHO_WORDS + 1)
        if tuple(words[i : i + ECHO_WORDS]) in grams
    ]


def merge_programs(old: list[dict[str, Any]], new: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Source programs, in the order the profile already had them, hand-written notes kept."""
    by_cip = {p["cip"]: p for p in new}
    notes = {p["cip"]: p.get("note") for p in old}
    order = [p["cip"] for p in old if p["cip"] in by_cip] + [c for c in by_cip if c not in {p["cip"] for p in old}]
    out = []
    for cip in order:
        item: dict[str, Any] = dict(by_cip[cip])
        if notes.get(cip):
            item["note"] = notes[cip]
        out.append(item)
    return out


def generated_resources(code: str, ep_row: dict[str, str] | None) -> list[dict[str, str]]:
    out = []
    if ep_row and ep_row.get(EP["ooh_url"], "").startswith("http"):
        out.append({"name": "BLS Occupational Outlook Handbook", "url": ep_row[EP["ooh_url"]]})
    out.append({"name": "O*NET OnLine", "url": f"https://www.onetonline.org/link/summary/{code}"})
    return out


def merge_resources(old: list[dict[str, str]], generated: list[dict[str, str]]) -> list[dict[str, str]]:
    generated_names = {g["name"] for g in generated}
    return [r for r in old if r["name"] not in generated_names] + generated


def outlook_table(row: dict[str, str], basis: str | None, average: float | None) -> dict[str, Any]:
    out: dict[str, Any] = {"source": "BLS Employment Projections", "period": S.PROJECTIONS_PERIOD}
    if basis:
        out.update(basis_code=basis, basis_title=row[EP["title"]])
    values = {
        "employment_start": R.whole(R.number(row[EP["start"]]), 1000),
        "employment_end": R.whole(R.number(row[EP["end"]]), 1000),
        "change_number": R.whole(R.number(row[EP["change"]]), 1000),
        "change_pct": R.number(row[EP["change_pct"]]),
        "openings": R.whole(R.number(row[EP["openings"]]), 1000),
        "average_change_pct": average,
        "self_employed_pct": R.number(row.get(EP["self_employed"])),
    }
    out.update({k: v for k, v in values.items() if v is not None})
    return out


def education_table(row: dict[str, str], basis: str | None) -> dict[str, Any] | None:
    entry = row[EP["education"]].strip()
    if entry not in BLS_EDUCATION:
        return None
    out: dict[str, Any] = {
        "source": "BLS Employment Projections",
        "period": S.PROJECTIONS_PERIOD,
        "typical_entry": entry,
    }
    if basis:
        out.update(basis_code=basis, basis_title=row[EP["title"]])
    for key in ("experience", "training"):
        if row[EP[key]].strip() not in ("", "—"):
            out[key] = row[EP[key]].strip()
    return out


def profile_sources(code: str, wages: bool, projections: bool) -> list[str]:
    """The citations of what this profile actually carries."""
    return [
        *([f"Wages: BLS Occupational Employment and Wage Statistics, {S.WAGES_PERIOD}, U.S."] if wages else []),
        *([f"Outlook and education: BLS Employment Projections {S.PROJECTIONS_PERIOD}"] if projections else []),
        f"Occupation data: {S.ONET_RELEASE} Database, USDOL/ETA (CC BY 4.0), {code}",
        "Programs: NCES CIP 2020 to SOC 2018 crosswalk; clusters: O*NET OnLine Career Clusters, Advance CTE 2024",
    ]


# --- files ----------------------------------------------------------------------------------


def read_existing(folder: Path) -> dict[str, dict[str, Any]]:
    """The profiles already in the data folder, by O*NET-SOC code."""
    out = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            doc = tomli.load(fh)
        out[doc.get("onet_code") or path.stem] = doc | {"slug": doc.get("slug", path.stem)}
    return out


def read_editorial(paths: list[Path]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        with path.open("rb") as fh:
            for code, fields in tomli.load(fh).items():
                for key, value in fields.items():
                    if key in EDITORIAL_KEYS:
                        out.setdefault(code, {}).setdefault(key, value)
    return out


def write_if_changed(path: Path, content: str | bytes) -> bool:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def wage_database(src: Sources) -> bytes:
    """The bytes of data/wages.db, built in a scratch folder."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / wagesdb.DB_NAME
        wagesdb.build(R.read_oews_areas(src), path)
        return path.read_bytes()


def run(source_root: Path, data_dir: Path, editorial_files: list[Path]) -> tuple[int, int, list[str]]:
    src = Sources(source_root)
    careers = data_dir / "careers"
    careers.mkdir(parents=True, exist_ok=True)
    existing = read_existing(careers)
    docs = build(src, existing, read_editorial(editorial_files))
    changed = sum(write_if_changed(careers / f"{slug}.toml", dumps(doc)) for slug, doc in sorted(docs.items()))
    for code, old in sorted(existing.items()):
        if old["slug"] in docs:
            continue
        if any(d["onet_code"] == code for d in docs.values()):
            (careers / f"{old['slug']}.toml").unlink()  # renamed: the new file keeps the old slug
            changed += 1
        else:
            src.unmatched.append(f"{old['slug']}: kept, but not produced by this import (hand-made or retired)")
    changed += write_if_changed(data_dir / wagesdb.DB_NAME, wage_database(src))
    if (data_dir / "states.json").exists():  # replaced by wages.db
        (data_dir / "states.json").unlink()
        changed += 1
    from careerexplorer.build import write_index
    from tools.search_extras import Extras

    changed += len(write_index(data_dir, Extras(src)))
    return len(docs), changed, src.unmatched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.import_data", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("sources", type=Path, help="folder with the official files (layout in README.md)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder to write (default: data/)")
    parser.add_argument(
        "--editorial", type=Path, action="append", default=[], help="TOML of editorial fields by O*NET-SOC code"
    )
    parser.add_argument("--quiet", action="store_true", help="do not list what could not be matched")
    args = parser.parse_args(argv)
    if not (args.sources / S.FILES["occupations"][0]).is_file():
        print(
            f"import_data: {args.sources} does not look like the sources folder (no {S.FILES['occupations'][0]})",
            file=sys.stderr,
        )
        return 1
    written, changed, unmatched = run(args.sources, args.data, args.editorial)
    if not args.quiet:
        for line in unmatched:
            print(f"unmatched: {line}")
    print(f"{written} profiles; {changed} files changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
