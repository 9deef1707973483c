"""Guidance read over the bundled catalog: subjects, technology and work activities that tell a career
apart, the share of workers who are self-employed, and what military careers say instead of figures."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from helpers import MINIMAL
from typer.testing import CliRunner

from careerexplorer.catalog import Catalog
from careerexplorer.figures import MILITARY_NOTE, compare_cells, self_employed
from careerexplorer.model import Profile


@pytest.fixture(scope="module")
def profiles(catalog: Catalog) -> list[Profile]:
    return [catalog.profile(e["slug"]) for e in catalog.entries]


# --- subjects, technology, work activities ---------------------------------------------------------------


def test_business_is_on_at_most_a_quarter_of_the_entry_level_subject_lists(profiles: list[Profile]) -> None:
    lists = [p.subjects for p in profiles if p.job_zone in (1, 2) and p.subjects]
    assert len(lists) > 150
    assert sum("business" in s for s in lists) <= len(lists) / 4
    assert "business" not in Catalog().profile("electrician").subjects


def test_a_nurse_is_told_of_the_sciences(catalog: Catalog) -> None:
    assert {"biology", "chemistry"} & set(catalog.profile("registered-nurse").subjects)


def test_technology_that_tells_careers_apart(catalog: Catalog, profiles: list[Profile]) -> None:
    assert "point of sale" in " ".join(catalog.profile("cashier").technology[:2]).lower()
    assert "Apache Spark" not in catalog.profile("nursing-assistant").technology[:4]
    # What nearly every career lists comes after what is particular to it.
    browsers = {"Microsoft Edge", "Mozilla Firefox", "Apple Safari", "Google Chrome"}
    firsts = [p.technology[0] for p in profiles if p.technology]
    assert sum(t in browsers for t in firsts) <= len(firsts) / 50


def test_work_activities_start_with_the_core_of_the_work(catalog: Catalog) -> None:
    nurse = catalog.profile("registered-nurse").work_activities
    assert "Design public or employee health programs." not in nurse[:3]
    assert any("patient" in a.lower() for a in nurse[:2])
    assert "Process sales or other transactions." in catalog.profile("cashier").work_activities[:2]


# --- self-employment -------------------------------------------------------------------------------------


def test_the_self_employed_share_in_words() -> None:
    assert self_employed(None) is None and self_employed(5.8) is None  # below the share worth a word
    assert self_employed(33.0) == "About 1 in 3 (33%) work for themselves; BLS wages count only employees."
    assert self_employed(12.5) == "About 1 in 8 (12.5%) work for themselves; BLS wages count only employees."
    assert (self_employed(66.3) or "").startswith("More than half (66.3%)")


def test_the_share_is_on_the_page_beside_the_wages(runner: CliRunner, app: Any) -> None:
    page = runner.invoke(app, ["show", "photographer"]).stdout
    flat = " ".join(page.split())
    assert "66.3% self-employed" in flat
    assert "work for themselves; BLS wages count only employees." in flat
    assert "work for themselves" not in runner.invoke(app, ["show", "registered-nurse"]).stdout


def test_the_share_in_json_csv_and_compare(runner: CliRunner, app: Any, catalog: Catalog) -> None:
    doc = json.loads(runner.invoke(app, ["show", "photographer", "--json"]).stdout)
    assert doc["career"]["outlook"]["self_employed_pct"] == 66.3
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["list", "--format", "csv"]).stdout)))
    assert {r["slug"]: r["self_employed_pct"] for r in rows}["photographer"] == "66.3"
    cells = {label: shown for label, shown, _ in compare_cells([catalog.profile("photographer"),
                                                                  catalog.profile("infantry")])}
    assert cells["Self-employed"] == ["66.3%", "not published"]


def test_list_sorts_by_the_share_self_employed(runner: CliRunner, app: Any) -> None:
    result = runner.invoke(app, ["list", "--sort", "self-employed", "--json"])
    assert result.exit_code == 0, result.output
    shares = [c["self_employed_pct"] for c in json.loads(result.stdout)["careers"]]
    published = [s for s in shares if s is not None]
    assert published == sorted(published, reverse=True) and len(published) > 700
    assert shares[: len(published)] == published  # those BLS publishes no share for come last
    lines = runner.invoke(app, ["list", "--sort", "self-employed"]).stdout.splitlines()
    assert "Self-employed" in lines[0] and "%" in lines[1]


def test_the_share_is_in_the_search_facts(catalog: Catalog) -> None:
    from careerexplorer.index import entry_for

    assert entry_for(catalog.profile("photographer"))["self_employed_pct"] == 66.3
    assert catalog.by_slug["photographer"]["self_employed_pct"] == 66.3


# --- military careers ------------------------------------------------------------------------------------


def test_a_military_career_says_once_why_there_are_no_figures(runner: CliRunner, app: Any) -> None:
    page = runner.invoke(app, ["show", "infantry"]).stdout
    flat = " ".join(page.split())
    box = page.split("What To Learn", 1)[0]
    assert "not published" not in box
    assert " ".join(MILITARY_NOTE.split()) in " ".join(box.replace("│", " ").split())
    assert flat.count("DFAS") == 1
    card = runner.invoke(app, ["show", "infantry", "--format", "markdown"]).stdout
    assert "| not published |" not in card and "Defense Finance and Accounting Service" in card


def test_a_civilian_career_without_figures_still_says_not_published(runner: CliRunner, app: Any) -> None:
    from careerexplorer.views.career import career_page

    p = Profile.from_dict(MINIMAL)  # no wages, outlook or education, and not SOC 55-
    text = career_page(p, None, 80, False).plain
    assert "not published" in text and "DFAS" not in text
