"""The `wages` page: where a career pays most or employs most, states and areas ranked with bars."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from careerexplorer.areas import Area
from careerexplorer.figures import count, pay
from careerexplorer.layout import DIM, HEADING, Page
from careerexplorer.model import Wages
from careerexplorer.results import WageMap
from careerexplorer.sanitize import text as safe

BY = {"mean": "mean wage", "median": "median wage", "employment": "employment", "concentration": "concentration"}


def value(w: Wages, by: str) -> float:
    figure = {"mean": w.mean, "median": w.median, "employment": w.employment, "concentration": w.location_quotient}[by]
    return float(figure or 0)


def shown(w: Wages, by: str) -> str:
    if by == "employment":
        return count(w.employment)
    if by == "concentration":
        return f"{w.location_quotient:.2f}x U.S." if w.location_quotient is not None else "not published"
    if by == "median":
        from careerexplorer.figures import wage

        return wage(w, "median")
    return pay(w)


class Scale(NamedTuple):
    """One layout for every ranking of a page, so that a bar means the same length everywhere."""

    top: float  # the figure a full bar stands for
    label_w: int
    figure_w: int
    bar_w: int


def scale(page: Page, rankings: list[tuple[tuple[Area, Wages], ...]], by: str, reference: float | None) -> Scale:
    rows = [row for ranked in rankings for row in ranked]
    n = len(str(max([len(r) for r in rankings] + [1])))
    label_w = min(34, max([len(safe(a.name)) for a, _ in rows] + [1]))
    figure_w = max([len(shown(w, by)) for _, w in rows] + [1])
    top = max([value(w, by) for _, w in rows] + [reference or 0.0]) or 1.0
    return Scale(top, label_w, figure_w, page.width - n - label_w - figure_w - 6)


def ranking(page: Page, title: str, rows: tuple[tuple[Area, Wages], ...], by: str, at: Scale) -> None:
    page.heading(title)
    if not rows:
        page.para(Text("not published for any of them", style=DIM))
        return
    n = len(str(len(rows)))
    block = "#" if page.ascii_only else "█"
    for i, (area, w) in enumerate(rows, 1):
        label = safe(area.name)
        name = label if len(label) <= at.label_w else label[: at.label_w - 1] + ("~" if page.ascii_only else "…")
        row = Text(f"{i:>{n}}  {name:<{at.label_w}} {shown(w, by):>{at.figure_w}} ")
        if at.bar_w >= 5:
            row.append(block * max(1, round(value(w, by) / at.top * at.bar_w)), style="green")
        page.line(row, 0)


def wages_page(r: WageMap, width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    p = r.profile
    w = p.wages
    head = Text(safe(p.title), style="bold")
    head.append(f"  (SOC {safe(p.soc_code)})", style=DIM)
    page.line(head)
    period = w.period if w else "May 2025"
    page.line(Text(f"Ranked by {BY[r.by]}; BLS OEWS, {safe(period)}", style=DIM))
    if w is not None:
        national = Text("U.S.: ", style="bold")
        national.append(f"{pay(w)} mean, {shown(w, 'median')} median, {count(w.employment)} jobs")
        page.line(national)
        if w.basis_code:
            page.line(
                Text(f"Figures for the BLS group {safe(w.basis_code)} {safe(w.basis_title or '')}".rstrip(), style=DIM)
            )
    reference = value(w, r.by) if w is not None and r.by in ("mean", "median", "employment") else None
    if r.by == "employment":
        reference = None  # a state's jobs and the nation's are not on one scale
    where = (
        f"Metropolitan and nonmetropolitan areas of {r.state}" if r.state else "Metropolitan and nonmetropolitan areas"
    )
    rankings = [("States", r.states)] if not r.state else []
    rankings.append((where, r.areas))
    if r.by == "employment":
        # A state's jobs and an area's are not on one scale: each ranking has its own, and says so.
        for title, rows in rankings:
            ranking(page, f"{title} (bars to the largest of this list)", rows, r.by, scale(page, [rows], r.by, None))
    else:
        at = scale(page, [rows for _, rows in rankings], r.by, reference)
        for title, rows in rankings:
            ranking(page, title, rows, r.by, at)
    return page.finish()


__all__ = ["HEADING", "wages_page"]
