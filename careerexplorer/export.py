"""Profiles and results as JSON, Markdown and CSV: for scripts, spreadsheets and printed cards."""

from __future__ import annotations

import csv
import io
from typing import Any

from careerexplorer import sanitize
from careerexplorer.model import Profile
from careerexplorer.render import NOT_PUBLISHED, count, growth, wage

SCHEMA_VERSION = 1


def versioned(data: dict[str, Any]) -> dict[str, Any]:
    """A JSON object with the version of its field layout first."""
    return {"schema_version": SCHEMA_VERSION, **data}


def md(value: Any) -> str:
    """Text safe inside Markdown: no table breaks, no markup, no links, no control characters."""
    return sanitize.markdown(value)


def md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # A cell starting with = + - @ would be a formula in a spreadsheet: quote it as text.
    writer.writerow([_cell(h) for h in header])
    writer.writerows([[_cell(c) for c in row] for row in rows])
    return out.getvalue()


def _cell(value: Any) -> Any:
    return sanitize.csv_cell(value)


# --- show ----------------------------------------------------------------------------------


def profile_markdown(p: Profile, pathway: dict[str, Any] | None) -> str:
    """A one-page career card a counselor can print."""
    w, o, e = p.wages, p.outlook, p.education
    out = [f"# {md(p.title)}", "", f"O\\*NET-SOC {md(p.onet_code)} · SOC {md(p.soc_code)}", "", md(p.summary), ""]
    if p.also_called:
        out += [f"*Also called:* {md(', '.join(p.also_called))}", ""]
    out.append(md_table(
        ["AVG. SALARY", "EDUCATION", "JOB OUTLOOK"],
        [[wage(w, "mean") + (f" ({w.period}, {w.area})" if w else ""),
          e.label if e else NOT_PUBLISHED,
          (f"{o.label}, {growth(o.change_pct)} ({o.period})" if o and o.label else NOT_PUBLISHED)
          + ("; Bright Outlook" if p.bright_outlook else "")]],
    ))
    out += ["## What To Learn", "", "### High School", "",
            f"Courses the {md(p.cluster)} cluster, {md(p.pathway)} pathway, recommends:", ""]
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
            out += [f"**{md(e.label)}** (BLS: {md(e.typical_entry)}; experience: {md(e.experience or NOT_PUBLISHED)}; "
                    f"training: {md(e.training or NOT_PUBLISHED)})", ""]
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
        out += [f"- {('**' + md(c.abbr) + '**: ') if c.abbr else ''}{md(c.name)} ({md(c.issuer)})"
                + (" (license)" if c.kind == "license" else "") + (f". {md(c.note)}" if c.note else "")
                for c in p.certifications]
    if p.additional_info or p.resources:
        out += ["", "## Additional Information", ""]
        out += [md(par) + "\n" for par in p.additional_info]
        # An address that could break out of its link is shown as text, never as a link.
        out += [f"- {md(r.name)}: " + (f"<{link}>" if (link := sanitize.url(r.url)) else md(r.url)) for r in p.resources]
    if w:
        out += ["", f"## Salary Range ({md(w.area)}, {md(w.period)})", ""]
        out.append(md_table(["10th", "25th", "Median", "75th", "90th"],
                            [[wage(w, k) for k in ("p10", "p25", "median", "p75", "p90")]]))
    if o:
        out += [f"Outlook {md(o.period)}: {count(o.employment_start)} to {count(o.employment_end)} jobs "
                f"({growth(o.change_pct)}), about {count(o.openings)} openings a year.", ""]
    if p.related:
        out += ["## Related Careers", ""] + [f"- {md(r.title)} (`{r.slug}`)" for r in p.related]
    if p.sources:
        out += ["", "---", ""] + [f"*{md(s)}*  " for s in p.sources]
    return "\n".join(out).rstrip() + "\n"


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


# --- compare, search, list ---------------------------------------------------------------------


def compare_rows(profiles: list[Profile]) -> tuple[list[str], list[list[Any]]]:
    """The side-by-side table's rows as plain values (the same rows the terminal shows)."""
    from careerexplorer import render

    return ["", *(p.title for p in profiles)], [[cell.plain for cell in row] for row in render.compare_rows(profiles)]


def search_rows(results: list[Any]) -> tuple[list[str], list[list[Any]]]:
    return (["rank", "slug", "title", "onet_code", "score", "matched", "reason"],
            [[i, r.slug, r.title, r.onet_code, round(r.score, 1), r.matched, r.reason] for i, r in enumerate(results, 1)])


def list_rows(entries: list[dict[str, Any]], education: list[str]) -> tuple[list[str], list[list[Any]]]:
    return (["slug", "title", "onet_code", "salary", "education", "outlook", "growth", "openings"],
            [[e["slug"], e["title"], e["onet_code"], e["salary"], edu, e["outlook"], e["growth"], e["openings"]]
             for e, edu in zip(entries, education)])
