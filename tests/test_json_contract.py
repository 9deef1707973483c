"""The JSON contract (docs/json.md): one envelope for every command, and the keys each one promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import CLEAN_ENV
from typer.testing import CliRunner

from careerexplorer.cli import app

ENTRY_KEYS = {"slug", "title", "onet_code", "soc_code", "cluster", "pathway", "salary", "median", "employment",
              "wage_basis", "education", "education_label", "growth", "outlook", "openings", "bright_outlook",
              "interests", "hourly", "outlook_basis", "education_basis", "at_least", "also_in", "figures_from",
              "education_ours", "bright_outlook_reason", "self_employed_pct"}
CASES: list[tuple[list[str], set[str]]] = [
    (["show", "medical-records-specialist"], {"career", "sections", "how_to_become"}),
    (["compare", "29-2072", "29-1141"], {"careers"}),
    (["search", "nurse"], {"query", "understood", "senses", "results", "closest", "nearest"}),
    (["list", "--cluster", "Health Science"], {"area", "careers"}),
    (["match", "--interests", "SAC"], {"interests", "results"}),
    (["clusters"], {"clusters"}),
    (["shortlist", "list"], {"careers", "missing"}),
    (["about"], {"version", "sources", "attribution", "notes"}),
    (["next", "registered-nurse"], {"career", "up", "results"}),
    (["validate", str(Path(__file__).parent / "fixtures" / "profiles" / "sample-career.toml")], {"checked", "problems", "notes"}),
]


@pytest.fixture
def runner(tmp_path: Path) -> CliRunner:
    return CliRunner(env={**CLEAN_ENV, "XDG_CONFIG_HOME": str(tmp_path)})


@pytest.mark.parametrize(("args", "keys"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_every_command_has_the_envelope_and_its_keys(runner: CliRunner, args: list[str], keys: set[str]) -> None:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    assert list(doc)[:2] == ["schema_version", "command"]
    assert doc["schema_version"] == 2 and doc["command"] == args[0]
    assert set(doc) == {"schema_version", "command", *keys}


def test_the_items_of_each_command(runner: CliRunner) -> None:
    def data(*args: str) -> dict[str, object]:
        out: dict[str, object] = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
        return out

    career = data("show", "29-2072")["career"]
    assert isinstance(career, dict) and {"slug", "title", "wages", "outlook", "education"} <= set(career)
    assert set(data("list")["careers"][0]) == ENTRY_KEYS  # type: ignore[index]
    hit = data("search", "registered nurse")["results"][0]  # type: ignore[index]
    assert set(hit) == {"slug", "title", "onet_code", "soc_code", "score", "matched", "field", "reason", "sense",
                        "facts"}
    assert set(hit["facts"]) == ENTRY_KEYS | {"work_values"}  # what search weighs for values
    assert set(data("match", "-i", "RIA")["results"][0]) == {"slug", "title", "onet_code", "fit", "why"}  # type: ignore[index]
    cluster = data("clusters")["clusters"][0]  # type: ignore[index]
    assert set(cluster) == {"name", "summary", "careers", "pathways"}
    assert set(cluster["pathways"][0]) == {"name", "summary", "courses", "careers"}
    source = data("about")["sources"][0]  # type: ignore[index]
    assert set(source) == {"name", "used_for", "vintage", "licence", "url"}


@pytest.mark.parametrize("args", [case[0] for case in CASES], ids=lambda v: " ".join(v))
def test_every_data_command_takes_every_format(runner: CliRunner, args: list[str]) -> None:
    for fmt in ("table", "json", "markdown", "csv"):
        result = runner.invoke(app, [*args, "--format", fmt])
        assert result.exit_code in (0, 1), (fmt, result.output)
        assert result.stdout.strip(), fmt
