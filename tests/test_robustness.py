"""Bad input never crashes: user folders, broken files, hostile text, odd terminals, signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import CLEAN_ENV, unwrap
from typer.testing import CliRunner

from careerexplorer.catalog import bundled_dir
from careerexplorer.cli import app

runner = CliRunner(env=CLEAN_ENV)
SEED = bundled_dir() / "careers" / "medical-records-specialist.toml"
CLI = [sys.executable, "-m", "careerexplorer"]


def own_profile(folder: Path, slug: str = "school-counselor-local", **changes: str) -> Path:
    """A valid profile of the user's own, made from the seed with a new slug and title."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace('slug = "medical-records-specialist"', f'slug = "{slug}"', 1)
    text = text.replace('title = "Medical Records Specialist"', f'title = "{changes.get("title", "Local Records Role")}"', 1)
    if "summary" in changes:
        start = text.index("summary = ")
        end = text.index("\n", start)
        text = text[:start] + f"summary = {changes['summary']}" + text[end:]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- user folders --------------------------------------------------------------------------------


def test_a_new_user_profile_joins_list_search_compare_and_show(tmp_path: Path) -> None:
    own_profile(tmp_path / "mine", title="Hospital Records Archivist")
    base = ["--data-dir", str(tmp_path / "mine")]
    listed = runner.invoke(app, [*base, "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert "school-counselor-local" in {e["slug"] for e in unwrap(listed.stdout)}
    found = runner.invoke(app, [*base, "search", "hospital records archivist", "--json"])
    assert unwrap(found.stdout)[0]["slug"] == "school-counselor-local"
    compared = runner.invoke(app, [*base, "compare", "school-counselor-local", "registered-nurse"])
    assert compared.exit_code == 0 and "Hospital Records Archivist" in compared.stdout
    shown = runner.invoke(app, [*base, "show", "school-counselor-local"])
    assert shown.exit_code == 0 and "Hospital Records Archivist" in shown.stdout


def test_a_user_profile_replaces_the_bundled_one_with_the_same_slug(tmp_path: Path) -> None:
    own_profile(tmp_path / "mine", slug="medical-records-specialist", title="Medical Records Specialist",
                summary='"Our own local summary of this career."')
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "medical-records-specialist"])
    assert result.exit_code == 0, result.output
    assert "Our own local summary of this career." in result.stdout


def test_careers_path_adds_folders(tmp_path: Path) -> None:
    own_profile(tmp_path / "a", slug="first-local-role", title="First Local Role")
    own_profile(tmp_path / "b", slug="second-local-role", title="Second Local Role")
    env = {**CLEAN_ENV, "CAREERS_PATH": os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")])}
    result = CliRunner(env=env).invoke(app, ["compare", "first-local-role", "second-local-role"])
    assert result.exit_code == 0, result.output


def broken_cases(folder: Path) -> dict[str, str]:
    """File name -> the words its one warning line must contain."""
    folder.mkdir(parents=True)
    (folder / "malformed.toml").write_text('slug = "x\ntitle = 1\n', encoding="utf-8")
    (folder / "types.toml").write_text(SEED.read_text(encoding="utf-8").replace(
        'slug = "medical-records-specialist"', 'slug = "types"').replace("mean = 56790", 'mean = "lots"'), encoding="utf-8")
    (folder / "missing.toml").write_text('slug = "missing"\n', encoding="utf-8")
    (folder / "cluster.toml").write_text(SEED.read_text(encoding="utf-8").replace(
        'slug = "medical-records-specialist"', 'slug = "cluster"').replace(
        'cluster = "Health Science"', 'cluster = "Space Piracy"'), encoding="utf-8")
    (folder / "bytes.toml").write_bytes(b'slug = "bytes"\ntitle = "\xff\xfe"\n')
    (folder / "folder.toml").mkdir()
    (folder / "dangling.toml").symlink_to(folder / "nowhere.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    with (folder / "huge.toml").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    return {
        "malformed.toml": "invalid TOML",
        "types.toml": "wages.mean: expected an integer, found a string",
        "missing.toml": "missing required key",
        "cluster.toml": "unknown cluster 'Space Piracy'",
        "bytes.toml": "not UTF-8",
        "folder.toml": "is a folder",
        "dangling.toml": "cannot be read",
        "loop.toml": "cannot be read",
        "huge.toml": "larger than",
    }


def test_broken_user_profiles_are_one_warning_each_and_hide_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    cases = broken_cases(folder)
    own_profile(folder, slug="good-local-role", title="Good Local Role")
    result = runner.invoke(app, ["--data-dir", str(folder), "search", "good local role", "--json"])
    assert result.exit_code == 0, result.output
    assert unwrap(result.stdout)[0]["slug"] == "good-local-role"
    lines = result.stderr.splitlines()
    for name, words in cases.items():
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, (name, lines)
        assert mine[0].startswith("careers: warning: skipped ") and words in mine[0], mine[0]
    assert "Traceback" not in result.output


def test_validate_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    cases = broken_cases(folder)
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    for name, words in cases.items():
        assert any(name in line and words in line for line in result.stdout.splitlines()), name
    assert f"{folder / 'types.toml'}:" in result.stdout
    assert "10 files checked" not in result.stdout  # nine broken files, each counted
    assert "9 files checked" in result.stdout


def test_validate_of_clean_folders_exits_zero(tmp_path: Path) -> None:
    own_profile(tmp_path / "mine")
    result = runner.invoke(app, ["validate", str(tmp_path / "mine")])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 file checked, 0 problems"


def test_unknown_keys_warn_with_a_suggestion(tmp_path: Path) -> None:
    path = own_profile(tmp_path / "mine")
    path.write_text(path.read_text(encoding="utf-8").replace("job_zone = 3", "job_zone = 3\nsumary = \"typo\""), encoding="utf-8")
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "school-counselor-local"])
    assert result.exit_code == 0
    assert "sumary: unknown key; did you mean 'summary'?" in result.stderr
    strict = runner.invoke(app, ["validate", str(path)])
    assert strict.exit_code == 1 and "did you mean 'summary'" in strict.stdout


def test_duplicate_slugs_across_folders(tmp_path: Path) -> None:
    own_profile(tmp_path / "a", slug="same-local-role", title="From A")
    own_profile(tmp_path / "b", slug="same-local-role", title="From B")
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "a"), "--data-dir", str(tmp_path / "b"),
                                 "show", "same-local-role"])
    assert result.exit_code == 0
    assert "From A" in result.stdout
    assert "already comes from" in result.stderr and str(tmp_path / "b") in result.stderr
    strict = runner.invoke(app, ["validate", str(tmp_path / "a"), str(tmp_path / "b")])
    assert strict.exit_code == 1 and "is also defined in" in strict.stdout


def test_empty_and_missing_folders(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(app, ["--data-dir", str(tmp_path / "empty"), "show", "registered-nurse"])
    assert empty.exit_code == 0 and empty.stderr == ""
    missing = runner.invoke(app, ["--data-dir", str(tmp_path / "nope"), "list"])
    assert missing.exit_code == 2 and missing.stderr.strip() == f"careers: --data-dir {tmp_path / 'nope'}: not a folder"
    env = {**CLEAN_ENV, "CAREERS_PATH": str(tmp_path / "nope")}
    via_env = CliRunner(env=env).invoke(app, ["search", "registered nurse", "--json"])
    assert via_env.exit_code == 0 and "data folder does not exist" in via_env.stderr


# --- hostile text --------------------------------------------------------------------------------

HOSTILE = "[red]x[/red] [link=https://evil.example]y[/link] \x1b[31mred\x1b[0m \x07bell \rback \x1b]8;;https://e\x1b\\z\x1b]8;;\x1b\\"


def test_markup_and_control_sequences_in_profiles_are_inert(tmp_path: Path) -> None:
    import json

    own_profile(tmp_path / "mine", summary=json.dumps(HOSTILE))
    for fmt in ("table", "markdown", "csv", "json"):
        result = runner.invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "school-counselor-local", "-f", fmt])
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "\x1b" not in out and "\x07" not in out and "\r" not in out, fmt
        if fmt == "table":
            flat = "".join(out.split())
            assert "[red]x[/red]" in flat and "\\x1b[31mred" in flat and "\\x07bell" in flat


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "~/.bashrc", "..", "data/careers/registered-nurse.toml"])
def test_a_career_argument_never_becomes_a_path(name: str) -> None:
    result = runner.invoke(app, ["show", name])
    assert result.exit_code == 1
    assert result.stderr.startswith("careers: ") and result.stderr.count("\n") == 1
    assert "root:" not in result.stdout


# --- terminals -----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [20, 33, 80, 150, 300])
@pytest.mark.parametrize("args", [["show", "medical-records-specialist"], ["compare", "29-2072", "29-1141", "15-1252"],
                                  ["list", "--cluster", "Finance"], ["search", "teacher"], ["clusters"], ["about"],
                                  ["match", "-i", "IRC"]])
def test_any_width_from_20_to_300(width: int, args: list[str]) -> None:
    result = CliRunner(env={**CLEAN_ENV, "COLUMNS": str(width)}).invoke(app, args)
    assert result.exit_code == 0, result.output
    if args[0] in ("show", "list", "clusters"):
        assert max(len(line) for line in result.stdout.splitlines()) <= width


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS")}
    full.update(env)
    return subprocess.run([*CLI, *args], capture_output=True, env=full, text=True, errors="replace")


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {}])
def test_no_colour_codes_when_piped_or_asked(env: dict[str, str]) -> None:
    result = run(["show", "registered-nurse"], **env)
    assert result.returncode == 0 and "\x1b" not in result.stdout


def test_no_colour_even_when_forced_if_no_color_is_set() -> None:
    result = run(["search", "nurse"], FORCE_COLOR="1", NO_COLOR="1")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("args", [["show", "medical-records-specialist"], ["compare", "29-2072", "29-1141"], ["list"],
                                  ["search", "nurse"], ["clusters", "Health Science"]])
def test_an_ascii_only_terminal_gets_ascii(args: list[str]) -> None:
    result = run(args, PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert "Traceback" not in result.stderr


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    # A test run started in the background has Ctrl-C ignored, and a child would inherit that:
    # the command is started as from a terminal, where Ctrl-C interrupts.
    with subprocess.Popen([*CLI, "match"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) as proc:
        assert proc.stderr is not None
        deadline = time.monotonic() + 20
        seen = ""
        while "1/30" not in seen and time.monotonic() < deadline:  # wait until the quiz asks
            seen += proc.stderr.read(1)
        proc.send_signal(signal.SIGINT)
        # Wait with stdin still open: communicate() would close it, and on a busy machine the
        # quiz could read that end of its input before the signal arrives.
        proc.wait(timeout=20)
        err = proc.stderr.read()
    assert proc.returncode == 130
    assert "Traceback" not in err and "interrupted" in err


def test_a_reader_that_closes_early_gets_no_traceback() -> None:
    proc = subprocess.Popen([*CLI, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=20)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
    assert proc.returncode in (0, 1, 141)
