"""Shortlist, the deciding compare, interest match, clusters, export formats and completion."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CLEAN_ENV, unwrap
from typer.testing import CliRunner

from careerexplorer import shortlist
from careerexplorer.catalog import Catalog
from careerexplorer.figures import growth, money
from careerexplorer.cli import app, complete_career
from careerexplorer.match import QUIZ, code_from_answers, fit, parse_code

runner = CliRunner(env=CLEAN_ENV)


@pytest.fixture(autouse=True)
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own application folder (typer.get_app_dir honours XDG_CONFIG_HOME)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "careers"


# --- shortlist ---------------------------------------------------------------------------------


def test_shortlist_add_list_remove_clear(app_dir: Path) -> None:
    result = runner.invoke(app, ["shortlist", "add", "medical coder", "29-1141", "software-developer"])
    assert result.exit_code == 0, result.output
    assert "added: medical-records-specialist" in result.stdout
    assert "3 careers on your shortlist" in result.stdout
    assert shortlist.read(app_dir / "shortlist.json") == ["medical-records-specialist", "registered-nurse", "software-developer"]

    again = runner.invoke(app, ["shortlist", "add", "registered-nurse"])
    assert "already on the list: registered-nurse" in again.stdout

    listed = runner.invoke(app, ["shortlist", "list"])
    assert listed.exit_code == 0
    assert "Registered Nurse" in listed.stdout and "Software Developer" in listed.stdout

    removed = runner.invoke(app, ["shortlist", "remove", "registered-nurse"])
    assert "removed: registered-nurse" in removed.stdout
    listed_json = unwrap(runner.invoke(app, ["shortlist", "list", "--json"]).stdout)
    assert [e["slug"] for e in listed_json] == ["medical-records-specialist", "software-developer"]

    cleared = runner.invoke(app, ["shortlist", "clear"])
    assert cleared.exit_code == 0 and "removed 2 careers" in cleared.stdout
    assert "Your shortlist is empty" in runner.invoke(app, ["shortlist", "list"]).stdout


def test_compare_without_arguments_uses_a_shortlist_saved_by_an_earlier_process(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "COLUMNS": "100"}
    cmd = [sys.executable, "-m", "careerexplorer"]
    subprocess.run([*cmd, "shortlist", "add", "medical-records-specialist", "registered-nurse"], env=env, check=True,
                   capture_output=True)
    proc = subprocess.run([*cmd, "compare"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Medical Records Specialist" in proc.stdout and "Registered Nurse" in proc.stdout
    assert "How they differ" in proc.stdout


def test_compare_with_an_empty_shortlist_says_how_to_add() -> None:
    result = runner.invoke(app, ["compare"])
    assert result.exit_code == 2
    assert "careers shortlist add CAREER" in result.stderr


def test_a_corrupt_shortlist_is_reported_and_left_alone(app_dir: Path) -> None:
    app_dir.mkdir(parents=True)
    path = app_dir / "shortlist.json"
    path.write_text("{not json", encoding="utf-8")
    for args in (["shortlist", "list"], ["shortlist", "add", "registered-nurse"], ["compare"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert str(path) in result.stderr and "not valid JSON" in result.stderr
    assert path.read_text(encoding="utf-8") == "{not json"


def test_a_shortlist_of_the_wrong_shape_is_reported(app_dir: Path) -> None:
    app_dir.mkdir(parents=True)
    (app_dir / "shortlist.json").write_text('{"careers": "registered-nurse"}', encoding="utf-8")
    result = runner.invoke(app, ["shortlist", "list"])
    assert result.exit_code == 1 and "no list of careers" in result.stderr


def test_a_crash_while_saving_keeps_the_old_shortlist(app_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = app_dir / "shortlist.json"
    shortlist.write(path, ["registered-nurse"])

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shortlist.os, "replace", crash)
    with pytest.raises(shortlist.ShortlistError, match="cannot be saved"):
        shortlist.add(path, ["software-developer"])
    assert shortlist.read(path) == ["registered-nurse"]
    assert [p.name for p in app_dir.iterdir()] == ["shortlist.json"]  # no temporary file left


def test_shortlist_of_an_unknown_career_is_an_error() -> None:
    result = runner.invoke(app, ["shortlist", "add", "zzzz-not-a-career-zzzz"])
    assert result.exit_code == 1
    assert result.stderr.startswith("careers: ")


# --- compare -------------------------------------------------------------------------------------


def test_compare_draws_ranges_on_one_scale_and_spells_out_differences() -> None:
    result = runner.invoke(app, ["compare", "medical-records-specialist", "registered-nurse", "software-developer"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Salary ranges, 10th to 90th percentile" in out
    # One scale: from the lowest 10th percentile to the highest 90th.
    cat = Catalog()
    mrs, rn, dev = (cat.profile(s) for s in ("medical-records-specialist", "registered-nurse", "software-developer"))
    assert mrs.wages and dev.wages and mrs.outlook and rn.outlook and dev.outlook
    assert money(min(p.wages.p10 for p in (mrs, rn, dev) if p.wages and p.wages.p10)) in out
    assert money(max(p.wages.p90 for p in (mrs, rn, dev) if p.wages and p.wages.p90)) in out
    assert "Schooling to start, least first: Medical Records Specialist, 1-2 years post-secondary training" in out
    growth_line = "Growth 2024-34: " + ", ".join(f"{p.title} {growth(p.outlook.change_pct)}" for p in sorted(
        (mrs, rn, dev), key=lambda p: -(p.outlook.change_pct if p.outlook and p.outlook.change_pct else 0)) if p.outlook)
    assert growth_line + "." in out
    assert "Certifications: shared and distinct" in out


def test_compare_state_wages() -> None:
    result = runner.invoke(app, ["compare", "29-2072", "29-1141", "--state", "Mississippi", "--json"])
    assert result.exit_code == 0, result.output
    mrs, rn = unwrap(result.stdout)
    assert mrs["wages"]["area"] == "Mississippi" and mrs["wages"]["median"] == 41500


# --- match ---------------------------------------------------------------------------------------


def test_match_from_a_code_explains_each_career() -> None:
    result = runner.invoke(app, ["match", "--interests", "SAC", "-n", "5", "--json"])
    assert result.exit_code == 0, result.output
    rows = unwrap(result.stdout)
    assert len(rows) == 5 and json.loads(result.stdout)["interests"] == "SAC"
    assert [r["fit"] for r in rows] == sorted((r["fit"] for r in rows), reverse=True)
    assert all(r["why"].startswith("Social ") for r in rows)


def test_match_filters_by_education() -> None:
    result = runner.invoke(app, ["match", "-i", "RI", "--education", "high-school", "--json", "-n", "50"])
    rows = unwrap(result.stdout)
    from careerexplorer.catalog import Catalog

    by_slug = Catalog().by_slug
    assert rows and all(by_slug[r["slug"]]["education"] <= 1 for r in rows)


@pytest.mark.parametrize("code", ["XYZ", "SS", "SACE", ""])
def test_match_rejects_a_bad_code(code: str) -> None:
    result = runner.invoke(app, ["match", "--interests", code])
    assert result.exit_code == 2
    assert "R, I, A, S, E, C" in result.stderr


def test_match_quiz_in_the_terminal() -> None:
    # Say yes to every social and artistic activity, not sure to conventional ones, no to the rest.
    answers = {"social": "y", "artistic": "y", "conventional": "?"}
    typed = "".join(answers.get(kind, "n") + "\n" for kind, _ in QUIZ)
    result = runner.invoke(app, ["match", "--json", "-n", "3"], input="maybe later\n" + typed)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["interests"] == "ASC"  # prompts went to stderr: stdout is pure JSON
    assert "please answer y, m or n" in result.stderr


def test_match_quiz_cut_short_is_a_clean_error() -> None:
    result = runner.invoke(app, ["match"], input="y\ny\n")
    assert result.exit_code == 2
    assert "ended before every statement" in result.stderr


def test_quiz_has_five_statements_a_type_and_scores_add_up() -> None:
    kinds = [kind for kind, _ in QUIZ]
    assert len(QUIZ) == 30 and all(kinds.count(k) == 5 for k in set(kinds))
    assert code_from_answers({"investigative": 9, "realistic": 9, "social": 1}) == ["realistic", "investigative", "social"]
    assert parse_code("sac") == ["social", "artistic", "conventional"]
    assert fit(["social"], [1, 1, 1, 7, 1, 1]) == 100.0
    assert fit(["social"], [7, 7, 7, 1, 7, 7]) == 0.0


# --- clusters --------------------------------------------------------------------------------------


def test_clusters_lists_all_sixteen_with_counts() -> None:
    result = runner.invoke(app, ["clusters", "--json"])
    assert result.exit_code == 0
    clusters = unwrap(result.stdout)
    assert len(clusters) == 16
    assert sum(len(c["pathways"]) for c in clusters) == 79
    # Every career is counted under its pathway, and again under each other place the sources give it.
    listed = {slug for c in clusters for p in c["pathways"] for slug in p["careers"]}
    assert len(listed) == 1016 and sum(c["careers"] for c in clusters) >= 1016
    table = runner.invoke(app, ["clusters"]).stdout
    assert "Health Science" in table and "careers" in table


def test_clusters_drills_into_one() -> None:
    result = runner.invoke(app, ["clusters", "health science"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "Health Informatics" in flat and "High-school courses:" in flat
    assert "Medical Records Specialist" in flat
    assert "Finance" not in result.stdout


def test_clusters_unknown_name() -> None:
    result = runner.invoke(app, ["clusters", "Underwater Basket Weaving"])
    assert result.exit_code == 2 and "valid: Agriculture" in result.stderr


# --- formats ---------------------------------------------------------------------------------------


def test_show_markdown_is_a_printable_card() -> None:
    result = runner.invoke(app, ["show", "medical-records-specialist", "--format", "markdown"])
    assert result.exit_code == 0
    card = result.stdout
    assert card.startswith("# Medical Records Specialist\n")
    for heading in ("## What To Learn", "## Education Level", "## Insider Info", "## Extra Requirements",
                    "## Additional Information", "## Salary Range (U.S., May 2025)"):
        assert heading in card
    assert "> “Mathematics and English are important also.” — Darrell King" in card
    assert "**CPC**: Certified Professional Coder (AAPC)" in card


def test_show_csv_is_field_value_rows() -> None:
    result = runner.invoke(app, ["show", "29-2072", "-f", "csv"])
    rows = dict(csv.reader(io.StringIO(result.stdout)))
    mrs = Catalog().profile("medical-records-specialist")
    assert mrs.wages and mrs.outlook
    assert rows["wages.mean"] == str(mrs.wages.mean) and rows["outlook.change_pct"] == str(mrs.outlook.change_pct)
    assert rows["certifications[4].abbr"] == "CPC"


@pytest.mark.parametrize("args", [["search", "nurse"], ["list", "--cluster", "Health Science"],
                                  ["compare", "registered-nurse", "medical-records-specialist"]])
def test_csv_and_markdown_on_every_table(args: list[str]) -> None:
    as_csv = runner.invoke(app, [*args, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert len(rows) > 2 and all(len(r) == len(rows[0]) for r in rows)
    as_md = runner.invoke(app, [*args, "--format", "markdown"])
    lines = as_md.stdout.splitlines()
    assert lines[1].startswith("|---") and all(line.startswith("|") for line in lines)


@pytest.mark.parametrize("args", [["show", "29-2072"], ["search", "nurse"], ["list"], ["compare", "29-2072", "29-1141"]])
def test_json_carries_a_schema_version(args: list[str]) -> None:
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert data["schema_version"] == 2 and data["command"] == args[0]


def test_json_and_another_format_together_is_a_usage_error() -> None:
    result = runner.invoke(app, ["show", "29-2072", "--json", "--format", "csv"])
    assert result.exit_code == 2


def test_csv_cells_cannot_become_spreadsheet_formulas() -> None:
    from careerexplorer.export import to_csv

    assert to_csv(["a"], [["=HYPERLINK(1)"]]).splitlines()[1] == "'=HYPERLINK(1)"


# --- completion ----------------------------------------------------------------------------------


def test_completion_offers_slugs() -> None:
    found = complete_career("medical-rec")
    assert found == ["medical-records-specialist"]
    assert len(complete_career("registered")) >= 1
    assert complete_career("zzz") == []


def test_compare_csv_gives_numbers_and_the_wages_area() -> None:
    result = runner.invoke(app, ["compare", "electrician", "actor", "--state", "TX", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = {r[0]: r[1:] for r in csv.reader(io.StringIO(result.stdout))}
    assert rows["AVG. SALARY"][0].isdigit() and rows["AVG. SALARY"][1] == ""  # actors are paid by the hour
    assert float(rows["Hourly mean"][1]) > 0
    assert rows["Wages for"] == ["Texas", "Texas"]
    listed = list(csv.DictReader(io.StringIO(runner.invoke(app, ["list", "--state", "TX", "-f", "csv"]).stdout)))
    assert listed and {r["wages_for"] for r in listed} == {"Texas"}
