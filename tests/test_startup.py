"""Start-up guards: what `careers show <slug>` must not import (timings live in benchmarks/)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import io, sys, contextlib
sys.argv = ["careers"] + sys.argv[1:]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        from careerexplorer.cli import main
        main()
    except SystemExit as exc:
        assert not exc.code, exc.code
print(" ".join(sorted(m for m in sys.modules)))
"""


def imported(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return set(proc.stdout.split())


@pytest.mark.parametrize("career", ["medical-records-specialist", "29-2072.00", "29-2072", "Registered Nurse"])
def test_show_of_an_exact_identifier_imports_no_fuzzy_matcher(career: str) -> None:
    modules = imported("show", career)
    assert "careerexplorer.catalog" in modules  # the probe really ran the command
    assert not {m for m in modules if m.split(".")[0] in ("rapidfuzz", "thefuzz")}
    assert "careerexplorer.search" not in modules


def test_show_reads_no_index_for_a_slug() -> None:
    # The whole-catalog index is for search and list; a slug is one file.
    modules = imported("show", "medical-records-specialist")
    assert "careerexplorer.index" not in modules
    assert "rich.table" not in modules


def test_search_of_known_words_needs_no_fuzzy_matcher() -> None:
    modules = imported("search", "registered nurse")
    assert "careerexplorer.search" in modules
    assert "rapidfuzz" not in modules


def test_a_typo_brings_in_the_fuzzy_matcher() -> None:
    assert "rapidfuzz" in imported("search", "dental hygenist")


def test_the_lean_app_runs_one_command_like_the_full_app() -> None:
    from careerexplorer.cli import app, lean_app

    assert lean_app(["--help"]) is app and lean_app([]) is app and lean_app(["shortlist", "list"]) is app
    lean = lean_app(["--data-dir", "x", "show", "29-2072"])
    assert lean is not app and [c.name for c in lean.registered_commands] == ["show"]
    assert [c.name for c in lean_app(["--data-dir=x", "list"]).registered_commands] == ["list"]
    assert lean_app(["--version"]).registered_commands == []  # the version needs no command built
    for argv in (["show", "medical-records-specialist", "--json"], ["search", "nurse", "-n", "2"], ["show", "zzzz"],
                 ["show", "--help"], ["list", "--sort", "bogus"], ["compare", "29-2072"]):
        full = subprocess.run([sys.executable, "-c", "from careerexplorer.cli import app; app(prog_name='careers')",
                               *argv], capture_output=True, text=True)
        via_main = subprocess.run([sys.executable, "-c", "import sys; from careerexplorer.cli import lean_app; "
                                   "lean_app(sys.argv[1:])(prog_name='careers')", *argv], capture_output=True, text=True)
        assert (via_main.returncode, via_main.stdout, via_main.stderr) == (full.returncode, full.stdout, full.stderr), argv


@pytest.mark.parametrize("args", [("show", "medical-records-specialist"), ("search", "nurse"), ("list",)])
def test_no_command_but_explore_imports_textual(args: tuple[str, ...]) -> None:
    # Textual is the explore extra: the other commands neither need it nor pay for its import.
    modules = imported(*args)
    assert "careerexplorer.catalog" in modules
    assert not {m for m in modules if m.split(".")[0] == "textual" or m.startswith("careerexplorer.explore")}


def test_search_and_list_read_no_profile_so_import_no_toml_parser() -> None:
    for args in (["search", "registered nurse"], ["list", "--cluster", "Health Science"]):
        modules = imported(*args)
        assert "careerexplorer.catalog" in modules, args
        assert "tomli" not in modules and "careerexplorer.schema" not in modules, args


def test_the_entry_point_freezes_what_it_imported_and_collects_garbage_after() -> None:
    # Imports run with the collector paused; the command itself (the explorer above all, which
    # runs for as long as it is open) must find it running again.
    probe = (
        "import gc, sys\n"
        "sys.argv = ['careers', '--version']\n"
        "from careerexplorer.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 1000, 'careerexplorer.cli' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert proc.stdout.split()[-3:] == ["True", "True", "True"]
