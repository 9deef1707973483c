"""The one way text reaches the explorer's screen: `shown` for widgets, `tell` for toasts.

Textual reads a plain string given to a widget, a list option or a toast as markup: in a profile's
title, ``[@click=app.screenshot(...)]`` would become an action, ``[link=...]`` a hyperlink and
``[/]`` a crash, and "[RN]" would vanish. A Rich ``Text`` is never read as markup, so every string
from data, from a person or from an error becomes a ``Text`` here, with its controls (escape
sequences such as OSC 52, C1 codes, bidi overrides) made visible by `careerexplorer.sanitize`.
`tests/test_explore_text.py` reads the explorer's source to check that nothing goes round these two.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.notifications import SeverityLevel

from careerexplorer import sanitize

Part = str | Text | tuple[str, str]

TOAST_LIMIT = 600  # characters of a toast's message: a 100,000-character name is not shown whole


def shown(*parts: Part, style: str = "", lines: bool = False) -> Text:
    """Text for the screen: each part a string, a (string, style) pair, or a Text made here.

    Strings are one line, every control made visible; with ``lines`` a newline and a tab stay.
    """
    clean = sanitize.text if lines else sanitize.line
    made = Text(style=style)
    for part in parts:
        if isinstance(part, Text):
            made.append_text(part)
        elif isinstance(part, tuple):
            made.append(clean(part[0]), part[1])
        else:
            made.append(clean(part))
    return made


def tell(
    app: Any, *parts: Part, title: str = "", severity: SeverityLevel = "information", timeout: float | None = None
) -> None:
    """A toast: the message as `shown` makes it, never read as markup, at most TOAST_LIMIT characters."""
    message = shown(*parts, lines=True).plain
    if len(message) > TOAST_LIMIT:
        message = message[: TOAST_LIMIT - 40] + f"... ({len(message) - TOAST_LIMIT + 40:,} more characters)"
    app.notify(message, title=shown(title).plain, severity=severity, timeout=timeout, markup=False)


__all__ = ["shown", "tell"]
