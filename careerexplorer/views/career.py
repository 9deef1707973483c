"""The career page of `show`: every section in the seed page's order, laid out as one Text."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from careerexplorer.figures import (
    MILITARY_NOTE,
    NOT_PUBLISHED,
    bright,
    count,
    group_of,
    growth,
    is_military,
    jobs,
    pay,
    self_employed,
    wage,
)
from careerexplorer.layout import DIM, Page, text
from careerexplorer.model import Profile, Program, Wages
from careerexplorer.results import CareerPage
from careerexplorer.sanitize import text as safe


def _bullet(title: str, aside: str, more: str = "") -> Text:
    """An item of a list: a title, an aside in dim type (its code or slug), then any more to say."""
    item = text(title)
    item.append(aside, style=DIM)
    if more:
        item.append(more)
    return item


def key_facts(page: Page, p: Profile) -> None:
    """The three key facts, AVG. SALARY, EDUCATION and JOB OUTLOOK, side by side in a box.

    Drawn by hand, in three columns: a Rich table and panel here cost more start-up than the
    whole rest of the page.
    """
    if p.wages is None and p.outlook is None and p.education is None and is_military(p.soc_code):
        inner = page.width - 4
        page.boxed(page.wrapped([Text(MILITARY_NOTE)], inner), inner)  # said once, not "not published" thrice
        return
    salary = [Text(pay(p.wages), style="bold green")]
    if p.wages:
        salary.append(Text(f"{safe(p.wages.period)}, {safe(p.wages.area)}", style=DIM))
        if group_of(p.wages.basis_code, p.soc_code, p.onet_code):  # a broader group's figures: say so here
            salary.append(Text(f"BLS group {safe(p.wages.basis_code)}", style=DIM))
    if p.outlook and p.outlook.self_employed_pct is not None and self_employed(p.outlook.self_employed_pct):
        salary.append(Text(f"{p.outlook.self_employed_pct:g}% self-employed (not in wages)", style=DIM))
    education = [Text(safe(p.education.label) if p.education else NOT_PUBLISHED, style="bold")]
    if p.education and p.education.ours:  # ours, from evidence about this occupation: say so here
        education.append(Text("ours (O*NET survey)", style=DIM))
        education.append(Text(f"BLS group {safe(p.education.basis_code)}: ", style=DIM))
        education[-1].append(safe(p.education.group_entry or ""), style=DIM)
    elif p.education and group_of(p.education.basis_code, p.soc_code, p.onet_code):
        education.append(Text(f"BLS group {safe(p.education.basis_code)}", style=DIM))
    outlook = [Text(safe(p.outlook.label) if p.outlook and p.outlook.label else NOT_PUBLISHED, style="bold")]
    if p.outlook and p.outlook.change_pct is not None:
        outlook.append(Text(f"{growth(p.outlook.change_pct)} jobs, {safe(p.outlook.period)}", style=DIM))
    if p.outlook and group_of(p.outlook.basis_code, p.soc_code, p.onet_code):
        outlook.append(Text(f"BLS group {safe(p.outlook.basis_code)}", style=DIM))
    if p.bright_outlook:
        outlook.append(Text(safe(bright(p.bright_outlook) or ""), style="bold yellow"))
    columns = [("AVG. SALARY", salary), ("EDUCATION", education), ("JOB OUTLOOK", outlook)]
    inner = page.width - 4  # the box's borders and a space inside each
    if inner >= 3 * 14:
        col = (inner - 4) // 3
        cells = [[Text(label, style="bold"), *page.wrapped(parts, col)] for label, parts in columns]
        rows: list[Text] = []
        for r in range(max(len(c) for c in cells)):
            row = Text()
            for i, cell in enumerate(cells):
                piece = cell[r] if r < len(cell) else Text()
                piece.truncate(col, pad=True)
                row.append_text(piece)
                row.append("  " if i < 2 else "")
            rows.append(row)
    else:  # too narrow for columns: one fact under another
        rows = []
        for label, parts in columns:
            rows.append(Text(label, style="bold"))
            rows.extend(page.wrapped(parts, inner))
    page.boxed(rows, inner)


def header(page: Page, p: Profile) -> None:
    page.line(Text(safe(p.title), style="bold"))
    dot = "-" if page.ascii_only else "·"
    page.line(Text(f"O*NET-SOC {safe(p.onet_code)}  {dot}  SOC {safe(p.soc_code)}", style=DIM))
    page.line(text(p.summary))
    if p.also_called:
        also = Text("Also called: ", style=DIM)
        also.append(safe(", ".join(p.also_called)))
        page.line(also)


def what_to_learn(page: Page, p: Profile, pathway: dict[str, Any] | None) -> None:
    from careerexplorer.page import more_programs, programs

    page.line(Text("High School", style="bold"), 2)
    intro = Text("What high school courses should you take? The ")
    intro.append(safe(p.cluster), style="bold")
    intro.append(" cluster, ")
    intro.append(safe(p.pathway), style="bold")
    intro.append(" pathway, recommends:")
    page.para(intro)
    if pathway and pathway.get("courses"):
        page.bullets(pathway["courses"])
    if p.courses:
        page.para(Text("For this career in particular:"))
        page.bullets(p.courses)
    elif p.subjects:
        page.para(Text("For this career in particular (from what the work draws on, O*NET Knowledge):"))
        page.bullets([s[0].upper() + s[1:] for s in p.subjects])
    if p.programs_note or p.programs:
        page.line()
        page.line(Text("Beyond High School", style="bold"), 2)
        page.para(p.programs_note)
        listed = programs(p)
        if listed.entry:
            page.para(Text("Programs to consider:"))
            page.bullets([_program(prog) for prog in listed.entry])
        if listed.later:
            page.para(Text("Later, after the degree (residencies, fellowships, advanced programs):"))
            page.bullets([_program(prog) for prog in listed.later])
        if listed.more:
            page.para(Text(more_programs(p, listed.more), style=DIM))


def _program(prog: Program) -> Text:
    return _bullet(prog.title, f" (CIP {safe(prog.cip)})", f": {safe(prog.note)}" if prog.note else "")


def education_level(page: Page, p: Profile) -> None:
    e = p.education
    if e:
        page.para(Text(safe(e.label), style="bold"))
    page.para(p.education_note)
    if e and e.ours:
        page.para(Text(f"Typical entry (ours, for this occupation): {safe(e.typical_entry)}", style=DIM))
        page.para(Text(f"Evidence: {safe(e.evidence or NOT_PUBLISHED)}", style=DIM))
        page.para(
            Text(
                f"BLS gives {safe(e.group_entry or '')} for its broader group {safe(e.basis_code or '')} "
                f"{safe(e.basis_title or '')}".rstrip(),
                style=DIM,
            )
        )
    elif e:
        page.para(Text(f"Typical entry (BLS): {safe(e.typical_entry)}", style=DIM))
        page.para(Text(f"Work experience: {safe(e.experience or NOT_PUBLISHED)}", style=DIM))
        page.para(Text(f"On-the-job training: {safe(e.training or NOT_PUBLISHED)}", style=DIM))
    if p.job_zone:
        page.para(Text(f"O*NET job zone {p.job_zone} of 5", style=DIM))


def survey_bars(p: Profile, width: int, ascii_only: bool) -> list[Text]:
    """The education survey as bars, one a level of schooling, on a scale of 100%."""
    label_w = max(len(s.category) for s in p.education_survey)
    bar_w = max(5, min(40, width - label_w - 12))
    fill = "#" if ascii_only else "█"
    rows = []
    for s in p.education_survey:
        row = Text(f"{safe(s.category):<{label_w}}  ")
        row.append(fill * max(1, round(s.shown / 100 * bar_w)), style="cyan")
        row.append(f" {s.shown}%")
        if s.suppressed:
            row.append(" (imprecise)", style=DIM)
        rows.append(row)
    return rows


def education_evidence(page: Page, p: Profile) -> None:
    """What BLS's categories mean, in our words, and what workers surveyed by O*NET say."""
    from careerexplorer.guidance import SURVEY_SOURCE, explained, survey_difference
    from careerexplorer.page import survey_note

    e = p.education
    sentences = []
    if e:
        sentences = [
            explained("entry", e.typical_entry),
            explained("experience", e.experience),
            explained("training", e.training),
        ]
    for sentence in sentences:
        page.para(sentence)
    if p.education_survey:
        page.para(Text("What workers in the job say it requires:", style="bold"))
        for row in survey_bars(p, page.width - 4, page.ascii_only):
            page.line(row, 4)
        page.para(Text(f"Source: {SURVEY_SOURCE}", style=DIM), 4)
        page.para(survey_note(p), 4)
        page.para(survey_difference(p))


def how_to_become(page: Page, p: Profile) -> None:
    from careerexplorer.guidance import how_to_become as steps_for

    for i, step in enumerate(steps_for(p), 1):
        page.line(text(step), 2, hang=3, first=f"{i}. ")


def insider_info(page: Page, p: Profile) -> None:
    open_q, close_q, dash = ('"', '"', "-") if page.ascii_only else ("“", "”", "—")
    for person in p.insider:
        who = Text(safe(person.name), style="bold")
        who.append(f", {safe(person.role)}, {safe(person.organization)}")
        page.para(who)
        for point in person.points:
            page.para(point)
        for quote in person.quotes:
            q = Text(f"{open_q}{safe(quote)}{close_q}", style="italic")
            q.append(f" {dash} {safe(person.name)}", style=DIM)
            page.para(q, indent=4)


def extra_requirements(page: Page, p: Profile) -> None:
    from careerexplorer.guidance import credential_label

    page.para(p.requirements_note)
    items = []
    for c in p.certifications:
        item = Text(f"{safe(c.abbr)}: " if c.abbr else "", style="bold")
        item.append(safe(c.name))
        item.append(f" ({safe(c.issuer)})", style=DIM)
        if label := credential_label(c):
            item.append(f". {label[0].upper()}{label[1:]}" + ("" if c.note else "."), style="yellow")
        if c.note:
            item.append(f". {safe(c.note)}")
        items.append(item)
    page.bullets(items)


def additional_information(page: Page, p: Profile) -> None:
    for par in p.additional_info:
        page.para(par)
    if p.resources:
        page.para(Text("For more information, visit these websites:"))
        items = []
        room = max(8, page.width - 4)  # a bullet's text: indent 2, mark 2
        for r in p.resources:
            item = text(r.name)
            url = safe(r.url)
            if len(url) <= room:
                item.append(f": {url}", style="blue")
            else:  # the address on lines of its own, broken after a / or - rather than mid-word
                item.append(":")
                item.append("\n" + "\n".join(url_lines(url, room)), style="blue")
            items.append(item)
        page.bullets(items)


def url_lines(url: str, width: int) -> list[str]:
    """A web address in pieces of at most width characters, each ending after a / - . ? & or =
    where one falls in the piece's last two thirds (a long word is cut only where none does)."""
    pieces = []
    while len(url) > width:
        cut = max(url.rfind(c, 0, width) for c in "/-.?&=_") + 1
        cut = cut if cut > width // 3 else width
        pieces.append(url[:cut])
        url = url[cut:]
    return [*pieces, url]


def salary_bar(w: Wages, width: int, ascii_only: bool, scale: tuple[float, float] | None = None) -> Text:
    """The 10th-90th percentile range as a bar, the median marked, on a shared scale if given."""
    low, high = scale or (w.p10 or 0, w.p90 or 0)
    if w.p10 is None or w.p90 is None or high <= low:
        return Text(NOT_PUBLISHED, style=DIM)
    width = max(width, 10)

    def col(value: float) -> int:
        return min(width - 1, max(0, round((value - low) / (high - low) * (width - 1))))

    fill, mark = ("=", "|") if ascii_only else ("━", "┃")
    start, end = col(w.p10), col(w.p90)
    bar = Text(" " * start)
    if w.median is None:
        bar.append(fill * (end - start + 1), style="green")
        return bar
    m = col(w.median)
    bar.append(fill * (m - start), style="green")
    bar.append(mark, style="bold")
    bar.append(fill * (end - m), style="green")
    return bar


def concentration(w: Wages) -> str:
    """Jobs per 1,000 and the location quotient, in words."""
    lq = w.location_quotient or 0.0
    # Both figures to two decimals, as `wages --by concentration` writes them.
    per = f"{w.jobs_per_1000:.2f} jobs per 1,000" if w.jobs_per_1000 is not None else "jobs per 1,000 not published"
    if lq >= 1.05:
        said = f"{lq:.2f} times as concentrated as in the U.S."
    elif lq <= 0.95 and lq > 0:
        said = f"{lq:.2f} times the U.S. concentration (less common here)"
    else:
        said = "about as concentrated as in the U.S."
    return f"{per}; {said}"


def salary_range(page: Page, p: Profile) -> None:
    w = p.wages
    if w is None:
        return
    if w.p10 is None and w.mean is None and w.hourly_mean is None:
        page.para(Text(f"{safe(w.area)}: {NOT_PUBLISHED} for this occupation", style=DIM))
        return
    page.line(salary_bar(w, max(10, min(60, page.width - 8)), page.ascii_only), 2)
    dot = "-" if page.ascii_only else "·"
    page.para(
        f"10th percentile {wage(w, 'p10')}  {dot}  median {wage(w, 'median')}  {dot}  90th percentile {wage(w, 'p90')}"
    )
    names = ("p10", "p25", "median", "p75", "p90")
    cells = [wage(w, n) for n in names]
    cell_w = max(9, *(len(c) for c in cells))
    if 2 + 5 * (cell_w + 1) <= page.width:
        page.line(
            Text("".join(f"{h:>{cell_w}} " for h in ("10th", "25th", "Median", "75th", "90th")).rstrip(), style="bold"),
            2,
        )
        page.line(Text("".join(f"{c:>{cell_w}} " for c in cells).rstrip()), 2)
    if w.mean is None and w.hourly_mean is not None:
        mean = f"Mean {wage(w, 'hourly_mean')} (BLS publishes this occupation by the hour only)"
    else:
        mean = f"Mean {wage(w, 'mean')} a year ({wage(w, 'hourly_mean')})"
    page.para(Text(f"{mean}; median {wage(w, 'hourly_median')}; {jobs(w.employment)}", style=DIM))
    if w.location_quotient is not None:
        page.para(Text(concentration(w), style=DIM))
    if w.basis_code:
        page.para(
            Text(f"Figures for the BLS group {safe(w.basis_code)} {safe(w.basis_title or '')}".rstrip(), style=DIM)
        )
    said = self_employed(p.outlook.self_employed_pct if p.outlook else None)
    if said:
        page.para(Text(said))
    if p.outlook and p.outlook.openings is not None:
        o = p.outlook
        page.para(
            Text(
                f"Outlook {safe(o.period)}: {count(o.employment_start)} to {count(o.employment_end)} jobs "
                f"({growth(o.change_pct)}), about {count(o.openings)} openings a year",
                style=DIM,
            )
        )


def work_style(page: Page, p: Profile) -> None:
    rows = []
    if p.interests:
        top = sorted(p.interests, key=lambda kv: -kv[1])[:3]
        rows.append(("Interests", f"{p.interest_code}: " + ", ".join(f"{k.title()} {v:.1f}" for k, v in top)))
    for label, items in (("Skills", p.skills), ("Knowledge", p.knowledge), ("Technology", p.technology)):
        if items:
            rows.append((label, ", ".join(items)))
    if p.cluster_2024:
        rows.append(("2024 cluster", f"{p.cluster_2024} / {p.subcluster_2024 or NOT_PUBLISHED}"))
    for label, value in rows:
        page.labelled(label, value)


def related_careers(page: Page, p: Profile) -> None:
    page.bullets([_bullet(rel.title, f"  ({safe(rel.slug)})") for rel in p.related])


def work_is_like(page: Page, p: Profile) -> None:
    """O*NET's labels for the work: its main activities, values and styles, shown as data."""
    if p.work_activities:
        page.para(Text("Main work activities (O*NET):"))
        page.bullets(p.work_activities)
    if p.work_values:
        page.labelled("Work values", ", ".join(p.work_values))
    if p.work_styles:
        page.labelled("Work styles", ", ".join(p.work_styles))


def where_it_leads(page: Page, p: Profile) -> None:
    from careerexplorer.guidance import lead_sentence, page_leads

    shown = page_leads(p)
    here = p.education.typical_entry if p.education else None
    page.bullets(
        [
            _bullet(lead.title, f"  ({safe(lead.slug)})", f": {lead_sentence(lead, here)}")
            if lead.kind  # leads made by hand carry no kind, pay or schooling: how alike, and what to build
            else _bullet(
                lead.title,
                f"  ({safe(lead.slug)}, {lead.similarity}% alike)",
                f"; build {safe(', '.join(lead.build))}" if lead.build else "",
            )
            for lead in shown
        ]
    )
    if any(lead.kind for lead in shown):
        page.para(Text("Pay differences: mean wages, U.S.", style=DIM))
    page.para(Text(f"Every kind of move: careers next {safe(p.slug)}", style=DIM))


WORK_ATTRIBUTION = (
    "Work activities, values, styles and the education survey: O*NET 29.3 Database, USDOL/ETA (CC BY 4.0)"
)


def sources_footer(page: Page, p: Profile) -> None:
    if p.sources:
        page.line()
        page.line(Text("Sources:", style=DIM))
        for s in p.sources:
            page.line(Text(safe(s), style=DIM), 2, hang=2)
        if p.work_activities or p.work_values or p.work_styles or p.education_survey:
            page.line(Text(WORK_ATTRIBUTION, style=DIM), 2, hang=2)


def career_page(p: Profile, pathway: dict[str, Any] | None, width: int, ascii_only: bool) -> Text:
    """Every section of a career, in the seed page's order; empty sections are left out.

    One Text, already wrapped to the width: Rich prints it without laying it out again, and
    where colour is off its plain text can be written as it is.
    """
    from careerexplorer.page import sections

    page = Page(width, ascii_only)
    header(page, p)
    page.line()
    key_facts(page, p)
    for section in sections(p):
        page.heading(safe(section.heading))
        if section.key == "what-to-learn":
            what_to_learn(page, p, pathway)
        elif section.key == "education-level":
            education_level(page, p)
            education_evidence(page, p)
        else:
            SECTIONS[section.key](page, p)
    sources_footer(page, p)
    return page.finish()


# The renderer of each section of careerexplorer.page (but the two above, which take more).
SECTIONS = {
    "how-to-become-one": how_to_become,
    "insider-info": insider_info,
    "extra-requirements": extra_requirements,
    "additional-information": additional_information,
    "salary-range": salary_range,
    "interests-and-skills": work_style,
    "what-the-work-is-like": work_is_like,
    "related-careers": related_careers,
    "where-it-leads": where_it_leads,
}


def show_page(r: CareerPage, width: int, ascii_only: bool) -> Text:
    return career_page(r.profile, r.pathway, width, ascii_only)
