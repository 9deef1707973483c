"""Figures as people read them: dollars, counts, growth, "not published". No Rich, no files.

Shared by the terminal views and by export (JSON, Markdown, CSV), so a figure reads the same
in every format.
"""

from __future__ import annotations

from careerexplorer.model import Profile, Wages

NOT_PUBLISHED = "not published"


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


def compare_cells(profiles: list[Profile]) -> list[tuple[str, list[str], list[float | None] | None]]:
    """The side-by-side table of compare as plain strings: (label, one value a career, the numbers
    behind them where the row is a figure, so that a view can mark the best)."""
    rows: list[tuple[str, list[str], list[float | None] | None]] = []
    ws = [p.wages for p in profiles]
    os_ = [p.outlook for p in profiles]

    def numeric(label: str, values: list[float | None], shown: list[str]) -> None:
        rows.append((label, shown, values))

    def plain(label: str, shown: list[str]) -> None:
        rows.append((label, shown, None))

    numeric("AVG. SALARY", [w.mean if w else None for w in ws], [wage(w, "mean") for w in ws])
    numeric("Median", [w.median if w else None for w in ws], [wage(w, "median") for w in ws])
    plain("Range (10th-90th)", [f"{wage(w, 'p10')} - {wage(w, 'p90')}" for w in ws])
    plain("Education", [p.education.label if p.education else NOT_PUBLISHED for p in profiles])
    plain("Outlook", [(o.label or NOT_PUBLISHED) if o else NOT_PUBLISHED for o in os_])
    numeric("Growth", [o.change_pct if o else None for o in os_], [growth(o.change_pct if o else None) for o in os_])
    numeric("Openings a year", [o.openings if o else None for o in os_],
            [count(o.openings if o else None) for o in os_])
    numeric("Jobs", [w.employment if w else None for w in ws], [count(w.employment if w else None) for w in ws])
    plain("Cluster / pathway", [f"{p.cluster} / {p.pathway}" for p in profiles])
    plain("Certifications", [", ".join(c.abbr or c.name for c in p.certifications) or "none listed" for p in profiles])
    plain("Interests", [p.interest_code or NOT_PUBLISHED for p in profiles])
    return rows
