"""Education in words, and how to become one: sentences of ours composed from a profile's facts.

Nothing here is stored in profiles. The explanations restate, in our words, what BLS's education
and training categories mean (BLS Employment Projections, "Education and training assignments");
the steps of "How to become one" are chosen by rule from the profile's own data (its education,
its credentials' kind, need and timing, and the entry route the importer copied from the reviewed
table data/entry_steps.toml) and never add a fact it does not hold.
"""

from __future__ import annotations

from careerexplorer.model import Certification, Lead, Profile, Route, education_rank, whole_percent

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
    "No formal educational credential": "No diploma or degree is needed to start.",
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

# A program whose title names supervised training after a degree is never given as the degree itself.
NOT_A_DEGREE = ("residency", "fellowship", "internship")

# How a credential is earned, by its kind, as the start of a step.
CREDENTIAL_VERB = {
    "license": "Get licensed",
    "certification": "Get certified",
    "registration": "Register",
    "exam": "Pass the exam",
    "training": "Complete the training",
}
# How many credentials one step names at most.
CREDENTIALS_SHOWN = 3


def credential_label(c: Certification) -> str:
    """What a credential is and whether it is needed, in a few words, from its own fields only."""
    needed = {
        "everywhere": "required",
        "some-states": "required in some states",
        "most-employers": "expected by most employers",
        "voluntary": "optional",
    }.get(c.needed or "", "")
    words = [w for w in (c.kind, needed) if w]
    if c.timing == "after-experience":
        words.append(f"after about {_years(c.years)} of experience" if c.years else "after experience")
    return ", ".join(words)


def _years(n: int) -> str:
    return "a year" if n == 1 else f"{n} years"


def _credential_name(c: Certification) -> str:
    if c.abbr and c.abbr.lower() not in c.name.lower():
        return f"{c.name} ({c.abbr})"
    return c.name


def _covered(c: Certification, route: Route | None) -> bool:
    if route is None:
        return False
    said = f"{c.abbr or ''} {c.name}".lower()
    return any(words.lower() in said for words in route.covers)


def _listed_names(names: list[str]) -> str:
    return "; ".join(names[:CREDENTIALS_SHOWN])


def credential_steps(p: Profile) -> tuple[list[str], list[str]]:
    """(entry steps, later steps) for a profile's credentials, each sentence made from the credential's fields."""
    entry: list[str] = []
    optional: list[str] = []
    later: list[str] = []
    for needed in ("everywhere", "some-states", "most-employers"):
        for kind, verb in CREDENTIAL_VERB.items():
            names = [
                _credential_name(c)
                for c in p.certifications
                if c.timing == "entry" and c.needed == needed and c.kind == kind and not _covered(c, p.entry_route)
            ]
            if not names:
                continue
            listed, one = _listed_names(names), len(names) == 1
            if needed == "everywhere":
                entry.append(f"{verb}: {listed}.")
            elif needed == "some-states":
                it = "it" if one else "them"
                entry.append(f"Where your state or city requires {it}, {verb[0].lower()}{verb[1:]}: {listed}.")
            else:
                entry.append(f"{verb}: {listed}; most employers expect {'it' if one else 'one of these'}.")
    for c in p.certifications:
        if _covered(c, p.entry_route):
            continue
        if c.timing == "entry" and c.needed == "voluntary":
            optional.append(c.abbr or c.name)
        elif c.timing == "after-experience":
            notes = ["where required"] if c.needed == "some-states" else []
            if c.years:
                notes.append(f"usually after about {_years(c.years)}")
            later.append(_credential_name(c) + (f" ({', '.join(notes)})" if notes else ""))
    if optional:
        shown = ", ".join(optional[:CREDENTIALS_SHOWN])
        entry.append(f"Optional credentials that some employers or jobs ask for: {shown}.")
    steps_later = [f"Later, with experience: {_listed_names(later)}."] if later else []
    return entry, steps_later


def _schooling(p: Profile) -> str | None:
    e = p.education
    if e is None or e.typical_entry not in SCHOOLING_STEP:
        return None
    school = SCHOOLING_STEP[e.typical_entry]
    if school.endswith("."):
        return school
    field = None
    if education_rank(e.typical_entry) >= 3:
        # The first program that is a way in: a residency or fellowship comes after the degree.
        degrees = [g.title for g in p.programs if not g.later and not any(w in g.title.lower() for w in NOT_A_DEGREE)]
        field = degrees[0] if degrees else None
    return school + (f", for example in {field}." if field else ".")


def how_to_become(p: Profile) -> list[str]:
    """The steps into a career, in order: what a beginner does, then what comes later.

    Composed by rule from the profile's own facts: BLS's education, experience and training, the
    entry route (data/entry_steps.toml, baked into the profile by the importer) and each
    credential's kind, need and timing. Empty when the profile has neither education nor a route.
    """
    route = p.entry_route
    e = p.education
    school = (route.schooling if route else None) or _schooling(p)
    if school is None and route is None:
        return []
    steps = [school] if school else []
    if e and e.experience in EXPERIENCE_STEP and (route is None or route.experience_step):
        steps.append(EXPERIENCE_STEP[e.experience])
    if route:
        steps += route.steps
    training = []
    if e and e.training in TRAINING_STEP and (route is None or route.training_step):
        training.append(TRAINING_STEP[e.training])
    entry, later = credential_steps(p)
    # Supervised practice after the schooling (a dietetic internship, an architecture internship)
    # comes before the credentials it qualifies people for; training on the job comes after them.
    steps += training + entry if e and e.training == "Internship/residency" else entry + training
    steps += route.later if route else ()
    steps += later
    return _distinct(steps)


def _distinct(steps: list[str]) -> list[str]:
    """The steps without repeats: two steps that say the same words are one."""
    seen: set[str] = set()
    out = []
    for step in steps:
        key = " ".join(step.lower().replace(",", " ").replace(".", " ").split())
        if key and key not in seen:
            seen.add(key)
            out.append(step)
    return out


# Where it leads (docs/leads.md). The importer stores a career's leads with the page's first;
# the page shows, of those with a kind, the best steps up and then the best moves alongside.
PAGE_UP, PAGE_ALONGSIDE = 3, 2
KIND_LABEL = {"up": "Step up", "alongside": "Alongside", "back": "Step back"}
ROLE_LABEL = {
    "supervises": "supervising this work",
    "manages": "a manager's role",
    "inspects": "inspecting this kind of work",
}


def page_leads(p: Profile) -> list[Lead]:
    """The leads a page shows: steps up (a supervising, managing or inspecting role first), then
    moves alongside, never one that takes a degree in another field. Profiles whose leads carry
    no kind (made by hand) show three, those that ask for more of some skill first."""
    return for_page(p.leads)


def for_page(leads: tuple[Lead, ...] | list[Lead]) -> list[Lead]:
    """``page_leads`` over any leads (the importer puts these first)."""
    if not any(lead.kind for lead in leads):  # made by hand: those that ask for more of a skill first
        return ([lead for lead in leads if lead.build] or list(leads))[:3]
    fit = [lead for lead in leads if not lead.new_degree]
    ups = sorted((lead for lead in fit if lead.kind == "up"), key=lambda lead: lead.role is None)
    return ups[:PAGE_UP] + [lead for lead in fit if lead.kind == "alongside"][:PAGE_ALONGSIDE]


def lead_kind(lead: Lead) -> str | None:
    """'Step up (supervising this work)', 'Alongside', 'Step back'; None where the lead has no kind."""
    if lead.kind not in KIND_LABEL:
        return None
    role = ROLE_LABEL.get(lead.role or "")
    return KIND_LABEL[lead.kind] + (f" ({role})" if role and lead.kind == "up" else "")


def lead_pay(lead: Lead) -> str:
    if lead.pay_difference is None:
        return "pay difference not published"
    if lead.pay_difference == 0:
        return "the same BLS pay figures"
    sign = "+" if lead.pay_difference > 0 else "-"
    return f"{sign}${abs(lead.pay_difference):,} a year"


DEGREE_NAMES = {5: "bachelor's degree", 6: "master's degree", 7: "doctoral or professional degree"}


def lead_schooling(lead: Lead, here: str | None) -> str:
    """The schooling the move takes, said truthfully: a degree in another field is never "no more
    schooling". ``here`` is this career's BLS typical entry education."""
    there = lead.education
    if lead.new_degree and there:
        return f"a {DEGREE_NAMES.get(education_rank(there), 'degree')} in another field"
    if there is None or here is None:
        return "schooling not published"
    gap = education_rank(there) - education_rank(here)
    if gap > 0:
        from careerexplorer.model import EDUCATION_LADDER

        return "more schooling: " + EDUCATION_LADDER[education_rank(there)][2].lower()
    return "no more schooling" if gap == 0 else "less schooling"


def lead_sentence(lead: Lead, here: str | None) -> str:
    """One line of what a lead means: its kind, the pay and the schooling, and experience first
    where BLS expects it."""
    parts = [lead_pay(lead), lead_schooling(lead, here)]
    if lead.kind == "up" and lead.experience in EXPERIENCE_STEP:
        parts.append("experience in a related job first")
    kind = lead_kind(lead)
    return (f"{kind}: " if kind else "") + "; ".join(parts)
