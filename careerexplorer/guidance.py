"""Education in words, and how to become one: sentences of ours composed from a profile's facts.

Nothing here is stored in profiles. The explanations restate, in our words, what BLS's education
and training categories mean (BLS Employment Projections, "Education and training assignments");
the steps of "How to become one" are chosen by rule from the profile's own data and never add a
fact it does not hold.
"""

from __future__ import annotations

from careerexplorer.model import Lead, Profile, education_rank, whole_percent

# O*NET's "Required Level of Education" (RL) categories 1-12, in our short words, each with the
# place on the education ladder it compares with (careerexplorer.model.EDUCATION_LADDER).
SURVEY_LADDER = (
    ("Less than high school", 0),
    ("High school diploma", 1),
    ("Post-secondary certificate", 3),
    ("Some college", 2),
    ("Associate's degree", 4),
    ("Bachelor's degree", 5),
    ("Post-baccalaureate certificate", 5),
    ("Master's degree", 6),
    ("Post-master's certificate", 6),
    ("First professional degree", 7),
    ("Doctoral degree", 7),
    ("Post-doctoral training", 7),
)
# The categories that name no single credential, and so take no "a" in a sentence.
WITHOUT_ARTICLE = ("Less than high school", "Some college", "Post-doctoral training")


def _phrase(label: str) -> str:
    """A category as it reads in a sentence: "an associate's degree", "some college"."""
    if label in WITHOUT_ARTICLE:
        return label.lower()
    return ("an " if label[0] in "AEIOU" else "a ") + label.lower()


# Each category with its rank and its phrase in a sentence.
SURVEY_CATEGORIES: tuple[tuple[str, int, str], ...] = tuple(
    (label, rank, _phrase(label)) for label, rank in SURVEY_LADDER
)
SURVEY_RANK = {label: rank for label, rank, _ in SURVEY_CATEGORIES}
SURVEY_PHRASE = {label: phrase for label, _, phrase in SURVEY_CATEGORIES}
SURVEY_SOURCE = "O*NET 29.3, education survey of workers (Required Level of Education)"
# A difference worth a sentence: at least this share of workers name less (or more) than BLS's entry.
DIFFERENCE_SHARE = 40.0
# BLS's typical entry education, by its place on the ladder, as the phrase in a sentence.
ENTRY_PHRASE = (
    "no formal credential",
    "a high school diploma",
    "some college",
    "a certificate or other award after high school",
    "an associate's degree",
    "a bachelor's degree",
    "a master's degree",
    "a doctoral or professional degree",
)

ENTRY_EXPLAINED = {
    "No formal educational credential": "No diploma or degree is expected to start; people learn on the job.",
    "High school diploma or equivalent": "Employers expect a high school diploma or its equivalent, such as a GED.",
    "Some college, no degree": "Employers look for some college courses, without needing a finished degree.",
    "Postsecondary nondegree award": "People usually start with a certificate or other award from a program after "
    "high school, often a few months to two years long, short of a degree.",
    "Associate's degree": "People usually start with a two-year degree from a community or technical college.",
    "Bachelor's degree": "People usually start with a four-year college degree.",
    "Master's degree": "People usually start with a master's degree, one to three years of study after a bachelor's.",
    "Doctoral or professional degree": "People usually start with a doctorate or a professional degree (such as "
    "in medicine or law), several years of study after a bachelor's.",
}

EXPERIENCE_EXPLAINED = {
    "None": "No work experience in a related job is expected first.",
    "Less than 5 years": "Employers expect some experience in a related job first, less than five years.",
    "5 years or more": "Employers expect five years or more of experience in a related job first.",
}

TRAINING_EXPLAINED = {
    "None": "No further training on the job is typical once people are qualified.",
    "Short-term on-the-job training": "New workers learn on the job in a month or less, alongside experienced "
    "co-workers.",
    "Moderate-term on-the-job training": "New workers learn on the job for more than a month and up to a year, "
    "with informal training and experience.",
    "Long-term on-the-job training": "New workers train on the job for more than a year, sometimes with formal "
    "classes besides, before they are fully competent.",
    "Apprenticeship": "An apprenticeship: a formal program with a sponsor (an employer, a union with "
    "employers, or an association) that joins training on the job with classes in the "
    "trade, usually over several years.",
    "Internship/residency": "An internship or residency: a period of supervised work in the field, after the "
    "schooling, that is usually needed before people can work on their own.",
}


def explained(kind: str, value: str | None) -> str | None:
    """Our sentence for a BLS entry education, experience or training category; None if unknown."""
    table = {"entry": ENTRY_EXPLAINED, "experience": EXPERIENCE_EXPLAINED, "training": TRAINING_EXPLAINED}[kind]
    return table.get(value) if value else None


def _share(p: Profile, keep: int) -> tuple[float, list[str]]:
    """Percent of workers whose answer sits below (keep=-1) or above (keep=1) BLS's entry level."""
    assert p.education is not None
    entry = p.education.rank
    total, names = 0.0, []
    for s in p.education_survey:
        rank = SURVEY_RANK.get(s.category)
        if rank is None or (rank - entry) * keep <= 0:
            continue
        total += s.percent
        if s.shown >= 5:
            names.append(s.category)
    return total, names


def survey_difference(p: Profile) -> str | None:
    """A sentence when what workers say differs from BLS's typical entry; None when they agree."""
    if p.education is None or not p.education_survey:
        return None
    entry = ENTRY_PHRASE[p.education.rank]
    who = "This page gives" if p.education.ours else "BLS gives"  # ours: from the survey itself
    below, below_names = _share(p, -1)
    above, above_names = _share(p, 1)
    if below >= DIFFERENCE_SHARE and below >= above:
        return (
            f"{who} {entry} as the typical way in, but {whole_percent(below)}% of workers surveyed say "
            f"the job needs less: {_listed(below_names)}."
        )
    if above >= DIFFERENCE_SHARE:
        return (
            f"{who} {entry} as the typical way in, but {whole_percent(above)}% of workers surveyed say "
            f"the job needs more: {_listed(above_names)}."
        )
    return None


def _listed(names: list[str]) -> str:
    phrases = [SURVEY_PHRASE[n] for n in names]
    if len(phrases) <= 1:
        return "".join(phrases) or "less schooling"
    return ", ".join(phrases[:-1]) + " or " + phrases[-1]


SCHOOLING_STEP = {
    "No formal educational credential": "Start without a formal credential; the job is learned at work.",
    "High school diploma or equivalent": "Finish high school, or earn a GED or other equivalent.",
    "Some college, no degree": "Finish high school, then take some college courses.",
    "Postsecondary nondegree award": "Finish high school, then complete a certificate program after high school",
    "Associate's degree": "Finish high school, then earn an associate's degree",
    "Bachelor's degree": "Finish high school, then earn a bachelor's degree",
    "Master's degree": "Earn a bachelor's degree, then a master's degree",
    "Doctoral or professional degree": "Earn a bachelor's degree, then a doctoral or professional degree",
}

TRAINING_STEP = {
    "Short-term on-the-job training": "Learn the work on the job in the first month or so.",
    "Moderate-term on-the-job training": "Expect one to twelve months of training on the job.",
    "Long-term on-the-job training": "Expect more than a year of training on the job.",
    "Apprenticeship": (
        "Complete an apprenticeship: training on the job joined with classes, usually over several years."
    ),
    "Internship/residency": "Complete an internship or residency, supervised work before working on your own.",
}

EXPERIENCE_STEP = {
    "Less than 5 years": "Gain experience in a related job first (less than five years is typical).",
    "5 years or more": "Gain five years or more of experience in a related job first.",
}


def how_to_become(p: Profile) -> list[str]:
    """The steps into a career, in order, composed by rule from its facts; empty without education data."""
    e = p.education
    if e is None or e.typical_entry not in SCHOOLING_STEP:
        return []
    steps = []
    school = SCHOOLING_STEP[e.typical_entry]
    if not school.endswith("."):
        # The first program that is a way in: a residency or fellowship comes after the degree.
        first = next((g for g in p.programs if not g.later), None)
        field = first.title if first and education_rank(e.typical_entry) >= 3 else None
        school += f", for example in {field}." if field else "."
    steps.append(school)
    if e.experience in EXPERIENCE_STEP:
        steps.append(EXPERIENCE_STEP[e.experience])
    if e.training in TRAINING_STEP:
        steps.append(TRAINING_STEP[e.training])
    licenses = [c for c in p.certifications if c.kind == "license"]
    others = [c for c in p.certifications if c.kind != "license"]
    if licenses:
        names = "; ".join(c.name for c in licenses[:2])
        varies = any("state" in (c.note or "").lower() for c in licenses)
        steps.append(f"Get licensed: {names}." + (" Requirements vary by state." if varies else ""))
    if others:
        names = ", ".join(c.abbr or c.name for c in others[:3])
        varies = not licenses and any("state" in (c.note or "").lower() for c in others)
        steps.append(
            f"Earn a certification employers look for, such as {names}." + (" Rules vary by state." if varies else "")
        )
    return steps


def steps_up(p: Profile, n: int = 3) -> list[Lead]:
    """The first leads that ask for more of some skill (steps up), or the most alike where none do."""
    return ([lead for lead in p.leads if lead.build] or list(p.leads))[:n]
