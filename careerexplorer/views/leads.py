"""Where a career leads (`next`): the careers it leads to, with pay, schooling and skills."""

from __future__ import annotations

from rich.text import Text

from careerexplorer.figures import NOT_PUBLISHED, money
from careerexplorer.index import Entry
from careerexplorer.layout import DIM, Page, text
from careerexplorer.listing import education_label
from careerexplorer.results import Leads, Step
from careerexplorer.views.lists import _facts, ranked


def pay_difference(step: Step, here: Entry) -> str:
    if step.pay_difference is None:
        return NOT_PUBLISHED
    if step.pay_difference == 0 and step.entry["soc_code"] == here["soc_code"]:
        return "same BLS figures"  # a specialty that BLS counts with this career
    return ("+" if step.pay_difference >= 0 else "-") + money(abs(step.pay_difference))


def schooling(step: Step, here_known: bool) -> str:
    if step.lead.new_degree and step.extra_schooling:
        return step.extra_schooling  # a degree in another field: never "no more schooling"
    if step.extra_schooling:
        return f"more schooling: {step.extra_schooling.lower()}"
    if here_known and step.entry["education"] is not None:
        return "no more schooling"
    return f"schooling {NOT_PUBLISHED}"


def reason(step: Step, here_known: bool) -> str:
    from careerexplorer.guidance import lead_kind

    kind = lead_kind(step.lead)
    parts = [kind, schooling(step, here_known)] if kind else [schooling(step, here_known)]
    if step.lead.build:
        parts.append("build " + ", ".join(step.lead.build))
    if step.lead.carry:
        parts.append("carries over " + ", ".join(step.lead.carry))
    if step.lead.related:
        parts.append("O*NET related")
    return "; ".join(parts)


def leads_page(r: Leads, width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    c = r.career
    head = Text(f"Where {c['title']} leads", style="bold")
    head.append(" (steps up only)" if r.up else "", style="bold")
    page.line(head)
    page.line(
        Text(
            f"From {money(c['salary'])} a year, {education_label(c).lower()}. The career page's leads first "
            "(steps up, then moves alongside), then the rest, most alike first (skills, knowledge, "
            "O*NET related occupations, the SOC's supervisors and managers).",
            style=DIM,
        )
    )
    page.line()
    if not r.steps:
        page.line(text("No careers to show: O*NET has no ratings to compare this one with, or the filters left none."))
        return page.finish()
    if not any(s.lead.build or s.lead.carry for s in r.steps):
        page.line(
            text(
                "O*NET publishes no skill ratings to compare here: these are the occupations O*NET "
                "relates to it, closest first."
            )
        )
        page.line()
    known = c["education"] is not None
    ranked(
        page,
        [
            (
                s.lead.title,
                s.lead.slug,
                [f"{s.lead.similarity}", pay_difference(s, c), *_facts(s.entry)],
                reason(s, known),
            )
            for s in r.steps
        ],
        ["Alike", "Pay diff."],
    )
    return page.finish()
