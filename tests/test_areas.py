"""Area wages (careerexplorer.areas) on a small database built by the importer's own function
from the fixture OEWS files (tests/fixtures/sources/bls-oews: the state rows of CA, MN, MS, ND,
TX and AL, and the metro rows of Fargo, Bismarck, Elmira, five Springfields and two North Dakota
nonmetropolitan areas for 29-2072, plus Richmond, VA for 29-1022).
"""

from __future__ import annotations

import csv
import gzip
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SOURCES

from careerexplorer.areas import Area, find_area, find_state, open_db, rank_areas, wages_for
from careerexplorer.errors import DataError, UsageError
from tools.readers import Sources, read_oews_areas
from tools.wagesdb import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    folder = tmp_path_factory.mktemp("wages")
    build(read_oews_areas(Sources(SOURCES)), folder / "wages.db")
    connection = open_db(folder)
    yield connection
    connection.close()


def source_row(area_title: str, soc: str) -> dict[str, str]:
    """The fixture row itself, to compare figures with (not literals of the catalog)."""
    for name in ("oews_state_M2025.csv", "oews_metro_M2025.csv.gz"):
        path = SOURCES / "bls-oews" / name
        with (gzip.open(path, "rt", newline="") if name.endswith(".gz") else path.open(newline="")) as fh:
            for r in csv.DictReader(fh):
                if r["AREA_TITLE"] == area_title and r["OCC_CODE"] == soc:
                    return r
    raise LookupError(area_title)


@pytest.mark.parametrize("text", ["ND", "nd", "North Dakota", "north dakota", " North  Dakota "])
def test_find_state_by_code_or_name(db: sqlite3.Connection, text: str) -> None:
    assert find_state(db, text) == Area("3800000", "North Dakota", "state", ("ND",))


def test_an_unknown_state_lists_the_valid_codes(db: sqlite3.Connection) -> None:
    with pytest.raises(UsageError, match=r"unknown state 'ZZ'; valid: AL, CA, MN, MS, ND, TX$"):
        find_state(db, "ZZ")
    with pytest.raises(UsageError, match=r"did you mean 'North Dakota'"):
        find_state(db, "Nort Dakota")


@pytest.mark.parametrize("text", ["Fargo", "fargo", "Fargo, ND-MN", "fargo nd", "FARGO ND-MN", "0022020", "22020", "farg"])
def test_find_area_by_name_words_or_code(db: sqlite3.Connection, text: str) -> None:
    assert find_area(db, text) == Area("0022020", "Fargo, ND-MN", "metro", ("ND", "MN"))


def test_find_area_of_a_nonmetropolitan_area(db: sqlite3.Connection) -> None:
    area = find_area(db, "west north dakota")
    assert (area.code, area.kind, area.states) == ("3800006", "nonmetro", ("ND",))


def test_an_ambiguous_area_lists_the_candidates(db: sqlite3.Connection) -> None:
    with pytest.raises(UsageError) as caught:
        find_area(db, "Springfield")
    message = str(caught.value)
    assert "matches 5 areas" in message
    for name in ("Springfield, IL", "Springfield, MA", "Springfield, MO", "Springfield, OH", "Eugene-Springfield, OR"):
        assert name in message
    assert find_area(db, "springfield mo").name == "Springfield, MO"
    assert find_area(db, "Springfield, OH").name == "Springfield, OH"  # an exact name wins


def test_an_unknown_area_suggests_the_closest(db: sqlite3.Connection) -> None:
    with pytest.raises(UsageError, match=r"did you mean 'Richmond, VA'\?$"):
        find_area(db, "Richmnd")
    # A name near no place suggests nothing, not areas that merely share letters with it.
    for far in ("Narnia", "Mordor", "Gotham"):
        with pytest.raises(UsageError, match=rf"^no area matches '{far}'$"):
            find_area(db, far)
    with pytest.raises(UsageError, match=r"no area matches 'Fargp'; did you mean 'Fargo, ND-MN'"):
        find_area(db, "Fargp")
    with pytest.raises(UsageError, match="no metropolitan or nonmetropolitan area has the code '99999'"):
        find_area(db, "99999")
    with pytest.raises(UsageError, match="no metropolitan or nonmetropolitan area has the code"):
        find_area(db, "3800000")  # a state's code is not an area


def test_wages_for_an_area_are_its_published_figures(db: sqlite3.Connection) -> None:
    row = source_row("Fargo, ND-MN", "29-2072")
    w = wages_for(db, find_area(db, "Fargo"), ["29-2072"])
    assert (w.source, w.period, w.area, w.basis_code) == ("BLS OEWS", "May 2025", "Fargo, ND-MN", None)
    assert (w.mean, w.median, w.p10, w.p25, w.p75, w.p90, w.employment) == tuple(
        int(row[c]) for c in ("A_MEAN", "A_MEDIAN", "A_PCT10", "A_PCT25", "A_PCT75", "A_PCT90", "TOT_EMP"))
    assert (w.hourly_mean, w.hourly_median) == (float(row["H_MEAN"]), float(row["H_MEDIAN"]))
    assert (w.jobs_per_1000, w.location_quotient) == (float(row["JOBS_1000"]), float(row["LOC_QUOTIENT"]))


def test_not_released_figures_are_absent_not_zero(db: sqlite3.Connection) -> None:
    w = wages_for(db, find_area(db, "Elmira"), ["29-2072"])  # wages '-' with footnote 8
    assert (w.mean, w.median, w.hourly_mean, w.at_least) == (None, None, None, ())
    assert w.employment == int(source_row("Elmira, NY", "29-2072")["TOT_EMP"])


def test_top_coded_area_figures_are_the_cap_and_marked(db: sqlite3.Connection) -> None:
    w = wages_for(db, find_area(db, "Richmond"), ["29-1022"])
    assert (w.mean, w.hourly_mean) == (239200, 115.0)
    assert "mean" in w.at_least and "hourly_median" in w.at_least


def test_wages_fall_back_to_the_group_code_and_say_so(db: sqlite3.Connection) -> None:
    texas = find_state(db, "TX")
    w = wages_for(db, texas, ["31-1122", "31-1120"])  # Personal Care Aides: published as 31-1120
    assert w.basis_code == "31-1120"
    assert w.mean == int(source_row("Texas", "31-1120")["A_MEAN"])
    none = wages_for(db, texas, ["99-9999"])
    assert (none.area, none.mean, none.employment, none.basis_code) == ("Texas", None, None, None)


def test_rank_states_by_mean_finds_the_seed_figure(db: sqlite3.Connection) -> None:
    ranked = rank_areas(db, ["29-2072"], by="mean", kind="state", limit=None)
    means = [w.mean for _, w in ranked if w.mean is not None]
    assert len(means) == len(ranked) and means == sorted(means, reverse=True)
    by_state = {a.states[0]: w for a, w in ranked}
    # The seed page's $52,850 is North Dakota's mean for 29-2072.
    assert by_state["ND"].mean == 52850 == int(source_row("North Dakota", "29-2072")["A_MEAN"])
    assert set(by_state) == {"CA", "MN", "MS", "ND", "TX"}  # Alabama's fixture rows are of another occupation


def test_rank_areas_of_one_state_and_by_concentration(db: sqlite3.Connection) -> None:
    nd = rank_areas(db, ["29-2072"], by="employment", kind="area", state="nd", limit=None)
    assert nd[0][0].name == "Fargo, ND-MN"  # Fargo touches ND: it is listed
    assert {a.name for a, _ in nd} >= {"Fargo, ND-MN", "Bismarck, ND"}
    assert all("ND" in a.states for a, _ in nd)
    top = rank_areas(db, ["29-2072"], by="concentration", kind="area", limit=2)
    quotients = [w.location_quotient for _, w in top]
    assert len(top) == 2 and quotients == sorted(quotients, reverse=True)  # type: ignore[type-var]
    with gzip.open(SOURCES / "bls-oews" / "oews_metro_M2025.csv.gz", "rt", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["OCC_CODE"] == "29-2072"]
    highest = max(rows, key=lambda r: float(r["LOC_QUOTIENT"]))
    assert (top[0][0].name, top[0][1].location_quotient) == (highest["AREA_TITLE"], float(highest["LOC_QUOTIENT"]))


def test_rank_rejects_an_unknown_order(db: sqlite3.Connection) -> None:
    with pytest.raises(UsageError, match="unknown ranking 'salary'"):
        rank_areas(db, ["29-2072"], by="salary")  # type: ignore[arg-type]


def test_a_missing_database_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="wage database is missing"):
        open_db(tmp_path)
    (tmp_path / "wages.db").write_bytes(b"not a database")
    with pytest.raises(DataError, match="damaged"):
        open_db(tmp_path)


def test_the_database_is_opened_read_only(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM areas")
