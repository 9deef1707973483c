"""The shortlist: careers a person is weighing, kept in their application folder between runs.

Writes are atomic (a temporary file, then a rename), so a crash mid-write leaves the old list.
A file we cannot read is reported with its path and left as it is for the person to fix.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from careerexplorer.errors import CareerError

FILE_NAME = "shortlist.json"
VERSION = 1


class ShortlistError(CareerError):
    pass


def default_path() -> Path:
    import typer

    return Path(typer.get_app_dir("careers")) / FILE_NAME


def read(path: Path) -> list[str]:
    """The slugs on the shortlist, in the order they were added; empty when there is no file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ShortlistError(f"{path}: the shortlist cannot be read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw)
    except ValueError:
        raise ShortlistError(f"{path}: the shortlist is not valid JSON; fix it or delete the file") from None
    careers = doc.get("careers") if isinstance(doc, dict) else None
    if not isinstance(careers, list) or not all(isinstance(s, str) for s in careers):
        raise ShortlistError(f"{path}: the shortlist has no list of careers; fix it or delete the file")
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


def add(path: Path, slugs: list[str]) -> tuple[list[str], list[str]]:
    """Add careers; returns (the new list, those that were added rather than already there)."""
    current = read(path)
    added = [s for s in dict.fromkeys(slugs) if s not in current]
    if added:
        write(path, current + added)
    return current + added, added


def remove(path: Path, slugs: list[str]) -> tuple[list[str], list[str]]:
    current = read(path)
    removed = [s for s in current if s in slugs]
    if removed:
        write(path, [s for s in current if s not in slugs])
    return [s for s in current if s not in slugs], removed


def clear(path: Path) -> int:
    current = read(path)
    if current:
        write(path, [])
    return len(current)
