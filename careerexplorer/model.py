"""The typed, immutable career profile. It knows nothing of files or of Rich.

Records (careerexplorer.record) rather than frozen dataclasses or named tuples: as immutable and
typed, but nothing is generated and compiled for each class at start-up.
"""

from __future__ import annotations

from typing import Any

from careerexplorer.record import Record

# Entry education on one ladder, lowest first: (key, BLS wording, plain label shown to people).
EDUCATION_LADDER: tuple[tuple[str, str, str], ...] = (
    ("none", "No formal educational credential", "No formal education required"),
    ("high-school", "High school diploma or equivalent", "High school diploma"),
    ("some-college", "Some college, no degree", "Some college"),
    ("postsecondary-award", "Postsecondary nondegree award", "Certificate after high school"),
    ("associate", "Associate's degree", "Associate's degree"),
    ("bachelor", "Bachelor's degree", "Bachelor's degree"),
    ("master", "Master's degree", "Master's degree"),
    ("doctoral", "Doctoral or professional degree", "Doctoral or professional degree"),
)
BLS_EDUCATION = tuple(bls for _, bls, _ in EDUCATION_LADDER)
INTERESTS = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
# What a credential is, whether it is needed to start, and when it comes (docs/profile-format.md).
CERT_KINDS = ("license", "certification", "registration", "exam", "training")
CERT_NEEDED = ("everywhere", "some-states", "most-employers", "voluntary")
CERT_TIMING = ("entry", "after-experience")

# The profile format's kinds of value that recur: an array of strings ("strs"), and a year's wage
# in whole dollars (None where BLS publishes none).
Strs = tuple[str, ...]
AnnualWage = int | None

# Outlook descriptors on the scale BLS and O*NET OnLine use for 2024-34 growth: the projected change
# rounded to a whole per cent (half away from zero), then 7 or more, 5-6, 3-4, 1-2, 0, -1 or less.
# Documented in docs/outlook.md. The all-occupations average is kept in the data for reference only.
OUTLOOK_LABELS = (
    "Much faster than average",
    "Faster than average",
    "About as fast as average",
    "Slower than average",
    "Little or no change",
    "Declining",
)
# The lowest whole per cent of each label, in the order of OUTLOOK_LABELS ("Declining" is the rest).
OUTLOOK_FLOORS = (7, 5, 3, 1, 0)


def whole_percent(change_pct: float) -> int:
    """The change rounded to a whole per cent, half away from zero (6.5 -> 7, -0.5 -> -1).

    Not round(), which rounds half to even. BLS publishes one decimal, and x.5 is exact in
    binary, so adding one half and truncating is exact.
    """
    whole = int(abs(change_pct) + 0.5)
    return whole if change_pct >= 0 else -whole


def outlook_label(change_pct: float) -> str:
    """BLS's descriptor for a projected change in per cent."""
    pct = whole_percent(change_pct)
    for floor, label in zip(OUTLOOK_FLOORS, OUTLOOK_LABELS, strict=False):
        if pct >= floor:
            return label
    return OUTLOOK_LABELS[-1]


def _build(cls: Any, data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in cls._fields}
    return cls(**kwargs)


class Figures(Record):
    """Figures of a BLS program: who publishes them, and their vintage.

    The records that extend it end with basis_code and basis_title, after their own fields, where
    they have always stood in the JSON output.
    """

    source: str
    period: str


class Wages(Figures):
    area: str
    mean: AnnualWage = None
    median: AnnualWage = None
    p10: AnnualWage = None
    p25: AnnualWage = None
    p75: AnnualWage = None
    p90: AnnualWage = None
    hourly_mean: float | None = None
    hourly_median: float | None = None
    employment: int | None = None
    jobs_per_1000: float | None = None
    location_quotient: float | None = None
    at_least: Strs = ()
    basis_code: str | None = None
    basis_title: str | None = None


class Outlook(Figures):
    employment_start: int | None = None
    employment_end: int | None = None
    change_number: int | None = None
    change_pct: float | None = None
    openings: int | None = None
    average_change_pct: float | None = None
    self_employed_pct: float | None = None  # share of workers who are self-employed (BLS wages leave them out)
    basis_code: str | None = None
    basis_title: str | None = None

    @property
    def label(self) -> str | None:
        if self.change_pct is None:
            return None
        return outlook_label(self.change_pct)


# What a postsecondary nondegree award means where the length of the usual program is not known:
# true of every such career, from a few weeks of truck-driving school to two years of a program.
AWARD_SPAN = "a few weeks to two years"


class Education(Figures):
    typical_entry: str
    experience: str | None = None
    training: str | None = None
    basis_code: str | None = None
    basis_title: str | None = None
    group_entry: str | None = None
    evidence: str | None = None
    program_length: str | None = None

    @property
    def rank(self) -> int:
        return education_rank(self.typical_entry)

    @property
    def ours(self) -> bool:
        """The entry level is ours for this occupation (evidence), not its broader BLS group's."""
        return self.group_entry is not None

    @property
    def label(self) -> str:
        """The level in plain words, true for this career: a nondegree award says how long the
        program is where the profile knows it (the seed's "1-2 years post-secondary training"),
        else the span every such program falls in."""
        if EDUCATION_LADDER[self.rank][0] == "postsecondary-award":
            if self.program_length:
                return f"{self.program_length} post-secondary training"
            return f"{EDUCATION_LADDER[self.rank][2]} ({AWARD_SPAN})"
        return EDUCATION_LADDER[self.rank][2]


def education_rank(bls_wording: str) -> int:
    for i, (_, bls, _) in enumerate(EDUCATION_LADDER):
        if bls == bls_wording:
            return i
    raise ValueError(bls_wording)


class Program(Record):
    cip: str
    title: str
    note: str | None = None
    later: bool = False  # a residency, fellowship or advanced program, after the degree that admits to it


class Insider(Record):
    name: str
    role: str
    organization: str
    points: Strs = ()
    quotes: Strs = ()
    source: str | None = None


class Certification(Record):
    name: str
    issuer: str
    abbr: str | None = None
    kind: str | None = None
    needed: str | None = None
    timing: str | None = None
    years: int | None = None
    note: str | None = None


class Route(Record):
    """The way into a career where it runs through steps no source file names (data/entry_steps.toml)."""

    source: str
    family: str | None = None
    schooling: str | None = None
    steps: Strs = ()
    later: Strs = ()
    covers: Strs = ()
    experience_step: bool = True
    training_step: bool = True


class Related(Record):
    slug: str
    title: str


class Placement(Record):
    """Another cluster and pathway (16-cluster framework) a career is listed under."""

    cluster: str
    pathway: str


class Placement2024(Record):
    """Another cluster and sub-cluster (Advance CTE 2024) a career is listed under."""

    cluster: str
    subcluster: str


class Resource(Record):
    name: str
    url: str


class SurveyShare(Record):
    """One bar of the education survey: a level of schooling and the share of workers naming it,
    as O*NET publishes it (unrounded; ``shown`` rounds it once)."""

    category: str
    percent: float
    suppressed: bool = False  # O*NET recommends suppressing it: too few answers or too wide a margin

    @property
    def shown(self) -> int:
        """The share as a page shows it: a whole per cent, rounded once, half up."""
        return whole_percent(self.percent)


LEAD_KINDS = ("up", "alongside", "back")
LEAD_ROLES = ("supervises", "manages", "inspects")


class Lead(Record):
    """A career this one leads to: how alike they are, the skills to build and to carry over, and
    what the move means: its kind (a step up, alongside or a step back), the role that makes it
    a step up, the pay difference and the entry schooling of the lead (docs/leads.md)."""

    slug: str
    title: str
    similarity: int
    related: bool = False
    build: Strs = ()
    carry: Strs = ()
    kind: str | None = None
    role: str | None = None
    pay_difference: int | None = None  # its mean pay minus this career's, U.S., in dollars a year
    education: str | None = None  # its BLS typical entry education
    experience: str | None = None  # its BLS work experience in a related occupation
    new_degree: bool = False  # it takes a degree in another field than this career's


class Profile(Record):
    slug: str
    title: str
    onet_code: str
    soc_code: str
    summary: str
    cluster: str
    pathway: str
    onet_title: str | None = None
    former_slugs: Strs = ()
    also_called: Strs = ()
    search_titles: Strs = ()
    also_in: tuple[Placement, ...] = ()
    cluster_2024: str | None = None
    subcluster_2024: str | None = None
    also_in_2024: tuple[Placement2024, ...] = ()
    job_zone: int | None = None
    bright_outlook: Strs = ()
    courses: Strs = ()
    education_note: str | None = None
    programs_note: str | None = None
    requirements_note: str | None = None
    additional_info: Strs = ()
    related: tuple[Related, ...] = ()
    skills: Strs = ()
    knowledge: Strs = ()
    technology: Strs = ()
    wages: Wages | None = None
    outlook: Outlook | None = None
    education: Education | None = None
    interests: tuple[tuple[str, float], ...] = ()
    programs: tuple[Program, ...] = ()
    insider: tuple[Insider, ...] = ()
    certifications: tuple[Certification, ...] = ()
    entry_route: Route | None = None
    resources: tuple[Resource, ...] = ()
    sources: Strs = ()
    subjects: Strs = ()
    education_survey: tuple[SurveyShare, ...] = ()
    work_activities: Strs = ()
    work_values: Strs = ()
    work_styles: Strs = ()
    leads: tuple[Lead, ...] = ()
    origin: str = ""  # the file it was read from

    @classmethod
    def from_dict(cls, doc: dict[str, Any], origin: str = "") -> Profile:
        """Build from an already validated document."""
        nested: dict[str, Any] = {
            "wages": _build(Wages, doc.get("wages")),
            "outlook": _build(Outlook, doc.get("outlook")),
            "education": _build(Education, doc.get("education")),
            "entry_route": _build(Route, doc.get("entry_route")),
            "programs": tuple(_build(Program, p) for p in doc.get("programs", ())),
            "insider": tuple(_build(Insider, p) for p in doc.get("insider", ())),
            "certifications": tuple(_build(Certification, p) for p in doc.get("certifications", ())),
            "resources": tuple(_build(Resource, p) for p in doc.get("resources", ())),
            "related": tuple(_build(Related, p) for p in doc.get("related", ())),
            "also_in": tuple(_build(Placement, p) for p in doc.get("also_in", ())),
            "also_in_2024": tuple(_build(Placement2024, p) for p in doc.get("also_in_2024", ())),
            "education_survey": tuple(_build(SurveyShare, p) for p in doc.get("education_survey", ())),
            "leads": tuple(_build(Lead, p) for p in doc.get("leads", ())),
            "interests": tuple((k, float(doc["interests"][k])) for k in INTERESTS if k in doc.get("interests", {})),
        }
        # Unknown keys were reported as warnings by the validator; they are not part of the model.
        plain: dict[str, Any] = {
            k: (tuple(v) if isinstance(v, list) else v) for k, v in doc.items() if k not in nested and k in cls._fields
        }
        return cls(**plain, **nested, origin=origin)

    @property
    def interest_code(self) -> str:
        """The Holland code: the letters of the three strongest interests."""
        top = sorted(self.interests, key=lambda kv: -kv[1])[:3]
        return "".join(name[0].upper() for name, _ in top)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the profile's fields plus derived labels."""
        out: dict[str, Any] = {}
        for name in self._fields:
            if name != "origin":
                out[name] = _plain(getattr(self, name))
        out["interests"] = dict(self.interests)
        if self.outlook:
            out["outlook"]["label"] = self.outlook.label
        if self.education:
            out["education"]["label"] = self.education.label
            out["education"]["ours"] = self.education.ours
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return {k: _plain(v) for k, v in zip(value._fields, value, strict=True) if v not in (None, ())}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
