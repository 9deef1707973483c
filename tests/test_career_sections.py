"""The page's sections from tools/sections.py and careerexplorer.guidance, and their coverage.

The coverage counts and the two golden snapshots read the bundled catalog: they hold once data/
is regenerated with the importer calling tools.sections.derive (regenerate the snapshots then with
UPDATE_SNAPSHOTS=1 and review the diff).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import tomli
from helpers import MINIMAL, SNAPSHOTS, console_text, make_console
from typer.testing import CliRunner

from careerexplorer.catalog import Catalog, Clusters, bundled_dir
from careerexplorer.model import Profile
from careerexplorer.views.career import career_page


def normalized(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(normalized(text), encoding="utf-8")
    assert path.is_file(), f"missing snapshot {path}; run with UPDATE_SNAPSHOTS=1 to create it"
    assert normalized(text) == path.read_text(encoding="utf-8")


def render(p: Profile, clusters: Clusters, width: int = 80, ascii_only: bool = False) -> str:
    console = make_console(ascii_only, width)
    console.print(career_page(p, clusters.pathway(p.cluster, p.pathway), console.width, console.options.ascii_only))
    return console_text(console)


SECTIONS: dict[str, Any] = {
    "subjects": ["health science", "English"],
    "education": {"source": "BLS Employment Projections", "period": "2024-34", "typical_entry": "Bachelor's degree",
                  "experience": "None", "training": "None"},
    "education_survey": [{"category": "Post-secondary certificate", "percent": 22.5},
                         {"category": "Associate's degree", "percent": 19.4},
                         {"category": "Bachelor's degree", "percent": 58.1}],
    "work_activities": ["Monitor patient conditions during treatments, procedures, or activities."],
    "work_values": ["Relationships", "Support"],
    "work_styles": ["Dependability"],
    "leads": [{"slug": f"next-{i}", "title": f"Next Career {i}", "similarity": 90 - i, "related": i == 1,
               "build": ["Science"] if i else [], "carry": ["Speaking"]} for i in range(5)],
    "sources": ["Occupation data: O*NET 29.3 Database"],
}


def test_the_new_sections_in_order(clusters: Clusters) -> None:
    out = render(Profile.from_dict({**MINIMAL, **SECTIONS}), clusters)
    headings = ["What To Learn", "Education Level", "How to Become One", "What the Work Is Like", "Where It Leads",
                "Sources:"]
    positions = [out.index(f"\n{h}") for h in headings]
    assert positions == sorted(positions)
    assert "For this career in particular" in out and "• Health science" in out
    assert "Associate's degree" in out and "58%" in out and "O*NET 29.3, education survey" in out
    flat = " ".join(out.split())
    assert "42% of workers surveyed say the job needs less" in flat
    assert "People usually start with a four-year college degree." in flat
    where = out.split("\nWhere It Leads", 1)[1].split("\nSources:", 1)[0]
    assert where.count("•") == 3 and "careers next sample-career" in where
    assert "Work activities, values, styles and the education survey: O*NET" in flat


def test_editorial_courses_win_over_subjects(clusters: Clusters) -> None:
    out = render(Profile.from_dict({**MINIMAL, **SECTIONS, "courses": ["Computers (especially)"]}), clusters)
    block = out.split("For this career in particular", 1)[1].split("\n\n", 1)[0]
    assert "Computers (especially)" in block and "Health science" not in block


def test_the_sections_in_plain_ascii(clusters: Clusters) -> None:
    out = render(Profile.from_dict({**MINIMAL, **SECTIONS}), clusters, width=40, ascii_only=True)
    assert out.isascii() and "#" in out.split("What workers in the job say", 1)[1]
    assert max(len(line) for line in out.splitlines()) <= 40


def test_a_profile_without_the_new_fields_shows_none_of_their_sections(clusters: Clusters) -> None:
    out = render(Profile.from_dict(MINIMAL), clusters)
    for heading in ("How to Become One", "What the Work Is Like", "Where It Leads", "What workers in the job say"):
        assert heading not in out


# --- coverage over the bundled catalog ---------------------------------------------------------------


@pytest.fixture(scope="module")
def documents() -> list[dict[str, Any]]:
    return [tomli.loads(p.read_text(encoding="utf-8")) for p in sorted((bundled_dir() / "careers").glob("*.toml"))]


def test_coverage_of_the_new_sections(documents: list[dict[str, Any]]) -> None:
    def count(key: str) -> int:
        return sum(1 for d in documents if d.get(key))

    assert count("subjects") >= 780  # only what stands out against the catalog: fewer lists, none padded
    assert count("education_survey") >= 850  # O*NET surveyed 858 occupations
    assert count("work_activities") >= 900
    assert count("leads") >= 600


def test_the_issue_examples_read_right(catalog: Catalog) -> None:
    rn = catalog.profile("registered-nurse")
    assert rn.programs[0].cip == "51.3801"
    assert rn.technology[0] != "Apache Spark"
    assert "Associate's degree" in {s.category for s in rn.education_survey}
    assert catalog.profile("software-developer").programs[0].title in ("Computer Science", "Computer Software Engineering")


# --- golden snapshots ---------------------------------------------------------------------------------


def test_registered_nurse_page_snapshot(catalog: Catalog, clusters: Clusters) -> None:
    assert_snapshot("show-registered-nurse.txt", render(catalog.profile("registered-nurse"), clusters))


def test_next_cashier_up_snapshot(runner: CliRunner, app: Any) -> None:
    result = runner.invoke(app, ["next", "cashier", "--up"])
    assert result.exit_code == 0, result.output
    assert_snapshot("next-cashier-up.txt", result.stdout)
    doc = json.loads(runner.invoke(app, ["next", "cashier", "--up", "--json"]).stdout)
    assert doc["results"] and all(r["kind"] == "up" and r["pay_difference"] > 0 for r in doc["results"])


def test_where_it_leads_shows_steps_up_first_in_every_format(clusters: Clusters) -> None:
    from careerexplorer.export import profile_markdown

    p = Profile.from_dict({**MINIMAL, **SECTIONS})  # lead 0 asks for no more of any skill
    page = render(p, clusters).split("\nWhere It Leads", 1)[1]
    card = profile_markdown(p, None).split("## Where It Leads", 1)[1].split("##", 1)[0]
    for shown in (page, card):
        assert "Next Career 0" not in shown
        assert all(f"Next Career {i}" in shown for i in (1, 2, 3))
    card = profile_markdown(p, None)
    assert "## How to Become One" in card and "1. Finish high school" in card
    assert "| Associate's degree | 19% |" in card and "## What the Work Is Like" in card
