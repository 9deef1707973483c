"""The cache of the user's profiles is only a cache: whatever happens to it, the output is right,
and a rebuilt cache is said once. Names that are not UTF-8 and folders that cannot be read are
warnings, never failures."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import CLEAN_ENV, unwrap
from typer.testing import CliRunner

from careerexplorer import usercache
from careerexplorer.catalog import bundled_dir
from careerexplorer.cli import app

runner = CliRunner(env=CLEAN_ENV)
SEED = bundled_dir() / "careers" / "medical-records-specialist.toml"
CLI = [sys.executable, "-m", "careerexplorer"]


def own_profile(folder: Path, slug: str, title: str) -> Path:
    """A valid profile of the user's own: the seed under a new slug and title."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace('slug = "medical-records-specialist"', f'slug = "{slug}"', 1)
    text = text.replace('title = "Medical Records Specialist"', f'title = "{title}"', 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (the caches live in XDG_CACHE_HOME/careers)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(usercache, "AVOID", set())
    return tmp_path / "cache" / "careers"


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    own_profile(folder, "harbour-records-keeper", "Harbour Records Keeper")
    own_profile(folder, "lighthouse-archivist", "Lighthouse Archivist")
    return folder


def run(folder: Path, *args: str) -> Any:
    return runner.invoke(app, ["--data-dir", str(folder), *args])


def answers(folder: Path) -> tuple[list[str], list[str]]:
    """What list and search say with this folder: (every slug listed, the slugs a search finds)."""
    listed = run(folder, "list", "--json")
    assert listed.exit_code == 0, listed.output
    found = run(folder, "search", "lighthouse archivist", "--json")
    assert found.exit_code == 0, found.output
    return [e["slug"] for e in unwrap(listed.stdout)], [r["slug"] for r in unwrap(found.stdout)]


def cache_file(cache: Path) -> Path:
    (path,) = cache.glob("user-*.db")
    return path


def cache_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "cache of your profiles" in line]


def assert_healed(folder: Path, cache: Path, expected: tuple[list[str], list[str]]) -> None:
    """The next run gives the right answers and says once that the cache was rebuilt; the run
    after says nothing."""
    first = run(folder, "list", "--json")
    assert first.exit_code == 0, first.output
    assert [e["slug"] for e in unwrap(first.stdout)] == expected[0]
    said = cache_warnings(first.stderr)
    assert len(said) == 1, first.stderr
    assert said[0].startswith("careers: warning: the cache of your profiles (") and "Traceback" not in first.stderr
    assert answers(folder) == expected
    again = run(folder, "search", "lighthouse archivist")
    assert again.exit_code == 0 and cache_warnings(again.stderr) == [], again.stderr
    assert not list(cache.glob("*.tmp*"))


def test_a_sound_cache_is_used_without_a_word(cache: Path, mine: Path) -> None:
    expected = answers(mine)
    assert "harbour-records-keeper" in expected[0] and expected[1][0] == "lighthouse-archivist"
    result = run(mine, "list")
    assert result.exit_code == 0 and result.stderr == ""
    assert answers(mine) == expected


def _garbage(path: Path, start: int, end: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    end = len(data) if end is None else end
    data[start:end] = bytes((i * 7 + 13) % 251 for i in range(end - start))
    path.write_bytes(bytes(data))


def _page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big")


@pytest.mark.parametrize(
    "damage",
    [
        "header",  # 'file is not a database'
        "all pages but the first",  # the meta table unreadable at once
        "the last half",  # damage found only by some queries
        "truncated",
    ],
)
def test_damaged_pages_are_rebuilt_once(cache: Path, mine: Path, damage: str) -> None:
    expected = answers(mine)
    path = cache_file(cache)
    size = path.stat().st_size
    if damage == "header":
        _garbage(path, 0, 100)
    elif damage == "all pages but the first":
        _garbage(path, _page_size(path))
    elif damage == "the last half":
        _garbage(path, size // 2)
    else:
        os.truncate(path, size // 3)
    assert_healed(mine, cache, expected)


def test_damage_found_by_a_search_is_healed_on_the_spot(cache: Path, mine: Path) -> None:
    expected = answers(mine)
    path = cache_file(cache)
    # Every page of the full-text index spoilt, the tables read on every start left whole.
    with sqlite3.connect(path) as db:
        pages = [r for (r,) in db.execute("SELECT rootpage FROM sqlite_master WHERE name LIKE 'fts_%'")]
    assert pages
    size = _page_size(path)
    for page in pages:
        _garbage(path, (page - 1) * size, page * size)
    result = run(mine, "search", "lighthouse archivist", "--json")
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)[0]["slug"] == "lighthouse-archivist"
    assert len(cache_warnings(result.stderr)) == 1, result.stderr
    assert answers(mine) == expected


def _sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    for s in statements:
        db.execute(s)
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "statements",
    [
        ("DROP TABLE file", "DROP TABLE held"),  # the stamp, but not the tables
        ("DROP TABLE fts",),
        ("UPDATE file SET messages = 'not json'",),
        ("UPDATE file SET messages = '{\"a\": 1}'",),
        ("UPDATE held SET entry = 'not json'",),  # read only when a career is asked for
        ("UPDATE held SET entry = '[1, 2]'",),
        # `list` reads every entry at once: one row holding two, or a row missing, is damage too
        ("UPDATE held SET entry = entry || ', {\"slug\": \"x\"}'",),
        ("DELETE FROM held WHERE id = (SELECT min(id) FROM held)",),
        ("DELETE FROM meta WHERE key != 'cache'", "DROP TABLE meta"),
    ],
)
def test_tables_and_rows_that_are_not_what_was_written_are_rebuilt(
    cache: Path, mine: Path, statements: tuple[str, ...]
) -> None:
    expected = answers(mine)
    _sql(cache_file(cache), *statements)
    assert_healed(mine, cache, expected)


def test_a_cache_that_cannot_be_written_when_a_profile_is_added(
    cache: Path, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(mine)
    own_profile(mine, "quay-clerk", "Quay Clerk")
    real_add = usercache.UserCache._add
    calls = {"n": 0}

    def read_only_once(self: usercache.UserCache, db: sqlite3.Connection, name: str) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        real_add(self, db, name)

    monkeypatch.setattr(usercache.UserCache, "_add", read_only_once)
    result = run(mine, "list", "--json")
    assert result.exit_code == 0, result.output
    assert "quay-clerk" in [e["slug"] for e in unwrap(result.stdout)]
    (said,) = cache_warnings(result.stderr)
    assert "readonly" in said and said.endswith("it was rebuilt")
    monkeypatch.undo()
    after = run(mine, "search", "quay clerk", "--json")
    assert unwrap(after.stdout)[0]["slug"] == "quay-clerk" and after.stderr == ""


def test_a_cache_that_can_be_neither_written_nor_rebuilt_is_kept_in_memory(
    cache: Path, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = answers(mine)
    own_profile(mine, "quay-clerk", "Quay Clerk")
    before = cache_file(cache).read_bytes()

    def read_only(self: usercache.UserCache, db: sqlite3.Connection, name: str) -> None:
        if db.execute("PRAGMA database_list").fetchone()[2]:  # a file, not the copy in memory
            raise sqlite3.OperationalError("attempt to write a readonly database")
        real_add(self, db, name)

    real_add = usercache.UserCache._add
    monkeypatch.setattr(usercache.UserCache, "_add", read_only)
    result = run(mine, "list", "--json")
    assert result.exit_code == 0, result.output
    assert {e["slug"] for e in unwrap(result.stdout)} == {*expected[0], "quay-clerk"}
    (said,) = cache_warnings(result.stderr)
    assert said.endswith("your profiles were read afresh for this run")
    assert cache_file(cache).read_bytes() == before
    assert not list(cache.glob("*.tmp*"))


def test_a_full_disk_while_building_leaves_no_temporary_file(
    cache: Path, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fills_the_disk(source: Any, target: Any) -> None:
        Path(target).write_bytes(Path(source).read_bytes()[:1_000_000])  # as far as it got
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(usercache.shutil, "copyfile", fills_the_disk)
    listed = run(mine, "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert {"harbour-records-keeper", "lighthouse-archivist"} <= {e["slug"] for e in unwrap(listed.stdout)}
    (said,) = cache_warnings(listed.stderr)
    assert "No space left on device" in said and "Traceback" not in listed.stderr
    assert [p.name for p in cache.iterdir() if not p.name.endswith(".lock")] == []
    found = run(mine, "search", "lighthouse archivist", "--json")
    assert unwrap(found.stdout)[0]["slug"] == "lighthouse-archivist"


def test_a_full_disk_while_adding_a_profile(cache: Path, mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers(mine)
    own_profile(mine, "quay-clerk", "Quay Clerk")
    real_add = usercache.UserCache._add

    def full(self: usercache.UserCache, db: sqlite3.Connection, name: str) -> None:
        if db.execute("PRAGMA database_list").fetchone()[2]:
            raise sqlite3.OperationalError("database or disk is full")
        real_add(self, db, name)

    monkeypatch.setattr(usercache.UserCache, "_add", full)
    result = run(mine, "search", "quay clerk", "--json")
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)[0]["slug"] == "quay-clerk"
    assert len(cache_warnings(result.stderr)) == 1
    assert not list(cache.glob("*.tmp*"))


def test_leftover_temporary_files_are_removed(cache: Path, mine: Path) -> None:
    answers(mine)
    path = cache_file(cache)
    ours = path.with_name(path.name + ".4242.tmp")
    ours.write_bytes(b"x" * 10_000)
    other = cache / "user-0000000000000000.db.77.tmp"
    other.write_bytes(b"x" * 10_000)
    os.utime(other, (1, 1))  # a day old and more: no run is still building it
    recent = cache / "user-1111111111111111.db.78.tmp"
    recent.write_bytes(b"x")  # perhaps another run building its cache right now
    _garbage(path, 0, 100)  # the next run builds anew
    assert run(mine, "list").exit_code == 0
    assert not ours.exists() and not other.exists()
    assert recent.exists()


def test_eight_first_runs_at_once(tmp_path: Path, mine: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "parallel"), "COLUMNS": "80"}
    env.pop("CAREERS_PATH", None)
    procs = [
        subprocess.Popen(
            [*CLI, "--data-dir", str(mine), "search", "lighthouse archivist", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(8)
    ]
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err.decode(errors="replace")[-2000:]
        assert err == b"", err.decode(errors="replace")[-2000:]
        assert unwrap(out.decode())[0]["slug"] == "lighthouse-archivist"
    assert len({out for out, _ in outs}) == 1
    assert len(list((tmp_path / "parallel" / "careers").glob("user-*.db"))) == 1
    assert not list((tmp_path / "parallel" / "careers").glob("*.tmp*"))


def test_an_edit_that_keeps_the_size_and_modification_time_is_seen(cache: Path, mine: Path) -> None:
    answers(mine)
    path = mine / "lighthouse-archivist.toml"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Lighthouse Archivist", "Lighthouse Navigator"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    listed = run(mine, "list", "--json")
    titles = {e["slug"]: e["title"] for e in unwrap(listed.stdout)}
    assert titles["lighthouse-archivist"] == "Lighthouse Navigator"
    found = run(mine, "search", "lighthouse navigator", "--json")
    assert unwrap(found.stdout)[0]["title"] == "Lighthouse Navigator"
    shown = run(mine, "show", "lighthouse-archivist", "--json")
    assert unwrap(shown.stdout)["title"] == "Lighthouse Navigator"


@pytest.mark.parametrize("value", ["relative/cache", "", "."])
def test_a_relative_or_empty_xdg_cache_home_is_ignored(
    tmp_path: Path, mine: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    monkeypatch.chdir(work)
    assert usercache.cache_dir() == home / ".cache" / "careers"
    result = run(mine, "list")
    assert result.exit_code == 0, result.output
    assert list(work.iterdir()) == []
    assert list((home / ".cache" / "careers").glob("user-*.db"))


def test_no_home_at_all_keeps_the_cache_in_memory_without_a_word(
    tmp_path: Path, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(usercache.os.path, "expanduser", lambda p: p)  # as where no home is known
    assert usercache.cache_dir() is None
    result = run(mine, "search", "lighthouse archivist", "--json")
    assert result.exit_code == 0 and result.stderr == "", result.output
    assert unwrap(result.stdout)[0]["slug"] == "lighthouse-archivist"


# --- names that are not UTF-8, folders that cannot be read ----------------------------------------------


def test_a_file_named_in_latin_1_is_one_escaped_warning_and_stops_nothing(cache: Path, mine: Path) -> None:
    latin = os.path.join(os.fsencode(mine), b"caf\xe9.toml")
    with open(latin, "wb") as fh:
        fh.write((mine / "lighthouse-archivist.toml").read_bytes())
    for args in (["list", "--json"], ["search", "archivist", "--json"], ["show", "harbour-records-keeper"]):
        result = run(mine, *args)
        assert result.exit_code == 0, result.output
        (said,) = [line for line in result.stderr.splitlines() if "caf" in line]
        assert "caf\\udce9.toml" in said and said.startswith("careers: warning: ")
    listed = {e["slug"] for e in unwrap(run(mine, "list", "--json").stdout)}
    assert {"harbour-records-keeper", "lighthouse-archivist"} <= listed
    checked = run(mine, "validate", str(mine))
    assert checked.exit_code == 1 and "caf\\udce9.toml" in checked.stdout


def test_a_careers_path_folder_named_in_latin_1_is_read(cache: Path, tmp_path: Path) -> None:
    folder = os.path.join(os.fsencode(tmp_path), b"profils-\xe9cole")
    os.mkdir(folder)
    own_profile(Path(os.fsdecode(folder)), "harbour-records-keeper", "Harbour Records Keeper")
    env = {"CAREERS_PATH": os.fsdecode(folder)}
    for args in (["list", "--json"], ["search", "harbour records keeper", "--json"], ["show", "harbour-records-keeper"]):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, result.output
        assert "harbour-records-keeper" in result.stdout or "Harbour Records Keeper" in result.stdout
        assert result.stderr == ""
    assert runner.invoke(app, ["validate"], env=env).exit_code == 0


def test_a_symlink_loop_in_careers_path_is_one_warning(cache: Path, tmp_path: Path, mine: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    env = {"CAREERS_PATH": os.pathsep.join([str(tmp_path / "loop"), str(mine)])}
    for args in (["list", "--json"], ["search", "lighthouse archivist", "--json"]):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, result.output
        (said,) = result.stderr.splitlines()
        assert said == f"careers: warning: {tmp_path / 'loop'}: cannot be read (Too many levels of symbolic links)"
        assert "lighthouse-archivist" in {e["slug"] for e in unwrap(result.stdout)}


def test_a_folder_that_cannot_be_read_is_one_warning(
    cache: Path, tmp_path: Path, mine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.listdir

    def listdir(path: Any) -> list[str]:
        if os.fspath(path) == str(locked):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(locked))
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    result = runner.invoke(app, ["list", "--json"], env={"CAREERS_PATH": os.pathsep.join([str(locked), str(mine)])})
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [f"careers: warning: {locked}: cannot be read (Permission denied)"]


def test_a_stored_path_that_is_not_utf8_round_trips(cache: Path) -> None:
    name = os.fsdecode(b"/x/caf\xe9.toml")
    stored = usercache._stored(name)
    assert stored == b"/x/caf\xe9.toml"
    assert usercache._stored("/x/plain.toml") == "/x/plain.toml"
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE file(path NOT NULL UNIQUE)")
    db.execute("INSERT INTO file VALUES (?)", (stored,))
    (back,) = db.execute("SELECT path FROM file").fetchone()
    assert os.fsdecode(back) == name


def test_a_cache_opened_read_only_serves_a_run_in_which_nothing_changed(cache: Path, mine: Path) -> None:
    # As a cache file that may not be written is opened (root, who runs the tests, may write any
    # file, so the file is opened read-only here): SQLite refuses the write lock at once.
    expected = answers(mine)
    from careerexplorer.catalog import Catalog

    built = Catalog(user_dirs=[mine]).user_cache
    read_only = sqlite3.connect(usercache.datafiles.uri(cache_file(cache), mode="ro"), uri=True)
    assert built._refresh(read_only) == built.rows
    own_profile(mine, "lighthouse-archivist", "Lighthouse Keeper")  # one of its files changed
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        built._refresh(read_only)
    read_only.close()
    # The new title is what search finds ("lighthouse archivist" no longer names it well).
    found = run(mine, "search", "lighthouse keeper", "--json")
    assert [r["slug"] for r in unwrap(found.stdout)][0] == "lighthouse-archivist"
    titles = {e["slug"]: e["title"] for e in unwrap(run(mine, "list", "--json").stdout)}
    assert titles["lighthouse-archivist"] == "Lighthouse Keeper" and set(titles) == set(expected[0])


def test_damage_found_later_is_healed_inside_the_library_too(cache: Path, mine: Path) -> None:
    # The explorer calls the commands without the command line's safety net: the catalog and the
    # searcher rebuild the cache themselves, and say so once in the catalog's warnings.
    from careerexplorer import commands
    from careerexplorer.catalog import Catalog
    from careerexplorer.listing import Filters

    expected = answers(mine)
    path = cache_file(cache)
    _sql(path, "UPDATE held SET entry = 'not json'", "UPDATE career SET facts = '{' WHERE id >= 1000000")
    cat = Catalog(user_dirs=[mine])
    found = commands.search(cat, "lighthouse archivist", Filters())
    assert found.hits[0].slug == "lighthouse-archivist"
    listed = commands.list_careers(cat, Filters())
    assert [e["slug"] for e in listed.entries] == expected[0]
    said = [w for w in cat.warnings if "cache of your profiles" in w]
    assert len(said) == 1 and said[0].endswith("it was rebuilt"), cat.warnings
    assert len(cat.warnings) == len(set(cat.warnings))


def test_showing_one_career_reads_one_entry(cache: Path, mine: Path) -> None:
    from careerexplorer.catalog import Catalog
    from careerexplorer.commands import show

    answers(mine)
    cat = Catalog([mine])
    assert show(cat, "lighthouse-archivist").profile.title == "Lighthouse Archivist"
    assert show(cat, "medical-records-specialist").profile.slug == "medical-records-specialist"
    assert "entries" not in cat.__dict__  # the whole catalog was never read
    entries = cat.user_entries
    assert entries["lighthouse-archivist"]["title"] == "Lighthouse Archivist"
    assert sorted(cat.by_slug["harbour-records-keeper"].items()) == sorted(entries["harbour-records-keeper"].items())


class FakeTerminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.written = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.written += text

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_a_long_first_run_shows_its_progress_on_a_terminal_only(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tty: bool
) -> None:
    folder = tmp_path / "many"
    for i in range(12):
        own_profile(folder, f"harbour-clerk-{i}", f"Harbour Clerk {i}")
    stderr = FakeTerminal(tty)
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(usercache.Progress, "AFTER", 0.0)  # every run here is quick
    monkeypatch.setattr(usercache.Progress, "EVERY", 0.0)
    from careerexplorer.catalog import Catalog

    assert len(Catalog([folder]).user_entries) == 12
    if tty:
        assert "\rreading your profiles: 0 of 12" in stderr.written
        assert "reading your profiles: 11 of 12" in stderr.written
        assert stderr.written.endswith("\r\x1b[K")  # the line cleared for what follows
    else:
        assert stderr.written == ""
    stderr.written = ""
    assert len(Catalog([folder]).user_entries) == 12  # nothing new to read: nothing said
    assert stderr.written == ""


def test_the_words_of_own_profiles_are_known_to_the_typo_check(cache: Path, mine: Path) -> None:
    found = run(mine, "search", "lighthuose archivist", "--json")
    assert found.exit_code == 0, found.output
    assert unwrap(found.stdout)[0]["slug"] == "lighthouse-archivist"
    own_profile(mine, "quay-clerk", "Quay Wharfinger")  # added on a later run
    assert run(mine, "list").exit_code == 0
    with sqlite3.connect(cache_file(cache)) as db:
        known = {w for (w,) in db.execute("SELECT word FROM word")}
    assert {"lighthouse", "archivist", "harbour", "wharfinger"} <= known
