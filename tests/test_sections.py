"""tools/sections.py, the import-time sections, on small fixture copies of the source files.

tests/fixtures/sections/ holds the real header lines and the real rows of five occupations in the
layout of the sources folder: 29-1141.00 Registered Nurses, 29-2061.00 Licensed Practical and
Licensed Vocational Nurses, 15-1252.00 Software Developers (no skills or knowledge ratings),
47-2111.00 Electricians and 41-2011.00 Cashiers (the task statements themselves are blanked: they
are not read).
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, REPO

from tools.sections import (
    KNOWLEDGE_SUBJECTS,
    derive,
    education_survey,
    own_education,
    own_programs,
    knowledge_norms,
    program_level,
    ranked_programs,
    ranked_technology,
    subjects,
    work_activities,
)
from tools.readers import onet_rows as rows

SOURCES = FIXTURES / "sections"
ONET = SOURCES / "onet"
RN, LPN, DEV, ELECTRICIAN, CASHIER = "29-1141.00", "29-2061.00", "15-1252.00", "47-2111.00", "41-2011.00"


def doc(code: str, slug: str, title: str, entry: str | None, **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"slug": slug, "title": title, "onet_code": code, "soc_code": code[:7], **extra}
    if entry:
        d["education"] = {"source": "BLS Employment Projections", "period": "2024-34", "typical_entry": entry}
    return d


def wages(mean: int) -> dict[str, Any]:
    return {"wages": {"source": "BLS OEWS", "period": "May 2025", "area": "U.S.", "mean": mean}}


# The nurses share a pathway, as the 16-cluster framework lists them; the pay is OEWS May 2025's.
CARE = {"cluster": "Health Science", "pathway": "Therapeutic Services"}


def docs() -> dict[str, dict[str, Any]]:
    return {
        RN: doc(RN, "registered-nurse", "Registered Nurse", "Bachelor's degree", onet_title="Registered Nurses",
                also_called=["Charge Nurse", "Staff Nurse"], job_zone=3, **CARE, **wages(101420)),
        LPN: doc(LPN, "licensed-practical-nurse", "Licensed Practical Nurse", "Postsecondary nondegree award",
                 job_zone=3, **CARE, **wages(67050)),
        DEV: doc(DEV, "software-developer", "Software Developer", "Bachelor's degree", onet_title="Software Developers",
                 also_called=["Application Developer", "Software Architect"],
                 search_titles=["Software Engineer", "Systems Engineer", "Developer"], **wages(148100)),
        ELECTRICIAN: doc(ELECTRICIAN, "electrician", "Electrician", "High school diploma or equivalent",
                         **wages(71490)),
        CASHIER: doc(CASHIER, "cashier", "Cashier", "No formal educational credential",
                     programs=[{"cip": "99.9999", "title": "NO MATCH"}], **wages(33180)),
    }


@pytest.fixture(scope="module")
def derived() -> dict[str, dict[str, Any]]:
    return derive(SOURCES, docs())


# --- the subjects table ---------------------------------------------------------------------------


def test_the_table_maps_every_knowledge_area_of_onet() -> None:
    areas = {r["Element Name"] for r in rows(ONET / "Knowledge.txt")}
    assert len(areas) == 33
    assert areas == set(KNOWLEDGE_SUBJECTS)


def test_the_table_maps_the_named_areas() -> None:
    assert KNOWLEDGE_SUBJECTS["Biology"] == "biology"
    assert KNOWLEDGE_SUBJECTS["English Language"] == "English"
    assert KNOWLEDGE_SUBJECTS["Computers and Electronics"] == "computer science"
    assert KNOWLEDGE_SUBJECTS["Mathematics"] == "mathematics"
    assert KNOWLEDGE_SUBJECTS["Customer and Personal Service"] is None


def test_docs_subjects_md_shows_the_table_the_code_uses() -> None:
    text = (REPO / "docs" / "subjects.md").read_text(encoding="utf-8")
    table = text.split("<!-- the table below is KNOWLEDGE_SUBJECTS in tools/sections.py -->\n", 1)[1]
    table = table.split("<!-- end of table -->", 1)[0]
    documented = {}
    for line in table.splitlines()[2:]:
        area, subject = (cell.strip() for cell in line.strip("|").split("|"))
        documented[area] = None if subject.startswith("(none") else subject
    assert documented == KNOWLEDGE_SUBJECTS


def test_subjects_are_the_areas_that_stand_out_against_the_catalog() -> None:
    norms = {  # the catalog's mean and spread of importance times level, per area
        "Biology": (5.0, 3.0),
        "Chemistry": (4.0, 3.0),
        "Medicine and Dentistry": (6.0, 4.0),
        "Therapy and Counseling": (5.0, 3.0),
        "Customer and Personal Service": (15.0, 5.0),
        "English Language": (12.0, 4.0),
        "Administration and Management": (10.0, 4.0),
    }
    ratings = {
        "Biology": {"IM": 3.0, "LV": 3.0},  # 9: 1.8 times the mean, though below "important" (3)
        "Chemistry": {"IM": 2.4, "LV": 6.0},  # 14.4, but less than somewhat important
        "Medicine and Dentistry": {"IM": 4.0, "LV": 5.0},  # 20: 3.3 times, health science
        "Therapy and Counseling": {"IM": 3.0, "LV": 3.0},  # 9: 1.8 times, health science again
        "Customer and Personal Service": {"IM": 5.0, "LV": 6.0},  # no school subject
        "English Language": {"IM": 4.0, "LV": 4.0},  # 16: 1.3 times, what most jobs use
        "Administration and Management": {"IM": 3.6, "LV": 3.6},  # 13: 1.3 times, so no "business"
    }
    assert subjects(ratings, norms) == ["health science", "biology"]


def test_the_norms_are_the_catalogs_mean_and_spread() -> None:
    knowledge = {"a": {"Biology": {"IM": 2.0, "LV": 1.0}}, "b": {"Biology": {"IM": 4.0, "LV": 1.0}}}
    assert knowledge_norms(knowledge) == {"Biology": (3.0, 1.0)}


def test_subjects_of_the_fixture_careers(derived: dict[str, dict[str, Any]]) -> None:
    assert "health science" in derived[RN]["subjects"]
    assert "construction trades" in derived[ELECTRICIAN]["subjects"]
    assert "subjects" not in derived[DEV]  # O*NET has no knowledge ratings for it
    assert all(len(d.get("subjects", [])) <= 5 for d in derived.values())


# --- education survey, work activities, values, styles ----------------------------------------------


def test_the_education_survey_is_onets_rl_scale_in_category_order(derived: dict[str, dict[str, Any]]) -> None:
    survey = derived[RN]["education_survey"]
    shares = {s["category"]: s["percent"] for s in survey}
    # O*NET's values as published, unrounded: a page rounds them once.
    assert shares["Associate's degree"] == 19.39 and shares["Bachelor's degree"] == 55.92
    assert shares["Post-secondary certificate"] == 22.5
    assert "Some college" not in shares  # 0% is left out
    order = ["Less than high school", "High school diploma", "Post-secondary certificate", "Some college",
             "Associate's degree", "Bachelor's degree"]
    assert [s["category"] for s in survey][:3] == [c for c in order if c in shares][:3]
    assert 99 <= sum(shares.values()) <= 101


def test_work_activities_follow_the_core_tasks_most_central_first(derived: dict[str, dict[str, Any]]) -> None:
    place = {r["Task ID"]: i for i, r in enumerate(rows(ONET / "Task Statements.txt"))
             if r["O*NET-SOC Code"] == CASHIER}
    core = {r["Task ID"] for r in rows(ONET / "Task Statements.txt")
            if r["O*NET-SOC Code"] == CASHIER and r["Task Type"] == "Core"}
    tasks: dict[str, set[str]] = defaultdict(set)
    for r in rows(ONET / "Tasks to DWAs.txt"):
        if r["O*NET-SOC Code"] == CASHIER:
            tasks[r["DWA Title"]].add(r["Task ID"])
    shown = derived[CASHIER]["work_activities"]
    assert 1 <= len(shown) <= 6
    first = [min(place[t] for t in tasks[a]) for a in shown]
    assert first == sorted(first)  # the place of each activity's most central task
    assert tasks[shown[0]] & core  # the first serves a core task
    supplemental_only = [a for a in tasks if not tasks[a] & core]
    assert not set(shown[:3]) & set(supplemental_only)


def test_without_task_statements_activities_rank_by_the_tasks_they_cover() -> None:
    out = work_activities(ONET / "Tasks to DWAs.txt", None)
    tasks: dict[str, set[str]] = defaultdict(set)
    for r in rows(ONET / "Tasks to DWAs.txt"):
        if r["O*NET-SOC Code"] == ELECTRICIAN:
            tasks[r["DWA Title"]].add(r["Task ID"])
    covered = [len(tasks[a]) for a in out[ELECTRICIAN]]
    assert covered == sorted(covered, reverse=True)


def test_work_values_and_styles_are_the_top_rated(derived: dict[str, dict[str, Any]]) -> None:
    values = {r["Element Name"]: float(r["Data Value"]) for r in rows(ONET / "Work Values.txt")
              if r["O*NET-SOC Code"] == RN and r["Scale ID"] == "EX"}
    top = derived[RN]["work_values"]
    assert len(top) == 3 and min(values[v] for v in top) >= max(v for k, v in values.items() if k not in top)
    assert len(derived[RN]["work_styles"]) == 5


# --- programs and technology ---------------------------------------------------------------------------


def test_registered_nurse_programs_start_with_registered_nursing(derived: dict[str, dict[str, Any]]) -> None:
    programs = derived[RN]["programs"]
    assert programs[0] == {"cip": "51.3801", "title": "Registered Nursing/Registered Nurse"}
    assert len(programs) == 21  # all the crosswalk lists: a page shows the first ten and says how many more


def test_software_developer_programs_start_with_computer_science_or_software_engineering(
        derived: dict[str, dict[str, Any]]) -> None:
    programs = derived[DEV]["programs"]
    assert programs[0] == {"cip": "11.0701", "title": "Computer Science"}  # data/entry_programs.toml
    order = [p["cip"] for p in programs]
    assert order.index("14.0903") < order.index("15.1204")  # the degree before the technician's certificate


def test_programs_an_editor_annotated_keep_their_note_and_their_order_on_top() -> None:
    d = doc(DEV, "software-developer", "Software Developer", "Bachelor's degree", programs=[
        {"cip": "30.7001", "title": "Data Science, General", "note": "for the data side"},
        {"cip": "11.0201", "title": "Computer Programming/Programmer, General", "note": "a note an editor wrote"},
        {"cip": "14.0903", "title": "Computer Software Engineering"},
    ])
    available = [{"cip": c, "title": t} for c, t in [
        ("11.0201", "Computer Programming/Programmer, General"), ("11.0701", "Computer Science"),
        ("14.0903", "Computer Software Engineering"), ("30.7001", "Data Science, General")]]
    out = ranked_programs(d, available)
    assert out[:2] == d["programs"][:2]
    assert {p["cip"] for p in out} == {"11.0201", "11.0701", "14.0903", "30.7001"}
    assert all("note" not in p for p in out[2:])


def test_the_crosswalks_no_match_is_no_program(derived: dict[str, dict[str, Any]]) -> None:
    assert derived[CASHIER]["programs"] == []
    assert derived[ELECTRICIAN]["programs"] == [{"cip": "46.0302", "title": "Electrician"}]


def test_program_levels_from_titles() -> None:
    assert program_level("Health Information/Medical Records Technology/Technician") == (2, 4)
    assert program_level("Health Information/Medical Records Administration/Administrator") == (5, 6)
    assert program_level("Nurse Anesthetist") == (6, 7)
    assert program_level("Computer Science") is None


def test_a_sub_baccalaureate_program_ranks_first_for_a_certificate_career() -> None:
    d = doc("29-9999.00", "x", "Medical Coder", "Postsecondary nondegree award")
    available = [{"cip": "51.0706", "title": "Health Information/Medical Records Administration/Administrator"},
                 {"cip": "51.0707", "title": "Health Information/Medical Records Technology/Technician"}]
    assert [p["cip"] for p in ranked_programs(d, available)] == ["51.0707", "51.0706"]


def test_technology_puts_what_tells_the_career_apart_first() -> None:
    rows_ = list(rows(ONET / "Technology Skills.txt"))
    codes = {r["O*NET-SOC Code"] for r in rows_}
    kind = {(r["O*NET-SOC Code"], r["Example"]): r["Commodity Title"] for r in rows_}
    users = defaultdict(set)
    for r in rows_:
        users[r["Commodity Title"]].add(r["O*NET-SOC Code"])
    out = ranked_technology(ONET / "Technology Skills.txt")  # no related occupations: by particularity alone
    for code in codes:
        shown = out[code]
        assert 1 <= len(shown) <= 8 and len(set(shown)) == len(shown)
        spread = [len(users[kind[(code, t)]]) for t in shown]
        assert spread == sorted(spread)  # kinds fewer occupations list come first
    everywhere = {k for k, who in users.items() if who == codes}
    assert everywhere  # web browsers, office suites...
    assert all(kind[(CASHIER, t)] not in everywhere for t in out[CASHIER][:2])


def test_within_a_kind_in_demand_and_hot_items_lead() -> None:
    rows_ = [r for r in rows(ONET / "Technology Skills.txt") if r["O*NET-SOC Code"] == DEV]
    flags = {r["Example"]: (r["In Demand"] != "Y", r["Hot Technology"] != "Y") for r in rows_}
    kind = {r["Example"]: r["Commodity Title"] for r in rows_}
    shown = ranked_technology(ONET / "Technology Skills.txt")[DEV]
    for a, b in zip(shown, shown[1:], strict=False):
        if kind[a] == kind[b]:
            assert flags[a] <= flags[b]


def test_cashiers_technology_names_point_of_sale_software(derived: dict[str, dict[str, Any]]) -> None:
    assert any("point of sale" in t.lower() for t in derived[CASHIER]["technology"][:3])


# --- leads ---------------------------------------------------------------------------------------------


def test_leads_name_careers_of_the_catalog_with_a_kind_and_the_facts_of_the_move(
        derived: dict[str, dict[str, Any]]) -> None:
    by_slug = {d["slug"]: d for d in docs().values()}
    for code, d in derived.items():
        here = docs()[code]
        for lead in d.get("leads", []):
            there = by_slug[lead["slug"]]
            assert 0 <= lead["similarity"] <= 100 and lead["kind"] in ("up", "alongside", "back")
            assert lead["pay_difference"] == there["wages"]["mean"] - here["wages"]["mean"]
            assert lead["education"] == there["education"]["typical_entry"]
    to_lpn = next(lead for lead in derived[RN]["leads"] if lead["slug"] == "licensed-practical-nurse")
    assert to_lpn["kind"] == "back" and to_lpn["related"] is True  # a third less pay, less schooling
    to_rn = derived[LPN]["leads"][0]
    assert (to_rn["slug"], to_rn["kind"]) == ("registered-nurse", "up")  # more pay, more schooling, one field


def test_the_pages_leads_are_stored_first(derived: dict[str, dict[str, Any]]) -> None:
    from careerexplorer.guidance import for_page
    from careerexplorer.model import Lead

    for d in derived.values():
        leads = [Lead(**{k: tuple(v) if isinstance(v, list) else v for k, v in x.items()}) for x in d.get("leads", [])]
        shown = for_page(leads)
        assert leads[: len(shown)] == shown
        assert all(lead.kind != "back" and not lead.new_degree for lead in shown)


def test_build_and_carry_are_skills_of_the_two_careers(derived: dict[str, dict[str, Any]]) -> None:
    skills = {r["Element Name"] for r in rows(ONET / "Skills.txt")}
    level: dict[tuple[str, str], float] = {}
    for r in rows(ONET / "Skills.txt"):
        if r["Scale ID"] == "LV":
            level[(r["O*NET-SOC Code"], r["Element Name"])] = float(r["Data Value"])
    to_rn = next(lead for lead in derived[LPN]["leads"] if lead["slug"] == "registered-nurse")
    assert 1 <= len(to_rn.get("build", [])) <= 3 and 1 <= len(to_rn.get("carry", [])) <= 3
    assert set(to_rn["build"]) <= skills and set(to_rn["carry"]) <= skills
    for skill in to_rn["build"]:  # a skill to build is one the next career needs more of
        assert level[(RN, skill)] > level[(LPN, skill)]
    assert not set(to_rn["build"]) & set(to_rn["carry"])


def test_a_career_without_ratings_leads_only_where_onet_relates_it(derived: dict[str, dict[str, Any]]) -> None:
    for lead in derived[DEV].get("leads", []):
        assert lead["related"] is True and "build" not in lead


def test_missing_source_files_leave_their_fields_out(tmp_path: Path) -> None:
    (tmp_path / "onet").mkdir()
    shutil.copy(ONET / "Knowledge.txt", tmp_path / "onet" / "Knowledge.txt")
    out = derive(tmp_path, docs())
    assert set(out[RN]) == {"subjects"}
    assert out[DEV] == {}


def test_derive_is_idempotent(derived: dict[str, dict[str, Any]]) -> None:
    again = derive(SOURCES, {code: {**d, **derived[code]} for code, d in docs().items()})
    assert again == derived


def test_what_derive_writes_is_valid_profile_data(derived: dict[str, dict[str, Any]]) -> None:
    from helpers import MINIMAL

    from careerexplorer.schema import check

    for fields in derived.values():
        errors, warnings = check({**MINIMAL, **fields})
        assert errors == [] and warnings == []


# --- education per occupation, and the survey as kept ----------------------------------------------------

# O*NET RL categories: 2 high school, 5 associate's, 6 bachelor's, 8 master's, 9 post-master's, 11 doctoral.
SPECIALTY = {"slug": "clinical-nurse-specialist", "title": "Clinical Nurse Specialist", "onet_code": "29-1141.04",
             "soc_code": "29-1141", "job_zone": 5,
             "education": {"source": "BLS Employment Projections", "period": "2024-34", "basis_code": "29-1141",
                           "typical_entry": "Bachelor's degree", "experience": "None"}}


def test_a_specialty_takes_the_level_four_in_five_of_its_workers_name() -> None:
    own = own_education(SPECIALTY, [(8, 96.55, False), (9, 3.45, False)])
    assert own is not None and own["typical_entry"] == "Master's degree"
    assert own["group_entry"] == "Bachelor's degree" and own["experience"] == "None"
    assert own["evidence"] == ("100% of the workers O*NET surveyed say the job needs at least a master's degree; "
                               "O*NET job zone 5")


def test_own_education_is_conservative() -> None:
    assert own_education(SPECIALTY, [(6, 30.0, False), (8, 70.0, False)]) is None  # 70% is no clear majority
    assert own_education(SPECIALTY, [(2, 90.0, False), (6, 10.0, False)]) is None  # never lower than the group's
    assert own_education({**SPECIALTY, "job_zone": 4}, [(8, 100.0, False)]) is None  # zone 4 is a bachelor's
    # Resting on a value O*NET recommends suppressing: without it, master's is 50%, not four in five.
    assert own_education(SPECIALTY, [(6, 40.0, False), (8, 20.0, True), (8, 40.0, False)]) is None
    main = {**SPECIALTY, "onet_code": "29-1141.00"}  # BLS's figure is its own: nothing to replace
    assert own_education(main, [(8, 100.0, False)]) is None
    # A suppressed value the conclusion does not rest on: everyone else names as much or more.
    slpa = {**SPECIALTY, "job_zone": 3, "education": {**SPECIALTY["education"], "typical_entry":
                                                       "High school diploma or equivalent"}}
    own = own_education(slpa, [(5, 57.73, True), (6, 23.34, False), (7, 14.12, False), (8, 4.81, False)])
    assert own is not None and own["typical_entry"] == "Associate's degree"


def test_the_survey_keeps_onets_values_drops_empty_ones_and_marks_suppressed() -> None:
    out = education_survey({"x": [(1, 0.0, False), (2, 0.4, False), (5, 57.73, True), (6, 41.87, False)]})
    assert out["x"] == [{"category": "Associate's degree", "percent": 57.73, "suppressed": True},
                        {"category": "Bachelor's degree", "percent": 41.87}]


# --- programs: the way in first, residencies later, each occupation its own -----------------------------


def test_residencies_and_fellowships_go_last_marked_later() -> None:
    d = doc("29-1223.00", "psychiatrist", "Psychiatrist", "Doctoral or professional degree")
    available = [{"cip": "61.2401", "title": "Psychiatry Residency Program"},
                 {"cip": "51.1202", "title": "Osteopathic Medicine/Osteopathy"},
                 {"cip": "61.2402", "title": "Addiction Psychiatry Fellowship Program"},
                 {"cip": "51.1201", "title": "Medicine"}]
    out = ranked_programs(d, available)
    assert [p["cip"][:2] for p in out] == ["51", "51", "61", "61"]
    assert [p.get("later", False) for p in out] == [False, False, True, True]


def test_the_reviewed_table_leads_and_a_program_not_its_own_is_not_brought_back() -> None:
    d = doc(DEV, "software-developer", "Software Developer", "Bachelor's degree",
            programs=[{"cip": "13.1321", "title": "Computer Teacher Education"}])
    available = [{"cip": "14.0903", "title": "Computer Software Engineering"}, {"cip": "11.0701", "title": "Computer Science"}]
    out = ranked_programs(d, available, first=("11.0701",), not_its_own=frozenset({"13.1321"}))
    assert [p["cip"] for p in out] == ["11.0701", "14.0903"]


def test_a_specialty_of_a_shared_code_keeps_programs_of_its_own_title() -> None:
    listed = [{"cip": "51.3301", "title": "Acupuncture and Oriental Medicine"},
              {"cip": "51.3303", "title": "Naturopathic Medicine/Naturopathy"},
              {"cip": "51.3300", "title": "Alternative and Complementary Medicine and Medical Systems, General"}]
    crosswalk = {"29-1299": listed, "29-2057": [{"cip": "51.1804", "title": "Orthoptics/Orthoptist"}]}
    naturopath = doc("29-1299.01", "naturopathic-physician", "Naturopathic Physician", None)
    assert [p["cip"] for p in own_programs(naturopath, listed, True, crosswalk)] == ["51.3303"]
    orthoptist = doc("29-1299.02", "orthoptist", "Orthoptist", None)
    assert [p["cip"] for p in own_programs(orthoptist, listed, True, crosswalk)] == ["51.1804"]
    main = doc("29-1299.00", "other", "Other Healthcare Practitioner", None)
    assert len(own_programs(main, listed, True, crosswalk)) == 3
    # A word of job titles names no field: a neurodiagnostic technologist is no dialysis technologist.
    techs = [{"cip": "51.1011", "title": "Renal/Dialysis Technologist/Technician"},
             {"cip": "51.0903", "title": "Electroneurodiagnostic/Electroencephalographic Technology/Technologist"}]
    eeg = doc("29-2099.01", "neurodiagnostic-technologist", "Neurodiagnostic Technologist", None,
              also_called=["Electroneurodiagnostic Technologist (END Technologist)"])
    assert [p["cip"] for p in own_programs(eeg, techs, True, {})] == ["51.0903"]


def test_college_teachers_are_not_offered_school_teacher_programs() -> None:
    listed = [{"cip": "40.0501", "title": "Chemistry, General"}, {"cip": "13.1323", "title": "Chemistry Teacher Education"},
              {"cip": "13.1205", "title": "Secondary Education and Teaching"}]
    professor = doc("25-1052.00", "chemistry-teacher-postsecondary", "Chemistry Teacher, Postsecondary", None)
    assert [p["cip"] for p in own_programs(professor, listed, False, {})] == ["40.0501"]
    teacher = doc("25-2031.00", "secondary-school-teacher", "Secondary School Teacher", None)
    assert len(own_programs(teacher, listed, False, {})) == 3
