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
from careerexplorer.guidance import ENTRY_PHRASE, SURVEY_CATEGORIES
from careerexplorer.model import BLS_EDUCATION, education_rank, whole_percent
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
SUBJECT_MIN_IMPORTANCE = 3.0  # O*NET's "important" on its 1-5 scale
SUBJECT_LIMIT = 5
ACTIVITY_LIMIT = 6
VALUE_LIMIT = 3
STYLE_LIMIT = 5
TECHNOLOGY_LIMIT = 8
FIELD_SHARE = 0.15  # a technology "of the field" is used by at least this share of the related occupations
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


def subjects(knowledge: dict[str, dict[str, float]]) -> list[str]:
    """The school subjects a career leans on: important knowledge areas, by importance times level."""
    best: dict[str, float] = {}
    for area, scale in knowledge.items():
        subject = KNOWLEDGE_SUBJECTS.get(area)
        im = scale.get("IM", 0.0)
        if subject is None or im < SUBJECT_MIN_IMPORTANCE:
            continue
        score = im * scale.get("LV", 0.0)
        best[subject] = max(best.get(subject, 0.0), score)
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


def work_activities(tasks_to_dwas: Path) -> dict[str, list[str]]:
    """Detailed work activities ranked by how many of the occupation's tasks they cover."""
    tasks: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in onet_rows(tasks_to_dwas):
        tasks[r["O*NET-SOC Code"]][r["DWA Title"]].add(r["Task ID"])
    return {
        code: [t for t, _ in sorted(d.items(), key=lambda kv: (-len(kv[1]), kv[0]))][:ACTIVITY_LIMIT]
        for code, d in tasks.items()
    }


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


def ranked_technology(path: Path, related: dict[str, list[str]]) -> dict[str, list[str]]:
    """In Demand first, then Hot Technology, then the rest; within each, what the field around the
    occupation (its O*NET related occupations) also uses more than occupations at large."""
    items: dict[str, dict[str, tuple[bool, bool]]] = defaultdict(dict)
    for r in onet_rows(path):
        flags = items[r["O*NET-SOC Code"]].get(r["Example"], (False, False))
        items[r["O*NET-SOC Code"]][r["Example"]] = (
            flags[0] or r["In Demand"] == "Y",
            flags[1] or r["Hot Technology"] == "Y",
        )
    users: Counter[str] = Counter(name for names in items.values() for name in names)
    total = max(len(items), 1)
    out = {}
    for code, names in items.items():
        near = [c for c in related.get(code, []) if c in items]

        def share(name: str, near: list[str] = near) -> float:
            return sum(name in items[c] for c in near) / len(near) if near else 0.0

        def key(
            name: str, names: dict[str, tuple[bool, bool]] = names, near: list[str] = near
        ) -> tuple[bool, bool, bool, float, str]:
            # An item few of the related occupations use (a hot technology of another field) sinks
            # within its tier; among the rest, what the field uses more than occupations at large leads.
            used = share(name, near)
            return (
                not names[name][0],
                not names[name][1],
                bool(near) and used < FIELD_SHARE,
                -(used - users[name] / total),
                name.lower(),
            )

        order = sorted(names, key=key)
        out[code] = order[:TECHNOLOGY_LIMIT]
    return out


# --- leads ------------------------------------------------------------------------------------


def related_occupations(path: Path) -> dict[str, list[str]]:
    """code -> its O*NET related occupations, closest first."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in onet_rows(path):
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


def leads(
    docs: dict[str, dict[str, Any]], related: dict[str, list[str]], skills: dict[str, Any], knowledge: dict[str, Any]
) -> dict[str, list[dict[str, Any]]]:
    vectors = unit_vectors(skills, knowledge)
    out = {}
    for code in docs:
        near = {
            c: (len(related.get(code, [])) - i) / max(len(related.get(code, [])), 1)
            for i, c in enumerate(related.get(code, []))
        }
        mine = vectors.get(code)
        scored = []
        for other in docs:
            if other == code:
                continue
            cos = 0.0
            if mine is not None and other in vectors:
                cos = sum(a * b for a, b in zip(mine, vectors[other], strict=True))
            if mine is None and other not in near:
                continue
            score = COSINE_WEIGHT * cos + RELATED_WEIGHT * near.get(other, 0.0)
            if score > 0:
                scored.append((score, other))
        scored.sort(key=lambda t: (-t[0], t[1]))
        items = []
        for score, other in scored[:LEAD_LIMIT]:
            build, carry = (
                gaps(skills.get(code, {}), skills.get(other, {})) if code in skills and other in skills else ([], [])
            )
            item: dict[str, Any] = {
                "slug": docs[other]["slug"],
                "title": docs[other]["title"],
                "similarity": min(100, round(100 * score)),
                "related": other in near,
            }
            if build:
                item["build"] = build
            if carry:
                item["carry"] = carry
            items.append(item)
        if items:
            out[code] = items
    return out


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
    put("subjects", {code: subjects(k) for code, k in knowledge.items()})
    path = onet / "Education, Training, and Experience.txt"
    survey = survey_rows(path) if path.is_file() else {}
    put("education_survey", education_survey(survey))
    for code, doc in docs.items():  # before the programs, which rank by the entry level
        own = own_education(doc, survey.get(code, []))
        if own:
            out[code]["education"] = own
    if (onet / "Tasks to DWAs.txt").is_file():
        put("work_activities", work_activities(onet / "Tasks to DWAs.txt"))
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
    if crosswalk.is_file():
        available = cip_programs(crosswalk)
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
    put("leads", leads(docs, related, skills, knowledge))
    return out
