"""The `about` page: sources, vintages, licences and the O*NET attribution."""

from __future__ import annotations

from rich.text import Text

from careerexplorer import sanitize
from careerexplorer.layout import HEADING, Page, text
from careerexplorer.results import About, Validation


def about_page(r: About, width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    page.line(text(f"careers {r.version}: a terminal career explorer."))
    page.heading("Data sources")
    for source, used_for, vintage, licence, url in r.sources:
        page.line()
        page.line(Text(source, style="bold"), 2, hang=2)
        page.labelled("used for", used_for, indent=4, label_width=14)
        page.labelled("vintage", vintage, indent=4, label_width=14)
        page.labelled("licence", licence, indent=4, label_width=14)
        page.labelled("published at", url, indent=4, label_width=14)
    page.heading("Attribution")
    page.para(r.attribution, indent=0)
    for note in r.notes:
        page.line()
        page.para(note, indent=0)
    return page.finish()


def validation_page(r: Validation, width: int, ascii_only: bool) -> list[str]:
    bad = len(r.problems)
    # File names and keys come from the files checked: one line each, nothing raw.
    return [
        *map(sanitize.message, r.notes),
        *map(sanitize.message, r.problems),
        f"{r.checked} file{'s' * (r.checked != 1)} checked, {bad} problem{'s' * (bad != 1)}",
    ]


__all__ = ["HEADING", "about_page", "validation_page"]
