"""careerexplorer.guidance: BLS's categories in our words, the survey compared, how to become one."""

from __future__ import annotations

from typing import Any

from helpers import MINIMAL

from careerexplorer.guidance import (
    ENTRY_EXPLAINED,
    EXPERIENCE_EXPLAINED,
    SURVEY_CATEGORIES,
    TRAINING_EXPLAINED,
    credential_label,
    explained,
    how_to_become,
    survey_difference,
)
from careerexplorer.model import BLS_EDUCATION, Profile

# BLS's categories of work experience and on-the-job training (Employment Projections, table 1.2).
BLS_EXPERIENCE = ("None", "Less than 5 years", "5 years or more")
BLS_TRAINING = ("None", "Short-term on-the-job training", "Moderate-term on-the-job training",
                "Long-term on-the-job training", "Apprenticeship", "Internship/residency")


def profile(entry: str | None = None, experience: str = "None", training: str = "None", **extra: Any) -> Profile:
    doc: dict[str, Any] = {**MINIMAL, **extra}
    if entry:
        doc["education"] = {"source": "BLS Employment Projections", "period": "2024-34", "typical_entry": entry,
                            "experience": experience, "training": training}
    return Profile.from_dict(doc)


def test_every_bls_category_is_explained_in_a_sentence() -> None:
    assert set(ENTRY_EXPLAINED) == set(BLS_EDUCATION)
    assert set(EXPERIENCE_EXPLAINED) == set(BLS_EXPERIENCE)
    assert set(TRAINING_EXPLAINED) == set(BLS_TRAINING)
    for table in (ENTRY_EXPLAINED, EXPERIENCE_EXPLAINED, TRAINING_EXPLAINED):
        for sentence in table.values():
            assert sentence[0].isupper() and sentence.endswith(".")


def test_the_apprenticeship_and_long_term_training_say_what_they_involve() -> None:
    apprenticeship = explained("training", "Apprenticeship") or ""
    assert "sponsor" in apprenticeship and "classes" in apprenticeship
    assert "more than a year" in (explained("training", "Long-term on-the-job training") or "")
    assert explained("training", None) is None and explained("entry", "A made-up level") is None


def test_survey_categories_are_onets_twelve_on_the_ladder() -> None:
    assert len(SURVEY_CATEGORIES) == 12
    assert all(0 <= rank <= 7 for _, rank, _ in SURVEY_CATEGORIES)
    ranks = {label: rank for label, rank, _ in SURVEY_CATEGORIES}
    assert ranks["Associate's degree"] < ranks["Bachelor's degree"] < ranks["Master's degree"]


NURSE_SURVEY = [{"category": "High school diploma", "percent": 0.8},
                {"category": "Post-secondary certificate", "percent": 22.5},
                {"category": "Associate's degree", "percent": 19.4},
                {"category": "Bachelor's degree", "percent": 55.9},
                {"category": "Master's degree", "percent": 1.4}]


def test_the_page_says_when_workers_name_less_than_bls() -> None:
    p = profile("Bachelor's degree", education_survey=NURSE_SURVEY)
    sentence = survey_difference(p) or ""
    assert "43%" in sentence  # 0.8 + 22.5 + 19.4
    assert "an associate's degree" in sentence and "a post-secondary certificate" in sentence
    assert "a bachelor's degree" in sentence


def test_the_page_says_when_workers_name_more_than_bls() -> None:
    survey = [{"category": "High school diploma", "percent": 30.6},
              {"category": "Post-secondary certificate", "percent": 61.7}]
    sentence = survey_difference(profile("High school diploma or equivalent", education_survey=survey)) or ""
    assert "62%" in sentence and "more" in sentence


def test_no_sentence_when_they_agree_or_a_side_is_missing() -> None:
    survey = [{"category": "Bachelor's degree", "percent": 80.0}, {"category": "Master's degree", "percent": 20.0}]
    assert survey_difference(profile("Bachelor's degree", education_survey=survey)) is None
    assert survey_difference(profile(None, education_survey=survey)) is None
    assert survey_difference(profile("Bachelor's degree")) is None


def cert(name: str, kind: str = "certification", needed: str = "voluntary", timing: str = "entry",
         **extra: Any) -> dict[str, Any]:
    return {"name": name, "issuer": "A body", "kind": kind, "needed": needed, "timing": timing, **extra}


def test_a_license_that_needs_experience_comes_later_with_its_years() -> None:
    p = profile("High school diploma or equivalent", training="Apprenticeship", certifications=[
        cert("Master electrician license", "license", "some-states", "after-experience", years=6,
             note="Requirements differ by state.")])
    steps = how_to_become(p)
    assert steps[0].startswith("Finish high school")
    assert "apprenticeship" in steps[1]
    assert steps[2] == ("Later, with experience: Master electrician license "
                        "(where required, usually after about 6 years).")
    assert len(steps) == 3


def test_entry_credentials_are_worded_by_their_need_and_kind() -> None:
    p = profile("Postsecondary nondegree award", certifications=[
        cert("Barber license", "license", "everywhere"),
        cert("Food handler card", "training", "some-states"),
        cert("Securities exam", "exam", "most-employers"),
        cert("Drone pilot certificate", abbr="P107", note="Only for paid drone work; rules vary by state."),
    ])
    steps = how_to_become(p)
    assert "Get licensed: Barber license." in steps
    assert "Where your state or city requires it, complete the training: Food handler card." in steps
    assert "Pass the exam: Securities exam; most employers expect it." in steps
    assert "Optional credentials that some employers or jobs ask for: P107." in steps
    # The note's "state" makes no sentence: only `needed` speaks of states.
    assert sum("state" in s for s in steps) == 1


def test_how_to_become_names_a_degree_never_a_residency() -> None:
    p = profile("Doctoral or professional degree", training="Internship/residency", programs=[
        {"cip": "60.0107", "title": "Family Medicine Residency Program"},
        {"cip": "51.1201", "title": "Medicine"}])
    steps = how_to_become(p)
    assert steps[0] == "Earn a bachelor's degree, then a doctoral or professional degree, for example in Medicine."


def test_an_entry_route_adds_its_steps_in_order_and_covers_its_credentials() -> None:
    route = {"source": "A public page: https://example.org", "schooling": "Finish high school.",
             "steps": ["Complete the academy."], "later": ["Later: test for promotion."],
             "covers": ["Peace officer"], "training_step": False}
    p = profile("High school diploma or equivalent", experience="Less than 5 years",
                training="Moderate-term on-the-job training", entry_route=route,
                certifications=[cert("Peace officer certification", needed="everywhere"),
                                cert("Crisis training", "training", "most-employers")])
    assert how_to_become(p) == [
        "Finish high school.",
        "Gain experience in a related job first (less than five years is typical).",
        "Complete the academy.",
        "Complete the training: Crisis training; most employers expect it.",
        "Later: test for promotion.",
    ]


def test_a_route_alone_is_enough_and_nothing_is_invented_without_one() -> None:
    assert how_to_become(profile(None, certifications=[cert("X")])) == []
    route = {"source": "A public page: https://example.org", "schooling": "Finish high school.",
             "steps": ["Take the ASVAB test."]}
    assert how_to_become(profile(None, entry_route=route)) == ["Finish high school.", "Take the ASVAB test."]


def test_no_formal_credential_and_training_say_different_things() -> None:
    steps = how_to_become(profile("No formal educational credential", training="Short-term on-the-job training"))
    assert steps == ["No diploma or degree is needed to start.", "Learn the work on the job in the first month or so."]


def test_two_steps_that_say_the_same_are_one() -> None:
    route = {"source": "A public page: https://example.org",
             "steps": ["Finish high school, or earn a GED or other equivalent."]}
    steps = how_to_become(profile("High school diploma or equivalent", entry_route=route))
    assert steps == ["Finish high school, or earn a GED or other equivalent."]


def test_the_credential_label_comes_from_its_fields() -> None:
    p = profile(None, certifications=[cert("PE", "license", "voluntary", "after-experience", years=4),
                                      cert("RN", "license", "everywhere"), cert("Old style")])
    assert [credential_label(c) for c in p.certifications] == [
        "license, optional, after about 4 years of experience", "license, required", "certification, optional"]


def test_a_minority_naming_less_is_not_worth_a_sentence() -> None:
    survey = [{"category": "Associate's degree", "percent": 30.0}, {"category": "Bachelor's degree", "percent": 70.0}]
    assert survey_difference(profile("Bachelor's degree", education_survey=survey)) is None
