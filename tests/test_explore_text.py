"""Text from data in the explorer: shown as text, never as markup, an action, a link or a terminal code.

Profiles may come from someone else (docs/threat-model.md). The explorer hands Textual every string
through careerexplorer.explore.screentext; the first tests read the explorer's source to check that
nothing goes round it, the others drive the app with hostile profiles and read what reaches the
terminal, the toasts and the lists.
"""

from __future__ import annotations

import ast
import asyncio
import json
import os
import pty
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import CLEAN_ENV, REPO, profile_toml
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList
from textual.widgets._toast import Toast

from careerexplorer import shortlist
from careerexplorer.catalog import Catalog
from careerexplorer.explore.app import Explorer, SearchScreen
from careerexplorer.explore.screens import PageScreen, QuizScreen
from careerexplorer.explore.screentext import shown, tell
from careerexplorer.explore.session import Session
from careerexplorer.match import QUIZ
from careerexplorer.results import Match

EXPLORE = REPO / "careerexplorer" / "explore"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # a clipboard write
C1 = "\x9b31m\x85"
BIDI = "\u202e\u2066"
RAW = ("\x1b]", "\x07", "\x9b", "\x85", "\u202e", "\u2066")  # none of these may reach the terminal
CLICK = "[@click=app.screenshot('x.svg','{dir}')]"
LINK = "[link=https://evil.example/]"


def hostile_title(folder: Path) -> str:
    return f"Zebra Keeper [RN] {CLICK.format(dir=folder)}click[/] {LINK}link[/link] [/] [b]{OSC52}{C1}{BIDI}"


# -- the source: one way to the screen -------------------------------------------------------------------

# Calls that put text on the screen, and the keyword arguments of theirs that are not text.
SINKS = {"Static", "Label", "Option", "update", "Checkbox", "Select", "set_options", "add_option", "add_options",
         "set_line", "notify", "Button", "Tooltip", "add_row", "add_column", "write", "Input", "QueryInput"}
TEXT_KEYWORDS = {"Input": {"value"}, "QueryInput": {"value"}}  # an input's value is shown, though never as markup
# Select makes its prompt a Text itself; a placeholder is never read as markup.
NOT_TEXT = {"id", "classes", "name", "compact", "value", "layout", "severity", "timeout", "disabled", "allow_blank",
            "type", "placeholder", "expand", "shrink", "markup", "prompt"}
TEXT_ARGUMENTS = {"set_line": slice(1, 2), "Checkbox": slice(0, 1)}  # which positional arguments are text
SHOWN_ATTRIBUTES = {"title", "sub_title", "border_title", "border_subtitle", "tooltip"}


def explorer_modules() -> list[Path]:
    return sorted(EXPLORE.glob("*.py"))


def callee(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def text_functions(*trees: ast.Module) -> set[str]:
    """Functions that return Text (made by `shown`, the only maker of Text allowed)."""
    return {n.name for tree in trees for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and n.returns is not None and "Text" in ast.unparse(n.returns)}


class Checker(ast.NodeVisitor):
    """Every argument of a call that shows text is our own literal or comes from `shown`."""

    def __init__(self, path: Path, makers: set[str]) -> None:
        self.path, self.makers = path, makers | {"shown", "choices"}
        self.problems: list[str] = []
        self.text_names: list[set[str]] = [set()]

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        names = {a.arg for a in [*node.args.args, *node.args.kwonlyargs]
                 if a.annotation is not None and "Text" in ast.unparse(a.annotation)}
        # Names given a value from shown() (or a maker of Text) in this function.
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assign) and self.safe(sub.value, set()):
                names |= {t.id for t in sub.targets if isinstance(t, ast.Name)}
        self.text_names.append(names)
        self.generic_visit(node)
        self.text_names.pop()

    def safe(self, node: ast.expr, names: set[str] | None = None) -> bool:
        names = self.text_names[-1] if names is None else names
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Call):  # a sink inside another (an Option in a list) is checked on its own
            return callee(node) in self.makers or callee(node) in SINKS
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, names) and self.safe(node.orelse, names)
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, ast.Attribute) and node.attr == "plain":  # the characters of a Text from shown()
            return self.safe(node.value, names)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return all(self.safe(e, names) for e in node.elts)
        if isinstance(node, ast.Starred):
            return self.safe(node.value, names)
        if isinstance(node, ast.ListComp | ast.GeneratorExp):
            return self.safe(node.elt, names)
        return False

    def where(self, node: ast.AST) -> str:
        return f"{self.path.name}:{getattr(node, 'lineno', '?')}"

    def visit_Call(self, node: ast.Call) -> None:
        name = callee(node)
        if name in SINKS and self.path.name != "screentext.py":
            if name == "notify":
                self.problems.append(f"{self.where(node)}: notify() outside screentext.tell")
            for arg in node.args[TEXT_ARGUMENTS.get(name, slice(None))]:
                if not self.safe(arg):
                    self.problems.append(f"{self.where(node)}: {name}({ast.unparse(arg)})")
            for kw in node.keywords:
                text = kw.arg not in NOT_TEXT or kw.arg in TEXT_KEYWORDS.get(name, ())
                if text and not self.safe(kw.value):
                    self.problems.append(f"{self.where(node)}: {name}({kw.arg}={ast.unparse(kw.value)})")
                if kw.arg == "markup" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                    self.problems.append(f"{self.where(node)}: markup read in {name}()")
        if name == "notify" and self.path.name == "screentext.py":
            if not any(kw.arg == "markup" and isinstance(kw.value, ast.Constant) and kw.value.value is False
                       for kw in node.keywords):
                self.problems.append(f"{self.where(node)}: notify() without markup=False")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES and not self.safe(node.value):
                self.problems.append(f"{self.where(node)}: {ast.unparse(target)} = {ast.unparse(node.value)}")
        self.generic_visit(node)


def test_every_string_reaches_textual_through_the_one_function() -> None:
    problems: list[str] = []
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in explorer_modules()}
    makers = text_functions(*trees.values())
    for path, tree in trees.items():
        checker = Checker(path, makers)
        checker.visit(tree)
        problems += checker.problems
    assert not problems, "\n".join(problems)


def test_only_the_one_function_makes_text_or_reads_markup() -> None:
    # Outside screentext, Text is only a type: nothing builds one from a string, and no markup is parsed.
    problems = []
    for path in explorer_modules():
        source = path.read_text(encoding="utf-8")
        for n, line in enumerate(source.splitlines(), 1):
            code = line.split("#")[0]
            if re.search(r"\bfrom_markup\b|\bmarkup=True\b|render_markup|Content\(", code):
                problems.append(f"{path.name}:{n}: {line.strip()}")
            if path.name != "screentext.py" and re.search(r"\bText[.(]|\.append(_text)?\(.*,\s*style=|\bnotify\(", code):
                problems.append(f"{path.name}:{n}: {line.strip()}")
    assert not problems, "\n".join(problems)


def test_the_checker_finds_what_goes_round_the_function(tmp_path: Path) -> None:
    # The test above must be able to fail: each of these lines is caught.
    bad = [
        "self.app.notify(title)",
        "Static(profile.title)",
        "Label(f'{title}')",
        "self.query_one('#x', Static).update(str(exc))",
        "Option(f'{name} ({code})', id=code)",
        "self.title = page.profile.title",
        "Select([(c, c) for c in names], prompt=title)",
        "self.set_line('#why', reason)",
        "QueryInput(value=title, id='query')",
        "Input(str(exc))",
    ]
    for line in bad:
        path = tmp_path / "mod.py"
        source = f"def f(self, title, exc, name, code, page, profile, names, reason):\n    {line}\n"
        tree = ast.parse(source)
        checker = Checker(path, text_functions(tree))
        checker.visit(tree)
        assert checker.problems, line
    good = "def f(self, title: Text):\n    Static(shown(title))\n    Label('Keys')\n    self.set_line('#a', title)\n"
    checker = Checker(tmp_path / "mod.py", set())
    checker.visit(ast.parse(good))
    assert not checker.problems


@pytest.mark.parametrize("value", ["[@click=app.quit]x[/]", "[/]", "[link=https://evil.example/]x[/link]", "[RN]",
                                   OSC52, C1 + BIDI, "a\nb\tc"])
def test_shown_is_the_text_itself_with_controls_made_visible(value: str) -> None:
    text = shown(value)
    assert not any(ch in text.plain for ch in "\x1b\x07\x9b\x85\u202e\u2066\n\t")
    assert not text.spans  # nothing read as a style, a link or an action
    if value.isprintable():
        assert text.plain == value
    assert "\n" in shown(value, lines=True).plain or "\n" not in value


def test_tell_never_reads_markup_and_is_clamped() -> None:
    class App:
        def notify(self, message: str, **kw: Any) -> None:
            self.said = (message, kw)

    app = App()
    tell(app, "[@click=app.quit]" + OSC52 + "x" * 5000, title="[/]" + C1, severity="error")
    message, kw = app.said
    assert kw["markup"] is False and kw["title"] == "[/]\\x9b31m\\x85"
    assert message.startswith("[@click=app.quit]\\x1b]52;c;ZXZpbA==\\x07x") and len(message) <= 600


# -- hostile profiles in the app ------------------------------------------------------------------------


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Session, Path]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    mine = tmp_path / "mine"
    mine.mkdir()
    key = json.dumps(CLICK.format(dir=tmp_path) + OSC52)  # an unknown key: a warning that quotes it
    (mine / "zebra-keeper.toml").write_text(
        profile_toml("zebra-keeper", title=hostile_title(tmp_path), summary=f"Summary [b]{LINK}x[/link]{OSC52}")
        + f"{key} = 1\n", encoding="utf-8")
    (mine / f"broken{OSC52}[@click=app.quit][b].toml").write_text("title = [\n", encoding="utf-8")
    return Session(Catalog(user_dirs=[mine]), shortlist.default_path()), tmp_path


def drive(app: Explorer, steps: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(main())


def frame(app: Explorer) -> str:
    """The whole screen as the terminal would receive it (a headless app draws nothing itself)."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def toasts(app: Explorer) -> list[str]:
    """What each toast on screen shows, as drawn."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def safe_on_terminal(out: str) -> None:
    assert "\x1b[" in out, "nothing was drawn"
    for raw in RAW:
        assert raw not in out.replace("\x1b]8;", ""), raw
    # Hyperlinks (OSC 8) only to addresses a page shows as links; none from a title's markup.
    assert not [m for m in re.findall(r"\x1b]8;[^;]*;([^\x1b]*)", out) if "evil" in m]


def test_hostile_titles_keys_and_file_names_are_text_everywhere(hostile: tuple[Session, Path],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    session, tmp_path = hostile
    real_matches = session.matches

    def matches(scores: dict[str, int], limit: int = 20) -> Any:
        found = real_matches(scores, limit)
        zebra = session.catalog.by_slug["zebra-keeper"]
        return found._replace(matches=(Match(entry=zebra, fit=99.0, why=f"why [/]{OSC52}"), *found.matches))

    monkeypatch.setattr(session, "matches", matches)
    app = Explorer(session)
    frames: list[str] = []

    async def steps(pilot: Pilot[None]) -> None:
        # The problems in the folder: one toast, as text.
        assert len(app._notifications) == 1
        note = list(app._notifications)[0]
        assert note.markup is False and note.message.startswith("1 file could not be read and 1 other warning: ")
        assert "\\x1b]52" in note.message and "[@click=app.quit][b]" in note.message
        frames.append(frame(app))
        await pilot.press(*"zebra")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.rows[0].slug == "zebra-keeper"
        line = screen.results.render_line(0).text
        assert line.startswith("  Zebra Keeper [RN] [@click=app.screenshot(")
        await pilot.press("escape", "s")  # on the shortlist: the toast names the career as written
        assert shortlist.read(session.shortlist_path) == ["zebra-keeper"]
        said = list(app._notifications)[-1]
        assert said.markup is False and said.message.startswith(f"Zebra Keeper [RN] {CLICK.format(dir=tmp_path)}")
        assert "\\x1b]52;c;ZXZpbA==\\x07" in said.message and said.message.endswith(": added to your shortlist")
        await pilot.pause()
        assert any("Zebra Keeper [RN] [@click=app.screenshot(" in shown_text for shown_text in toasts(app))
        frames.append(frame(app))
        await pilot.press("enter")  # the page
        assert isinstance(app.screen, PageScreen)
        page = " ".join(app.screen.query_one("#page").text(98).plain.split())  # type: ignore[attr-defined]
        assert page.startswith("Zebra Keeper [RN] [@click=app.screenshot(") and "[/]" in page
        assert "[link=https://evil.example/]x[/link]\\x1b]52" in page  # the summary too
        await pilot.press("s")  # off the shortlist, from the page
        assert list(app._notifications)[-1].message.endswith(": taken off your shortlist")
        await pilot.pause()
        frames.append(frame(app))
        await pilot.press("escape", "i", *["y"] * len(QUIZ))  # the quiz, and its results
        assert isinstance(app.screen, QuizScreen)
        option_list = app.screen.query_one("#matches", OptionList)
        first = " ".join(" ".join(option_list.render_line(y).text for y in range(6)).split())  # the first option
        assert "Zebra Keeper [RN] [@click=app.screenshot(" in first and "why [/]\\x1b]52" in first
        frames.append(frame(app))
        await pilot.press("enter")
        assert isinstance(app.screen, PageScreen)
        assert all(n.markup is False for n in app._notifications)
        assert app.is_running
        await pilot.press("q")
        assert not app.is_running

    drive(app, steps)
    for out in frames:
        safe_on_terminal(out)
    assert "[RN]" in frames[1] and "[@click=app.screenshot(" in frames[1] and "x1b]52" in frames[0]
    assert not (tmp_path / "x.svg").exists() and not Path("x.svg").exists()  # no action ran


def test_an_error_toast_quoting_data_is_text(hostile: tuple[Session, Path]) -> None:
    session, _ = hostile
    path = session.shortlist_path
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"careers": ["registered-nurse", f"[@click=app.quit][/]{OSC52}"]}), encoding="utf-8")
    app = Explorer(session)
    frames: list[str] = []

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("escape", "c")  # compare the shortlist: its second career is unknown
        page = app.screen.query_one("#compare").text(98).plain  # type: ignore[attr-defined]
        assert "[@click=app.quit][/]\\x1b]52" in page and "Press s" in page
        frames.append(frame(app))
        await pilot.press("escape")
        assert app.is_running

    drive(app, steps)
    safe_on_terminal(frames[0])


def test_a_query_from_the_command_line_is_shown_as_text(hostile: tuple[Session, Path]) -> None:
    session, _ = hostile
    app = Explorer(session, f"zebra [/]{OSC52}")
    frames: list[str] = []

    async def steps(pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.shown_query == "zebra [/]\\x1b]52;c;ZXZpbA==\\x07"
        frames.append(frame(app))

    drive(app, steps)
    safe_on_terminal(frames[0])
    assert "zebra [/]\\x1b]52" in frames[0]


def test_pasted_text_goes_into_the_query_as_text(hostile: tuple[Session, Path]) -> None:
    session, _ = hostile
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        query = screen.query_one("#query", Input)
        query.post_message(events.Paste(f"zebra{OSC52}\nsecond line"))
        await pilot.pause()
        assert query.value == "zebra\\x1b]52;c;ZXZpbA==\\x07" and screen.shown_query == query.value
        safe_on_terminal(frame(app))

    drive(app, steps)


def test_thousands_of_broken_files_are_one_toast_and_ctrl_c_still_quits(tmp_path: Path) -> None:
    mine = tmp_path / "my careers"
    mine.mkdir()
    for n in range(3000):
        (mine / f"broken-{n:04}.toml").write_text("title = [\n", encoding="utf-8")
    session = Session(Catalog(user_dirs=[mine]), tmp_path / "shortlist.json")
    app = Explorer(session)

    async def steps(pilot: Pilot[None]) -> None:
        assert len(app._notifications) == 1
        message = list(app._notifications)[0].message
        assert message.startswith(f"3000 files could not be read: careers validate {shlex.quote(str(mine))}\n")
        assert message.endswith("(and 2999 more)")
        assert len(app.screen.query(Toast)) <= 1
        await pilot.press(*"nurse")
        assert isinstance(app.screen, SearchScreen) and app.screen.shown_query == "nurse"
        await pilot.press("ctrl+c")
        assert not app.is_running

    drive(app, steps)


def test_problems_name_only_the_folders_they_are_in(tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad folder"
    good.mkdir()
    bad.mkdir()
    (good / "fine.toml").write_text(profile_toml("fine"), encoding="utf-8")
    (bad / "a.toml").write_text("title = [\n", encoding="utf-8")
    (bad / "b.toml").write_text(profile_toml("b"), encoding="utf-8")
    session = Session(Catalog(user_dirs=[good, bad, tmp_path / "missing"]), tmp_path / "shortlist.json")
    first, second = session.problems().split("\n")
    quoted = shlex.quote(str(bad))
    assert first == f"1 file could not be read and 1 other warning: careers validate {quoted} {tmp_path / 'missing'}"
    assert second.startswith("skipped ") and second.endswith("(and 1 more)")
    assert Session(Catalog(user_dirs=[good]), tmp_path / "shortlist.json").problems() == ""


# -- no terminal ------------------------------------------------------------------------------------------


def run_explore(stdin: Any, stdout: Any, stderr: Any = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in {**os.environ, **CLEAN_ENV}.items() if v is not None}
    return subprocess.run([sys.executable, "-m", "careerexplorer", "explore", "nurse"], stdin=stdin, stdout=stdout,
                          stderr=stderr, env=env, cwd=REPO, timeout=30, check=False)


def test_explore_without_a_terminal_is_one_line_and_exit_1() -> None:
    controller, terminal = pty.openpty()
    try:
        for stdin, stdout in [(subprocess.DEVNULL, subprocess.PIPE), (terminal, subprocess.PIPE),
                              (subprocess.PIPE, terminal), (subprocess.DEVNULL, terminal)]:
            result = run_explore(stdin, stdout)
            assert result.returncode == 1, (stdin, stdout)
            assert result.stderr.decode().count("\n") == 1 and b"needs a terminal" in result.stderr
            assert not result.stdout
        # Textual draws on stderr: without a terminal there, the same line.
        assert run_explore(terminal, terminal, subprocess.PIPE).returncode == 1
    finally:
        os.close(controller)
        os.close(terminal)


def test_the_terminal_is_checked_before_textual_is_imported() -> None:
    probe = ("import sys\nsys.argv = ['careers', 'explore']\nfrom careerexplorer.cli import main\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print(code, any(m.split('.')[0] == 'textual' for m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", probe], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=30, check=False)
    assert proc.stdout.split()[-2:] == ["1", "False"], proc.stderr


def test_in_a_real_terminal_the_explorer_opens_and_no_code_from_a_profile_reaches_it(tmp_path: Path) -> None:
    import select

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "zebra-keeper.toml").write_text(profile_toml("zebra-keeper", title=hostile_title(tmp_path)), "utf-8")
    (mine / f"broken{OSC52}[@click=app.quit].toml").write_text("title = [\n", encoding="utf-8")  # a toast
    env = {k: v for k, v in {**os.environ, **CLEAN_ENV, "CAREERS_PATH": str(mine), "TERM": "xterm-256color",
                             "COLUMNS": "160", "LINES": "40", "XDG_CONFIG_HOME": str(tmp_path / "config")}.items()
           if v is not None}
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "careerexplorer", "explore", "zebra"], stdin=terminal,
                            stdout=terminal, stderr=terminal, env=env, cwd=tmp_path, close_fds=True)
    os.close(terminal)
    out = b""

    def read_until(wanted: bytes, seconds: float) -> None:
        nonlocal out
        end = time.monotonic() + seconds
        while time.monotonic() < end and wanted not in out:
            if select.select([controller], [], [], 0.1)[0]:
                try:
                    out += os.read(controller, 65536)
                except OSError:  # the other side closed
                    return

    try:
        read_until(b"[RN]", 60)  # the first screen, with the career in the results
        assert b"[RN]" in out, out[-2000:]
        os.write(controller, b"\r")  # Enter: its page
        read_until(b"What To Learn", 30)
        os.write(controller, b"\x03")  # Ctrl-C
        proc.wait(timeout=30)
        read_until(b"never", 1)
    finally:
        proc.kill()
        proc.wait()
        os.close(controller)
    assert proc.returncode == 0
    text = out.decode("utf-8", "replace")
    assert "What To Learn" in text and "[@click=app.screenshot(" in text and "\\x1b]52;c;ZXZpbA==\\x07" in text
    assert "1 file could not be read" in text and "broken\\x1b]52" in text
    # What Textual itself sends (hyperlinks, the mouse pointer's shape), and nothing from the profile.
    assert set(re.findall(r"\x1b\](\d*)", text)) <= {"8", "22"}
    assert not any(raw in text for raw in ("\x9b", "\x85", "\u202e", "\u2066"))
    assert not [m for m in re.findall(r"\x1b]8;[^;]*;([^\x1b\x07]*)", text) if "evil" in m]
