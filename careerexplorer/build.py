"""Derive the index files of a data folder from its profiles (careerexplorer.index reads them).

    python -m careerexplorer.build [DATA_DIR]

The importer calls this after writing the profiles; tests call it for small data folders.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from careerexplorer.catalog import Clusters, bundled_dir, load_profile
from careerexplorer.index import (
    INDEX_FILE,
    INDEX_VERSION,
    LOOKUP_FILE,
    SEARCH_COLUMNS,
    SEARCH_FILE,
    SEARCH_KEYS,
    Vocabulary,
    entry_for,
)
from careerexplorer.text import normalize


def build_index(data_dir: Path) -> dict[str, Any]:
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




if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_dir()
    for changed in write_index(target):
        print(f"wrote {changed}")
