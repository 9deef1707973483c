"""A home place (careerexplorer.home): `careers config`, an edition's edition.toml, --national."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import CLEAN_ENV
from typer.testing import CliRunner

from careerexplorer import home

SEED = "medical-records-specialist"
ND_HEADING = "Wages: North Dakota (your home state; --national for the U.S.)"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def runner(config: Path) -> CliRunner:  # this module's runner: its settings folder is known
    return CliRunner(env={**CLEAN_ENV, "XDG_CONFIG_HOME": str(config)})


def run(runner: CliRunner, app: Any, *args: str) -> Any:
    return runner.invoke(app, list(args))


def test_a_home_state_gives_the_seeds_north_dakota_salary_and_national_the_us(
    runner: CliRunner, app: Any, config: Path
) -> None:
    saved = run(runner, app, "config", "set", "state", "ND")
    assert saved.exit_code == 0, saved.output
    assert saved.stdout == f"state = ND (North Dakota); saved in {config / 'careers' / 'config.toml'}\n"
    page = run(runner, app, "show", SEED)
    assert page.exit_code == 0, page.output
    assert page.stdout.startswith(ND_HEADING + "\n\n")
    assert "$52,850" in page.stdout and "May 2025, North Dakota" in page.stdout  # as the seed page shows
    national = run(runner, app, "show", SEED, "--national")
    assert "$56,790" in national.stdout and "Wages:" not in national.stdout.splitlines()[0]
    other = run(runner, app, "show", SEED, "--state", "CA")
    assert "California" in other.stdout and "North Dakota" not in other.stdout
    assert run(runner, app, "show", SEED, "--national", "--state", "CA").exit_code == 2
    # a profile file holds the career's own figures, not the home place's
    printed = run(runner, app, "show", SEED, "-f", "toml").stdout
    assert 'area = "U.S."' in printed and "mean = 56790" in printed and "North Dakota" not in printed
    assert 'area = "California"' in run(runner, app, "show", SEED, "-f", "toml", "--state", "CA").stdout


def test_a_home_state_reaches_list_compare_json_and_markdown(runner: CliRunner, app: Any) -> None:
    run(runner, app, "config", "set", "state", "north dakota")
    listed = run(runner, app, "list", "--cluster", "Health Science")
    assert listed.stdout.startswith(ND_HEADING)
    compared = run(runner, app, "compare", SEED, "registered-nurse")
    assert compared.stdout.startswith(ND_HEADING) and "$52,850" in compared.stdout
    data = json.loads(run(runner, app, "show", SEED, "--json").stdout)  # pure JSON: the place is in the data
    assert data["career"]["wages"]["area"] == "North Dakota" and data["career"]["wages"]["mean"] == 52850
    md = run(runner, app, "show", SEED, "-f", "markdown").stdout
    assert md.startswith("*Wages: North Dakota \\(your home state; --national for the U.S.\\)*\n\n# ")


def test_the_explorer_starts_from_the_home_state(runner: CliRunner, app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Any] = []
    monkeypatch.setattr("careerexplorer.explore.run", lambda *args: started.append(args))
    monkeypatch.setattr("careerexplorer.cli.on_a_terminal", lambda: True)  # the runner is no terminal
    run(runner, app, "config", "set", "state", "ND")
    assert run(runner, app, "explore").exit_code == 0
    assert run(runner, app, "explore", "--national").exit_code == 0
    assert [args[1] for args in started] == ["ND", None]


def test_one_home_place_at_a_time_and_unset(runner: CliRunner, app: Any, config: Path) -> None:
    run(runner, app, "config", "set", "state", "ND")
    assert run(runner, app, "config", "set", "area", "fargo").stdout.startswith("area = Fargo, ND-MN;")
    shown = run(runner, app, "config", "show").stdout.splitlines()
    assert shown == [
        "area = Fargo, ND-MN",
        f"saved in {config / 'careers' / 'config.toml'}",
        "home place: Fargo, ND-MN (your home area; --national for the U.S.)",
    ]
    assert run(runner, app, "show", SEED).stdout.startswith("Wages: Fargo, ND-MN (your home area;")
    assert run(runner, app, "config", "unset", "area").stdout == "area unset\n"
    assert run(runner, app, "config", "unset", "area").stdout == "area was not set\n"
    assert "$56,790" in run(runner, app, "show", SEED).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["config", "set", "stat", "ND"], "careers: unknown setting 'stat'; did you mean 'state'?\n"),
        (["config", "unset", "aera"], "careers: unknown setting 'aera'; did you mean 'area'?\n"),
        (["config", "set", "state", "Nort Dakota"], "did you mean 'North Dakota'"),
        (["config", "set", "area", "Atlantis"], "Atlantis"),
        (["config", "set", "data-dir", "/nonexistent/folder"], "careers: data-dir /nonexistent/folder: not a folder\n"),
    ],
)
def test_bad_settings_are_one_line_and_exit_2(runner: CliRunner, app: Any, args: list[str], message: str) -> None:
    result = run(runner, app, *args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_a_data_dir_setting_puts_the_folder_in_use(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    run(runner, app, "new", SEED, "--dir", str(mine))
    (mine / f"{SEED}.toml").write_text(
        f'slug = "{SEED}"\nextends = "{SEED}"\ncourses = ["Keyboarding"]\n', encoding="utf-8"
    )
    assert run(runner, app, "config", "set", "data-dir", str(mine)).exit_code == 0
    assert "Keyboarding" in run(runner, app, "show", SEED).stdout
    # careers new writes into it by default
    made = run(runner, app, "new", "registered-nurse")
    assert made.exit_code == 0 and (mine / "registered-nurse.toml").is_file()


def test_an_edition_names_its_home_place_and_the_user_and_options_win(
    runner: CliRunner, app: Any, tmp_path: Path
) -> None:
    edition = tmp_path / "nd-careers"
    edition.mkdir()
    (edition / "edition.toml").write_text('name = "North Dakota Careers"\nstate = "ND"\n', encoding="utf-8")
    page = run(runner, app, "--data-dir", str(edition), "show", SEED)
    assert page.exit_code == 0 and page.stderr == ""  # edition.toml is not a profile
    # The heading is folded to the page's 80 columns.
    assert " ".join(page.stdout.split()).startswith(
        "Wages: North Dakota (the home state of North Dakota Careers; --national for the U.S.)"
    )
    assert "$52,850" in page.stdout
    assert run(runner, app, "validate", str(edition)).stdout == "0 files checked, 0 problems\n"
    assert "$56,790" in run(runner, app, "--data-dir", str(edition), "show", SEED, "--national").stdout
    run(runner, app, "config", "set", "state", "CA")  # what the user set wins over the edition
    assert run(runner, app, "--data-dir", str(edition), "show", SEED).stdout.startswith(
        "Wages: California (your home state;"
    )


def test_an_editions_name_is_shown_as_text(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    edition = tmp_path / "e"
    edition.mkdir()
    (edition / "edition.toml").write_text('name = "Evil\\u001b[31m *Careers* [x](http://e)"\nstate = "ND"\n', encoding="utf-8")
    page = run(runner, app, "--data-dir", str(edition), "show", SEED).stdout
    assert "\x1b" not in page and page.startswith("Wages: North Dakota (the home state of Evil\\x1b[31m *Careers*")
    md = run(runner, app, "--data-dir", str(edition), "show", SEED, "-f", "markdown").stdout
    assert "\x1b" not in md and "](http" not in md.splitlines()[0] and "\\*Careers\\*" in md.splitlines()[0]


def test_a_bad_edition_file_is_one_line(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    edition = tmp_path / "e"
    edition.mkdir()
    (edition / "edition.toml").write_text('name = "E"\nstaet = "ND"\n', encoding="utf-8")
    result = run(runner, app, "--data-dir", str(edition), "show", SEED)
    assert result.exit_code == 2
    assert result.stderr == f"careers: {edition / 'edition.toml'}: unknown key 'staet'; did you mean 'state'?\n"


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_an_edition_file_that_is_a_fifo_or_a_folder_is_one_line_not_a_hang(
    runner: CliRunner, app: Any, tmp_path: Path
) -> None:
    import os

    for kind in ("fifo", "folder"):
        edition = tmp_path / kind
        edition.mkdir()
        if kind == "fifo":
            os.mkfifo(edition / "edition.toml")
        else:
            (edition / "edition.toml").mkdir()
        result = run(runner, app, "--data-dir", str(edition), "show", SEED)
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.output
        assert str(edition / "edition.toml") in result.stderr


def test_a_hand_written_settings_file_is_read_as_toml(config: Path) -> None:
    path = config / "careers" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("# mine\nstate = 'ND'  # single quotes and a comment: not the quick form\n", encoding="utf-8")
    assert home.read_config(path) == {"state": "ND"}
    path.write_text('state = "N\\u0044"\n', encoding="utf-8")
    assert home.read_config(path) == {"state": "ND"}
    home.write_config(path, {"data-dir": 'C:\\odd "folder"\x7f', "state": "ND"})
    import tomli

    assert tomli.loads(path.read_text(encoding="utf-8")) == home.read_config(path)


def test_the_settings_folder_follows_xdg_and_ignores_a_relative_value(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG systems only")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert home.config_path() == tmp_path / "xdg" / "careers" / "config.toml"
    for ignored in ("relative/dir", "", "  "):
        monkeypatch.setenv("XDG_CONFIG_HOME", ignored)
        assert home.config_path() == tmp_path / ".config" / "careers" / "config.toml"


def test_search_with_a_home_place_still_imports_no_toml_parser_nor_platformdirs(tmp_path: Path) -> None:
    settings = tmp_path / "careers" / "config.toml"
    home.write_config(settings, {"state": "ND"})
    probe = (
        "import sys\nsys.argv = ['careers'] + sys.argv[1:]\nfrom careerexplorer.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    for args in (["search", "registered nurse"], ["show", SEED]):
        proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=True)
        modules = set(proc.stdout.split("\n")[-2].split())
        assert "careerexplorer.home" in modules, args
        assert "platformdirs" not in modules, args
        if args[0] == "search":
            assert "tomli" not in modules
        else:
            assert "North Dakota" in proc.stdout
