"""The docs cannot drift: every command has help with an example and appears in the README."""

from __future__ import annotations

import re

import pytest
import typer.main
from helpers import CLEAN_ENV, REPO
from typer.testing import CliRunner

from careerexplorer.cli import app

runner = CliRunner(env=CLEAN_ENV)
README = (REPO / "README.md").read_text(encoding="utf-8")


def commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    out = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None)
        out += [[name, sub] for sub in subs] if subs else [[name]]
    return out


@pytest.mark.parametrize("path", commands(), ids=" ".join)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert re.search(r"Example: careers " + " ".join(path), result.stdout), result.stdout
    assert f"careers {' '.join(path)}" in README or (len(path) == 2 and f"careers {path[0]} " in README)


def test_the_readme_set_up_is_two_commands() -> None:
    setup = README.split("## Set up", 1)[1].split("##", 1)[0]
    commands_in_setup = [line.strip() for line in setup.splitlines() if line.startswith("    ")]
    assert commands_in_setup == [
        "python3 -m venv .venv && .venv/bin/pip install '.[explore]' && .venv/bin/careers show medical-records-specialist",
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
    ]


def test_the_ci_script_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci and ".venv/bin/python -m pytest" in ci


def test_the_profile_format_doc_lists_every_key_of_the_schema() -> None:
    from careerexplorer.schema import markdown_keys

    doc = (REPO / "docs" / "profile-format.md").read_text(encoding="utf-8")
    table = doc.split("tests/test_docs.py keeps it current -->\n", 1)[1].split("<!-- end of keys -->", 1)[0]
    assert table == markdown_keys(), "regenerate the table: python -m tools.docs"


def test_the_model_has_a_field_for_every_key_of_the_schema() -> None:
    from careerexplorer import model
    from careerexplorer.schema import PROFILE_FIELDS

    # extends and replace make a file an overlay (careerexplorer.overlay): not part of the career.
    assert set(model.Profile._fields) - {"origin"} == set(PROFILE_FIELDS) - {"extends", "replace"}
    for key, cls in (("wages", model.Wages), ("outlook", model.Outlook), ("education", model.Education),
                     ("programs", model.Program), ("insider", model.Insider),
                     ("certifications", model.Certification), ("resources", model.Resource),
                     ("related", model.Related), ("education_survey", model.SurveyShare),
                     ("leads", model.Lead)):
        assert set(cls._fields) == set(PROFILE_FIELDS[key].fields), key
