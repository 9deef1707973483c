"""Starting from a real file: `careers show CAREER -f toml` and `careers new`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import tomli
from typer.testing import CliRunner

from careerexplorer.catalog import Catalog

# One career of each family: health, hourly-only pay (arts), trades, police, teaching, military, a top-coded wage.
FAMILIES = [
    "medical-records-specialist",
    "actor",
    "electrician",
    "police-and-sheriffs-patrol-officer",
    "elementary-school-teacher-except-special-education",
    "first-line-supervisor-of-all-other-tactical-operations-specialists",
    "registered-nurse",
]


def run(runner: CliRunner, app: Any, *args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("slug", FAMILIES)
def test_show_toml_round_trips_it_validates_and_shows_the_same_page(
    runner: CliRunner, app: Any, tmp_path: Path, slug: str
) -> None:
    printed = run(runner, app, "show", slug, "-f", "toml")
    assert printed.exit_code == 0, printed.output
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / f"{slug}.toml").write_text(printed.stdout, encoding="utf-8")
    checked = run(runner, app, "validate", str(folder))
    assert checked.exit_code == 0 and checked.stdout == "1 file checked, 0 problems\n", checked.stdout
    for fmt in ("table", "json", "markdown"):
        bundled = run(runner, app, "show", slug, "-f", fmt).stdout
        saved = run(runner, app, "--data-dir", str(folder), "show", slug, "-f", fmt).stdout
        assert saved == bundled, fmt
    # and it is the bundled file's document, key for key
    bundled_doc = tomli.loads((Catalog().data_dir / "careers" / f"{slug}.toml").read_text(encoding="utf-8"))
    assert tomli.loads(printed.stdout) == bundled_doc


def test_show_toml_of_an_overlay_is_the_merged_career_and_round_trips(
    runner: CliRunner, app: Any, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "medical-records-specialist.toml").write_text(
        'slug = "medical-records-specialist"\nextends = "medical-records-specialist"\n'
        'summary = "Quotes \\"inside\\", a tab\\tand accents: é, ü."\n\n'
        '[[programs]]\ncip = "51.0707"\ntitle = "Local program"\n',
        encoding="utf-8",
    )
    printed = run(runner, app, "--data-dir", str(mine), "show", "medical-records-specialist", "-f", "toml").stdout
    doc = tomli.loads(printed)
    assert "extends" not in doc and doc["wages"]["mean"] == 56790 and doc["programs"][-1]["title"] == "Local program"
    assert doc["summary"] == 'Quotes "inside", a tab\tand accents: é, ü.'
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "medical-records-specialist.toml").write_text(printed, encoding="utf-8")
    assert run(runner, app, "validate", str(saved)).exit_code == 0
    before = run(runner, app, "--data-dir", str(mine), "show", "medical-records-specialist", "--json").stdout
    after = run(runner, app, "--data-dir", str(saved), "show", "medical-records-specialist", "--json").stdout
    assert json.loads(before) == json.loads(after)


def test_toml_is_for_show_only(runner: CliRunner, app: Any) -> None:
    result = run(runner, app, "list", "-f", "toml")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "careers: --format toml prints one career as a profile file; it is for show only\n"


def test_new_writes_an_overlay_of_a_bundled_career_that_validates_and_changes_nothing(
    runner: CliRunner, app: Any, tmp_path: Path
) -> None:
    result = run(runner, app, "new", "medical-records-specialist", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "medical-records-specialist.toml"
    assert result.stdout == (
        f"wrote {path} (an overlay of medical-records-specialist)\ncheck it with: careers validate {tmp_path}\n"
    )
    doc = tomli.loads(path.read_text(encoding="utf-8"))
    assert doc == {"slug": "medical-records-specialist", "extends": "medical-records-specialist"}
    assert "# [[insider]]" in path.read_text(encoding="utf-8")  # what to add, as comments
    checked = run(runner, app, "validate", str(tmp_path))
    assert checked.exit_code == 0 and "adds nothing yet" in checked.stdout
    plain = run(runner, app, "show", "medical-records-specialist").stdout
    assert run(runner, app, "--data-dir", str(tmp_path), "show", "medical-records-specialist").stdout == plain


def test_new_never_writes_over_a_file(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    path = tmp_path / "medical-records-specialist.toml"
    path.write_text("mine", encoding="utf-8")
    result = run(runner, app, "new", "medical-records-specialist", "--dir", str(tmp_path))
    assert result.exit_code == 1 and path.read_text(encoding="utf-8") == "mine"
    assert result.stderr == f"careers: {path} already exists; careers new never writes over a file\n"


def test_new_with_extends_and_a_new_slug(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    result = run(runner, app, "new", "night-shift-nurse", "--extends", "Registered Nurse", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    doc = tomli.loads((tmp_path / "night-shift-nurse.toml").read_text(encoding="utf-8"))
    assert doc == {"slug": "night-shift-nurse", "extends": "registered-nurse"}
    shown = json.loads(run(runner, app, "--data-dir", str(tmp_path), "show", "night-shift-nurse", "--json").stdout)
    assert shown["career"]["title"] == "Registered Nurse" and shown["career"]["wages"]["mean"]


def test_new_career_names_what_is_left_to_fill_in(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    assert run(runner, app, "new", "county-records-clerk", "--dir", str(tmp_path)).stdout.startswith(
        f"wrote {tmp_path / 'county-records-clerk.toml'} (a new career)"
    )
    checked = run(runner, app, "validate", str(tmp_path))
    assert checked.exit_code == 1
    for key in ("title", "onet_code", "soc_code", "summary", "cluster", "pathway"):
        assert "county-records-clerk.toml:" in checked.stdout and f": {key}: " in checked.stdout, key


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "Not A Slug"], "'Not A Slug' is not a slug"),
        (["new", "x-y", "--dir", "/nonexistent/folder"], "/nonexistent/folder: not a folder"),
        (["new", "x-y", "--extends", "zzzzzzzz-qqqq"], "zzzzzzzz-qqqq"),
    ],
)
def test_new_rejects_bad_input_in_one_line(runner: CliRunner, app: Any, args: list[str], message: str) -> None:
    result = run(runner, app, *args)
    assert result.exit_code != 0 and message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
