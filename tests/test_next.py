"""`careers next`: where a career leads, with the pay difference, the schooling added and the skills."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli
from helpers import make_data_dir, write_index
from typer.testing import CliRunner

from careerexplorer import commands
from careerexplorer.catalog import Catalog
from careerexplorer.listing import Filters
from tools.tomlwrite import dumps

SLUGS = ("cashier", "teller", "fast-food-and-counter-worker", "registered-nurse", "counter-and-rental-clerk")
# Leads as the importer writes them (tools/sections.py): most alike first.
LEADS = """
[[leads]]
slug = "counter-and-rental-clerk"
title = "Counter and Rental Clerk"
similarity = 85
related = true
build = ["Writing", "Monitoring"]
carry = ["Active Listening", "Service Orientation"]

[[leads]]
slug = "fast-food-and-counter-worker"
title = "Fast Food and Counter Worker"
similarity = 80
related = true
carry = ["Service Orientation"]

[[leads]]
slug = "teller"
title = "Teller"
similarity = 78
related = false
build = ["Mathematics"]

[[leads]]
slug = "registered-nurse"
title = "Registered Nurse"
similarity = 20
build = ["Science", "Critical Thinking", "Coordination"]

[[leads]]
slug = "gone-from-the-catalog"
title = "Gone"
similarity = 70
"""


def set_leads(folder: Path, slug: str, leads: str) -> None:
    """Give a copied profile exactly these leads, whatever the bundled one has."""
    path = folder / "careers" / f"{slug}.toml"
    doc = tomli.loads(path.read_text(encoding="utf-8"))
    doc.pop("leads", None)
    doc.update(tomli.loads(leads))
    path.write_text(dumps(doc), encoding="utf-8")


@pytest.fixture
def leads_data(tmp_path: Path, use_data_dir: Callable[[Path], None]) -> Path:
    folder = make_data_dir(tmp_path, SLUGS)
    set_leads(folder, "cashier", LEADS)
    set_leads(folder, "teller", "")
    write_index(folder)
    use_data_dir(folder)
    return folder


def salary(cat: Catalog, slug: str) -> int:
    value = cat.by_slug[slug]["salary"]
    assert value is not None
    return value


def test_next_lists_the_leads_in_order_with_pay_and_schooling(leads_data: Path) -> None:
    cat = Catalog()
    result = commands.next_careers(cat, "cashier", Filters())
    assert [s.lead.slug for s in result.steps] == ["counter-and-rental-clerk", "fast-food-and-counter-worker",
                                                   "teller", "registered-nurse"]  # the unknown slug is left out
    by = {s.lead.slug: s for s in result.steps}
    for slug, step in by.items():
        assert step.pay_difference == salary(cat, slug) - salary(cat, "cashier")
    assert by["fast-food-and-counter-worker"].pay_difference < 0  # type: ignore[operator]
    assert by["registered-nurse"].extra_schooling == "Bachelor's degree"
    assert by["teller"].extra_schooling == "High school diploma"
    assert by["counter-and-rental-clerk"].extra_schooling is None  # no more than a cashier's


def test_up_keeps_the_careers_that_pay_more(leads_data: Path) -> None:
    cat = Catalog()
    result = commands.next_careers(cat, "cashier", Filters(), up=True)
    assert result.up and result.steps
    assert all(s.pay_difference is not None and s.pay_difference > 0 for s in result.steps)
    assert "fast-food-and-counter-worker" not in [s.lead.slug for s in result.steps]


def test_the_filters_of_list_and_the_limit_apply(leads_data: Path) -> None:
    cat = Catalog()
    kept = commands.next_careers(cat, "cashier", Filters(education=1)).steps
    assert "registered-nurse" not in [s.lead.slug for s in kept] and kept
    assert len(commands.next_careers(cat, "cashier", Filters(), limit=2).steps) == 2


def test_next_on_the_command_line(leads_data: Path, runner: CliRunner, app: Any) -> None:
    result = runner.invoke(app, ["next", "cashier", "--up"])
    assert result.exit_code == 0, result.output
    assert "Where Cashier leads (steps up only)" in result.stdout
    assert "Registered Nurse" in result.stdout and "more schooling: bachelor's degree" in result.stdout
    assert "Fast Food" not in result.stdout
    assert "no skill ratings" not in result.stdout  # these leads carry build and carry lists
    doc = json.loads(runner.invoke(app, ["next", "cashier", "--json"]).stdout)
    assert doc["command"] == "next" and doc["up"] is False and doc["career"]["slug"] == "cashier"
    first = doc["results"][0]
    assert set(first) == {"slug", "title", "similarity", "related", "kind", "role", "new_degree", "pay_difference",
                          "extra_schooling", "build", "carry", "facts"}
    assert first["build"] == ["Writing", "Monitoring"]
    csv_out = runner.invoke(app, ["next", "cashier", "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("rank,slug,title,similarity")


def test_next_of_a_career_without_leads_says_so(leads_data: Path, runner: CliRunner, app: Any) -> None:
    result = runner.invoke(app, ["next", "teller"])
    assert result.exit_code == 0 and "No careers to show" in result.stdout


def test_next_of_an_unknown_career_is_one_line_on_stderr(leads_data: Path, runner: CliRunner, app: Any) -> None:
    result = runner.invoke(app, ["next", "no-such-career-at-all"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
