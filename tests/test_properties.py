"""Property-based tests: for any document or any arguments, success or a clean error, nothing else."""

from __future__ import annotations

import string
from pathlib import Path

from helpers import CLEAN_ENV
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careerexplorer.catalog import Clusters, bundled_dir, check_file
from careerexplorer.cli import app
from careerexplorer.schema import PROFILE_FIELDS
from tools.tomlwrite import dumps

CLUSTERS = Clusters.load(bundled_dir())
runner = CliRunner(env=CLEAN_ENV)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
scalar = st.one_of(text, st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False), st.booleans())
value = st.one_of(scalar, st.lists(scalar, max_size=4), st.lists(text, max_size=4),
                  st.dictionaries(st.sampled_from(["mean", "median", "source", "period", "area", "name", "x"]), scalar, max_size=4),
                  st.lists(st.dictionaries(st.sampled_from(["name", "issuer", "abbr", "cip", "title", "slug", "y"]), scalar,
                                           min_size=1, max_size=3), min_size=1, max_size=3))
keys = st.one_of(st.sampled_from(sorted(PROFILE_FIELDS)), st.text(alphabet=string.ascii_lowercase + "_-", min_size=1, max_size=12))
documents = st.dictionaries(keys, value, max_size=14)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents)
def test_loader_on_generated_documents(tmp_path: Path, doc: dict) -> None:
    try:
        source = dumps(doc)
    except TypeError:
        return  # a value our writer does not produce (mixed array types): not a profile document
    path = tmp_path / "generated.toml"
    path.write_text(source, encoding="utf-8")
    checked = check_file(path, CLUSTERS)
    assert (checked.profile is None) == bool(checked.errors)
    for problem in checked.errors + checked.warnings:
        assert problem.file == str(path) and problem.line is not None and problem.line >= 1
        assert "\n" not in str(problem)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_loader_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bytes.toml"
    path.write_bytes(data)
    checked = check_file(path, CLUSTERS)
    assert checked.profile is None and checked.errors


words = st.one_of(
    st.sampled_from(["show", "search", "compare", "list", "about", "validate", "schema", "match", "clusters",
                     "shortlist", "add", "list", "--json", "--format", "csv", "markdown", "--state", "CA", "ZZ",
                     "--sort", "salary", "growth", "--cluster", "Finance", "--pathway", "--education", "bachelor",
                     "--min-salary", "50000", "-n", "3", "--limit", "0", "--outlook", "faster", "--bright-outlook",
                     "-i", "SAC", "registered-nurse", "29-2072", "medical coder", "--help", "--version", "..", "[red]"]),
    st.text(max_size=15),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(words, max_size=6))
def test_cli_on_generated_arguments(argv: list[str], tmp_path: Path, monkeypatch: object) -> None:
    env = {**CLEAN_ENV, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = CliRunner(env=env).invoke(app, argv, input="")
    assert result.exit_code in (0, 1, 2), (argv, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (argv, repr(result.exception))
    assert "Traceback" not in result.output
