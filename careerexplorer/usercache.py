"""The user's own profiles, read once and kept, indexed, in a cache in the user's cache folder.

Each profile file is validated and indexed when it is new or has changed (by size and
modification time); on later runs its index entry, its warnings and its search row come from the
cache, so a folder of thousands of profiles costs a directory listing, not thousands of parses.

The cache starts as a copy of the bundled search index, and the user's careers are added to it:
one index scores bundled and own careers alike (BM25 weighs a word by how rare it is across all
the careers it holds, so two indexes could not be ranked together). It is only ever a copy:
deleting it costs one slower run. Where no cache can be written (a read-only home, say), the same
index is built in memory for the one run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerexplorer import searchindex
from careerexplorer.errors import DataError

if TYPE_CHECKING:
    from careerexplorer.index import Entry

Check = Callable[[Path], Any]  # a path in, careerexplorer.catalog.Checked out

CACHE_VERSION = 3
FIRST_ROW = 1_000_000  # rows of the user's careers start here, after the bundled ones
TABLES = """
CREATE TABLE file(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER, mtime INTEGER, slug TEXT, messages TEXT NOT NULL
);
CREATE TABLE held(id INTEGER PRIMARY KEY, entry TEXT, texts TEXT);
CREATE INDEX career_slug ON career(slug);
"""


def cache_dir() -> Path:
    """Where caches go: $XDG_CACHE_HOME/careers, or ~/.cache/careers."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "careers"


KEEP = 4  # caches of other folder sets kept, the most recently used


def prune(folder: Path, keep: Path) -> None:
    """Remove all but the most recently used caches (each is a copy of the bundled index)."""
    try:
        caches = sorted(
            (p for p in folder.glob("user-*.db") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in caches[KEEP - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be cleared is only space, never a reason to fail


def _signature(name: str) -> tuple[int, int] | None:
    try:
        st = os.stat(name)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class Entries(Mapping[str, "Entry"]):
    """The user's careers by slug; each entry is read from the cache only when it is asked for
    (a search shows ten of thousands)."""

    def __init__(self, db: sqlite3.Connection, ids: dict[str, int]) -> None:
        self._db = db
        self._ids = ids
        self._read: dict[str, Entry] = {}

    def __getitem__(self, slug: str) -> Entry:
        entry = self._read.get(slug)
        if entry is None:
            (raw,) = self._db.execute("SELECT entry FROM held WHERE id = ?", (self._ids[slug],)).fetchone()
            entry = self._read[slug] = json.loads(raw)
        return entry

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
        self.warnings = warnings
        self.hidden: set[int] = set()
        self.files = [path for _, files, _ in folders for path in files]
        self.rows: dict[str, tuple[Any, ...]] = {}
        try:
            st = bundled.stat()
        except OSError as exc:
            raise DataError(f"{bundled}: the search index is unreadable ({exc.strerror}); reinstall careers") from None
        # The cache belongs to these folders and to this bundled index: a new release starts a new one.
        self.stamp = f"{CACHE_VERSION}:{bundled.resolve()}:{st.st_size}:{st.st_mtime_ns}"
        key = hashlib.sha256(
            "\0".join([self.stamp, *(str(f.resolve()) for f, _, _ in folders)]).encode("utf-8", "replace")
        ).hexdigest()[:16]
        self.db = self._open(cache_dir() / f"user-{key}.db", bundled)
        self._refresh()

    def _open(self, path: Path, bundled: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=10)
            row = db.execute("SELECT value FROM meta WHERE key = 'cache'").fetchone() if self._has_meta(db) else None
            if row and row[0] == self.stamp:
                os.utime(path)  # recently used: kept when old caches are cleared
                return db
            db.close()
            prune(path.parent, keep=path)
            # A file copy of the bundled index is the quickest start; the user's careers are added to it.
            tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
            shutil.copyfile(bundled, tmp)
            os.replace(tmp, path)
            return self._create(sqlite3.connect(path, timeout=10))
        except (OSError, sqlite3.Error):
            db = sqlite3.connect(":memory:")
            source = sqlite3.connect(f"file:{bundled}?mode=ro", uri=True)
            try:
                source.backup(db)
            finally:
                source.close()
            return self._create(db)

    @staticmethod
    def _has_meta(db: sqlite3.Connection) -> bool:
        return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is not None

    def _create(self, db: sqlite3.Connection) -> sqlite3.Connection:
        """A copy of the bundled index made ready to hold the user's careers."""
        db.executescript(TABLES)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('cache', ?)", (self.stamp,))
        db.commit()
        return db

    def _refresh(self) -> None:
        known = self._rows()
        listed = set(self.files)
        changed = False
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for name in self.files:
                signature = _signature(name)
                old = known.get(name)
                if old and signature and (old[1], old[2]) == signature:
                    continue
                changed = True
                if old:
                    self._forget(old[0])
                checked = self.check(Path(name))
                messages = [str(w) for w in checked.warnings]
                if checked.errors:
                    more = len(checked.errors) - 1
                    extra = f" (and {more} more; run 'careers validate {name}')" if more else ""
                    messages = [f"skipped {checked.errors[0]}{extra}"]
                p = checked.profile
                doc = searchindex.document(p, jobs=(p.wages.employment if p.wages else None) or 0) if p else None
                size, mtime = signature or (None, None)
                cur = self.db.execute(
                    "INSERT INTO file(path, size, mtime, slug, messages) VALUES (?,?,?,?,?)",
                    (name, size, mtime, p.slug if p else None, json.dumps(messages)),
                )
                if doc is not None and cur.lastrowid is not None:
                    # What is read only now and then (an entry, the text to take a row out again)
                    # is kept apart, so that reading the table of files each run stays small.
                    self.db.execute(
                        "INSERT INTO held VALUES (?,?,?)",
                        (cur.lastrowid, doc["facts"], json.dumps(searchindex.columns(doc))),
                    )
                    words = searchindex.insert(self.db, FIRST_ROW + cur.lastrowid, doc)
                    self.db.executemany("INSERT OR IGNORE INTO word VALUES (?)", ((w,) for w in sorted(words)))
            for name, (fid, *_) in known.items():
                if name not in listed:
                    changed = True
                    self._forget(fid)
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise
        self.rows = self._rows() if changed else known

    def _rows(self) -> dict[str, tuple[Any, ...]]:
        """What the cache holds of each file: (id, size, mtime, slug, messages) by path."""
        return {
            path: (fid, size, mtime, slug, messages)
            for fid, path, size, mtime, slug, messages in self.db.execute(
                "SELECT id, path, size, mtime, slug, messages FROM file"
            )
        }

    def _forget(self, fid: int) -> None:
        held = self.db.execute("SELECT texts FROM held WHERE id = ?", (fid,)).fetchone()
        self.db.execute("DELETE FROM file WHERE id = ?", (fid,))
        self.db.execute("DELETE FROM held WHERE id = ?", (fid,))
        if held is not None:
            searchindex.remove(self.db, FIRST_ROW + fid, json.loads(held[0]))

    def entries(self) -> tuple[Entries, dict[str, str]]:
        """The user's careers by slug (the first file of a slug wins) and the file of each. The
        warnings of every file, on every run, go to the catalog's warnings; rows that must not be
        found (a bundled career the user's replaces, a slug given twice) go to ``hidden``."""
        found: dict[str, int] = {}
        where: dict[str, str] = {}
        for _, files, problems in self.folders:
            self.warnings.extend(problems)
            for path in files:
                row = self.rows.get(path)
                if row is None:
                    continue
                fid, _, _, slug, messages = row
                if messages != "[]":
                    self.warnings.extend(json.loads(messages))
                if slug is None:
                    continue
                if slug in found:
                    self.warnings.append(f"{path}: slug {slug!r} already comes from {where[slug]}; this one is ignored")
                    self.hidden.add(FIRST_ROW + fid)
                    continue
                found[slug] = fid
                where[slug] = path
        slugs = list(found)
        for start in range(0, len(slugs), 900):  # within the parameters any SQLite allows a statement
            part = slugs[start : start + 900]
            self.hidden |= {
                r
                for (r,) in self.db.execute(
                    f"SELECT id FROM career WHERE slug IN ({','.join('?' * len(part))}) AND id < {FIRST_ROW}", part
                )
            }
        return Entries(self.db, found), where
