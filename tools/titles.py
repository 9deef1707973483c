"""Display titles and slugs: O*NET's plural titles as a person says them, in the singular."""

from __future__ import annotations

import re

# Titles the rules below get wrong, by O*NET-SOC code. A qualifier after a comma that names
# things rather than jobs keeps its plural ("Related Materials", "Aquacultural Animals").
TITLE_OVERRIDES: dict[str, str] = {
    "13-2099.04": "Fraud Examiner, Investigator, and Analyst",
    "53-6051.07": "Transportation Vehicle, Equipment and Systems Inspector, Except Aviation",
    "45-2093.00": "Farmworker, Farm, Ranch, and Aquacultural Animals",
    "51-2011.00": "Aircraft Structure, Surfaces, Rigging, and Systems Assembler",
    "51-6021.00": "Presser, Textile, Garment, and Related Materials",
    "51-6051.00": "Hand Sewer",
    "29-1029.00": "Other Specialist Dentist",
    "15-1299.00": "Other Computer Occupation",
    "15-2099.00": "Other Mathematical Science Occupation",
    "27-2099.00": "Other Entertainer, Performer, Sports and Related Worker",
    "47-3019.00": "Other Construction Trades Helper",
}

_STOP = re.compile(r"(,| of | for | in | on | to | at | from | with | and | or |\(| except )", re.IGNORECASE)
_STOPPERS = ("of", "for", "in", "on", "to", "at", "from", "with", "(", "except")
_UNCHANGED = {
    "police",
    "personnel",
    "staff",
    "equipment",
    "sales",
    "series",
    "species",
    "arts",
    "lens",
    "gas",
    "glass",
    "news",
    "athletics",
    "physics",
    "economics",
    "mathematics",
    "statistics",
    "electronics",
    "logistics",
    "aerobics",
    "analysis",
    "kinesiology",
    "diagnosis",
    "us",
    "is",
    "as",
    "bus",
    "biomass",
    "chassis",
    "occupations",
    "operations",
    "benefits",
    "claims",
    "securities",
    "commodities",
    "fibers",
    "forces",
    "customs",
}


def singular_word(word: str) -> str:
    if "/" in word:  # "Engineers/Architects": each job of the pair
        return "/".join(singular_word(part) for part in word.split("/"))
    lower = word.lower()
    if lower.endswith("men"):
        return word[:-3] + "man"
    if lower in _UNCHANGED or not lower.endswith("s") or lower.endswith("ss"):
        return word
    if lower.endswith("wives"):
        return word[:-5] + "wife"
    for plural, single in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("zzes", "zz")):
        if lower.endswith(plural):
            return word[: -len(plural)] + single
    return word[:-1]


def singular_title(title: str) -> str:
    """The O*NET plural title in the singular: 'Registered Nurse'.

    Only the head noun of each listed job is changed: the word before 'and', a comma that
    separates jobs, or 'of' ('Supervisors of Retail Sales Workers' keeps 'Workers'). Qualifiers
    after the first comma ('Cooks, Fast Food') are left as they are unless they list more jobs.
    """
    head, comma, tail = title.partition(", ")
    is_list = bool(comma) and (
        ", and " in title
        or tail.endswith("s")
        and not tail.startswith(("Except", "All Other"))
        and _looks_like_jobs(tail)
    )
    part = title if is_list else head
    pieces = _STOP.split(part)
    # pieces alternate text, separator, text...; the last word of each text piece that is
    # followed by a list separator or ends the phrase is singular, until 'of'/'for'/'in'...
    result = []
    stopped = False
    for i, piece in enumerate(pieces):
        if i % 2 == 1:
            result.append(piece)
            stopped = stopped or piece.strip().lower() in _STOPPERS
            continue
        if stopped or not piece.strip():
            result.append(piece)
            continue
        words = piece.rstrip().split(" ")
        nxt = pieces[i + 1].strip().lower() if i + 1 < len(pieces) else ""
        if nxt in ("and", "or", ",", "") or nxt in _STOPPERS:
            words[-1] = singular_word(words[-1])
        result.append(" ".join(words) + piece[len(piece.rstrip()) :])
    out = "".join(result)
    return out if is_list else out + comma + tail


def _looks_like_jobs(tail: str) -> bool:
    last = tail.split(" ")[-1].lower()
    return last.endswith(("ers", "ors", "ists", "ians", "ants", "ents", "ates", "ges", "nts", "ics"))


def display_title(code: str, onet_title: str) -> str:
    """The title shown for an O*NET occupation.

    'Helpers--Electricians' reads 'Electrician Helper' ('Helpers--Production Workers' reads
    'Production Helper': the helper is the worker). 'Engineers, All Other' reads 'Other Engineer'.
    """
    if code in TITLE_OVERRIDES:
        return TITLE_OVERRIDES[code]
    if onet_title.startswith("Helpers--"):
        trade = singular_title(onet_title[len("Helpers--") :])
        return re.sub(r" Worker$", "", trade) + " Helper"
    if onet_title.endswith(", All Other"):
        return "Other " + singular_title(onet_title[: -len(", All Other")])
    return singular_title(onet_title)


def slugify(title: str) -> str:
    text = title.lower().replace("'", "").replace("’", "")
    return "-".join(re.findall(r"[a-z0-9]+", text))


def assign_slugs(titles: dict[str, str]) -> dict[str, str]:
    """A slug per code from its display title; a clash takes the code as a suffix."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for code, title in titles.items():
        slug = slugify(title)
        if slug in taken:
            slug = f"{slug}-{code.replace('.', '-')}"
        taken.add(slug)
        slugs[code] = slug
    return slugs
