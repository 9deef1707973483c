"""Every command of `careers` through the CLI runner: output, JSON, errors and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import PROFILES, REPO, SNAPSHOTS, one_line, profile_toml, unwrap
from typer.testing import CliRunner

from careerexplorer import __version__
from careerexplorer.catalog import Catalog
from careerexplorer.errors import InvalidProfile, Problem
from careerexplorer.sources import ONET_ATTRIBUTION, SOURCES

CORE_COMMANDS = ("show", "search", "compare", "list", "about", "validate", "schema")


def command_paths() -> list[tuple[str, ...]]:
    """Every runnable command, as the words that invoke it ('shortlist add' for a subcommand)."""
    from typer.main import get_command

    from careerexplorer.cli import app as cli_app

    out: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, (*path, name))
        else:
            out.append(path)

    walk(get_command(cli_app), ())
    return out


COMMAND_PATHS = command_paths()
TOP_COMMANDS = list(dict.fromkeys(path[0] for path in COMMAND_PATHS))
HOSTILE = "[red]x[/red] \x1b[31mred\x1b[0m bell\x07"


def invoke(runner: CliRunner, app: Any, *args: str, **kwargs: Any) -> Any:
    return runner.invoke(app, list(args), **kwargs)


def normalized(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def careers_json(runner: CliRunner, app: Any, *args: str) -> Any:
    result = invoke(runner, app, *args, "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return unwrap(result.stdout)  # the whole of stdout is one JSON document


def assert_one_line_error(result: Any, code: int) -> str:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("careers: "), line
    return line


# --- version and help ---------------------------------------------------------------------------


def test_version(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "--version")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"careers {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_python_m_careerexplorer_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "careerexplorer", "--version"], cwd=REPO, capture_output=True,
                          text=True, timeout=60, check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"careers {__version__}\n", "")


def test_the_core_commands_exist() -> None:
    assert set(CORE_COMMANDS) <= set(TOP_COMMANDS)


def test_no_arguments_shows_the_help(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app)
    assert "Usage: careers [OPTIONS] COMMAND [ARGS]..." in result.output
    for command in TOP_COMMANDS:
        assert command in result.output


def test_main_help_lists_the_commands_and_an_example(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "--help")
    assert result.exit_code == 0, result.output
    commands = re.findall(r"^  ([\w-]+)\s", result.stdout.split("Commands:")[1], re.M)
    assert commands == TOP_COMMANDS
    assert "--data-dir" in result.stdout
    assert "Example: careers show medical-records-specialist" in result.stdout


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=" ".join)
def test_help_of_each_command_has_an_example(runner: CliRunner, app: Any, path: tuple[str, ...]) -> None:
    result = invoke(runner, app, *path, "--help")
    assert result.exit_code == 0, result.output
    assert f"Example: careers {' '.join(path)}" in result.stdout


# --- show -----------------------------------------------------------------------------------------


def test_show_prints_the_page(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "show", "medical-records-specialist")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert normalized(result.stdout) == (SNAPSHOTS / "show-medical-records-specialist.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("query", ["29-2072.00", "29-2072", "Medical Records Specialist", "medical coder"])
def test_show_accepts_codes_and_titles(runner: CliRunner, app: Any, query: str) -> None:
    assert careers_json(runner, app, "show", query)["slug"] == "medical-records-specialist"


def test_show_json_is_the_profile(runner: CliRunner, app: Any, catalog: Catalog) -> None:
    data = careers_json(runner, app, "show", "medical-records-specialist")
    expected = json.loads(json.dumps(catalog.profile("medical-records-specialist").to_dict()))
    assert {k: v for k, v in data.items() if k in expected} == expected  # (extra metadata keys are allowed)
    profile = catalog.profile("medical-records-specialist")
    assert profile.wages and profile.outlook
    assert data["wages"]["mean"] == profile.wages.mean
    assert data["outlook"]["label"] == profile.outlook.label


def test_show_unknown_career_is_one_line_and_exit_1(runner: CliRunner, app: Any) -> None:
    line = assert_one_line_error(invoke(runner, app, "show", "99-9999.00"), 1)
    assert line == "careers: no career matches '99-9999.00'; try 'careers search'"


def test_show_gibberish_is_one_line_and_exit_1(runner: CliRunner, app: Any) -> None:
    assert_one_line_error(invoke(runner, app, "show", "qqqxzzv"), 1)


def test_show_ambiguous_career_lists_candidates(runner: CliRunner, app: Any) -> None:
    line = assert_one_line_error(invoke(runner, app, "show", "assembler"), 1)
    assert line.startswith("careers: 'assembler' matches several careers; did you mean ")
    assert "electromechanical-equipment-assembler" in line


def test_show_path_like_input_is_an_unknown_career(runner: CliRunner, app: Any) -> None:
    line = assert_one_line_error(invoke(runner, app, "show", "../../etc/passwd"), 1)
    assert line.startswith("careers: no career matches '../../etc/passwd'")


def test_control_characters_in_a_query_are_escaped_in_the_error(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "show", "99-9999.00\x1b[31m")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "\\x1b[31m" in one_line(result.stderr)


# --- search ---------------------------------------------------------------------------------------


def test_search_finds_medical_coder(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "search", "medical coder")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "Medical Records" in result.stdout


def test_search_json(runner: CliRunner, app: Any) -> None:
    results = careers_json(runner, app, "search", "medical coder")
    assert isinstance(results, list) and 1 <= len(results) <= 10
    for r in results:
        assert isinstance(r, dict)
        assert {"slug", "title", "onet_code", "score", "matched"} <= set(r)
        assert isinstance(r["slug"], str) and isinstance(r["title"], str) and isinstance(r["matched"], str)
        assert isinstance(r["score"], (int, float)) and not isinstance(r["score"], bool)
        assert re.fullmatch(r"\d{2}-\d{4}\.\d{2}", r["onet_code"])
    assert results[0]["slug"] == "medical-records-specialist"
    assert results[0]["onet_code"] == "29-2072.00"


def test_search_limit(runner: CliRunner, app: Any) -> None:
    assert len(careers_json(runner, app, "search", "nurse", "--limit", "2")) == 2
    assert len(careers_json(runner, app, "search", "nurse", "-n", "1")) == 1
    result = invoke(runner, app, "search", "nurse", "--limit", "0")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_search_without_results(runner: CliRunner, app: Any) -> None:
    assert careers_json(runner, app, "search", "qqqxzzvvq") == []
    result = invoke(runner, app, "search", "qqqxzzvvq")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No careers match 'qqqxzzvvq'.")


# --- compare --------------------------------------------------------------------------------------


def test_compare_prints_the_table(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "compare", "medical-records-specialist", "registered-nurse")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    # The table's rows (the exact layout is the render snapshot's business).
    table = (SNAPSHOTS / "compare-mrs-rn.txt").read_text(encoding="utf-8").splitlines()
    rows = [row for row in table
            if row.startswith("│ AVG. SALARY") or row.startswith("│ Growth") or "Medical Records Specialist" in row]
    assert len(rows) >= 3  # the snapshot holds the rows this test looks for
    for row in rows:
        assert row in [line.rstrip() for line in lines]


def test_compare_json(runner: CliRunner, app: Any) -> None:
    data = careers_json(runner, app, "compare", "29-2072", "registered-nurse", "home-health-aide", "personal-care-aide")
    assert [p["slug"] for p in data] == ["medical-records-specialist", "registered-nurse", "home-health-aide",
                                         "personal-care-aide"]
    assert data[1]["wages"]["mean"] > data[0]["wages"]["mean"]


@pytest.mark.parametrize("count", [0, 1, 5])
def test_compare_takes_2_to_4_careers(runner: CliRunner, app: Any, count: int) -> None:
    slugs = ["medical-records-specialist", "registered-nurse", "home-health-aide", "personal-care-aide", "cashier"]
    result = invoke(runner, app, "compare", *slugs[:count])
    line = assert_one_line_error(result, 2)
    if count:
        assert line == f"careers: compare takes 2 to 4 careers, got {count}"
    else:  # no careers: the (empty) shortlist
        assert line.startswith("careers: your shortlist has 0 careers;")


def test_compare_with_an_unknown_career(runner: CliRunner, app: Any) -> None:
    line = assert_one_line_error(invoke(runner, app, "compare", "registered-nurse", "99-9999.00"), 1)
    assert line == "careers: no career matches '99-9999.00'; try 'careers search'"


# --- list -----------------------------------------------------------------------------------------


def test_list_all_careers_by_title(runner: CliRunner, app: Any, catalog: Catalog) -> None:
    entries = careers_json(runner, app, "list")
    assert len(entries) == len(catalog.entries) >= 900
    titles = [e["title"].lower() for e in entries]
    assert titles == sorted(titles)
    folded = invoke(runner, app, "list").stdout  # COLUMNS=80: long titles go on over more lines
    assert all(len(line) <= 80 for line in folded.splitlines()) and "…" not in folded
    import re

    titles: list[str] = []
    for line in folded.splitlines()[1:]:
        if line.startswith("* "):
            break
        if line.startswith("  "):  # the rest of the title above
            titles[-1] += " " + line.strip()
        else:
            titles.append(re.split(r" +(?:\$|not published)", line)[0].strip())
    # Whole, though a word longer than the column may go on over two lines.
    assert ["".join(t.split()) for t in titles] == ["".join(e["title"].split()) for e in entries]
    result = invoke(runner, app, "list", env={"COLUMNS": None})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # Not a terminal, no width given: every title whole, with its slug, however wide the lines get.
    assert lines[0].split() == ["Career", "Slug", "AVG.", "SALARY", "Education", "Outlook"]
    notes = lines[len(entries) + 1 :]
    assert notes[0].startswith("* figures of a broader BLS group")
    assert any(n.startswith("† ") for n in notes)
    # Each line shows its career's whole title, slug, salary, education and outlook, in the JSON's order.
    from careerexplorer.figures import borrowed, entry_pay
    from careerexplorer.listing import bright_label, education_label, outlook_label

    for line, e in zip(lines[1:], entries):
        edu = education_label(e).replace(" (ours)", "†")
        grow = outlook_label(e) + (f"; bright: {bright_label(e)}" if e["bright_outlook"] else "")
        salary = entry_pay(e) + ("*" if borrowed(e) else "")
        assert line.startswith(e["title"] + " ") and f" {e['slug']} " in line, (line, e["slug"])
        assert f" {salary} {edu} " in line and line.endswith(grow), (line, e["slug"])


@pytest.mark.parametrize("key", ["salary", "growth", "openings"])
def test_list_sort_highest_first_missing_last(runner: CliRunner, app: Any, key: str) -> None:
    entries = careers_json(runner, app, "list", "--sort", key)
    values = [e[key] for e in entries]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=True)
    assert values == present + [None] * (len(values) - len(present))
    assert len(present) > 800


def test_list_filters(runner: CliRunner, app: Any) -> None:
    health = careers_json(runner, app, "list", "--cluster", "health science")  # case and punctuation are forgiven
    assert health and {e["cluster"] for e in health} == {"Health Science"}
    informatics = careers_json(runner, app, "list", "--pathway", "Health Informatics")
    assert {e["pathway"] for e in informatics} == {"Health Informatics"}
    assert "medical-records-specialist" in {e["slug"] for e in informatics}
    assert len(informatics) < len(health)
    both = careers_json(runner, app, "list", "--cluster", "Health Science", "--pathway", "Health Informatics",
                        "--sort", "salary")
    assert sorted(e["slug"] for e in both) == sorted(e["slug"] for e in informatics)


@pytest.mark.parametrize(
    ("level", "rank", "has_mrs"),
    [("bachelor", 5, True), ("postsecondary-award", 3, True), ("1-2 years post-secondary training", 3, True),
     ("High school diploma or equivalent", 1, False), ("high-school", 1, False)],
)
def test_list_education_is_at_most(runner: CliRunner, app: Any, level: str, rank: int, has_mrs: bool) -> None:
    entries = careers_json(runner, app, "list", "--education", level)
    assert entries
    assert all(e["education"] is not None and e["education"] <= rank for e in entries)
    assert max(e["education"] for e in entries) == rank
    assert ("medical-records-specialist" in {e["slug"] for e in entries}) is has_mrs


@pytest.mark.parametrize(
    ("option", "value", "message", "listed"),
    [
        ("--cluster", "Nope", "careers: unknown cluster 'Nope'; valid: Agriculture, Food & Natural Resources; ",
         "Transportation, Distribution & Logistics"),
        ("--pathway", "Nope", "careers: unknown pathway 'Nope'; valid: ", "Health Informatics"),
        ("--education", "phds", "careers: unknown education level 'phds'; valid: none, high-school, some-college, "
                                "postsecondary-award, associate, bachelor, master, doctoral", "doctoral"),
        ("--education", "bachelorr", "careers: unknown education level 'bachelorr'; valid: ",
         "did you mean 'bachelor'?"),
        ("--cluster", "health", "careers: unknown cluster 'health'; valid: ", "did you mean 'Health Science'?"),
        ("--outlook", "much fastr", "careers: unknown outlook", "did you mean 'much-faster'?"),
        ("--min-salary", "lots", "careers: --min-salary 'lots': give a yearly pay", "80k"),
        ("--sort", "salry", "careers: unknown --sort value 'salry'; valid: title; salary", "did you mean 'salary'?"),
        ("--format", "jsn", "careers: unknown --format value 'jsn'", "did you mean 'json'?"),
    ],
)
def test_list_invalid_filter_values(runner: CliRunner, app: Any, option: str, value: str, message: str,
                                    listed: str) -> None:
    line = assert_one_line_error(invoke(runner, app, "list", option, value), 2)
    assert line.startswith(message)
    assert listed in line


def test_list_more_filters(runner: CliRunner, app: Any) -> None:
    rich = careers_json(runner, app, "list", "--min-salary", "150000")
    assert rich and all(e["salary"] is not None and e["salary"] >= 150000 for e in rich)
    fast = careers_json(runner, app, "list", "--outlook", "much-faster")
    assert fast and {e["outlook"] for e in fast} == {"Much faster than average"}
    growing = careers_json(runner, app, "list", "--outlook", "10")
    assert growing and all(e["growth"] >= 10 for e in growing)
    bright = careers_json(runner, app, "list", "--bright-outlook", "--cluster", "Health Science")
    assert bright and all(e["bright_outlook"] and e["cluster"] == "Health Science" for e in bright)
    assert "medical-records-specialist" in {e["slug"] for e in bright}
    line = assert_one_line_error(invoke(runner, app, "list", "--outlook", "soaring"), 2)
    assert line.startswith("careers: unknown outlook 'soaring'; valid: much-faster, faster, average, ")


def test_search_filters_keep_only_matching_careers(runner: CliRunner, app: Any) -> None:
    associate_or_less = {e["slug"] for e in careers_json(runner, app, "list", "--education", "associate")}
    results = careers_json(runner, app, "search", "technician", "--education", "associate", "-n", "20")
    assert results and {r["slug"] for r in results} <= associate_or_less
    line = assert_one_line_error(invoke(runner, app, "search", "nurse", "--cluster", "Nope"), 2)
    assert line.startswith("careers: unknown cluster 'Nope'; valid: ")


def test_list_invalid_sort(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "list", "--sort", "bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown --sort value 'bogus'; valid: title; salary; growth; openings" in result.stderr


# --- about ----------------------------------------------------------------------------------------


def test_about_names_every_source_and_the_onet_attribution(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "about")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert flat.startswith(f"careers {__version__}: a terminal career explorer.")
    assert " ".join(ONET_ATTRIBUTION.split()) in flat
    for name, _, vintage, licence, url in SOURCES:
        for part in (name, vintage, licence, url):
            assert " ".join(part.split()) in flat


# --- state wages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["CA", "ca", "California", "california"])
def test_show_with_state_wages(runner: CliRunner, app: Any, state: str) -> None:
    wages = careers_json(runner, app, "show", "medical-records-specialist", "--state", state)["wages"]
    assert (wages["area"], wages["median"], wages["mean"], wages["employment"]) == ("California", 61810, 68230, 18700)


def test_state_wages_of_an_aggregate_name_their_group(runner: CliRunner, app: Any) -> None:
    wages = careers_json(runner, app, "show", "home-health-aide", "--state", "TX")["wages"]
    assert wages["area"] == "Texas"
    assert wages["basis_code"] == "31-1120"
    # Named as on the national page ("Figures for the BLS group 31-1120 Home Health and ...").
    assert wages.get("basis_title") == "Home Health and Personal Care Aides"


def test_list_and_compare_with_state_wages(runner: CliRunner, app: Any) -> None:
    entries = careers_json(runner, app, "list", "--state", "MS", "--pathway", "Health Informatics")
    mrs = next(e for e in entries if e["slug"] == "medical-records-specialist")
    assert mrs["salary"] == 44380 and mrs["median"] == 41500
    compared = careers_json(runner, app, "compare", "medical-records-specialist", "registered-nurse", "--state", "TX")
    assert [p["wages"]["area"] for p in compared] == ["Texas", "Texas"]
    assert compared[0]["wages"]["median"] == 48860


def test_unknown_state_is_a_usage_error(runner: CliRunner, app: Any) -> None:
    line = assert_one_line_error(invoke(runner, app, "show", "medical-records-specialist", "--state", "ZZ"), 2)
    assert line.startswith("careers: unknown state 'ZZ'; valid: AK, AL, ")


# --- validate and schema ------------------------------------------------------------------------------


def test_validate_the_bundled_catalog(runner: CliRunner, app: Any, catalog: Catalog) -> None:
    result = invoke(runner, app, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{len(catalog.entries)} files checked, 0 problems\n"


def test_validate_a_clean_file(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "validate", str(PROFILES / "sample-career.toml"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 file checked, 0 problems\n"


def test_validate_prints_every_problem_of_every_file(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    wrong, missing = PROFILES / "wrong-types.toml", PROFILES / "missing-keys.toml"
    result = invoke(runner, app, "validate", str(wrong), str(missing), str(tmp_path / "nope"))
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{wrong}:8: job_zone: expected an integer, found a string",
        f"{wrong}:9: also_called: expected an array of strings, found a string",
        f"{wrong}:15: wages.mean: expected an integer, found a string",
        f"{wrong}:17: wages.p10: -5 is below the minimum 0",
        f"{wrong}:20: interests.conventional: 9 is above the maximum 7",
        f"{missing}:1: title: missing required key (a string: Display title, singular, as a person says it)",
        f"{missing}:1: summary: missing required key (a string: What the work is, in one or two plain sentences)",
        f"{tmp_path / 'nope'}: no such file or folder",
        "2 files checked, 8 problems",
    ]


def test_validate_counts_unknown_keys_as_problems(runner: CliRunner, app: Any) -> None:
    path = PROFILES / "unknown-key.toml"
    result = invoke(runner, app, "validate", str(path))
    assert result.exit_code == 1, result.output
    assert result.stdout, repr(result.exception)
    assert result.stdout.splitlines() == [
        f"{path}:6: sumary: unknown key; did you mean 'summary'?",
        f"{path}:14: wages.meen: unknown key; did you mean 'mean'?",
        "1 file checked, 2 problems",
    ]


def test_validate_the_fixture_folder(runner: CliRunner, app: Any) -> None:
    result = invoke(runner, app, "validate", str(PROFILES))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines, repr(result.exception)
    assert lines[-1] == "9 files checked, 22 problems"
    files = {line.split(":")[0] for line in lines[:-1]}
    assert files == {str(p) for p in PROFILES.glob("*.toml")} - {str(PROFILES / "sample-career.toml")}


def test_validate_finds_a_slug_defined_twice(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "twin.toml").write_text(profile_toml("twin"), encoding="utf-8")
    result = invoke(runner, app, "validate", str(tmp_path / "a"), str(tmp_path / "b"))
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'b' / 'twin.toml'}: slug: 'twin' is also defined in {tmp_path / 'a' / 'twin.toml'}",
        "2 files checked, 1 problem",
    ]


def test_schema_command_prints_the_json_schema(runner: CliRunner, app: Any) -> None:
    from careerexplorer.schema import json_schema

    result = invoke(runner, app, "schema")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json_schema()


# --- user folders ---------------------------------------------------------------------------------


def test_data_dir_adds_user_profiles_and_warns_about_broken_ones(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "my-career.toml").write_text(profile_toml("my-career", title="My Career"), encoding="utf-8")
    (mine / "broken.toml").write_text('slug = "broken"\ntitle = \n', encoding="utf-8")
    result = invoke(runner, app, "--data-dir", str(mine), "show", "my-career", "--json")
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)["title"] == "My Career"
    assert one_line(result.stderr) == f"careers: warning: skipped {mine / 'broken.toml'}:2: invalid TOML: Invalid value"
    listed = invoke(runner, app, "--data-dir", str(mine), "list", "--json")
    assert "my-career" in {e["slug"] for e in unwrap(listed.stdout)}


def test_careers_path_environment_variable(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    (tmp_path / "env-career.toml").write_text(profile_toml("env-career"), encoding="utf-8")
    result = invoke(runner, app, "show", "env-career", "--json", env={"CAREERS_PATH": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)["slug"] == "env-career"


def test_a_missing_data_dir_is_a_usage_error(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    result = invoke(runner, app, "--data-dir", str(tmp_path / "nope"), "show", "medical-records-specialist")
    line = assert_one_line_error(result, 2)
    assert line == f"careers: --data-dir {tmp_path / 'nope'}: not a folder"


def test_a_missing_careers_path_folder_is_a_warning(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    result = invoke(runner, app, "show", "medical-records-specialist", "--json", env={"CAREERS_PATH": str(tmp_path / "nope")})
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)["slug"] == "medical-records-specialist"
    assert one_line(result.stderr) == f"careers: warning: {tmp_path / 'nope'}: data folder does not exist"


def test_the_fixture_profiles_folder_as_a_data_dir(runner: CliRunner, app: Any) -> None:
    # Broken files are skipped with a warning each; the valid ones, including the one with an
    # unknown key (a warning, not an error), are shown.
    result = invoke(runner, app, "--data-dir", str(PROFILES), "show", "sample-career", "--json")
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)["title"] == "Sample Career"
    warnings = result.stderr.splitlines()
    skipped = [w for w in warnings if w.startswith("careers: warning: skipped ")]
    assert len(skipped) == 7  # every fixture except sample-career.toml and unknown-key.toml
    unknown = PROFILES / "unknown-key.toml"
    assert [w for w in warnings if w not in skipped] == [
        f"careers: warning: {unknown}:6: sumary: unknown key; did you mean 'summary'?",
        f"careers: warning: {unknown}:14: wages.meen: unknown key; did you mean 'mean'?",
    ]
    result = invoke(runner, app, "--data-dir", str(PROFILES), "show", "unknown-key", "--json")
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)["summary"] == "Has a misspelt key."


def test_hostile_text_in_a_user_profile_is_inert_everywhere(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    (tmp_path / "hostile-career.toml").write_text(
        profile_toml("hostile-career", title="Hostile " + HOSTILE, summary=HOSTILE, also_called=[HOSTILE]),
        encoding="utf-8")
    for args in (["show", "hostile-career"], ["search", "hostile"], ["list", "--pathway", "Health Informatics"],
                 ["compare", "hostile-career", "medical-records-specialist"]):
        result = invoke(runner, app, "--data-dir", str(tmp_path), *args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, (args, result.output)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args
        assert "[red]x[/red]" in result.stdout, args
    show = invoke(runner, app, "--data-dir", str(tmp_path), "show", "hostile-career")
    assert "\\x1b[31mred\\x1b[0m bell\\x07" in show.stdout
    data = careers_json(runner, app, "--data-dir", str(tmp_path), "show", "hostile-career")
    assert data["summary"] == HOSTILE  # JSON carries the text as it is, safely escaped by JSON


# --- broken installations and interruptions -----------------------------------------------------------


def test_an_invalid_bundled_profile_is_one_line_and_exit_1(runner: CliRunner, app: Any, tmp_data: Path,
                                                           use_data_dir: Callable[[Path], None]) -> None:
    path = tmp_data / "careers" / "registered-nurse.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^mean = \d+$", 'mean = "a lot"', text).replace("job_zone = ", "job_zone = -"),
                    encoding="utf-8")
    use_data_dir(tmp_data)
    line = assert_one_line_error(invoke(runner, app, "show", "registered-nurse"), 1)
    zone_line, zone = next((i, ln.split(" = ")[1]) for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("job_zone"))
    assert line == (f"careers: {path}:{zone_line}: job_zone: -{zone} is below the minimum 1 "
                    "(and 1 more problem; run 'careers validate')")
    # The other careers of the catalog still work.
    assert invoke(runner, app, "show", "medical-records-specialist").exit_code == 0


def test_the_hint_of_an_invalid_profile_names_an_existing_command(runner: CliRunner, app: Any) -> None:
    message = str(InvalidProfile([Problem("a.toml", 1, "slug", "bad"), Problem("a.toml", 2, "title", "bad")]))
    command = re.search(r"run 'careers (\w+)'", message)
    assert command, message
    assert invoke(runner, app, command.group(1), "--help").exit_code == 0


def test_a_missing_index_is_a_data_error(runner: CliRunner, app: Any, tmp_data: Path,
                                         use_data_dir: Callable[[Path], None]) -> None:
    (tmp_data / "index.json").unlink()
    use_data_dir(tmp_data)
    line = assert_one_line_error(invoke(runner, app, "list"), 1)
    assert line.startswith(f"careers: {tmp_data / 'index.json'}: ")
    assert line.endswith("reinstall careers")


def test_the_small_temporary_catalog_works(runner: CliRunner, app: Any, tmp_data: Path,
                                           use_data_dir: Callable[[Path], None]) -> None:
    use_data_dir(tmp_data)
    entries = careers_json(runner, app, "list", "--sort", "salary")
    assert [e["slug"] for e in entries] == ["registered-nurse", "medical-records-specialist", "home-health-aide",
                                            "personal-care-aide"]
    assert careers_json(runner, app, "show", "29-1141")["slug"] == "registered-nurse"


def test_ctrl_c_exits_130(runner: CliRunner, app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: Catalog, query: str) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Catalog, "profile", interrupted)
    result = invoke(runner, app, "show", "medical-records-specialist")
    assert result.exit_code == 130
    assert result.stderr == "careers: interrupted\n"


# --- real terminals ---------------------------------------------------------------------------------


def run_careers(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "CAREERS_PATH")}
    env.update(COLUMNS="80", PYTHONIOENCODING=encoding)
    return subprocess.run([sys.executable, "-m", "careerexplorer", *args], cwd=REPO, env=env, capture_output=True,
                          timeout=60, check=False)


@pytest.mark.parametrize(
    "args", [("show", "medical-records-specialist"), ("compare", "medical-records-specialist", "registered-nurse")])
def test_output_on_an_ascii_terminal(args: tuple[str, ...]) -> None:
    # On a terminal that cannot show Unicode, boxes, bullets and quotes are drawn in ASCII, so
    # nothing needs replacing with '?' (the '?' count equals that of the UTF-8 output).
    ascii_run = run_careers(*args, encoding="ascii")
    utf8_run = run_careers(*args, encoding="utf-8")
    assert ascii_run.returncode == 0, ascii_run.stderr.decode(errors="replace")[-400:]
    assert ascii_run.stdout.isascii()
    assert ascii_run.stdout.count(b"?") == utf8_run.stdout.count(b"?")
    assert b"+---" in ascii_run.stdout and b"AVG. SALARY" in ascii_run.stdout
    assert not utf8_run.stdout.isascii()  # the UTF-8 run does use box drawing


@pytest.mark.parametrize(("value", "level"), [("phd", "doctoral"), ("Bachelors", "bachelor"), ("GED", "high-school"),
                                              ("certificate", "postsecondary-award"), ("Master's", "master")])
def test_education_as_people_write_it(runner: CliRunner, app: Any, value: str, level: str) -> None:
    assert careers_json(runner, app, "list", "--education", value) == careers_json(
        runner, app, "list", "--education", level)


@pytest.mark.parametrize("pay", ["80k", "$80,000", "80,000", "80000", "80K"])
def test_min_salary_as_people_write_it(runner: CliRunner, app: Any, pay: str) -> None:
    entries = careers_json(runner, app, "list", "--min-salary", pay)
    assert entries == careers_json(runner, app, "list", "--min-salary", "80000")
    assert entries and min(e["salary"] for e in entries) >= 80000


def test_compare_refuses_the_same_career_twice(runner: CliRunner, app: Any) -> None:
    line = assert_one_line_error(invoke(runner, app, "compare", "registered-nurse", "Registered Nurses"), 2)
    assert "same career (registered-nurse)" in line


def test_short_help_option_and_whole_summaries(runner: CliRunner, app: Any) -> None:
    for args in (["-h"], ["show", "-h"], ["shortlist", "-h"]):
        result = invoke(runner, app, *args)
        assert result.exit_code == 0 and result.stdout.startswith("Usage: careers"), args
    listing = invoke(runner, app, "--help").stdout
    commands = listing.split("Commands:")[1]
    assert "..." not in commands  # no summary is cut mid-phrase
    for info in app.registered_commands:
        assert info.callback.__doc__.strip().splitlines()[0] in " ".join(commands.split())


def test_one_placeholder_style(runner: CliRunner, app: Any) -> None:
    import re

    for info in app.registered_commands:
        name = info.name or info.callback.__name__
        text = invoke(runner, app, name, "--help").stdout
        assert not re.search(r"<[a-z ]+>", text), name  # no '<int range>' or '<str>'
        assert not re.search(r"[{\[]?[a-z]+[}\]]?\.{0,3}$", text.split("Usage:")[1].splitlines()[0]), name
        for metavar in re.findall(r"^ +(?:-[a-z], )?--[a-z-]+ ([A-Za-z]+)", text.split("Options:")[1], re.M):
            assert metavar.isupper(), (name, metavar)


def test_option_values_in_help_are_the_models() -> None:
    from careerexplorer import cli, listing
    from careerexplorer.model import EDUCATION_LADDER

    assert cli.EDUCATION_KEYS == tuple(key for key, _, _ in EDUCATION_LADDER)
    assert cli.OUTLOOK_KEYS == tuple(listing.OUTLOOK_KEYS)
