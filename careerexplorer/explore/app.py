"""`careers explore`: the first screen (search as you type) and the app that holds every screen.

Every screen has a Footer listing its keys; the mouse works, but no action needs it. Pages are the
terminal views of `careers show` and `careers compare` (Rich Text), laid out at the screen's width.
"""

from __future__ import annotations

import gc
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from careerexplorer.errors import CareerError
from careerexplorer.explore.screentext import shown, tell
from careerexplorer.explore.session import Row, Session
from careerexplorer.explore.widgets import (
    HELP_AND_QUIT,
    ResultsView,
    WithSession,
    column_heads,
    hidden,
    toggle_shortlist,
)


class QueryInput(Input):
    """The query box: typing searches; these keys move the results without leaving it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open"),
        Binding("down", "screen.move(1)", "Results", key_display="↓↑"),
        *hidden(up="screen.move(-1)", pagedown="screen.move(10)", pageup="screen.move(-10)"),
        Binding("escape", "screen.focus_results", "More keys"),
        Binding("f1", "app.help", "Help"),
    ]

    def _on_paste(self, event: events.Paste) -> None:
        # Pasted text goes in as the screen shows text (an input draws its value as it is, so an
        # escape sequence in it would reach the terminal); Input's own handler then inserts it.
        lines = event.text.splitlines()
        event.text = shown(lines[0]).plain if lines else ""


class SearchScreen(WithSession, Screen[None]):
    """The first screen: the query box, the ranked results, and why the highlighted one matched."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "shortlist", "Shortlist"),
        Binding("c", "compare", "Compare"),
        Binding("f", "filters", "Filters"),
        Binding("o", "sort", "Order"),
        Binding("w", "wages", "Wages"),
        Binding("i", "quiz", "Interests"),
        *HELP_AND_QUIT,
    ]

    def __init__(self, session: Session, query: str = "") -> None:
        super().__init__(session)
        self.initial = query
        self.rows: tuple[Row, ...] = ()
        self.shown_query: str | None = None  # the text the results answer (tests and the benchmark wait on it)
        self.on_shortlist: set[str] = set()
        self.shown: dict[str, str] = {}
        self.shortlist_problem = ""  # said once, not again on every return to this screen

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield QueryInput(
            value=shown(self.initial).plain,
            placeholder="Search careers: a title, a subject, a certification...",
            id="query",
        )
        yield Static(id="heads")
        yield ResultsView(id="results")
        yield Static(id="why")
        yield Footer()

    def on_mount(self) -> None:
        query = self.query_one("#query", QueryInput)
        if self.app.is_headless:
            query.cursor_blink = False  # the same picture on every run
        self.read_shortlist()
        self.update_results()
        # Problems in the user's own folders: one toast for them all, however many files are broken.
        problems = self.session.problems()
        if problems:
            tell(self.app, problems, title="warning", severity="warning", timeout=10)
        query.focus()
        # Once the first screen is up, while the reader looks at it, get search ready for typing.
        self.call_after_refresh(self.ready_for_typing)

    def ready_for_typing(self) -> None:
        self.session.warm()
        # The app, the catalog and the search index stay for the whole session: out of the garbage
        # collector's way, so that its full passes while one types go over new objects only.
        gc.freeze()

    def read_shortlist(self) -> None:
        try:
            self.on_shortlist = set(self.session.shortlist())
            self.shortlist_problem = ""
        except CareerError as exc:
            if str(exc) != self.shortlist_problem:
                self.shortlist_problem = str(exc)
                tell(self.app, str(exc), severity="error")
            self.on_shortlist = set()

    @property
    def results(self) -> ResultsView:
        return self.query_one("#results", ResultsView)

    def on_resize(self) -> None:
        self.draw(keep=True)

    def on_screen_resume(self) -> None:
        # Back from another screen, where the shortlist or the state's wages may have changed.
        self.read_shortlist()
        self.update_results(keep=True)

    @on(Input.Changed, "#query")
    def typed(self, event: Input.Changed) -> None:
        # Keys typed faster than the answers come: only the newest text is searched for (the later
        # change is on its way), so no one waits for answers to what is no longer typed.
        if event.value == event.input.value:
            self.update_results()

    def update_results(self, keep: bool = False) -> None:
        text = self.query_one("#query", QueryInput).value
        found = self.session.results(text)
        self.rows = found.rows
        self.note = found.note
        self.draw(keep)
        self.shown_query = text

    def draw(self, keep: bool) -> None:
        results = self.results
        results.show(self.rows, self.on_shortlist, keep)
        # Only what changed is updated, and without laying the screen out again.
        self.set_line("#heads", column_heads(results.scrollable_content_region.width or self.app.size.width - 2))
        self.set_line(
            "#status",
            shown((self.note, "bold"), "  ·  ", self.session.describe(), f"  ·  shortlist: {len(self.on_shortlist)}"),
        )

    def set_line(self, selector: str, text: Text) -> None:
        if self.shown.get(selector) != text.plain:
            self.shown[selector] = text.plain
            self.query_one(selector, Static).update(text, layout=False)  # one line, always: nothing moves

    def current(self) -> Row | None:
        return self.results.current()

    @on(ResultsView.Highlighted)
    def show_why(self) -> None:
        row = self.current()
        # A search line's reason is worked out when the line is first highlighted.
        reason = (row.why or self.session.why(self.shown_query or "", row.slug)) if row is not None else ""
        self.set_line("#why", shown(("Why: ", "bold"), reason) if reason else shown())

    def action_move(self, by: int) -> None:
        self.results.action_move(by)

    def action_focus_results(self) -> None:
        self.results.focus()

    def action_focus_query(self) -> None:
        self.query_one("#query", QueryInput).focus()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Letters type into the query box; the single-key actions work (and show) from the results.
        if action in ("shortlist", "compare", "filters", "sort", "wages", "quiz", "help", "quit"):
            return not isinstance(self.focused, Input)
        return True

    @on(Input.Submitted, "#query")
    @on(ResultsView.Selected)
    def open_current(self) -> None:
        from careerexplorer.explore.screens import PageScreen

        row = self.current()
        if row is not None:
            self.app.push_screen(PageScreen(self.session, row.slug))

    def action_shortlist(self) -> None:
        row = self.current()
        if row is not None:
            toggle_shortlist(self.app, self.session, row.slug, row.title)
            self.read_shortlist()
            self.draw(keep=True)

    def action_compare(self) -> None:
        from careerexplorer.explore.screens import CompareScreen

        self.app.push_screen(CompareScreen(self.session))

    def action_filters(self) -> None:
        from careerexplorer.explore.screens import FiltersScreen

        self.app.push_screen(FiltersScreen(self.session), self.choices_changed)

    def action_wages(self) -> None:
        from careerexplorer.explore.screens import StateScreen

        self.app.push_screen(StateScreen(self.session), self.choices_changed)

    def action_sort(self) -> None:
        self.session.next_sort()
        self.update_results()

    def action_quiz(self) -> None:
        from careerexplorer.explore.screens import QuizScreen

        self.app.push_screen(QuizScreen(self.session))

    def choices_changed(self, changed: bool | None) -> None:
        if changed:
            self.update_results()


class Explorer(App[None]):
    """`careers explore`."""

    TITLE = "careers explore"
    ENABLE_COMMAND_PALETTE = False  # every action has its own key, listed in the footer and under ?
    CSS = """
    #status { height: 1; width: 100%; background: $panel; padding: 0 1; }
    #query { margin: 0 0; }
    #heads { height: 1; width: 100%; }
    #results { height: 1fr; border: none; }
    #why { height: 1; width: 100%; padding: 0 1; color: $text-muted; }
    #page-scroll, #compare-scroll { padding: 0 1; }
    #links-head { margin-top: 1; text-style: bold; }
    #links { height: auto; border: none; }
    #quiz-intro { padding: 1 2 0 2; }
    #question { padding: 1 2; height: auto; }
    #matches { height: 1fr; border: none; }
    FiltersScreen, StateScreen, HelpScreen { align: center middle; }
    #filters { width: 70; height: auto; max-height: 100%; border: round $accent; padding: 0 1; background: $surface; }
    #filters .row { height: auto; }
    #filters .row Label { padding: 0 0; }
    #filters Label { margin-top: 1; }
    #filters .row { margin-top: 1; }
    #filters .row Label, #filters .title { margin-top: 0; }
    #filters .row Input { width: 1fr; }
    #states { width: 44; height: 80%; border: round $accent; background: $surface; }
    #help { width: 84; max-width: 100%; height: auto; max-height: 100%; border: round $accent; background: $surface;
            padding: 0 1; }
    .title { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(self, session: Session, query: str = "") -> None:
        super().__init__()
        self.session = session
        self.initial = query

    def get_default_screen(self) -> Screen[Any]:
        return SearchScreen(self.session, self.initial)

    def action_help(self) -> None:
        from careerexplorer.explore.screens import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
