"""Import-time sections of a profile derived from the O*NET and CIP files.

One entry point, ``derive(sources, docs)``: the profile documents keyed by O*NET-SOC code in, and
for each code the fields this module adds or replaces out:

- ``subjects``: high-school subjects, from Knowledge.txt through ``KNOWLEDGE_SUBJECTS`` (docs/subjects.md);
- ``education_survey``: O*NET's survey of workers, "Required Level of Education" (RL scale);
- ``work_activities``, ``work_values``, ``work_styles``: O*NET labels, ranked;
- ``programs``: the CIP programs of the occupation, best fit first, hand-written notes kept;
- ``technology``: the occupation's In Demand and Hot Technology items first, then by how much
  they belong to its field;
- ``leads``: the careers it leads to, by O*NET related occupations and a similarity of skills
  and knowledge ratings.

A source file that is missing leaves its fields out, so a partial copy of the sources still works.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import tomli

from careerexplorer.figures import group_of
from careerexplorer.guidance import ENTRY_PHRASE, SURVEY_CATEGORIES, for_page
from careerexplorer.model import BLS_EDUCATION, Lead, education_rank, whole_percent
from tools.readers import onet_rows

WORD = re.compile(r"[a-z0-9]+")
# Words whose -er is not a doer's ending on a verb we also index: an officer is no office.
KEEP_ER = frozenset({"officer"})


def stem(word: str) -> str:
    """A crude stem so that coder, coding and codes meet, as do nurse, nursing and accountant, accounting."""
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if (w.endswith("ing") and len(w) >= 6) or (w.endswith("ant") and len(w) >= 7):
        w = w[:-3]
    elif w.endswith("er") and not w.endswith("eer") and w not in KEEP_ER and len(w) >= 5:
        w = w[:-2]
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    return w


def stems(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text.lower())]


# Knowledge area (O*NET element name) -> high-school subject; None: no school subject teaches it.
KNOWLEDGE_SUBJECTS: dict[str, str | None] = {
    "Administration and Management": "business",
    "Administrative": "business",
    "Economics and Accounting": "economics and accounting",
    "Sales and Marketing": "marketing",
    "Customer and Personal Service": None,
    "Personnel and Human Resources": None,
    "Production and Processing": None,
    "Food Production": "agriculture",
    "Computers and Electronics": "computer science",
    "Engineering and Technology": "engineering and technology",
    "Design": "drafting and design",
    "Building and Construction": "construction trades",
    "Mechanical": "auto and mechanical technology",
    "Mathematics": "mathematics",
    "Physics": "physics",
    "Chemistry": "chemistry",
    "Biology": "biology",
    "Psychology": "psychology",
    "Sociology and Anthropology": "sociology",
    "Geography": "geography",
    "Medicine and Dentistry": "health science",
    "Therapy and Counseling": "health science",
    "Education and Training": None,
    "English Language": "English",
    "Foreign Language": "a world language",
    "Fine Arts": "art, music or theater",
    "History and Archeology": "history",
    "Philosophy and Theology": None,
    "Public Safety and Security": None,
    "Law and Government": "government and civics",
    "Telecommunications": None,
    "Communications and Media": "journalism and media",
    "Transportation": None,
}
SUBJECT_MIN_IMPORTANCE = 2.5  # at least between "somewhat" and "important" on O*NET's 1-5 scale
SUBJECT_MIN_LIFT = 1.5  # how many times the catalog's mean a knowledge area's score must be to stand out
SUBJECT_LIMIT = 5
ACTIVITY_LIMIT = 6
VALUE_LIMIT = 3
STYLE_LIMIT = 5
TECHNOLOGY_LIMIT = 8
FIELD_FLOOR = 0.2  # the weight of a kind of technology none of the related occupations list
LEAD_LIMIT = 15
GAP_LIMIT = 3
# How far a skill must matter in the next career (importance, 1-5) to be worth building or carrying.
SKILL_MIN_IMPORTANCE = 3.0
# Weights of the two signals in a lead's similarity: rated likeness, and O*NET's own relatedness.
COSINE_WEIGHT, RELATED_WEIGHT = 0.7, 0.3

# Words in a program title that show its award level on the education ladder.
SUB_BACCALAUREATE = {"technician", "assistant", "aide", "operator", "repairer", "installer", "mechanic"}
MANAGEMENT = {"administration", "administrator", "management", "manager"}
GRADUATE = {"practitioner", "anesthetist", "midwife", "practice", "leader", "research", "residency"}
DROP_WORDS = {"and", "or", "of", "the", "in", "for", "general", "other", "a", "an", "with"}


def ratings(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """code -> element name -> {"IM": importance, "LV": level}."""
    out: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for r in onet_rows(path):
        if r["Scale ID"] in ("IM", "LV"):
            out[r["O*NET-SOC Code"]][r["Element Name"]][r["Scale ID"]] = float(r["Data Value"])
    return out


def knowledge_norms(knowledge: dict[str, dict[str, dict[str, float]]]) -> dict[str, tuple[float, float]]:
    """Each knowledge area's mean and standard deviation, over the catalog, of importance times level."""
    scores: dict[str, list[float]] = defaultdict(list)
    for areas in knowledge.values():
        for area, scale in areas.items():
            scores[area].append(scale.get("IM", 0.0) * scale.get("LV", 0.0))
    out = {}
    for area, values in scores.items():
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
        out[area] = (mean, sd)
    return out


def subjects(knowledge: dict[str, dict[str, float]], norms: dict[str, tuple[float, float]]) -> list[str]:
    """The school subjects a career leans on: knowledge areas that stand out for it against the
    catalog (docs/subjects.md), most distinctive first."""
    best: dict[str, float] = {}
    for area, scale in knowledge.items():
        subject = KNOWLEDGE_SUBJECTS.get(area)
        im = scale.get("IM", 0.0)
        mean, sd = norms.get(area, (0.0, 0.0))
        if subject is None or im < SUBJECT_MIN_IMPORTANCE or sd <= 0:
            continue
        lift = im * scale.get("LV", 0.0) / mean
        if lift >= SUBJECT_MIN_LIFT:
            best[subject] = max(best.get(subject, -math.inf), round(lift, 9))
    return [s for s, _ in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))][:SUBJECT_LIMIT]


def survey_rows(path: Path) -> dict[str, list[tuple[int, float, bool]]]:
    """code -> O*NET's RL rows as published: (category 1-12, percent, "Recommend Suppress")."""
    out: dict[str, list[tuple[int, float, bool]]] = defaultdict(list)
    for r in onet_rows(path):
        if r["Scale ID"] == "RL" and 1 <= int(r["Category"]) <= len(SURVEY_CATEGORIES):
            row = (int(r["Category"]), float(r["Data Value"]), r["Recommend Suppress"] == "Y")
            out[r["O*NET-SOC Code"]].append(row)
    return {code: sorted(items) for code, items in out.items()}


def education_survey(raw: dict[str, list[tuple[int, float, bool]]]) -> dict[str, list[dict[str, Any]]]:
    """The survey as profiles keep it: O*NET's values unrounded (a page rounds them once, to a whole
    per cent), the categories that round to 0% left out, the values O*NET recommends suppressing
    (too few answers or too wide a margin) marked."""
    labels = [label for label, _, _ in SURVEY_CATEGORIES]
    out = {}
    for code, rows_ in raw.items():
        items = []
        for category, value, suppress in rows_:
            if whole_percent(value) <= 0:
                continue
            item: dict[str, Any] = {"category": labels[category - 1], "percent": value}
            if suppress:
                item["suppressed"] = True
            items.append(item)
        if items:
            out[code] = items
    return out


# --- education per occupation -----------------------------------------------------------------

# The places on the education ladder that each O*NET job zone is consistent with (O*NET's Job Zone
# Reference: zone 1 little or no preparation, 2 high school, 3 vocational training or an associate's
# degree, 4 a bachelor's degree, 5 graduate school).
JOB_ZONE_RANKS = {1: (0, 1), 2: (1, 2), 3: (2, 4), 4: (5, 5), 5: (6, 7)}
# The share of workers surveyed who must name at least a level for it to be this occupation's own.
OWN_EDUCATION_SHARE = 80.0


def _share_at_least(rows_: list[tuple[int, float, bool]], rank: int, suppressed: bool = True) -> float:
    kept = [(c, v) for c, v, s in rows_ if suppressed or not s]
    total = sum(v for _, v in kept)
    if total <= 0:
        return 0.0
    return 100 * sum(v for c, v in kept if SURVEY_CATEGORIES[c - 1][1] >= rank) / total


def own_education(doc: dict[str, Any], rows_: list[tuple[int, float, bool]]) -> dict[str, Any] | None:
    """The occupation's own typical entry education, where BLS gives only a broader group's and the
    evidence about the occupation clearly asks for more (docs/education.md, "Education per occupation").

    All of: BLS's figure is a broader group's (a specialty, or a code BLS counts in an aggregate);
    at least 80% of the workers O*NET surveyed in this occupation name a level above the group's,
    counting every value, and still without the values O*NET recommends suppressing; and the
    occupation's job zone is consistent with that level. The level is then the highest such.
    Never lower than BLS's group: where workers name less, the page says so beside BLS's figure.
    """
    e = doc.get("education")
    if not e or not rows_ or not group_of(e.get("basis_code"), doc["soc_code"], doc["onet_code"]):
        return None
    group_rank = education_rank(e["typical_entry"])
    zone = JOB_ZONE_RANKS.get(doc.get("job_zone") or 0)
    if zone is None:
        return None
    levels = [r for r in range(group_rank + 1, len(BLS_EDUCATION)) if zone[0] <= r <= zone[1]]
    clear = [
        r
        for r in levels
        if _share_at_least(rows_, r) >= OWN_EDUCATION_SHARE
        and _share_at_least(rows_, r, suppressed=False) >= OWN_EDUCATION_SHARE
    ]
    if not clear:
        return None
    rank = max(clear)
    share = whole_percent(_share_at_least(rows_, rank))
    out = {k: v for k, v in e.items() if k != "typical_entry"}
    out["typical_entry"] = BLS_EDUCATION[rank]
    out["group_entry"] = e["typical_entry"]
    out["evidence"] = (
        f"{share}% of the workers O*NET surveyed say the job needs at least {ENTRY_PHRASE[rank]}; "
        f"O*NET job zone {doc['job_zone']}"
    )
    return out


def task_centrality(task_statements: Path) -> dict[str, dict[str, int]]:
    """code -> task ID -> its place in the work: O*NET's core tasks first, in the file's order
    (which lists each occupation's tasks most important first), then the supplemental ones."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for i, r in enumerate(onet_rows(task_statements)):
        supplemental = (r.get("Task Type") or "").strip() != "Core"
        out[r["O*NET-SOC Code"]][r["Task ID"]] = i + (1_000_000 if supplemental else 0)
    return out


def work_activities(tasks_to_dwas: Path, task_statements: Path | None = None) -> dict[str, list[str]]:
    """Detailed work activities in order of the work: by the place of the most central task they
    serve (core tasks before supplemental ones), then by how many core tasks they serve; without
    the task statements, by how many of the occupation's tasks they cover."""
    central = task_centrality(task_statements) if task_statements and task_statements.is_file() else {}
    tasks: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in onet_rows(tasks_to_dwas):
        tasks[r["O*NET-SOC Code"]][r["DWA Title"]].add(r["Task ID"])
    out = {}
    for code, by_activity in tasks.items():
        place = central.get(code, {})

        def key(kv: tuple[str, set[str]], place: dict[str, int] = place) -> tuple[int, int, int, str]:
            name, ids = kv
            spots = [place.get(t, 2_000_000) for t in ids]
            core = sum(s < 1_000_000 for s in spots)
            return (min(spots), -core, -len(ids), name) if place else (0, 0, -len(ids), name)

        out[code] = [name for name, _ in sorted(by_activity.items(), key=key)][:ACTIVITY_LIMIT]
    return out


def top_rated(path: Path, scale: str, limit: int) -> dict[str, list[str]]:
    items: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for r in onet_rows(path):
        if r["Scale ID"] == scale:
            items[r["O*NET-SOC Code"]].append((-float(r["Data Value"]), r["Element Name"]))
    return {code: [name for _, name in sorted(v)[:limit]] for code, v in items.items()}


# --- programs ---------------------------------------------------------------------------------


def cip_programs(path: Path) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            soc = r["SOC2018Code"].strip()
            # The crosswalk's "NO MATCH" rows (SOC 99-9999 or CIP 99.9999) name no program.
            if not soc.startswith("99-") and not r["CIP2020Code"].strip().startswith("99."):
                out[soc].append({"cip": r["CIP2020Code"].strip(), "title": r["CIP2020Title"].strip().rstrip(".")})
    return out


def program_level(title: str) -> tuple[int, int] | None:
    """The range of ladder ranks a program's title points to, or None when the title does not say."""
    words = set(title.lower().replace(",", " ").replace("/", " ").split())
    if words & SUB_BACCALAUREATE:  # certificates and associate's degrees
        return education_rank("Some college, no degree"), education_rank("Associate's degree")
    if words & GRADUATE:
        return education_rank("Master's degree"), education_rank("Doctoral or professional degree")
    if words & MANAGEMENT:
        return education_rank("Bachelor's degree"), education_rank("Master's degree")
    return None


def career_words(doc: dict[str, Any]) -> dict[str, float]:
    """Each stem of the career's names, weighted: the title counts most, other titles by how often."""
    weights: dict[str, float] = defaultdict(float)
    for s in set(stems(doc.get("title", "")) + stems(doc.get("onet_title", ""))):
        weights[s] += 3.0
    others = [*doc.get("also_called", []), *doc.get("search_titles", [])]
    for name in others:
        for s in set(stems(name)):
            weights[s] += 3.0 / max(len(others), 1) * 2
    return {s: w for s, w in weights.items() if s not in DROP_WORDS}


PREFIX_WEIGHT = 0.8  # a program word that only begins a career word (mechanic, mechanical) counts less


def _weight(stem_: str, words: dict[str, float]) -> float:
    """A program word's weight: the career word it is, or less where it begins (law, lawyer) or is
    begun by one: Mechanical Engineering fits a mechanical engineer better than Engineering Mechanics."""
    near = [
        w * PREFIX_WEIGHT
        for s, w in words.items()
        if s != stem_ and min(len(s), len(stem_)) >= 3 and (s.startswith(stem_) or stem_.startswith(s))
    ]
    return max([words.get(stem_, 0.0), *near])


def word_fit(program: dict[str, Any], words: dict[str, float]) -> float:
    """How much a program's title says of the career's names (0: not a word in common)."""
    distinct = {s for s in stems(program["title"]) if s not in DROP_WORDS}
    # Sorted: a sum over a set in hash order differs in its last bits from run to run.
    return sum(_weight(s, words) for s in sorted(distinct)) / math.sqrt(max(len(distinct), 1))


def program_score(program: dict[str, Any], words: dict[str, float], entry: int | None) -> float:
    fit = word_fit(program, words)
    level = program_level(program["title"])
    if entry is not None and level is not None:
        low, high = level
        fit -= max(low - entry, entry - high, 0) / 2
    lowered = program["title"].lower()
    if "general" in lowered:
        fit += 0.3
    if lowered.endswith("other"):
        fit -= 0.5
    return round(fit, 9)  # rounded: ties between programs must not change places from run to run


# CIP 2020 series 60 and 61 (residency and fellowship programs) and 51.05 (Advanced/Graduate
# Dentistry and Oral Sciences, after the dental degree): taken after the degree that admits to them.
# Never the way in: they are kept, marked "later", after every other program.
LATER_SERIES = ("60.", "61.", "51.05")
# CIP 13.12 and 13.13 prepare teachers for schools (elementary, secondary, a subject): not the
# degree a college teacher (SOC 25-1xxx, postsecondary teachers) enters with. Career and technical
# education teachers (25-1194) keep them: Technical Teacher Education prepares them at any level.
SCHOOL_TEACHING = ("13.12", "13.13")
SCHOOL_TEACHING_KEPT = ("25-1194",)
# Words of job titles that name no field (a technologist of what?): a program sharing only these
# with a specialty's names is not its own.
GENERIC_STEMS = frozenset(
    stem(w)
    for w in (
        "technologist technician specialist manager management worker assistant operator officer engineer "
        "engineering analyst coordinator representative inspector investigator teacher scientist clerk "
        "supervisor administrator administration director planner designer professional services studies "
        "science sciences technology care medical health clinical"
    ).split()
)


def is_later(cip: str) -> bool:
    return cip.startswith(LATER_SERIES)


def lead_with(programs: list[dict[str, Any]], main: list[dict[str, Any]]) -> None:
    """A specialty entered at its occupation's level (an acute care nurse is a registered nurse
    first) leads with the occupation's first program, where it has it: moved to the top in place."""
    first = main[0]["cip"] if main and not main[0].get("later") else None
    at = next((i for i, p in enumerate(programs) if p["cip"] == first), None)
    if at:
        programs.insert(0, programs.pop(at))


def own_programs(
    doc: dict[str, Any],
    available: list[dict[str, str]],
    shared: bool,
    crosswalk: dict[str, list[dict[str, str]]],
    main_words: frozenset[str] = frozenset(),
) -> list[dict[str, str]]:
    """The crosswalk's programs that belong to this occupation.

    The crosswalk maps programs to SOC codes, and several O*NET occupations can share one: a
    specialty (any code but .00) of a shared SOC code keeps only the programs whose titles share a
    word that names a field with its own names (orthoptists are no acupuncturists); where none do,
    the programs the whole crosswalk names by its own title (Orthoptics/Orthoptist); where there
    are none, those sharing such a word with the titles people search it by; else none. The
    programs of the occupation the specialty belongs to (``main_words``: the own words of the .00
    occupation, unless an "All Other" group) stay too: an automotive engineer is a mechanical
    engineer first. College teachers lose the programs that prepare school teachers.
    """
    out = list(available)
    if doc["soc_code"].startswith("25-1") and doc["soc_code"] not in SCHOOL_TEACHING_KEPT:
        out = [p for p in out if not p["cip"].startswith(SCHOOL_TEACHING)]
    if shared and not doc["onet_code"].endswith(".00"):
        listed = out
        out = _fitting(listed, own_words(doc)) or named_by_title(doc, crosswalk)
        if not out:  # nothing named by its own titles: those named by the titles people search it by
            out = _fitting(listed, {s for s in career_words(doc) if s not in GENERIC_STEMS})
        if main_words:
            kept = {p["cip"] for p in out} | {p["cip"] for p in _fitting(listed, set(main_words))}
            out = [p for p in listed if p["cip"] in kept] + [p for p in out if p not in listed]
    return out


def _fitting(programs: list[dict[str, str]], words: set[str]) -> list[dict[str, str]]:
    """The programs whose titles share a word that names a field with ``words``."""
    return [p for p in programs if any(_akin(s, words) for s in stems(p["title"]) if not _generic(s))]


def own_words(doc: dict[str, Any]) -> set[str]:
    """The words that name a specialty's field: of its title, O*NET title and the titles it is also
    called (not the longer list search uses), without the words of job titles that name no field
    (technologist, manager...)."""
    names = [doc.get("title", ""), doc.get("onet_title", ""), *doc.get("also_called", [])]
    return {s for name in names for s in stems(name) if s not in DROP_WORDS and s not in GENERIC_STEMS}


def _generic(word: str) -> bool:
    return word in DROP_WORDS or any(_akin(word, {g}) for g in GENERIC_STEMS)


AKIN = 6  # two words that begin with the same six letters or more name one field: biology, biologist


def _akin(word: str, words: set[str]) -> bool:
    return any(
        w == word
        or (min(len(w), len(word)) >= 3 and (w.startswith(word) or word.startswith(w)))
        or (len(w) >= AKIN and len(word) >= AKIN and w[:AKIN] == word[:AKIN])
        for w in words
    )


def named_by_title(doc: dict[str, Any], crosswalk: dict[str, list[dict[str, str]]]) -> list[dict[str, str]]:
    """Programs anywhere in the crosswalk whose titles hold every word of the career's title."""
    wanted = {s for s in stems(doc["title"]) if s not in DROP_WORDS}
    found: dict[str, dict[str, str]] = {}
    for programs in crosswalk.values():
        for p in programs:
            if wanted and wanted <= set(stems(p["title"])):
                found.setdefault(p["cip"], p)
    return [found[c] for c in sorted(found)]


def ranked_programs(
    doc: dict[str, Any],
    available: list[dict[str, str]],
    first: tuple[str, ...] = (),
    not_its_own: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """The occupation's programs, all of them, best fit first, hand-written notes carried over.

    The programs of ``first`` (the reviewed table data/entry_programs.toml: what most people take
    to enter) lead, in its order; then those an editor annotated, in the editor's order; then the
    rest by fit; residencies and fellowships last, marked ``later``. A program the profile has that
    the crosswalk does not list for it is kept (an editor added it), unless it is one of
    ``not_its_own``: listed for the SOC code, but not for this occupation (``own_programs``).
    """
    old = doc.get("programs", [])
    notes = {p["cip"]: p["note"] for p in old if p.get("note")}
    by_cip = {p["cip"]: dict(p) for p in available}
    for p in old:  # a program the profile names that the crosswalk has not: keep it, unless a non-match
        if not p["cip"].startswith("99.") and p["cip"] not in not_its_own:
            by_cip.setdefault(p["cip"], {"cip": p["cip"], "title": p["title"]})
    entry = _entry_rank(doc)
    words = career_words(doc)
    lead = [by_cip[c] for c in first if c in by_cip]
    edited = [by_cip[p["cip"]] for p in old if p["cip"] in notes and p["cip"] not in first]
    placed = {p["cip"] for p in lead + edited}
    rest = [p for p in by_cip.values() if p["cip"] not in placed]
    order = lead + edited + sorted(rest, key=lambda p: (-program_score(p, words, entry), p["cip"]))
    order = [p for p in order if not is_later(p["cip"])] + [p for p in order if is_later(p["cip"])]
    out = []
    for p in order:
        item: dict[str, Any] = {"cip": p["cip"], "title": p["title"]}
        if p["cip"] in notes:
            item["note"] = notes[p["cip"]]
        if is_later(p["cip"]):
            item["later"] = True
        out.append(item)
    return out


ENTRY_PROGRAMS = Path(__file__).resolve().parent.parent / "data" / "entry_programs.toml"


def entry_programs(path: Path) -> dict[str, tuple[str, ...]]:
    """The reviewed table of the programs most people take to enter a career: an O*NET-SOC code, a
    SOC code or the beginning of one (every code it begins) to CIP codes, first first. Each row
    names the public source a counselor would check."""
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        rows_ = tomli.load(fh).get("career", [])
    return {row["code"]: tuple(row["cip"]) for row in rows_}


def table_row(table: dict[str, tuple[str, ...]], code: str) -> tuple[str, ...]:
    """The row of a code in a table keyed by codes or their beginnings: the longest key that fits."""
    keys = [k for k in table if code.startswith(k)]
    return table[max(keys, key=len)] if keys else ()


def _entry_rank(doc: dict[str, Any]) -> int | None:
    typical = (doc.get("education") or {}).get("typical_entry")
    try:
        return education_rank(typical) if typical else None
    except ValueError:
        return None


# --- technology -------------------------------------------------------------------------------


def ranked_technology(path: Path, related: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Each occupation's technology, what tells it apart first: ranked by how particular its kind
    (O*NET's commodity, such as point-of-sale software) is to few occupations (an inverse document
    frequency), so that what every career lists (web browsers, spreadsheets) comes last. Within a
    kind, In Demand and then Hot Technology items lead, then the more widely used, then the name. A kind
    counts by how many of the ``related`` occupations (the field around it) list it too."""
    items: dict[str, dict[str, tuple[bool, bool, str]]] = defaultdict(dict)
    for r in onet_rows(path):
        flags = items[r["O*NET-SOC Code"]].get(r["Example"], (False, False, r["Commodity Title"]))
        items[r["O*NET-SOC Code"]][r["Example"]] = (
            flags[0] or r["In Demand"] == "Y",
            flags[1] or r["Hot Technology"] == "Y",
            flags[2],
        )
    total = max(len(items), 1)
    kinds: Counter[str] = Counter(kind for names in items.values() for kind in {f[2] for f in names.values()})
    users: Counter[str] = Counter(name for names in items.values() for name in names)

    def idf(count: int) -> float:
        return round(math.log(total / max(count, 1)), 9)

    kinds_of = {code: {f[2] for f in names.values()} for code, names in items.items()}
    out = {}
    for code, names in items.items():
        near = [c for c in (related or {}).get(code, []) if c in items]

        def weight(kind: str, near: list[str] = near) -> float:
            # A kind the occupation's field (its O*NET related occupations) also uses counts in full;
            # one of another field's (a data cluster on a nursing assistant's list) counts little.
            share = sum(kind in kinds_of[c] for c in near) / len(near) if near else 1.0
            return round(idf(kinds[kind]) * (FIELD_FLOOR + share), 9)

        def key(name: str, names: dict[str, tuple[bool, bool, str]] = names) -> tuple[float, bool, bool, float, str]:
            in_demand, hot, kind = names[name]
            return (-weight(kind), not in_demand, not hot, idf(users[name]), name.lower())

        out[code] = sorted(names, key=key)[:TECHNOLOGY_LIMIT]
    return out


# --- leads ------------------------------------------------------------------------------------


def related_occupations(path: Path) -> dict[str, list[str]]:
    """code -> its O*NET related occupations, closest first."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in onet_rows(path):
        # O*NET's supplemental tier reaches too far to name as a next step (an animal caretaker's
        # includes locker room attendants); the page's Related Careers show the primary tiers too.
        if r.get("Relatedness Tier", "Primary").startswith("Primary"):
            out[r["O*NET-SOC Code"]].append((int(r["Index"]), r["Related O*NET-SOC Code"]))
    return {code: [c for _, c in sorted(v)] for code, v in out.items()}


def unit_vectors(skills: dict[str, Any], knowledge: dict[str, Any]) -> dict[str, list[float]]:
    """Each occupation's importance and level ratings, centred on the mean of all, of length one."""
    codes = sorted(set(skills) & set(knowledge))
    dims = sorted(
        {
            (kind, el, sc)
            for kind, table in (("s", skills), ("k", knowledge))
            for c in codes
            for el, scales in table[c].items()
            for sc in scales
        }
    )
    raw = {}
    for c in codes:
        raw[c] = [(skills if kind == "s" else knowledge)[c].get(el, {}).get(sc, 0.0) for kind, el, sc in dims]
    mean = [sum(v[i] for v in raw.values()) / len(raw) for i in range(len(dims))] if raw else []
    out = {}
    for c, v in raw.items():
        centred = [x - m for x, m in zip(v, mean, strict=True)]
        norm = math.sqrt(sum(x * x for x in centred)) or 1.0
        out[c] = [x / norm for x in centred]
    return out


def gaps(own: dict[str, dict[str, float]], target: dict[str, dict[str, float]]) -> tuple[list[str], list[str]]:
    """(skills to build: the largest rises in level; skills that carry over: strong in both)."""
    wanted = {el: s for el, s in target.items() if s.get("IM", 0.0) >= SKILL_MIN_IMPORTANCE}
    rises = sorted(
        ((s.get("LV", 0.0) - own.get(el, {}).get("LV", 0.0), el) for el, s in wanted.items()),
        key=lambda t: (-t[0], t[1]),
    )
    build = [el for gap, el in rises if gap > 0.25][:GAP_LIMIT]
    held = sorted(
        (
            (min(s.get("LV", 0.0), own.get(el, {}).get("LV", 0.0)), el)
            for el, s in wanted.items()
            if el not in build and own.get(el, {}).get("IM", 0.0) >= SKILL_MIN_IMPORTANCE
        ),
        key=lambda t: (-t[0], t[1]),
    )
    return build, [el for _, el in held][:GAP_LIMIT]


# What a lead's kind rests on (docs/leads.md): a change in mean pay, in per cent of this career's.
UP_PAY = 5.0  # a step up pays more than this much more
BIG_RAISE = 20.0  # ... or, with no supervising, training or schooling to show for it, at least this much
BACK_PAY = -5.0  # a lead paying more than this much less with no more schooling is a step back
FAR_BACK = -15.0  # ... and one paying this much less is a step back whatever the schooling
SIBLING_LIMIT, SIBLING_MIN = 4, 0.5  # alike careers of the same SOC minor group, beyond O*NET's related
# The first-line supervisors (SOC XX-1xxx) of each group of work, by SOC prefix, the longest
# prefix that matches winning: the SOC names what each supervises.
SUPERVISORS: dict[str, str | None] = {
    "33-2": "33-1021.00",  # firefighting and prevention
    "33-3011": "33-1011.00",  # bailiffs: supervisors of correctional officers
    "33-3012": "33-1011.00",  # correctional officers
    "33-3": "33-1012.00",  # law enforcement: police and detectives
    "33-9": "33-1091.00",  # other protective service: security workers
    "35-": "35-1012.00",  # food preparation and serving
    "37-2": "37-1011.00",  # housekeeping and janitorial
    "37-3": "37-1012.00",  # landscaping and groundskeeping
    "39-301": "39-1013.00",  # gambling services
    "39-3": "39-1014.00",  # entertainment and recreation
    "39-9032": "39-1014.00",  # recreation workers
    "39-": "39-1022.00",  # personal service
    "41-9012": None,  # models
    "41-2": "41-1011.00",  # retail sales
    "41-": "41-1012.00",  # non-retail sales
    "43-": "43-1011.00",  # office and administrative support
    "45-": "45-1011.00",  # farming, fishing and forestry
    "47-": "47-1011.00",  # construction trades and extraction
    "49-": "49-1011.00",  # mechanics, installers and repairers
    "51-": "51-1011.00",  # production and operating
    "53-3": "53-1043.00",  # drivers: material-moving machine and vehicle operators
    "53-706": "53-1042.00",  # hand laborers and material movers
    "53-7": "53-1043.00",  # material-moving machine operators
    "53-6061": "53-1044.00",  # passenger attendants
    "53-4": "53-1049.00",  # rail transportation: other transportation supervisors
    "53-5": "53-1049.00",  # water transportation
}


def supervisor_of(soc: str) -> str | None:
    """The O*NET code of the first-line supervisors of a SOC code's work, if the SOC has them (models
    are counted with sales workers, but no sales supervisor is their step up)."""
    best = max((p for p in SUPERVISORS if soc.startswith(p)), key=len, default=None)
    return SUPERVISORS[best] if best else None


# The managers of a field (SOC 11-) by the SOC group of the work they manage: a step up for a
# career of that group at job zone 3 or more (below it, the first-line supervisors are the step).
FIELD_MANAGERS = {
    "13-2": "11-3031.00",  # financial specialists: financial managers
    "15-1": "11-3021.00",  # computer occupations: computer and information systems managers
    "17-1": "11-9041.00",  # architects: architectural and engineering managers
    "17-2": "11-9041.00",  # engineers
    "19-1": "11-9121.00",  # life scientists: natural sciences managers
    "19-2": "11-9121.00",  # physical scientists
    "21-1": "11-9151.00",  # counselors and social workers: social and community service managers
    "25-1": "11-9033.00",  # postsecondary teachers: education administrators, postsecondary
    "25-2": "11-9032.00",  # school teachers: education administrators, kindergarten through secondary
    "29-1": "11-9111.00",  # health diagnosing and treating practitioners: medical and health services managers
    "29-2": "11-9111.00",  # health technologists and technicians
    "41-3": "11-2022.00",  # sales representatives of services: sales managers
    "41-4": "11-2022.00",  # wholesale and manufacturing sales representatives
    "47-2": "11-9021.00",  # construction trades: construction managers
    # The supervisors' own step up.
    "35-1": "11-9051.00",  # food preparation and serving supervisors: food service managers
    "41-1": "11-2022.00",  # sales supervisors: sales managers
    "43-1": "11-3012.00",  # office supervisors: administrative services managers
    "47-1": "11-9021.00",  # construction supervisors: construction managers
    "51-1": "11-3051.00",  # production supervisors: industrial production managers
    "53-1": "11-3071.00",  # transportation supervisors: transportation, storage and distribution managers
}
MANAGER_ZONE = 3
BACHELOR = education_rank("Bachelor's degree")
# Construction trades (47-2xxx) are what construction and building inspectors inspect.
TRADE_INSPECTOR = ("47-2", "47-4011.00")


def is_supervisor(doc: dict[str, Any]) -> bool:
    """A first-line supervisor: SOC 'XX-1xxx' outside management, titled as one."""
    soc = doc["soc_code"]
    return soc[3] == "1" and not soc.startswith("11-") and "supervisor" in _titles(doc)


def is_manager(doc: dict[str, Any]) -> bool:
    return str(doc["soc_code"]).startswith("11-")


def is_inspector(doc: dict[str, Any]) -> bool:
    return "inspector" in _titles(doc)


def _titles(doc: dict[str, Any]) -> str:
    return f"{doc.get('title', '')} {doc.get('onet_title', '')}".lower()


def _pay(doc: dict[str, Any]) -> int | None:
    return (doc.get("wages") or {}).get("mean")


def role_of(here: dict[str, Any], there: dict[str, Any]) -> str | None:
    """What a lead is to this career by the SOC structure: the first-line supervisors of its work
    (``SUPERVISORS``), the managers of its field (``FIELD_MANAGERS``), inspectors of such work, or
    the work this career supervises or manages ('supervised')."""
    boss_here = is_supervisor(here) or is_manager(here)
    if here["onet_code"] in (supervisor_of(there["soc_code"]), FIELD_MANAGERS.get(there["soc_code"][:4])):
        return "supervised"
    if there["onet_code"] == supervisor_of(here["soc_code"]) and not boss_here:
        return "supervises"
    if there["onet_code"] == FIELD_MANAGERS.get(here["soc_code"][:4]) and not is_manager(here):
        return "manages"
    if is_inspector(there) and not is_inspector(here) and not boss_here:
        return "inspects"
    return None


def lead_kind(
    role: str | None, pay_pct: float | None, schooling: int | None, more_training: bool, new_degree: bool
) -> str:
    """Step up, alongside or step back (docs/leads.md): by the role, the pay and the schooling."""
    if role == "supervised":
        return "back"
    if pay_pct is None:
        return "up" if role in ("supervises", "manages") else "alongside"
    if pay_pct > UP_PAY and (role is not None or more_training or pay_pct >= BIG_RAISE):
        return "up"
    if pay_pct < FAR_BACK or (pay_pct < BACK_PAY and (schooling is None or schooling <= 0) and not new_degree):
        return "back"
    return "alongside"


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}


def on_page(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The leads a page shows, by the page's own rule (careerexplorer.guidance.for_page)."""
    records = [Lead(**_fields(i)) for i in items]
    by_record = {id(lead): item for lead, item in zip(records, items, strict=True)}
    return [by_record[id(lead)] for lead in for_page(records)]


def candidates(
    code: str, docs: dict[str, dict[str, Any]], related: list[str], cosine: dict[str, float]
) -> dict[str, float]:
    """The careers a career may lead to, with a closeness: O*NET's related occupations (closest
    first), the supervisors of its SOC major group and the managers most like it, the construction
    inspectors for a construction trade, and the most alike careers of its SOC minor group."""
    here = docs[code]
    out = {c: 1.0 - i / max(len(related), 1) for i, c in enumerate(related) if c in docs and c != code}

    def best(pool: list[str], limit: int, minimum: float) -> list[str]:
        ranked = sorted(
            (c for c in pool if c != code and cosine.get(c, -1.0) >= minimum), key=lambda c: (-cosine.get(c, -1.0), c)
        )
        return ranked[:limit]

    if not (is_supervisor(here) or is_manager(here)):
        boss = supervisor_of(here["soc_code"])
        if boss in docs and boss != code:
            out.setdefault(boss, 0.5)
    manager = FIELD_MANAGERS.get(here["soc_code"][:4])
    if manager in docs and (is_supervisor(here) or (here.get("job_zone") or 0) >= MANAGER_ZONE):
        out.setdefault(manager, 0.5)
    prefix, inspector = TRADE_INSPECTOR
    if here["soc_code"].startswith(prefix) and inspector in docs:
        out.setdefault(inspector, 0.3)
    siblings = [c for c, d in docs.items() if d["soc_code"][:4] == here["soc_code"][:4]]
    for c in best(siblings, SIBLING_LIMIT, SIBLING_MIN):
        out.setdefault(c, 0.0)
    return out


def cip_families(programs: list[dict[str, str]]) -> set[str]:
    """The CIP program families ('51.38', nursing) of an occupation's programs. Teacher education
    in a subject (13.13) is left out: its family holds every subject, biology as chemistry."""
    return {p["cip"][:5] for p in programs if not p["cip"].startswith(("99.", "13.13"))}


def places(doc: dict[str, Any]) -> set[tuple[Any, Any]]:
    """The clusters and pathways (16-cluster framework) a career is listed under."""
    listed = [(doc.get("cluster"), doc.get("pathway")), *((a["cluster"], a["pathway"]) for a in doc.get("also_in", []))]
    return {(c, p) for c, p in listed if c and p}


def same_field(here: dict[str, Any], there: dict[str, Any], mine: set[str], theirs: set[str]) -> bool:
    """Work of one field: the same SOC minor group, a pathway in common, or a program family in
    common; supervisors of different SOC major groups (retail, mechanics) are not of one field."""
    if is_supervisor(here) and is_supervisor(there) and here["soc_code"][:2] != there["soc_code"][:2]:
        return False
    # A minor group of "other" occupations (11-9, 29-9, 51-9...) is no field of its own.
    group = here["soc_code"][:4] == there["soc_code"][:4] and here["soc_code"][3] != "9"
    return group or bool(places(here) & places(there)) or bool(mine & theirs)


def leads(
    docs: dict[str, dict[str, Any]],
    related: dict[str, list[str]],
    skills: dict[str, Any],
    knowledge: dict[str, Any],
    programs: dict[str, list[dict[str, str]]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Each career's leads, each with its kind, its pay difference and the schooling it takes,
    the page's first (``on_page``), then the others, closest first. ``programs``: by SOC code."""
    vectors = unit_vectors(skills, knowledge)
    families = {code: cip_families((programs or {}).get(d["soc_code"], [])) for code, d in docs.items()}
    out = {}
    for code, here in docs.items():
        mine = vectors.get(code)
        cosine = {c: sum(a * b for a, b in zip(mine, v, strict=True)) for c, v in vectors.items() if mine is not None}
        near = candidates(code, docs, related.get(code, []), cosine)
        scored = []
        for other, closeness in near.items():
            cos = cosine.get(other, 0.0)
            score = COSINE_WEIGHT * cos + RELATED_WEIGHT * closeness
            scored.append((round(score, 9), other))
        scored.sort(key=lambda t: (-t[0], t[1]))
        items = []
        for score, other in scored:
            there = docs[other]
            role = role_of(here, there)
            trade_inspector = here["soc_code"].startswith(TRADE_INSPECTOR[0]) and other == TRADE_INSPECTOR[1]
            structural = role in ("supervises", "manages") or trade_inspector
            if not structural and not same_field(here, there, families[code], families[other]):
                continue  # alike in skills, but another field: no lead a counselor would name
            item = lead_item(here, there, score, other in related.get(code, []), families[code], families[other])
            build, carry = (
                gaps(skills.get(code, {}), skills.get(other, {})) if code in skills and other in skills else ([], [])
            )
            if build:
                item["build"] = build
            if carry:
                item["carry"] = carry
            items.append(item)
        first = on_page(items)
        rest = [i for i in items if not any(i is f for f in first)]
        chosen = (first + rest)[: max(LEAD_LIMIT, len(first))]
        if chosen:
            out[code] = chosen
    return out


def lead_item(
    here: dict[str, Any], there: dict[str, Any], score: float, related: bool, mine: set[str], theirs: set[str]
) -> dict[str, Any]:
    """One lead: who, how alike, and what the move means (kind, role, pay, schooling)."""
    pay_here, pay_there = _pay(here), _pay(there)
    pay = pay_there - pay_here if pay_here is not None and pay_there is not None else None
    pct = 100.0 * pay / pay_here if pay is not None and pay_here else None
    rank_here, rank_there = _entry_rank(here), _entry_rank(there)
    schooling = rank_there - rank_here if rank_here is not None and rank_there is not None else None
    role = role_of(here, there)
    # A degree in another field: the lead takes a bachelor's or more, and no program family of
    # the crosswalk leads to both (a biology professor is no chemist; a dietitian no nurse).
    # Two college teachers of different subjects (SOC 25-1xxx) each need a degree in their own.
    teachers = here["soc_code"][:4] == there["soc_code"][:4] == "25-1" and here["soc_code"] != there["soc_code"]
    new_degree = bool(
        role not in ("supervises", "manages")
        and rank_there is not None
        and rank_there >= BACHELOR
        and (teachers or (mine and theirs and not mine & theirs))
    )
    more_training = (schooling or 0) > 0 or (there.get("job_zone") or 0) > (here.get("job_zone") or 0)
    item: dict[str, Any] = {
        "slug": there["slug"],
        "title": there["title"],
        "similarity": max(0, min(100, round(100 * score))),
        "related": related,
        "kind": lead_kind(role, pct, schooling, more_training, new_degree),
    }
    if role and role != "supervised":
        item["role"] = role
    if pay is not None:
        item["pay_difference"] = pay
    education = there.get("education") or {}
    if education.get("typical_entry"):
        item["education"] = education["typical_entry"]
    if education.get("experience"):
        item["experience"] = education["experience"]
    if new_degree:
        item["new_degree"] = True
    return item


# --- the entry point ----------------------------------------------------------------------------


def derive(sources: Path, docs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """For each O*NET-SOC code of ``docs``, the fields this module adds or replaces (see the module doc)."""
    onet = sources / "onet"
    out: dict[str, dict[str, Any]] = {code: {} for code in docs}

    def put(key: str, table: dict[str, Any]) -> None:
        for code, value in table.items():
            if code in out and value:
                out[code][key] = value

    skills = ratings(onet / "Skills.txt") if (onet / "Skills.txt").is_file() else {}
    knowledge = ratings(onet / "Knowledge.txt") if (onet / "Knowledge.txt").is_file() else {}
    norms = knowledge_norms(knowledge)
    put("subjects", {code: subjects(k, norms) for code, k in knowledge.items()})
    path = onet / "Education, Training, and Experience.txt"
    survey = survey_rows(path) if path.is_file() else {}
    put("education_survey", education_survey(survey))
    for code, doc in docs.items():  # before the programs, which rank by the entry level
        own = own_education(doc, survey.get(code, []))
        if own:
            out[code]["education"] = own
    if (onet / "Tasks to DWAs.txt").is_file():
        put("work_activities", work_activities(onet / "Tasks to DWAs.txt", onet / "Task Statements.txt"))
    if (onet / "Work Values.txt").is_file():
        put("work_values", top_rated(onet / "Work Values.txt", "EX", VALUE_LIMIT))
    if (onet / "Work Styles.txt").is_file():
        put("work_styles", top_rated(onet / "Work Styles.txt", "IM", STYLE_LIMIT))
    related = (
        related_occupations(onet / "Related Occupations.txt") if (onet / "Related Occupations.txt").is_file() else {}
    )
    if (onet / "Technology Skills.txt").is_file():
        put("technology", ranked_technology(onet / "Technology Skills.txt", related))
    crosswalk = sources / "cip-soc" / "CIP2020_SOC2018_Crosswalk_CIP-SOC.csv"
    available_by_soc: dict[str, list[dict[str, str]]] = {}
    if crosswalk.is_file():
        available = available_by_soc = cip_programs(crosswalk)
        first = entry_programs(ENTRY_PROGRAMS)
        socs = Counter(doc["soc_code"] for doc in docs.values())
        for code, doc in docs.items():  # replaced even when empty: the crosswalk may have nothing
            listed = available.get(doc["soc_code"], [])
            group = docs.get(f"{doc['soc_code']}.00")
            main_words = frozenset(own_words(group)) if group and not doc["soc_code"].endswith("9") else frozenset()
            mine = own_programs(doc, listed, socs[doc["soc_code"]] > 1, available, main_words)
            others = frozenset(p["cip"] for p in listed) - {p["cip"] for p in mine}
            ranked = {**doc, **out[code]}  # with its own education, where the survey gave it one
            out[code]["programs"] = ranked_programs(ranked, mine, table_row(first, code), others)
        for code, doc in docs.items():
            main = f"{doc['soc_code']}.00"
            # Not an "All Other" code (ending in 9): its first program is no way into a specialty.
            if code != main and main in out and not out[code].get("education") and not main.endswith("9.00"):
                lead_with(out[code].get("programs", []), out[main].get("programs", []))
    # Leads compare each career's schooling with its own education, where the survey gave it one.
    schooled = {code: {**doc, **{k: v for k, v in out[code].items() if k == "education"}} for code, doc in docs.items()}
    put("leads", leads(schooled, related, skills, knowledge, available_by_soc))
    return out
