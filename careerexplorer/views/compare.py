"""The side-by-side view of `compare`: the table, salary ranges on one scale, the differences."""

from __future__ import annotations

from rich.text import Text

from careerexplorer.figures import NOT_PUBLISHED, compare_cells, count, credential, growth, money
from careerexplorer.layout import DIM, HEADING, Page
from careerexplorer.model import INTERESTS, Profile
from careerexplorer.results import Comparison
from careerexplorer.sanitize import text as safe
from careerexplorer.views.career import salary_bar


def compare_rows(profiles: list[Profile]) -> list[list[Text]]:
    """The rows of the side-by-side table; the best value of each numeric row in bold green."""
    rows: list[list[Text]] = []
    for label, shown, values in compare_cells(profiles):
        present = [v for v in values if v is not None] if values else []
        best = max(present) if len(present) > 1 else None
        cells = [
            Text(safe(s), style="bold green" if values and best is not None and values[i] == best else "")
            for i, s in enumerate(shown)
        ]
        rows.append([Text(label, style="bold"), *cells])
    return rows


def compare_table(page: Page, profiles: list[Profile]) -> None:
    """2 to 4 careers side by side in one table; on a narrow terminal, one career after another."""
    rows = compare_rows(profiles)
    label_w = max(len(r[0].plain) for r in rows)
    n = len(profiles)
    col = (page.width - 1 - 3 * (n + 1) - label_w) // n
    if col >= 8:
        page.grid(["", *(safe(p.title) for p in profiles)], rows, [label_w, *[col] * n], boxed=True)
        return
    for i, p in enumerate(profiles):  # too narrow for columns
        page.line(Text(safe(p.title), style=HEADING))
        for row in rows:
            page.labelled(row[0].plain, row[i + 1].plain, label_width=label_w + 2)
        page.line()


def legend(page: Page, profiles: list[Profile]) -> None:
    """What the table's codes mean, and what its figures cover: never a mark without its key."""
    letters = {ch for p in profiles for ch in (p.interest_code or "")}
    if letters:
        names = ", ".join(f"{i[0].upper()} {i}" for i in INTERESTS if i[0].upper() in letters)
        page.line(Text(f"Interests: Holland codes, strongest first ({names}).", style=DIM), 0, hang=2)
    areas = {p.wages.area for p in profiles if p.wages}
    if areas - {"U.S."}:
        page.line(
            Text(
                f"Wages for {safe(', '.join(sorted(areas)))}; outlook, growth and openings are U.S. projections.",
                style=DIM,
            ),
            0,
            hang=2,
        )


def salary_bars(page: Page, profiles: list[Profile]) -> None:
    """Each career's 10th-90th percentile range on one shared scale, the median marked."""
    ranges = [p.wages for p in profiles if p.wages and p.wages.p10 is not None and p.wages.p90 is not None]
    if len(ranges) < 2:
        return
    low = min(w.p10 for w in ranges if w.p10 is not None)
    high = max(w.p90 for w in ranges if w.p90 is not None)
    label_w = min(28, max(len(p.title) for p in profiles))
    bar_w = max(10, page.width - label_w - 4)
    area = ranges[0].area
    page.heading(f"Salary ranges, 10th to 90th percentile, median marked ({safe(area)}, {safe(ranges[0].period)})")
    for p in profiles:
        name = safe(p.title)
        name = name if len(name) <= label_w else name[: label_w - 1] + ("." if page.ascii_only else "…")
        row = Text(f"{name:<{label_w}}  ")
        row.append_text(
            salary_bar(p.wages, bar_w, page.ascii_only, (low, high)) if p.wages else Text(NOT_PUBLISHED, style=DIM)
        )
        page.line(row, 0)
    scale = Text(f"{'':<{label_w}}  {money(low)}", style=DIM)
    right = money(high)
    scale.append(" " * max(1, bar_w - len(money(low)) - len(right)) + right, style=DIM)
    page.line(scale, 0)


def differences(page: Page, profiles: list[Profile]) -> None:
    """What sets the careers apart, spelled out."""
    notes: list[str] = []
    schooled = sorted((p for p in profiles if p.education), key=lambda p: p.education.rank)  # type: ignore[union-attr]
    if len(schooled) > 1:
        groups: dict[str, list[str]] = {}
        for p in schooled:
            groups.setdefault(p.education.label, []).append(p.title)  # type: ignore[union-attr]
        if len(groups) == 1:
            notes.append(f"All of them usually start with the same schooling: {next(iter(groups))}.")
        else:
            notes.append(
                "Schooling to start, least first: "
                + "; ".join(f"{' and '.join(titles)}, {label}" for label, titles in groups.items())
                + "."
            )
    # Tuples of the title and the figures, so that each figure is known to be there.
    growing = [(p.title, o.period, o.change_pct) for p in profiles if (o := p.outlook) and o.change_pct is not None]
    if len(growing) > 1:
        by_growth = sorted(growing, key=lambda g: -g[2])
        notes.append(
            "Growth " + safe(by_growth[0][1]) + ": " + ", ".join(f"{t} {growth(c)}" for t, _, c in by_growth) + "."
        )
    opening = [(p.title, o.openings) for p in profiles if (o := p.outlook) and o.openings is not None]
    if len(opening) > 1:
        by_openings = sorted(opening, key=lambda g: -g[1])
        notes.append("Openings a year: " + ", ".join(f"{t} {count(n)}" for t, n in by_openings) + ".")
    paid = [(p.title, w.median) for p in profiles if (w := p.wages) and w.median is not None]
    if len(paid) > 1:
        top = max(paid, key=lambda g: g[1])
        bottom = min(paid, key=lambda g: g[1])
        gap = top[1] - bottom[1]
        if gap:
            notes.append(f"Median pay: {top[0]} earns {money(gap)} a year more than {bottom[0]}.")
    if notes:
        page.heading("How they differ")
        page.bullets(notes)
    _shared(page, "Certifications", [[credential(c) for c in p.certifications] for p in profiles], profiles)
    _shared(page, "Skills", [list(p.skills) for p in profiles], profiles)


def _shared(page: Page, label: str, lists: list[list[str]], profiles: list[Profile]) -> None:
    if sum(1 for items in lists if items) < 2:
        return
    common = set(lists[0]).intersection(*map(set, lists[1:]))
    width = min(30, max(len(p.title) for p in profiles)) + 2
    page.heading(f"{label}: shared and distinct")
    page.labelled("Shared", ", ".join(i for i in lists[0] if i in common) or "none", label_width=width)
    for p, items in zip(profiles, lists, strict=True):
        own = [i for i in items if i not in common]
        title = p.title if len(p.title) <= width - 2 else p.title[: width - 3] + ("." if page.ascii_only else "…")
        page.labelled(title, ", ".join(own) or "nothing of its own", label_width=width)


def comparison(profiles: list[Profile], width: int, ascii_only: bool) -> Text:
    """The side-by-side table, then salary bars on one scale, the differences, and the overlaps."""
    page = Page(width, ascii_only)
    compare_table(page, profiles)
    legend(page, profiles)
    salary_bars(page, profiles)
    differences(page, profiles)
    return page.finish()


def compare_page(r: Comparison, width: int, ascii_only: bool) -> Text:
    return comparison(list(r.profiles), width, ascii_only)
