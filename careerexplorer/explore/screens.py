"""The screens beyond the first: a career's page, compare, the interest quiz, filters, wages, help.

Imported when one of them is first opened, so that the first screen does not wait for them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from careerexplorer.errors import CareerError
from careerexplorer.explore.screentext import shown, tell
from careerexplorer.explore.session import Session, links, parse_min_salary
from careerexplorer.explore.widgets import ASCII_ONLY, HELP, HELP_AND_QUIT, PageText, WithSession, toggle_shortlist


class LinkList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]


class PageScreen(WithSession, Screen[None]):
    """A career's page, every section of `careers show`, with its linked careers opening in place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", key_display="esc"),
        Binding("l", "links", "Links"),
        Binding("s", "shortlist", "Shortlist"),
        Binding("c", "compare", "Compare"),
        Binding("w", "wages", "Wages"),
        *HELP_AND_QUIT,
    ]

    def __init__(self, session: Session, slug: str) -> None:
        super().__init__(session)
        self.slug = slug
        self.history: list[str] = []
        self.title_text = slug

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page-scroll"):
            yield PageText(lambda width: shown(), id="page")
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
            tell(self.app, str(exc), severity="error")
            return
        self.slug = slug
        self.title_text = page.profile.title
        self.query_one("#page", PageText).show(lambda width: career_page(page.profile, page.pathway, width, ASCII_ONLY))
        found = links(page.profile)
        link_list = self.query_one("#links", LinkList)
        link_list.clear_options()
        link_list.add_options([Option(shown((f"{section}: ", "dim"), title), id=s) for section, s, title in found])
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


class CompareScreen(WithSession, Screen[None]):
    """`careers compare` of the shortlist: the table, the salary bars on one scale, the differences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", "Back", key_display="esc"),
        *HELP_AND_QUIT,
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="compare-scroll"):
            yield PageText(self.make, id="compare")
        yield Footer()

    def make(self, width: int) -> Text:
        from careerexplorer.views.compare import comparison

        try:
            result = self.session.comparison()
        except CareerError as exc:
            return shown(
                str(exc),
                ".\n\nPress s on a career (in the results or on its page) to put it on the shortlist.",
                lines=True,
            )
        return comparison(list(result.profiles), width, ASCII_ONLY)

    def on_mount(self) -> None:
        self.query_one("#compare-scroll").focus()


ANSWER_KEYS = {"y": "Yes", "m": "Maybe", "n": "No"}  # the quiz's keys, each an answer of careers match


class QuizScreen(WithSession, Screen[None]):
    """The 30 statements of `careers match`, one at a time, then the careers that fit best."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"answer('{key}')", words) for key, words in ANSWER_KEYS.items()),
        Binding("backspace", "undo", "Undo"),
        Binding("escape", "app.pop_screen", "Leave", key_display="esc"),
        *HELP_AND_QUIT,
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.answers: list[str] = []
        self.done = False

    def compose(self) -> ComposeResult:
        yield Static(id="quiz-intro")
        yield Static(id="question")
        yield OptionList(id="matches")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quiz-intro", Static).update(
            shown("Interests: for each activity, would you enjoy it? y yes, m not sure, n no.", style="bold")
        )
        self.query_one("#matches", OptionList).display = False
        self.ask()

    def ask(self) -> None:
        from careerexplorer.match import QUIZ

        number = len(self.answers)
        _, statement = QUIZ[number]
        self.query_one("#question", Static).update(
            shown((f"{number + 1} of {len(QUIZ)}", "dim"), "\n\n", (statement, "bold"), "?", lines=True)
        )

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
        for (kind, _), given in zip(QUIZ, self.answers, strict=False):
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
        self.query_one("#question", Static).update(
            shown(
                ("Your interest code is ", "bold"),
                (result.code, "bold green"),
                f" ({names}). The careers that fit best (Enter opens one):",
            )
        )
        matches = self.query_one("#matches", OptionList)
        matches.display = True
        matches.add_options(
            [
                Option(
                    shown((f"{m.fit:5.1f}  ", "green"), (m.entry["title"], "bold"), (f"  {m.why}", "dim")),
                    id=m.entry["slug"],
                )
                for m in result.matches
            ]
        )
        matches.highlighted = 0 if result.matches else None
        matches.focus()

    @on(OptionList.OptionSelected, "#matches")
    def open_match(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(PageScreen(self.session, event.option.id))


def choices(options: Any) -> list[tuple[Text, str]]:
    """A drop-down list's options, each shown as text: values, or (label, value) pairs."""
    return [(shown(o[0]), o[1]) if isinstance(o, tuple) else (shown(o), o) for o in options]


class FiltersScreen(WithSession, ModalScreen[bool]):
    """The filters of `careers search` and `careers list`, with the same meaning."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", key_display="^s"),
        Binding("ctrl+l", "clear", "Clear all", key_display="^l"),
        Binding("escape", "cancel", "Cancel", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        from careerexplorer.listing import OUTLOOK_KEYS
        from careerexplorer.model import EDUCATION_LADDER

        values = self.session.filter_values
        clusters = self.session.catalog.clusters
        with Vertical(id="filters"):
            yield Label("Filters (Tab moves, Enter opens a list; Ctrl-S applies)", classes="title")
            yield from self.choice("Cluster", "cluster", clusters.names(), "any cluster")
            yield from self.choice("Pathway", "pathway", self.pathways(values.get("cluster")), "any pathway")
            education = [(label, key) for key, _, label in EDUCATION_LADDER]
            yield from self.choice("Education: at most", "education", education, "any education")
            outlook = [(label, key) for key, label in OUTLOOK_KEYS.items()]
            yield from self.choice("Outlook: at least", "outlook", outlook, "any outlook")
            with Horizontal(classes="row"):
                yield Label("Minimum salary ")
                yield Input(
                    shown(str(values.get("min_salary", ""))).plain,
                    placeholder="e.g. 60000",
                    id="min_salary",
                    compact=True,
                )
            yield Checkbox("Bright Outlook only", bool(values.get("bright_outlook")), id="bright_outlook", compact=True)
            yield Static(id="filter-error")
        yield Footer()

    def choice(self, label: str, key: str, options: Any, prompt: str) -> ComposeResult:
        """A labelled drop-down list of one filter (values, or (label, value) pairs), with the value chosen before."""
        yield Label(shown(label))
        value = self.session.filter_values.get(key, Select.NULL)
        yield Select(choices(options), prompt=prompt, id=key, compact=True, value=value)

    def pathways(self, cluster: Any) -> list[str]:
        names = self.session.catalog.clusters.pathway_names(cluster if isinstance(cluster, str) else None)
        return sorted(set(names))

    def on_mount(self) -> None:
        self.query_one("#cluster", Select).focus()

    @on(Select.Changed, "#cluster")
    def cluster_changed(self, event: Select.Changed) -> None:
        pathway = self.query_one("#pathway", Select)
        before = pathway.value
        options = self.pathways(event.value)
        pathway.set_options(choices(options))
        if isinstance(before, str) and before in options:
            pathway.value = before

    def value(self, name: str) -> Any:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, str) else None

    @on(Input.Submitted, "#min_salary")
    def action_apply(self) -> None:
        try:
            self.session.set_filters(
                cluster=self.value("cluster"),
                pathway=self.value("pathway"),
                education=self.value("education"),
                outlook=self.value("outlook"),
                min_salary=parse_min_salary(self.query_one("#min_salary", Input).value),
                bright_outlook=self.query_one("#bright_outlook", Checkbox).value,
            )
        except CareerError as exc:
            self.query_one("#filter-error", Static).update(shown(str(exc), style="bold red"))
            return
        self.dismiss(True)

    def action_clear(self) -> None:
        self.session.set_filters()
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class StateScreen(WithSession, ModalScreen[bool]):
    """Whose wages to show: the U.S. or one state (the `--state` of the command line)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Choose"),
        Binding("escape", "cancel", "Cancel", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="states"):
            yield Label("Wages for (Enter chooses)", classes="title")
            options = [
                Option("United States", id="US"),
                *(Option(shown(f"{name} ({code})"), id=code) for code, name in self.session.state_names()),
            ]
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
        Binding("escape,question_mark,f1", "app.pop_screen", "Close", key_display="esc"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(shown("Keys", style="bold"))
            yield Static(shown(HELP, lines=True))
        yield Footer()
