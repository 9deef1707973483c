"""The compact catalog index: the fields that search, list and look-ups need, one entry a career.

It is built from the profiles in ``data/careers`` and shipped as ``data/index.json`` so that
commands over the whole catalog read one small JSON file instead of every TOML profile. A test
keeps it in sync with the profiles; ``python -m careerexplorer.index`` rebuilds it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from careerexplorer.errors import DataError
from careerexplorer.model import Profile

INDEX_FILE = "index.json"
INDEX_VERSION = 1


def entry_for(p: Profile) -> dict[str, Any]:
    """The index entry of one profile."""
    w, o, e = p.wages, p.outlook, p.education
    return {
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
        "education": e.rank if e else None,
        "growth": o.change_pct if o else None,
        "outlook": o.label if o else None,
        "openings": o.openings if o else None,
        "bright_outlook": list(p.bright_outlook),
    }


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
