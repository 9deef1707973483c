"""What a query asks beyond its topic: limits, pay, growth, "not", values; saying when nothing fits;
reasons that are true; and several words without quotes on the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import tomli
from helpers import REPO

from careerexplorer import commands
from careerexplorer.asks import EDUCATION_SAID, literal, read, value_score
from careerexplorer.catalog import Catalog
from careerexplorer.listing import Filters, education_level
from careerexplorer.search import SEP, Group, Searcher, is_catch_all, matcher, ruled_out

CATALOG = Catalog()
SEARCH = Searcher(CATALOG)
SHARED = REPO.parent / "shared" / "queries"


def found(query: str, filters: Filters | None = None, **options: Any) -> commands.SearchHits:
    return commands.search(CATALOG, query, filters or Filters(), searcher=SEARCH, **options)


@pytest.mark.parametrize(
    ("query", "topic", "education"),
    [
        ("trades without college", "trades", "postsecondary-award"),
        ("art jobs with just a certificate", "art jobs", "postsecondary-award"),
        ("associate degree jobs in technology", "jobs in technology", "associate"),
        ("computer jobs without a 4 year degree", "computer jobs", "associate"),
        ("2 year degree", "", "associate"),
        ("office jobs right out of high school", "office jobs", "high-school"),
        ("jobs with no diploma", "jobs with", "none"),
        ("nurse without a bachelor's", "nurse", "associate"),
        ("something that doesn't need college", "", "postsecondary-award"),
    ],
)
def test_schooling_limits_are_read_and_leave_the_topic(query: str, topic: str, education: str) -> None:
    asks = read(query)
    assert asks.education == education_level(education)
    assert asks.topic == topic


@pytest.mark.parametrize(
    ("query", "pay"),
    [
        ("science careers that pay over 90k", 90_000),
        ("make $100k", 100_000),
        ("jobs that make 90,000 a year", 90_000),
        ("$25 an hour", 52_000),
        ("six figure jobs", 100_000),
        ("high paying jobs in healthcare", 80_000),
        ("good paying jobs with animals", 60_000),
    ],
)
def test_pay_is_read_as_a_yearly_floor(query: str, pay: int) -> None:
    assert read(query).min_salary == pay


def test_figures_that_are_not_pay_stay_in_the_topic() -> None:
    assert read("911 dispatcher").min_salary is None
    assert read("3d artist").topic == "3d artist"


@pytest.mark.parametrize(
    ("query", "topic", "excluded"),
    [
        ("no math", "", ("math",)),
        ("healthcare without blood", "healthcare", ("blood",)),
        ("healthcare but not nursing", "healthcare", ("nursing",)),
        ("I don't want to sit at a desk", "", ("desk",)),
        ("i hate math but love art", "i love art", ("math",)),
        ("cooking no experience", "cooking", ()),
    ],
)
def test_what_a_query_rules_out(query: str, topic: str, excluded: tuple[str, ...]) -> None:
    asks = read(query)
    assert asks.exclude == excluded
    assert asks.topic == topic


@pytest.mark.parametrize(
    ("query", "value", "topic"),
    [
        ("job security", "security", ""),
        ("be famous", "fame", ""),
        ("freelance", "self", ""),
        ("be my own boss", "self", "be my"),
        ("help my community", "helping", "community"),
        ("helping kids", "helping", "kids"),
        ("creative jobs", "creativity", "jobs"),
        ("adventure", "adventure", ""),
    ],
)
def test_values_are_meanings_not_topic_words(query: str, value: str, topic: str) -> None:
    asks = read(query)
    assert value in asks.values
    assert asks.topic == topic
    if topic in ("", "be my"):
        assert not SEARCH.searchable(topic)  # nothing left to search: the value ranks alone


@pytest.mark.parametrize("query", ["registered nurse", "security guard", "work with money", "teaching", "coding"])
def test_plain_topics_ask_nothing(query: str) -> None:
    asks = read(query)
    assert not asks.any and asks.topic == query


def test_limits_become_the_filters_and_every_result_keeps_them() -> None:
    r = found("trades without college")
    assert r.hits and all(h.facts and h.facts["education"] <= 3 for h in r.hits)
    assert r.understood == (EDUCATION_SAID[3],)
    r = found("science careers that pay over 90k")
    assert r.hits and all(h.facts and (h.facts["salary"] or 0) >= 90_000 for h in r.hits)
    assert "pay $90,000 or more" in r.understood
    r = found("growing jobs in healthcare")
    assert r.hits and all(
        h.facts and h.facts["outlook"] in ("Much faster than average", "Faster than average") for h in r.hits
    )


def test_an_option_wins_over_words() -> None:
    r = found("nurse without a degree", Filters(education=education_level("bachelor")))
    assert any(h.facts and h.facts["education"] == 5 for h in r.hits)  # a bachelor's career is kept
    assert not any("certificate" in u for u in r.understood)  # the words' limit is not applied, nor said


def test_literal_and_quoted_queries_search_the_words_as_typed() -> None:
    assert literal('"without college"') == "without college"
    assert literal("without college") is None
    for r in (found('"no degree"'), found("no degree", literal=True)):
        assert r.understood == () and r.asks is None
    assert found("no degree").understood


def test_not_leaves_out_the_careers_that_name_it() -> None:
    r = found("healthcare without blood")
    assert r.hits
    codes = [h.onet_code for h in r.hits]
    assert not [c for c in codes if c.startswith(("31-9097", "29-2011", "29-2012"))], codes
    assert "phlebotomist" in SEARCH.excluded(["blood"])
    # What the topic asks for is never ruled out with the words' meaning ("legal" is law's and lawyer's).
    assert '"legal"' in ruled_out("lawyer", SEARCH.vocabulary)[1]
    assert '"legal"' not in ruled_out("lawyer", SEARCH.vocabulary, {"law", "legal"})[1]


def test_every_reason_of_a_value_names_its_evidence() -> None:
    r = found("job security")
    assert r.hits
    for h in r.hits:
        assert h.reason.startswith("job security: ") and "openings a year" in h.reason
        assert f"{h.facts['openings']:,} openings" in h.reason  # type: ignore[index]
    r = found("be famous")
    assert any("O*NET work value Recognition" in h.reason for h in r.hits)


def test_working_for_yourself_reads_the_self_employed_share() -> None:
    score, evidence = value_score(("self",), {"self_employed_pct": 62.0, "work_values": []})
    assert score > 0.9 and evidence == ["working for yourself: 62% self-employed"]
    low, none = value_score(("self",), {"self_employed_pct": 3.0})
    assert low < score and none == []
    # Without the share, the O*NET work value is the evidence, and it says so.
    _, evidence = value_score(("self",), {"work_values": ["Independence", "Achievement"]})
    assert evidence == ["working for yourself: O*NET work value Independence"]


@pytest.mark.parametrize(
    "query", ["wizard", "treasure hunter", "dragon trainer", "pirate", "time traveler", "sorcerer"]
)
def test_nothing_fits_is_said_not_ranked(query: str) -> None:
    r = found(query)
    assert r.hits == ()


def test_nothing_fits_lists_the_nearest_with_why(runner: Any, app: Any) -> None:
    r = found("dragon trainer")
    assert r.nearest and all(h.reason for h in r.nearest)
    result = runner.invoke(app, ["search", "dragon", "trainer"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Nothing matches 'dragon trainer' well. The nearest careers:")
    data = json.loads(runner.invoke(app, ["search", "dragon", "trainer", "--json"]).output)
    assert data["results"] == [] and data["nearest"] and data["understood"]["topic"] == "dragon trainer"


def test_the_first_line_says_what_was_understood(runner: Any, app: Any) -> None:
    result = runner.invoke(
        app, ["search", "art", "jobs", "with", "just", "a", "certificate", "that", "pay", "over", "$40k"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("understood: at most a certificate after high school; pay $40,000 or more\n")
    data = json.loads(runner.invoke(app, ["search", "no", "math", "--json"]).output)
    assert data["understood"]["exclude"] == ["math"] and len(data["results"]) == 10


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("fotography", "27-4021"),
        ("how do I become a vet", "29-1131"),
        ("nurs", "29-1141"),
        ("sycologist", "19-303"),
    ],
)
def test_typos_and_short_forms_find_the_title(query: str, first: str) -> None:
    r = found(query)
    assert r.hits and r.hits[0].onet_code.startswith(first), [h.title for h in r.hits]


def test_engineer_puts_civil_mechanical_and_electrical_first() -> None:
    codes = [h.soc_code for h in found("engineer").hits[:5]]
    assert {"17-2051", "17-2141", "17-2071"} <= set(codes), codes


def test_nurse_with_filters_is_led_by_a_nursing_title() -> None:
    filters = Filters(education=education_level("associate"), bright_outlook=True)
    hits = found("nurse", filters).hits
    assert hits and "nurs" in hits[0].title.lower(), [h.title for h in hits]


@pytest.mark.parametrize("query", ["healthcare", "artist", "scientist", "teacher", "assembler", "engineer technician"])
def test_catch_alls_never_outrank_a_career_with_the_words_in_its_own_title(query: str) -> None:
    hits = found(query, limit=20).hits
    pattern = matcher([Group(query, (query,), False)])
    own = [k for k, h in enumerate(hits) if not is_catch_all(h.title) and pattern.search(h.title)]
    other = [k for k, h in enumerate(hits) if is_catch_all(h.title)]
    if own and other:
        assert min(own) < min(other), [h.title for h in hits]


# -- reasons that are true ------------------------------------------------------------------------

FIELDS = {
    "names": "names",
    "credentials": "names",
    "work": "work",
    "tools": "tools",
    "skills": "skills",
    "places": "places",
}


def _career_texts() -> dict[str, dict[str, list[str]]]:
    db = sqlite3.connect(f"file:{REPO / 'data' / 'search.db'}?mode=ro", uri=True)
    out = {}
    for slug, title, names, work, tools, skills, places in db.execute(
        "SELECT slug, title, names, work, tools, skills, places FROM career"
    ):
        out[slug] = {
            "title": [title],
            "names": names.split(SEP),
            "work": work.split(SEP),
            "tools": tools.split(SEP),
            "skills": skills.split(SEP),
            "places": places.split(SEP),
        }
    return out


def _benchmark_queries() -> list[str]:
    paths = [REPO / "benchmarks" / n for n in ("queries.toml", "intents.toml", "asks.toml")]
    paths += [SHARED / n for n in ("public.toml", "intents.toml", "asks.toml") if (SHARED / n).is_file()]
    return list(dict.fromkeys(c["query"] for p in paths for c in tomli.loads(p.read_text(encoding="utf-8"))["q"]))


def test_every_reason_names_a_field_that_holds_the_matched_text() -> None:
    texts = _career_texts()
    checked = 0
    wrong = []
    for query in _benchmark_queries():
        r = found(query)
        for h in (*r.hits, *r.nearest):
            assert h.reason, (query, h.title)
            if h.field == "title":
                ok = h.matched == h.title
            elif h.field in FIELDS:
                ok = h.matched in texts[h.slug][FIELDS[h.field]] and h.matched in h.reason
            elif h.field == "values":
                ok = h.matched == h.reason and value_score(tuple(read(query).values), dict(h.facts or {}))[1] != []
            else:
                continue
            checked += 1
            if not ok:
                wrong.append((query, h.title, h.field, h.matched, h.reason))
    assert checked > 1000
    assert not wrong, wrong[:10]


def test_a_reason_through_an_everyday_word_names_the_catalog_word_it_means() -> None:
    hits = found("youtuber").hits
    editor = next(h for h in hits if h.title == "Film and Video Editor")
    assert editor.reason.startswith("youtuber (video")  # found by "video", not said to be a youtuber
    assistant = next((h for h in found("dental hygienist", limit=20).hits if h.title == "Dental Assistant"), None)
    assert assistant is None or assistant.reason.startswith("dental hygienist (dental)")


# -- several words without quotes -----------------------------------------------------------------


def test_commands_take_several_words_as_one_name_or_query(runner: Any, app: Any, tmp_path: Path) -> None:
    shown = runner.invoke(app, ["show", "registered", "nurse", "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["career"]["slug"] == "registered-nurse"
    searched = runner.invoke(app, ["search", "work", "with", "animals", "--json"])
    assert searched.exit_code == 0, searched.output
    assert json.loads(searched.output)["query"] == "work with animals"
    for command in (["next", "registered", "nurse"], ["wages", "registered", "nurse", "--limit", "3"]):
        result = runner.invoke(app, [*command, "--json"])
        assert result.exit_code == 0, (command, result.output)
    compared = runner.invoke(app, ["compare", "registered-nurse", "electrician", "--json"])
    assert compared.exit_code == 0, compared.output
    assert len(json.loads(compared.output)["careers"]) == 2
    # compare keeps one argument a career: two words are two careers.
    wrong = runner.invoke(app, ["compare", "registered", "nurse"])
    assert wrong.exit_code != 0


def test_words_that_ask_for_an_order_sort_the_results() -> None:
    r = found("highest paying jobs in healthcare")
    pay = [h.facts["salary"] for h in r.hits if h.facts and h.facts["salary"] is not None]
    assert pay == sorted(pay, reverse=True) and "highest pay first" in r.understood
    # An explicit --sort wins over the words.
    r = found("highest paying jobs in healthcare", sort="title")
    assert [h.title for h in r.hits] == sorted(h.title for h in r.hits)


def test_not_a_person_rules_out_being_one_not_working_beside_one() -> None:
    assert read("law but not a lawyer").exclude == ("a lawyer",)
    assert read("I want to help people but I don't want to be a nurse").exclude == ("a nurse",)
    assert read("I don't want to sit at a desk").exclude == ("desk",)
    ruled = SEARCH.excluded(["a lawyer"], "law")
    assert "lawyer" in ruled and "paralegal-and-legal-assistant" not in ruled


def test_few_people_is_a_wish_read_from_social_interest() -> None:
    asks = read("I'm shy and don't like talking to people")
    assert asks.values == ("alone",) and asks.exclude == ()
    for h in found("introvert jobs").hits:
        social = h.facts["interests"][3]  # type: ignore[index]
        assert social <= 3.0 and f"social interest {social:.1f} of 7" in h.reason


def test_a_nearest_career_says_which_word_it_answers() -> None:
    r = found("dragon trainer")
    assert r.nearest[0].reason.startswith("trainer: ")


def test_a_state_named_in_the_words_gives_its_wages() -> None:
    assert read("nursing jobs in texas that pay over 80k").place == "texas"
    assert read("welding jobs in north dakota").topic == "welding jobs"
    r = found("registered nurse in texas")
    rn = next(h for h in r.hits if h.slug == "registered-nurse")
    assert "wages in Texas" in r.understood
    national = CATALOG.by_slug["registered-nurse"]["salary"]
    assert rn.facts and rn.facts["salary"] and rn.facts["salary"] != national


def test_the_understood_line_shows_the_words_as_text(runner: Any, app: Any) -> None:
    result = runner.invoke(app, ["search", "no", "\x1b]52;c;aGk=\x07math", "[bold]x[/bold]"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("understood: not ") and "\x1b" not in first and "\x07" not in first
    assert "[bold]" in first  # markup is shown, not applied


def test_only_the_first_500_characters_are_read_as_search_reads_them() -> None:
    assert read("need " * 1000 + "college").education is None
    assert read("welders " + "x " * 300 + "without a degree").education is None


def test_the_explorer_says_what_was_understood_and_when_nothing_fits(tmp_path: Path) -> None:
    from careerexplorer.explore.session import Session

    session = Session(CATALOG, tmp_path / "shortlist.json")
    asked = session.results("trades without college")
    assert asked.note.startswith("understood: at most a certificate after high school")
    assert [r.slug for r in asked.rows[:5]] == [h.slug for h in found("trades without college", limit=50).hits[:5]]
    wished = session.results("wizard")
    assert wished.note == "nothing matches well; the nearest careers"
    nearest = found("wizard").nearest
    assert [r.slug for r in wished.rows] == [h.slug for h in nearest]
    assert session.why("wizard", nearest[1].slug) == nearest[1].reason
