"""Derive the index files of a data folder from its profiles (careerexplorer.index reads them).

    python -m careerexplorer.build [DATA_DIR]

Writes index.json (the facts of every career), lookup.json (exact identifiers to slugs),
clusters.json (clusters.toml, quicker to read) and search.db (the full-text index,
careerexplorer.searchindex). The importer calls ``write_index``
with what the official files add to the search index (tools/search_extras.py); tests call it for
small data folders, whose search index then holds what the profiles say.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import tomli

from careerexplorer import searchindex
from careerexplorer.catalog import Clusters, bundled_dir, load_profile
from careerexplorer.index import INDEX_FILE, INDEX_VERSION, LOOKUP_FILE, Entry, entry_for
from careerexplorer.model import Profile
from careerexplorer.text import normalize

# What the sources add to one career's search document: (alternate titles, tasks, work activities, tools).
Extras = Callable[[str], tuple[Sequence[str], Sequence[str], Sequence[str], Sequence[str]]]


def profiles(data_dir: Path) -> list[Profile]:
    clusters = Clusters.load(data_dir)
    return [load_profile(path, clusters) for path in sorted((data_dir / "careers").glob("*.toml"))]


def _lines(version: int, rows: list[Any]) -> str:
    # One career a line: compact to load, and a change to one profile is a one-line diff.
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows)
    return f'{{"version":{version:d},"careers":[\n{body}\n]}}\n'


def build_lookup(found: list[Profile]) -> dict[str, str]:
    """Codes and normalized titles to slugs: what `show` needs to resolve an exact identifier
    without loading the whole index. Our title and O*NET's both count, and so does a slug a career
    had before its title was fixed; a SOC code shared by several occupations means the first."""
    out: dict[str, str] = {}
    for p in sorted(found, key=lambda p: p.onet_code):
        keys = [p.onet_code, p.soc_code, normalize(p.title), *([normalize(p.onet_title)] if p.onet_title else [])]
        keys += [f"slug:{old}" for old in p.former_slugs]
        for key in keys:
            out.setdefault(key, p.slug)
    return out


def jobs_by_slug(entries: list[Entry]) -> dict[str, int]:
    """The BLS employment figure for an occupation's main O*NET code (.00); a specialty that
    shares the figure gets its share (ten kinds of computer occupation share one figure, and none
    of them has all those jobs). Search uses it to rank near-ties."""
    sharing: dict[str, int] = {}
    for e in entries:
        basis = e["wage_basis"] or e["soc_code"]
        sharing[basis] = sharing.get(basis, 0) + 1
    return {
        e["slug"]: (e["employment"] or 0)
        // (1 if e["onet_code"].endswith(".00") else sharing[e["wage_basis"] or e["soc_code"]])
        for e in entries
    }


def vocabulary(data_dir: Path) -> dict[str, Any]:
    """Our everyday vocabulary (data/vocabulary.toml) of a data folder, or the bundled one."""
    path = data_dir / "vocabulary.toml"
    if not path.is_file():
        path = bundled_dir() / "vocabulary.toml"
    return tomli.loads(path.read_text(encoding="utf-8"))


def index_files(data_dir: Path) -> dict[str, str]:
    """The text files derived from the profiles, by name: the facts and the look-up table."""
    found = profiles(data_dir)
    facts = [entry_for(p) for p in found]
    lookup = json.dumps(build_lookup(found), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    clusters = tomli.loads((data_dir / "clusters.toml").read_text(encoding="utf-8"))
    table = json.dumps(clusters, ensure_ascii=False, separators=(",", ":")) + "\n"
    return {INDEX_FILE: _lines(INDEX_VERSION, facts), LOOKUP_FILE: lookup, "clusters.json": table}


def search_documents(found: list[Profile], extras: Extras | None = None) -> list[searchindex.Document]:
    jobs = jobs_by_slug([entry_for(p) for p in found])
    return [searchindex.document(p, jobs[p.slug], *(extras(p.onet_code) if extras else ())) for p in found]


def write_index(data_dir: Path, extras: Extras | None = None) -> list[Path]:
    """Write every derived file of a data folder that has changed; the paths written."""
    written = []
    for name, content in index_files(data_dir).items():
        path = data_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    db = data_dir / searchindex.SEARCH_DB
    before = db.read_bytes() if db.exists() else None
    if extras is None and before is not None and searchindex.from_sources(db):
        # This index holds what only the official files give (tasks, activities): the importer
        # rebuilds it (python -m tools.import_data SOURCES); from the profiles alone it would lose them.
        print(f"kept {db}: rebuild it with the importer, which reads the official files", file=sys.stderr)
        return written
    searchindex.build(
        db, search_documents(profiles(data_dir), extras), vocabulary(data_dir), from_sources=extras is not None
    )
    if db.read_bytes() != before:
        written.append(db)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_dir()
    for changed in write_index(target):
        print(f"wrote {changed}")
