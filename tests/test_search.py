"""Ranking: what people type finds what they mean, each result says why, weak ones stay out."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from careerexplorer.catalog import Catalog
from careerexplorer.index import SearchRows, Vocabulary, entry_for, name_parts
from careerexplorer.text import stem
from careerexplorer.search import MIN_SCORE, Searcher, name_score, rank
from helpers import REPO

CATALOG = Catalog()
SEARCH = Searcher(CATALOG)
OUR_CASES = tomli.loads((REPO / "benchmarks" / "queries.toml").read_text(encoding="utf-8"))["q"]


def top(query: str, n: int = 3) -> list[str]:
    return [r.onet_code[:7] for r in SEARCH.rank(query, limit=n)]


@pytest.mark.parametrize(("a", "b"), [("coder", "coding"), ("codes", "coder"), ("nurse", "nursing"), ("nurses", "nurse"),
                                      ("accountant", "accounting"), ("teachers", "teaching"), ("secretaries", "secretary")])
def test_stems_meet(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("engineer", "engine"), ("office", "officer"), ("nurse", "nursery")])
def test_stems_keep_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_name_score_prefers_the_exact_name() -> None:
    assert name_score(["regist", "nurs"], ["regist", "nurs"]) == 100.0
    assert name_score(["nurs"], ["regist", "nurs"]) == 96.0
    assert name_score(["regist", "nurs"], ["nurs", "practition"]) < MIN_SCORE
    assert name_score(["nurs"], ["dentist"]) == 0.0


@pytest.mark.parametrize("case", OUR_CASES, ids=[c["query"] for c in OUR_CASES])
def test_our_search_cases(case: dict) -> None:
    found = top(case["query"], case["within"])
    assert any(code.startswith(tuple(case["expect"])) for code in found), (case, found)


def test_typos_acronyms_everyday_words_plural_and_word_order() -> None:
    assert top("dental hygenist", 1) == ["29-1292"]
    assert top("programer", 1) == ["15-1251"]
    assert "13-2011" in top("CPA", 3)
    assert top("cop", 1) == ["33-3051"]
    assert top("car mechanic", 1) == ["49-3023"]
    assert top("electricians", 1) == ["47-2111"]
    assert top("nurse registered", 1) == ["29-1141"]


def test_broad_words_list_the_careers_with_most_jobs_first() -> None:
    results = SEARCH.rank("teacher", limit=6)
    jobs = [CATALOG.by_slug[r.slug]["employment"] or 0 for r in results if round(r.score) == round(results[0].score)]
    assert len(jobs) > 2 and jobs == sorted(jobs, reverse=True)


def test_every_result_says_why() -> None:
    coder = SEARCH.rank("medical coder", limit=1)[0]
    assert (coder.slug, coder.field, coder.matched) == ("medical-records-specialist", "search_titles", "Medical Coder")
    assert coder.reason == "alternate title: Medical Coder"
    cpa = SEARCH.rank("CPA", limit=1)[0]
    assert cpa.reason == "certification: CPA"
    nurse = SEARCH.rank("registered nurse", limit=1)[0]
    assert nurse.reason == "title"


def test_weak_matches_are_left_out() -> None:
    assert SEARCH.rank("zzqx") == []
    assert SEARCH.rank("../../etc/passwd") == []
    assert all(r.score >= MIN_SCORE for r in SEARCH.rank("sales", limit=None))


def test_search_within_a_filtered_part_of_the_catalog() -> None:
    health = [e for e in CATALOG.entries if e["cluster"] == "Health Science"]
    results = SEARCH.rank("technician", {e["slug"] for e in health}, limit=None)
    assert results and {CATALOG.by_slug[r.slug]["cluster"] for r in results} == {"Health Science"}


def test_search_rows_decode_only_what_a_query_touches() -> None:
    rows = SEARCH.rows
    touched = rows.matching([stem("hygienist")])
    assert 0 < len(touched) < 20 and any(r["slug"] == "dental-hygienist" for r in touched)
    assert len(rows.only({"dental-hygienist"}).all()) == 1


def test_entries_of_ones_own_search_the_same_way(tmp_path: Path) -> None:
    profile = CATALOG.profile("medical-records-specialist")._replace(slug="local-coder", title="Hospital Coding Lead")
    entries = [{**entry_for(profile), "jobs": 0}]
    assert [r.slug for r in rank("coding lead", entries)] == ["local-coder"]  # type: ignore[arg-type]
    vocabulary = Vocabulary.of(entries)
    assert vocabulary.has_word("hospital") and vocabulary.has_stem(stem("coding"))
    assert SearchRows.of(entries).matching(["zzz"]) == []


def test_names_never_hold_the_separators() -> None:
    parts = name_parts("A\tB", ["C\nD", "E\x1fF"], [], [], "P", "K", "S")
    assert "\t" not in parts["names"] and parts["names"].count("\x1f") == len(parts["fields"]) - 1
