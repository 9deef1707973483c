"""Results as JSON, Markdown and CSV: for scripts, spreadsheets and printed cards. No Rich here.

Every JSON document has one envelope, ``{"schema_version": N, "command": ..., ...}``, whose fields
docs/json.md describes; CSV and Markdown tables share one table per result.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from careerexplorer import sanitize
from careerexplorer.figures import NOT_PUBLISHED, basis, borrowed, compare_cells, count, growth, pay, wage
from careerexplorer.index import Entry
from careerexplorer.listing import education_label, outlook_label
from careerexplorer.model import Profile
from careerexplorer.results import (
    About,
    CareerList,
    CareerPage,
    ClusterOverview,
    Comparison,
    Hit,
    Leads,
    Matches,
    Result,
    SearchHits,
    Shortlist,
    Validation,
    WageMap,
)

SCHEMA_VERSION = 2
Table = tuple[list[str], list[list[Any]]]


def dumps(data: Any) -> str:
    """JSON text, indented, ending in a newline: every non-ASCII and control character escaped, so
    it is exact under any output encoding, and no NaN (careerexplorer.sanitize)."""
    return sanitize.json_dumps(data) + "\n"


def envelope(result: Result) -> dict[str, Any]:
    """The JSON document of a result: the version of its field layout and the command first."""
    return {"schema_version": SCHEMA_VERSION, "command": result.command, **PAYLOADS[type(result)](result)}


def md(value: Any) -> str:
    """Text safe inside Markdown: no table breaks, no markup, no links, no control characters."""
    return sanitize.markdown(value)


def md_table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md("" if c is None else c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_cell(h) for h in header])
    writer.writerows([[_cell(c) for c in row] for row in rows])
    return out.getvalue()


def _cell(value: Any) -> Any:
    # A cell starting with = + - @ (after any blank) would be a formula in a spreadsheet: quoted as text.
    return sanitize.csv_cell(value)


def markdown(result: Result) -> str:
    if isinstance(result, CareerPage):
        return profile_markdown(result.profile, result.pathway)
    return md_table(*TABLES[type(result)](result))


def csv_text(result: Result) -> str:
    return to_csv(*TABLES[type(result)](result))


# --- show ----------------------------------------------------------------------------------


def profile_markdown(p: Profile, pathway: dict[str, Any] | None) -> str:
    """A one-page career card a counselor can print."""
    w, o, e = p.wages, p.outlook, p.education
    out = [f"# {md(p.title)}", "", f"O\\*NET-SOC {md(p.onet_code)} · SOC {md(p.soc_code)}", "", md(p.summary), ""]
    if p.also_called:
        out += [f"*Also called:* {md(', '.join(p.also_called))}", ""]
    out.append(
        md_table(
            ["AVG. SALARY", "EDUCATION", "JOB OUTLOOK"],
            [
                [
                    pay(w) + (f" ({w.period}, {w.area})" if w else ""),
                    e.label if e else NOT_PUBLISHED,
                    (f"{o.label}, {growth(o.change_pct)} ({o.period})" if o and o.label else NOT_PUBLISHED)
                    + ("; Bright Outlook" if p.bright_outlook else ""),
                ]
            ],
        )
    )
    if basis(p):
        out += [f"*Figures: {md(basis(p))}.*", ""]
    out += [
        "## What To Learn",
        "",
        "### High School",
        "",
        f"Courses the {md(p.cluster)} cluster, {md(p.pathway)} pathway, recommends:",
        "",
    ]
    out += [f"- {md(c)}" for c in (pathway or {}).get("courses", [])]
    if p.courses:
        out += ["", "For this career in particular:", ""] + [f"- {md(c)}" for c in p.courses]
    if p.programs or p.programs_note:
        out += ["", "### Beyond High School", ""]
        if p.programs_note:
            out += [md(p.programs_note), ""]
        out += [f"- {md(g.title)} (CIP {md(g.cip)})" + (f": {md(g.note)}" if g.note else "") for g in p.programs]
    if e or p.education_note:
        out += ["", "## Education Level", ""]
        if e:
            out += [
                f"**{md(e.label)}** (BLS: {md(e.typical_entry)}; experience: {md(e.experience or NOT_PUBLISHED)}; "
                f"training: {md(e.training or NOT_PUBLISHED)})",
                "",
            ]
        if p.education_note:
            out += [md(p.education_note)]
    for person in p.insider:
        out += ["", "## Insider Info", "", f"**{md(person.name)}**, {md(person.role)}, {md(person.organization)}", ""]
        out += [md(point) + "\n" for point in person.points]
        out += [f"> “{md(q)}” — {md(person.name)}\n" for q in person.quotes]
    if p.certifications or p.requirements_note:
        out += ["", "## Extra Requirements", ""]
        if p.requirements_note:
            out += [md(p.requirements_note), ""]
        out += [
            f"- {('**' + md(c.abbr) + '**: ') if c.abbr else ''}{md(c.name)} ({md(c.issuer)})"
            + (" (license)" if c.kind == "license" else "")
            + (f". {md(c.note)}" if c.note else "")
            for c in p.certifications
        ]
    if p.additional_info or p.resources:
        out += ["", "## Additional Information", ""]
        out += [md(par) + "\n" for par in p.additional_info]
        # An address that could break out of its link is shown as text, never as a link.
        out += [
            f"- {md(r.name)}: " + (f"<{link}>" if (link := sanitize.url(r.url)) else md(r.url)) for r in p.resources
        ]
    if w:
        out += ["", f"## Salary Range ({md(w.area)}, {md(w.period)})", ""]
        out.append(
            md_table(
                ["10th", "25th", "Median", "75th", "90th"],
                [[wage(w, k) for k in ("p10", "p25", "median", "p75", "p90")]],
            )
        )
    if o:
        out += [
            f"Outlook {md(o.period)}: {count(o.employment_start)} to {count(o.employment_end)} jobs "
            f"({growth(o.change_pct)}), about {count(o.openings)} openings a year.",
            "",
        ]
    out += sections_markdown(p)
    if p.related:
        out += ["## Related Careers", ""] + [f"- {md(r.title)} (`{r.slug}`)" for r in p.related]
    if p.sources:
        out += ["", "---", ""] + [f"*{md(s)}*  " for s in p.sources]
    return "\n".join(out).rstrip() + "\n"


def sections_markdown(p: Profile) -> list[str]:
    """How to become one, the education survey, what the work is like and where it leads, as Markdown."""
    from careerexplorer.guidance import SURVEY_SOURCE, how_to_become, steps_up, survey_difference

    out: list[str] = []
    steps = how_to_become(p)
    if steps:
        out += ["## How to Become One", ""] + [f"{i}. {md(s)}" for i, s in enumerate(steps, 1)] + [""]
    if p.education_survey:
        out += ["## What Workers Say the Job Requires", ""]
        out.append(md_table(["level", "workers"], [[s.category, f"{s.percent:.0f}%"] for s in p.education_survey]))
        out += [f"*{md(SURVEY_SOURCE)}*", ""]
        difference = survey_difference(p)
        if difference:
            out += [md(difference), ""]
    if p.work_activities or p.work_values or p.work_styles:
        out += ["## What the Work Is Like", ""] + [f"- {md(a)}" for a in p.work_activities] + [""]
        if p.work_values:
            out += [f"*Work values (O\\*NET):* {md(', '.join(p.work_values))}  "]
        if p.work_styles:
            out += [f"*Work styles (O\\*NET):* {md(', '.join(p.work_styles))}"]
        out.append("")
    if p.leads:
        out += ["## Where It Leads", ""]
        out += [f"- {md(lead.title)} (`{lead.slug}`, {lead.similarity}% alike)" for lead in steps_up(p)] + [""]
    return out


def profile_rows(p: Profile) -> tuple[list[str], list[list[Any]]]:
    """A profile as field/value rows, nested fields as dotted names."""
    rows: list[list[Any]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for i, item in enumerate(value):
                walk(f"{prefix}[{i}]", item)
        elif isinstance(value, list):
            rows.append([prefix, "; ".join(str(v) for v in value)])
        elif value is not None:
            rows.append([prefix, value])

    walk("", p.to_dict())
    return ["field", "value"], rows


# --- every result as JSON and as a table ------------------------------------------------------


def entry_facts(e: Entry) -> dict[str, Any]:
    """The facts of an index entry for JSON, with the labels people read."""
    return {
        "at_least": [],
        "also_in": [],
        **e,
        "education_label": education_label(e) if e["education"] is not None else None,
        "figures_from": borrowed(e),
    }


def _show(r: CareerPage) -> dict[str, Any]:
    return {"career": r.profile.to_dict()}


def _compare(r: Comparison) -> dict[str, Any]:
    return {"careers": [p.to_dict() for p in r.profiles]}


def _hit(h: Hit) -> dict[str, Any]:
    item = {k: v for k, v in zip(h._fields, h, strict=True) if k != "facts"}
    item["score"] = round(h.score, 1)
    # The work values search weighs, always present (empty where O*NET has none).
    item["facts"] = {**entry_facts(h.facts), "work_values": h.facts.get("work_values", [])} if h.facts else None
    return item


def _search(r: SearchHits) -> dict[str, Any]:
    hits = [_hit(h) for h in r.hits]
    return {
        "query": r.query,
        "understood": r.asks,
        "senses": [{"sense": label, "best": list(titles)} for label, titles in r.senses],
        "results": hits,
        "closest": list(r.closest),
        "nearest": [_hit(h) for h in r.nearest],
    }


def _list(r: CareerList) -> dict[str, Any]:
    return {"area": r.area or "U.S.", "careers": [entry_facts(e) for e in r.entries]}


def _match(r: Matches) -> dict[str, Any]:
    return {
        "interests": r.code,
        "results": [
            {
                "slug": m.entry["slug"],
                "title": m.entry["title"],
                "onet_code": m.entry["onet_code"],
                "fit": m.fit,
                "why": m.why,
            }
            for m in r.matches
        ],
    }


def _clusters(r: ClusterOverview) -> dict[str, Any]:
    out = []
    for c in r.clusters:
        if r.chosen not in (None, c["name"]):
            continue
        pathways = [
            {
                "name": p["name"],
                "summary": p.get("summary"),
                "courses": p.get("courses", []),
                "careers": [e["slug"] for e in r.careers.get((c["name"], p["name"]), ())],
            }
            for p in c["pathway"]
        ]
        out.append(
            {
                "name": c["name"],
                "summary": c.get("summary"),
                "careers": sum(len(p["careers"]) for p in pathways),
                "pathways": pathways,
            }
        )
    return {"clusters": out}


def _shortlist(r: Shortlist) -> dict[str, Any]:
    known = {e["slug"] for e in r.entries}
    return {"careers": [entry_facts(e) for e in r.entries], "missing": [s for s in r.slugs if s not in known]}


def _about(r: About) -> dict[str, Any]:
    return {
        "version": r.version,
        "sources": [dict(zip(("name", "used_for", "vintage", "licence", "url"), s, strict=True)) for s in r.sources],
        "attribution": r.attribution,
        "notes": list(r.notes),
    }


def _validate(r: Validation) -> dict[str, Any]:
    return {"checked": r.checked, "problems": list(r.problems)}


def _wage_rows(rows: tuple[tuple[Any, Any], ...]) -> list[dict[str, Any]]:
    from careerexplorer.model import _plain

    return [{"area": a.name, "code": a.code, "kind": a.kind, "states": list(a.states), **_plain(w)} for a, w in rows]


def _wages(r: WageMap) -> dict[str, Any]:
    from careerexplorer.model import _plain

    p = r.profile
    return {
        "career": {"slug": p.slug, "title": p.title, "soc_code": p.soc_code},
        "by": r.by,
        "state": r.state,
        "national": _plain(p.wages) if p.wages else None,
        "states": _wage_rows(r.states),
        "areas": _wage_rows(r.areas),
    }


def _wages_table(r: WageMap) -> Table:
    columns = ["mean", "median", "hourly_mean", "employment", "jobs_per_1000", "location_quotient"]
    rows = [
        [kind, a.name, a.code, *(getattr(w, c) for c in columns), " ".join(w.at_least), w.basis_code]
        for kind, table in (("state", r.states), ("area", r.areas))
        for a, w in table
    ]
    return ["kind", "area", "code", *columns, "at_least", "figures_from"], rows


def _next(r: Leads) -> dict[str, Any]:
    return {
        "career": entry_facts(r.career),
        "up": r.up,
        "results": [
            {
                "slug": s.lead.slug,
                "title": s.lead.title,
                "similarity": s.lead.similarity,
                "related": s.lead.related,
                "pay_difference": s.pay_difference,
                "extra_schooling": s.extra_schooling,
                "build": list(s.lead.build),
                "carry": list(s.lead.carry),
                "facts": entry_facts(s.entry),
            }
            for s in r.steps
        ],
    }


PAYLOADS: dict[type, Callable[[Any], dict[str, Any]]] = {
    CareerPage: _show,
    Comparison: _compare,
    SearchHits: _search,
    CareerList: _list,
    Matches: _match,
    ClusterOverview: _clusters,
    Shortlist: _shortlist,
    About: _about,
    Validation: _validate,
    WageMap: _wages,
    Leads: _next,
}

FACT_COLUMNS = [
    "slug",
    "title",
    "onet_code",
    "salary",
    "hourly",
    "education",
    "outlook",
    "growth",
    "openings",
    "figures_from",
]


def _fact_row(e: Entry) -> list[Any]:
    return [
        e["slug"],
        e["title"],
        e["onet_code"],
        e["salary"],
        e.get("hourly"),
        education_label(e),
        e["outlook"],
        e["growth"],
        e["openings"],
        borrowed(e),
    ]


def _compare_table(r: Comparison) -> Table:
    return ["", *(p.title for p in r.profiles)], [
        [label, *shown] for label, shown, _ in compare_cells(list(r.profiles))
    ]


def _search_table(r: SearchHits) -> Table:
    return (
        ["rank", "slug", "title", "onet_code", "score", "reason", "salary", "education", "outlook"],
        [
            [
                i,
                h.slug,
                h.title,
                h.onet_code,
                round(h.score, 1),
                h.reason,
                h.facts["salary"] if h.facts else None,
                education_label(h.facts) if h.facts else None,
                outlook_label(h.facts) if h.facts else None,
            ]
            for i, h in enumerate(r.hits, 1)
        ],
    )


def _match_table(r: Matches) -> Table:
    return (
        ["rank", "slug", "title", "onet_code", "fit", "why"],
        [
            [i, m.entry["slug"], m.entry["title"], m.entry["onet_code"], m.fit, m.why]
            for i, m in enumerate(r.matches, 1)
        ],
    )


def _clusters_table(r: ClusterOverview) -> Table:
    return (
        ["cluster", "pathway", "careers", "courses"],
        [
            [c["name"], p["name"], len(r.careers.get((c["name"], p["name"]), ())), "; ".join(p.get("courses", []))]
            for c in r.clusters
            if r.chosen in (None, c["name"])
            for p in c["pathway"]
        ],
    )


def _next_table(r: Leads) -> Table:
    return (
        [
            "rank",
            "slug",
            "title",
            "similarity",
            "related",
            "salary",
            "pay_difference",
            "education",
            "extra_schooling",
            "build",
            "carry",
        ],
        [
            [
                i,
                s.lead.slug,
                s.lead.title,
                s.lead.similarity,
                s.lead.related,
                s.entry["salary"],
                s.pay_difference,
                education_label(s.entry),
                s.extra_schooling,
                "; ".join(s.lead.build),
                "; ".join(s.lead.carry),
            ]
            for i, s in enumerate(r.steps, 1)
        ],
    )


TABLES: dict[type, Callable[[Any], Table]] = {
    CareerPage: lambda r: profile_rows(r.profile),
    Comparison: _compare_table,
    SearchHits: _search_table,
    CareerList: lambda r: (FACT_COLUMNS, [_fact_row(e) for e in r.entries]),
    Matches: _match_table,
    ClusterOverview: _clusters_table,
    Shortlist: lambda r: (FACT_COLUMNS, [_fact_row(e) for e in r.entries]),
    About: lambda r: (["source", "used for", "vintage", "licence", "published at"], [list(s) for s in r.sources]),
    Validation: lambda r: (["problem"], [[p] for p in r.problems]),
    WageMap: _wages_table,
    Leads: _next_table,
}
