"""The compact catalog index: the fields that search, list and look-ups need, one entry a career.

It is derived from the profiles in ``data/careers`` (careerexplorer.build writes it) and shipped as
``data/index.json``, ``data/search.tsv`` and ``data/lookup.json``, so that commands over the whole
catalog read one small file instead of every TOML profile. This module reads them; it knows
nothing of the catalog above it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from careerexplorer.errors import DataError
from careerexplorer.model import INTERESTS, Profile
from careerexplorer.text import WORD, stems


class Entry(TypedDict):
    """The facts of one career that whole-catalog commands need (one line of index.json)."""

    slug: str
    title: str
    onet_code: str
    soc_code: str
    cluster: str
    pathway: str
    salary: int | None
    median: int | None
    employment: int | None
    wage_basis: str | None
    education: int | None
    growth: float | None
    outlook: str | None
    openings: int | None
    bright_outlook: list[str]
    interests: list[float] | None
    also_in: NotRequired[list[list[str]]]  # more [cluster, pathway] places the career is listed under


class Names(TypedDict):
    """Every name a career is found by, stored compactly (see ``names``)."""

    fields: str
    names: str
    terms: str


class SearchRow(Names):
    """One line of search.tsv: who a career is, and its names."""

    slug: str
    title: str
    onet_code: str
    soc_code: str
    jobs: int


INDEX_FILE = "index.json"
INDEX_VERSION = 2

FIELD_CODES = {"title": "t", "also_called": "a", "certifications": "c", "search_titles": "s",
               "pathway": "p", "cluster": "k", "summary": "m"}
FIELD_OF = {code: name for name, code in FIELD_CODES.items()}
NAME_SEP = "\x1f"  # the ASCII unit separator: never inside a name


def names(entry: Names) -> list[tuple[str, str]]:
    """(field, name) pairs of an entry, aligned with the segments of its "terms" string.

    They are stored compactly as "fields" (one letter a name) and "names" (joined by a separator):
    two strings an entry read much faster than dozens of small ones.
    """
    return list(zip((FIELD_OF[c] for c in entry["fields"]), entry["names"].split(NAME_SEP)))


def name_parts(title: str, also_called: list[str], certifications: list[str], search_titles: list[str],
               pathway: str, cluster: str, summary: str) -> Names:
    pairs = [("title", title), *(("also_called", n) for n in also_called),
             *(("certifications", n) for n in certifications), *(("search_titles", n) for n in search_titles),
             ("pathway", pathway), ("cluster", cluster), ("summary", summary)]
    # Whitespace (tabs, newlines, the separator) collapses to one space: a name is one field.
    clean = [(f, " ".join(n.replace(NAME_SEP, " ").split())) for f, n in pairs]
    return {
        "fields": "".join(FIELD_CODES[f] for f, _ in clean),
        "names": NAME_SEP.join(n for _, n in clean),
        # Every name's stems, names separated by ' | ', padded so ' stem ' finds whole words.
        "terms": " " + " | ".join(" ".join(stems(n)) or "_" for _, n in clean) + " ",
    }


class Indexed(Entry, Names):
    """An index entry with its names, as built from a profile."""


def entry_for(p: Profile) -> Indexed:
    """The index entry of one profile, with the names search finds it by."""
    w, o, e = p.wages, p.outlook, p.education
    certifications = [c.abbr for c in p.certifications if c.abbr] + [c.name for c in p.certifications]
    return {
        "slug": p.slug,
        "title": p.title,
        "onet_code": p.onet_code,
        "soc_code": p.soc_code,
        "cluster": p.cluster,
        "pathway": p.pathway,
        "salary": w.mean if w else None,
        "median": w.median if w else None,
        "employment": w.employment if w else None,
        "wage_basis": w.basis_code if w else None,
        "education": e.rank if e else None,
        "growth": o.change_pct if o else None,
        "outlook": o.label if o else None,
        "openings": o.openings if o else None,
        "bright_outlook": list(p.bright_outlook),
        "interests": [dict(p.interests)[k] for k in INTERESTS] if len(p.interests) == len(INTERESTS) else None,
        **name_parts(p.title, list(p.also_called), certifications, list(p.search_titles), p.pathway, p.cluster,
                     p.summary),
    }


SEARCH_FILE = "search.tsv"
LOOKUP_FILE = "lookup.json"
# Kept apart from the facts, in search.tsv, so that `list` reads a small file, and `search`
# reads one file that holds all it needs: who a career is, and every name it is found by.
SEARCH_KEYS = ("fields", "names", "terms")
# "jobs" ranks ties: the BLS employment figure for an occupation's main O*NET code (.00); a
# specialty that shares the figure gets its share (ten kinds of computer occupation share one
# figure, and none of them has all those jobs).
SEARCH_COLUMNS = ("slug", "title", "onet_code", "soc_code", "jobs", *SEARCH_KEYS)


def _read(path: Path, what: str) -> Any:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: the bundled {what} is unreadable ({exc}); reinstall careers") from None
    return doc


def read_index(data_dir: Path) -> list[Entry]:
    """The bundled entries: the facts of every career, in slug order."""
    doc = _read(data_dir / INDEX_FILE, "index")
    if doc.get("version") != INDEX_VERSION:
        raise DataError(f"{data_dir / INDEX_FILE}: index version {doc.get('version')} is not {INDEX_VERSION}; reinstall careers")
    careers: list[Entry] = doc["careers"]
    return careers


class Vocabulary:
    """Every word (as written, lower case) and every stem of the catalog's names, each as one
    space-padded string: a membership test is a substring search, with no set to build."""

    def __init__(self, raw: str, stems: str) -> None:
        self.raw = f" {raw.strip()} "
        self.stems = f" {stems.strip()} "

    @classmethod
    def of(cls, entries: list[Names]) -> Vocabulary:
        raw = {w for e in entries for w in WORD.findall(e["names"].lower())}
        found = {s for e in entries for s in e["terms"].split() if s != "|"}
        return cls(" ".join(sorted(raw)), " ".join(sorted(found)))

    def __or__(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(self.raw + other.raw, self.stems + other.stems)

    def has_word(self, word: str) -> bool:
        return f" {word} " in self.raw

    def has_stem(self, stem_: str) -> bool:
        return f" {stem_} " in self.stems

    def stem_list(self) -> list[str]:
        return sorted(set(self.stems.split()))


class SearchRows:
    """The careers search can look at: the bundled rows of search.tsv, kept as bytes until a
    query's stems are found in them (decoding and splitting all of them costs more than the
    search itself), plus entries of the user's own profiles."""

    def __init__(self, lines: list[bytes], extra: list[SearchRow]) -> None:
        self.lines = lines
        self.extra = extra

    @classmethod
    def of(cls, entries: list[SearchRow]) -> SearchRows:
        return cls([], entries)

    @staticmethod
    def parse(line: bytes) -> SearchRow:
        slug, title, onet_code, soc_code, jobs, fields, names_, terms = line.decode("utf-8").split("\t")
        return {"slug": slug, "title": title, "onet_code": onet_code, "soc_code": soc_code, "jobs": int(jobs),
                "fields": fields, "names": names_, "terms": terms}

    def matching(self, stems_: list[str]) -> list[SearchRow]:
        """The rows that hold any of the stems (and perhaps a few that only seem to)."""
        pads = [f" {s} " for s in stems_]
        raw = [p.encode("utf-8") for p in pads]
        found = [self.parse(line) for line in self.lines if any(p in line for p in raw)]
        return found + [e for e in self.extra if any(p in e["terms"] for p in pads)]

    def all(self) -> list[SearchRow]:
        return [self.parse(line) for line in self.lines] + self.extra

    def without(self, slugs: set[str]) -> SearchRows:
        return SearchRows([ln for ln in self.lines if ln.split(b"\t", 1)[0].decode() not in slugs], self.extra)

    def only(self, slugs: set[str]) -> SearchRows:
        return SearchRows([ln for ln in self.lines if ln.split(b"\t", 1)[0].decode() in slugs],
                          [e for e in self.extra if e["slug"] in slugs])

    def __add__(self, entries: list[SearchRow]) -> SearchRows:
        return SearchRows(self.lines, self.extra + entries)


def read_search(data_dir: Path) -> tuple[SearchRows, Vocabulary]:
    """The bundled search rows and the vocabulary."""
    path = data_dir / SEARCH_FILE
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as exc:
        raise DataError(f"{path}: the bundled search index is unreadable ({exc.strerror or exc}); reinstall careers") from None
    if lines[0] != f"careers-search\t{INDEX_VERSION}".encode() or len(lines) < 4:
        raise DataError(f"{path}: not a careers search index of version {INDEX_VERSION}; reinstall careers")
    try:
        vocabulary = Vocabulary(lines[1].decode("utf-8"), lines[2].decode("utf-8"))
    except UnicodeDecodeError:
        raise DataError(f"{path}: the bundled search index is not UTF-8; reinstall careers") from None
    return SearchRows([ln for ln in lines[3:] if ln], []), vocabulary


def read_lookup(data_dir: Path) -> dict[str, str]:
    lookup: dict[str, str] = _read(data_dir / LOOKUP_FILE, "look-up table")
    return lookup
