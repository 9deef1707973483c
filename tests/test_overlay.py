"""Overlays (careerexplorer.overlay): a profile with `extends` adds to a career instead of replacing it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerexplorer.catalog import Catalog, check_file
from careerexplorer.overlay import merge

SEED = "medical-records-specialist"
# The README's example, written as an overlay: a local program and a local insider.
README_OVERLAY = """\
slug = "medical-records-specialist"
extends = "medical-records-specialist"

[[programs]]
cip = "51.0707"
title = "Health Information/Medical Records Technology"
note = "The two-year program at the college in town"

[[insider]]
name = "Test Person"
role = "Coding supervisor"
organization = "Test Clinic"
quotes = ["Test quote, as said."]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(runner: CliRunner, app: Any, *args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    folder = tmp_path / "my-careers"
    write(folder, f"{SEED}.toml", README_OVERLAY)
    return folder


def test_the_readme_overlay_keeps_every_bundled_figure_and_section_and_adds_its_own(mine: Path) -> None:
    bundled = Catalog().profile(SEED)
    merged = Catalog(user_dirs=[mine]).profile(SEED)
    for field in bundled._fields:
        ours, theirs = getattr(merged, field), getattr(bundled, field)
        if field in ("programs", "insider"):
            assert ours[: len(theirs)] == theirs and len(ours) == len(theirs) + 1, field
        elif field == "sources":
            assert ours[: len(theirs)] == theirs and str(mine) in ours[-1], ours
        elif field != "origin":
            assert ours == theirs, field
    assert merged.programs[-1].note == "The two-year program at the college in town"
    assert merged.insider[-1].name == "Test Person"
    assert merged.wages is not None and merged.wages.mean == 56790


def test_the_readme_example_is_this_overlay(tmp_path: Path) -> None:
    # The README's own example file, as printed there, keeps the bundled career too.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Your own profiles", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    assert 'extends = "medical-records-specialist"' in example
    folder = tmp_path / "my-careers"
    write(folder, f"{SEED}.toml", example)
    bundled, merged = Catalog().profile(SEED), Catalog(user_dirs=[folder]).profile(SEED)
    assert merged.wages == bundled.wages and merged.outlook == bundled.outlook and merged.education == bundled.education
    assert merged.courses == bundled.courses and merged.certifications == bundled.certifications
    assert merged.insider[:-1] == bundled.insider and merged.programs[:-1] == bundled.programs


def test_show_prints_the_merged_career_and_names_the_folder_in_the_sources(
    runner: CliRunner, app: Any, mine: Path
) -> None:
    page = run(runner, app, "--data-dir", str(mine), "show", SEED)
    assert page.exit_code == 0, page.output
    text = " ".join(page.stdout.split())
    for kept in ("$56,790", "1-2 years post-secondary training", "Much faster than average", "Darrell King", "RHIT"):
        assert kept in text, kept
    assert "not published" not in text.split("Sources:")[0][:600]  # the key facts are all there
    assert "Test Person" in text and "The two-year program at the college in town" in text
    assert f"{mine}: adds 1 program, 1 insider interview" in text


def test_json_and_markdown_see_the_merged_career(runner: CliRunner, app: Any, mine: Path) -> None:
    data = json.loads(run(runner, app, "--data-dir", str(mine), "show", SEED, "--json").stdout)
    profile = data["career"]
    names = [i["name"] for i in profile["insider"]]
    assert names[0] == "Darrell King" and names[-1] == "Test Person"
    assert profile["wages"]["mean"] == 56790
    md = run(runner, app, "--data-dir", str(mine), "show", SEED, "-f", "markdown").stdout
    assert "Darrell King" in md and "Test Person" in md and "$56,790" in md


def test_list_and_compare_carry_the_bundled_figures_of_an_overlay(runner: CliRunner, app: Any, mine: Path) -> None:
    listed = json.loads(run(runner, app, "--data-dir", str(mine), "list", "--json").stdout)
    entry = next(e for e in listed["careers"] if e["slug"] == SEED)
    assert entry["salary"] == 56790 and entry["education"] is not None
    compared = run(runner, app, "--data-dir", str(mine), "compare", SEED, "registered-nurse")
    assert compared.exit_code == 0 and "$56,790" in compared.stdout


def test_an_overlays_text_is_searchable(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write(folder, f"{SEED}.toml", README_OVERLAY.replace("\n\n", '\nsearch_titles = ["Qwertyzx Clerk"]\n\n', 1))
    found = json.loads(run(runner, app, "--data-dir", str(folder), "search", "qwertyzx", "--json").stdout)
    assert [h["slug"] for h in found["results"]][:1] == [SEED]
    # ... and the bundled titles are still found
    coder = json.loads(run(runner, app, "--data-dir", str(folder), "search", "medical coder", "--json").stdout)
    assert coder["results"][0]["slug"] == SEED


def test_the_explorer_pages_the_merged_career(mine: Path, tmp_path: Path) -> None:
    from careerexplorer.explore.session import Session

    page = Session(Catalog(user_dirs=[mine]), tmp_path / "shortlist.json").page(SEED)
    assert page.profile.insider[-1].name == "Test Person" and page.profile.wages is not None


def test_validate_reports_what_an_overlay_adds(runner: CliRunner, app: Any, mine: Path) -> None:
    result = run(runner, app, "validate", str(mine))
    assert result.exit_code == 0, result.output
    assert f"{mine / (SEED + '.toml')}: extends {SEED} (bundled): adds 1 program, 1 insider interview" in result.stdout
    assert result.stdout.rstrip().endswith("1 file checked, 0 problems")


def test_validate_warns_when_a_profile_replaces_a_bundled_career_without_extends(
    runner: CliRunner, app: Any, tmp_path: Path
) -> None:
    # The README's example as it was: a profile with the seed's slug and no extends.
    head = (
        'slug = "medical-records-specialist"\ntitle = "Medical Records Specialist"\nonet_code = "29-2072.00"\n'
        'soc_code = "29-2072"\nsummary = "Keeps records."\ncluster = "Health Science"\npathway = "Health Informatics"\n'
    )
    folder = tmp_path / "old"
    write(folder, f"{SEED}.toml", head + README_OVERLAY.split("\n\n", 1)[1].lstrip())
    result = run(runner, app, "validate", str(folder))
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.stdout.splitlines() if "warning" in line)
    assert "replaces the bundled medical-records-specialist and drops its wages, outlook, education" in warning
    assert "certifications" in warning and 'extends = "medical-records-specialist"' in warning
    # a full profile (show -f toml) drops nothing and gets no warning
    full = tmp_path / "full"
    write(full, f"{SEED}.toml", run(runner, app, "show", SEED, "-f", "toml").stdout)
    assert "warning" not in run(runner, app, "validate", str(full)).stdout


def test_replace_takes_the_place_of_an_array_instead_of_adding_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    write(
        folder,
        f"{SEED}.toml",
        README_OVERLAY.replace("\n\n[[programs]]", '\nreplace = ["insider", "certifications"]\n\n[[programs]]', 1),
    )
    p = Catalog(user_dirs=[folder]).profile(SEED)
    assert [i.name for i in p.insider] == ["Test Person"]
    assert p.certifications == ()  # named in replace and not given: removed
    assert len(p.programs) == len(Catalog().profile(SEED).programs) + 1


def test_scalars_and_tables_override_whole(tmp_path: Path) -> None:
    base = {
        "slug": "a",
        "summary": "old",
        "wages": {"source": "BLS", "period": "May 2025", "area": "U.S.", "mean": 1, "median": 2},
        "courses": ["Biology"],
        "former_slugs": ["b"],
    }
    merged, report = merge(
        base,
        {
            "slug": "c",
            "extends": "a",
            "summary": "new",
            "courses": ["Biology", "Latin"],
            "wages": {"source": "Local survey", "period": "2026", "area": "Fargo", "mean": 3},
        },
    )
    assert merged["summary"] == "new" and merged["courses"] == ["Biology", "Latin"]
    assert merged["wages"] == {
        "source": "Local survey",
        "period": "2026",
        "area": "Fargo",
        "mean": 3,
    }  # no BLS median left
    assert merged["slug"] == "c" and "former_slugs" not in merged and "extends" not in merged
    assert report == ["adds 1 course", "sets summary", "sets wages"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'slug = "medical-records-specialist"\nextends = "no-such-career"\n',
            "extends: no career 'no-such-career' to extend",
        ),
        ('slug = "medical-records-specialist"\nreplace = ["programs"]\n', "replace: only an overlay"),
        (
            'slug = "medical-records-specialist"\nextends = "medical-records-specialist"\n\n[[programs]]\ncip = "51"\ntitle = "X"\n',
            ":5: programs[0].cip: '51' is not in the expected form",
        ),
        (
            'slug = "medical-records-specialist"\nextends = "medical-records-specialist"\npathway = "Nursing"\n',
            "unknown pathway 'Nursing' in 'Health Science'",
        ),
        (
            'slug = "medical-records-specialist"\nextends = "medical-records-specialist"\nreplace = ["wages"]\n',
            "replace: 'wages' is not one of",
        ),
    ],
)
def test_bad_overlays_are_reported_with_file_and_key(
    runner: CliRunner, app: Any, tmp_path: Path, text: str, expected: str
) -> None:
    folder = tmp_path / "bad"
    write(folder, f"{SEED}.toml", text)
    result = run(runner, app, "validate", str(folder))
    assert result.exit_code == 1
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.output


def test_overlays_that_extend_each_other_are_an_error_not_a_hang(clusters: Any, tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    a = write(folder, "career-a.toml", 'slug = "career-a"\nextends = "career-b"\n')
    write(folder, "career-b.toml", 'slug = "career-b"\nextends = "career-a"\n')
    from careerexplorer.overlay import Layers

    checked = check_file(a, clusters, Layers([folder], Catalog().data_dir))
    assert checked.profile is None and "cannot be extended" in str(checked.errors[0])


def test_an_overlay_extends_another_folders_career_and_both_show(runner: CliRunner, app: Any, tmp_path: Path) -> None:
    state = tmp_path / "state"
    write(state, f"{SEED}.toml", README_OVERLAY)
    school = tmp_path / "school"
    write(school, f"{SEED}.toml", f'slug = "{SEED}"\nextends = "{SEED}"\ncourses = ["Keyboarding at the school"]\n')
    page = run(runner, app, "--data-dir", str(school), "--data-dir", str(state), "show", SEED)
    assert page.exit_code == 0, page.output
    text = " ".join(page.stdout.split())
    assert "Keyboarding at the school" in text and "Test Person" in text and "Darrell King" in text
    assert f"{state}: adds 1 program" in text and f"{school}: adds 1 course" in text
    assert "already comes from" not in page.stderr


def test_an_overlay_with_a_slug_of_its_own_is_a_new_career_beside_the_one_it_extends(
    runner: CliRunner, app: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "own"
    write(
        folder,
        "nd-medical-records-specialist.toml",
        README_OVERLAY.replace('slug = "medical-records-specialist"', 'slug = "nd-medical-records-specialist"'),
    )
    ours = json.loads(
        run(runner, app, "--data-dir", str(folder), "show", "nd-medical-records-specialist", "--json").stdout
    )
    theirs = json.loads(run(runner, app, "--data-dir", str(folder), "show", SEED, "--json").stdout)
    key = "career"
    assert ours[key]["wages"] == theirs[key]["wages"]
    assert len(ours[key]["insider"]) == len(theirs[key]["insider"]) + 1
