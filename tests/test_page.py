"""The page model (careerexplorer.page) and what the bundled pages say of the way in: education per
occupation, the labels of levels, programs, the survey and Bright Outlook, in every format."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from helpers import console_text, make_console
from typer.testing import CliRunner

from careerexplorer.catalog import Catalog, Clusters
from careerexplorer.export import profile_markdown
from careerexplorer.guidance import how_to_become
from careerexplorer.model import Profile, whole_percent
from careerexplorer.page import PROGRAMS_ON_PAGE, programs, sections
from careerexplorer.views.career import career_page

# Careers across families and kinds of page: the seed, a nurse, a specialty with its own level, a
# declining career flagged Bright Outlook, a physician with residencies, a career without BLS figures,
# a trade, an artist and an "All Other" code.
CAREERS = [
    "medical-records-specialist",
    "registered-nurse",
    "clinical-nurse-specialist",
    "cashier",
    "psychiatrist",
    "air-crew-officer",
    "electrician",
    "art-therapist",
    "other-healthcare-diagnosing-or-treating-practitioner",
]


def terminal(p: Profile, clusters: Clusters, width: int = 80) -> str:
    console = make_console(False, width)
    console.print(career_page(p, clusters.pathway(p.cluster, p.pathway), console.width, False))
    return console_text(console)


def show_json(runner: CliRunner, app: Any, slug: str) -> dict[str, Any]:
    result = runner.invoke(app, ["show", slug, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


# --- one page model: the same sections in the same order in every format -------------------------

# Every heading a page can have, as the terminal prints it at the left margin.
HEADING = re.compile(
    r"^(What To Learn|Education Level|How to Become One|Insider Info|Extra Requirements|Additional Information"
    r"|Salary Range \(.*\)|Interests and Skills|What the Work Is Like|Related Careers|Where It Leads)$"
)


@pytest.mark.parametrize("slug", CAREERS)
def test_terminal_markdown_and_json_carry_the_same_sections_in_the_same_order(
    slug: str, catalog: Catalog, clusters: Clusters, runner: CliRunner, app: Any
) -> None:
    p = catalog.profile(slug)
    in_json = [s["heading"] for s in show_json(runner, app, slug)["sections"]]
    on_terminal = [line for line in terminal(p, clusters).splitlines() if HEADING.match(line)]
    card = profile_markdown(p, clusters.pathway(p.cluster, p.pathway))
    in_markdown = [line[3:].replace("\\", "") for line in card.splitlines() if line.startswith("## ")]
    assert in_json == on_terminal == in_markdown
    assert in_json[0] == "What To Learn" and len(in_json) >= 3


def test_the_markdown_card_keeps_interests_and_skills_and_the_careers_own_subjects(
    catalog: Catalog, clusters: Clusters
) -> None:
    p = catalog.profile("clinical-nurse-specialist")
    assert not p.courses and p.subjects
    card = profile_markdown(p, clusters.pathway(p.cluster, p.pathway))
    assert "## Interests and Skills" in card and "*Skills:* Active Listening" in card
    assert "For this career in particular" in card and "- Psychology" in card


def test_a_section_without_content_is_left_out_of_every_format(catalog: Catalog) -> None:
    officer = catalog.profile("air-crew-officer")  # no BLS figures: no salary range
    keys = [s.key for s in sections(officer)]
    assert "salary-range" not in keys and "what-to-learn" in keys


# --- education per occupation (docs/education.md) ---------------------------------------------------

OWN_LEVELS = {
    "clinical-nurse-specialist": "Master's degree",
    "advanced-practice-psychiatric-nurse": "Master's degree",
    "naturopathic-physician": "Doctoral or professional degree",
    "neuropsychologist": "Doctoral or professional degree",
    "art-therapist": "Master's degree",
    "speech-language-pathology-assistant": "Associate's degree",
    "intelligence-analyst": "Bachelor's degree",
}


@pytest.mark.parametrize(("slug", "level"), OWN_LEVELS.items())
def test_an_occupation_inside_a_broader_bls_group_has_its_own_level(slug: str, level: str, catalog: Catalog) -> None:
    e = catalog.profile(slug).education
    assert e is not None and e.typical_entry == level and e.ours
    assert e.group_entry and e.group_entry != level and e.basis_code
    assert e.evidence and "O*NET surveyed" in e.evidence and "job zone" in e.evidence
    entry = catalog.by_slug[slug]
    assert entry["education"] == e.rank and entry.get("education_ours") is True


def test_own_levels_are_only_where_bls_gives_a_broader_groups_figure(catalog: Catalog) -> None:
    from careerexplorer.figures import group_of

    ours = [catalog.profile(e["slug"]) for e in catalog.entries if e.get("education_ours")]
    assert 7 <= len(ours) <= 40  # conservative: a few dozen at most of a thousand careers
    for p in ours:
        assert p.education and group_of(p.education.basis_code, p.soc_code, p.onet_code)
        assert p.education.rank > catalog.by_slug[p.slug]["education"] - 1  # never lower than the group's
    assert not catalog.profile("registered-nurse").education.ours  # type: ignore[union-attr]
    assert catalog.profile("acute-care-nurse").education.typical_entry == "Bachelor's degree"  # type: ignore[union-attr]


def test_own_level_reads_the_same_in_key_facts_lists_filters_next_compare_and_json(
    catalog: Catalog, clusters: Clusters, runner: CliRunner, app: Any
) -> None:
    cns = catalog.profile("clinical-nurse-specialist")
    page = terminal(cns, clusters)
    assert "Master's degree" in page.split("What To Learn")[0] and "ours (O*NET survey)" in page
    assert "BLS gives Bachelor's degree for its broader group 29-1141" in page
    career = show_json(runner, app, "clinical-nurse-specialist")["career"]
    assert career["education"]["ours"] is True and career["education"]["group_entry"] == "Bachelor's degree"
    listed = runner.invoke(app, ["list", "--education", "bachelor", "-f", "json"])
    assert "clinical-nurse-specialist" not in {e["slug"] for e in json.loads(listed.stdout)["careers"]}
    listed = runner.invoke(app, ["list", "--education", "master", "-f", "json"])
    row = next(e for e in json.loads(listed.stdout)["careers"] if e["slug"] == "clinical-nurse-specialist")
    assert row["education_label"] == "Master's (ours)" and row["education_ours"] is True
    nxt = json.loads(runner.invoke(app, ["next", "registered-nurse", "-f", "json"]).stdout)
    step = next(s for s in nxt["results"] if s["slug"] == "clinical-nurse-specialist")
    assert step["extra_schooling"] == "Master's degree"  # not "no more schooling"
    compared = runner.invoke(app, ["compare", "registered-nurse", "clinical-nurse-specialist"])
    assert "Master's degree (ours)" in compared.stdout
    hits = json.loads(runner.invoke(app, ["search", "clinical nurse specialist", "-f", "json"]).stdout)["results"]
    facts = next(h["facts"] for h in hits if h["slug"] == "clinical-nurse-specialist")
    assert facts["education"] == 6 and facts["education_ours"] is True
    steps = how_to_become(cns)
    # The nursing route: a registered nurse first, then the master's the own level names.
    assert "master's" in steps[0] and "registered nurse" in steps[0].lower()


# --- the label of a nondegree award -------------------------------------------------------------------


def test_the_key_fact_of_a_short_certificate_career_is_true_for_it(catalog: Catalog, clusters: Clusters) -> None:
    truck = catalog.profile("heavy-and-tractor-trailer-truck-driver")
    assert truck.education and truck.education.label == "Certificate after high school (a few weeks to two years)"
    facts = terminal(truck, clusters, 200).split("What To Learn")[0]
    assert "1-2 years" not in facts and truck.education.label in facts
    seed = terminal(catalog.profile("medical-records-specialist"), clusters, 120)
    assert "1-2 years post-secondary training" in seed.split("What To Learn")[0]


# --- programs -------------------------------------------------------------------------------------------

FIRST_PROGRAM = {
    "software-developer": "11.0701",  # Computer Science
    "mechanical-engineer": "14.1901",  # Mechanical Engineering, before Engineering Mechanics
    "accountant-and-auditor": "52.0301",  # Accounting, before Auditing
    "chef-and-head-cook": "12.0503",  # Culinary Arts/Chef Training, before Baking and Pastry Arts
    "psychiatrist": "51.1201",  # Medicine
    "family-medicine-physician": "51.1201",
    "neurologist": "51.1201",  # data/entry_programs.toml: MD before DO for every physician
    "pharmacist": "51.2001",  # Pharmacy
    "registered-nurse": "51.3801",
    "acute-care-nurse": "51.3801",  # a registered nurse first
    "automotive-engineer": "14.1901",  # a mechanical engineer first
    "medical-and-health-services-manager": "51.0701",  # Health/Health Care Administration/Management
    "orthoptist": "51.1804",  # Orthoptics/Orthoptist, named by its own title
    "neurodiagnostic-technologist": "51.0903",  # Electroneurodiagnostic, not another technologist's
    "speech-language-pathology-assistant": "51.0816",
}


@pytest.mark.parametrize(("slug", "cip"), FIRST_PROGRAM.items())
def test_the_first_program_is_the_way_most_people_enter(slug: str, cip: str, catalog: Catalog) -> None:
    assert catalog.profile(slug).programs[0].cip == cip


def test_residencies_and_fellowships_are_never_the_way_in(catalog: Catalog) -> None:
    for slug in ("psychiatrist", "family-medicine-physician", "pharmacist", "nurse-practitioner", "surgeon"):
        if slug not in catalog.by_slug:
            continue
        p = catalog.profile(slug)
        later = [g for g in p.programs if g.cip.startswith(("60.", "61."))]
        assert all(g.later for g in later)
        listed = programs(p)
        assert not any(g.later for g in listed.entry) and all(g.later for g in listed.later)
        assert not any(g.title in " ".join(how_to_become(p)) for g in later)
        if later:
            first_later = max(i for i, g in enumerate(p.programs) if not g.later) + 1
            assert all(g.later for g in p.programs[first_later:])


def test_careers_sharing_a_soc_code_get_programs_of_their_own(catalog: Catalog) -> None:
    orthoptist = {g.title for g in catalog.profile("orthoptist").programs}
    assert not any(word in t for t in orthoptist for word in ("Acupuncture", "Homeopathic", "Reiki"))
    naturopath = [g.title for g in catalog.profile("naturopathic-physician").programs]
    assert naturopath[0] == "Naturopathic Medicine/Naturopathy"
    for slug in ("business-teacher-postsecondary", "chemistry-teacher-postsecondary", "education-teacher-postsecondary"):
        assert not any(g.cip.startswith(("13.12", "13.13")) for g in catalog.profile(slug).programs), slug


def test_the_page_says_how_many_more_programs_and_json_has_them_all(
    catalog: Catalog, clusters: Clusters, runner: CliRunner, app: Any
) -> None:
    p = catalog.profile("registered-nurse")
    assert len(p.programs) > PROGRAMS_ON_PAGE
    more = len(p.programs) - PROGRAMS_ON_PAGE
    assert f"{more} more programs: careers show registered-nurse -f json lists them all." in " ".join(
        terminal(p, clusters, 200).split()
    )
    assert len(show_json(runner, app, "registered-nurse")["career"]["programs"]) == len(p.programs)


# --- the education survey ---------------------------------------------------------------------------


def test_survey_bars_round_once_and_leave_out_empty_categories(catalog: Catalog, clusters: Clusters) -> None:
    rn = catalog.profile("registered-nurse")
    page = terminal(rn, clusters)
    for share in rn.education_survey:
        assert share.shown == whole_percent(share.percent) >= 1
        assert re.search(rf"{re.escape(share.category)}\s+█+ {share.shown}%", page), share.category
    assert " 0%" not in page
    assert whole_percent(22.5) == 23 and whole_percent(13.46) == 13  # once, half up; not 13.5 then 14


def test_values_onet_recommends_suppressing_are_marked(catalog: Catalog, clusters: Clusters) -> None:
    slpa = catalog.profile("speech-language-pathology-assistant")
    assert any(s.suppressed for s in slpa.education_survey)
    page = terminal(slpa, clusters, 120)
    assert "58% (imprecise)" in page and "O*NET advises against relying on this figure" in page
    cns = catalog.profile("clinical-nurse-specialist")
    assert not any(s.suppressed for s in cns.education_survey) and "(imprecise)" not in terminal(cns, clusters)


# --- Bright Outlook and its reason ------------------------------------------------------------------------


def test_a_declining_career_says_why_it_is_bright_outlook(
    catalog: Catalog, clusters: Clusters, runner: CliRunner, app: Any
) -> None:
    cashier = catalog.profile("cashier")
    assert cashier.outlook and cashier.outlook.label == "Declining"
    facts = terminal(cashier, clusters, 200).split("What To Learn")[0]
    assert "Bright Outlook: many job openings" in facts
    assert show_json(runner, app, "cashier")["career"]["bright_outlook_reason"] == "many job openings"
    listed = json.loads(runner.invoke(app, ["list", "-f", "json"]).stdout)["careers"]
    assert next(e for e in listed if e["slug"] == "cashier")["bright_outlook_reason"] == "many job openings"
    wide = runner.invoke(app, ["list", "--outlook", "declining", "--bright-outlook"], env={"COLUMNS": "140"})
    line = next(line for line in wide.stdout.splitlines() if line.startswith("Cashier "))
    assert line.endswith("declining; bright: many openings")
    card = profile_markdown(cashier, None)
    assert "Bright Outlook: many job openings" in card
