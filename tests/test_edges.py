"""Small edges of the command line: no library speaks for us, an impossible --data-dir is a usage
error, and every problem of a profile is located at its real line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CLEAN_ENV, one_line, profile_toml
from typer.testing import CliRunner

from careerexplorer.cli import app
from careerexplorer.search import closest_titles

runner = CliRunner(env=CLEAN_ENV)


@pytest.mark.parametrize("query", ["???", "!!", ". ,", "\u2014"])
def test_a_query_of_only_punctuation_prints_only_our_line(query: str) -> None:
    # thefuzz logs a warning of its own when a query is empty once it is cleaned; a subprocess
    # sees what logging prints (the test runner would capture it).
    done = subprocess.run([sys.executable, "-m", "careerexplorer", "show", query], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1
    assert one_line(done.stderr) == f"careers: no career matches {query!r}; try 'careers search'"
    assert done.stdout == ""


def test_closest_titles_of_nothing_is_nothing() -> None:
    assert closest_titles("???", [{"title": "Nurse"}]) == []  # type: ignore[list-item]


@pytest.mark.parametrize("length", [300, 5000])
def test_a_data_dir_too_long_for_the_file_system_is_a_usage_error(length: int) -> None:
    result = runner.invoke(app, ["--data-dir", "a" * length, "list"])
    assert result.exit_code == 2, result.output
    line = one_line(result.stderr)
    assert line.startswith("careers: --data-dir: File name too long: aaa")


def test_a_data_dir_that_is_a_symlink_loop_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "loop"), "list"])
    assert result.exit_code == 2, result.output
    line = one_line(result.stderr)
    assert line.startswith("careers: --data-dir") and str(tmp_path / "loop") in line


def test_validate_locates_quoted_unknown_keys_at_their_line(tmp_path: Path) -> None:
    text = profile_toml("odd-keys") + '"odd key" = 1\n' + "'literal key' = 2\n" + '"dotted.key" = 3\n'
    text += '\n[[programs]]\ncip = "51.0707"\ntitle = "Health Information"\n"odd key" = 4\n'
    (tmp_path / "odd-keys.toml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    result = runner.invoke(app, ["validate", str(tmp_path / "odd-keys.toml")])
    assert result.exit_code == 1, result.output
    reported = {ln.split(": ", 2)[1]: int(ln.split(": ")[0].rsplit(":", 1)[1]) for ln in result.stdout.splitlines()
                if ln.endswith("unknown key") or "unknown key" in ln}
    assert lines[reported["odd key"] - 1] == '"odd key" = 1'
    assert lines[reported["literal key"] - 1] == "'literal key' = 2"
    assert lines[reported["dotted.key"] - 1] == '"dotted.key" = 3'
    assert lines[reported["programs[0].odd key"] - 1] == '"odd key" = 4'
    assert reported["programs[0].odd key"] > reported["odd key"]
