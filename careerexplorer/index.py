"""The compact catalog index: the fields that search, list and look-ups need, one entry a career.

It is built from the profiles in ``data/careers`` and shipped as ``data/index.json`` so that
commands over the whole catalog read one small JSON file instead of every TOML profile. A test
keeps it in sync with the profiles; ``python -m careerexplorer.index`` rebuilds it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from careerexplorer.errors import DataError
from careerexplorer.model import Profile
from careerexplorer.schema import INTERESTS

INDEX_FILE = "index.json"
INDEX_VERSION = 2
_WORD = re.compile(r"[a-z0-9]+")



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
    return [stem(w) for w in _WORD.findall(text.lower())]


FIELD_CODES = {"title": "t", "also_called": "a", "certifications": "c", "search_titles": "s",
               "pathway": "p", "cluster": "k", "summary": "m"}
FIELD_OF = {code: name for name, code in FIELD_CODES.items()}
NAME_SEP = "\x1f"  # the ASCII unit separator: never inside a name


def names(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, name) pairs of an entry, aligned with the segments of its "terms" string.

    They are stored compactly as "fields" (one letter a name) and "names" (joined by a separator):
    two strings an entry read much faster than dozens of small ones.
    """
    return list(zip((FIELD_OF[c] for c in entry["fields"]), entry["names"].split(NAME_SEP)))


def name_parts(title: str, also_called: list[str], certifications: list[str], search_titles: list[str],
               pathway: str, cluster: str, summary: str) -> dict[str, str]:
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


def entry_for(p: Profile) -> dict[str, Any]:
    """The index entry of one profile."""
    w, o, e = p.wages, p.outlook, p.education
    entry: dict[str, Any] = {
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
    }
    certifications = [c.abbr for c in p.certifications if c.abbr] + [c.name for c in p.certifications]
    entry.update(name_parts(p.title, list(p.also_called), certifications, list(p.search_titles),
                            p.pathway, p.cluster, p.summary))
    return entry


SEARCH_FILE = "search.tsv"
LOOKUP_FILE = "lookup.json"
# Kept apart from the facts, in search.tsv, so that `list` reads a small file, and `search`
# reads one file that holds all it needs: who a career is, and every name it is found by.
SEARCH_KEYS = ("fields", "names", "terms")
# "jobs" ranks ties: the BLS employment figure for an occupation's main O*NET code (.00); a
# specialty that shares the figure gets its share (ten kinds of computer occupation share one
# figure, and none of them has all those jobs).
SEARCH_COLUMNS = ("slug", "title", "onet_code", "soc_code", "jobs", *SEARCH_KEYS)


def build_index(data_dir: Path) -> dict[str, Any]:
    from careerexplorer.catalog import Clusters, load_profile

    clusters = Clusters.load(data_dir)
    paths = sorted((data_dir / "careers").glob("*.toml"))
    entries = [entry_for(load_profile(path, clusters)) for path in paths]
    return {"version": INDEX_VERSION, "careers": entries}


def _lines(version: int, rows: list[Any]) -> str:
    # One career a line: compact to load, and a change to one profile is a one-line diff.
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows)
    return '{"version":%d,"careers":[\n%s\n]}\n' % (version, body)


def build_lookup(index: dict[str, Any]) -> dict[str, str]:
    """Codes and normalized titles to slugs: what `show` needs to resolve an exact identifier
    without loading the whole index. A SOC code shared by several occupations means the first."""
    from careerexplorer.catalog import normalize

    out: dict[str, str] = {}
    for e in sorted(index["careers"], key=lambda e: e["onet_code"]):
        for key in (e["onet_code"], e["soc_code"], normalize(e["title"])):
            out.setdefault(key, e["slug"])
    return out


def index_files(data_dir: Path) -> dict[str, str]:
    """Every file derived from the profiles, by name: the facts, the search names, the look-up."""
    index = build_index(data_dir)
    facts = [{k: v for k, v in e.items() if k not in SEARCH_KEYS} for e in index["careers"]]  # before "jobs" is added
    # Tab-separated text, one career a line in index order: read and split in a few
    # milliseconds, where the same content as JSON took about 18 ms to parse.
    sharing: dict[str, int] = {}
    for e in index["careers"]:
        basis = e["wage_basis"] or e["soc_code"]
        sharing[basis] = sharing.get(basis, 0) + 1
    for e in index["careers"]:
        share = 1 if e["onet_code"].endswith(".00") else sharing[e["wage_basis"] or e["soc_code"]]
        e["jobs"] = (e["employment"] or 0) // share
    rows = ["\t".join(str(e[k]) if k == "jobs" else e[k] for k in SEARCH_COLUMNS) for e in index["careers"]]
    # Then every word of every name as written, and every stem: to tell a typo from a word, and
    # to find the word a typo meant.
    vocabulary = Vocabulary.of(index["careers"])
    search = (f"careers-search\t{INDEX_VERSION}\n{vocabulary.raw.strip()}\n{vocabulary.stems.strip()}\n"
              + "\n".join(rows) + "\n")
    lookup = json.dumps(build_lookup(index), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    return {INDEX_FILE: _lines(INDEX_VERSION, facts), SEARCH_FILE: search, LOOKUP_FILE: lookup}


def write_index(data_dir: Path) -> list[Path]:
    written = []
    for name, content in index_files(data_dir).items():
        path = data_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


def _read(path: Path, what: str) -> Any:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: the bundled {what} is unreadable ({exc}); reinstall careers") from None
    return doc


def read_index(data_dir: Path) -> list[dict[str, Any]]:
    """The bundled entries: the facts of every career, in slug order."""
    doc = _read(data_dir / INDEX_FILE, "index")
    if doc.get("version") != INDEX_VERSION:
        raise DataError(f"{data_dir / INDEX_FILE}: index version {doc.get('version')} is not {INDEX_VERSION}; reinstall careers")
    careers: list[dict[str, Any]] = doc["careers"]
    return careers


class Vocabulary:
    """Every word (as written, lower case) and every stem of the catalog's names, each as one
    space-padded string: a membership test is a substring search, with no set to build."""

    def __init__(self, raw: str, stems: str) -> None:
        self.raw = f" {raw.strip()} "
        self.stems = f" {stems.strip()} "

    @classmethod
    def of(cls, entries: list[dict[str, Any]]) -> Vocabulary:
        raw = {w for e in entries for w in _WORD.findall(e["names"].lower())}
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

    def __init__(self, lines: list[bytes], extra: list[dict[str, Any]]) -> None:
        self.lines = lines
        self.extra = extra

    @classmethod
    def of(cls, entries: list[dict[str, Any]]) -> SearchRows:
        return cls([], entries)

    @staticmethod
    def parse(line: bytes) -> dict[str, Any]:
        row: dict[str, Any] = dict(zip(SEARCH_COLUMNS, line.decode("utf-8").split("\t")))
        row["jobs"] = int(row["jobs"])
        return row

    def matching(self, stems_: list[str]) -> list[dict[str, Any]]:
        """The rows that hold any of the stems (and perhaps a few that only seem to)."""
        pads = [f" {s} " for s in stems_]
        raw = [p.encode("utf-8") for p in pads]
        found = [self.parse(line) for line in self.lines if any(p in line for p in raw)]
        return found + [e for e in self.extra if any(p in e["terms"] for p in pads)]

    def all(self) -> list[dict[str, Any]]:
        return [self.parse(line) for line in self.lines] + self.extra

    def without(self, slugs: set[str]) -> SearchRows:
        return SearchRows([ln for ln in self.lines if ln.split(b"\t", 1)[0].decode() not in slugs], self.extra)

    def only(self, slugs: set[str]) -> SearchRows:
        return SearchRows([ln for ln in self.lines if ln.split(b"\t", 1)[0].decode() in slugs],
                          [e for e in self.extra if e["slug"] in slugs])

    def __add__(self, entries: list[dict[str, Any]]) -> SearchRows:
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


if __name__ == "__main__":
    from careerexplorer.catalog import bundled_dir

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_dir()
    for changed in write_index(target):
        print(f"wrote {changed}")
