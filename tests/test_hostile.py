"""Hostile input, case by case: each test is a failure once found, now fixed (see issue 12)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers import CLEAN_ENV, REPO, profile_toml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from careerexplorer import sanitize, shortlist
from careerexplorer.catalog import Catalog, bundled_dir
from careerexplorer.cli import app, complete_career

SEED = bundled_dir() / "careers" / "medical-records-specialist.toml"
CLI = [sys.executable, "-m", "careerexplorer"]
OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # a clipboard write
C1 = "\x9b31m\x85\x9d"
BIDI = "\u202e\u2066\u200b\ufeff\u2028\u2029"
# Every control a terminal or a viewer could act on: C0 (but newline and tab), DEL, C1, bidi
# overrides and isolates, zero-width characters, separators.
BAD = [chr(c) for c in [*range(0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0), *range(0x202a, 0x202f),
                        *range(0x2066, 0x206a), 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x2028, 0x2029]]


def no_controls(out: str) -> bool:
    return not any(ch in out for ch in BAD)


def neutral(cell: str) -> bool:
    """A spreadsheet reads this cell as text: it starts with an apostrophe, or nothing in it,
    after leading white space, starts a formula."""
    try:
        float(cell)
        return True  # a number (-4.9) is a number, not a formula
    except ValueError:
        return cell.startswith("'") or (cell[:1] not in ("\t", "\r") and cell.lstrip(" \t\r\n")[:1] not in ("=", "+", "-", "@"))


def cli(tmp_path: Path, env: dict[str, str | None] | None = None) -> CliRunner:
    return CliRunner(env={**CLEAN_ENV, "XDG_CONFIG_HOME": str(tmp_path / "config"), **(env or {})})


def one_profile(folder: Path, slug: str = "hostile-career", **fields: object) -> Path:
    """A valid profile whose strings may hold any character (escaped as TOML reads them)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.toml"
    doc = tomllib.loads(profile_toml(slug))
    doc.update(fields)
    path.write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in doc.items()), encoding="utf-8")
    return path


def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None, timeout: float = 60,
        **kw: Any) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in {**os.environ, **CLEAN_ENV, **(env or {})}.items() if v is not None}
    return subprocess.run([*CLI, *args], check=False, input=input, capture_output="stdout" not in kw, env=full_env,
                          timeout=timeout, cwd=REPO, **kw)


def md_links_and_html(document: str) -> list[str]:
    """Links, images and raw HTML in a Markdown document, as a CommonMark renderer sees them."""
    found: list[str] = []

    def walk(tokens: Any) -> None:
        for t in tokens:
            if t.type in ("link_open", "image", "html_inline", "html_block"):
                found.append(t.attrGet("href") or t.attrGet("src") or t.content)
            walk(t.children or [])

    walk(MarkdownIt("commonmark").parse(document))
    return found


# --- text from files reaching the terminal or documents raw -------------------------------------


def test_closest_titles_line_is_sanitized(tmp_path: Path) -> None:
    one_profile(tmp_path / "mine", title="Zyxwvu Career " + OSC52 + C1)
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "search", "Zyxwvu Career",
                                        "--min-salary", "9999999"])
    assert result.exit_code == 0, result.output
    assert "Closest titles: Zyxwvu Career" in result.stdout
    assert no_controls(result.stdout), repr(result.stdout)


def test_markdown_resource_url_cannot_break_out_of_its_link(tmp_path: Path) -> None:
    evil = "https://www.bls.gov>[https://www.bls.gov](https://evil.example)"
    path = one_profile(tmp_path / "mine")
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f'[[resources]]\nname = "BLS"\nurl = {json.dumps(evil)}\n'
                 f'[[resources]]\nname = "Bell"\nurl = "https://example.org/\\u001b]8;;x\\u0007"\n'
                 '[[resources]]\nname = "Good"\nurl = "https://www.onetonline.org/link/summary/29-2072.00"\n')
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "hostile-career", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    assert md_links_and_html(result.stdout) == ["https://www.onetonline.org/link/summary/29-2072.00"]
    assert no_controls(result.stdout)


def test_markdown_backslashes_cannot_make_links_or_html(tmp_path: Path) -> None:
    one_profile(tmp_path / "mine", summary="\\[x\\](https://evil.example) \\<img src=x onerror=alert(1)\\>",
                also_called=["<b>bold</b>", "[a](javascript:x)", "![i](https://evil.example/i.png)"],
                courses=["# heading", "- item", "1. first", "www.evil.example", "https://evil.example"])
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "hostile-career", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    assert md_links_and_html(result.stdout) == []
    tokens = [t.type for t in MarkdownIt("commonmark").parse(result.stdout)]
    assert "ordered_list_open" not in tokens and tokens.count("heading_open") == len(
        [ln for ln in result.stdout.splitlines() if ln.startswith("#")])


def test_compare_csv_header_is_neutralized(tmp_path: Path) -> None:
    one_profile(tmp_path / "mine", title='=HYPERLINK("https://evil.example","x")' + OSC52)
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "compare", "hostile-career",
                                        "registered-nurse", "-f", "csv"])
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[1].startswith("'=HYPERLINK") and no_controls(result.stdout)


@pytest.mark.parametrize("value", ["\t=1+1", " =1+1", "\r=cmd", "\n@SUM(A1)", "\t-2", "-2+3"])
def test_csv_cell_neutralizes_formulas_after_whitespace(value: str) -> None:
    assert neutral(str(sanitize.csv_cell(value)))


def test_json_escapes_c1_del_bidi_and_every_non_ascii_character(tmp_path: Path) -> None:
    summary = "a\x7fb" + C1 + BIDI + "A1–A8 é"
    one_profile(tmp_path / "mine", summary=summary)
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "hostile-career", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.isascii() and no_controls(result.stdout.replace("\n", ""))
    assert json.loads(result.stdout)["career"]["summary"] == summary


def test_json_is_exact_under_an_ascii_output_encoding() -> None:
    slug = "paralegal-and-legal-assistant"
    utf8 = run("show", slug, "--json", env={"PYTHONIOENCODING": "utf-8"})
    ascii_ = run("show", slug, "--json", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_.returncode == 0, ascii_.stderr
    assert "–" in json.dumps(json.loads(utf8.stdout), ensure_ascii=False)
    assert json.loads(ascii_.stdout) == json.loads(utf8.stdout)


def test_warnings_about_keys_and_file_names_are_sanitized(tmp_path: Path) -> None:
    path = one_profile(tmp_path / "mine")
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{json.dumps(OSC52 + 'key')} = 1\n")
    bad = tmp_path / "mine" / f"x{OSC52}{BIDI[:2]}.toml"
    bad.write_text("not toml", encoding="utf-8")
    runner = cli(tmp_path, {"CAREERS_PATH": str(tmp_path / f"missing{OSC52}")})
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "mine"), "list"])
    assert result.exit_code == 0, result.output
    assert "unknown key" in result.stderr and "missing\\x1b]52" in result.stderr
    assert no_controls(result.stderr)
    assert all(line.startswith("careers: warning: ") for line in result.stderr.splitlines())
    validated = runner.invoke(app, ["validate", str(tmp_path / "mine")])
    assert validated.exit_code == 1 and no_controls(validated.stdout), validated.stdout
    given = runner.invoke(app, ["--data-dir", str(tmp_path / f"nope{OSC52}\n"), "list"])
    assert given.exit_code == 2 and no_controls(given.stderr) and len(given.stderr.splitlines()) == 1


def test_sanitize_text_makes_every_control_class_visible() -> None:
    out = sanitize.text("a" + "".join(BAD) + "\nb\tc")
    assert no_controls(out) and out.endswith("\nb\tc")
    assert sanitize.line("a\nb\tc") == "a\\x0ab\\x09c"
    assert sanitize.text("\u202e") == "\\u202e" and sanitize.text("\U000e0041") == "\\U000e0041"
    assert sanitize.text("plain text, ünïcode ✓") == "plain text, ünïcode ✓"


def test_sanitize_url_links_only_plain_http_addresses() -> None:
    assert sanitize.url("https://www.bls.gov/ooh/healthcare/x.htm?a=1#b") is not None
    for bad in ("javascript:alert(1)", "https://a.example/x y", "https://a.example/\x1b", "https://a.example/(x)",
                "https://a.example>x", "https://a.example/\u202e", "ftp://a.example", "https://a.example\\@b",
                "https://a.example/`x`", "https://a.example/[x]", 'https://a.example/"x'):
        assert sanitize.url(bad) is None, bad


# --- hangs and slow paths -----------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_toml_is_one_warning_and_never_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    os.mkfifo(folder / "x.toml")
    result = run("--data-dir", str(folder), "list", timeout=30)
    assert result.returncode == 0
    assert result.stderr.decode().count("not a regular file") == 1
    checked = run("validate", str(folder), timeout=30)
    assert checked.returncode == 1 and b"not a regular file" in checked.stdout


def test_thousands_of_unknown_keys_are_located_in_one_pass(tmp_path: Path) -> None:
    # A hang guard, not a speed target: the old per-key scan took minutes for a file like this.
    path = one_profile(tmp_path / "mine")
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(f"unknown_key_{i} = {i}\n" for i in range(12_000)))
    result = run("validate", str(path), timeout=60)
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1 and len(lines) == 12_001
    assert lines[-2].startswith(f"{path}:{12_000 + 7}: unknown_key_11999: unknown key")


@pytest.mark.parametrize("columns", ["100000", "10000000"])
def test_huge_columns_are_clamped(tmp_path: Path, columns: str) -> None:
    runner = cli(tmp_path, {"COLUMNS": columns})
    for args in (["list"], ["show", "registered-nurse"], ["compare", "registered-nurse", "medical-records-specialist"],
                 ["search", "nurse"], ["clusters"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert max(map(len, result.stdout.splitlines())) <= 500, args


def test_quiz_gives_up_on_endless_garbage(tmp_path: Path) -> None:
    result = cli(tmp_path).invoke(app, ["match"], input="what\n" * 10_000)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("careers: no answer of y, m or n")


def test_a_non_utf8_quiz_answer_is_one_clear_line() -> None:
    result = run("match", input=b"y\n\xff\xfe\n", env={"PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1].startswith("careers: an answer to the quiz is not text")
    assert b"Traceback" not in result.stderr


# --- tracebacks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["show", "x" * 251], ["compare", "x" * 251, "registered-nurse"],
                                  ["shortlist", "add", "x" * 251], ["show", "a-" * 130 + "b"]])
def test_a_name_too_long_for_the_file_system_is_one_line(tmp_path: Path, args: list[str]) -> None:
    result = cli(tmp_path).invoke(app, args)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("careers: no career matches")


def test_validate_a_folder_that_cannot_be_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if self.parent == locked:  # what stat says under a folder without search (x) permission
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    locked.mkdir()
    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = cli(tmp_path).invoke(app, ["validate", str(locked / "inner"), str(tmp_path / ("y" * 300) / "z")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "inner: cannot be read (Permission denied)" in result.stdout
    assert "z: cannot be read (File name too long)" in result.stdout


@pytest.mark.parametrize("incomplete", ["/etc/", "../", "../../*", "**/", "[a-z]", "x" * 300, "\x00", "reg"])
def test_completion_never_raises_and_stays_in_the_data_folder(incomplete: str) -> None:
    found = complete_career(incomplete)
    names = {p.stem for p in (bundled_dir() / "careers").glob("*.toml")}
    assert set(found) <= names
    assert (incomplete == "reg") == bool(found)


def test_a_deeply_nested_shortlist_is_reported_and_clear_keeps_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "config" / "careers" / "shortlist.json"
    path.parent.mkdir(parents=True)
    broken = "[" * 100_000 + "]" * 100_000
    path.write_text(broken, encoding="utf-8")
    runner = cli(tmp_path)
    listed = runner.invoke(app, ["shortlist", "list"])
    assert listed.exit_code == 1 and isinstance(listed.exception, SystemExit), repr(listed.exception)
    assert "nested too deeply" in listed.stderr and len(listed.stderr.splitlines()) == 1
    cleared = runner.invoke(app, ["shortlist", "clear"])
    assert cleared.exit_code == 0, cleared.output
    backup = path.with_name("shortlist.json.broken")
    assert str(backup) in cleared.stderr and backup.read_text(encoding="utf-8") == broken
    assert shortlist.read(path) == []


def test_clear_repairs_an_invalid_shortlist(tmp_path: Path) -> None:
    path = tmp_path / "config" / "careers" / "shortlist.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    result = cli(tmp_path).invoke(app, ["shortlist", "clear"])
    assert result.exit_code == 0 and "your shortlist is empty" in result.stdout
    assert path.with_name("shortlist.json.broken").read_text(encoding="utf-8") == "{not json"


def test_shortlist_path_is_the_one_typer_gives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import typer

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert shortlist.default_path() == Path(typer.get_app_dir("careers")) / "shortlist.json"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert shortlist.default_path() == Path(typer.get_app_dir("careers")) / "shortlist.json"
    assert "typer" not in Path(shortlist.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("stdout", ["closed", "/dev/full"])
def test_closed_or_full_stdout_is_one_line_and_exit_1(stdout: str) -> None:
    if stdout == "closed":
        result = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *CLI, "list"], check=False, capture_output=False,
                                stderr=subprocess.PIPE, timeout=60, cwd=REPO)
    else:
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full on this system")
        with open("/dev/full", "w") as full:
            result = subprocess.run([*CLI, "list"], check=False, stdout=full, stderr=subprocess.PIPE, timeout=60, cwd=REPO)
    assert result.returncode == 1
    assert len(result.stderr.decode().splitlines()) == 1, result.stderr
    assert b"Traceback" not in result.stderr


def test_a_broken_pipe_is_silent_and_non_zero() -> None:
    # The reader goes away before the first write (a pipe buffer can hold all of the output).
    proc = subprocess.Popen([*CLI, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) != 0
    assert err == b""


def test_a_profile_nested_thousands_of_levels_is_one_warning(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    for slug, tail in (("deep-career", "x = " + "[" * 10_000 + "]" * 10_000),
                       ("deeper-career", "y = " + "{a=" * 10_000 + "1" + "}" * 10_000)):
        path = one_profile(folder, slug)
        path.write_text(path.read_text(encoding="utf-8") + tail + "\n", encoding="utf-8")
    result = cli(tmp_path).invoke(app, ["--data-dir", str(folder), "list"])
    assert result.exit_code == 0 and isinstance(result.exception, (SystemExit, type(None))), repr(result.exception)
    assert result.stderr.count("nested too deeply") == 2 and len(result.stderr.splitlines()) == 2


@pytest.mark.parametrize("digits, message", [(5000, "number too long"), (400, "above the maximum")])
def test_huge_integers_are_problems_of_their_file(tmp_path: Path, digits: int, message: str) -> None:
    path = one_profile(tmp_path / "mine")
    path.write_text(path.read_text(encoding="utf-8") + "[wages]\nsource = \"x\"\nperiod = \"y\"\narea = \"z\"\n"
                    f"mean = {'9' * digits}\n", encoding="utf-8")
    runner = cli(tmp_path)
    checked = runner.invoke(app, ["validate", str(path)])
    assert checked.exit_code == 1 and message in checked.stdout, checked.output
    shown = runner.invoke(app, ["--data-dir", str(tmp_path / "mine"), "list"])
    assert shown.exit_code == 0 and message in shown.stderr and isinstance(shown.exception, (SystemExit, type(None)))


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e300"])
def test_nan_inf_and_absurd_numbers_fail_validate(tmp_path: Path, value: str) -> None:
    path = one_profile(tmp_path / "mine")
    path.write_text(path.read_text(encoding="utf-8") + "[outlook]\nsource = \"x\"\nperiod = \"y\"\n"
                    f"change_pct = {value}\n", encoding="utf-8")
    checked = cli(tmp_path).invoke(app, ["validate", str(path)])
    assert checked.exit_code == 1 and "outlook.change_pct" in checked.stdout, checked.output
    assert Catalog(user_dirs=[tmp_path / "mine"]).user_profiles == {}


# --- data ----------------------------------------------------------------------------------------------


def test_twenty_parallel_shortlist_adds_keep_all_twenty(tmp_path: Path) -> None:
    slugs = sorted(p.stem for p in (bundled_dir() / "careers").glob("*.toml"))[:20]
    env = {k: v for k, v in {**os.environ, **CLEAN_ENV, "XDG_CONFIG_HOME": str(tmp_path)}.items() if v is not None}
    procs = [subprocess.Popen([*CLI, "shortlist", "add", slug], env=env, cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for slug in slugs]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else b"") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert sorted(shortlist.read(tmp_path / "careers" / "shortlist.json")) == slugs


# --- found while hunting for the next failures -----------------------------------------------------


def test_a_profile_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = one_profile(tmp_path / "mine")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "hostile-career"])
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", [["shortlist", "list"], ["shortlist", "add", "registered-nurse"],
                                     ["shortlist", "clear"], ["compare"]])
def test_a_fifo_in_place_of_the_shortlist_is_one_line(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "careers" / "shortlist.json"
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    result = run(*command, env={"XDG_CONFIG_HOME": str(tmp_path)}, timeout=30)
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and b"not a regular file" in result.stderr


def test_a_huge_query_is_not_echoed_back_whole(tmp_path: Path) -> None:
    runner = cli(tmp_path)
    for args in (["search", "zq" * 50_000], ["show", "nurse " * 20_000]):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1) and len(result.output) < 2_500, (args[0], len(result.output))


def test_wide_titles_fit_the_list_width(tmp_path: Path) -> None:
    from rich.cells import cell_len

    one_profile(tmp_path / "mine", title="看護師" * 40)
    result = cli(tmp_path, {"COLUMNS": "60"}).invoke(app, ["--data-dir", str(tmp_path / "mine"), "list"])
    assert result.exit_code == 0
    assert any("看" in line for line in result.stdout.splitlines())
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 60


def test_a_skipped_profile_is_named_when_its_career_is_not_found(tmp_path: Path) -> None:
    path = one_profile(tmp_path / "mine", summary="")
    result = cli(tmp_path).invoke(app, ["--data-dir", str(tmp_path / "mine"), "show", "hostile-career"])
    assert result.exit_code == 1
    first, last = result.stderr.splitlines()[0], result.stderr.splitlines()[-1]
    assert first.startswith(f"careers: warning: skipped {path}") and last.startswith("careers: no career matches")


def test_thousands_of_wrong_tables_are_located_in_one_pass(tmp_path: Path) -> None:
    # A hang guard, not a speed target: locating each [[programs]] entry once scanned every header.
    path = one_profile(tmp_path / "mine")
    head = path.read_text(encoding="utf-8")
    path.write_text(head + "".join(f"[[programs]]\ncip = {i}\ntitle = 1\n" for i in range(8_000)), encoding="utf-8")
    result = run("validate", str(path), timeout=60)
    lines = result.stdout.decode().splitlines()
    first = head.count("\n") + 2
    assert result.returncode == 1 and len(lines) == 16_001
    assert lines[0] == f"{path}:{first}: programs[0].cip: expected a string, found an integer"
    assert lines[-2] == f"{path}:{first + 3 * 7_999 + 1}: programs[7999].title: expected a string, found an integer"


def test_a_folder_named_twice_is_read_once(tmp_path: Path) -> None:
    one_profile(tmp_path / "mine")
    folder = str(tmp_path / "mine")
    result = cli(tmp_path, {"CAREERS_PATH": os.pathsep.join([folder] * 50)}).invoke(app, ["--data-dir", folder, "list"])
    assert result.exit_code == 0 and result.stderr == ""
