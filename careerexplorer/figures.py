"""Figures as people read them: dollars, counts, growth, "not published". No Rich, no files.

Shared by the terminal views and by export (JSON, Markdown, CSV), so a figure reads the same
in every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerexplorer.model import Certification, Profile, Wages

if TYPE_CHECKING:
    from careerexplorer.index import Entry

NOT_PUBLISHED = "not published"


def money(value: float | None, at_least: bool = False) -> str:
    """Dollars a year; a figure BLS top-codes reads "$239,200 or more"."""
    if value is None:
        return NOT_PUBLISHED
    return f"${value:,.0f}" + (" or more" if at_least else "")


def hourly(value: float | None, at_least: bool = False) -> str:
    return NOT_PUBLISHED if value is None else f"${value:,.2f}/hr" + (" or more" if at_least else "")


def count(value: int | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:,}"


def jobs(value: int | None) -> str:
    """'194,720 jobs', or 'employment not published'."""
    return "employment not published" if value is None else f"{value:,} jobs"


def pay(w: Wages | None) -> str:
    """The key fact: the annual mean, or for careers BLS publishes only by the hour, the hourly mean."""
    if w is None:
        return NOT_PUBLISHED
    if w.mean is None and w.hourly_mean is not None:
        return hourly(w.hourly_mean, "hourly_mean" in w.at_least) + " (hourly)"
    return money(w.mean, "mean" in w.at_least)


def entry_pay(e: Entry) -> str:
    """The key fact of an index entry, as ``pay`` gives it for a profile."""
    at_least = e.get("at_least", [])
    if e["salary"] is None and e.get("hourly") is not None:
        return hourly(e["hourly"], "hourly_mean" in at_least) + " (hourly)"
    return money(e["salary"], "mean" in at_least)


def group_of(basis_code: str | None, soc_code: str, onet_code: str) -> str | None:
    """The broader BLS group whose figures a career shows, or None when they are its own: an
    occupation's main O*NET code (.00) is what BLS counts under its SOC code, so its figures
    are its own; a specialty (.01...) or an occupation BLS counts inside an aggregate is not."""
    if not basis_code or (basis_code == soc_code and onet_code.endswith(".00")):
        return None
    return basis_code


def borrowed(e: Entry) -> str | None:
    """The broader BLS group whose figures an entry shows, if any (wages, outlook or education)."""
    for key in ("wage_basis", "outlook_basis", "education_basis"):
        group = group_of(e.get(key), e.get("soc_code", ""), e.get("onet_code", ""))  # type: ignore[arg-type]
        if group:
            return group
    return None


# Where the share of self-employed workers is worth a word beside the wages (BLS table 1.2).
SELF_EMPLOYED_SHOWN = 10.0


def self_employed(pct: float | None) -> str | None:
    """The self-employed share in words, with the caveat it puts on the wages; None below the
    share worth saying (or where BLS publishes none)."""
    if pct is None or pct < SELF_EMPLOYED_SHOWN:
        return None
    if pct >= 50:
        share = f"More than half ({pct:g}%)"
    else:
        share = f"About 1 in {round(100 / pct)} ({pct:g}%)"
    return f"{share} work for themselves; BLS wages count only employees."


def self_employed_pct(pct: float | None) -> str:
    return NOT_PUBLISHED if pct is None else f"{pct:g}%"


# The armed forces (SOC 55-) are outside the surveys behind BLS wages and projections.
MILITARY_NOTE = (
    "BLS surveys civilian jobs only, so it publishes no wages, outlook or entry education for "
    "military careers. Military pay is set by pay grade and years of service, in the military pay "
    "tables the Defense Finance and Accounting Service (DFAS) publishes."
)


MILITARY_PAY = "military pay tables (DFAS)"


def is_military(soc_code: str) -> bool:
    return soc_code.startswith("55-")


# O*NET's Bright Outlook reasons, in the words a page uses.
BRIGHT_REASONS = {
    "Rapid Growth": "growing rapidly",
    "Numerous Job Openings": "many job openings",
    "New and Emerging": "new and emerging",
}


def bright_reason(reasons: list[str] | tuple[str, ...]) -> str | None:
    """Why O*NET flags a career Bright Outlook ("many job openings"), or None when it does not:
    a declining career can be flagged for its openings alone."""
    if not reasons:
        return None
    return ", ".join(BRIGHT_REASONS.get(r, r.lower()) for r in reasons)


def bright(reasons: list[str] | tuple[str, ...]) -> str | None:
    """ "Bright Outlook: many job openings", or None."""
    reason = bright_reason(reasons)
    return f"Bright Outlook: {reason}" if reason else None


OWN_EDUCATION = "ours: from O*NET's survey of this occupation"


def growth(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:+.1f}%"


def wage(w: Wages | None, name: str) -> str:
    if w is None:
        return NOT_PUBLISHED
    if name.startswith("hourly"):
        return hourly(getattr(w, name), name in w.at_least)
    return money(getattr(w, name), name in w.at_least)


def basis(p: Profile) -> str | None:
    """Which figures of a profile are a broader BLS group's, in words; None when all are its own."""
    groups: dict[str, list[str]] = {}
    for what, part in (("wages", p.wages), ("outlook", p.outlook), ("education", p.education)):
        group = group_of(part.basis_code, p.soc_code, p.onet_code) if part is not None else None
        if group:
            # Where the entry level is ours, only the group's experience and training remain its.
            groups.setdefault(group, []).append(
                "experience and training" if what == "education" and p.education and p.education.ours else what
            )
    if not groups:
        return None
    said = "; ".join(f"{', '.join(whats)} of the BLS group {code}" for code, whats in groups.items())
    if p.education and p.education.ours:
        said += f"; entry education {OWN_EDUCATION}"
    return said


# Abbreviations the pages also use for a source: a credential so abbreviated is named in full too,
# so that 'BLS' (Basic Life Support) is not read as the Bureau of Labor Statistics.
SOURCE_ABBREVIATIONS = frozenset({"BLS", "ONET", "O*NET", "NCES", "OEWS"})


def credential(c: Certification) -> str:
    """A credential as short as it can be said: its abbreviation, or its name (also where the
    abbreviation is a source's)."""
    if c.abbr and c.abbr.upper() not in SOURCE_ABBREVIATIONS:
        return str(c.abbr)
    return str(c.name)


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

    numeric(
        "AVG. SALARY",
        [w.mean if w else None for w in ws],
        [MILITARY_PAY if w is None and is_military(p.soc_code) else pay(w) for w, p in zip(ws, profiles, strict=True)],
    )
    numeric("Median", [w.median if w else None for w in ws], [wage(w, "median") for w in ws])
    plain("Range (10th-90th)", [f"{wage(w, 'p10')} - {wage(w, 'p90')}" for w in ws])
    plain(
        "Education",
        [
            (p.education.label + (" (ours)" if p.education.ours else "")) if p.education else NOT_PUBLISHED
            for p in profiles
        ],
    )
    plain("Outlook", [(o.label or NOT_PUBLISHED) if o else NOT_PUBLISHED for o in os_])
    if any(p.bright_outlook for p in profiles):
        plain("Bright Outlook", [bright_reason(p.bright_outlook) or "no" for p in profiles])
    numeric("Growth", [o.change_pct if o else None for o in os_], [growth(o.change_pct if o else None) for o in os_])
    numeric(
        "Openings a year", [o.openings if o else None for o in os_], [count(o.openings if o else None) for o in os_]
    )
    numeric("Jobs", [w.employment if w else None for w in ws], [count(w.employment if w else None) for w in ws])
    shares = [o.self_employed_pct if o else None for o in os_]
    plain("Self-employed", [self_employed_pct(v) for v in shares])
    if any(basis(p) for p in profiles):
        plain("Figures from", [basis(p) or "its own" for p in profiles])
    plain("Cluster / pathway", [f"{p.cluster} / {p.pathway}" for p in profiles])
    plain("Certifications", [", ".join(map(credential, p.certifications)) or "none listed" for p in profiles])
    plain("Interests", [p.interest_code or NOT_PUBLISHED for p in profiles])
    return rows
