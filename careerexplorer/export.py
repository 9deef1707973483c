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
from careerexplorer.figures import (
    MILITARY_NOTE,
    NOT_PUBLISHED,
    OWN_EDUCATION,
    basis,
    borrowed,
    bright,
    bright_reason,
    compare_cells,
    count,
    growth,
    is_military,
    pay,
    self_employed,
    wage,
)
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
    return to_csv(*CSV_TABLES.get(type(result), TABLES[type(result)])(result))


# --- show ----------------------------------------------------------------------------------


def profile_markdown(p: Profile, pathway: dict[str, Any] | None) -> str:
    """A one-page career card a counselor can print: the sections of the terminal page
    (careerexplorer.page), in the same order."""
    from careerexplorer.page import sections

    w, o, e = p.wages, p.outlook, p.education
    out = [f"# {md(p.title)}", "", f"O\\*NET-SOC {md(p.onet_code)} · SOC {md(p.soc_code)}", "", md(p.summary), ""]
    if p.also_called:
        out += [f"*Also called:* {md(', '.join(p.also_called))}", ""]
    military = w is None and o is None and e is None and is_military(p.soc_code)
    out.append(
        md(MILITARY_NOTE) + "\n"  # said once, not "not published" in every cell
        if military
        else md_table(
            ["AVG. SALARY", "EDUCATION", "JOB OUTLOOK"],
            [
                [
                    pay(w) + (f" ({w.period}, {w.area})" if w else ""),
                    (e.label + (f" ({OWN_EDUCATION})" if e.ours else "")) if e else NOT_PUBLISHED,
                    (f"{o.label}, {growth(o.change_pct)} ({o.period})" if o and o.label else NOT_PUBLISHED)
                    + (f"; {bright(p.bright_outlook)}" if p.bright_outlook else ""),
                ]
            ],
        )
    )
    if basis(p):
        out += [f"*Figures: {md(basis(p))}.*", ""]
    said = self_employed(o.self_employed_pct if o else None)
    if said:
        out += [md(said), ""]
    for section in sections(p):
        body = MARKDOWN_SECTIONS[section.key](p, pathway)
        while body and not body[-1].strip():
            body.pop()
        heading = f"Salary Range ({md(w.area)}, {md(w.period)})" if w and section.key == "salary-range" else None
        out += [f"## {heading or md(section.heading)}", "", *body, ""]
    if p.sources:
        out += ["---", ""] + [f"*{md(s)}*  " for s in p.sources]
    return "\n".join(out).rstrip() + "\n"


def _md_learn(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    from careerexplorer.page import more_programs, programs

    out = ["### High School", "", f"Courses the {md(p.cluster)} cluster, {md(p.pathway)} pathway, recommends:", ""]
    out += [f"- {md(c)}" for c in (pathway or {}).get("courses", [])]
    if p.courses:
        out += ["", "For this career in particular:", ""] + [f"- {md(c)}" for c in p.courses]
    elif p.subjects:
        out += ["", "For this career in particular (from what the work draws on, O\\*NET Knowledge):", ""]
        out += [f"- {md(s[0].upper() + s[1:])}" for s in p.subjects]
    if p.programs or p.programs_note:
        out += ["", "### Beyond High School", ""]
        if p.programs_note:
            out += [md(p.programs_note), ""]
        listed = programs(p)
        out += [_md_program(g) for g in listed.entry]
        if listed.later:
            out += ["", "Later, after the degree (residencies, fellowships, advanced programs):", ""]
            out += [_md_program(g) for g in listed.later]
        if listed.more:
            out += ["", f"*{md(more_programs(p, listed.more))}*"]
    return out


def _md_program(g: Any) -> str:
    return f"- {md(g.title)} (CIP {md(g.cip)})" + (f": {md(g.note)}" if g.note else "")


def _md_education(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    from careerexplorer.guidance import SURVEY_SOURCE, explained, survey_difference
    from careerexplorer.page import survey_note

    e = p.education
    out: list[str] = []
    if e:
        entry = (
            f"ours, for this occupation: {md(e.typical_entry)}; evidence: {md(e.evidence or NOT_PUBLISHED)}; "
            f"BLS gives {md(e.group_entry or '')} for its group {md(e.basis_code or '')}"
            if e.ours
            else f"BLS: {md(e.typical_entry)}"
        )
        out += [
            f"**{md(e.label)}** ({entry}; experience: {md(e.experience or NOT_PUBLISHED)}; "
            f"training: {md(e.training or NOT_PUBLISHED)})",
            "",
        ]
    if p.education_note:
        out += [md(p.education_note), ""]
    if p.job_zone:
        out += [f"O\\*NET job zone {p.job_zone} of 5", ""]
    if e:
        out += [
            md(s) + "\n"
            for s in (
                explained(k, v)
                for k, v in (("entry", e.typical_entry), ("experience", e.experience), ("training", e.training))
            )
            if s
        ]
    if p.education_survey:
        out += ["What workers in the job say it requires:", ""]
        out.append(
            md_table(
                ["level", "workers"],
                [[s.category, f"{s.shown}%" + (" (imprecise)" if s.suppressed else "")] for s in p.education_survey],
            )
        )
        out += [f"*{md(SURVEY_SOURCE)}*", ""]
        if survey_note(p):
            out += [f"*{md(survey_note(p))}*", ""]
        difference = survey_difference(p)
        if difference:
            out += [md(difference), ""]
    return out


def _md_steps(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    from careerexplorer.guidance import how_to_become

    return [f"{i}. {md(s)}" for i, s in enumerate(how_to_become(p), 1)]


def _md_insider(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    out: list[str] = []
    for person in p.insider:
        out += [f"**{md(person.name)}**, {md(person.role)}, {md(person.organization)}", ""]
        out += [md(point) + "\n" for point in person.points]
        out += [f"> “{md(q)}” — {md(person.name)}\n" for q in person.quotes]
    return out


def _md_requirements(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    from careerexplorer.guidance import credential_label

    out = [md(p.requirements_note), ""] if p.requirements_note else []
    out += [
        f"- {('**' + md(c.abbr) + '**: ') if c.abbr else ''}{md(c.name)} ({md(c.issuer)})"
        + (f". {label[0].upper()}{label[1:]}" + ("" if c.note else ".") if (label := credential_label(c)) else "")
        + (f". {md(c.note)}" if c.note else "")
        for c in p.certifications
    ]
    return out


def _md_additional(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    out = [md(par) + "\n" for par in p.additional_info]
    if p.resources:
        out += ["For more information, visit these websites:", ""]
    # An address that could break out of its link is shown as text, never as a link.
    out += [f"- {md(r.name)}: " + (f"<{link}>" if (link := sanitize.url(r.url)) else md(r.url)) for r in p.resources]
    return out


def _md_salary(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    w, o = p.wages, p.outlook
    assert w is not None
    out = [
        md_table(
            ["10th", "25th", "Median", "75th", "90th"],
            [[wage(w, k) for k in ("p10", "p25", "median", "p75", "p90")]],
        )
    ]
    if o:
        out.append(
            f"Outlook {md(o.period)}: {count(o.employment_start)} to {count(o.employment_end)} jobs "
            f"({growth(o.change_pct)}), about {count(o.openings)} openings a year."
        )
    return out


def _md_work_style(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    out = []
    if p.interests:
        top = sorted(p.interests, key=lambda kv: -kv[1])[:3]
        out.append(f"- *Interests:* {p.interest_code}: " + ", ".join(f"{k.title()} {v:.1f}" for k, v in top))
    for label, items in (("Skills", p.skills), ("Knowledge", p.knowledge), ("Technology", p.technology)):
        if items:
            out.append(f"- *{label}:* {md(', '.join(items))}")
    if p.cluster_2024:
        out.append(f"- *2024 cluster:* {md(p.cluster_2024)} / {md(p.subcluster_2024 or NOT_PUBLISHED)}")
    return out


def _md_work(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    out = [f"- {md(a)}" for a in p.work_activities] + [""]
    if p.work_values:
        out += [f"*Work values (O\\*NET):* {md(', '.join(p.work_values))}  "]
    if p.work_styles:
        out += [f"*Work styles (O\\*NET):* {md(', '.join(p.work_styles))}"]
    return out


def _md_related(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    return [f"- {md(r.title)} (`{r.slug}`)" for r in p.related]


def _md_leads(p: Profile, pathway: dict[str, Any] | None) -> list[str]:
    from careerexplorer.guidance import lead_sentence, page_leads

    here = p.education.typical_entry if p.education else None
    return [
        f"- {md(lead.title)} (`{lead.slug}`): {md(lead_sentence(lead, here))}"
        if lead.kind
        else f"- {md(lead.title)} (`{lead.slug}`, {lead.similarity}% alike)"
        for lead in page_leads(p)
    ]


# The Markdown of each section of careerexplorer.page.
MARKDOWN_SECTIONS: dict[str, Callable[[Profile, dict[str, Any] | None], list[str]]] = {
    "what-to-learn": _md_learn,
    "education-level": _md_education,
    "how-to-become-one": _md_steps,
    "insider-info": _md_insider,
    "extra-requirements": _md_requirements,
    "additional-information": _md_additional,
    "salary-range": _md_salary,
    "interests-and-skills": _md_work_style,
    "what-the-work-is-like": _md_work,
    "related-careers": _md_related,
    "where-it-leads": _md_leads,
}


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
        "self_employed_pct": None,
        **e,
        "education_label": education_label(e) if e["education"] is not None else None,
        "education_ours": bool(e.get("education_ours")),
        "bright_outlook_reason": bright_reason(e["bright_outlook"]),
        "figures_from": borrowed(e),
    }


def _show(r: CareerPage) -> dict[str, Any]:
    from careerexplorer.guidance import how_to_become
    from careerexplorer.page import sections

    p = r.profile
    career = p.to_dict()
    career["bright_outlook_reason"] = bright_reason(p.bright_outlook)
    return {
        "career": career,
        "sections": [{"key": s.key, "heading": s.heading} for s in sections(p)],
        "how_to_become": how_to_become(p),
    }


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
    return {"checked": r.checked, "problems": list(r.problems), "notes": list(r.notes)}


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
                "kind": s.lead.kind,
                "role": s.lead.role,
                "new_degree": s.lead.new_degree,
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
    "self_employed_pct",
    "bright_outlook",
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
        e.get("self_employed_pct"),
        bright_reason(e["bright_outlook"]),
        borrowed(e),
    ]


def _compare_table(r: Comparison) -> Table:
    return ["", *(p.title for p in r.profiles)], [
        [label, *shown] for label, shown, _ in compare_cells(list(r.profiles))
    ]


def _compare_csv(r: Comparison) -> Table:
    """Compare for a spreadsheet: figures as numbers (blank where not published), the wages' area
    and the hourly mean on rows of their own, as `list -f csv` gives them."""
    rows: list[list[Any]] = []
    for label, shown, numbers in compare_cells(list(r.profiles)):
        rows.append([label, *(shown if numbers is None else numbers)])
        if label == "AVG. SALARY":
            rows.append(["Hourly mean", *(p.wages.hourly_mean if p.wages else None for p in r.profiles)])
    rows.append(["Wages for", *(p.wages.area if p.wages else NOT_PUBLISHED for p in r.profiles)])
    return ["", *(p.title for p in r.profiles)], rows


def _list_csv(r: CareerList | Shortlist) -> Table:
    """The list's figures, with the area their wages are for (a list made with --state says so)."""
    area = (r.area if isinstance(r, CareerList) else None) or "U.S."
    return [*FACT_COLUMNS, "wages_for"], [[*_fact_row(e), area] for e in r.entries]


def _search_table(r: SearchHits) -> Table:
    return (
        ["rank", "slug", "title", "onet_code", "score", "reason", "salary", "education", "outlook", "bright_outlook"],
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
                bright_reason(h.facts["bright_outlook"]) if h.facts else None,
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
            "kind",
            "role",
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
                s.lead.kind,
                s.lead.role,
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


# Where a spreadsheet needs other columns than Markdown's table.
CSV_TABLES: dict[type, Callable[[Any], Table]] = {
    Comparison: _compare_csv,
    CareerList: _list_csv,
    Shortlist: _list_csv,
}
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
