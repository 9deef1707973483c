"""Print every table of a SQLite database, rows sorted: a canonical text to compare two builds.

    python -m tools.dbdump data/wages.db

Two builds with the same content can differ in bytes under different SQLite versions; the
rebuild check (.ci/run) compares this dump for *.db files and the bytes of everything else.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path


def dump(path: Path) -> Iterator[str]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for name in tables:
            (schema,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            yield schema
            rows = db.execute(f'SELECT * FROM "{name}"').fetchall()
            for row in sorted(rows, key=repr):
                yield repr(row)
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_file():
        print("usage: python -m tools.dbdump FILE.db", file=sys.stderr)
        return 2
    for line in dump(Path(args[0])):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
