"""A small TOML writer for profile documents: deterministic, so re-imports give identical files, and
`careers show -f toml` prints a career as the profile file it would be.

Why not tomli-w: it decides per array whether an array of tables is written as `[[programs]]`
sections or as one inline array of `{ ... }` tables, by whether every table fits in 100
characters. The same editorial section (programs with notes, insider, certifications, related
careers) would then look different from one profile to the next, and change shape when a note
is added. People edit these files by hand, so every array of tables here is always `[[...]]`
sections, after the scalars and tables, in the document's key order.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerexplorer.model import Profile

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else _string(name)


def _string(value: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped too in TOML.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    raise TypeError(f"cannot write {type(value).__name__} as a TOML scalar")


def _value(value: Any, indent: str = "") -> str:
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [_scalar(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 88 and not indent:
            return one_line
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    return _scalar(value)


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dumps(doc: dict[str, Any]) -> str:
    """Scalars and arrays first, then tables, then arrays of tables, each in the given key order."""
    lines: list[str] = []
    plain = {k: v for k, v in doc.items() if not isinstance(v, dict) and not _is_tables(v)}
    tables = {k: v for k, v in doc.items() if isinstance(v, dict)}
    arrays = {k: v for k, v in doc.items() if _is_tables(v)}
    for key, value in plain.items():
        lines.append(f"{_key(key)} = {_value(value)}")
    for key, table in tables.items():
        lines.append("")
        lines.append(f"[{_key(key)}]")
        for sub, value in table.items():
            lines.append(f"{_key(sub)} = {_value(value)}")
    for key, items in arrays.items():
        for item in items:
            lines.append("")
            lines.append(f"[[{_key(key)}]]")
            for sub, value in item.items():
                lines.append(f"{_key(sub)} = {_value(value)}")
    return "\n".join(lines) + "\n"


# Flags a profile file carries only where they differ from their default, as the importer writes them.
LEFT_OUT = {
    ("programs", "later"): False,
    ("education_survey", "suppressed"): False,
    ("leads", "new_degree"): False,
    ("entry_route", "experience_step"): True,
    ("entry_route", "training_step"): True,
}


def profile_text(profile: Profile) -> str:
    """A career as a valid profile file: every field the page shows, in the format's key order."""
    from careerexplorer.schema import PROFILE_FIELDS

    doc = profile.to_dict()
    for table in ("outlook", "education"):  # labels are derived from the figures, not part of the format
        if isinstance(doc.get(table), dict):
            doc[table].pop("label", None)
            doc[table].pop("ours", None)
    for (table, flag), default in LEFT_OUT.items():
        items = doc.get(table) or []
        for item in [items] if isinstance(items, dict) else items:
            if item.get(flag) is default:
                del item[flag]
    kept = {k: doc[k] for k in PROFILE_FIELDS if doc.get(k) not in (None, [], {}, "")}
    head = (
        f"# {one_line(profile.title)}, as `careers show -f toml` prints it: a complete profile.\n"
        "# In a folder of yours it replaces the career; `careers new SLUG` starts an overlay that\n"
        "# adds to it instead. Check a folder with `careers validate FOLDER`.\n\n"
    )
    return head + dumps(kept)


def one_line(text: str) -> str:
    """Text for a comment: one line, no control characters."""
    return "".join(ch if ch.isprintable() else " " for ch in text)
