"""The bundled data/ is exactly what the importer builds from the official sources.

The sources live next to the repository, in ../shared/sources; where they are not present this
test is skipped (the only skip in the suite).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPO

from tools.import_data import run

SHARED_SOURCES = REPO.parent / "shared" / "sources"


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; a SQLite file's canonical dump instead (its bytes may vary with the SQLite version)."""
    from tools.dbdump import dump

    return {str(p.relative_to(folder)): "\n".join(dump(p)).encode() if p.suffix == ".db" else p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_importing_the_shared_sources_changes_nothing(tmp_path: Path) -> None:
    if not (SHARED_SOURCES / "onet" / "Occupation Data.txt").is_file():
        pytest.skip("shared sources not present")
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    before = files_of(data)
    written, changed, unmatched = run(SHARED_SOURCES, data, [])
    after = files_of(data)
    differing = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert differing == [], f"the importer rewrites {len(differing)} files of data/, e.g. {differing[:5]}"
    assert changed == 0
    assert written == len(list((REPO / "data" / "careers").glob("*.toml")))
    # Our summaries are our own words: none repeats a run of five words of O*NET's text.
    assert [line for line in unmatched if "repeats O*NET wording" in line] == []
