"""The explorer's screens: search as you type, a career's page, compare, the interest quiz, filters, help.

Every screen has a Footer listing its keys; the mouse works, but no action needs it. Pages are the
terminal views of `careers show` and `careers compare` (Rich Text), laid out at the screen's width.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from careerexplorer.errors import CareerError
from careerexplorer.explore.session import Row, Session, links, parse_min_salary

ASCII_ONLY = not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf")

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
    title = max(12, width - 2 - 12 - education - outlook)
    name = Text(row.title, style="bold")
    name.truncate(title, overflow="ellipsis", pad=True)
    line = Text("* " if marked else "  ", style="bold yellow")
    line.append_text(name)
    line.append(f"{row.salary:>11} ", style="green")
    line.append(f"{row.education[:education - 1]:<{education}}")
    line.append(row.outlook[:outlook])
    return line


def column_heads(width: int) -> Text:
    education, outlook = 22, 19
    title = max(12, width - 2 - 12 - education - outlook)
    return Text(f"  {'Career':<{title}}{'AVG. SALARY':>11} {'Education':<{education}}{'Outlook':<{outlook}}"[:width],
                style="bold")


class QueryInput(Input):
    """The query box: typing searches; these keys move the results without leaving it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open"),
        Binding("down", "screen.move(1)", "Results", key_display="↓↑"),
        Binding("up", "screen.move(-1)", "Up", show=False),
        Binding("pagedown", "screen.move(10)", "Page down", show=False),
        Binding("pageup", "screen.move(-10)", "Page up", show=False),
        Binding("escape", "screen.focus_results", "More keys"),
        Binding("f1", "app.help", "Help"),
    ]


class ResultsList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open"),
        Binding("slash", "screen.focus_query", "Search", key_display="/"),
    ]


class SearchScreen(Screen[None]):
    """The first screen: the query box, the ranked results, and why the highlighted one matched."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "shortlist", "Shortlist"),
        Binding("c", "compare", "Compare"),
        Binding("f", "filters", "Filters"),
        Binding("o", "sort", "Order"),
        Binding("w", "wages", "Wages"),
        Binding("i", "quiz", "Interests"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, query: str = "") -> None:
        super().__init__()
        self.session = session
        self.initial = query
        self.rows: tuple[Row, ...] = ()
        self.shown_query: str | None = None  # the text the results answer (tests and the benchmark wait on it)
        self.on_shortlist: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield QueryInput(value=self.initial, placeholder="Search careers: a title, a subject, a certification...",
                         id="query")
        yield Static(id="heads")
        yield ResultsList(id="results")
        yield Static(id="why")
        yield Footer()

    def on_mount(self) -> None:
        query = self.query_one("#query", QueryInput)
        if self.app.is_headless:
            query.cursor_blink = False  # the same picture on every run
        self.read_shortlist()
        self.update_results()
        query.focus()

    def read_shortlist(self) -> None:
        try:
            self.on_shortlist = set(self.session.shortlist())
        except CareerError as exc:
            self.app.notify(str(exc), severity="error")
            self.on_shortlist = set()

    @property
    def results(self) -> ResultsList:
        return self.query_one("#results", ResultsList)

    def on_resize(self) -> None:
        self.draw(keep=True)

    def on_screen_resume(self) -> None:
        self.read_shortlist()
        self.draw(keep=True)

    @on(Input.Changed, "#query")
    def typed(self) -> None:
        self.update_results()

    def update_results(self) -> None:
        text = self.query_one("#query", QueryInput).value
        found = self.session.results(text)
        self.rows = found.rows
        self.note = found.note
        self.draw(keep=False)
        self.shown_query = text

    def draw(self, keep: bool) -> None:
        results = self.results
        highlighted = results.highlighted if keep else None
        width = (results.size.width or self.app.size.width) - 2
        results.clear_options()
        results.add_options([Option(row_prompt(r, width, r.slug in self.on_shortlist), id=r.slug) for r in self.rows])
        if self.rows:
            results.highlighted = min(highlighted or 0, len(self.rows) - 1)
        self.query_one("#heads", Static).update(column_heads(width))
        self.query_one("#status", Static).update(Text.assemble(
            ("careers explore", "bold"), "  ", self.note, "  |  ", self.session.describe(),
            f"  |  shortlist: {len(self.on_shortlist)}"))
        self.show_why()

    def current(self) -> Row | None:
        index = self.results.highlighted
        return self.rows[index] if index is not None and 0 <= index < len(self.rows) else None

    @on(OptionList.OptionHighlighted, "#results")
    def show_why(self) -> None:
        row = self.current()
        why = Text()
        if row is not None and row.why:
            why.append("Why: ", style="bold")
            why.append(row.why)
        self.query_one("#why", Static).update(why)

    def action_move(self, by: int) -> None:
        if not self.rows:
            return
        index = self.results.highlighted
        self.results.highlighted = max(0, min(len(self.rows) - 1, (index if index is not None else -1) + by))

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
    @on(OptionList.OptionSelected, "#results")
    def open_current(self) -> None:
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
        self.app.push_screen(CompareScreen(self.session))

    def action_filters(self) -> None:
        self.app.push_screen(FiltersScreen(self.session), self.choices_changed)

    def action_wages(self) -> None:
        self.app.push_screen(StateScreen(self.session), self.choices_changed)

    def action_sort(self) -> None:
        self.session.next_sort()
        self.update_results()

    def action_quiz(self) -> None:
        self.app.push_screen(QuizScreen(self.session))

    def choices_changed(self, changed: bool | None) -> None:
        if changed:
            self.update_results()


def toggle_shortlist(app: App[Any], session: Session, slug: str, title: str) -> None:
    try:
        added = session.toggle_shortlist(slug)
    except CareerError as exc:
        app.notify(str(exc), severity="error")
        return
    app.notify(f"{title}: {'added to' if added else 'taken off'} your shortlist")


class LinkList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]


class PageScreen(Screen[None]):
    """A career's page, every section of `careers show`, with its linked careers opening in place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", key_display="esc"),
        Binding("l", "links", "Links"),
        Binding("s", "shortlist", "Shortlist"),
        Binding("c", "compare", "Compare"),
        Binding("w", "wages", "Wages"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, slug: str) -> None:
        super().__init__()
        self.session = session
        self.slug = slug
        self.history: list[str] = []
        self.title_text = slug

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page-scroll"):
            yield PageText(lambda width: Text(), id="page")
            yield Label("Linked careers (l, then Enter opens one here)", id="links-head")
            yield LinkList(id="links")
        yield Footer()

    def on_mount(self) -> None:
        self.load(self.slug)
        self.query_one("#page-scroll").focus()

    def load(self, slug: str) -> None:
        from careerexplorer.views.career import career_page

        try:
            page = self.session.page(slug)
        except CareerError as exc:
            self.app.notify(str(exc), severity="error")
            return
        self.slug = slug
        self.title_text = page.profile.title
        self.query_one("#page", PageText).show(lambda width: career_page(page.profile, page.pathway, width, ASCII_ONLY))
        found = links(page.profile)
        link_list = self.query_one("#links", LinkList)
        link_list.clear_options()
        link_list.add_options([Option(Text.assemble((f"{section}: ", "dim"), title), id=s) for section, s, title in found])
        self.query_one("#links-head").display = bool(found)
        link_list.display = bool(found)
        self.query_one("#page-scroll", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#links")
    def open_link(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.history.append(self.slug)
            self.load(event.option.id)
            self.query_one("#page-scroll").focus()

    def action_back(self) -> None:
        if self.history:
            self.load(self.history.pop())
            self.query_one("#page-scroll").focus()
        else:
            self.app.pop_screen()

    def action_links(self) -> None:
        link_list = self.query_one("#links", LinkList)
        if link_list.option_count:
            link_list.focus()
            link_list.highlighted = link_list.highlighted or 0
            link_list.scroll_visible(animate=False)

    def action_shortlist(self) -> None:
        toggle_shortlist(self.app, self.session, self.slug, self.title_text)

    def action_compare(self) -> None:
        self.app.push_screen(CompareScreen(self.session))

    def action_wages(self) -> None:
        def chosen(changed: bool | None) -> None:
            if changed:
                self.load(self.slug)

        self.app.push_screen(StateScreen(self.session), chosen)


class CompareScreen(Screen[None]):
    """`careers compare` of the shortlist: the table, the salary bars on one scale, the differences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", "Back", key_display="esc"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="compare-scroll"):
            yield PageText(self.make, id="compare")
        yield Footer()

    def make(self, width: int) -> Text:
        from careerexplorer.views.compare import comparison

        try:
            result = self.session.comparison()
        except CareerError as exc:
            return Text(f"{exc}.\n\nPress s on a career (in the results or on its page) to put it on the shortlist.")
        return comparison(list(result.profiles), width, ASCII_ONLY)

    def on_mount(self) -> None:
        self.query_one("#compare-scroll").focus()


class QuizScreen(Screen[None]):
    """The 30 statements of `careers match`, one at a time, then the careers that fit best."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('y')", "Yes"),
        Binding("m", "answer('m')", "Not sure"),
        Binding("n", "answer('n')", "No"),
        Binding("backspace", "undo", "Undo"),
        Binding("escape", "app.pop_screen", "Leave", key_display="esc"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.answers: list[str] = []
        self.done = False

    def compose(self) -> ComposeResult:
        yield Static(id="quiz-intro")
        yield Static(id="question")
        yield OptionList(id="matches")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quiz-intro", Static).update(Text(
            "Interests: for each activity, would you enjoy it? y yes, m not sure, n no.", style="bold"))
        self.query_one("#matches", OptionList).display = False
        self.ask()

    def ask(self) -> None:
        from careerexplorer.match import QUIZ

        number = len(self.answers)
        _, statement = QUIZ[number]
        self.query_one("#question", Static).update(Text.assemble(
            (f"{number + 1} of {len(QUIZ)}", "dim"), "\n\n", (statement, "bold"), "?"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("answer", "undo"):
            return not self.done
        return True

    def action_answer(self, answer: str) -> None:
        from careerexplorer.match import ANSWERS, QUIZ

        if self.done:
            return
        self.answers.append(answer)
        if len(self.answers) < len(QUIZ):
            self.ask()
            return
        scores: dict[str, int] = {}
        for (kind, _), given in zip(QUIZ, self.answers):
            scores[kind] = scores.get(kind, 0) + ANSWERS[given]
        self.show_matches(scores)

    def action_undo(self) -> None:
        if self.answers and not self.done:
            self.answers.pop()
            self.ask()

    def show_matches(self, scores: dict[str, int]) -> None:
        result = self.session.matches(scores)
        self.done = True
        self.refresh_bindings()
        names = ", ".join(n.title() for n in result.interests)
        self.query_one("#question", Static).update(Text.assemble(
            ("Your interest code is ", "bold"), (result.code, "bold green"), f" ({names}). "
            "The careers that fit best (Enter opens one):"))
        matches = self.query_one("#matches", OptionList)
        matches.display = True
        matches.add_options([Option(Text.assemble((f"{m.fit:5.1f}  ", "green"), (m.entry["title"], "bold"),
                                                  (f"  {m.why}", "dim")), id=m.entry["slug"])
                             for m in result.matches])
        matches.highlighted = 0 if result.matches else None
        matches.focus()

    @on(OptionList.OptionSelected, "#matches")
    def open_match(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(PageScreen(self.session, event.option.id))


class FiltersScreen(ModalScreen[bool]):
    """The filters of `careers search` and `careers list`, with the same meaning."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", key_display="^s"),
        Binding("ctrl+l", "clear", "Clear all", key_display="^l"),
        Binding("escape", "cancel", "Cancel", key_display="esc"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        from careerexplorer.listing import OUTLOOK_KEYS
        from careerexplorer.model import EDUCATION_LADDER

        values = self.session.filter_values
        clusters = self.session.catalog.clusters
        with Vertical(id="filters"):
            yield Label("Filters (Tab moves, Enter opens a list; Ctrl-S applies)", classes="title")
            yield Label("Cluster")
            yield Select([(c, c) for c in clusters.names()], prompt="any cluster", id="cluster",
                         value=values.get("cluster", Select.NULL))
            yield Label("Pathway")
            yield Select(self.pathways(values.get("cluster")), prompt="any pathway", id="pathway",
                         value=values.get("pathway", Select.NULL))
            yield Label("Education: at most")
            yield Select([(label, key) for key, _, label in EDUCATION_LADDER], prompt="any education", id="education",
                         value=values.get("education", Select.NULL))
            yield Label("Outlook: at least")
            yield Select([(label, key) for key, label in OUTLOOK_KEYS.items()], prompt="any outlook", id="outlook",
                         value=values.get("outlook", Select.NULL))
            with Horizontal(classes="row"):
                yield Label("Minimum salary ")
                yield Input(str(values.get("min_salary", "")), placeholder="e.g. 60000", id="min_salary")
            yield Checkbox("Bright Outlook only", bool(values.get("bright_outlook")), id="bright_outlook")
            yield Static(id="filter-error")
        yield Footer()

    def pathways(self, cluster: Any) -> list[tuple[str, str]]:
        names = self.session.catalog.clusters.pathway_names(cluster if isinstance(cluster, str) else None)
        return [(p, p) for p in sorted(set(names))]

    def on_mount(self) -> None:
        self.query_one("#cluster", Select).focus()

    @on(Select.Changed, "#cluster")
    def cluster_changed(self, event: Select.Changed) -> None:
        pathway = self.query_one("#pathway", Select)
        before = pathway.value
        options = self.pathways(event.value)
        pathway.set_options(options)
        if isinstance(before, str) and any(before == v for _, v in options):
            pathway.value = before

    def value(self, name: str) -> Any:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, str) else None

    @on(Input.Submitted, "#min_salary")
    def action_apply(self) -> None:
        try:
            self.session.set_filters(
                cluster=self.value("cluster"), pathway=self.value("pathway"), education=self.value("education"),
                outlook=self.value("outlook"), min_salary=parse_min_salary(self.query_one("#min_salary", Input).value),
                bright_outlook=self.query_one("#bright_outlook", Checkbox).value)
        except CareerError as exc:
            self.query_one("#filter-error", Static).update(Text(str(exc), style="bold red"))
            return
        self.dismiss(True)

    def action_clear(self) -> None:
        self.session.set_filters()
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class StateScreen(ModalScreen[bool]):
    """Whose wages to show: the U.S. or one state (the `--state` of the command line)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Choose"),
        Binding("escape", "cancel", "Cancel", key_display="esc"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="states"):
            yield Label("Wages for (Enter chooses)", classes="title")
            options = [Option("United States", id="US"),
                       *(Option(f"{name} ({code})", id=code) for code, name in self.session.state_names())]
            yield OptionList(*options, id="state-list")
        yield Footer()

    def on_mount(self) -> None:
        states = self.query_one("#state-list", OptionList)
        ids = ["US", *(code for code, _ in self.session.state_names())]
        states.highlighted = ids.index(self.session.state) if self.session.state in ids else 0
        states.focus()

    @on(OptionList.OptionSelected, "#state-list")
    def action_choose(self) -> None:
        states = self.query_one("#state-list", OptionList)
        if states.highlighted is None:
            return
        code = states.get_option_at_index(states.highlighted).id
        self.session.set_state(None if code == "US" else code)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "app.pop_screen", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"))
            yield Static(Text(HELP))
        yield Footer()


class Explorer(App[None]):
    """`careers explore`."""

    TITLE = "careers explore"
    ENABLE_COMMAND_PALETTE = False  # every action has its own key, listed in the footer and under ?
    CSS = """
    #status { height: 1; background: $panel; padding: 0 1; }
    #query { margin: 0 0; }
    #heads { height: 1; padding: 0 1; }
    #results { height: 1fr; border: none; }
    #why { height: 1; padding: 0 1; color: $text-muted; }
    #page-scroll, #compare-scroll { padding: 0 1; }
    #links-head { margin-top: 1; text-style: bold; }
    #links { height: auto; border: none; }
    #quiz-intro { padding: 1 2 0 2; }
    #question { padding: 1 2; height: auto; }
    #matches { height: 1fr; border: none; }
    FiltersScreen, StateScreen, HelpScreen { align: center middle; }
    #filters { width: 70; height: auto; max-height: 100%; border: round $accent; padding: 0 1; background: $surface; }
    #filters .row { height: auto; }
    #filters .row Label { padding: 1 0; }
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
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
