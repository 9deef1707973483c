"""The shortlist: careers a person is weighing, kept in their application folder between runs.

Every change holds a lock across read, change and write (two `careers shortlist add` at once
both keep their careers), and writes are atomic (a temporary file, then a rename), so a crash
mid-write leaves the old list. No list is ever lost: a file we cannot read is reported with its
path and left as it is for the person to fix; only `clear` replaces it, after keeping a copy under
a name no other copy has; a file saved by a newer version of careers is refused, never rewritten;
keys this version does not know are kept when the list is saved. A lock that another process holds
(even one that is stopped) is waited for a few seconds, then reported with that process's id.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from careerexplorer.errors import CareerError

FILE_NAME = "shortlist.json"
VERSION = 1
APP_NAME = "careers"
LOCK_WAIT = 5.0  # seconds to wait for another process's lock before saying who holds it
BACKUP_SUFFIX = ".broken"


class ShortlistError(CareerError):
    pass


class NewerShortlist(ShortlistError):
    """A shortlist saved by a newer version of careers: read by none of the commands, changed by none."""


def _home() -> str:
    home = os.path.expanduser("~")
    if not os.path.isabs(home):  # HOME set to a relative folder: the account's own home instead
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError, OSError):
            pass
    if not os.path.isabs(home):
        raise ShortlistError("no home folder to keep the shortlist in; set XDG_CONFIG_HOME to an absolute folder")
    return home


def default_path() -> Path:
    """The shortlist's file in the application folder: the same folder Click's get_app_dir gives
    (XDG_CONFIG_HOME or ~/.config on Linux), found without importing Typer or Click.

    As the XDG Base Directory specification says, an XDG_CONFIG_HOME that is empty or relative is
    ignored (Click would take it, and put the list in whatever folder the command runs in)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA", "")
        if not os.path.isabs(base):
            base = _home()
    elif sys.platform == "darwin":
        base = os.path.join(_home(), "Library", "Application Support")
    else:
        base = os.environ.get("XDG_CONFIG_HOME", "")
        if not os.path.isabs(base):
            base = os.path.join(_home(), ".config")
    return Path(base) / APP_NAME / FILE_NAME


def _broken(path: Path, what: str) -> ShortlistError:
    return ShortlistError(f"{path}: the shortlist {what}; fix it, delete it or run 'careers shortlist clear'")


def load(path: Path) -> dict[str, Any]:
    """The shortlist's document (its "careers" a list of slugs); empty when there is no file."""
    try:
        # Without blocking, regular files only: a FIFO in its place would wait forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ShortlistError(f"{path}: the shortlist is not a regular file; delete it")
            raw = fh.read()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ShortlistError(f"{path}: the shortlist cannot be read ({exc.strerror or exc})") from None
    except MemoryError:
        raise _broken(path, "is too large to read") from None
    try:
        doc = json.loads(raw)
    except RecursionError:
        raise _broken(path, "is nested too deeply to be a shortlist") from None
    except ValueError:
        raise _broken(path, "is not valid JSON") from None
    if not isinstance(doc, dict):
        raise _broken(path, "has no list of careers")
    version = doc.get("version", VERSION)
    if type(version) is int and version > VERSION:
        raise NewerShortlist(
            f"{path}: the shortlist was saved by a newer version of careers (format {version}; this version "
            f"reads format {VERSION}); it is left as it is: update careers to use it"
        )
    if type(version) is not int or version < 1:
        raise _broken(path, "has no valid format version")
    careers = doc.get("careers")
    if not isinstance(careers, list) or not all(isinstance(s, str) for s in careers):
        raise _broken(path, "has no list of careers")
    return doc


def read(path: Path) -> list[str]:
    """The slugs on the shortlist, in the order they were added; empty when there is no file."""
    return list(load(path).get("careers", []))


def write(path: Path, slugs: list[str], doc: dict[str, Any] | None = None) -> None:
    """Replace the shortlist atomically, keeping the keys of ``doc`` that this version does not know."""
    extra = {k: v for k, v in (doc or {}).items() if k not in ("version", "careers")}
    try:
        data = json.dumps({"version": VERSION, "careers": slugs, **extra}, indent=2) + "\n"
    except (RecursionError, ValueError):
        raise ShortlistError(f"{path}: the shortlist cannot be saved (its other keys are nested too deeply)") from None
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


def holder(fd: int) -> str:
    """Who holds the flock on ``fd``'s file, in words ("process 4242 (careers shortlist add), which is
    stopped"); "" where the system does not say (only Linux lists its locks, in /proc/locks)."""
    try:
        st = os.fstat(fd)
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            table = fh.read().splitlines()
    except OSError:
        return ""
    found: list[tuple[bool, str]] = []
    for row in table:
        # "1: FLOCK  ADVISORY  WRITE 4242 08:01:5678 0 EOF"; a waiter's row has "->" after its number.
        fields = row.split()
        if len(fields) < 6 or fields[1] != "FLOCK":
            continue
        try:
            major, minor, inode = fields[5].split(":")
            same_device = (int(major, 16), int(minor, 16)) == (os.major(st.st_dev), os.minor(st.st_dev))
            if int(inode) == st.st_ino:
                found.append((same_device, fields[4]))
        except ValueError:
            continue
    # Some file systems list a device of their own there: an inode alone will do when it is the only one.
    pids = [pid for same, pid in found if same] or ([found[0][1]] if len(found) == 1 else [])
    if not pids or not pids[0].isdigit():
        return ""
    pid = pids[0]
    words = f"process {pid}"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            args = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
        if args:
            names = [os.path.basename(a) for a in args]
            command = " ".join([names[0], *args[1:]])
            if "careers" in names[:2]:  # the careers script, as run or through its interpreter
                command = " ".join(["careers", *args[names.index("careers") + 1 :]])
            elif args[1:3] == ["-m", "careerexplorer"]:
                command = " ".join(["careers", *args[3:]])
            words += f" ({command[:80]})"
        with open(f"/proc/{pid}/stat", "rb") as fh:
            state = fh.read().rsplit(b")", 1)[1].split()[0]
        if state in (b"T", b"t"):
            words += f", which is stopped (resume it with 'kill -CONT {pid}', or end it)"
    except (OSError, IndexError):
        pass
    return words


@contextmanager
def locked(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the shortlist's lock across a read-modify-write, waiting at most ``wait`` seconds for it.

    Where fcntl exists the lock is on the folder that holds the list (the list itself is
    replaced, a new inode, on every write, and a lock file would be one more file in the
    person's folder); on Windows, msvcrt locks a lock file beside the list. Another process
    holding it past the wait (even a stopped one, which would never let go) is an error that
    names that process where the system can tell. ``wait`` is LOCK_WAIT when None."""
    wait = LOCK_WAIT if wait is None else wait
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
        deadline = time.monotonic() + wait
        while True:
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                else:
                    import msvcrt

                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK):
                    raise ShortlistError(f"{path}: the shortlist cannot be locked ({exc.strerror or exc})") from None
                left = deadline - time.monotonic()
                if left <= 0:
                    who = holder(fd) or "another process"
                    raise ShortlistError(
                        f"{path}: the shortlist is in use by {who}; waited {wait:g} seconds, nothing was changed"
                    ) from None
                time.sleep(min(0.05, left))
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def add(path: Path, slugs: list[str], wait: float | None = None) -> tuple[list[str], list[str]]:
    """Add careers; returns (the new list, those that were added rather than already there)."""
    with locked(path, wait):
        doc = load(path)
        current = list(doc.get("careers", []))
        added = [s for s in dict.fromkeys(slugs) if s not in current]
        if added:
            write(path, current + added, doc)
    return current + added, added


def remove(path: Path, slugs: list[str], wait: float | None = None) -> tuple[list[str], list[str]]:
    with locked(path, wait):
        doc = load(path)
        current = list(doc.get("careers", []))
        removed = [s for s in current if s in slugs]
        if removed:
            write(path, [s for s in current if s not in slugs], doc)
    return [s for s in current if s not in slugs], removed


def keep_copy(path: Path) -> Path:
    """Copy the file to a name beside it that nothing has yet (shortlist.json.broken, then
    shortlist.json.broken-2, ...): an earlier copy is never overwritten."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as src:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a folder or a FIFO in its place: nothing to copy
            raise OSError(0, "not a regular file")
        for n in range(1, 10_000):
            backup = path.with_name(path.name + BACKUP_SUFFIX + (f"-{n}" if n > 1 else ""))
            try:
                out = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            except FileExistsError:
                continue
            try:
                with os.fdopen(out, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
            except BaseException:
                backup.unlink(missing_ok=True)  # a copy cut short is no copy
                raise
            return backup
    raise OSError(errno.EEXIST, "too many copies already kept beside it")


def clear(path: Path, wait: float | None = None) -> tuple[int, Path | None]:
    """Empty the list: (how many careers it held, where a copy of an unreadable file was kept).

    The one command that can repair a broken file: it keeps a copy of it and starts afresh. A file
    saved by a newer version is not broken, and is left alone."""
    with locked(path, wait):
        backup = None
        doc: dict[str, Any] = {}
        try:
            doc = load(path)
            n = len(doc.get("careers", []))
        except NewerShortlist:
            raise
        except ShortlistError:
            try:
                backup = keep_copy(path)
            except OSError as exc:
                raise ShortlistError(
                    f"{path}: the shortlist is unreadable and no copy of it could be kept "
                    f"({exc.strerror or exc}); nothing was changed"
                ) from None
            n = 0
        if n or backup:
            write(path, [], doc)
    return n, backup
