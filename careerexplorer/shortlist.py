"""The shortlist: careers a person is weighing, kept in their application folder between runs.

Every change holds a lock across read, change and write (two `careers shortlist add` at once
both keep their careers), and writes are atomic (a temporary file, then a rename), so a crash
mid-write leaves the old list. A file we cannot read is reported with its path and left as it
is for the person to fix; only `clear` replaces it, after keeping a copy.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careerexplorer.errors import CareerError

FILE_NAME = "shortlist.json"
VERSION = 1
APP_NAME = "careers"


class ShortlistError(CareerError):
    pass


def default_path() -> Path:
    """The shortlist's file in the application folder: the same folder Click's get_app_dir gives
    (XDG_CONFIG_HOME or ~/.config on Linux), found without importing Typer or Click."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or os.path.expanduser("~")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    return Path(base) / APP_NAME / FILE_NAME


def read(path: Path) -> list[str]:
    """The slugs on the shortlist, in the order they were added; empty when there is no file."""
    try:
        # Without blocking, regular files only: a FIFO in its place would wait forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ShortlistError(f"{path}: the shortlist is not a regular file; delete it")
            raw = fh.read()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ShortlistError(f"{path}: the shortlist cannot be read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw)
    except RecursionError:
        raise ShortlistError(
            f"{path}: the shortlist is nested too deeply to be a shortlist; "
            "fix it, delete it or run 'careers shortlist clear'"
        ) from None
    except ValueError:
        raise ShortlistError(
            f"{path}: the shortlist is not valid JSON; fix it, delete it or run 'careers shortlist clear'"
        ) from None
    careers = doc.get("careers") if isinstance(doc, dict) else None
    if not isinstance(careers, list) or not all(isinstance(s, str) for s in careers):
        raise ShortlistError(
            f"{path}: the shortlist has no list of careers; fix it, delete it or run 'careers shortlist clear'"
        )
    return careers


def write(path: Path, slugs: list[str]) -> None:
    """Replace the shortlist atomically."""
    data = json.dumps({"version": VERSION, "careers": slugs}, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".shortlist-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ShortlistError(f"{path}: the shortlist cannot be saved ({exc.strerror or exc})") from None


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the shortlist's lock across a read-modify-write.

    Where fcntl exists the lock is on the folder that holds the list (the list itself is
    replaced, a new inode, on every write, and a lock file would be one more file in the
    person's folder); on Windows, msvcrt locks a lock file beside the list."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            import fcntl
        except ImportError:  # Windows
            fcntl = None  # type: ignore[assignment]
            fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        else:
            fd = os.open(path.parent, os.O_RDONLY)
    except OSError as exc:
        raise ShortlistError(f"{path}: the shortlist cannot be locked ({exc.strerror or exc})") from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def add(path: Path, slugs: list[str]) -> tuple[list[str], list[str]]:
    """Add careers; returns (the new list, those that were added rather than already there)."""
    with locked(path):
        current = read(path)
        added = [s for s in dict.fromkeys(slugs) if s not in current]
        if added:
            write(path, current + added)
    return current + added, added


def remove(path: Path, slugs: list[str]) -> tuple[list[str], list[str]]:
    with locked(path):
        current = read(path)
        removed = [s for s in current if s in slugs]
        if removed:
            write(path, [s for s in current if s not in slugs])
    return [s for s in current if s not in slugs], removed


def clear(path: Path) -> tuple[int, Path | None]:
    """Empty the list: (how many careers it held, where a copy of an unreadable file was kept).

    The one command that can repair a broken file: it keeps a copy of it and starts afresh."""
    with locked(path):
        backup = None
        try:
            n = len(read(path))
        except ShortlistError:
            backup = path.with_name(path.name + ".broken")
            try:
                if not path.is_file():  # a folder or a FIFO in its place: nothing to copy, nothing to reset
                    raise OSError(0, "not a regular file")
                shutil.copyfile(path, backup)
            except OSError as exc:
                raise ShortlistError(
                    f"{path}: the shortlist is unreadable and no copy of it could be kept "
                    f"({exc.strerror or exc}); nothing was changed"
                ) from None
            n = 0
        if n or backup:
            write(path, [])
    return n, backup
