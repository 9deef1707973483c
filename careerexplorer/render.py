"""Profiles and results to Rich renderables. Never reads files, never prints, never exits.

Every piece of profile text goes through ``safe`` and into a ``Text`` object, so Rich markup and
terminal control sequences in data are shown as inert text.
"""

from __future__ import annotations

import re
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careerexplorer.model import Profile, Wages

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HEADING = "bold cyan"
DIM = "dim"
NOT_PUBLISHED = "not published"


def safe(value: Any) -> str:
    """Text from data with control characters made visible (ESC becomes \\x1b), newlines kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def text(value: Any, style: str = "") -> Text:
    return Text(safe(value), style=style)


def money(value: float | None, at_least: bool = False) -> str:
    if value is None:
        return NOT_PUBLISHED
    return f"${value:,.0f}" + ("+" if at_least else "")


def hourly(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"${value:,.2f}/hr"


def count(value: int | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:,}"


def growth(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:+.1f}%"


def wage(w: Wages | None, name: str) -> str:
    if w is None:
        return NOT_PUBLISHED
    return money(getattr(w, name), name in w.at_least)


def heading(title: str) -> Text:
    return Text(title, style=HEADING)


def section(title: str, *parts: RenderableType | None) -> RenderableType | None:
    """A titled section; None when it has no content, so empty sections are never shown."""
    body = [p for p in parts if p is not None]
    if not body:
        return None
    return Group(Text(""), heading(title), Padding(Group(*body), (0, 0, 0, 2), expand=False))


def paragraph(value: str | None) -> Text | None:
    return text(value) if value else None


def bullets(items: list[Any] | tuple[Any, ...], ascii_only: bool = False) -> Table | None:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    if not items:
        return None
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    mark = "-" if ascii_only else "•"
    for item in items:
        grid.add_row(mark, item if isinstance(item, Text) else text(item))
    return grid


# --- show ----------------------------------------------------------------------------------


def key_facts(p: Profile) -> Panel:
    """The three key facts: AVG. SALARY, EDUCATION, JOB OUTLOOK."""
    grid = Table.grid(expand=True, padding=(0, 2))
    for _ in range(3):
        grid.add_column(ratio=1)
    labels = [Text(t, style="bold") for t in ("AVG. SALARY", "EDUCATION", "JOB OUTLOOK")]
    salary = Text(wage(p.wages, "mean"), style="bold green")
    if p.wages:
        salary.append(f"\n{safe(p.wages.period)}, {safe(p.wages.area)}", style=DIM)
    education = Text(safe(p.education.label) if p.education else NOT_PUBLISHED, style="bold")
    outlook = Text(safe(p.outlook.label) if p.outlook and p.outlook.label else NOT_PUBLISHED, style="bold")
    if p.outlook and p.outlook.change_pct is not None:
        outlook.append(f"\n{growth(p.outlook.change_pct)} jobs, {safe(p.outlook.period)}", style=DIM)
    if p.bright_outlook:
        outlook.append("\nBright Outlook", style="bold yellow")
    grid.add_row(*labels)
    grid.add_row(salary, education, outlook)
    return Panel(grid, box=box.ROUNDED, padding=(0, 1))


def header(p: Profile) -> Group:
    codes = Text(f"O*NET-SOC {safe(p.onet_code)}  ·  SOC {safe(p.soc_code)}", style=DIM)
    parts: list[RenderableType] = [Text(safe(p.title), style="bold"), codes, text(p.summary)]
    if p.also_called:
        also = Text("Also called: ", style=DIM)
        also.append(safe(", ".join(p.also_called)))
        parts.append(also)
    return Group(*parts)


def what_to_learn(p: Profile, pathway: dict[str, Any] | None, ascii_only: bool) -> RenderableType | None:
    high_school: list[RenderableType] = []
    intro = Text("What high school courses should you take? The ")
    intro.append(safe(p.cluster), style="bold")
    intro.append(" cluster, ")
    intro.append(safe(p.pathway), style="bold")
    intro.append(" pathway, recommends:")
    high_school.append(intro)
    if pathway and pathway.get("courses"):
        high_school.append(bullets(pathway["courses"], ascii_only) or Text())
    if p.courses:
        high_school.append(Text("For this career in particular:"))
        high_school.append(bullets(p.courses, ascii_only) or Text())
    beyond: list[RenderableType] = []
    if p.programs_note:
        beyond.append(text(p.programs_note))
    if p.programs:
        beyond.append(Text("Programs to consider:"))
        items = []
        for prog in p.programs:
            line = text(prog.title)
            line.append(f" (CIP {safe(prog.cip)})", style=DIM)
            if prog.note:
                line.append(f": {safe(prog.note)}")
            items.append(line)
        beyond.append(bullets(items, ascii_only) or Text())
    return section(
        "What To Learn",
        Group(Text("High School", style="bold"), *high_school),
        Group(Text(""), Text("Beyond High School", style="bold"), *beyond) if beyond else None,
    )


def education_level(p: Profile) -> RenderableType | None:
    e = p.education
    if e is None and not p.education_note and p.job_zone is None:
        return None
    parts: list[RenderableType | None] = []
    if e:
        parts.append(Text(safe(e.label), style="bold"))
    parts.append(paragraph(p.education_note))
    if e:
        facts = Text(f"Typical entry (BLS): {safe(e.typical_entry)}", style=DIM)
        facts.append(f"\nWork experience: {safe(e.experience or NOT_PUBLISHED)}", style=DIM)
        facts.append(f"\nOn-the-job training: {safe(e.training or NOT_PUBLISHED)}", style=DIM)
        parts.append(facts)
    if p.job_zone:
        parts.append(Text(f"O*NET job zone {p.job_zone} of 5", style=DIM))
    return section("Education Level", *parts)


def insider_info(p: Profile, ascii_only: bool) -> RenderableType | None:
    blocks: list[RenderableType] = []
    open_q, close_q = ('"', '"') if ascii_only else ("“", "”")
    for person in p.insider:
        who = Text(safe(person.name), style="bold")
        who.append(f", {safe(person.role)}, {safe(person.organization)}")
        blocks.append(who)
        for point in person.points:
            blocks.append(text(point))
        for quote in person.quotes:
            q = Text(f"{open_q}{safe(quote)}{close_q}", style="italic")
            q.append(f" — {safe(person.name)}" if not ascii_only else f" - {safe(person.name)}", style=DIM)
            blocks.append(Padding(q, (0, 0, 0, 2), expand=False))
    return section("Insider Info", *blocks)


def extra_requirements(p: Profile, ascii_only: bool) -> RenderableType | None:
    items = []
    for c in p.certifications:
        line = Text(f"{safe(c.abbr)}: " if c.abbr else "", style="bold")
        line.append(safe(c.name))
        line.append(f" ({safe(c.issuer)})", style=DIM)
        if c.kind == "license":
            line.append(" (license)", style="yellow")
        if c.note:
            line.append(f". {safe(c.note)}")
        items.append(line)
    return section("Extra Requirements", paragraph(p.requirements_note), bullets(items, ascii_only))


def additional_information(p: Profile, ascii_only: bool) -> RenderableType | None:
    parts: list[RenderableType | None] = [text(par) for par in p.additional_info]
    if p.resources:
        parts.append(Text("For more information, visit these websites:"))
        items = []
        for r in p.resources:
            line = text(r.name)
            line.append(f": {safe(r.url)}", style="blue")
            items.append(line)
        parts.append(bullets(items, ascii_only))
    return section("Additional Information", *parts)


def salary_bar(w: Wages, width: int, ascii_only: bool, scale: tuple[float, float] | None = None) -> Text:
    """The 10th-90th percentile range as a bar, the median marked, on a shared scale if given."""
    low, high = scale or (w.p10 or 0, w.p90 or 0)
    if w.p10 is None or w.p90 is None or high <= low:
        return Text(NOT_PUBLISHED, style=DIM)
    width = max(width, 10)

    def col(value: float) -> int:
        return min(width - 1, max(0, round((value - low) / (high - low) * (width - 1))))

    fill, empty, mark = ("=", " ", "|") if ascii_only else ("━", " ", "┃")
    start, end = col(w.p10), col(w.p90)
    cells = [empty] * width
    for i in range(start, end + 1):
        cells[i] = fill
    bar = Text("".join(cells[:start]))
    bar.append("".join(cells[start : end + 1]), style="green")
    if w.median is not None:
        m = col(w.median)
        bar = Text("".join(cells[:start]))
        bar.append("".join(cells[start:m]), style="green")
        bar.append(mark, style="bold white")
        bar.append("".join(cells[m + 1 : end + 1]), style="green")
    return bar


def salary_range(p: Profile, width: int, ascii_only: bool) -> RenderableType | None:
    w = p.wages
    if w is None:
        return None
    bar_width = max(10, min(60, width - 8))
    bar = salary_bar(w, bar_width, ascii_only)
    label = Text(f"10th percentile {wage(w, 'p10')}  ·  median {wage(w, 'median')}  ·  90th percentile {wage(w, 'p90')}")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("10th", "25th", "Median", "75th", "90th"):
        table.add_column(name, justify="right")
    table.add_row(*(wage(w, f) for f in ("p10", "p25", "median", "p75", "p90")))
    extra = Text(
        f"Mean {wage(w, 'mean')} a year ({hourly(w.hourly_mean)}); median {hourly(w.hourly_median)}; "
        f"{count(w.employment)} jobs",
        style=DIM,
    )
    parts: list[RenderableType] = [bar, label, table, extra]
    if w.basis_code:
        parts.append(Text(f"Figures for the BLS group {safe(w.basis_code)} {safe(w.basis_title or '')}", style=DIM))
    if p.outlook and p.outlook.openings is not None:
        o = p.outlook
        parts.append(Text(
            f"Outlook {safe(o.period)}: {count(o.employment_start)} to {count(o.employment_end)} jobs "
            f"({growth(o.change_pct)}), about {count(o.openings)} openings a year",
            style=DIM,
        ))
    return section(f"Salary Range ({safe(w.area)}, {safe(w.period)})", *parts)


def work_style(p: Profile) -> RenderableType | None:
    rows = []
    if p.interests:
        top = sorted(p.interests, key=lambda kv: -kv[1])[:3]
        rows.append(("Interests", f"{p.interest_code}: " + ", ".join(f"{k.title()} {v:.1f}" for k, v in top)))
    for label, items in (("Skills", p.skills), ("Knowledge", p.knowledge), ("Technology", p.technology)):
        if items:
            rows.append((label, ", ".join(items)))
    if p.cluster_2024:
        rows.append(("2024 cluster", f"{p.cluster_2024} / {p.subcluster_2024 or NOT_PUBLISHED}"))
    if not rows:
        return None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in rows:
        grid.add_row(label, text(value))
    return section("Interests and Skills", grid)


def related_careers(p: Profile, ascii_only: bool) -> RenderableType | None:
    items = []
    for rel in p.related:
        line = text(rel.title)
        line.append(f"  careers show {safe(rel.slug)}", style=DIM)
        items.append(line)
    return section("Related Careers", bullets(items, ascii_only))


def sources_footer(p: Profile) -> Text:
    lines = [safe(s) for s in p.sources]
    return Text("\n" + "\n".join(["Sources:"] + [f"  {s}" for s in lines]) if lines else "", style=DIM)


def career_page(p: Profile, pathway: dict[str, Any] | None, width: int, ascii_only: bool) -> Group:
    """Every section of a career, in the seed page's order; empty sections are left out."""
    parts = [
        header(p),
        Text(""),
        key_facts(p),
        what_to_learn(p, pathway, ascii_only),
        education_level(p),
        insider_info(p, ascii_only),
        extra_requirements(p, ascii_only),
        additional_information(p, ascii_only),
        salary_range(p, width, ascii_only),
        work_style(p),
        related_careers(p, ascii_only),
        sources_footer(p),
    ]
    return Group(*(x for x in parts if x is not None))


# --- compare -------------------------------------------------------------------------------


def compare_table(profiles: list[Profile], ascii_only: bool) -> Table:
    """2 to 4 careers side by side; the best value of each numeric row in bold green."""
    table = Table(box=box.ROUNDED if not ascii_only else box.ASCII, show_lines=True)
    table.add_column("", style="bold", no_wrap=True)
    for p in profiles:
        table.add_column(text(p.title), overflow="fold")

    def numeric(label: str, values: list[float | None], shown: list[str]) -> None:
        present = [v for v in values if v is not None]
        best = max(present) if len(present) > 1 else None
        cells = [Text(s, style="bold green" if v is not None and v == best else "") for v, s in zip(values, shown)]
        table.add_row(label, *cells)

    def plain(label: str, shown: list[str]) -> None:
        table.add_row(label, *(text(s) for s in shown))

    ws = [p.wages for p in profiles]
    os_ = [p.outlook for p in profiles]
    numeric("AVG. SALARY", [w.mean if w else None for w in ws], [wage(w, "mean") for w in ws])
    numeric("Median", [w.median if w else None for w in ws], [wage(w, "median") for w in ws])
    plain("Range (10th-90th)", [f"{wage(w, 'p10')} - {wage(w, 'p90')}" for w in ws])
    plain("Education", [p.education.label if p.education else NOT_PUBLISHED for p in profiles])
    plain("Outlook", [(o.label or NOT_PUBLISHED) if o else NOT_PUBLISHED for o in os_])
    numeric("Growth", [o.change_pct if o else None for o in os_], [growth(o.change_pct if o else None) for o in os_])
    numeric("Openings a year", [o.openings if o else None for o in os_], [count(o.openings if o else None) for o in os_])
    numeric("Jobs", [w.employment if w else None for w in ws], [count(w.employment if w else None) for w in ws])
    plain("Cluster / pathway", [f"{p.cluster} / {p.pathway}" for p in profiles])
    plain("Certifications", [", ".join(c.abbr or c.name for c in p.certifications) or "none listed" for p in profiles])
    plain("Interests", [p.interest_code or NOT_PUBLISHED for p in profiles])
    return table


# --- search and list -------------------------------------------------------------------------


def search_results(results: list[Any]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", style=DIM)
    table.add_column("Career (and its slug)", ratio=3, overflow="fold")
    table.add_column("Why it matched", ratio=2)
    for i, r in enumerate(results, 1):
        cell = Text(safe(r.title), style="bold")
        cell.append("\n" + safe(r.slug), style=DIM)
        table.add_row(str(i), cell, text(r.reason))
    return table


def list_lines(entries: list[dict[str, Any]], width: int, education: list[str], outlook: list[str]) -> Text:
    """One line a career, in fixed columns: cheap to lay out for the whole catalog."""
    salary_w, edu_w, outlook_w = 13, 21, 19
    title_w = max(12, width - salary_w - edu_w - outlook_w - 3)
    out = Text()
    head = f"{'Career':<{title_w}} {'Salary':>{salary_w}} {'Education':<{edu_w}} {'Outlook':<{outlook_w}}"
    out.append(head[:width].rstrip() + "\n", style="bold")
    for entry, edu, grow in zip(entries, education, outlook):
        title = safe(entry["title"])
        if len(title) > title_w:
            title = title[: title_w - 1] + "…"
        salary = money(entry.get("salary"))
        line = f"{title:<{title_w}} {salary:>{salary_w}} {edu[:edu_w]:<{edu_w}} {grow[:outlook_w]}"
        out.append(line[:width].rstrip() + "\n")
    return out
