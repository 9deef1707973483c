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

INDEX_FILE = "index.json"
INDEX_VERSION = 2
_WORD = re.compile(r"[a-z0-9]+")

# The names a career is found by, in the order its "terms" string lists them (see ``names``).
NAME_FIELDS = ("title", "also_called", "certifications", "search_titles", "pathway", "cluster", "summary")


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


def names(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, name) pairs of an entry, aligned with the segments of its "terms" string."""
    out = []
    for field_name in NAME_FIELDS:
        value = entry.get(field_name)
        for name in [value] if isinstance(value, str) else (value or []):
            out.append((field_name, name))
    return out


def terms(entry: dict[str, Any]) -> str:
    """Every name's stems, names separated by ' | ', padded so ' stem ' finds whole words."""
    return " " + " | ".join(" ".join(stems(name)) or "_" for _, name in names(entry)) + " "


def entry_for(p: Profile) -> dict[str, Any]:
    """The index entry of one profile."""
    w, o, e = p.wages, p.outlook, p.education
    entry: dict[str, Any] = {
        "slug": p.slug,
        "title": p.title,
        "onet_code": p.onet_code,
        "soc_code": p.soc_code,
        "summary": p.summary,
        "also_called": list(p.also_called),
        "search_titles": list(p.search_titles),
        "certifications": [c.abbr for c in p.certifications if c.abbr] + [c.name for c in p.certifications],
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
    }
    entry["terms"] = terms(entry)
    return entry


def build_index(data_dir: Path) -> dict[str, Any]:
    from careerexplorer.catalog import Clusters, load_profile

    clusters = Clusters.load(data_dir)
    paths = sorted((data_dir / "careers").glob("*.toml"))
    entries = [entry_for(load_profile(path, clusters)) for path in paths]
    return {"version": INDEX_VERSION, "careers": entries}


def serialize(index: dict[str, Any]) -> str:
    # One entry a line: compact to load, and a change to one profile is a one-line diff.
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in index["careers"]]
    return '{"version":%d,"careers":[\n%s\n]}\n' % (index["version"], ",\n".join(lines))


def write_index(data_dir: Path) -> Path:
    path = data_dir / INDEX_FILE
    path.write_text(serialize(build_index(data_dir)), encoding="utf-8")
    return path


def read_index(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / INDEX_FILE
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: the bundled index is unreadable ({exc}); reinstall careers") from None
    if doc.get("version") != INDEX_VERSION:
        raise DataError(f"{path}: index version {doc.get('version')} is not {INDEX_VERSION}; reinstall careers")
    careers: list[dict[str, Any]] = doc["careers"]
    return careers


if __name__ == "__main__":
    from careerexplorer.catalog import bundled_dir

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_dir()
    print(write_index(target))
