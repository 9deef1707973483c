"""The bundled data files (``search.db``, ``wages.db``, ``index.json``, ``lookup.json``,
``clusters.json``): opened read-only, checked cheaply when opened, and a damaged one named in one
line that says how to repair it.

The checks cost nothing a command would not pay anyway: an SQLite file's list of tables (read with
its first statement), the shape of a JSON document. A damaged page further in shows only when it is
read, so the modules that query a database turn ``sqlite3.DatabaseError`` into ``damaged(...)``
there (``reads``), rather than checking every page on every start.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from careerexplorer.errors import DataError

if TYPE_CHECKING:
    import sqlite3

REINSTALL = "reinstall careers"


def uri(path: str | Path, **params: str) -> str:
    """An SQLite ``file:`` URI for a path: every byte that a URI reads as more than a name ('#',
    '%', '?', spaces, bytes that are not UTF-8) is percent-escaped, and the empty authority keeps a
    path that starts with '//' a path."""
    name = quote(os.fsencode(os.path.abspath(path)))
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file://{name}" + (f"?{query}" if query else "")


def damaged(path: str | Path, what: str, detail: object) -> DataError:
    """The one line for a bundled file that cannot be used."""
    return DataError(f"{path}: the bundled {what} is damaged ({detail}); {REINSTALL}")


@functools.cache
def _connection_class() -> type[sqlite3.Connection]:
    """A connection that knows its file and what it holds; made on first use, so that a command
    that opens no database (``show``) never imports sqlite3."""
    import sqlite3

    class Bundled(sqlite3.Connection):
        path: Path
        what: str

    return Bundled


def open_db(path: Path, what: str, tables: tuple[str, ...], immutable: bool = False) -> sqlite3.Connection:
    """A bundled database, read-only, with the tables it must have (a missing one is damage)."""
    import sqlite3

    if not os.path.isfile(path):
        raise DataError(f"{path}: the bundled {what} is missing; {REINSTALL}")
    db: Any = None
    try:
        params = {"mode": "ro", **({"immutable": "1"} if immutable else {})}
        db = sqlite3.connect(uri(path, **params), uri=True, factory=_connection_class())
        found = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        if db is not None:
            db.close()
        raise damaged(path, what, exc) from None
    missing = [t for t in tables if t not in found]
    if missing:
        db.close()
        raise damaged(path, what, f"it has no table {missing[0]!r}")
    db.path, db.what = path, what
    return db  # type: ignore[no-any-return]


F = TypeVar("F", bound=Callable[..., Any])


def reads(fn: F) -> F:
    """For a function whose first argument is a bundled database: a damaged page, found where it
    is read, becomes the one line naming the file."""

    @functools.wraps(fn)
    def wrapper(db: sqlite3.Connection, *args: Any, **kwargs: Any) -> Any:
        import sqlite3

        try:
            return fn(db, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise damaged(getattr(db, "path", "?"), getattr(db, "what", "database"), exc) from None

    return wrapper  # type: ignore[return-value]


def read_json(path: Path, what: str) -> Any:
    """A bundled JSON document; whether it has the right shape is the caller's to check."""
    import json

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: the bundled {what} is missing; {REINSTALL}") from None
    except OSError as exc:
        raise DataError(f"{path}: the bundled {what} cannot be read ({exc.strerror or exc}); {REINSTALL}") from None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise damaged(path, what, f"not JSON: {exc}") from None
