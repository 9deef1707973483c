"""PROVENANCE.md section 7 (the spot check of Medical Records Specialists) holds for the bundled data."""

from __future__ import annotations

from pathlib import Path

from careerexplorer.catalog import Catalog


def test_spot_check_of_the_seed_profile(catalog: Catalog) -> None:
    p = catalog.profile("medical-records-specialist")
    assert (p.onet_code, p.soc_code, p.onet_title) == ("29-2072.00", "29-2072", "Medical Records Specialists")
    w = p.wages
    assert w is not None
    assert (w.mean, w.median, w.p10, w.p25, w.p75, w.p90) == (56790, 51140, 37000, 43490, 64820, 81150)
    assert (w.hourly_mean, w.hourly_median, w.employment) == (27.30, 24.59, 194720)
    assert (w.source, w.period, w.area) == ("BLS OEWS", "May 2025", "U.S.")
    o = p.outlook
    assert o is not None
    assert (o.employment_start, o.employment_end, o.change_pct, o.openings) == (194800, 208600, 7.1, 14200)
    assert o.period == "2024-34"
    e = p.education
    assert e is not None
    assert (e.typical_entry, e.experience, e.training) == ("Postsecondary nondegree award", "None", "None")
    assert p.job_zone == 3
    interests = dict(p.interests)
    assert interests == {"realistic": 2.86, "investigative": 4.33, "artistic": 1.0, "social": 3.38,
                         "enterprising": 1.88, "conventional": 6.97}
    assert p.interest_code[:2] == "CI"  # O*NET's high points: C, I
    assert p.bright_outlook == ("Rapid Growth",)
    assert (p.cluster, p.pathway) == ("Health Science", "Health Informatics")
    assert (p.cluster_2024, p.subcluster_2024) == ("Healthcare & Human Services", "Health Data & Administration")
    assert {prog.cip for prog in p.programs} == {"51.0706", "51.0707", "51.0713", "51.0721"}
    assert "Medical Coder" in p.search_titles


def test_spot_check_of_state_and_area_wages(data_dir: Path) -> None:
    """PROVENANCE.md, section 7: state medians and the Fargo and Bismarck figures of 29-2072."""
    from careerexplorer.areas import find_area, find_state, open_db, wages_for

    db = open_db(data_dir)
    assert {s: wages_for(db, find_state(db, s), ["29-2072"]).median for s in ("CA", "TX", "MS")} == {
        "CA": 61810, "TX": 48860, "MS": 41500}
    fargo = wages_for(db, find_area(db, "Fargo"), ["29-2072"])
    assert (fargo.employment, fargo.median, fargo.mean, fargo.hourly_mean, fargo.location_quotient) == (
        140, 46280, 53810, 25.87, 0.74)
    bismarck = wages_for(db, find_area(db, "Bismarck"), ["29-2072"])
    assert (bismarck.employment, bismarck.median, bismarck.mean, bismarck.location_quotient) == (70, 46720, 55550, 0.83)




def test_no_profile_repeats_its_title_as_also_called_or_loses_a_former_slug(data_dir: Path) -> None:
    import tomli

    slugs = set()
    former = set()
    for path in sorted((data_dir / "careers").glob("*.toml")):
        doc = tomli.loads(path.read_text(encoding="utf-8"))
        own = {doc["title"].lower(), doc.get("onet_title", "").lower()}
        assert not own & {t.lower() for t in doc.get("also_called", []) + doc.get("search_titles", [])}, path.name
        slugs.add(doc["slug"])
        former |= set(doc.get("former_slugs", []))
    assert former and not former & slugs  # an old slug never names another career
