"""careerexplorer.guidance: BLS's categories in our words, the survey compared, how to become one."""

from __future__ import annotations

from typing import Any

from helpers import MINIMAL

from careerexplorer.guidance import (
    ENTRY_EXPLAINED,
    EXPERIENCE_EXPLAINED,
    SURVEY_CATEGORIES,
    TRAINING_EXPLAINED,
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


def test_how_to_become_an_electrician_like_career() -> None:
    p = profile("High school diploma or equivalent", training="Apprenticeship", certifications=[
        {"name": "Journeyman electrician license", "issuer": "State licensing boards", "kind": "license",
         "note": "Requirements differ by state."}])
    steps = how_to_become(p)
    assert len(steps) == 3
    assert steps[0].startswith("Finish high school")
    assert "apprenticeship" in steps[1]
    assert "Journeyman electrician license" in steps[2] and "vary by state" in steps[2]


def test_how_to_become_names_a_program_and_experience_in_order() -> None:
    p = profile("Bachelor's degree", experience="5 years or more",
                programs=[{"cip": "51.3801", "title": "Registered Nursing/Registered Nurse"}],
                certifications=[{"abbr": "CCRN", "name": "Critical care", "issuer": "AACN"}])
    steps = how_to_become(p)
    assert "bachelor's degree, for example in Registered Nursing/Registered Nurse" in steps[0]
    assert "five years or more" in steps[1]
    assert "CCRN" in steps[2] and "state" not in steps[2]


def test_how_to_become_invents_nothing_without_education_data() -> None:
    assert how_to_become(profile(None, certifications=[{"name": "X", "issuer": "Y"}])) == []
    steps = how_to_become(profile("No formal educational credential", training="Short-term on-the-job training"))
    assert len(steps) == 2 and not any("licens" in s or "certif" in s for s in steps)


def test_a_minority_naming_less_is_not_worth_a_sentence() -> None:
    survey = [{"category": "Associate's degree", "percent": 30.0}, {"category": "Bachelor's degree", "percent": 70.0}]
    assert survey_difference(profile("Bachelor's degree", education_survey=survey)) is None
