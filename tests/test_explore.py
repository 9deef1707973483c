"""`careers explore`, driven headless with Textual's Pilot as a person drives it: keys only.

Every test runs with a configuration folder of its own (XDG_CONFIG_HOME), so the shortlist it
touches is a temporary one, and it is the same file `careers shortlist` reads.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from typer.testing import CliRunner

from careerexplorer import commands, shortlist
from careerexplorer.catalog import Catalog
from careerexplorer.explore.app import Explorer, SearchScreen
from careerexplorer.explore.screens import CompareScreen, HelpScreen, PageScreen, QuizScreen
from careerexplorer.explore.session import RESULT_LIMIT, Session, links, parse_min_salary
from careerexplorer.listing import Filters
from careerexplorer.match import QUIZ, code_from_answers
from careerexplorer.text import normalize
from helpers import REPO


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


@pytest.fixture
def session(config: Path) -> Session:
    return Session(Catalog(), shortlist.default_path())


def drive(app: Explorer, steps: Callable[[Pilot[None]], Awaitable[None]], size: tuple[int, int] = (80, 24)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(main())


def search_screen(app: Explorer) -> SearchScreen:
    screen = app.screen
    assert isinstance(screen, SearchScreen), type(screen).__name__
    return screen


def picture(app: Explorer) -> str:
    """The screen as an SVG, without the id that differs from one picture to the next."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


def page_text(app: Explorer) -> str:
    screen = app.screen
    assert isinstance(screen, PageScreen), type(screen).__name__
    return screen.query_one("#page").text(78).plain  # type: ignore[attr-defined, no-any-return]


# -- the session: the same answers as the command line ---------------------------------------------


@pytest.mark.parametrize("query", ["nurse", "coding", "dental hygenist", "software developer", "medical coder", "zzqx"])
@pytest.mark.parametrize("sort", ["relevance", "salary"])
def test_the_explorer_ranks_and_explains_as_careers_search_does(session: Session, query: str, sort: str) -> None:
    session.sort = sort
    mine = session.search(query, limit=RESULT_LIMIT)
    theirs = commands.search(session.catalog, query, Filters(), RESULT_LIMIT, sort)
    assert [(h.slug, h.reason) for h in mine.hits] == [(h.slug, h.reason) for h in theirs.hits]
    rows = session.results(query).rows
    # The first line's reason comes with the answer, the others' when a line is highlighted.
    assert rows[0].why == theirs.hits[0].reason if theirs.hits else True
    assert [(r.slug, r.why or session.why(query, r.slug)) for r in rows] == [
        (h.slug, h.reason) for h in theirs.hits
    ] or not theirs.hits


def test_filters_mean_what_they_mean_on_the_command_line(session: Session) -> None:
    session.set_filters(cluster="Health Science", education="associate", bright_outlook=True)
    expected = Filters.parse(session.catalog.clusters, cluster="Health Science", education="associate",
                             bright_outlook=True)
    assert session.filters == expected
    theirs = commands.search(session.catalog, "technician", expected, RESULT_LIMIT)
    assert [r.slug for r in session.results("technician").rows] == [h.slug for h in theirs.hits]
    listed = commands.list_careers(session.catalog, expected, "title")
    assert [r.slug for r in session.results("").rows] == [e["slug"] for e in listed.entries]


def test_a_half_typed_word_lists_the_titles_it_starts(session: Session) -> None:
    rows = session.results("dental hy").rows
    assert rows[0].slug == "dental-hygienist" and rows[0].why == "the title starts with what is typed"
    assert not commands.search(session.catalog, "zzdentl", Filters(), RESULT_LIMIT).hits
    nur = session.results("nur").rows
    assert nur and all("nurs" in r.title.lower() for r in nur[:3])


def test_titles_starting_is_every_title_with_a_word_starting_with_each_word_typed(session: Session) -> None:
    def plainly(text: str) -> list[str]:
        typed = normalize(text).split()
        found = [e for e in session.catalog.entries
                 if all(any(w.startswith(t) for w in normalize(e["title"]).split()) for t in typed)
                 and session.filters.keeps(e)]
        found.sort(key=lambda e: (len(e["title"]), -(e["employment"] or 0)))
        return [e["slug"] for e in found]

    texts = ["n", "nur", "dental hy", "hy dental", "s d", "eng", "medical  rec", "a", "zzq", "nurse nu", "O*NET"]
    for filters in ({}, {"education": "bachelor"}):
        session.set_filters(**filters)
        for text in texts:
            assert [e["slug"] for e in session.titles_starting(text, limit=10_000)] == plainly(text), text
            assert [e["slug"] for e in session.titles_starting(text)] == plainly(text)[:20], text
    assert session.titles_starting("   ") == []


def test_failing_titles_that_start_so_the_nearest_titles_are_offered(session: Session,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session, "titles_starting", lambda text: [])
    near = [e["slug"] for e in session.searcher.closest_titles("nur")]
    assert near and [r.slug for r in session.results("nur").rows] == near
    assert session.results("zzyzx").note == "nothing matches"


def test_a_bad_minimum_salary_is_one_clear_error() -> None:
    assert parse_min_salary("$80k") == 80000 and parse_min_salary("60,000") == 60000 and parse_min_salary(" ") is None
    with pytest.raises(Exception, match="minimum salary 'lots'"):
        parse_min_salary("lots")


def test_links_come_from_where_it_leads_then_related() -> None:
    class Item:
        def __init__(self, slug: str, title: str) -> None:
            self.slug, self.title = slug, title

    class Page:
        leads = (Item("a", "A"),)
        related = (Item("b", "B"), Item("a", "A again"))

    assert links(Page()) == [("Where it leads", "a", "A"), ("Related", "b", "B")]


# -- the app, by keys ---------------------------------------------------------------------------------


def test_type_navigate_open_and_go_back(session: Session) -> None:
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        screen = search_screen(app)
        assert len(screen.rows) == len(session.catalog.entries)  # nothing typed: every career
        await pilot.press(*"dental")
        assert screen.shown_query == "dental"
        expected = commands.search(session.catalog, "dental", Filters(), RESULT_LIMIT).hits
        assert [r.slug for r in screen.rows] == [h.slug for h in expected] and len(expected) > 2
        why = screen.query_one("#why", Static)
        assert str(why.render()) == f"Why: {expected[0].reason}"
        await pilot.press("down")
        second = screen.rows[1]
        assert screen.current() == second
        # The second line's reason, worked out when the line is highlighted, is the command line's.
        assert str(why.render()) == f"Why: {expected[1].reason}" and expected[1].reason
        await pilot.press("enter")
        assert second.title in page_text(app) and "What To Learn" in page_text(app)
        await pilot.press("escape")
        assert app.screen is screen and app.screen.query_one("#query", Input).value == "dental"

    drive(app, steps)


def test_keys_typed_faster_than_the_answers_are_searched_for_once(session: Session,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    results = session.results
    monkeypatch.setattr(session, "results", lambda text: asked.append(text) or results(text))
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        screen = search_screen(app)
        asked.clear()
        for key in "dental":  # all in before the app has handled the first
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert screen.shown_query == "dental" and asked == ["dental"]
        assert [r.slug for r in screen.rows] == [r.slug for r in results("dental").rows]

    drive(app, steps)


def test_the_list_as_drawn_key_by_key_is_the_list_drawn_afresh(session: Session) -> None:
    # Only the lines that change are drawn again on a keystroke, and the screen is laid out again only
    # when the scroll bar comes or goes: after each key the picture is the one a full redraw makes.
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        screen = search_screen(app)
        for key in [*"nurse", "backspace", "escape", "pagedown", "down", "slash", "backspace", "backspace",
                    *" pr", "escape", "end", "up", "slash", *"actitioner", "escape", "s"]:
            await pilot.press(key)
            drawn = picture(app)
            for widget in [screen, *screen.query("*")]:
                widget.refresh(layout=True)
            await pilot.pause()
            assert picture(app) == drawn, key

    drive(app, steps)


def test_a_query_from_the_command_line_opens_typed(session: Session) -> None:
    app = Explorer(session, "nurse")

    async def steps(pilot: Pilot[None]) -> None:
        screen = search_screen(app)
        assert screen.shown_query == "nurse"
        assert [r.slug for r in screen.rows] == [h.slug for h in commands.search(session.catalog, "nurse", Filters(),
                                                                                  RESULT_LIMIT).hits]

    drive(app, steps)


def test_related_careers_open_in_place_and_back_returns(session: Session) -> None:
    app = Explorer(session, "registered nurse")
    related = [type("Link", (), {"title": title}) for _, _, title in links(session.page("registered-nurse").profile)]

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        assert page_text(app).startswith("Registered Nurse")
        await pilot.press("l", "down", "enter")
        assert page_text(app).startswith(related[1].title)
        await pilot.press("backspace")
        assert page_text(app).startswith("Registered Nurse")
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)

    drive(app, steps)


def test_shortlist_add_uses_the_file_of_careers_shortlist(session: Session, config: Path) -> None:
    app = Explorer(session, "registered nurse")

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "s")  # to the results, where single keys work
        assert shortlist.read(shortlist.default_path()) == ["registered-nurse"]
        await pilot.press("slash", *" assistant", "escape", "s")
        assert len(shortlist.read(shortlist.default_path())) == 2
        await pilot.press("s")  # again: taken off
        assert shortlist.read(shortlist.default_path()) == ["registered-nurse"]

    drive(app, steps)
    from careerexplorer.cli import app as cli

    out = CliRunner(env={"XDG_CONFIG_HOME": str(config)}).invoke(cli, ["shortlist", "list"])
    assert "Registered Nurse" in out.stdout


def test_compare_shows_the_shortlist_side_by_side(session: Session) -> None:
    shortlist.add(session.shortlist_path, ["medical-records-specialist", "registered-nurse"])
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        shown = screen.query_one("#compare").text(100).plain  # type: ignore[attr-defined]
        assert "Medical Records Specialist" in shown and "Registered Nurse" in shown and "Salary ranges" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)

    drive(app, steps)


def test_compare_with_a_short_shortlist_says_what_to_do(session: Session) -> None:
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "c")
        shown = app.screen.query_one("#compare").text(78).plain  # type: ignore[attr-defined]
        assert "your shortlist has 0 careers" in shown and "Press s" in shown

    drive(app, steps)


def test_the_quiz_leads_to_ranked_matches_that_open(session: Session) -> None:
    app = Explorer(session)
    answers = ["y" if kind == "social" else "m" if kind == "artistic" else "n" for kind, _ in QUIZ]

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "i")
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await pilot.press("y", "backspace")  # undo one answer
        assert quiz.answers == []
        await pilot.press(*answers)
        expected = commands.match(session.catalog, code_from_answers(
            {"social": 10, "artistic": 5}), Filters(), 20)
        matches = quiz.query_one("#matches", OptionList)
        assert [matches.get_option_at_index(i).id for i in range(matches.option_count)] == \
            [m.entry["slug"] for m in expected.matches]
        await pilot.press("enter")
        assert page_text(app).startswith(expected.matches[0].entry["title"])

    drive(app, steps)


def test_filters_by_keys(session: Session) -> None:
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "f")
        # cluster, pathway, then education: open its list, pick the fifth rung (associate), apply
        await pilot.press("tab", "tab", "enter", "down", "down", "down", "down", "down", "enter", "ctrl+s")
        await pilot.pause()
        screen = search_screen(app)
        assert session.filters == Filters.parse(session.catalog.clusters, education="associate")
        assert len(screen.rows) == len(Filters.parse(session.catalog.clusters, education="associate")
                                       .apply(session.catalog.entries)) < len(session.catalog.entries)
        await pilot.press("f", "ctrl+l")
        await pilot.pause()
        assert not session.filters.active and len(search_screen(app).rows) == len(session.catalog.entries)

    drive(app, steps)


def test_a_bad_filter_value_keeps_the_filters_open_with_the_reason(session: Session) -> None:
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "f")
        app.screen.query_one("#min_salary", Input).focus()
        await pilot.press(*"lots", "enter")
        assert "minimum salary 'lots'" in str(app.screen.query_one("#filter-error").render())
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen) and not session.filters.active

    drive(app, steps)


def test_wages_for_a_state(session: Session) -> None:
    app = Explorer(session, "registered nurse")
    california = commands.show(session.catalog, "registered-nurse", commands.place(session.catalog, "CA", None)).profile.wages

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "w")
        index = [code for code, _ in session.state_names()].index("CA") + 1
        await pilot.press(*["down"] * index, "enter")
        assert session.state == "CA"
        row = search_screen(app).rows[0]
        assert row.slug == "registered-nurse" and row.salary == f"${california.mean:,.0f}"  # type: ignore[union-attr]
        await pilot.press("enter")
        assert "California" in page_text(app)
        await pilot.press("w", "home", "enter")  # back to the U.S., from the page
        assert session.state is None and "California" not in page_text(app)
        await pilot.press("escape")
        assert search_screen(app).rows[0].salary == session.row("registered-nurse").salary != row.salary

    drive(app, steps)


def test_help_and_quit(session: Session) -> None:
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")
        assert not app.is_running

    drive(app, steps)


def test_ctrl_c_quits_even_while_typing(session: Session) -> None:
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("n", "u", "ctrl+c")
        assert not app.is_running

    drive(app, steps)


def test_no_color_is_respected(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert Explorer(session).no_color


# -- the command ---------------------------------------------------------------------------------------


def test_without_textual_explore_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from careerexplorer.cli import TEXTUAL
    from careerexplorer.cli import app as cli

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "textual" else real(name, *a))  # type: ignore[arg-type]
    result = CliRunner().invoke(cli, ["explore", "nurse"])
    assert result.exit_code == 1
    assert result.stderr == f"careers: explore needs Textual; install it with: {sys.executable} -m pip install {TEXTUAL}\n"
    # The same requirement as the explore extra's.
    extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["explore"]
    assert extra == [TEXTUAL.strip("'")]


def test_a_bad_state_is_one_line_before_the_screen_opens(config: Path) -> None:
    from careerexplorer.cli import app as cli

    result = CliRunner().invoke(cli, ["explore", "--state", "Atlantis"])
    assert result.exit_code == 2 and result.stderr.startswith("careers: unknown state 'Atlantis'")
    assert result.stderr.count("\n") == 1


def test_text_from_the_users_profiles_is_shown_as_text(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = dict(session.catalog.by_slug["registered-nurse"], title="Nurse \x1b[31m[bold]Red[/bold]")
    monkeypatch.setitem(session.catalog.by_slug, "registered-nurse", entry)  # type: ignore[arg-type]
    row = session.row("registered-nurse", "why \x07")
    assert row.title == "Nurse \\x1b[31m[bold]Red[/bold]" and row.why == "why \\x07"


def test_problems_in_the_users_folders_are_shown(session: Session, tmp_path: Path) -> None:
    bad = tmp_path / "mine"
    bad.mkdir()
    (bad / "broken.toml").write_text("title = [\n", encoding="utf-8")
    app = Explorer(Session(Catalog(user_dirs=[bad]), session.shortlist_path))

    async def steps(pilot: Pilot[None]) -> None:
        assert any("broken.toml" in n.message for n in app._notifications)

    drive(app, steps)
