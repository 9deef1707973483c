"""The profile format, declared once: validation of parsed TOML and the published JSON Schema."""

from __future__ import annotations

import math
import re
from typing import Any

from careerexplorer.model import BLS_EDUCATION, CERT_KINDS, CERT_NEEDED, CERT_TIMING, INTERESTS, LEAD_KINDS, LEAD_ROLES
from careerexplorer.record import Record
from careerexplorer.text import ONET_RE, SLUG_RE, SOC_RE

CIP_RE = re.compile(r"^\d{2}\.\d{4}$")


class Field(Record):
    """What one key of a profile may hold."""

    kind: str  # str, int, number, bool, strs, table, tables
    required: bool = False
    doc: str = ""
    fields: dict[str, Field] = {}
    pattern: re.Pattern[str] | None = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


def _s(doc: str, required: bool = False, **kw: Any) -> Field:
    return Field("str", required, doc, **kw)


# Bounds far beyond any real figure, so that nothing absurd (a 400-digit integer, 1e308) passes
# validation and reaches the page, where it could not be formatted.
MAX_WAGE = 10_000_000
MAX_HOURLY = 10_000
MAX_COUNT = 1_000_000_000
MIN_PCT, MAX_PCT = -100, 1000


def _n(doc: str, kind: str = "number", **kw: Any) -> Field:
    return Field(kind, False, doc, minimum=kw.pop("minimum", 0), maximum=kw.pop("maximum", MAX_COUNT), **kw)


def _wage(doc: str) -> Field:
    return _n(doc, "int", maximum=MAX_WAGE)


def _strs(doc: str) -> Field:
    return Field("strs", doc=doc)


def _table(doc: str, **fields: Field) -> Field:
    return Field("table", doc=doc, fields=fields)


def _tables(doc: str, **fields: Field) -> Field:
    return Field("tables", doc=doc, fields=fields)


def _link(which: str) -> dict[str, Field]:
    """The keys of a link to another profile: its slug and its title."""
    return {"slug": _s(f"Slug of {which}", True, pattern=SLUG_RE), "title": _s("Its title", True)}


SOURCE_FIELDS = {
    "source": _s("Publisher and program the figures come from", True),
    "period": _s("Vintage of the figures, e.g. 'May 2025' or '2024-34'", True),
    "basis_code": _s("When the figures are for a broader BLS group: its code", pattern=SOC_RE),
    "basis_title": _s("When the figures are for a broader BLS group: its title"),
}

WAGE_FIELDS = {
    "mean": _wage("Annual mean wage in dollars (AVG. SALARY)"),
    "median": _wage("Annual median wage"),
    "p10": _wage("Annual 10th percentile wage"),
    "p25": _wage("Annual 25th percentile wage"),
    "p75": _wage("Annual 75th percentile wage"),
    "p90": _wage("Annual 90th percentile wage"),
    "hourly_mean": _n("Hourly mean wage", maximum=MAX_HOURLY),
    "hourly_median": _n("Hourly median wage", maximum=MAX_HOURLY),
    "employment": _n("Number of jobs", "int"),
    "jobs_per_1000": _n("Jobs in the occupation per 1,000 jobs in the area (states and areas only)"),
    "location_quotient": _n("How concentrated the occupation is in the area against the U.S. (1.0 = as in the U.S.)"),
    "at_least": Field(
        "strs",
        doc="Fields whose value is a floor: BLS publishes 'this figure or more'",
        choices=("mean", "median", "p10", "p25", "p75", "p90", "hourly_mean", "hourly_median"),
    ),
}

PROFILE_FIELDS: dict[str, Field] = {
    "slug": _s("Identifier: the singular title in kebab case; the file is <slug>.toml", True, pattern=SLUG_RE),
    "title": _s("Display title, singular, as a person says it", True),
    "onet_code": _s("O*NET-SOC 2019 code, e.g. 29-2072.00", True, pattern=ONET_RE),
    "soc_code": _s("SOC 2018 code, e.g. 29-2072", True, pattern=SOC_RE),
    "onet_title": _s("O*NET's own (plural) title"),
    "former_slugs": _strs("Slugs this career had before a title change; look-ups of them still find it"),
    "summary": _s("What the work is, in one or two plain sentences", True),
    "also_called": _strs("A few common other titles, shown on the page"),
    "search_titles": _strs("More alternate titles, used by search only"),
    "cluster": _s("Career Cluster (16-cluster framework)", True),
    "pathway": _s("Career Pathway within the cluster", True),
    "also_in": _tables(
        "Other clusters and pathways the framework lists the career under",
        cluster=_s("Career Cluster", True),
        pathway=_s("Career Pathway within it", True),
    ),
    "cluster_2024": _s("Advance CTE 2024 Career Cluster"),
    "subcluster_2024": _s("Advance CTE 2024 sub-cluster"),
    "also_in_2024": _tables(
        "Other 2024 clusters and sub-clusters the crosswalk lists the career under",
        cluster=_s("Advance CTE 2024 Career Cluster", True),
        subcluster=_s("Sub-cluster within it", True),
    ),
    "job_zone": Field("int", doc="O*NET job zone, 1 (little preparation) to 5 (extensive)", minimum=1, maximum=5),
    "bright_outlook": _strs("O*NET Bright Outlook reasons; empty when not flagged"),
    "courses": _strs("Career-specific high-school subjects, added to the pathway's"),
    "education_note": _s("Education Level: a plain paragraph on the schooling people get"),
    "programs_note": _s("Beyond High School: advice on programs"),
    "requirements_note": _s("Extra Requirements: a plain paragraph on credentials"),
    "additional_info": _strs("Additional Information: paragraphs"),
    "related": _tables("Related careers, as links to other profiles", **_link("the related career")),
    "skills": _strs("Most important skills (O*NET)"),
    "knowledge": _strs("Most important knowledge areas (O*NET)"),
    "technology": _strs("Technology used on the job (O*NET)"),
    "wages": _table("Wages (BLS OEWS)", **SOURCE_FIELDS, area=_s("Area the wages are for", True), **WAGE_FIELDS),
    "outlook": _table(
        "Projections (BLS Employment Projections)",
        **SOURCE_FIELDS,
        employment_start=_n("Employment at the start of the period", "int"),
        employment_end=_n("Projected employment at the end of the period", "int"),
        change_number=Field("int", doc="Projected change in jobs", minimum=-MAX_COUNT, maximum=MAX_COUNT),
        change_pct=Field("number", doc="Projected change in per cent", minimum=MIN_PCT, maximum=MAX_PCT),
        openings=_n("Openings a year, on average over the period", "int"),
        average_change_pct=Field(
            "number", doc="Projected change for all occupations, per cent", minimum=MIN_PCT, maximum=MAX_PCT
        ),
        self_employed_pct=Field(
            "number", doc="Share of workers who are self-employed, per cent (BLS table 1.2)", minimum=0, maximum=100
        ),
    ),
    "education": _table(
        "Entry requirements (BLS Employment Projections)",
        **SOURCE_FIELDS,
        typical_entry=_s(
            "Typical education needed for entry: BLS's, or where `group_entry` is set, ours for this occupation",
            True,
            choices=BLS_EDUCATION,
        ),
        group_entry=_s(
            "When the occupation's own entry education differs from its broader BLS group's: the group's",
            choices=BLS_EDUCATION,
        ),
        evidence=_s("When `group_entry` is set: the evidence about this occupation that `typical_entry` rests on"),
        program_length=_s("How long the usual program is, where known (editorial), e.g. '1-2 years'"),
        experience=_s("Work experience in a related occupation"),
        training=_s("Typical on-the-job training"),
    ),
    "interests": _table(
        "O*NET RIASEC interest scores, 1 to 7",
        **{name: Field("number", doc=f"{name.title()} score", minimum=1, maximum=7) for name in INTERESTS},
    ),
    "programs": _tables(
        "Beyond High School: programs (CIP 2020)",
        cip=_s("CIP 2020 code", True, pattern=CIP_RE),
        title=_s("Program title", True),
        note=_s("Advice on this program"),
        later=Field(
            "bool",
            doc="A residency, fellowship or advanced dental program (CIP 60, 61, 51.05): "
            "taken after the degree that admits to it",
        ),
    ),
    "insider": _tables(
        "Insider Info: an expert and what they say",
        name=_s("The expert's name", True),
        role=_s("Their role", True),
        organization=_s("Where they work", True),
        points=_strs("What they say, in our words"),
        quotes=_strs("Their words, quoted exactly"),
        source=_s("Where the interview was published"),
    ),
    "certifications": _tables(
        "Extra Requirements: certifications and licences",
        abbr=_s("Abbreviation, e.g. RHIT"),
        name=_s("Full name", True),
        issuer=_s("Issuing body", True),
        kind=_s(
            "What it is: a license (a government's permission to work), a certification (from a private body), "
            "a registration (a listing with a regulator or court), an exam, or a training course",
            True,
            choices=CERT_KINDS,
        ),
        needed=_s(
            "Whether it is needed to work: required everywhere (every state, or by federal rule), in some states "
            "only, by most employers, or voluntary",
            True,
            choices=CERT_NEEDED,
        ),
        timing=_s(
            "When people earn it: at entry, or after experience in the job (then it is never an entry step)",
            True,
            choices=CERT_TIMING,
        ),
        years=Field("int", doc="For `after-experience`: the usual years of experience first", minimum=0, maximum=40),
        note=_s("For example, which states require it; sentences about states come from `needed`"),
    ),
    "entry_route": _table(
        "How to Become One: steps into the career that no source file names (written by the importer from "
        "data/entry_steps.toml)",
        source=_s("The public source a counselor would check, with its address", True),
        family=_s("The family of careers the steps are for, e.g. police"),
        schooling=_s("The schooling step, in place of the one made from BLS's typical entry education"),
        steps=_strs("What a beginner does after the schooling, in order"),
        later=_strs("What comes with experience, each a sentence beginning 'Later'"),
        covers=_strs("Credentials the steps already name (abbreviation or words of the name), not repeated"),
        experience_step=Field("bool", doc="Keep the step made from BLS's work experience (default true)"),
        training_step=Field("bool", doc="Keep the step made from BLS's on-the-job training (default true)"),
    ),
    "resources": _tables(
        "Additional Information: websites",
        name=_s("Name of the site", True),
        url=_s("Address", True, pattern=re.compile(r"^https?://\S+$")),
    ),
    "sources": _strs("Citations of the data behind the profile, with vintages"),
    "subjects": _strs(
        "High-school subjects the career leans on, from O*NET Knowledge through "
        "the table in docs/subjects.md; shown when `courses` is absent"
    ),
    "education_survey": _tables(
        "What workers surveyed say the job requires (O*NET Required Level of Education)",
        category=_s("Level of schooling, in short words", True),
        percent=Field("number", True, "Share of workers surveyed naming it, per cent", minimum=0, maximum=100),
        suppressed=Field("bool", doc="O*NET recommends suppressing the value (too few answers or too wide a margin)"),
    ),
    "work_activities": _strs("Main O*NET detailed work activities, by how many of the tasks they cover"),
    "work_values": _strs("Top O*NET work values (extent)"),
    "work_styles": _strs("Top O*NET work styles (importance)"),
    "leads": _tables(
        "Where it leads: careers this one leads to, most alike first",
        **_link("the career it leads to"),
        similarity=Field(
            "int",
            True,
            "How alike the two are, 0 to 100 (skills, knowledge, O*NET related occupations)",
            minimum=0,
            maximum=100,
        ),
        related=Field("bool", doc="O*NET lists it as a related occupation"),
        build=_strs("Skills to build: the largest gaps in level"),
        carry=_strs("Skills that carry over"),
        kind=_s("`up` (a step up), `alongside` or `back` (a step back): docs/leads.md", choices=LEAD_KINDS),
        role=_s("What makes it a step up by the SOC structure", choices=LEAD_ROLES),
        pay_difference=Field(
            "int", doc="Its mean pay minus this career's (U.S., dollars a year)", minimum=-MAX_WAGE, maximum=MAX_WAGE
        ),
        education=_s("Its BLS typical education needed for entry", choices=BLS_EDUCATION),
        experience=_s("Its BLS work experience in a related occupation"),
        new_degree=Field("bool", doc="It takes a degree in another field than this career's"),
    ),
}

# The arrays of a profile: an overlay adds to these (careerexplorer.overlay) unless it replaces them.
ARRAY_KEYS = tuple(name for name, rule in PROFILE_FIELDS.items() if rule.kind in ("strs", "tables"))
PROFILE_FIELDS["extends"] = _s(
    "Makes the file an overlay: the slug of the career (bundled or in your folders) it adds to. "
    "Only `slug` is then required; arrays are added after the career's, other values replace its",
    pattern=SLUG_RE,
)
PROFILE_FIELDS["replace"] = Field(
    "strs", doc="In an overlay: the arrays it replaces instead of adding to them", choices=ARRAY_KEYS
)

TYPE_NAMES = {
    "str": "a string",
    "int": "an integer",
    "number": "a number",
    "bool": "true or false",
    "strs": "an array of strings",
    "table": "a table",
    "tables": "an array of tables",
}


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "strs":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "table":
        return isinstance(value, dict)
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    names = {str: "a string", int: "an integer", float: "a number", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def check(
    doc: dict[str, Any], spec: dict[str, Field] = PROFILE_FIELDS, prefix: str = "", partial: bool = False
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Check a parsed document against a spec: (errors, warnings), each a list of (key path, message).

    ``partial``: an overlay's own keys, of which only the slug is required (the tables and
    arrays it holds are checked in full)."""
    errors: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    for key, value in doc.items():
        path = f"{prefix}{key}"
        rule = spec.get(key)
        if rule is None:
            import difflib  # only for a misspelt key

            close = difflib.get_close_matches(key, list(spec), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            warnings.append((path, f"unknown key{hint}"))
            continue
        if not _type_ok(rule.kind, value):
            errors.append((path, f"expected {TYPE_NAMES[rule.kind]}, found {_describe(value)}"))
            continue
        if rule.kind == "table":
            sub_e, sub_w = check(value, rule.fields, path + ".")
            errors += sub_e
            warnings += sub_w
        elif rule.kind == "tables":
            for i, item in enumerate(value):
                sub_e, sub_w = check(item, rule.fields, f"{path}[{i}].")
                errors += sub_e
                warnings += sub_w
        else:
            errors += [(path, m) for m in _value_problems(rule, value)]
    if spec is PROFILE_FIELDS and "replace" in doc and "extends" not in doc:
        errors.append(("replace", "only an overlay (a profile with `extends`) replaces arrays"))
    for key, rule in spec.items():
        if rule.required and key not in doc and not (partial and key != "slug"):
            errors.append((f"{prefix}{key}", f"missing required key ({TYPE_NAMES[rule.kind]}: {rule.doc})"))
    return errors, warnings


def _value_problems(rule: Field, value: Any) -> list[str]:
    values = value if rule.kind == "strs" else [value]
    out = []
    for v in values:
        if isinstance(v, str):
            if rule.pattern and not rule.pattern.match(v):
                out.append(f"{v!r} is not in the expected form ({rule.doc})")
            elif rule.choices and v not in rule.choices:
                out.append(f"{v!r} is not one of: " + ", ".join(rule.choices))
            elif rule.required and not v.strip():
                out.append("must not be empty")
        elif isinstance(v, float) and not math.isfinite(v):
            out.append(f"{v} is not a finite number")
        elif isinstance(v, (int, float)):
            if rule.minimum is not None and v < rule.minimum:
                out.append(f"{v} is below the minimum {rule.minimum:g}")
            if rule.maximum is not None and v > rule.maximum:
                out.append(f"{v} is above the maximum {rule.maximum:g}")
    return out


def json_schema() -> dict[str, Any]:
    """The profile format as a JSON Schema (draft 2020-12), for editors that validate TOML."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "careers profile",
        "description": "One career profile of the careers command-line explorer (a TOML file).",
        **_object_schema(PROFILE_FIELDS),
        # An overlay (a profile with `extends`) needs only its slug.
        "required": ["slug"],
        "if": {"required": ["extends"]},
        "else": {"required": [name for name, rule in PROFILE_FIELDS.items() if rule.required]},
    }


def _object_schema(spec: dict[str, Field]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _field_schema(rule) for name, rule in spec.items()},
        "required": [name for name, rule in spec.items() if rule.required],
        "additionalProperties": False,
    }


def _field_schema(rule: Field) -> dict[str, Any]:
    scalar: dict[str, Any] = {
        "str": {"type": "string"},
        "int": {"type": "integer"},
        "number": {"type": "number"},
        "bool": {"type": "boolean"},
    }.get(rule.kind, {})
    if rule.kind in ("str", "strs"):
        scalar = {"type": "string"}
        if rule.pattern:
            scalar["pattern"] = rule.pattern.pattern
        if rule.choices:
            scalar["enum"] = list(rule.choices)
    if rule.minimum is not None and rule.kind in ("int", "number"):
        scalar["minimum"] = rule.minimum
    if rule.maximum is not None and rule.kind in ("int", "number"):
        scalar["maximum"] = rule.maximum
    if rule.kind == "strs":
        out: dict[str, Any] = {"type": "array", "items": scalar}
    elif rule.kind == "table":
        out = _object_schema(rule.fields)
    elif rule.kind == "tables":
        out = {"type": "array", "items": _object_schema(rule.fields)}
    else:
        out = scalar
    out["description"] = rule.doc
    return out


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _type_text(rule: Field) -> str:
    text = TYPE_NAMES[rule.kind].removeprefix("a ").removeprefix("an ")
    if rule.kind in ("int", "number") and (rule.minimum is not None or rule.maximum is not None):
        low = "" if rule.minimum is None else _number(rule.minimum)
        high = "" if rule.maximum is None else _number(rule.maximum)
        text += f" {low}..{high}"
    if rule.choices:
        text += ": " + ", ".join(f"`{c}`" for c in rule.choices)
    return text + (", **required**" if rule.required else "")


def markdown_keys() -> str:
    """The table of keys in docs/profile-format.md, made from PROFILE_FIELDS (a test keeps it current)."""
    lines = ["| key | type | meaning |", "|---|---|---|"]

    def add(prefix: str, spec: dict[str, Field]) -> None:
        for name, rule in spec.items():
            key = f"{prefix}{name}"
            shown = f"[{key}]" if rule.kind == "table" else f"[[{key}]]" if rule.kind == "tables" else key
            lines.append(f"| `{shown}` | {_type_text(rule)} | {rule.doc} |")
            if rule.kind in ("table", "tables"):
                add(f"{key}.", rule.fields)

    add("", PROFILE_FIELDS)
    return "\n".join(lines) + "\n"
