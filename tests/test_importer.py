"""The importer (tools/import_data.py) on small fixture copies of the official source files.

tests/fixtures/sources/ has the same layout and file names as the real sources folder, with the
real header lines and the real rows of four occupations:

- 29-2072.00 Medical Records Specialists: the seed page;
- 31-1121.00 Home Health Aides and 31-1122.00 Personal Care Aides, whose wages and projections
  BLS publishes only for the aggregate 31-1120;
- 11-9032.00 Education Administrators, Kindergarten through Secondary, whose hourly wages BLS
  does not publish ('-').

The OEWS state and metro files add the area rows described in tests/fixtures/README.md.

tests/fixtures/editorial.toml gives their summaries (profiles without one are not written).
"""

from __future__ import annotations

import csv
import gzip
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import tomli
from helpers import FIXTURES, SOURCES

from careerexplorer import sources as S
from careerexplorer.catalog import Catalog, Clusters, check_file
from careerexplorer.lookup import resolve
from tools.import_data import main, run
from tools.titles import display_title, singular_title, slugify
from tools.tomlwrite import dumps

EDITORIAL = FIXTURES / "editorial.toml"
SLUGS = ["education-administrator-kindergarten-through-secondary", "home-health-aide", "medical-records-specialist",
         "personal-care-aide"]


def new_data_dir(root: Path) -> Path:
    data = root / "data"
    data.mkdir(parents=True)
    shutil.copy(Path(__file__).resolve().parent.parent / "data" / "clusters.toml", data / "clusters.toml")
    return data


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def load(data: Path, slug: str) -> dict[str, Any]:
    return tomli.loads((data / "careers" / f"{slug}.toml").read_text(encoding="utf-8"))


def assert_derived_files_in_sync(data: Path) -> None:
    """The index files of a data folder are what 'python -m careerexplorer.index' makes of it."""
    from helpers import write_index

    copy = data.parent / "rebuilt"
    shutil.copytree(data, copy)
    write_index(copy)
    # The search index also holds what the official files add (tasks, activities, tools), which
    # a rebuild from the profiles alone cannot: it is compared by the careers it indexes.
    rebuilt, original = files_of(copy), files_of(data)
    assert {k: v for k, v in rebuilt.items() if k != "search.db"} == {k: v for k, v in original.items() if k != "search.db"}
    with sqlite3.connect(copy / "search.db") as a, sqlite3.connect(data / "search.db") as b:
        query = "SELECT slug, title FROM career ORDER BY id"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
    shutil.rmtree(copy)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[int, int, list[str]]]:
    data = new_data_dir(tmp_path_factory.mktemp("import"))
    return data, run(SOURCES, data, [EDITORIAL])


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A data folder of one's own, imported from the fixtures, to edit and import again."""
    data = new_data_dir(tmp_path)
    run(SOURCES, data, [EDITORIAL])
    return data


def test_the_fixture_sources_have_the_real_layout() -> None:
    real = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"
    # Every file the importer reads, by the one table of source files (task statements are
    # optional: they only check that summaries do not copy O*NET).
    expected = {path for key, (path, *_) in S.FILES.items() if key != "tasks"}
    assert set(files_of(SOURCES)) == expected
    if real.is_dir():  # same header lines as the official files
        for name in expected:
            with opened(real / name) as fh, opened(SOURCES / name) as ours:
                assert ours.readline() == fh.readline(), name


def opened(path: Path) -> Any:
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")


def test_import_writes_one_profile_per_occupation(imported: tuple[Path, tuple[int, int, list[str]]]) -> None:
    data, (written, changed, unmatched) = imported
    assert written == 4
    assert sorted(p.stem for p in (data / "careers").glob("*.toml")) == SLUGS
    assert {"wages.db", "index.json"} <= set(files_of(data))
    assert "states.json" not in files_of(data)
    assert changed == len(files_of(data)) - 1  # everything but clusters.toml is new
    assert unmatched == []


def test_imported_profiles_are_valid(imported: tuple[Path, tuple[int, int, list[str]]]) -> None:
    data, _ = imported
    clusters = Clusters.load(data)
    for path in sorted((data / "careers").glob("*.toml")):
        checked = check_file(path, clusters)
        assert (checked.errors, checked.warnings) == ([], []), path
    assert_derived_files_in_sync(data)
    cat = Catalog(data_dir=data)
    assert resolve(cat, "29-2072") == "medical-records-specialist"
    assert resolve(cat, "31-1122.00") == "personal-care-aide"
    assert len(cat.entries) == 4


def test_medical_records_specialist_figures_equal_the_source_rows(imported: tuple[Path, Any]) -> None:
    data, _ = imported
    doc = load(data, "medical-records-specialist")
    assert (doc["title"], doc["onet_code"], doc["soc_code"], doc["onet_title"]) == (
        "Medical Records Specialist", "29-2072.00", "29-2072", "Medical Records Specialists")
    assert doc["wages"] == {
        "source": "BLS OEWS", "period": "May 2025", "area": "U.S.",
        "mean": 56790, "median": 51140, "p10": 37000, "p25": 43490, "p75": 64820, "p90": 81150,
        "hourly_mean": 27.3, "hourly_median": 24.59, "employment": 194720,
    }
    outlook = doc["outlook"]
    assert (outlook["employment_start"], outlook["employment_end"], outlook["change_number"]) == (194800, 208600, 13800)
    assert (outlook["change_pct"], outlook["openings"], outlook["average_change_pct"]) == (7.1, 14200, 3.1)
    assert outlook["self_employed_pct"] == 0.8  # table 1.2, "Percent self employed, 2024"
    assert "label" not in outlook  # derived by the model on BLS's scale, never stored
    assert "basis_code" not in outlook
    assert doc["education"] == {"source": "BLS Employment Projections", "period": "2024-34",
                                "typical_entry": "Postsecondary nondegree award", "experience": "None", "training": "None"}
    assert doc["job_zone"] == 3
    assert doc["interests"] == {"realistic": 2.86, "investigative": 4.33, "artistic": 1.0, "social": 3.38,
                                "enterprising": 1.88, "conventional": 6.97}
    assert doc["bright_outlook"] == ["Rapid Growth"]
    assert (doc["cluster"], doc["pathway"]) == ("Health Science", "Health Informatics")
    assert (doc["cluster_2024"], doc["subcluster_2024"]) == ("Healthcare & Human Services", "Health Data & Administration")
    # Every program the crosswalk gives; their order is the fit ranking's (tests/test_sections.py).
    assert sorted(p["cip"] for p in doc["programs"]) == ["51.0706", "51.0707", "51.0713", "51.0721"]
    assert doc["resources"][-1] == {"name": "O*NET OnLine", "url": "https://www.onetonline.org/link/summary/29-2072.00"}
    assert doc["resources"][0]["url"] == \
        "https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm"


def test_figures_are_the_ones_in_the_fixture_files(imported: tuple[Path, Any]) -> None:
    data, _ = imported
    with (SOURCES / "bls-oews" / "oews_national_M2025.csv").open(encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["OCC_CODE"] == "29-2072")
    wages = load(data, "medical-records-specialist")["wages"]
    for key, column in (("mean", "A_MEAN"), ("median", "A_MEDIAN"), ("p10", "A_PCT10"), ("p90", "A_PCT90"),
                        ("employment", "TOT_EMP")):
        assert wages[key] == int(row[column])
    assert wages["hourly_mean"] == float(row["H_MEAN"])


def test_the_related_occupation_in_the_fixtures_is_linked(imported: tuple[Path, Any]) -> None:
    data, _ = imported
    assert load(data, "home-health-aide")["related"] == [{"slug": "personal-care-aide", "title": "Personal Care Aide"}]
    assert "related" not in load(data, "medical-records-specialist")  # its related occupations are not in the fixtures


def test_aggregate_figures_are_marked_with_their_basis(imported: tuple[Path, Any]) -> None:
    data, _ = imported
    for slug in ("home-health-aide", "personal-care-aide"):
        doc = load(data, slug)
        assert doc["soc_code"] in ("31-1121", "31-1122")
        assert doc["wages"]["basis_code"] == "31-1120"
        assert doc["wages"]["basis_title"] == "Home Health and Personal Care Aides"
        assert (doc["wages"]["mean"], doc["wages"]["median"], doc["wages"]["employment"]) == (36120, 35800, 4305810)
        assert doc["outlook"]["basis_code"] == "31-1120"
        assert (doc["outlook"]["change_pct"], doc["outlook"]["openings"]) == (17.0, 765800)
        assert doc["education"]["basis_code"] == "31-1120"
        assert doc["education"]["typical_entry"] == "High school diploma or equivalent"
    assert "basis_code" not in load(data, "medical-records-specialist")["wages"]


def test_a_value_not_published_is_absent(imported: tuple[Path, Any]) -> None:
    data, _ = imported
    doc = load(data, "education-administrator-kindergarten-through-secondary")
    assert doc["title"] == "Education Administrator, Kindergarten through Secondary"
    wages = doc["wages"]
    assert "hourly_mean" not in wages and "hourly_median" not in wages  # '-' in the source
    assert (wages["mean"], wages["median"], wages["p10"], wages["p90"]) == (116100, 105870, 76280, 167770)
    assert doc["outlook"]["change_pct"] == -1.5
    assert doc["education"]["typical_entry"] == "Master's degree"
    assert doc["education"]["experience"] == "5 years or more"


def test_state_and_area_wages_go_to_the_database(imported: tuple[Path, Any]) -> None:
    from careerexplorer.areas import find_area, find_state, open_db, wages_for

    data, _ = imported
    db = open_db(data)
    assert [wages_for(db, find_state(db, s), ["29-2072"]).median for s in ("CA", "TX", "MS")] == [61810, 48860, 41500]
    fargo = wages_for(db, find_area(db, "Fargo"), ["29-2072"])
    assert (fargo.area, fargo.mean, fargo.median, fargo.employment, fargo.location_quotient) == (
        "Fargo, ND-MN", 53810, 46280, 140, 0.74)


def test_a_top_coded_state_value_is_the_cap_and_marked(imported: tuple[Path, Any]) -> None:
    from careerexplorer.areas import find_state, open_db, wages_for

    data, _ = imported
    db = open_db(data)
    # Oral and Maxillofacial Surgeons in North Dakota: every wage '-' with footnote 5, employment
    # '-' with footnote 8 (not released).
    w = wages_for(db, find_state(db, "North Dakota"), ["29-1022"])
    assert (w.mean, w.median, w.p90, w.hourly_mean, w.hourly_median) == (239200, 239200, 239200, 115.0, 115.0)
    assert set(w.at_least) == {"mean", "median", "p10", "p25", "p75", "p90", "hourly_mean", "hourly_median"}
    assert w.employment is None and w.jobs_per_1000 is None


def test_an_hourly_only_occupation_keeps_its_hourly_figures(imported: tuple[Path, Any]) -> None:
    from careerexplorer.areas import find_state, open_db, wages_for

    data, _ = imported
    w = wages_for(open_db(data), find_state(open_db(data), "TX"), ["27-2011"])  # Actors: footnote 4
    assert (w.mean, w.median, w.hourly_mean, w.hourly_median, w.employment) == (None, None, 47.11, 25.86, 2160)
    assert w.at_least == ()


def test_the_wage_database_is_the_same_on_every_build(imported: tuple[Path, Any], tmp_path: Path) -> None:
    from tools.readers import Sources, read_oews_areas
    from tools.wagesdb import build

    data, _ = imported
    build(read_oews_areas(Sources(SOURCES)), tmp_path / "again.db")
    assert (tmp_path / "again.db").read_bytes() == (data / "wages.db").read_bytes()


def test_clusters_listed_twice_keep_both(tmp_path: Path) -> None:
    from tools.import_data import primary

    listed = [("Health Science", "Therapeutic Services"), ("Health Science", "Health Informatics")]
    assert primary(listed, "Health Information Technologist and Medical Registrar") == (
        ("Health Science", "Health Informatics"), [("Health Science", "Therapeutic Services")])
    # no pathway shares a word with the title: the first listed
    assert primary(listed, "Database Architect") == (listed[0], [listed[1]])


def test_editorial_content_follows_the_code_when_the_slug_changes(fresh: Path) -> None:
    """A title fix renames the file; the summary and hand-made parts move with it, the old slug is kept."""
    new = fresh / "careers" / "medical-records-specialist.toml"
    old = fresh / "careers" / "medical-records-clerk-old-name.toml"
    doc = load(fresh, "medical-records-specialist")
    doc.update(slug="medical-records-clerk-old-name", summary="Hand-written before the rename.")
    old.write_text(dumps(doc), encoding="utf-8")
    new.unlink()
    run(SOURCES, fresh, [EDITORIAL])
    assert not old.exists()
    doc = load(fresh, "medical-records-specialist")
    assert doc["summary"] == "Hand-written before the rename."
    assert doc["former_slugs"] == ["medical-records-clerk-old-name"]
    assert run(SOURCES, fresh, [EDITORIAL])[1] == 0


def test_a_second_run_changes_nothing(fresh: Path) -> None:
    before = files_of(fresh)
    written, changed, unmatched = run(SOURCES, fresh, [EDITORIAL])
    assert (written, changed, unmatched) == (4, 0, [])
    assert files_of(fresh) == before


def test_hand_edits_survive_a_reimport_and_facts_are_restored(fresh: Path) -> None:
    path = fresh / "careers" / "medical-records-specialist.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(load(fresh, "medical-records-specialist")["summary"], "Edited by hand.")
    text = text.replace("mean = 56790", "mean = 1")  # a fact: the sources win
    text += ('\n[[certifications]]\nabbr = "CCS"\nname = "Certified Coding Specialist"\nissuer = "AHIMA"\n'
             'kind = "certification"\nneeded = "voluntary"\ntiming = "after-experience"\nyears = 1\n')
    path.write_text(text, encoding="utf-8")
    _, changed, _ = run(SOURCES, fresh, [EDITORIAL])
    assert changed >= 1
    doc = load(fresh, "medical-records-specialist")
    assert doc["summary"] == "Edited by hand."
    assert [c["abbr"] for c in doc["certifications"]] == ["RHIT", "CCS"]
    assert doc["wages"]["mean"] == 56790
    # ... the index was rebuilt with the edit, and a further run changes nothing.
    assert_derived_files_in_sync(fresh)
    before = files_of(fresh)
    assert run(SOURCES, fresh, [EDITORIAL])[1] == 0
    assert files_of(fresh) == before


def test_program_notes_and_order_survive_a_reimport(fresh: Path) -> None:
    path = fresh / "careers" / "medical-records-specialist.toml"
    doc = load(fresh, "medical-records-specialist")
    doc["programs"] = [dict(doc["programs"][1], note="two-year programs"), doc["programs"][0], *doc["programs"][2:]]
    path.write_text(dumps(doc), encoding="utf-8")
    run(SOURCES, fresh, [EDITORIAL])
    programs = load(fresh, "medical-records-specialist")["programs"]
    # A program an editor annotated keeps its note and its place at the top; the rest are ranked.
    assert programs[0]["cip"] == doc["programs"][0]["cip"] and programs[0]["note"] == "two-year programs"
    assert sorted(p["cip"] for p in programs) == ["51.0706", "51.0707", "51.0713", "51.0721"]


def test_editorial_files_fill_what_is_missing_and_never_replace(tmp_path: Path) -> None:
    data = new_data_dir(tmp_path)
    editorial = tmp_path / "editorial.toml"
    editorial.write_text('["29-2072.00"]\nsummary = "From the editorial file."\n'
                         'courses = ["Biology"]\nnot_editorial = "ignored"\n', encoding="utf-8")
    written, _, unmatched = run(SOURCES, data, [editorial])
    assert written == 1  # the three others have no summary
    assert sorted(unmatched) == [
        "11-9032.00 Education Administrators, Kindergarten through Secondary: no summary (profile not written)",
        "31-1121.00 Home Health Aides: no summary (profile not written)",
        "31-1122.00 Personal Care Aides: no summary (profile not written)",
    ]
    doc = load(data, "medical-records-specialist")
    assert doc["summary"] == "From the editorial file."
    assert doc["courses"] == ["Biology"]
    assert "not_editorial" not in doc
    # A later editorial file with other text does not replace what the profile has.
    editorial.write_text('["29-2072.00"]\nsummary = "Another summary."\n', encoding="utf-8")
    run(SOURCES, data, [editorial])
    assert load(data, "medical-records-specialist")["summary"] == "From the editorial file."


def test_the_first_editorial_file_wins(tmp_path: Path) -> None:
    data = new_data_dir(tmp_path)
    second = tmp_path / "second.toml"
    second.write_text('["29-2072.00"]\nsummary = "Second."\n["31-1121.00"]\nsummary = "Only in the second."\n',
                      encoding="utf-8")
    run(SOURCES, data, [EDITORIAL, second])
    assert load(data, "medical-records-specialist")["summary"].startswith("Keeps patients' health records")
    assert load(data, "home-health-aide")["summary"].startswith("Visits people")


def test_a_hand_made_profile_is_kept_and_reported(fresh: Path) -> None:
    from helpers import profile_toml

    path = fresh / "careers" / "my-own-career.toml"
    path.write_text(profile_toml("my-own-career"), encoding="utf-8")
    _, changed, unmatched = run(SOURCES, fresh, [EDITORIAL])
    assert unmatched == ["my-own-career: kept, but not produced by this import (hand-made or retired)"]
    assert path.read_text(encoding="utf-8") == profile_toml("my-own-career")
    assert changed >= 1  # the index now lists it
    assert "my-own-career" in Catalog(data_dir=fresh).by_slug


def test_main_rejects_a_folder_that_is_not_the_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path), "--data", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert err == f"import_data: {tmp_path} does not look like the sources folder (no onet/Occupation Data.txt)\n"
    assert not (tmp_path / "data").exists()


def test_main_runs_the_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = new_data_dir(tmp_path)
    assert main([str(SOURCES), "--data", str(data), "--editorial", str(EDITORIAL)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("4 profiles; ")
    assert sorted(p.stem for p in (data / "careers").glob("*.toml")) == SLUGS


# --- titles and the TOML writer -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("Registered Nurses", "Registered Nurse"),
        ("Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
         "Secretary and Administrative Assistant, Except Legal, Medical, and Executive"),
        ("Cooks, Fast Food", "Cook, Fast Food"),
        ("Nurse Midwives", "Nurse Midwife"),
        ("First-Line Supervisors of Retail Sales Workers", "First-Line Supervisor of Retail Sales Workers"),
        ("Medical Records Specialists", "Medical Records Specialist"),
        ("Education Administrators, Kindergarten through Secondary",
         "Education Administrator, Kindergarten through Secondary"),
        ("Accountants and Auditors", "Accountant and Auditor"),
        ("Actuaries", "Actuary"),
        ("Coaches and Scouts", "Coach and Scout"),
        ("Police and Sheriff's Patrol Officers", "Police and Sheriff's Patrol Officer"),
        ("Midwives", "Midwife"),
        ("Retail Salespersons", "Retail Salesperson"),
        ("Gambling Change Persons and Booth Cashiers", "Gambling Change Person and Booth Cashier"),
        ("Computer Systems Engineers/Architects", "Computer Systems Engineer/Architect"),
        ("Customs and Border Protection Officers", "Customs and Border Protection Officer"),
        ("Fishermen and Related Fishing Workers", "Fisherman and Related Fishing Worker"),  # the -men rule
        ("Physicists", "Physicist"),
        ("Sales Managers", "Sales Manager"),
    ],
)
def test_singular_title(plural: str, singular: str) -> None:
    assert singular_title(plural) == singular


@pytest.mark.parametrize(
    ("code", "onet_title", "title"),
    [
        ("47-3013.00", "Helpers--Electricians", "Electrician Helper"),
        ("51-9198.00", "Helpers--Production Workers", "Production Helper"),
        ("47-3015.00", "Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters",
         "Pipelayer, Plumber, Pipefitter, and Steamfitter Helper"),
        ("17-2199.00", "Engineers, All Other", "Other Engineer"),
        ("25-1069.00", "Social Sciences Teachers, Postsecondary, All Other", "Other Social Sciences Teacher, Postsecondary"),
        ("29-1029.00", "Dentists, All Other Specialists", "Other Specialist Dentist"),
        ("51-6051.00", "Sewers, Hand", "Hand Sewer"),
        ("27-2012.05", "Media Technical Directors/Managers", "Media Technical Director/Manager"),
        ("45-2093.00", "Farmworkers, Farm, Ranch, and Aquacultural Animals", "Farmworker, Farm, Ranch, and Aquacultural Animals"),
        ("29-2072.00", "Medical Records Specialists", "Medical Records Specialist"),
    ],
)
def test_display_title(code: str, onet_title: str, title: str) -> None:
    assert display_title(code, onet_title) == title


def test_slugify() -> None:
    assert slugify("Police and Sheriff's Patrol Officer") == "police-and-sheriffs-patrol-officer"
    assert slugify("Secretary and Administrative Assistant, Except Legal, Medical, and Executive") == \
        "secretary-and-administrative-assistant-except-legal-medical-and-executive"
    assert slugify("Cook, Fast Food") == "cook-fast-food"


def test_tomlwrite_round_trips_awkward_text() -> None:
    doc = {
        "slug": "x",
        "summary": 'Quotes " and \\ backslashes, a tab\t, a newline\n, DEL \x7f, ESC \x1b and “unicode”',
        "courses": ["A", 'B "quoted"'] + [f"Course {i}" for i in range(12)],
        "job_zone": 3,
        "wages": {"mean": 56790, "hourly_mean": 27.3, "at_least": ["mean"]},
        "related": [{"slug": "a", "title": "A"}, {"slug": "b", "title": "B"}],
        "key with spaces": "quoted key",
    }
    text = dumps(doc)
    assert tomli.loads(text) == doc
    assert dumps(tomli.loads(text)) == text


def test_echoes_finds_five_words_copied_from_onet() -> None:
    from tools.import_data import echoes

    onet = "Compile, process, and maintain medical records of hospital and clinic patients."
    assert echoes("Maintains medical records of hospital and clinic patients.", [onet]) == [
        "medical records of hospital and", "records of hospital and clinic", "of hospital and clinic patients"]
    assert echoes("Keeps patients' health records complete, accurate and private.", [onet]) == []


def test_also_called_never_repeats_the_title(imported: tuple[Path, Any]) -> None:
    data, _ = imported
    with (SOURCES / "onet" / "Sample of Reported Titles.txt").open(encoding="utf-8") as fh:
        assert "Personal Care Aide\tY" in fh.read()  # O*NET reports the title itself as a title
    doc = load(data, "personal-care-aide")
    assert "personal care aide" not in {t.lower() for t in doc.get("also_called", []) + doc.get("search_titles", [])}


def test_entry_routes_are_read_by_code_and_a_bad_row_stops_the_import(tmp_path: Path) -> None:
    from tools.import_data import read_routes

    occupations = {"29-2072.00": "Medical Records Specialists", "31-1121.00": "Home Health Aides"}
    table = tmp_path / "entry_steps.toml"
    row = '[[route]]\nfamily = "f"\ncodes = ["29-2072.00", "99-9999.00"]\nsource = "A page: https://example.org"\n'
    table.write_text(row + 'steps = ["Do this."]\n', encoding="utf-8")
    routes = read_routes(table, occupations)
    assert list(routes) == ["29-2072.00"]  # a code the sources lack is left out
    assert routes["29-2072.00"]["steps"] == ["Do this."] and "codes" not in routes["29-2072.00"]
    table.write_text(row + row, encoding="utf-8")
    with pytest.raises(SystemExit, match="29-2072.00 is in two routes"):
        read_routes(table, occupations)
    table.write_text(row + 'stpes = ["Do this."]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="stpes"):
        read_routes(table, occupations)


def test_the_importer_bakes_the_route_into_the_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tools.import_data as importer

    table = tmp_path / "entry_steps.toml"
    table.write_text('[[route]]\nfamily = "records"\ncodes = ["29-2072.00"]\nsource = "A page: https://example.org"\n'
                     'steps = ["Do this first."]\ntraining_step = false\n', encoding="utf-8")
    monkeypatch.setattr(importer, "ROUTES", table)
    data = new_data_dir(tmp_path)
    importer.run(SOURCES, data, [EDITORIAL])
    assert load(data, "medical-records-specialist")["entry_route"] == {
        "family": "records", "source": "A page: https://example.org", "steps": ["Do this first."],
        "training_step": False}
    assert "entry_route" not in load(data, "home-health-aide")
