"""Search: names and descriptions of work find what people mean, each result says why, filler is
not a query, ambiguous words show each meaning, and the index is built deterministically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomli
from helpers import REPO, make_data_dir

from careerexplorer.build import write_index
from careerexplorer.catalog import Catalog
from careerexplorer import commands
from careerexplorer.errors import DataError, UsageError
from careerexplorer.listing import Filters
from careerexplorer.search import Searcher, parse, strip_filler

CATALOG = Catalog()
SEARCH = Searcher(CATALOG)
VOCABULARY = tomli.loads((REPO / "data" / "vocabulary.toml").read_text(encoding="utf-8"))


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = tomli.loads((REPO / "benchmarks" / name).read_text(encoding="utf-8"))["q"]
    return cases


def codes(query: str, n: int = 10) -> list[str]:
    return [r.onet_code for r in SEARCH.rank(query, limit=n)]


@pytest.mark.parametrize("case", load("queries.toml"), ids=lambda c: c["query"])
def test_our_name_cases(case: dict[str, Any]) -> None:
    found = codes(case["query"], case["within"])
    assert any(c.startswith(tuple(case["expect"])) for c in found), (case, found)


def test_our_everyday_cases_pass_at_least_nine_in_ten() -> None:
    cases = load("intents.toml")
    failed = []
    for case in cases:
        found = codes(case["query"], max(10, case["within"]))[: case["within"]]
        if sum(c.startswith(tuple(case["expect"])) for c in found) < case.get("need", 1):
            failed.append(case["query"])
    assert len(cases) >= 60
    assert len(failed) <= len(cases) // 10, failed


@pytest.mark.parametrize(("query", "first"), [
    ("work with animals", ("29-1131", "29-2056", "31-9096", "39-2021")),
    ("how do I become an electrician", ("47-2111",)),
    ("I want to be a registered nurse", ("29-1141",)),
    ("jobs with kids", ("25-2011", "39-9011", "25-2012", "11-9031", "25-9042")),
    ("programer", ("15-1251",)),
    ("dental hygenist", ("29-1292",)),
])
def test_what_people_type_finds_what_they_mean(query: str, first: tuple[str, ...]) -> None:
    assert codes(query, 3)[0].startswith(first), codes(query, 5)


def test_coding_shows_both_meanings_medical_coding_first() -> None:
    results = SEARCH.rank("coding", limit=6)
    assert results[0].onet_code.startswith("29-2072") and results[0].sense == "medical coding"
    programming = [r.onet_code[:7] for r in results if r.sense == "programming"]
    assert {"15-1251", "15-1252"} & set(programming)
    assert SEARCH.senses("coding")[:2] == ["medical coding", "programming"]


@pytest.mark.parametrize("word", ["coder", "nurse", "engineer", "doctor", "designer"])
def test_ambiguous_words_cover_more_than_one_meaning(word: str) -> None:
    senses = SEARCH.senses(word)
    assert len(senses) >= 2
    covered = {r.sense for r in SEARCH.rank(word, limit=10)}
    assert len(covered - {None}) >= 2


@pytest.mark.parametrize("query", ["", "   ", "how do I become", "I want to be a", "jobs with", "the"])
def test_an_empty_query_or_only_filler_is_a_usage_error(query: str) -> None:
    with pytest.raises(UsageError):
        SEARCH.rank(query)


def test_filler_goes_whole_words_only() -> None:
    filler = VOCABULARY["filler"]
    assert strip_filler("How do I become an electrician?", sorted(filler, key=len, reverse=True)).endswith("electrician")
    assert "social work" in strip_filler("jobs in social work", filler)


def test_everyday_words_reach_the_catalogs_terms() -> None:
    parsed = parse("work with animals", SEARCH.vocabulary)
    assert [g.text for g in parsed.groups] == ["animals"] and parsed.groups[0].expanded
    assert "veterinary" in parsed.groups[0].terms


def test_every_vocabulary_term_is_in_the_catalog() -> None:
    # A mapping to a word no career has reaches nothing; each term must occur in the index.
    missing = []
    for word, terms in VOCABULARY["words"].items():
        for term in terms:
            if not SEARCH.indexes[0][0].matching('"' + " ".join(term.lower().split()) + '"', limit=1):
                missing.append((word, term))
    assert not missing, missing[:20]


def test_each_result_says_why() -> None:
    by_title = SEARCH.rank("registered nurse", limit=1)[0]
    assert by_title.reason == "title"
    coder = SEARCH.rank("medical coder", limit=1)[0]
    assert coder.onet_code.startswith("29-2072") and "title" in coder.reason
    work = next(r for r in SEARCH.rank("fix computers", limit=5))
    assert work.reason


def test_task_statements_are_indexed_but_never_shown() -> None:
    # A phrase only task statements hold finds the career, and the reason does not quote it.
    statement = "Prepare and assemble vaccines"  # words of task statements, not of any title
    results = SEARCH.rank(statement, limit=5)
    assert results
    assert all(statement.lower() not in r.reason.lower() for r in results)


def test_search_within_a_filtered_part_of_the_catalog() -> None:
    health = {e["slug"] for e in CATALOG.entries if e["cluster"] == "Health Science"}
    results = SEARCH.rank("technician", health, limit=None)
    assert results and all(r.slug in health for r in results)


def test_sorting_orders_every_good_match_not_only_the_first_ones() -> None:
    by_salary = SEARCH.rank("nurse", limit=None, order=lambda slug: -(CATALOG.by_slug[slug]["salary"] or 0))
    salaries = [CATALOG.by_slug[r.slug]["salary"] or 0 for r in by_salary]
    assert salaries == sorted(salaries, reverse=True) and len(by_salary) > 10


def test_nonsense_finds_nothing() -> None:
    assert SEARCH.rank("zzqx") == []
    assert SEARCH.rank("qqqxzzvvq xkcdq") == []


def test_the_index_is_the_same_when_built_twice(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    first = (data / "search.db").read_bytes()
    write_index(data)
    assert (data / "search.db").read_bytes() == first


def test_a_search_reads_its_results_figures_from_the_search_index_not_the_catalog_index(tmp_path: Path) -> None:
    # Every data file but the whole-catalog index: a search without filters must not need it.
    from careerexplorer.catalog import bundled_dir

    for item in bundled_dir().iterdir():
        if item.name != "index.json":
            (tmp_path / item.name).symlink_to(item)
    cat = Catalog(data_dir=tmp_path)
    found = commands.search(cat, "registered nurse", Filters())
    nurse = next(h for h in found.hits if h.slug == "registered-nurse")
    assert nurse.facts is not None and nurse.facts["soc_code"] == "29-1141" and nurse.facts["salary"]
    with pytest.raises(DataError):
        cat.entries  # noqa: B018 (the index really is missing: reading it fails)


def test_an_everyday_word_listed_only_in_the_plural_is_found_in_the_singular() -> None:
    words = VOCABULARY["words"]
    only_plural = [w for w in words if w.endswith("s") and w.isalpha() and w[:-1] not in words and len(w) > 4]
    assert "boats" in only_plural
    for plural in only_plural:
        (group,) = parse(plural[:-1], SEARCH.vocabulary).groups
        assert group.expanded and group.terms[1:] == tuple(words[plural]), plural


def test_a_searcher_that_keeps_parts_between_queries_answers_as_a_fresh_one() -> None:
    # Typed key by key, as in the explorer: the earlier words' matches come from what the searcher
    # kept, and the answer to each text is the one a new searcher gives.
    kept = Searcher(CATALOG)
    for query in ("software developer", "data scientist", "work with animals", "coding"):
        for end in range(3, len(query) + 1, 3):
            text = query[:end]
            try:
                fresh = Searcher(CATALOG).rank(text, limit=20)
            except UsageError:
                continue
            assert kept.rank(text, limit=20) == fresh, text
