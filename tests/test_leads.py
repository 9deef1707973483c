"""Where a career leads: the kinds of lead (tools/sections.py), their words (careerexplorer.guidance),
and the rules read over the bundled catalog (docs/leads.md)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers import MINIMAL
from typer.testing import CliRunner

from careerexplorer.catalog import Catalog
from careerexplorer.commands import next_careers
from careerexplorer.guidance import lead_schooling, lead_sentence, page_leads
from careerexplorer.listing import Filters
from careerexplorer.model import Lead, Profile
from tools.sections import FIELD_MANAGERS, lead_item, lead_kind, role_of, same_field, supervisor_of


def career(code: str, title: str, entry: str | None = None, pay: int | None = None, **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"slug": title.lower().replace(" ", "-"), "title": title, "onet_code": code,
                         "soc_code": code[:7], **extra}
    if entry:
        d["education"] = {"typical_entry": entry, "experience": "None"}
    if pay is not None:
        d["wages"] = {"mean": pay}
    return d


CASHIER = career("41-2011.00", "Cashier", "No formal educational credential", 33180)
RETAIL_BOSS = career("41-1011.00", "First-Line Supervisor of Retail Sales Workers", "High school diploma or equivalent",
                     53380)
ELECTRICIAN = career("47-2111.00", "Electrician", "High school diploma or equivalent", 71490)
INSPECTOR = career("47-4011.00", "Construction and Building Inspector", "High school diploma or equivalent", 77730)
ENGINEER = career("17-2051.00", "Civil Engineer", "Bachelor's degree", 108670)
ENGINEERING_MANAGER = career("11-9041.00", "Architectural and Engineering Manager", "Bachelor's degree", 181540)
BIOLOGY = career("25-1042.00", "Biological Science Teacher, Postsecondary", "Doctoral or professional degree", 102840)
CHEMISTRY = career("25-1052.00", "Chemistry Teacher, Postsecondary", "Doctoral or professional degree", 105210)


# --- the rules of tools/sections.py ----------------------------------------------------------------------


def test_each_group_of_work_has_its_first_line_supervisors() -> None:
    assert supervisor_of("41-2011") == "41-1011.00"  # cashiers: retail sales supervisors
    assert supervisor_of("41-3091") == "41-1012.00"  # sales representatives: non-retail
    assert supervisor_of("47-2111") == "47-1011.00"  # electricians: construction trades
    assert supervisor_of("51-4121") == "51-1011.00"  # welders: production workers
    assert supervisor_of("39-3011") == "39-1013.00"  # gambling dealers, not personal service
    assert supervisor_of("39-5012") == "39-1022.00"  # hairdressers: personal service
    assert supervisor_of("33-3012") == "33-1011.00" and supervisor_of("33-3051") == "33-1012.00"
    assert supervisor_of("41-9012") is None  # models: no sales supervisor is their step up
    assert supervisor_of("29-1141") is None and supervisor_of("15-1252") is None


def test_managers_of_a_field_are_in_soc_11() -> None:
    assert all(code.startswith("11-") for code in FIELD_MANAGERS.values())
    assert FIELD_MANAGERS["15-1"] == "11-3021.00" and FIELD_MANAGERS["29-1"] == "11-9111.00"


def test_roles_by_the_soc_structure() -> None:
    assert role_of(CASHIER, RETAIL_BOSS) == "supervises"
    assert role_of(RETAIL_BOSS, CASHIER) == "supervised"
    assert role_of(ENGINEER, ENGINEERING_MANAGER) == "manages"
    assert role_of(ENGINEERING_MANAGER, ENGINEER) == "supervised"  # the engineers he manages
    assert role_of(ELECTRICIAN, INSPECTOR) == "inspects"
    assert role_of(CASHIER, ELECTRICIAN) is None


@pytest.mark.parametrize(
    ("role", "pct", "schooling", "training", "new_degree", "kind"),
    [
        ("supervises", 60.0, 1, False, False, "up"),
        ("supervised", 80.0, 0, False, False, "back"),  # managing down is never a step up
        (None, 8.0, 1, True, False, "up"),  # more pay for more training
        (None, 8.0, 0, False, False, "alongside"),  # a little more pay for like work
        (None, 25.0, 0, False, False, "up"),  # a big raise
        (None, -6.0, 0, False, False, "back"),  # less pay, no more schooling
        (None, -6.0, 1, True, False, "alongside"),  # less pay, more schooling: another direction
        (None, -20.0, 2, True, False, "back"),  # far less pay
        (None, None, None, False, False, "alongside"),
        ("manages", None, None, False, False, "up"),
    ],
)
def test_the_kind_of_a_lead(
    role: str | None, pct: float | None, schooling: int | None, training: bool, new_degree: bool, kind: str
) -> None:
    assert lead_kind(role, pct, schooling, training, new_degree) == kind


def test_college_teachers_of_different_subjects_need_a_degree_in_their_own() -> None:
    item = lead_item(BIOLOGY, CHEMISTRY, 0.8, True, {"26.01", "13.13"}, {"40.05", "26.01"})
    assert item["new_degree"] is True and item["kind"] == "alongside"
    item = lead_item(ENGINEER, ENGINEERING_MANAGER, 0.5, True, {"14.08"}, {"52.02"})
    assert "new_degree" not in item and (item["kind"], item["role"]) == ("up", "manages")


def test_no_field_in_common_means_no_lead() -> None:
    a = {**CASHIER, "cluster": "Marketing", "pathway": "Professional Sales"}
    b = {**ELECTRICIAN, "cluster": "Architecture & Construction", "pathway": "Construction"}
    assert not same_field(a, b, set(), set())
    assert same_field(a, {**b, "cluster": "Marketing", "pathway": "Professional Sales"}, set(), set())
    assert same_field(a, b, {"46.03"}, {"46.03"})


# --- the words of guidance -------------------------------------------------------------------------------


def lead(**fields: Any) -> Lead:
    return Lead(**{"slug": "x", "title": "X", "similarity": 50, **fields})


def test_a_degree_in_another_field_is_never_no_more_schooling() -> None:
    doctor = lead(kind="up", education="Doctoral or professional degree", new_degree=True, pay_difference=90000)
    said = lead_schooling(doctor, "Doctoral or professional degree")
    assert said == "a doctoral or professional degree in another field"
    assert "no more schooling" not in lead_sentence(doctor, "Bachelor's degree")
    same = lead(kind="alongside", education="Bachelor's degree", pay_difference=-3660)
    assert lead_schooling(same, "Bachelor's degree") == "no more schooling"
    assert lead_schooling(same, "High school diploma or equivalent") == "more schooling: bachelor's degree"
    assert lead_schooling(same, None) == "schooling not published"


def test_a_lead_sentence_says_kind_pay_and_schooling() -> None:
    boss = lead(kind="up", role="supervises", pay_difference=20200, education="High school diploma or equivalent",
                experience="Less than 5 years")
    assert lead_sentence(boss, "No formal educational credential") == (
        "Step up (supervising this work): +$20,200 a year; more schooling: high school diploma; "
        "experience in a related job first"
    )
    assert lead_sentence(lead(kind="back", pay_difference=-500), None).startswith("Step back: -$500 a year")


def test_the_page_shows_steps_up_then_alongside_never_back_or_a_new_degree() -> None:
    leads = [
        {"slug": "a", "title": "A", "similarity": 90, "kind": "back"},
        {"slug": "b", "title": "B", "similarity": 80, "kind": "alongside"},
        {"slug": "c", "title": "C", "similarity": 70, "kind": "up", "new_degree": True},
        {"slug": "d", "title": "D", "similarity": 60, "kind": "up"},
        {"slug": "e", "title": "E", "similarity": 50, "kind": "up", "role": "supervises"},
        {"slug": "f", "title": "F", "similarity": 40, "kind": "alongside"},
        {"slug": "g", "title": "G", "similarity": 30, "kind": "alongside"},
        {"slug": "h", "title": "H", "similarity": 20, "kind": "up"},
        {"slug": "i", "title": "I", "similarity": 10, "kind": "up"},
    ]
    p = Profile.from_dict({**MINIMAL, "leads": leads})
    assert [x.slug for x in page_leads(p)] == ["e", "d", "h", "b", "f"]


# --- over the bundled catalog ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def profiles(catalog: Catalog) -> list[Profile]:
    return [catalog.profile(e["slug"]) for e in catalog.entries]


def test_at_most_two_in_a_hundred_page_leads_pay_less_for_no_more_schooling(
        catalog: Catalog, profiles: list[Profile]) -> None:
    total = bad = 0
    for p in profiles:
        here = catalog.by_slug[p.slug]
        for x in page_leads(p):
            there = catalog.by_slug[x.slug]
            total += 1
            if here["salary"] and there["salary"] is not None and there["salary"] < 0.95 * here["salary"]:
                bad += here["education"] is None or there["education"] is None or (
                    there["education"] <= here["education"])
    assert total > 2500
    assert bad <= 0.02 * total


def test_the_pages_leads_are_nexts_first(catalog: Catalog, profiles: list[Profile]) -> None:
    for p in profiles[::7]:
        shown = [x.slug for x in page_leads(p)]
        assert [s.lead.slug for s in next_careers(catalog, p.slug, Filters()).steps][: len(shown)] == shown
        assert all(x.kind != "back" and not x.new_degree for x in page_leads(p))


def steps_up(catalog: Catalog, slug: str) -> list[str]:
    return [s.lead.slug for s in next_careers(catalog, slug, Filters(), up=True, limit=40).steps]


def test_the_step_up_a_counselor_would_name(catalog: Catalog) -> None:
    assert steps_up(catalog, "cashier")[0] == "first-line-supervisor-of-retail-sales-workers"
    electrician = steps_up(catalog, "electrician")
    assert "first-line-supervisor-of-construction-trades-and-extraction-workers" in electrician[:3]
    assert "construction-and-building-inspector" in electrician
    nurse = steps_up(catalog, "registered-nurse")
    assert {"nurse-practitioner", "medical-and-health-services-manager"} <= set(nurse[:3])
    assert steps_up(catalog, "software-developer")[0] == "computer-and-information-systems-manager"
    assert steps_up(catalog, "welder-cutter-solderer-and-brazer")[0] == (
        "first-line-supervisor-of-production-and-operating-workers")


def test_no_nonsense_leads_on_the_page(catalog: Catalog) -> None:
    def shown(slug: str) -> set[str]:
        return {x.slug for x in page_leads(catalog.profile(slug))}

    locker = "locker-room-coatroom-and-dressing-room-attendant"
    assert locker not in shown("animal-caretaker") and locker not in shown("model")
    assert not shown("dietitian-and-nutritionist") & {"nurse-practitioner", "family-medicine-physician"}
    assert "chemistry-teacher-postsecondary" not in shown("biological-science-teacher-postsecondary")
    assert not {s for s in shown("architectural-and-engineering-manager") if s.endswith("-engineer")}


def test_next_up_on_the_command_line(runner: CliRunner, app: Any) -> None:
    result = runner.invoke(app, ["next", "cashier", "--up", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["results"][0]["slug"] == "first-line-supervisor-of-retail-sales-workers"
    assert {r["kind"] for r in doc["results"]} == {"up"}
    assert doc["results"][0]["role"] == "supervises"
