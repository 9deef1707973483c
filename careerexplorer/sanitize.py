"""The one sanitizer: every way text from data or from a person leaves the program goes through here.

Profile folders may come from someone else (see docs/threat-model.md), so any string they hold is
treated as hostile: control characters of every class (C0, C1, DEL, and with them escape
sequences), bidi overrides and isolates, zero-width characters and line separators are made
visible as ``\\xNN`` / ``\\uNNNN`` in every output, and each format adds what it needs:
Markdown escapes its markup, a CSV cell cannot start a formula, JSON is pure ASCII, and a URL is
a link only when nothing in it can break out of one.

Standard library only, and nothing from the package: every other module may import it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["csv_cell", "json_dumps", "line", "markdown", "message", "text", "url"]

# Categories made visible: controls (Cc: C0, DEL, C1 with NEL), format characters (Cf: bidi
# overrides, isolates and marks, zero-width spaces and joiners, BOM, soft hyphen, tag
# characters), line and paragraph separators (Zl, Zp) and lone surrogates (Cs, from undecodable
# command-line bytes). Other non-printable characters (spaces, private use, unassigned) are inert.
_VISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def _visible(ch: str) -> str:
    n = ord(ch)
    if n < 0x100:
        return f"\\x{n:02x}"
    if n < 0x10000:
        return f"\\u{n:04x}"
    return f"\\U{n:08x}"


def text(value: Any, newlines: bool = True) -> str:
    """Text for a terminal or a plain-text file: every control made visible.

    With ``newlines`` a line feed and a tab are kept (a paragraph may have them); without, they
    are shown as ``\\x0a`` and ``\\x09`` too, so the result stays on one line.
    """
    s = value if isinstance(value, str) else str(value)
    if s.isprintable():  # the common case: nothing to do, and cheap to find out
        return s
    import unicodedata  # only for text that needs it: every command's start-up counts

    out: list[str] = []
    for ch in s:
        if ch.isprintable() or (newlines and ch in "\n\t"):
            out.append(ch)
        elif unicodedata.category(ch) in _VISIBLE_CATEGORIES:
            out.append(_visible(ch))
        else:
            out.append(ch)
    return "".join(out)


def line(value: Any) -> str:
    """One line of terminal text: ``text`` with newlines and tabs made visible too."""
    return text(value, newlines=False)


MESSAGE_LIMIT = 2000  # a 100,000-character query is not echoed back whole


def message(value: Any, limit: int = MESSAGE_LIMIT) -> str:
    """A message for stderr (a warning, an error, a file name, a key, a folder from the
    environment): one line, whatever the value holds, and at most ``limit`` characters."""
    s = text(value, newlines=False)
    if len(s) > limit:
        s = s[: limit - 40] + f"... ({len(s) - limit + 40:,} more characters)"
    return s


# Every ASCII character CommonMark (and GitHub's extensions) can read as markup anywhere in a
# line. The backslash comes first so that the escapes added for the others stay escapes.
# Patterns are compiled on first use (re caches them): most commands never need them, and
# compiling costs start-up time.
_MD_INLINE = r"([\\`*_\[\]<>#|!~&()@{}])"
# At the start of a line: block markers (lists, quotes, headings, thematic breaks, setext
# underlines, ordered lists).
_MD_LINE_START = r"^(\s*)([-+=>.:]|\d+[.)])"
# Bare addresses that GitHub-flavoured renderers would turn into links by themselves.
_MD_AUTOLINK = r"(?i)(://|www\.)"


def markdown(value: Any) -> str:
    """Text inside a Markdown document: one line, no markup, no links, no HTML, no controls."""
    s = text(value, newlines=False).replace("\\x0a", " ").replace("\\x09", " ")
    s = re.sub(_MD_INLINE, r"\\\1", s)
    s = re.sub(_MD_AUTOLINK, lambda m: "\\:" + m.group()[1:] if m.group().startswith(":") else "www\\.", s)
    return re.sub(_MD_LINE_START, lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], s)


_FORMULA_START = ("=", "+", "-", "@")


def csv_cell(value: Any) -> Any:
    """A spreadsheet cell: controls made visible, and a string that a spreadsheet would read as a
    formula (=, +, -, @, even after leading spaces, tabs or line breaks, or a leading tab or CR)
    starts with an apostrophe. Numbers stay numbers; None is an empty cell."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    s = text(value)
    if s[:1] in ("\t", "\r") or s.lstrip(" \t\r\n")[:1] in _FORMULA_START:
        return "'" + s
    return s


def json_dumps(data: Any, indent: int | None = 2) -> str:
    """JSON that is exact under any output encoding: pure ASCII, with C1, DEL, bidi and every other
    non-ASCII character escaped as \\uXXXX; NaN and infinity are refused (they are not JSON)."""
    # ensure_ascii escapes everything above 0x7f and below 0x20; DEL is the one ASCII control
    # left, and it can only occur inside a string, where \u007f means the same.
    import json

    return json.dumps(data, indent=indent, ensure_ascii=True, allow_nan=False).replace("\x7f", "\\u007f")


_URL = r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s<>\"`\[\]()\\]*)?"


def url(value: Any) -> str | None:
    """The address itself when it is safe to show as a link (http or https, printable ASCII, none
    of space < > " ` [ ] ( ) or backslash, which could end a link and start another); None
    otherwise, and the caller shows it as text."""
    if not isinstance(value, str) or not value.isascii() or not value.isprintable():
        return None
    return value if re.fullmatch(_URL, value, re.ASCII) else None
