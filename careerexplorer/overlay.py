"""Overlays: a profile with ``extends`` adds to a career instead of replacing it.

An overlay names the career it extends (a bundled one, or one in the user's folders) and holds only
what it adds. Merged, its plain values and whole tables (``[wages]``, ``[outlook]``...) take the
place of the extended career's; its arrays (programs, insider interviews, certifications, websites,
courses, notes...) are added after the extended career's, unless it names them in ``replace``. A
table is never merged key by key: figures from two sources must not be mixed on one line.

Where the extended career comes from: the user's folders after the overlay's own (its own folder
too, for another slug), then the bundled data, the order in which folders win (``--data-dir``, then
``CAREERS_PATH``). This module knows nothing of files: careerexplorer.catalog reads them and hands
the documents over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from careerexplorer.errors import CareerError
from careerexplorer.schema import ARRAY_KEYS, PROFILE_FIELDS, check

OWN_KEYS = ("slug", "extends", "replace")  # an overlay's own keys, never part of the career
# How a few arrays are counted in a report (one, several); any other array is named by its key.
NOUNS = {
    "programs": ("program", "programs"),
    "insider": ("insider interview", "insider interviews"),
    "certifications": ("certification", "certifications"),
    "resources": ("website", "websites"),
    "courses": ("course", "courses"),
    "additional_info": ("note", "notes"),
    "also_called": ("other title", "other titles"),
    "search_titles": ("search title", "search titles"),
    "sources": ("source", "sources"),
}
# What a replacing profile drops of a bundled career, named as people know the sections.
SECTIONS = {
    "wages": "wages",
    "outlook": "outlook",
    "education": "education",
    "education_survey": "education survey",
    "job_zone": "job zone",
    "bright_outlook": "Bright Outlook",
    "interests": "interests",
    "courses": "courses",
    "subjects": "subjects",
    "programs": "programs",
    "insider": "insider interviews",
    "certifications": "certifications",
    "resources": "websites",
    "additional_info": "additional information",
    "education_note": "education note",
    "requirements_note": "requirements note",
    "related": "related careers",
    "leads": "where it leads",
    "skills": "skills",
    "knowledge": "knowledge",
    "technology": "technology",
}


class Checked(Protocol):
    """What careerexplorer.catalog.check_file returns, as far as this module reads it."""

    errors: list[Any]
    doc: dict[str, Any] | None
    path: Path


class Layers:
    """The folders careers come from, the first winning, then the bundled data folder."""

    def __init__(self, folders: Sequence[Path], data_dir: Path) -> None:
        self.folders = list(folders)
        self.data_dir = data_dir

    def base(self, slug: str, own: Path) -> Path | None:
        """The file of the career ``slug`` an overlay at ``own`` extends: the first in the folders
        from the overlay's own on (all of them when it is in none), then the bundled one."""
        start = next((i for i, f in enumerate(self.folders) if own in (f, f / own.name)), 0)
        for folder in self.folders[start:]:
            candidate = folder if folder.suffix == ".toml" else folder / f"{slug}.toml"
            if candidate.stem == slug and candidate != own and _is_file(candidate):
                return candidate
        bundled = self.data_dir / "careers" / f"{slug}.toml"
        return bundled if _is_file(bundled) else None


# careerexplorer.usercache's warning for a second file of a slug; one an overlay builds on is not ignored.
_SHADOWED = re.compile(r"^(?P<path>.*): slug '(?P<slug>[^']*)' already comes from (?P<winner>.*); this one is ignored$")


def drop_built_on(warnings: list[str], layers: Layers, read: Callable[[Path], dict[str, Any]]) -> None:
    """Take out the warnings that a file is ignored because an earlier folder has its slug, where
    the earlier file is an overlay that extends that very file: it is built on, not ignored."""
    for warning in list(warnings):
        m = _SHADOWED.match(warning)
        if m is None:
            continue
        winner, shadowed = Path(m["winner"]), Path(m["path"])
        try:
            extends = read(winner).get("extends")
        except CareerError:
            continue
        if extends == m["slug"] and layers.base(m["slug"], winner) == shadowed:
            warnings.remove(warning)


def extend(
    doc: dict[str, Any],
    path: Path,
    layers: Layers,
    check_base: Callable[[Path], Checked],
    cluster_problem: Callable[[str, str], tuple[str, str] | None],
) -> tuple[dict[str, Any], list[tuple[str, str]], list[str]]:
    """An overlay's document merged into the career it extends: (merged document, errors, report).

    ``check_base`` validates the extended career's file (itself perhaps an overlay); errors are
    (key path, message) pairs, the report says what the overlay adds, sets and replaces.
    """
    wanted = doc["extends"]
    found = layers.base(wanted, path)
    if found is None:
        return doc, [("extends", f"no career {wanted!r} to extend: it is neither bundled nor in your folders")], []
    base = check_base(found)
    if base.errors or base.doc is None:
        why = "it extends this file in turn" if not base.errors and base.doc is None else "it has problems"
        return doc, [("extends", f"{found} cannot be extended: {why}; run 'careers validate {found}'")], []
    merged, report = merge(base.doc, doc)
    folder = path.parent if path.suffix == ".toml" else path
    where = "bundled" if found.parent == layers.data_dir / "careers" else str(found.parent)
    line = f"{folder}: " + "; ".join(report) if report else ""
    if line:
        merged["sources"] = [*merged.get("sources", []), line]
    errors = [(k, f"{m} (in the career as extended)") for k, m in check(merged)[0]]
    if not errors:
        problem = cluster_problem(merged["cluster"], merged["pathway"])
        if problem:
            errors.append(problem)
    return merged, errors, [f"extends {wanted} ({where}): " + ("; ".join(report) or "adds nothing yet")]


def merge(base: dict[str, Any], overlay: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The career ``base`` with ``overlay`` added, and a report of what it adds, sets and replaces."""
    replace = set(overlay.get("replace", ()))
    out = {k: v for k, v in base.items() if k not in OWN_KEYS}
    added: list[str] = []
    changed: list[str] = []
    for key, value in overlay.items():
        if key in OWN_KEYS or key not in PROFILE_FIELDS:
            continue  # an unknown key is the validator's warning, not part of the career
        if key in ARRAY_KEYS and key not in replace:
            old = list(out.get(key, ()))
            new = [v for v in value if v not in old]  # a line copied from the career is not added twice
            out[key] = old + new
            if new:
                added.append(_count(key, len(new)))
        else:
            if key in replace:
                changed.append(f"replaces {key}")
            elif key in base and base[key] != value:
                changed.append(f"sets {key}")
            elif key not in base:
                added.append(key)
            out[key] = value
    for key in sorted(replace - set(overlay)):
        if out.pop(key, None) is not None:
            changed.append(f"removes {key}")
    out["slug"] = overlay["slug"]
    if out["slug"] != base.get("slug"):
        out.pop("former_slugs", None)  # the old names belong to the career it extends
    report = (["adds " + ", ".join(added)] if added else []) + changed
    return out, report


def dropped(base: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    """What a profile that replaces ``base`` without extending it leaves out of the published career."""
    return [name for key, name in SECTIONS.items() if base.get(key) not in (None, [], {}) and key not in doc]


def _count(key: str, n: int) -> str:
    one, many = NOUNS.get(key, (f"{key} item", f"{key} items"))
    return f"{n} {one if n == 1 else many}"


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


__all__ = ["Layers", "dropped", "extend", "merge", "OWN_KEYS"]
