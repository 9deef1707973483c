"""Property test: a hostile profile of the user's own, through every command in every format.

Whatever the profile holds (controls of every class, bidi, markup, HTML, formulas, long words,
extreme numbers), every output is one of: a clean page, a clean error. See docs/threat-model.md.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from helpers import CLEAN_ENV, make_data_dir
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile import BAD, md_links_and_html, neutral
from typer.testing import CliRunner

from careerexplorer import sanitize
from careerexplorer.cli import app

SLUG = "hostile-career"
SPECIALS = [
    "\x1b]52;c;ZXZpbA==\x07", "\x1b[31mred\x1b[0m", "\x9b2J", "\x85", "\x7f", "\u202eevil\u202c", "\u2066x\u2069",
    "\u200b", "\ufeff", "\u2028", "\u2029", "[red]x[/red]", "[link=https://evil.example]x[/link]",
    "<img src=x onerror=alert(1)>", "\\[x\\](https://evil.example)", "\\<b\\>", "[a](https://evil.example)",
    "![i](https://evil.example/i.png)", "https://evil.example", "www.evil.example", "=HYPERLINK(\"x\")", "\t=1+1",
    " -2+3", "@SUM(A1)", "\r=cmd", "# head", "- item", "1. one", "> quote", "`code`", "*em*", "&lt;b&gt;", "|",
    "x" * 400, "\n\n", "\t",
]
chars = st.characters(codec="utf-8", exclude_categories=("Cs",))
hostile = st.lists(st.one_of(st.sampled_from(SPECIALS), st.text(chars, max_size=12)), max_size=5).map("".join)
visible = st.text(st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=8)
title = st.tuples(visible, hostile).map(lambda t: "Zq " + t[0] + " " + t[1])
number = st.one_of(st.integers(-10, 10**7), st.sampled_from([0, 10**7 + 1, 10**400, -1]),
                   st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([math.nan, math.inf, 1e308]))
url = st.one_of(hostile, hostile.map(lambda s: "https://" + s), st.sampled_from([
    "https://www.bls.gov/ooh/", "https://www.bls.gov>[https://www.bls.gov](https://evil.example)",
    "javascript:alert(1)", "https://a.example/\x1b]8;;x\x07"]))
profiles = st.fixed_dictionaries(
    {"slug": st.just(SLUG), "title": title, "onet_code": st.just("29-9999.00"), "soc_code": st.just("29-9999"),
     "summary": hostile, "cluster": st.just("Health Science"), "pathway": st.just("Health Informatics")},
    optional={
        "also_called": st.lists(hostile, max_size=3),
        "courses": st.lists(hostile, max_size=3),
        "additional_info": st.lists(hostile, max_size=2),
        "education_note": hostile,
        "requirements_note": hostile,
        "sources": st.lists(hostile, max_size=2),
        "skills": st.lists(hostile, max_size=3),
        "insider": st.lists(st.fixed_dictionaries({"name": hostile, "role": hostile, "organization": hostile,
                                                   "quotes": st.lists(hostile, max_size=2)}), max_size=1),
        "certifications": st.lists(st.fixed_dictionaries({"name": hostile, "issuer": hostile, "abbr": hostile}), max_size=2),
        "resources": st.lists(st.fixed_dictionaries({"name": hostile, "url": url}), max_size=2),
        "wages": st.fixed_dictionaries({"source": hostile, "period": hostile, "area": hostile, "mean": number,
                                        "median": number, "p10": number, "p90": number}),
        "outlook": st.fixed_dictionaries({"source": hostile, "period": hostile, "change_pct": number,
                                          "openings": number}),
        "nested": st.integers(1, 3000).map(lambda n: {"deep": "[" * n + "]" * n}),
    },
)


def toml_value(value: Any) -> str:
    if isinstance(value, dict) and set(value) == {"deep"}:
        return str(value["deep"])
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (list, dict)):
        if isinstance(value, list):
            return "[" + ", ".join(toml_value(v) for v in value) + "]"
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)  # strings (escaped as TOML reads them), integers, finite floats


COMMANDS = [
    ["show", SLUG], ["compare", SLUG, "registered-nurse"], ["search", "Zq"], ["list", "--pathway", "Health Informatics"],
]
FORMATS = ["table", "json", "markdown", "csv"]


def check_output(args: list[str], fmt: str, stdout: str, stderr: str, resources: set[str]) -> None:
    allowed = "\n\t" if fmt in ("table", "markdown") else "\n"
    assert not any(ch in stdout for ch in BAD if ch not in allowed), (args, repr(stdout[:400]))
    assert not any(ch in stderr for ch in BAD if ch != "\n"), (args, repr(stderr[:400]))
    assert "Traceback" not in stdout + stderr
    if fmt == "json" and stdout:
        def refuse(name: str) -> None:
            raise AssertionError(f"{name} is not JSON")

        json.loads(stdout, parse_constant=refuse)
    elif fmt == "csv" and stdout:
        for row in csv.reader(io.StringIO(stdout)):
            assert all(neutral(cell) for cell in row), (args, row)
    elif fmt == "markdown" and stdout:
        assert set(md_links_and_html(stdout)) <= resources, (args, stdout)


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A four-career catalog: every command over it takes milliseconds, so many examples run."""
    return make_data_dir(tmp_path_factory.mktemp("small"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=profiles)
def test_hostile_profiles_through_every_command_and_format(tmp_path_factory: Any, small_data: Path,
                                                           monkeypatch: pytest.MonkeyPatch, doc: dict[str, Any]) -> None:
    monkeypatch.setattr("careerexplorer.catalog.bundled_dir", lambda: small_data)
    folder: Path = tmp_path_factory.mktemp("hostile")
    body = "".join(f"{k} = {toml_value(v)}\n" for k, v in doc.items() if not isinstance(v, list) or k == "nested"
                   or not v or not isinstance(v[0], dict))
    for key, value in doc.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            body += "".join(f"[[{key}]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in item.items()) for item in value)
    (folder / f"{SLUG}.toml").write_text(body, encoding="utf-8")
    resources = {u for r in doc.get("resources", []) if (u := sanitize.url(r["url"]))}
    runner = CliRunner(env={**CLEAN_ENV, "XDG_CONFIG_HOME": str(folder / "config")})
    base = ["--data-dir", str(folder)]
    runs = [(cmd, fmt) for cmd in COMMANDS for fmt in FORMATS]
    runs += [(["validate", str(folder)], "table"), (["match", "-i", "SAC", "--json"], "json"),
             (["match", "-i", "SAC"], "table"), (["shortlist", "add", SLUG], "table"),
             (["shortlist", "list"], "table"), (["compare"], "table")]
    for args, fmt in runs:
        extra = ["-f", fmt] if args[0] in ("show", "compare", "search", "list") and args != ["compare"] else []
        result = runner.invoke(app, [*base, *args, *extra])
        assert result.exit_code in (0, 1, 2), (args, fmt, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, fmt, repr(result.exception))
        check_output(args, fmt, result.stdout, result.stderr, resources)
