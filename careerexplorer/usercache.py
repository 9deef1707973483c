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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerexplorer import searchindex
from careerexplorer.errors import DataError

if TYPE_CHECKING:
    from careerexplorer.index import Entry

Check = Callable[[Path], Any]  # a path in, careerexplorer.catalog.Checked out

CACHE_VERSION = 1
FIRST_ROW = 1_000_000  # rows of the user's careers start here, after the bundled ones
TABLES = """
CREATE TABLE file(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER, mtime INTEGER,
    slug TEXT, entry TEXT, messages TEXT NOT NULL, texts TEXT
);
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


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class UserCache:
    """The cached profiles of the user's folders (in the order given), refreshed on creation."""

    def __init__(
        self, folders: Sequence[tuple[Path, list[Path], list[str]]], check: Check, bundled: Path, warnings: list[str]
    ) -> None:
        """``folders``: each folder with its profile files and what was wrong with the folder itself;
        ``check`` validates one file (careerexplorer.catalog.check_file)."""
        self.folders = folders
        self.check = check
        self.warnings = warnings
        self.hidden: set[int] = set()
        self.files = [path for _, files, _ in folders for path in files]
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
        from careerexplorer.index import entry_for

        known = {
            path: (fid, size, mtime, texts)
            for fid, path, size, mtime, texts in self.db.execute("SELECT id, path, size, mtime, texts FROM file")
        }
        listed = {str(p) for p in self.files}
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for path in self.files:
                name = str(path)
                signature = _signature(path)
                old = known.get(name)
                if old and signature and (old[1], old[2]) == signature:
                    continue
                if old:
                    self._forget(old[0], old[3])
                checked = self.check(path)
                messages = [str(w) for w in checked.warnings]
                if checked.errors:
                    more = len(checked.errors) - 1
                    extra = f" (and {more} more; run 'careers validate {path}')" if more else ""
                    messages = [f"skipped {checked.errors[0]}{extra}"]
                p = checked.profile
                doc = searchindex.document(p, jobs=(p.wages.employment if p.wages else None) or 0) if p else None
                size, mtime = signature or (None, None)
                cur = self.db.execute(
                    "INSERT INTO file(path, size, mtime, slug, entry, messages, texts) VALUES (?,?,?,?,?,?,?)",
                    (
                        name,
                        size,
                        mtime,
                        p.slug if p else None,
                        json.dumps(entry_for(p)) if p else None,
                        json.dumps(messages),
                        json.dumps(searchindex.columns(doc)) if doc else None,
                    ),
                )
                if doc is not None and cur.lastrowid is not None:
                    words = searchindex.insert(self.db, FIRST_ROW + cur.lastrowid, doc)
                    self.db.executemany("INSERT OR IGNORE INTO word VALUES (?)", ((w,) for w in sorted(words)))
            for name, (fid, _, _, texts) in known.items():
                if name not in listed:
                    self._forget(fid, texts)
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    def _forget(self, fid: int, texts: str | None) -> None:
        self.db.execute("DELETE FROM file WHERE id = ?", (fid,))
        if texts is not None:
            searchindex.remove(self.db, FIRST_ROW + fid, json.loads(texts))

    def entries(self) -> tuple[dict[str, Entry], dict[str, Path]]:
        """The user's careers by slug (the first file of a slug wins) and the file of each. The
        warnings of every file, on every run, go to the catalog's warnings; rows that must not be
        found (a bundled career the user's replaces, a slug given twice) go to ``hidden``."""
        rows = {
            path: (fid, slug, entry, messages)
            for fid, path, slug, entry, messages in self.db.execute("SELECT id, path, slug, entry, messages FROM file")
        }
        found: dict[str, Entry] = {}
        where: dict[str, Path] = {}
        for _, files, problems in self.folders:
            self.warnings.extend(problems)
            for path in files:
                row = rows.get(str(path))
                if row is None:
                    continue
                fid, slug, entry, messages = row
                self.warnings.extend(json.loads(messages))
                if slug is None:
                    continue
                if slug in found:
                    self.warnings.append(f"{path}: slug {slug!r} already comes from {where[slug]}; this one is ignored")
                    self.hidden.add(FIRST_ROW + fid)
                    continue
                found[slug] = json.loads(entry)
                where[slug] = path
        if found:
            marks = ",".join("?" * len(found))
            self.hidden |= {
                r
                for (r,) in self.db.execute(
                    f"SELECT id FROM career WHERE id < {FIRST_ROW} AND slug IN ({marks})", list(found)
                )
            }
        return found, where
