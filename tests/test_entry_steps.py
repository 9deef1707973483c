"""How to Become One against what a counselor expects, and the typed credentials behind it.

The table below is the project's own, written from public sources (the BLS Occupational Outlook
Handbook, FAA, FMCSA, NREMT, AAMC, NCSBN, state licensing boards): for each career, the steps a
counselor would look for among the entry steps, and what must come only under "Later". The pages
are rendered by `careers show`, so the test reads what a student reads.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest
from helpers import REPO

from careerexplorer.catalog import Catalog
from careerexplorer.guidance import how_to_become
from careerexplorer.model import BLS_EDUCATION, CERT_KINDS, CERT_NEEDED, CERT_TIMING, Profile

# slug, family, what the entry steps must say (each phrase somewhere among them, any case),
# what only a "Later" step may say.
EXPECTED: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("police-and-sheriffs-patrol-officer", "police",
     ("hiring tests", "background check", "police academy", "peace officer certification", "field training"), ()),
    ("detective-and-criminal-investigator", "police", ("start as a police officer", "police academy"), ()),
    ("correctional-officer-and-jailer", "police", ("background check", "corrections training academy"),
     ("Certified Corrections Officer",)),
    ("customs-and-border-protection-officer", "police", ("polygraph", "academy"), ()),
    ("firefighter", "fire", ("EMT", "physical ability test", "CPAT", "fire academy", "Firefighter I and II"), ()),
    ("first-line-supervisor-of-firefighting-and-prevention-workers", "fire",
     ("start as a firefighter", "fire officer certification"), ()),
    ("airline-pilot-copilot-and-flight-engineer", "transport",
     ("FAA medical certificate", "flight training", "instrument rating", "commercial pilot certificate"),
     ("1,500 hours", "Airline Transport Pilot", "type rating")),
    ("commercial-pilot", "transport",
     ("FAA medical certificate", "private pilot certificate", "instrument rating", "commercial pilot certificate"),
     ()),
    ("air-traffic-controller", "transport", ("FAA Academy", "Air Traffic Skills Assessment"),
     ("Control Tower Operator",)),
    ("heavy-and-tractor-trailer-truck-driver", "transport",
     ("truck-driving program", "DOT physical", "commercial learner's permit", "CDL skills test"), ()),
    ("bus-driver-school", "transport", ("background check", "CDL", "school bus (S)"), ()),
    ("real-estate-sales-agent", "business", ("pre-licensing course", "sales agent exam", "broker"),
     ("broker courses and exam",)),
    ("real-estate-broker", "business", ("start as a sales agent", "broker exam"), ()),
    ("accountant-and-auditor", "business", ("bachelor's degree",),
     ("150 semester hours", "Uniform CPA Examination", "Certified Internal Auditor")),
    ("financial-manager", "business", ("bachelor's degree", "five years or more"), ("Chartered Financial Analyst",)),
    ("software-developer", "business", ("bachelor's degree",), ()),
    ("emergency-medical-technician", "health", ("EMT course", "National Registry", "EMT license"), ()),
    ("paramedic", "health", ("become an EMT", "paramedic program", "National Registry paramedic exam"), ()),
    ("family-medicine-physician", "health",
     ("MCAT", "medical school", "MD or DO", "USMLE", "residency", "medical license"),
     ("Board certification in family medicine",)),
    ("cardiologist", "health", ("medical school", "residency", "fellowship"), ()),
    ("psychiatrist", "health", ("medical school", "residency"), ("Board certification in psychiatry",)),
    ("pharmacist", "health", ("Doctor of Pharmacy (PharmD)", "two or more years", "NAPLEX"),
     ("pharmacy residency", "BCPS")),
    ("registered-nurse", "health", ("nursing degree", "NCLEX-RN"), ("CCRN", "Certified Emergency Nurse")),
    ("nurse-practitioner", "health", ("registered nurse first", "master's (MSN)", "APRN"), ()),
    ("nurse-anesthetist", "health", ("critical care", "doctoral nurse anesthesia program", "NBCRNA"), ()),
    ("medical-records-specialist", "health", ("certificate program",), ()),
    ("licensed-practical-and-licensed-vocational-nurse", "health",
     ("certificate program", "NCLEX-PN", "LPN or LVN license"), ()),
    ("physical-therapist", "health", ("doctoral or professional degree", "Physical therapist license"),
     ("Orthopaedic Clinical Specialist",)),
    ("veterinarian", "health", ("Doctor of Veterinary Medicine", "NAVLE"),
     ("Veterinary specialty board certification",)),
    ("lawyer", "business", ("LSAT", "Juris Doctor", "bar exam"), ()),
    ("electrician", "trades", ("apprenticeship",), ("Journeyman electrician license", "Master electrician license")),
    ("plumber-pipefitter-and-steamfitter", "trades", ("apprenticeship",), ("Master plumber license",)),
    ("carpenter", "trades", ("apprenticeship",), ()),
    ("welder-cutter-solderer-and-brazer", "trades", ("high school",), ("Certified Welding Inspector",)),
    ("heating-air-conditioning-and-refrigeration-mechanic-and-installer", "trades",
     ("certificate program", "EPA Section 608"), ()),
    ("automotive-service-technician-and-mechanic", "trades", ("certificate program", "EPA Section 609"),
     ("ASE Certified Master",)),
    ("cashier", "business", ("no diploma or degree", "on the job"), ()),
    ("elementary-school-teacher-except-special-education", "teaching",
     ("bachelor's degree", "student teaching", "Praxis", "teaching license"), ("National Board Certification",)),
    ("secondary-school-teacher-except-special-and-career-technical-education", "teaching",
     ("bachelor's degree", "student teaching", "teaching license"), ("National Board Certification",)),
    ("preschool-teacher-except-special-education", "teaching", ("associate's degree",), ()),
    ("actor", "arts", ("some college courses",), ()),
    ("musician-and-singer", "arts", ("no diploma or degree", "training on the job"), ()),
    ("graphic-designer", "arts", ("bachelor's degree",), ()),
    ("infantry", "military", ("recruiter", "ASVAB", "basic training"), ()),
    ("infantry-officer", "military", ("bachelor's degree", "ROTC", "officer candidate school"), ()),
    ("special-forces", "military", ("ASVAB", "selection"), ()),
    ("other-manager", "All Other", ("bachelor's degree", "experience in a related job"), ()),
    ("other-physician", "All Other", ("medical school", "residency"), ("Medical specialty board certification",)),
    ("other-engineer", "All Other", ("bachelor's degree",), ("Professional Engineer license",)),
    ("mechanical-engineer", "business", ("bachelor's degree",), ("Professional Engineer license",)),
    ("insurance-sales-agent", "business", ("pre-licensing course", "state exam"), ("Chartered Life Underwriter",)),
    ("securities-commodities-and-financial-services-sales-agent", "business", ("SIE", "Series 7"), ()),
    ("mortician-undertaker-and-funeral-arranger", "business", ("mortuary science", "apprenticeship", "exam"), ()),
    ("flight-attendant", "transport", ("initial training", "Certificate of Demonstrated Proficiency"), ()),
]

FAMILIES = {"health", "trades", "police", "fire", "teaching", "arts", "military", "transport", "All Other",
            "business"}


def _unwrap(lines: list[str]) -> list[str]:
    """The numbered steps of a rendered section, each on one line."""
    steps: list[str] = []
    for line in lines:
        m = re.match(r"^\s+\d+\.\s+(.*)$", line)
        if m:
            steps.append(m.group(1).strip())
        elif line.strip() and steps:
            steps[-1] += " " + line.strip()
    return steps


def rendered_steps(runner: Any, app: Any, slug: str) -> list[str]:
    result = runner.invoke(app, ["show", slug], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("How to Become One")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace())
    return _unwrap(lines[start + 1 : end])


@pytest.fixture(scope="module")
def profiles() -> dict[str, Profile]:
    catalog = Catalog()
    return {slug: catalog.profile(slug) for slug, *_ in EXPECTED}


def test_the_table_spans_every_education_level_and_family(profiles: dict[str, Profile]) -> None:
    assert len(EXPECTED) >= 40
    assert {family for _, family, _, _ in EXPECTED} == FAMILIES
    levels = {p.education.typical_entry for p in profiles.values() if p.education}
    assert levels == set(BLS_EDUCATION)
    assert any(p.education is None for p in profiles.values())  # the military: no BLS education


@pytest.mark.parametrize(("slug", "family", "entry", "later"), EXPECTED, ids=[row[0] for row in EXPECTED])
def test_the_page_names_the_deciding_steps_in_their_place(
    runner: Any, app: Any, profiles: dict[str, Profile], slug: str, family: str, entry: tuple[str, ...],
    later: tuple[str, ...],
) -> None:
    steps = rendered_steps(runner, app, slug)
    assert steps == how_to_become(profiles[slug])  # the page shows the composed steps, all of them
    first = [s for s in steps if not s.startswith("Later")]
    after = [s for s in steps if s.startswith("Later")]
    assert first and first == steps[: len(first)], "a Later step comes before an entry step"
    for phrase in entry:
        assert any(phrase.lower() in s.lower() for s in first), f"{slug}: no entry step says {phrase!r}: {steps}"
    for phrase in later:
        assert any(phrase.lower() in s.lower() for s in after), f"{slug}: {phrase!r} is not under Later: {steps}"
        assert not any(phrase.lower() in s.lower() for s in first), f"{slug}: {phrase!r} among entry steps"
    assert len({s.lower() for s in steps}) == len(steps), f"{slug}: two steps say the same: {steps}"


def test_police_is_more_than_training_on_the_job(runner: Any, app: Any) -> None:
    steps = rendered_steps(runner, app, "police-and-sheriffs-patrol-officer")
    assert "Expect one to twelve months of training on the job." not in steps
    assert len(steps) >= 4


def test_cashier_steps_do_not_repeat_each_other(runner: Any, app: Any) -> None:
    steps = rendered_steps(runner, app, "cashier")
    assert len(steps) == 2
    assert "on the job" not in steps[0] and "at work" not in steps[0]


# --- every career in the catalog -------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog_profiles() -> list[Profile]:
    catalog = Catalog()
    return [catalog.profile(path.stem) for path in sorted((REPO / "data" / "careers").glob("*.toml"))]


def test_no_entry_step_names_a_credential_that_needs_experience(catalog_profiles: list[Profile]) -> None:
    for p in catalog_profiles:
        first = [s for s in how_to_become(p) if not s.startswith("Later")]
        for c in p.certifications:
            if c.timing == "after-experience":
                assert not any(c.name in s for s in first), f"{p.slug}: {c.name} among entry steps"


def test_no_residency_or_fellowship_is_given_as_the_degree(catalog_profiles: list[Profile]) -> None:
    for p in catalog_profiles:
        steps = how_to_become(p)
        if steps:
            assert not re.search(r"residency|fellowship", steps[0], re.I), f"{p.slug}: {steps[0]}"
    pharmacist = next(p for p in catalog_profiles if p.slug == "pharmacist")
    assert "a bachelor's degree, then a doctoral" not in " ".join(how_to_become(pharmacist))


def test_every_career_has_steps_and_none_twice(catalog_profiles: list[Profile]) -> None:
    for p in catalog_profiles:
        steps = how_to_become(p)
        assert steps, p.slug
        assert len({s.lower() for s in steps}) == len(steps), p.slug


def test_states_are_named_only_from_the_credentials_own_field(catalog_profiles: list[Profile]) -> None:
    for p in catalog_profiles:
        said = " ".join(s for s in how_to_become(p) if "your state or city requires" in s)
        if said:
            assert any(c.needed == "some-states" and c.timing == "entry" for c in p.certifications), p.slug
    budget = next(p for p in catalog_profiles if p.slug == "budget-analyst")
    assert not any("state" in s.lower() and "Finish" not in s for s in how_to_become(budget))


def test_every_credential_is_typed(catalog_profiles: list[Profile]) -> None:
    credentials = [c for p in catalog_profiles for c in p.certifications]
    assert len(credentials) > 1000
    for c in credentials:
        assert c.kind in CERT_KINDS and c.needed in CERT_NEEDED and c.timing in CERT_TIMING, c.name
        assert c.years is None or c.timing == "after-experience", c.name


def _credential(p: Profile, words: str) -> Any:
    # An abbreviation names a credential exactly; other words are looked for in its name.
    found = [c for c in p.certifications if (c.abbr == words if words.isupper() else words.lower() in c.name.lower())]
    assert len(found) == 1, (p.slug, words, found)
    return found[0]


# The credentials the audit found mis-tagged, with what each truly is.
RETAGGED = [
    ("electrician", "Master electrician", {"timing": "after-experience"}),
    ("plumber-pipefitter-and-steamfitter", "Master plumber", {"timing": "after-experience"}),
    ("welder-cutter-solderer-and-brazer", "CWI", {"timing": "after-experience"}),
    ("elementary-school-teacher-except-special-education", "NBCT", {"timing": "after-experience"}),
    ("registered-nurse", "CCRN", {"timing": "after-experience"}),
    ("registered-nurse", "CEN", {"timing": "after-experience"}),
    ("pharmacist", "BCPS", {"timing": "after-experience"}),
    ("physical-therapist", "Orthopaedic Clinical Specialist", {"timing": "after-experience"}),
    ("veterinarian", "specialty board", {"timing": "after-experience"}),
    ("air-traffic-controller", "CTO", {"timing": "after-experience"}),
    ("photographer", "Part 107", {"needed": "voluntary"}),
    ("mechanical-engineer", "PE", {"needed": "voluntary", "timing": "after-experience"}),
    ("maintenance-and-repair-worker-general", "Section 608", {"needed": "voluntary"}),
    ("tour-guide-and-escort", "Tour guide license", {"needed": "some-states"}),
    ("brokerage-clerk", "SIE", {"kind": "exam"}),
    ("industrial-truck-and-tractor-operator", "forklift", {"kind": "training"}),
    ("arbitrator-mediator-and-conciliator", "mediator", {"kind": "registration"}),
    ("home-health-aide", "aide training", {"kind": "training"}),
    ("heavy-and-tractor-trailer-truck-driver", "Hazardous Materials", {"needed": "voluntary"}),
    ("accountant-and-auditor", "CPA", {"needed": "voluntary", "timing": "after-experience"}),
    ("budget-analyst", "CGFM", {"needed": "voluntary"}),
]


@pytest.mark.parametrize(("slug", "words", "fields"), RETAGGED, ids=[f"{r[0]}:{r[1]}" for r in RETAGGED])
def test_the_audited_credentials_are_tagged_as_they_truly_are(
    catalog_profiles: list[Profile], slug: str, words: str, fields: dict[str, str]
) -> None:
    p = next(p for p in catalog_profiles if p.slug == slug)
    c = _credential(p, words)
    for key, value in fields.items():
        assert getattr(c, key) == value, (slug, words, key)


def test_the_cpa_says_the_150_hour_rule(catalog_profiles: list[Profile]) -> None:
    p = next(p for p in catalog_profiles if p.slug == "accountant-and-auditor")
    assert "150 semester hours" in (_credential(p, "CPA").note or "")


# --- dated facts: each standard or law with its year ----------------------------------------------


def _profile_text(slug: str) -> str:
    return (REPO / "data" / "careers" / f"{slug}.toml").read_text(encoding="utf-8")


def test_firefighter_certification_cites_nfpa_1010_of_2024() -> None:
    text = _profile_text("firefighter")
    assert "NFPA 1010" in text and "2024" in text
    assert "(NFPA 1001 standard)" not in text


def test_athletic_trainers_are_regulated_in_california_since_ab_796_of_2024() -> None:
    text = _profile_text("athletic-trainer")
    assert "AB 796 (2024)" in text and "passed AB 796 in 2024" in text
    assert "Required in every state except California;" not in text


def test_health_information_programs_are_accredited_by_cahiim_not_caahep() -> None:
    for slug in ("medical-records-specialist", "health-information-technologist-and-medical-registrar"):
        doc = tomllib.loads(_profile_text(slug))
        names = [r["name"] for r in doc.get("resources", [])]
        assert not any("CAAHEP" in n or "Allied Health Education Programs" in n for n in names), slug
    names = [r["name"] for r in tomllib.loads(_profile_text("medical-records-specialist"))["resources"]]
    assert any("CAHIIM" in n for n in names)


# --- the table of entry steps ----------------------------------------------------------------------


def test_every_route_row_names_its_source_and_real_careers(catalog_profiles: list[Profile]) -> None:
    rows = tomllib.loads((REPO / "data" / "entry_steps.toml").read_text(encoding="utf-8"))["route"]
    codes = {p.onet_code: p for p in catalog_profiles}
    seen: set[str] = set()
    for row in rows:
        assert "https://" in row["source"], row["family"]
        for step in row.get("later", []):
            assert step.startswith("Later"), step
        for step in row.get("steps", []):
            assert not step.startswith("Later"), step
        for code in row["codes"]:
            assert code in codes and code not in seen, code
            seen.add(code)
            route = codes[code].entry_route
            assert route is not None and route.source == row["source"], code  # the importer copied it
    assert len(rows) >= 30


def test_validate_names_a_missing_or_unknown_credential_field_with_its_line(
    runner: Any, app: Any, tmp_path: Any
) -> None:
    from helpers import profile_toml

    path = tmp_path / "sample-career.toml"
    path.write_text(profile_toml("sample-career") + '\n[[certifications]]\nname = "A license"\nissuer = "A board"\n'
                    'kind = "license"\ntiming = "someday"\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{path}:13: certifications[0].timing: 'someday' is not one of: entry, after-experience",
        f"{path}:9: certifications[0].needed: missing required key (a string: Whether it is needed to work: "
        "required everywhere (every state, or by federal rule), in some states only, by most employers, or voluntary)",
        "1 file checked, 2 problems",
    ]
