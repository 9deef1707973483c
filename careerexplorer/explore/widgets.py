"""The explorer's own widgets: the results list (drawn line by line), a page laid out at its width."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from careerexplorer.errors import CareerError
from careerexplorer.explore.screentext import shown, tell
from careerexplorer.explore.session import Row, Session

ASCII_ONLY = not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf")

# The last two keys of every full screen's footer.
HELP_AND_QUIT: list[BindingType] = [
    Binding("question_mark", "app.help", "Help", key_display="?"),
    Binding("q", "app.quit", "Quit"),
]
# How a key that has no place in the footer is described where every binding is listed.
KEY_NAMES = {"down": "Down", "up": "Up", "pagedown": "Page down", "pageup": "Page up", "home": "First", "end": "Last"}


class WithSession:
    """A screen of the explorer that works on its session (mixed in before the Screen class)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


def hidden(**actions: str) -> list[BindingType]:
    """Bindings that work without a place in the footer, given as key=action."""
    return [Binding(key, action, KEY_NAMES[key], show=False) for key, action in actions.items()]


HELP = """\
Search       type words: a title, another name, a certification, a subject.
             Down and Up move in the results, Enter opens a career, Tab or Esc
             moves to the results, where single keys work; / goes back to typing.
Results      s  add to (or take off) the shortlist     c  compare the shortlist
             f  filters (cluster, pathway, education, outlook, pay, Bright Outlook)
             o  order: relevance, title, salary, growth, openings
             w  wages for a state, or the U.S.         i  the interest quiz
A career     Up, Down, PgUp, PgDn scroll; l moves to the linked careers (Enter opens
             one here); Esc or Backspace goes back; s, c and w as above.
Compare      the first four careers of your shortlist, side by side.
Quiz         y would enjoy it, m not sure, n would not; Backspace undoes one.
Anywhere     ? or F1 this help     q or Ctrl-C quit (Ctrl-C also while typing)
"""


class PageText(Widget):
    """A page (Rich Text made for a width) laid out again whenever the width changes."""

    DEFAULT_CSS = "PageText { height: auto; }"

    def __init__(self, make: Callable[[int], Text], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.make = make
        self._made: dict[int, Text] = {}

    def text(self, width: int) -> Text:
        width = max(20, width)
        if width not in self._made:
            self._made = {width: self.make(width)}
        return self._made[width]

    def show(self, make: Callable[[int], Text]) -> None:
        self.make, self._made = make, {}
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.text(width).plain.split("\n"))

    def render(self) -> Text:
        return self.text(self.content_size.width)


def row_prompt(row: Row, width: int, marked: bool) -> Text:
    """One results line: title, AVG. SALARY, education, outlook, in columns that fit the width."""
    education, outlook = 22, 19
    room = max(12, width - 2 - 12 - education - outlook)
    name = shown((row.title, "bold"))
    name.truncate(room, overflow="ellipsis", pad=True)
    return shown(  # the marker's style is the whole line's
        "* " if marked else "  ",
        name,
        (f"{row.salary:>11} ", "green"),
        f"{row.education[: education - 1]:<{education}}",
        row.outlook[:outlook],
        style="bold yellow",
    )


def column_heads(width: int) -> Text:
    education, outlook = 22, 19
    room = max(12, width - 2 - 12 - education - outlook)
    return shown(
        f"  {'Career':<{room}}{'AVG. SALARY':>11} {'Education':<{education}}{'Outlook':<{outlook}}"[:width],
        style="bold",
    )


def toggle_shortlist(app: App[Any], session: Session, slug: str, title: str) -> None:
    try:
        added = session.toggle_shortlist(slug)
    except CareerError as exc:
        tell(app, str(exc), severity="error")
        return
    tell(app, title, f": {'added to' if added else 'taken off'} your shortlist")


class ResultsView(ScrollView, can_focus=True):
    """The results: one line a career, drawn only where it is on screen, so that a list of every
    career costs no more to show, or to replace on a keystroke, than a list of ten."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open"),
        Binding("slash", "screen.focus_query", "Search", key_display="/"),
        *hidden(down="move(1)", up="move(-1)", pagedown="page(1)", pageup="page(-1)"),
        *hidden(home="move(-1000000)", end="move(1000000)"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"results--cursor"}
    DEFAULT_CSS = """
    ResultsView { height: 1fr; }
    ResultsView > .results--cursor { background: $block-cursor-blurred-background; text-style: bold; }
    ResultsView:focus > .results--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        pass

    class Selected(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: tuple[Row, ...] = ()
        self.marked: set[str] = set()
        self._drawn: dict[tuple[str, str, str, str, int, bool, bool], Strip] = {}
        self._styles_made: tuple[Style, Style] | None = None

    def show(self, rows: tuple[Row, ...], marked: set[str], keep: bool) -> None:
        before = self._on_screen()
        self.rows, self.marked = rows, marked
        laid_out = self._resize_list(len(rows))
        self.set_reactive(ResultsView.cursor, min(self.cursor, len(rows) - 1) if keep and rows else 0)
        if not keep:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._keep_cursor_visible()
        if laid_out:
            self.refresh()
        else:
            self._refresh_changed(before)
        self.post_message(self.Highlighted())

    def _resize_list(self, length: int) -> bool:
        """The list's new length; True when the screen is to be laid out again for it."""
        size = Size(self.scrollable_content_region.width, length)
        height = self.scrollable_content_region.height
        if size.width != self.virtual_size.width or (length > height) != (self.virtual_size.height > height):
            self.virtual_size = size  # the scroll bar comes or goes: the screen is laid out again
            return True
        # Otherwise only the scroll bar's thumb changes, without laying the screen out again.
        self.set_reactive(ResultsView.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = length
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        return False

    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def watch_cursor(self, before: int) -> None:
        self._keep_cursor_visible()
        top = round(self.scroll_y)
        for index in (before, self.cursor):  # a scroll, if there was one, has redrawn it all
            self.refresh(Region(0, index - top, self.size.width, 1))
        self.post_message(self.Highlighted())

    def _line(self, index: int) -> tuple[str, str, str, str, bool, bool] | None:
        """What line `index` of the list shows (the reason for a match is shown elsewhere)."""
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return row.title, row.salary, row.education, row.outlook, row.slug in self.marked, index == self.cursor

    def _on_screen(self) -> list[tuple[str, str, str, str, bool, bool] | None]:
        top = round(self.scroll_y)
        return [self._line(top + y) for y in range(self.size.height)]

    def _refresh_changed(self, before: list[tuple[str, str, str, str, bool, bool] | None]) -> None:
        # Only the lines that now show something else are drawn again: a keystroke that keeps the first
        # careers where they were costs a line or two, not the whole list.
        after = self._on_screen()
        if len(after) != len(before):
            self.refresh()
            return
        width = self.size.width
        for y, (old, new) in enumerate(zip(before, after, strict=True)):
            if old != new:
                self.refresh(Region(0, y, width, 1))

    def _keep_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_move(self, by: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + by))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 1))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.cursor))

    def _on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y
        if 0 <= index < len(self.rows):
            self.cursor = index
            self.action_select()

    def line_styles(self) -> tuple[Style, Style]:
        # Working a widget's style out takes longer than drawing a line: once until the styles change.
        if self._styles_made is None:
            base = self.rich_style
            self._styles_made = (base, base + self.get_component_rich_style("results--cursor"))
        return self._styles_made

    def notify_style_update(self) -> None:
        self._styles_made = None
        self._drawn.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, self.line_styles()[0])
        row = self.rows[index]
        marked, at_cursor = row.slug in self.marked, index == self.cursor
        key = (row.title, row.salary, row.education, row.outlook, width, marked, at_cursor)
        strip = self._drawn.get(key)
        if strip is None:
            # The same careers come back keystroke after keystroke: each line is drawn once (until the
            # styles change, as they do when the list gains or loses focus).
            if len(self._drawn) > 4000:
                self._drawn.clear()
            base, cursor = self.line_styles()
            segments = row_prompt(row, width, marked).render(self.app.console)
            strip = Strip(segments).adjust_cell_length(width).apply_style(cursor if at_cursor else base)
            self._drawn[key] = strip
        return strip
