"""A damaged install says so: each bundled file is checked when it is opened, and a damaged one is
one line naming it and saying to reinstall, exit 1, never a traceback. An install under a folder
whose name holds '#', '%', '?' or bytes that are not UTF-8 works."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import CLEAN_ENV, one_line, unwrap
from typer.testing import CliRunner

from careerexplorer import datafiles, usercache
from careerexplorer.catalog import bundled_dir
from careerexplorer.cli import app

runner = CliRunner(env=CLEAN_ENV)
BUNDLED = bundled_dir()


def install(root: Path, copied: tuple[str, ...] = ()) -> Path:
    """A data folder at root: the named files copied (to be damaged), every other one a link to the
    bundled file."""
    folder = root / "data"
    folder.mkdir(parents=True)
    for item in BUNDLED.iterdir():
        if item.name in copied:
            (folder / item.name).write_bytes(item.read_bytes())
        else:
            (folder / item.name).symlink_to(item)
    return folder


@pytest.fixture
def damaged_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Make the package use a data folder in which one file is a copy, to be damaged; its path."""

    def make(name: str) -> Path:
        folder = install(tmp_path, (name,))
        monkeypatch.setattr("careerexplorer.catalog.bundled_dir", lambda: folder)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        monkeypatch.setattr(usercache, "AVOID", set())
        return folder / name

    return make


def one_error(result: Any, path: Path) -> str:
    """The run failed with exit 1 and one line on stderr that names the file and says to reinstall."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith(f"careers: {path}: the bundled "), line
    assert line.endswith("; reinstall careers"), line
    return line


def garbage(path: Path, start: int, end: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    end = len(data) if end is None else end
    data[start:end] = bytes((i * 7 + 13) % 251 for i in range(end - start))
    path.write_bytes(bytes(data))


def spoil_all_but(path: Path, *keep_tables: str) -> None:
    """Damage every page of a database but the first (its schema) and the root pages of some tables."""
    with sqlite3.connect(path) as db:
        marks = ",".join("?" * len(keep_tables))
        keep = {1} | {r for (r,) in db.execute(f"SELECT rootpage FROM sqlite_master WHERE name IN ({marks})", keep_tables)}
        size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    noise = bytes((i * 7 + 13) % 251 for i in range(size))
    for page in range(1, len(data) // size + 1):
        if page not in keep:
            data[(page - 1) * size : page * size] = noise
    path.write_bytes(bytes(data))


def without_tables(path: Path, *tables: str) -> None:
    with sqlite3.connect(path) as db:
        for t in tables:
            db.execute(f"DROP TABLE {t}")
    db.close()


SEARCH = ("search", "nurse")
WAGES = ("wages", "medical-records-specialist")
LOCAL = ("show", "medical-records-specialist", "--state", "CA")


@pytest.mark.parametrize(
    ("name", "damage", "args"),
    [
        ("search.db", lambda p: garbage(p, 0, 100), SEARCH),
        ("search.db", lambda p: spoil_all_but(p), SEARCH),
        ("search.db", lambda p: spoil_all_but(p, "meta"), SEARCH),  # found by the query, not the opening
        ("search.db", lambda p: without_tables(p, "fts"), SEARCH),
        ("search.db", lambda p: without_tables(p, "career", "word"), SEARCH),
        ("search.db", lambda p: os.truncate(p, 8192), SEARCH),
        ("search.db", lambda p: spoil_all_but(p, "meta"), ("show", "registerd nurse")),
        ("wages.db", lambda p: garbage(p, 0, 100), WAGES),
        ("wages.db", lambda p: spoil_all_but(p, "meta"), WAGES),
        ("wages.db", lambda p: spoil_all_but(p, "meta"), LOCAL),
        ("wages.db", lambda p: spoil_all_but(p, "meta", "areas"), ("list", "--area", "Fargo")),
        ("wages.db", lambda p: without_tables(p, "wages"), LOCAL),
        ("index.json", lambda p: p.write_text("[]"), ("list",)),
        ("index.json", lambda p: p.write_text('{"version": 2, "careers": {}}'), ("list",)),
        ("index.json", lambda p: p.write_text('{"version": 2, "careers": [1, 2]}'), ("list",)),
        ("index.json", lambda p: p.write_text('{"version": 2, "careers": [{"slug": "x"}]}'), ("list",)),
        ("index.json", lambda p: p.write_bytes(p.read_bytes()[:5000]), ("list",)),
        ("lookup.json", lambda p: p.write_text("[]"), ("show", "29-2072")),
        ("lookup.json", lambda p: p.write_text('{"29-2072": 7}'), ("show", "29-2072")),
        ("lookup.json", lambda p: p.write_text("{"), ("show", "29-2072")),
        ("clusters.json", lambda p: p.write_text("{}"), ("show", "medical-records-specialist")),
        ("clusters.json", lambda p: p.write_text('{"cluster": "x"}'), ("show", "medical-records-specialist")),
        ("clusters.json", lambda p: p.write_text('{"cluster": [{"name": "x", "pathway": [1]}]}'), ("clusters",)),
        ("clusters.json", lambda p: p.write_text("\x00\x01"), ("list",)),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_damaged_bundled_file_is_one_line_naming_it(
    damaged_install: Callable[[str], Path], name: str, damage: Callable[[Path], Any], args: tuple[str, ...]
) -> None:
    path = damaged_install(name)
    damage(path)
    one_error(runner.invoke(app, list(args)), path)


def test_a_damaged_search_index_with_a_folder_of_ones_own_names_the_bundled_file(
    damaged_install: Callable[[str], Path], tmp_path: Path
) -> None:
    path = damaged_install("search.db")
    spoil_all_but(path, "meta")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.toml").write_text('slug = "x"\n', encoding="utf-8")
    one_error(runner.invoke(app, ["--data-dir", str(mine), "search", "nurse"]), path)


def test_a_sound_copy_of_a_bundled_file_works(damaged_install: Callable[[str], Path]) -> None:
    # The control for the tests above: the copy, undamaged, gives answers.
    damaged_install("search.db")
    result = runner.invoke(app, ["search", "nurse", "--json"])
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)[0]["slug"]


# --- file: URIs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/a/b.db", "file:///a/b.db"),
        ("/x#y/b.db", "file:///x%23y/b.db"),
        ("/x%y/b.db", "file:///x%25y/b.db"),
        ("/x?y=1/b.db", "file:///x%3Fy%3D1/b.db"),
        ("/with space/b.db", "file:///with%20space/b.db"),
        ("//host/b.db", "file:////host/b.db"),  # a path, never an authority
        (os.fsdecode(b"/caf\xe9/b.db"), "file:///caf%E9/b.db"),  # bytes that are not UTF-8
    ],
)
def test_uri_escapes_what_a_uri_would_read(path: str, expected: str) -> None:
    assert datafiles.uri(path) == expected
    assert datafiles.uri(path, mode="ro") == expected + "?mode=ro"


def test_uri_of_a_relative_path_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert datafiles.uri("a#b.db") == f"file://{tmp_path}/a%23b.db"


@pytest.mark.parametrize("folder", ["in#stall", "100%", "what?", "a b&c=d", os.fsdecode(b"caf\xe9")])
def test_an_install_under_an_odd_folder_name_opens_its_databases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    data = install(tmp_path / folder)
    monkeypatch.setattr("careerexplorer.catalog.bundled_dir", lambda: data)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / folder / "cache"))
    monkeypatch.setattr(usercache, "AVOID", set())
    found = runner.invoke(app, ["search", "nurse", "--json"])
    assert found.exit_code == 0, found.output
    assert unwrap(found.stdout)
    local = runner.invoke(app, ["show", "medical-records-specialist", "--state", "CA", "--json"])
    assert local.exit_code == 0, local.output
    assert "California" in json.dumps(unwrap(local.stdout))
    mine = tmp_path / folder / "mine"
    mine.mkdir()
    own = runner.invoke(app, ["--data-dir", str(mine), "search", "nurse"])
    assert own.exit_code == 0 and own.stderr == "", own.output
    assert list((tmp_path / folder / "cache" / "careers").glob("user-*.db"))
