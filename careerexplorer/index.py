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
    if w.endswith("ing") and len(w) >= 6:
        w = w[:-3]
    elif w.endswith("ant") and len(w) >= 7:
        w = w[:-3]
    elif w.endswith("er") and not w.endswith("eer") and len(w) >= 5:
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
# Kept apart from the facts, in search.json, so that `list` reads a small file and only
# `search` and fuzzy look-ups read the names.
SEARCH_KEYS = ("fields", "names", "terms")


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
    facts = [{k: v for k, v in e.items() if k not in SEARCH_KEYS} for e in index["careers"]]
    # Tab-separated text, one career a line in index order: read and split in a few
    # milliseconds, where the same content as JSON took about 18 ms to parse.
    rows = ["\t".join(e[k] for k in SEARCH_KEYS) for e in index["careers"]]
    # The second line lists every word of every name, unstemmed, to tell a typo from a word.
    vocabulary = " ".join(sorted({w for e in index["careers"] for w in _WORD.findall(e["names"].lower())}))
    search = f"careers-search\t{INDEX_VERSION}\n{vocabulary}\n" + "\n".join(rows) + "\n"
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


def read_index(data_dir: Path, names: bool = False) -> list[dict[str, Any]]:
    """The bundled entries; with names=True, merged with their search names and terms."""
    doc = _read(data_dir / INDEX_FILE, "index")
    if doc.get("version") != INDEX_VERSION:
        raise DataError(f"{data_dir / INDEX_FILE}: index version {doc.get('version')} is not {INDEX_VERSION}; reinstall careers")
    careers: list[dict[str, Any]] = doc["careers"]
    if names:
        path = data_dir / SEARCH_FILE
        try:
            rows = path.read_text(encoding="utf-8").split("\n")
        except (OSError, ValueError) as exc:
            raise DataError(f"{path}: the bundled search index is unreadable ({exc}); reinstall careers") from None
        if rows[0] != f"careers-search\t{INDEX_VERSION}" or len(rows) != len(careers) + 3:
            raise DataError(f"{path}: out of step with {INDEX_FILE}; reinstall careers")
        careers = [{**e, **dict(zip(SEARCH_KEYS, row.split("\t")))} for e, row in zip(careers, rows[2:])]
    return careers


def read_vocabulary(data_dir: Path) -> set[str]:
    """Every word of every bundled name, as written (lower case)."""
    path = data_dir / SEARCH_FILE
    try:
        with path.open(encoding="utf-8") as fh:
            fh.readline()
            return set(fh.readline().split())
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: the bundled search index is unreadable ({exc}); reinstall careers") from None


def read_lookup(data_dir: Path) -> dict[str, str]:
    lookup: dict[str, str] = _read(data_dir / LOOKUP_FILE, "look-up table")
    return lookup


if __name__ == "__main__":
    from careerexplorer.catalog import bundled_dir

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_dir()
    for changed in write_index(target):
        print(f"wrote {changed}")
