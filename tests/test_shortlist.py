"""The shortlist never loses a list: copies of broken files, newer formats, XDG paths, locks, warnings."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import CLEAN_ENV, REPO
from typer.testing import CliRunner

from careerexplorer import shortlist
from careerexplorer.cli import app

CLI = [sys.executable, "-m", "careerexplorer"]
FILE_NAME = shortlist.FILE_NAME


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The application folder of these tests (XDG_CONFIG_HOME/careers)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "config" / "careers"
    folder.mkdir(parents=True)
    return folder


def runner(config: Path) -> CliRunner:
    return CliRunner(env={**CLEAN_ENV, "XDG_CONFIG_HOME": str(config.parent)})


# -- copies of broken files ---------------------------------------------------------------------------


def test_each_clear_of_a_broken_file_keeps_its_own_copy(config: Path) -> None:
    path = config / "shortlist.json"
    kept = []
    for text in ("{first", "{second", "[1, 2, 3]"):
        path.write_text(text, encoding="utf-8")
        result = runner(config).invoke(app, ["shortlist", "clear"])
        assert result.exit_code == 0 and "your shortlist is empty" in result.stdout
        backup = Path(result.stderr.split("a copy is kept at ")[1].strip())
        kept.append(backup)
        assert shortlist.read(path) == []
    assert [p.name for p in kept] == ["shortlist.json.broken", "shortlist.json.broken-2", "shortlist.json.broken-3"]
    assert [p.read_text(encoding="utf-8") for p in kept] == ["{first", "{second", "[1, 2, 3]"]


def test_a_file_already_named_like_a_copy_is_never_overwritten(config: Path) -> None:
    path = config / "shortlist.json"
    (config / "shortlist.json.broken").write_text("mine", encoding="utf-8")
    path.write_text("{broken", encoding="utf-8")
    n, backup = shortlist.clear(path)
    assert n == 0 and backup == config / "shortlist.json.broken-2"
    assert (config / "shortlist.json.broken").read_text(encoding="utf-8") == "mine"
    assert backup.read_text(encoding="utf-8") == "{broken"


def test_a_copy_cut_short_leaves_nothing_and_changes_nothing(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = config / "shortlist.json"
    path.write_text("{broken", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shortlist.os, "fsync", full)
    with pytest.raises(shortlist.ShortlistError, match="no copy of it could be kept .No space left on device"):
        shortlist.clear(path)
    assert path.read_text(encoding="utf-8") == "{broken"
    assert sorted(p.name for p in config.iterdir()) == ["shortlist.json"]


# -- a newer format -----------------------------------------------------------------------------------


NEWER = {"version": 2, "careers": ["registered-nurse"], "notes": {"registered-nurse": "ask about night shifts"}}


@pytest.mark.parametrize("args", [["shortlist", "list"], ["shortlist", "add", "software-developer"],
                                  ["shortlist", "remove", "registered-nurse"], ["shortlist", "clear"], ["compare"]])
def test_a_file_from_a_newer_version_is_refused_and_left_as_it_is(config: Path, args: list[str]) -> None:
    path = config / "shortlist.json"
    raw = json.dumps(NEWER, indent=4)
    path.write_text(raw, encoding="utf-8")
    result = runner(config).invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and "saved by a newer version of careers (format 2" in result.stderr
    assert path.read_text(encoding="utf-8") == raw
    assert sorted(p.name for p in config.iterdir()) == ["shortlist.json"]  # no copy, no temporary file


def test_keys_this_version_does_not_know_are_kept_when_the_list_changes(config: Path) -> None:
    path = config / "shortlist.json"
    path.write_text(json.dumps({"version": 1, "careers": ["registered-nurse"], "notes": {"a": [1, 2]}}), "utf-8")
    shortlist.add(path, ["software-developer"])
    shortlist.remove(path, ["registered-nurse"])
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "version": 1, "careers": ["software-developer"], "notes": {"a": [1, 2]}}


@pytest.mark.parametrize("version", ['"2"', "true", "1.5", "0", "null"])
def test_a_version_that_is_no_version_is_a_broken_file(config: Path, version: str) -> None:
    path = config / "shortlist.json"
    path.write_text(f'{{"version": {version}, "careers": []}}', encoding="utf-8")
    with pytest.raises(shortlist.ShortlistError, match="no valid format version"):
        shortlist.read(path)
    assert shortlist.clear(path)[1] is not None  # clear repairs it, keeping a copy


def test_a_file_without_a_version_is_read_as_the_first_format(config: Path) -> None:
    path = config / "shortlist.json"
    path.write_text('{"careers": ["registered-nurse"]}', encoding="utf-8")
    assert shortlist.read(path) == ["registered-nurse"]


# -- where the list lives -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "relative/config", ".", "~/config"])
def test_an_empty_or_relative_xdg_config_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         value: str) -> None:
    home, here = tmp_path / "home", tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", value)
    assert shortlist.default_path() == home / ".config" / "careers" / "shortlist.json"
    result = CliRunner(env={**CLEAN_ENV, "HOME": str(home), "XDG_CONFIG_HOME": value}).invoke(
        app, ["shortlist", "add", "registered-nurse"])
    assert result.exit_code == 0, result.output
    assert shortlist.read(home / ".config" / "careers" / "shortlist.json") == ["registered-nurse"]
    assert list(here.iterdir()) == []  # nothing in the folder the command ran in


def test_a_relative_home_falls_back_to_the_accounts_home(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", "relative-home")
    assert shortlist.default_path() == Path(pwd.getpwuid(os.getuid()).pw_dir) / ".config" / "careers" / FILE_NAME


# -- the lock -----------------------------------------------------------------------------------------

HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def stopped_holder(config: Path) -> Iterator[int]:
    """A process that holds the shortlist's lock and is stopped (SIGSTOP): it will never let go."""
    with subprocess.Popen([sys.executable, "-c", HOLD, str(config)], stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
            os.kill(proc.pid, signal.SIGSTOP)
            yield proc.pid
        finally:
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="the holder is named from /proc/locks (Linux)")
def test_a_lock_held_by_a_stopped_process_is_waited_for_then_named(config: Path, stopped_holder: int,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shortlist, "LOCK_WAIT", 0.5)
    for args in (["shortlist", "add", "registered-nurse"], ["shortlist", "remove", "registered-nurse"],
                 ["shortlist", "clear"]):
        start = time.monotonic()
        result = runner(config).invoke(app, args)
        assert 0.5 <= time.monotonic() - start < 5, args
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.output
        assert f"in use by process {stopped_holder} (" in result.stderr and "which is stopped" in result.stderr
        assert f"kill -CONT {stopped_holder}" in result.stderr and "nothing was changed" in result.stderr
    assert not (config / "shortlist.json").exists()


def test_a_command_waits_a_few_seconds_not_forever(config: Path, stopped_holder: int) -> None:
    env = {k: v for k, v in {**os.environ, **CLEAN_ENV, "XDG_CONFIG_HOME": str(config.parent)}.items()
           if v is not None}
    start = time.monotonic()
    proc = subprocess.run([*CLI, "shortlist", "add", "registered-nurse"], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=60, check=False)
    took = time.monotonic() - start
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "the shortlist is in use by" in proc.stderr
    assert shortlist.LOCK_WAIT <= took < shortlist.LOCK_WAIT + 20


def test_a_lock_let_go_within_the_wait_is_taken(config: Path) -> None:
    hold = HOLD.replace("time.sleep(120)", "time.sleep(0.5)")
    with subprocess.Popen([sys.executable, "-c", hold, str(config)], stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
        assert shortlist.add(config / "shortlist.json", ["registered-nurse"], wait=10)[1] == ["registered-nurse"]


def test_the_explorers_key_never_freezes_on_a_held_lock(config: Path, stopped_holder: int) -> None:
    from careerexplorer.catalog import Catalog
    from careerexplorer.explore.app import Explorer
    from careerexplorer.explore.session import SHORTLIST_WAIT, Session

    app = Explorer(Session(Catalog(), config / "shortlist.json"), "registered nurse")

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            start = time.monotonic()
            await pilot.press("escape", "s")
            assert time.monotonic() - start < SHORTLIST_WAIT + 3
            said = list(app._notifications)[-1]
            assert said.severity == "error" and f"in use by process {stopped_holder}" in said.message
            await pilot.press("q")
            assert not app.is_running

    asyncio.run(main())
    assert not (config / "shortlist.json").exists()


# -- warnings -----------------------------------------------------------------------------------------


def test_warnings_about_one_file_are_one_line(config: Path) -> None:
    path = config / "shortlist.json"
    slugs = ["registered-nurse", *(f"gone-{n}" for n in range(200_000))]
    path.write_text(json.dumps({"version": 1, "careers": slugs}), encoding="utf-8")
    result = runner(config).invoke(app, ["shortlist", "list"])
    assert result.exit_code == 0 and "Registered Nurse" in result.stdout
    assert result.stderr == ("careers: warning: 'gone-0', 'gone-1', 'gone-2' and 199,997 more on your shortlist "
                             "are no longer in the catalog\n")
    path.write_text(json.dumps({"version": 1, "careers": ["gone\x1b]52;c;eA==\x07" + "x" * 10_000]}), "utf-8")
    one = runner(config).invoke(app, ["shortlist", "list"]).stderr
    assert one.count("\n") == 1 and "\x1b" not in one and len(one) < 300 and " is no longer in the catalog" in one


def test_a_shortlist_read_again_only_when_it_changes(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerexplorer.catalog import Catalog
    from careerexplorer.explore.session import Session

    path = config / "shortlist.json"
    shortlist.write(path, ["registered-nurse"])
    session = Session(Catalog(), path)
    reads: list[Path] = []
    real = shortlist.read
    monkeypatch.setattr(shortlist, "read", lambda p: reads.append(p) or real(p))
    assert session.shortlist() == session.shortlist() == ["registered-nurse"] and len(reads) == 1
    shortlist.write(path, ["registered-nurse", "software-developer"])
    assert session.shortlist() == ["registered-nurse", "software-developer"] and len(reads) == 2
    path.write_text("{broken", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(shortlist.ShortlistError, match="not valid JSON"):
            session.shortlist()
    assert len(reads) == 3
