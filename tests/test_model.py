"""The typed profile: outlook descriptors, education labels, derived values and to_dict."""

from __future__ import annotations

import json

import pytest
from helpers import MINIMAL

from careerexplorer.catalog import Catalog
from careerexplorer.model import OUTLOOK_LABELS, Education, Outlook, Profile, education_rank, outlook_label
from careerexplorer.model import EDUCATION_LADDER
from careerexplorer.schema import PROFILE_FIELDS


@pytest.mark.parametrize(
    ("change", "label"),
    [
        # BLS's scale: the per cent rounded to a whole number, half away from zero.
        (17.0, "Much faster than average"),
        (7.0, "Much faster than average"),
        (6.5, "Much faster than average"),  # rounds to 7
        (6.4, "Faster than average"),
        (5.0, "Faster than average"),
        (4.5, "Faster than average"),  # rounds to 5
        (4.4, "About as fast as average"),
        (2.5, "About as fast as average"),  # rounds to 3
        (2.4, "Slower than average"),
        (0.5, "Slower than average"),  # rounds to 1
        (0.4, "Little or no change"),
        (0.0, "Little or no change"),
        (-0.4, "Little or no change"),
        (-0.5, "Declining"),  # rounds to -1
        (-1.5, "Declining"),
        (-20.0, "Declining"),
    ],
)
def test_outlook_label_on_the_bls_scale(change: float, label: str) -> None:
    assert outlook_label(change) == label
    assert label in OUTLOOK_LABELS


def test_outlook_label_property() -> None:
    # Dental hygienists, +7.0%: "Much faster" on BLS's scale, whatever the all-occupations average.
    assert Outlook("BLS", "2024-34", change_pct=7.0, average_change_pct=3.1).label == "Much faster than average"
    assert Outlook("BLS", "2024-34").label is None


def test_every_bundled_label_is_the_bls_scale_of_its_change() -> None:
    """Recomputed here from the published rule, independently of model.outlook_label."""
    import math

    def bls(pct: float) -> str:
        whole = math.floor(abs(pct) + 0.5) * (1 if pct >= 0 else -1)
        if whole >= 7:
            return "Much faster than average"
        if whole >= 5:
            return "Faster than average"
        if whole >= 3:
            return "About as fast as average"
        if whole >= 1:
            return "Slower than average"
        return "Little or no change" if whole == 0 else "Declining"

    import tomli
    from helpers import REPO

    checked = 0
    for path in sorted((REPO / "data" / "careers").glob("*.toml")):
        doc = tomli.loads(path.read_text(encoding="utf-8"))
        if "change_pct" in doc.get("outlook", {}):
            profile = Profile.from_dict(doc)
            assert profile.outlook is not None
            assert profile.outlook.label == bls(doc["outlook"]["change_pct"]), path.name
            checked += 1
    assert checked > 900


@pytest.mark.parametrize(
    ("bls", "rank", "label"),
    [
        ("No formal educational credential", 0, "No formal education required"),
        ("High school diploma or equivalent", 1, "High school diploma"),
        ("Some college, no degree", 2, "Some college"),
        ("Postsecondary nondegree award", 3, "Certificate after high school (a few weeks to two years)"),
        ("Associate's degree", 4, "Associate's degree"),
        ("Bachelor's degree", 5, "Bachelor's degree"),
        ("Master's degree", 6, "Master's degree"),
        ("Doctoral or professional degree", 7, "Doctoral or professional degree"),
    ],
)
def test_education_label_mapping(bls: str, rank: int, label: str) -> None:
    e = Education("BLS Employment Projections", "2024-34", bls)
    assert (e.rank, e.label) == (rank, label)
    assert education_rank(bls) == rank
    assert EDUCATION_LADDER[rank][1] == bls


def test_education_rank_of_unknown_wording() -> None:
    with pytest.raises(ValueError):
        education_rank("PhD")


def test_from_dict_builds_nested_immutable_values() -> None:
    doc = dict(
        MINIMAL,
        also_called=["A", "B"],
        wages={"source": "BLS OEWS", "period": "May 2025", "area": "U.S.", "mean": 10, "at_least": ["mean"]},
        interests={"social": 5.0, "realistic": 2, "conventional": 6.5},
        related=[{"slug": "other-career", "title": "Other Career"}],
        certifications=[{"name": "Cert", "issuer": "Body"}],
    )
    p = Profile.from_dict(doc, origin="x.toml")
    assert p.also_called == ("A", "B")
    assert p.wages is not None and p.wages.mean == 10 and p.wages.at_least == ("mean",) and p.wages.median is None
    # Interests in RIASEC order, as floats, whatever the order in the file.
    assert p.interests == (("realistic", 2.0), ("social", 5.0), ("conventional", 6.5))
    assert p.interest_code == "CSR"
    assert p.related[0].slug == "other-career"
    assert p.certifications[0].abbr is None
    assert p.origin == "x.toml"
    with pytest.raises(AttributeError):  # immutable
        p.title = "Changed"  # type: ignore[misc]
    assert hash(p) == hash(Profile.from_dict(doc, origin="x.toml"))


def test_minimal_profile_has_empty_defaults() -> None:
    p = Profile.from_dict(MINIMAL)
    assert p.wages is None and p.outlook is None and p.education is None and p.job_zone is None
    assert p.interests == () and p.interest_code == "" and p.related == () and p.sources == ()


def test_to_dict_of_the_seed_profile(catalog: Catalog) -> None:
    p = catalog.profile("medical-records-specialist")
    d = p.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert "origin" not in d
    # every key of the profile format, nothing else (extends and replace make a file an overlay)
    assert set(d) == set(PROFILE_FIELDS) - {"extends", "replace"}
    assert d["slug"] == "medical-records-specialist"
    assert d["wages"] == {
        "source": "BLS OEWS", "period": "May 2025", "area": "U.S.", "mean": 56790, "median": 51140, "p10": 37000,
        "p25": 43490, "p75": 64820, "p90": 81150, "hourly_mean": 27.3, "hourly_median": 24.59, "employment": 194720,
    }
    assert d["outlook"]["change_pct"] == 7.1 and d["outlook"]["openings"] == 14200
    assert d["outlook"]["label"] == "Much faster than average"
    assert d["education"]["typical_entry"] == "Postsecondary nondegree award"
    assert d["education"]["label"] == "1-2 years post-secondary training"
    assert d["interests"] == {"realistic": 2.86, "investigative": 4.33, "artistic": 1.0, "social": 3.38,
                              "enterprising": 1.88, "conventional": 6.97}
    assert d["related"][0] == {"slug": "medical-transcriptionist", "title": "Medical Transcriptionist"}
    assert d["certifications"][0]["abbr"] == "RHIT"
    assert d["programs"][2] == {  # no empty note
        "cip": "51.0713", "title": "Medical Insurance Coding Specialist/Coder", "later": False}
    assert isinstance(d["also_called"], list) and isinstance(d["insider"][0]["quotes"], list)


def test_to_dict_of_an_aggregate_case_and_of_a_career_without_figures(catalog: Catalog) -> None:
    aide = catalog.profile("home-health-aide").to_dict()
    assert aide["wages"]["basis_code"] == "31-1120"
    assert aide["wages"]["basis_title"] == "Home Health and Personal Care Aides"
    officer = catalog.profile("air-crew-officer").to_dict()
    assert officer["wages"] is None and officer["outlook"] is None and officer["education"] is None
    assert officer["interests"] == {}


def test_a_nondegree_award_says_how_long_the_program_is_only_where_the_profile_knows() -> None:
    known = Education("BLS Employment Projections", "2024-34", "Postsecondary nondegree award", program_length="1-2 years")
    assert known.label == "1-2 years post-secondary training"  # the seed's words
    unknown = Education("BLS Employment Projections", "2024-34", "Postsecondary nondegree award")
    assert "1-2 years" not in unknown.label and "a few weeks to two years" in unknown.label


def test_the_nondegree_label_is_the_seeds_only_on_the_seed(catalog: Catalog) -> None:
    awards = [catalog.profile(e["slug"]) for e in catalog.entries if e["education"] == 3]
    assert len(awards) > 40
    seeded = [p.slug for p in awards if p.education and p.education.label == "1-2 years post-secondary training"]
    assert seeded == ["medical-records-specialist"]
    truck = catalog.profile("heavy-and-tractor-trailer-truck-driver")
    assert truck.education is not None and "a few weeks" in truck.education.label


def test_seed_profile_derived_values(catalog: Catalog) -> None:
    p = catalog.profile("medical-records-specialist")
    assert p.interest_code == "CIS"
    assert p.outlook is not None and p.outlook.label == "Much faster than average"
    assert p.education is not None and p.education.label == "1-2 years post-secondary training"


def test_records_are_immutable_values() -> None:
    import pytest

    from careerexplorer.model import Certification

    cert = Certification(name="Certified Coding Specialist", issuer="AHIMA", abbr="CCS")
    assert cert.kind is None and cert._fields[:2] == ("name", "issuer")
    assert cert == Certification(name="Certified Coding Specialist", issuer="AHIMA", abbr="CCS")
    assert cert != cert._replace(abbr="CCA") and hash(cert) == hash(cert._replace())
    with pytest.raises(AttributeError):
        cert.name = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing issuer"):
        Certification(name="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected colour"):
        Certification(name="x", issuer="y", colour="red")  # type: ignore[call-arg]
