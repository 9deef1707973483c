"""The career page as a model: which sections a profile's page has, in the one order every format
shows them (the terminal page of `show`, the Markdown card, the JSON). No Rich, no Markdown here.

The order is the seed page's, with the sections the seed did not have where a counselor reads them:
after the key facts, What To Learn, Education Level (with the education survey), How to Become
One, Insider Info, Extra Requirements, Additional Information, then the figures and the links.
"""

from __future__ import annotations

from careerexplorer.model import Profile, Program
from careerexplorer.record import Record

# How many programs a page lists before it says how many more there are (JSON has them all).
PROGRAMS_ON_PAGE = 10
LATER_ON_PAGE = 4


class Section(Record):
    """A section of the page: its key (stable, for JSON and tests) and its heading."""

    key: str
    heading: str


def _has_education(p: Profile) -> bool:
    return bool(p.education or p.education_note or p.job_zone is not None or p.education_survey)


def _has_work_style(p: Profile) -> bool:
    return bool(p.interests or p.skills or p.knowledge or p.technology or p.cluster_2024)


def sections(p: Profile) -> list[Section]:
    """The sections this profile's page has, in order; a section with nothing to show is left out."""
    from careerexplorer.guidance import how_to_become, page_leads

    present = [
        ("what-to-learn", "What To Learn", True),
        ("education-level", "Education Level", _has_education(p)),
        ("how-to-become-one", "How to Become One", bool(how_to_become(p))),
        ("insider-info", "Insider Info", bool(p.insider)),
        ("extra-requirements", "Extra Requirements", bool(p.certifications or p.requirements_note)),
        ("additional-information", "Additional Information", bool(p.additional_info or p.resources)),
        (
            "salary-range",
            f"Salary Range ({p.wages.area}, {p.wages.period})" if p.wages else "Salary Range",
            p.wages is not None,
        ),
        ("interests-and-skills", "Interests and Skills", _has_work_style(p)),
        ("what-the-work-is-like", "What the Work Is Like", bool(p.work_activities or p.work_values or p.work_styles)),
        ("related-careers", "Related Careers", bool(p.related)),
        ("where-it-leads", "Where It Leads", bool(page_leads(p))),
    ]
    return [Section(key, heading) for key, heading, shown in present if shown]


class Programs(Record):
    """The programs of Beyond High School as a page lists them: the way in first, residencies and
    fellowships under "Later", and how many more there are than the page shows."""

    entry: tuple[Program, ...]
    later: tuple[Program, ...]
    more: int


def programs(p: Profile) -> Programs:
    entry = [g for g in p.programs if not g.later]
    later = [g for g in p.programs if g.later]
    shown_entry, shown_later = entry[:PROGRAMS_ON_PAGE], later[:LATER_ON_PAGE]
    return Programs(tuple(shown_entry), tuple(shown_later), len(p.programs) - len(shown_entry) - len(shown_later))


def more_programs(p: Profile, more: int) -> str:
    """The line that says how many programs the page leaves out and how to see them all."""
    noun = "program" if more == 1 else "programs"
    return f"{more} more {noun}: careers show {p.slug} -f json lists them all."


def survey_note(p: Profile) -> str | None:
    """What a mark on a survey bar means, where a bar has one."""
    if any(s.suppressed for s in p.education_survey):
        return "(imprecise): O*NET advises against relying on this figure (too few answers or too wide a margin)."
    return None
