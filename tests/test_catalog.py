"""Reading and checking profile files, locating problems, looking careers up, the whole catalog."""

from __future__ import annotations

import builtins
import io
import os
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import tomli
from helpers import PROFILES, make_data_dir, profile_toml, write_index

from careerexplorer.catalog import Catalog, Clusters, check_file, load_profile, locate
from careerexplorer.text import normalize
from careerexplorer.errors import AmbiguousCareer, InvalidProfile, Problem, UnknownCareer
from careerexplorer.lookup import resolve, resolve_profile
from careerexplorer.model import Profile

HEALTH_SCIENCE_PATHWAYS = (
    "Biotechnology Research and Development; Diagnostic Services; Health Informatics; Support Services; "
    "Therapeutic Services"
)


# --- locate --------------------------------------------------------------------------------

LOCATE_DOC = """\
slug = "x"
"title" = "y"
wages.median = 3

[wages]
source = "BLS OEWS"
mean = 1

[[programs]]
cip = "51.0707"

[[programs]]
title = "Second"
cip = "51.0706"
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("slug", 1),
        ("title", 2),  # a quoted key
        ("wages.mean", 7),  # a key in a [table]
        ("wages.source", 6),
        ("wages.area", 5),  # not there: the table's header
        ("programs[0].cip", 10),
        ("programs[1].cip", 14),  # the second [[programs]], not the first
        ("programs[1].title", 13),
        ("programs[1].note", 12),  # not there: that item's header
        ("programs[1]", 12),
        ("programs[2].cip", None),  # no third item
        ("summary", None),  # missing key
        ("not a path!", None),
    ],
)
def test_locate_finds_the_line_of_a_key_path(path: str, line: int | None) -> None:
    assert locate(LOCATE_DOC, path) == line


def test_locate_finds_a_dotted_key_before_the_first_table() -> None:
    assert locate('slug = "x"\nwages.mean = 5\n', "wages.mean") == 2


def test_locate_does_not_take_a_key_of_a_table_for_a_top_level_key() -> None:
    text = 'slug = "x"\n\n[[programs]]\ntitle = "A program"\n'
    assert locate(text, "title") is None


# --- Problem and InvalidProfile --------------------------------------------------------------


def test_problem_text_is_file_line_key_message() -> None:
    assert str(Problem("a.toml", 3, "wages.mean", "bad")) == "a.toml:3: wages.mean: bad"
    assert str(Problem("a.toml", None, "title", "missing")) == "a.toml: title: missing"
    assert str(Problem("a.toml", 2, "", "is not UTF-8 text")) == "a.toml:2: is not UTF-8 text"
    assert str(Problem("a.toml", None, "", "cannot be read")) == "a.toml: cannot be read"


def test_invalid_profile_shows_the_first_problem_and_counts_the_others() -> None:
    one = InvalidProfile([Problem("a.toml", 1, "slug", "bad")])
    assert str(one) == "a.toml:1: slug: bad"
    three = InvalidProfile([Problem("a.toml", 1, "slug", "bad"), Problem("a.toml", 2, "x", "y"), Problem("a.toml", 3, "z", "w")])
    assert str(three).startswith("a.toml:1: slug: bad (and 2 more problems;")
    assert len(three.problems) == 3


# --- check_file on the fixture profiles ---------------------------------------------------------


def errors_of(path: Path, clusters: Clusters) -> list[str]:
    checked = check_file(path, clusters)
    assert checked.profile is None
    return [str(p) for p in checked.errors]


def test_a_minimal_valid_profile_loads(clusters: Clusters) -> None:
    path = PROFILES / "sample-career.toml"
    checked = check_file(path, clusters)
    assert checked.errors == []
    assert checked.warnings == []
    p = checked.profile
    assert isinstance(p, Profile)
    assert (p.slug, p.title, p.onet_code, p.soc_code) == ("sample-career", "Sample Career", "29-9999.00", "29-9999")
    assert (p.cluster, p.pathway) == ("Health Science", "Health Informatics")
    assert p.wages is None and p.outlook is None and p.education is None
    assert p.origin == str(path)
    assert load_profile(path, clusters) == p


def test_malformed_toml_is_reported_with_its_line(clusters: Clusters) -> None:
    path = PROFILES / "malformed-toml.toml"
    assert errors_of(path, clusters) == [f"{path}:5: invalid TOML: Illegal character '\\n'"]


def test_wrong_types_and_out_of_range_values_are_all_reported(clusters: Clusters) -> None:
    path = PROFILES / "wrong-types.toml"
    assert errors_of(path, clusters) == [
        f"{path}:8: job_zone: expected an integer, found a string",
        f"{path}:9: also_called: expected an array of strings, found a string",
        f"{path}:15: wages.mean: expected an integer, found a string",
        f"{path}:17: wages.p10: -5 is below the minimum 0",
        f"{path}:20: interests.conventional: 9 is above the maximum 7",
    ]


def test_missing_required_keys_are_all_reported(clusters: Clusters) -> None:
    path = PROFILES / "missing-keys.toml"
    assert errors_of(path, clusters) == [
        f"{path}:1: title: missing required key (a string: Display title, singular, as a person says it)",
        f"{path}:1: summary: missing required key (a string: What the work is, in one or two plain sentences)",
    ]


def test_unknown_cluster_lists_the_valid_ones(clusters: Clusters) -> None:
    path = PROFILES / "unknown-cluster.toml"
    valid = "; ".join(clusters.names())
    assert errors_of(path, clusters) == [
        f"{path}:6: cluster: unknown cluster 'Health Sciences'; valid: {valid}; did you mean 'Health Science'?"
    ]
    assert len(clusters.names()) == 16


def test_unknown_pathway_lists_the_pathways_of_its_cluster(clusters: Clusters) -> None:
    path = PROFILES / "unknown-pathway.toml"
    assert errors_of(path, clusters) == [
        f"{path}:7: pathway: unknown pathway 'Health Informatic' in 'Health Science'; valid: {HEALTH_SCIENCE_PATHWAYS}"
        "; did you mean 'Health Informatics'?"
    ]


def test_slug_must_match_the_file_name(clusters: Clusters) -> None:
    path = PROFILES / "wrong-name.toml"
    assert errors_of(path, clusters) == [f"{path}:1: slug: 'another-slug' does not match the file name 'wrong-name.toml'"]


def test_every_problem_of_a_file_is_reported_at_once(clusters: Clusters) -> None:
    path = PROFILES / "many-problems.toml"
    assert errors_of(path, clusters) == [
        f"{path}:3: onet_code: '29-2072' is not in the expected form (O*NET-SOC 2019 code, e.g. 29-2072.00)",
        f"{path}:5: summary: must not be empty",
        f"{path}:8: job_zone: 9 is above the maximum 5",
        f"{path}:13: wages.mean: expected an integer, found a string",
        f"{path}:10: wages.area: missing required key (a string: Area the wages are for)",
        f"{path}:16: related[0].slug: 'Bad Slug' is not in the expected form (Slug of the related career)",
        f"{path}:1: title: missing required key (a string: Display title, singular, as a person says it)",
        f"{path}:7: pathway: unknown pathway 'Nursing' in 'Health Science'; valid: {HEALTH_SCIENCE_PATHWAYS}",
        f"{path}:2: slug: 'not-this-name' does not match the file name 'many-problems.toml'",
    ]
    with pytest.raises(InvalidProfile) as info:
        load_profile(path, clusters)
    assert len(info.value.problems) == 9
    assert str(info.value).startswith(f"{path}:3: onet_code: '29-2072' is not in the expected form")
    assert "(and 8 more problems;" in str(info.value)


def test_unknown_keys_are_warnings_with_a_suggestion_and_the_profile_still_loads(clusters: Clusters) -> None:
    path = PROFILES / "unknown-key.toml"
    checked = check_file(path, clusters)
    assert [str(w) for w in checked.warnings] == [
        f"{path}:6: sumary: unknown key; did you mean 'summary'?",
        f"{path}:14: wages.meen: unknown key; did you mean 'mean'?",
    ]
    assert checked.errors == []
    assert checked.profile is not None
    assert checked.profile.summary == "Has a misspelt key."


def test_an_unknown_key_inside_a_table_is_only_a_warning(tmp_path: Path, clusters: Clusters) -> None:
    path = tmp_path / "nested-typo.toml"
    path.write_text(profile_toml("nested-typo") + '\n[education]\nsource = "BLS"\nperiod = "2024-34"\n'
                    'typical_entry = "Associate\'s degree"\ntrainin = "None"\n', encoding="utf-8")
    checked = check_file(path, clusters)
    assert [str(w) for w in checked.warnings] == [f"{path}:13: education.trainin: unknown key; did you mean 'training'?"]
    assert checked.errors == []
    assert checked.profile is not None and checked.profile.education is not None
    assert checked.profile.education.label == "Associate's degree"


def test_not_utf8_bytes_are_reported_with_their_line(tmp_path: Path, clusters: Clusters) -> None:
    path = tmp_path / "latin-1.toml"
    path.write_bytes(b'slug = "latin-1"\ntitle = "Caf\xe9 Manager"\nsummary = "x"\n')
    assert errors_of(path, clusters) == [f"{path}:2: is not UTF-8 text (byte 0xe9)"]


def test_a_folder_a_missing_file_and_a_huge_file_are_problems_not_crashes(tmp_path: Path, clusters: Clusters) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert errors_of(folder, clusters) == [f"{folder}: is a folder, not a profile file"]
    missing = tmp_path / "missing.toml"
    assert errors_of(missing, clusters) == [f"{missing}: cannot be read (No such file or directory)"]
    huge = tmp_path / "huge.toml"
    huge.write_text(profile_toml("huge") + "# " + "x" * 1_000_001 + "\n", encoding="utf-8")
    assert errors_of(huge, clusters) == [f"{huge}: is larger than 1000 kB; not a profile"]


# --- Catalog.resolve --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "medical-records-specialist",
        "29-2072.00",
        "29-2072",
        "Medical Records Specialist",
        "medical records specialist",
        "  Medical Records Specialist  ",
        "medical coder",
    ],
)
def test_resolve_finds_the_medical_records_specialist(catalog: Catalog, query: str) -> None:
    assert resolve(catalog, query) == "medical-records-specialist"


def test_resolve_a_shared_soc_code_means_its_main_occupation(catalog: Catalog) -> None:
    # 29-1141 is shared by Registered Nurses (.00) and four specialties (.01-.04).
    assert resolve(catalog, "29-1141") == "registered-nurse"
    assert resolve(catalog, "29-1141.03") == "critical-care-nurse"
    # 31-1121 has its own O*NET code although its wages come from the 31-1120 aggregate.
    assert resolve(catalog, "31-1121.00") == "home-health-aide"


@pytest.mark.parametrize("query", ["99-9999.00", "29-9999", "", "   "])
def test_resolve_unknown_codes_and_empty_text(catalog: Catalog, query: str) -> None:
    with pytest.raises(UnknownCareer) as info:
        resolve(catalog, query)
    assert str(info.value) == f"no career matches {query!r}; try 'careers search'"


def test_resolve_gibberish_is_an_unknown_career(catalog: Catalog) -> None:
    with pytest.raises(UnknownCareer) as info:
        resolve(catalog, "qqqxzzv")
    assert str(info.value).startswith("no career matches 'qqqxzzv'")


def test_resolve_an_other_title_shared_by_several_careers_is_ambiguous(catalog: Catalog) -> None:
    # "Assembler" is an also-called title of several assembler occupations.
    with pytest.raises(AmbiguousCareer) as info:
        resolve(catalog, "assembler")
    assert {"electrical-and-electronic-equipment-assembler", "electromechanical-equipment-assembler"} <= set(info.value.candidates)
    assert str(info.value).startswith("'assembler' matches several careers; did you mean ")


class FileSpy:
    """Records every path the code under test opens or stats."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        real_open, real_stat = builtins.open, os.stat

        def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            self.paths.append(os.fsdecode(file) if isinstance(file, (str, bytes, os.PathLike)) else repr(file))
            return real_open(file, *args, **kwargs)

        def spy_stat(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, bytes, os.PathLike)):
                self.paths.append(os.fsdecode(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", spy_open)
        monkeypatch.setattr(io, "open", spy_open)
        monkeypatch.setattr(os, "stat", spy_stat)


@pytest.mark.parametrize("query", ["../../etc/passwd", "/etc/passwd"])
def test_resolve_path_like_input_is_unknown_and_reads_no_file(query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cat = Catalog()
    spy = FileSpy(monkeypatch)
    with pytest.raises(UnknownCareer):
        resolve(cat, query)
    with pytest.raises(UnknownCareer):
        cat.profile(query)
    assert not [p for p in spy.paths if "passwd" in p]


def test_path_traversal_never_reaches_a_profile_outside_the_catalog(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    # A perfectly valid profile, but outside the data folder: no query may load it.
    (tmp_path / "secret.toml").write_text(profile_toml("secret"), encoding="utf-8")
    cat = Catalog(data_dir=data)
    for query in ("../../secret", "../secret", str(tmp_path / "secret"), str(tmp_path / "secret.toml")):
        with pytest.raises(UnknownCareer):
            cat.profile(query)
        try:
            slug = resolve(cat, query)
        except (UnknownCareer, AmbiguousCareer):
            continue
        assert slug != "secret" and slug in cat.by_slug


def test_profile_by_slug_reads_the_bundled_file(catalog: Catalog, data_dir: Path) -> None:
    p = catalog.profile("medical-records-specialist")
    assert p.origin == str(data_dir / "careers" / "medical-records-specialist.toml")
    with pytest.raises(UnknownCareer):
        catalog.profile("no-such-career")
    with pytest.raises(UnknownCareer):
        catalog.profile("Medical-Records-Specialist")


def test_user_profiles_win_on_a_shared_slug_and_broken_ones_become_warnings(tmp_path: Path, tmp_data: Path, clusters: Clusters) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    text = (tmp_data / "careers" / "medical-records-specialist.toml").read_text(encoding="utf-8")
    mine_lines = {"summary": 'summary = "My own summary."', "title": 'title = "My Own Title"'}
    (mine / "medical-records-specialist.toml").write_text(
        "\n".join(mine_lines.get(ln.split(" = ")[0], ln) for ln in text.splitlines()) + "\n", encoding="utf-8")
    (mine / "extra-career.toml").write_text(profile_toml("extra-career"), encoding="utf-8")
    (mine / "broken.toml").write_text(profile_toml("broken", cluster="Nope"), encoding="utf-8")
    (mine / "notes.txt").write_text("not a profile", encoding="utf-8")
    cat = Catalog(user_dirs=[mine, tmp_path / "missing"], data_dir=tmp_data)
    assert resolve_profile(cat, "medical-records-specialist").summary == "My own summary."
    assert resolve(cat, "extra-career") == "extra-career"
    assert cat.by_slug["medical-records-specialist"]["title"] == "My Own Title"
    assert len(cat.entries) == 5
    assert cat.warnings == [
        f"skipped {mine / 'broken.toml'}:6: cluster: unknown cluster 'Nope'; valid: " + "; ".join(clusters.names()),
        f"{tmp_path / 'missing'}: data folder does not exist",
    ]


def test_normalize() -> None:
    assert normalize("  Medical-Records, Specialist! ") == "medical records specialist"


def test_a_missing_clusters_table_is_a_data_error(tmp_path: Path) -> None:
    from careerexplorer.errors import DataError

    with pytest.raises(DataError):
        Clusters.load(tmp_path)


# --- the bundled catalog ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled(data_dir: Path, clusters: Clusters) -> list[Any]:
    return [check_file(path, clusters) for path in sorted((data_dir / "careers").glob("*.toml"))]


def test_every_bundled_profile_is_valid_without_warnings(bundled: list[Any]) -> None:
    problems = [str(p) for checked in bundled for p in checked.errors + checked.warnings]
    assert problems == []
    assert all(checked.profile is not None for checked in bundled)


def test_bundled_catalog_is_consistent(bundled: list[Any], clusters: Clusters) -> None:
    profiles = [checked.profile for checked in bundled]
    slugs = [p.slug for p in profiles]
    titles = {p.slug: p.title for p in profiles}
    assert [s for s, n in Counter(slugs).items() if n > 1] == []
    assert [c for c, n in Counter(p.onet_code for p in profiles).items() if n > 1] == []
    assert [p.slug for p in profiles if p.onet_code[:7] != p.soc_code] == []
    dangling = [(p.slug, r.slug) for p in profiles for r in p.related if r.slug not in titles]
    assert dangling == []
    wrong_titles = [(p.slug, r.slug) for p in profiles for r in p.related if titles.get(r.slug) not in (None, r.title)]
    assert wrong_titles == []
    assert [p.slug for p in profiles if any(r.slug == p.slug for r in p.related)] == []
    assert [p.slug for p in profiles if clusters.pathway(p.cluster, p.pathway) is None] == []


def test_at_least_900_profiles_each_with_a_summary(bundled: list[Any]) -> None:
    assert len(bundled) >= 900
    assert [c.profile.slug for c in bundled if len(c.profile.summary.strip()) < 20] == []


def test_bundled_index_is_in_sync_with_the_profiles(data_dir: Path, tmp_path: Path) -> None:
    # Rebuild the text files derived from the profiles (index.json, lookup.json) as
    # 'python -m careerexplorer.build' does, in a copy of data/: nothing may change. (The search
    # index also holds what the official files add; the importer's rebuild check covers it.)
    from careerexplorer.build import index_files

    for name, content in index_files(data_dir).items():
        assert (data_dir / name).read_text(encoding="utf-8") == content, f"stale: {name}; run the importer"
    with sqlite3.connect(data_dir / "search.db") as db:
        indexed = [slug for (slug,) in db.execute("SELECT slug FROM career ORDER BY id")]
    assert indexed == [p.stem for p in sorted((data_dir / "careers").glob("*.toml"))]


def test_bundled_index_has_one_entry_per_profile(catalog: Catalog, data_dir: Path) -> None:
    files = sorted(p.stem for p in (data_dir / "careers").glob("*.toml"))
    assert sorted(e["slug"] for e in catalog.entries) == files
    titles = [e["title"].lower() for e in catalog.entries]
    assert titles == sorted(titles)


def test_a_slug_from_before_a_title_fix_still_finds_the_career(catalog: Catalog, tmp_path: Path) -> None:
    renamed = next(p for p in sorted((catalog.data_dir / "careers").glob("*.toml"))
                   if "former_slugs = [" in p.read_text(encoding="utf-8"))
    old = tomli.loads(renamed.read_text(encoding="utf-8"))["former_slugs"][0]
    assert resolve(catalog, old) == renamed.stem
    (tmp_path / "mine").mkdir()
    assert resolve(Catalog(user_dirs=[tmp_path / "mine"]), old) == renamed.stem
