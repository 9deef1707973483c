"""The user's own profiles, read once and kept, indexed, in a cache in the user's cache folder.

Each profile file is validated and indexed when it is new or has changed (by size, modification
time in nanoseconds, inode and change time: an edit that keeps the size and sets the old
modification time back still changes the change time); on later runs its index entry, its
warnings and its search row come from the cache, so a folder of thousands of profiles costs a
directory listing, not thousands of parses.

The cache starts as a copy of the bundled search index, and the user's careers are added to it:
one index scores bundled and own careers alike (BM25 weighs a word by how rare it is across all
the careers it holds, so two indexes could not be ranked together).

It is only ever a cache. A new one is built under a lock, as a temporary file renamed into place,
so no run ever sees half of one; changes are made under SQLite's write lock, taken before the
cache is read. Whatever goes wrong with it (damaged pages, missing tables, a row that is not what
was written, a read-only file, a full disk) makes it be rebuilt, once more as a file or, where
that fails too, in memory for the one run, with one warning; the output is the same as with a
sound cache. Where no cache folder can be had at all (a read-only home), the index is built in
memory without a word, as that is no fault.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerexplorer import datafiles, searchindex
from careerexplorer.errors import CacheDamaged, DataError

if TYPE_CHECKING:
    from careerexplorer.index import Entry

Check = Callable[[Path], Any]  # a path in, careerexplorer.catalog.Checked out

CACHE_VERSION = 4
FIRST_ROW = 1_000_000  # rows of the user's careers start here, after the bundled ones
# A file's path is kept as text, or as its bytes where it is not UTF-8 (SQLite text must be).
TABLES = """
CREATE TABLE file(
    id INTEGER PRIMARY KEY, path NOT NULL UNIQUE, size INTEGER, mtime INTEGER, inode INTEGER, ctime INTEGER,
    slug TEXT, messages TEXT NOT NULL
);
CREATE TABLE held(id INTEGER PRIMARY KEY, entry TEXT, texts TEXT);
CREATE INDEX career_slug ON career(slug);
"""
NEEDED = (*searchindex.TABLES, "file", "held")
# What a damaged, unwritable or full cache raises on the way in or out; each means: rebuild it.
FAILURES = (sqlite3.Error, OSError, ValueError, KeyError, TypeError, IndexError)
LOCK_WAIT = 30.0  # seconds to wait for another run building the same cache, then build one's own
LEFTOVER_AGE = 3600  # seconds after which a temporary file of another cache is a leftover
KEEP = 4  # caches of other folder sets kept, the most recently used
AVOID: set[str] = set()  # caches found damaged in this process and not removable: not opened again

Signature = tuple[int, int, int, int]


def cache_dir() -> Path | None:
    """Where caches go: $XDG_CACHE_HOME/careers, or ~/.cache/careers; None where there is no such
    place. A relative (or empty) XDG_CACHE_HOME is ignored, as the XDG Base Directory
    specification says: it would put caches in whatever folder a command is run from."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "careers"
    home = os.path.expanduser("~")  # "~" itself where no home is known
    return Path(home) / ".cache" / "careers" if os.path.isabs(home) else None


def prune(folder: Path, keep: Path) -> None:
    """Remove all but the most recently used caches (each is a copy of the bundled index), and the
    temporary files that runs which were stopped while building left behind."""
    try:
        now = time.time()
        for tmp in folder.glob("user-*.tmp*"):
            if now - tmp.stat().st_mtime > LEFTOVER_AGE:
                tmp.unlink(missing_ok=True)
        caches = sorted(
            (p for p in folder.glob("user-*.db") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in caches[KEEP - 1 :]:
            old.unlink(missing_ok=True)
            old.with_suffix(".lock").unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be cleared is only space, never a reason to fail


def discard(path: str) -> None:
    """Set a damaged cache aside: remove it, or where it cannot be removed, never open it again in
    this process."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        AVOID.add(path)


def _signature(name: str) -> Signature | None:
    try:
        st = os.stat(name)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns


def _stored(name: str) -> str | bytes:
    """A path as the cache keeps it: text, or its bytes where the name is not UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name)
    return name


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the lock of one cache while it is built: eight first runs at once build it once.
    A lock that cannot be had (no fcntl, a lock held for too long) builds without it: each
    build ends in a rename of a complete file, so the cache is sound either way."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield
        return
    try:
        fd = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


class Progress:
    """How far the reading of many new or changed profiles has come, on one line of stderr, where
    stderr is a terminal (never on a pipe or in a file): a first run over a state's catalog takes
    a while."""

    AFTER = 1.0  # seconds: a run that is over by then says nothing
    EVERY = 0.25  # seconds between updates

    def __init__(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        self.next = self.started + self.AFTER
        self.shown = False
        self.stream: Any = None
        if total > 1:
            import sys

            try:
                if sys.stderr is not None and sys.stderr.isatty():
                    self.stream = sys.stderr
            except (OSError, ValueError):  # a closed stderr
                pass

    def show(self, done: int) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + self.EVERY
        self._write(f"\rreading your profiles: {done:,} of {self.total:,}")
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self._write("\r\x1b[K")  # the line is cleared: what the command prints takes its place

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.stream = None


class Entries(Mapping[str, "Entry"]):
    """The user's careers by slug; each entry is read from the cache only when it is asked for
    (a search shows ten of thousands)."""

    def __init__(self, db: sqlite3.Connection, ids: dict[str, int], damaged: Callable[[Exception], Exception]) -> None:
        self._db = db
        self._ids = ids
        self._damaged = damaged
        self._read: dict[str, Entry] = {}

    def __getitem__(self, slug: str) -> Entry:
        entry = self._read.get(slug)
        if entry is None:
            try:
                (raw,) = self._db.execute("SELECT entry FROM held WHERE id = ?", (self._ids[slug],)).fetchone()
                entry = json.loads(raw)
                if not (isinstance(entry, dict) and isinstance(entry.get("slug"), str)):
                    raise ValueError("an entry that is not one")
            except (sqlite3.Error, ValueError, TypeError) as exc:
                raise self._damaged(exc) from None
            self._read[slug] = entry
        return entry

    def everything(self) -> dict[str, Entry]:
        """Every entry, read in one statement and decoded in one call (`list` shows them all: a
        statement and a decoding per entry cost more than the rest of the command)."""
        wanted = {fid: slug for slug, fid in self._ids.items() if slug not in self._read}
        if wanted:
            try:
                ids, raws = [], []
                for fid, raw in self._db.execute("SELECT id, entry FROM held ORDER BY id"):
                    if fid in wanted:
                        if not isinstance(raw, str):
                            raise ValueError("an entry that is not text")
                        ids.append(fid)
                        raws.append(raw)
                if len(ids) != len(wanted):
                    raise ValueError("an entry is missing")
                entries: list[Any] = json.loads(f"[{','.join(raws)}]")
                if len(entries) != len(ids):  # a row that held more than one value
                    raise ValueError("an entry that is not one")
                for entry in entries:
                    if not (type(entry) is dict and type(entry.get("slug")) is str):
                        raise ValueError("an entry that is not one")
                for fid, entry in zip(ids, entries, strict=True):
                    self._read[wanted[fid]] = entry
            except (sqlite3.Error, ValueError, TypeError) as exc:
                raise self._damaged(exc) from None
        return {slug: self._read[slug] for slug in self._ids}

    def __contains__(self, slug: object) -> bool:
        return slug in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class UserCache:
    """The cached profiles of the user's folders (in the order given), refreshed on creation."""

    def __init__(
        self, folders: Sequence[tuple[Path, list[str], list[str]]], check: Check, bundled: Path, warnings: list[str]
    ) -> None:
        """``folders``: each folder with its profile files and what was wrong with the folder itself;
        ``check`` validates one file (careerexplorer.catalog.check_file)."""
        self.folders = folders
        self.check = check
        self.bundled = bundled
        self.warnings = warnings
        self.files = [path for _, files, _ in folders for path in files]
        self.db: sqlite3.Connection | None = None
        self.path: str | None = None  # the cache file; None while the cache is in memory
        try:
            st = bundled.stat()
        except OSError as exc:
            raise DataError(f"{bundled}: the search index is unreadable ({exc.strerror}); reinstall careers") from None
        # The cache belongs to these folders and to this bundled index: a new release starts a new one.
        real = os.path.realpath  # never raises, even on a symlink loop
        self.stamp = f"{CACHE_VERSION}:{real(bundled)}:{st.st_size}:{st.st_mtime_ns}"
        key = hashlib.sha256(
            b"\0".join(os.fsencode(x) for x in [self.stamp, *(real(f) for f, _, _ in folders)])
        ).hexdigest()[:16]
        folder = cache_dir()
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                folder = None  # a read-only home: no cache to keep, and nothing wrong
        path = folder / f"user-{key}.db" if folder is not None else None
        if path is None or str(path) in AVOID:
            self._in_memory()
            return
        building = False
        try:
            self.path = str(path)
            db = self._open(path)
            if db is None:
                building = True
                db = self._build(path, reuse=True)
            self._use(db)
        except FAILURES as exc:
            self._close()
            reason = _reason(exc)
            try:
                if building:  # a build that failed (a full disk, say) would fail again
                    raise
                self._use(self._build(path, reuse=False))
                note = "it was rebuilt"
            except FAILURES:
                self._close()
                self._in_memory()
                note = "your profiles were read afresh for this run"
            self.warnings.append(f"the cache of your profiles ({path}) could not be used ({reason}); {note}")

    # --- opening, building -------------------------------------------------------------------

    def _open(self, path: Path) -> sqlite3.Connection | None:
        """The cache file, when it is there and of this release; damage raises."""
        if not os.path.exists(path):
            return None
        db = sqlite3.connect(datafiles.uri(path), uri=True, timeout=10)
        try:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "meta" not in tables:
                raise sqlite3.DatabaseError("it has no table 'meta'")
            row = db.execute("SELECT value FROM meta WHERE key = 'cache'").fetchone()
            if not row or row[0] != self.stamp:
                db.close()  # another release's, or another version's: replaced without a word
                return None
            missing = [t for t in NEEDED if t not in tables]
            if missing:
                raise sqlite3.DatabaseError(f"it has no table {missing[0]!r}")
        except BaseException:
            db.close()
            raise
        try:
            os.utime(path)  # recently used: kept when old caches are cleared
        except OSError:
            pass
        return db

    def _build(self, path: Path, reuse: bool) -> sqlite3.Connection:
        """A new cache file: built under the lock as a temporary file, then renamed into place.
        With ``reuse``, a cache that another run finished while this one waited for the lock is
        taken as it is."""
        with _locked(path):
            if reuse:
                db = self._open(path)
                if db is not None:
                    return db
            prune(path.parent, keep=path)
            # Under the lock, a temporary file of this cache is a leftover of a run that was stopped.
            for leftover in path.parent.glob(path.name + ".*.tmp*"):
                leftover.unlink(missing_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                # A file copy of the bundled index is the quickest start; the user's careers are added to it.
                shutil.copyfile(self.bundled, tmp)
                db = sqlite3.connect(datafiles.uri(tmp), uri=True)
                try:
                    self._create(db)
                    self._refresh(db)
                finally:
                    db.close()
                os.replace(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)  # a failed copy leaves nothing behind, however large
                tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
        db = self._open(path)
        if db is None:
            raise sqlite3.DatabaseError("the new cache cannot be read back")
        return db

    def _in_memory(self) -> None:
        """The same index, built in memory for this run."""
        self.path = None
        db = sqlite3.connect(":memory:")
        try:
            source = sqlite3.connect(datafiles.uri(self.bundled, mode="ro"), uri=True)
            try:
                source.backup(db)
            finally:
                source.close()
            self._create(db)
            self._use(db)
        except FAILURES as exc:  # a copy of the bundled index that cannot take the user's careers
            raise datafiles.damaged(self.bundled, "search index", _reason(exc)) from None

    def _create(self, db: sqlite3.Connection) -> None:
        """A copy of the bundled index made ready to hold the user's careers."""
        db.executescript(TABLES)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('cache', ?)", (self.stamp,))
        db.commit()

    def _close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None

    def damaged(self, exc: Exception) -> Exception:
        """What a damaged page or row found later is raised as (careerexplorer.search reads the
        cache too): the cache is set aside and the command run again; a copy in memory can only
        be damaged where the bundled index is."""
        if self.path is None:
            return datafiles.damaged(self.bundled, "search index", _reason(exc))
        return CacheDamaged(self.path, _reason(exc))

    # --- reading, refreshing -------------------------------------------------------------------

    def _use(self, db: sqlite3.Connection) -> None:
        """Take a cache: bring it up to date with the files, then read what every run needs."""
        self.db = db
        self.rows = self._refresh(db)
        self._read()

    def _refresh(self, db: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
        """Index the files that are new or changed and forget those that are gone; the rows after.
        The write lock is taken before the rows are read: two runs at once never add one file twice."""
        readonly = False
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            # A cache that may not be written can still serve a run in which nothing changed.
            if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_READONLY:
                raise
            readonly = True
        try:
            known = self._rows(db)
            listed = set(self.files)
            changed = [name for name in self.files if (s := _signature(name)) is None or known.get(name, ())[1:5] != s]
            gone = [name for name in known if name not in listed]
            if (changed or gone) and readonly:
                raise sqlite3.OperationalError("attempt to write a readonly database")
            progress = Progress(len(changed))
            # The words of every file added (for the typo check) are added once, at the end: a
            # statement per file would cost a tenth of a first run over thousands.
            self._words: set[str] = set()
            for done, name in enumerate(changed):
                progress.show(done)
                old = known.get(name)
                if old:
                    self._forget(db, old[0])
                self._add(db, name)
            db.executemany("INSERT OR IGNORE INTO word VALUES (?)", ((w,) for w in sorted(self._words)))
            progress.close()
            for name in gone:
                self._forget(db, known[name][0])
            if not readonly:
                db.commit()
        except BaseException:
            if not readonly:
                db.rollback()
            raise
        return self._rows(db) if changed or gone else known

    def _add(self, db: sqlite3.Connection, name: str) -> None:
        signature = _signature(name)
        checked = self.check(Path(name))
        messages = [str(w) for w in checked.warnings]
        if checked.errors:
            more = len(checked.errors) - 1
            extra = f" (and {more} more; run 'careers validate {name}')" if more else ""
            messages = [f"skipped {checked.errors[0]}{extra}"]
        p = checked.profile
        doc = searchindex.document(p, jobs=(p.wages.employment if p.wages else None) or 0) if p else None
        size, mtime, inode, ctime = signature or (None, None, None, None)
        cur = db.execute(
            "INSERT INTO file(path, size, mtime, inode, ctime, slug, messages) VALUES (?,?,?,?,?,?,?)",
            (_stored(name), size, mtime, inode, ctime, p.slug if p else None, json.dumps(messages)),
        )
        if doc is not None and cur.lastrowid is not None:
            # What is read only now and then (an entry, the text to take a row out again)
            # is kept apart, so that reading the table of files each run stays small.
            db.execute(
                "INSERT INTO held VALUES (?,?,?)", (cur.lastrowid, doc["facts"], json.dumps(searchindex.columns(doc)))
            )
            self._words |= searchindex.insert(db, FIRST_ROW + cur.lastrowid, doc)

    @staticmethod
    def _rows(db: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
        """What the cache holds of each file by path: (id, size, mtime, inode, ctime, slug, messages,
        path). Paths kept as bytes (names that are not UTF-8) are decoded apart: the rest, read on
        every run, need no Python for it."""
        columns = "id, size, mtime, inode, ctime, slug, messages, path"
        rows = {row[7]: row for row in db.execute(f"SELECT {columns} FROM file WHERE typeof(path) = 'text'")}
        for row in db.execute(f"SELECT {columns} FROM file WHERE typeof(path) != 'text'"):
            rows[os.fsdecode(row[7])] = row
        return rows

    @staticmethod
    def _forget(db: sqlite3.Connection, fid: int) -> None:
        held = db.execute("SELECT texts FROM held WHERE id = ?", (fid,)).fetchone()
        db.execute("DELETE FROM file WHERE id = ?", (fid,))
        db.execute("DELETE FROM held WHERE id = ?", (fid,))
        if held is not None:
            searchindex.remove(db, FIRST_ROW + fid, json.loads(held[0]))

    def _read(self) -> None:
        """Which career each file gives (the first file of a slug wins), its warnings, and the rows
        that must not be found (a bundled career the user's replaces, a slug given twice). Read
        here, so that a damaged row is found while the cache can still be rebuilt."""
        assert self.db is not None
        self.found: dict[str, int] = {}
        self.where: dict[str, str] = {}
        self.hidden: set[int] = set()
        self.notes: list[str] = []
        for _, files, problems in self.folders:
            self.notes.extend(problems)
            for path in files:
                row = self.rows.get(path)
                if row is None:
                    continue
                fid, slug, messages = row[0], row[5], row[6]
                if messages != "[]":
                    said = json.loads(messages)
                    if not (isinstance(said, list) and all(isinstance(m, str) for m in said)):
                        raise ValueError(f"the messages of {path!r} are not a list of text")
                    self.notes.extend(said)
                if slug is None:
                    continue
                if not isinstance(slug, str):
                    raise ValueError(f"the slug of {path!r} is not text")
                if slug in self.found:
                    self.notes.append(
                        f"{path}: slug {slug!r} already comes from {self.where[slug]}; this one is ignored"
                    )
                    self.hidden.add(FIRST_ROW + fid)
                    continue
                self.found[slug] = fid
                self.where[slug] = path
        slugs = list(self.found)
        for start in range(0, len(slugs), 900):  # within the parameters any SQLite allows a statement
            part = slugs[start : start + 900]
            self.hidden |= {
                r
                for (r,) in self.db.execute(
                    f"SELECT id FROM career WHERE slug IN ({','.join('?' * len(part))}) AND id < {FIRST_ROW}", part
                )
            }

    def entries(self) -> tuple[Entries, dict[str, str]]:
        """The user's careers by slug and the file of each. The warnings of every file, on every
        run, go to the catalog's warnings."""
        assert self.db is not None
        self.warnings.extend(self.notes)
        return Entries(self.db, self.found, self.damaged), self.where
