"""One emitter for every command: a result in, a terminal page, plain text, JSON, Markdown or CSV out.

The terminal view of each kind of result is imported only when that result is shown, so that
`show --json` never loads the layout engine and `list` never loads the career page.
"""

from __future__ import annotations

import importlib
import os
import sys
from enum import StrEnum
from typing import IO, Any

from rich.console import Console

from careerexplorer.errors import UsageError
from careerexplorer.results import Result

MIN_WIDTH, MAX_WIDTH = 20, 500  # a terminal narrower or wider than this gets this


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    toml = "toml"  # show only: the career as a profile file


# The terminal view of each command's result: (module, function).
VIEWS = {
    "show": ("careerexplorer.views.career", "show_page"),
    "compare": ("careerexplorer.views.compare", "compare_page"),
    "search": ("careerexplorer.views.lists", "search_page"),
    "list": ("careerexplorer.views.lists", "list_page"),
    "shortlist": ("careerexplorer.views.lists", "list_page"),
    "match": ("careerexplorer.views.lists", "match_page"),
    "clusters": ("careerexplorer.views.lists", "clusters_page"),
    "about": ("careerexplorer.views.about", "about_page"),
    "validate": ("careerexplorer.views.about", "validation_page"),
    "wages": ("careerexplorer.views.wages", "wages_page"),
    "next": ("careerexplorer.views.leads", "leads_page"),
}


UNBOUNDED = ("list", "shortlist")  # views that take width 0 as "no bound"


class Output:
    """Where output goes and what it can show: colour only on a terminal that wants it, a width
    within reason, ASCII where the encoding has nothing better. Tests pass their own stream."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdout
        self.console = Console(file=self.stream, highlight=False, emoji=False, markup=False)

    @property
    def width(self) -> int:
        return min(MAX_WIDTH, max(MIN_WIDTH, self.console.width))

    @property
    def ascii_only(self) -> bool:
        return self.console.options.ascii_only

    @property
    def styled(self) -> bool:
        return self.console.is_terminal and not self.console.no_color

    def write(self, text: str) -> None:
        self.stream.write(text)

    def page(self, page: Any) -> None:
        """A laid-out page (a Text) or plain lines: styled on a colour terminal, plain otherwise."""
        if isinstance(page, list):
            if self.styled and page:
                from careerexplorer.views.lists import styled_lines

                self.console.print(styled_lines(page))
            else:
                self.write("\n".join(page) + "\n")
        elif self.styled:
            self.console.print(page)
        else:
            self.write(page.plain + "\n")


def emit(result: Result, fmt: Format, out: Output) -> None:
    """Print a command's result in the chosen format."""
    if fmt is Format.toml:
        from careerexplorer.results import CareerPage
        from careerexplorer.tomlwrite import profile_text

        if not isinstance(result, CareerPage):
            raise UsageError("--format toml prints one career as a profile file; it is for show only")
        out.write(profile_text(result.profile))
    elif fmt is Format.json:
        from careerexplorer.export import dumps, envelope

        out.write(dumps(envelope(result)))
    elif fmt is Format.csv:
        from careerexplorer.export import csv_text

        out.write(csv_text(result))
    elif fmt is Format.markdown:
        from careerexplorer.export import markdown

        out.write(markdown(result))
    else:
        module, name = VIEWS[result.command]
        view = getattr(importlib.import_module(module), name)
        # A list into a file or a pipe is as wide as its lines, titles whole, unless COLUMNS says
        # how wide (as it does for every other page).
        unbounded = result.command in UNBOUNDED and not out.console.is_terminal and "COLUMNS" not in os.environ
        width = 0 if unbounded else out.width
        out.page(view(result, width, out.ascii_only))
