"""The profile format: schema.check on parsed documents, and the published JSON Schema."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import tomli
from helpers import MINIMAL

from careerexplorer import schema
from careerexplorer.model import BLS_EDUCATION, EDUCATION_LADDER, INTERESTS
from careerexplorer.schema import PROFILE_FIELDS, check, json_schema


def with_(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(MINIMAL)
    doc.update(changes)
    return doc


def test_a_minimal_document_is_valid() -> None:
    assert check(MINIMAL) == ([], [])


def test_the_bundled_seed_profile_is_valid(data_dir: Path) -> None:
    doc = tomli.loads((data_dir / "careers" / "medical-records-specialist.toml").read_text(encoding="utf-8"))
    assert check(doc) == ([], [])


def test_every_required_key_is_reported_when_missing() -> None:
    errors, warnings = check({})
    required = [k for k, rule in PROFILE_FIELDS.items() if rule.required]
    assert required == ["slug", "title", "onet_code", "soc_code", "summary", "cluster", "pathway"]
    assert [key for key, _ in errors] == required
    assert errors[0] == ("slug", "missing required key (a string: Identifier: the singular title in kebab case; the file is <slug>.toml)")
    assert warnings == []


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"job_zone": True}, ("job_zone", "expected an integer, found a boolean")),
        ({"job_zone": 3.0}, ("job_zone", "expected an integer, found a number")),
        ({"job_zone": "3"}, ("job_zone", "expected an integer, found a string")),
        ({"job_zone": 0}, ("job_zone", "0 is below the minimum 1")),
        ({"job_zone": 6}, ("job_zone", "6 is above the maximum 5")),
        ({"title": 7}, ("title", "expected a string, found an integer")),
        ({"title": "   "}, ("title", "must not be empty")),
        ({"also_called": ["A", 2]}, ("also_called", "expected an array of strings, found an array")),
        ({"also_called": "A"}, ("also_called", "expected an array of strings, found a string")),
        ({"wages": ["x"]}, ("wages", "expected a table, found an array")),
        ({"related": {"slug": "x"}}, ("related", "expected an array of tables, found a table")),
        ({"onet_code": "29-2072"}, ("onet_code", "'29-2072' is not in the expected form (O*NET-SOC 2019 code, e.g. 29-2072.00)")),
        ({"soc_code": "292072"}, ("soc_code", "'292072' is not in the expected form (SOC 2018 code, e.g. 29-2072)")),
        ({"slug": "Sample_Career"}, ("slug", "'Sample_Career' is not in the expected form (Identifier: the singular title in kebab case; the file is <slug>.toml)")),
        ({"slug": "../etc/passwd"}, ("slug", "'../etc/passwd' is not in the expected form (Identifier: the singular title in kebab case; the file is <slug>.toml)")),
    ],
)
def test_wrong_values_are_errors(changes: dict[str, Any], error: tuple[str, str]) -> None:
    assert check(with_(**changes)) == ([error], [])


def test_nested_tables_are_checked_with_their_key_paths() -> None:
    doc = with_(
        wages={"source": "BLS OEWS", "period": "May 2025", "area": "U.S.", "mean": "a lot", "at_least": ["mean", "bogus"]},
        education={"source": "BLS", "period": "2024-34", "typical_entry": "PhD"},
        interests={"conventional": 7.5, "social": 1},
        programs=[{"cip": "51.0707", "title": "Ok"}, {"cip": "51-0707"}],
        resources=[{"name": "Site", "url": "ftp://example.org"}],
    )
    errors, warnings = check(doc)
    assert errors == [
        ("wages.mean", "expected an integer, found a string"),
        ("wages.at_least", "'bogus' is not one of: mean, median, p10, p25, p75, p90, hourly_mean, hourly_median"),
        ("education.typical_entry", "'PhD' is not one of: " + ", ".join(BLS_EDUCATION)),
        ("interests.conventional", "7.5 is above the maximum 7"),
        ("programs[1].cip", "'51-0707' is not in the expected form (CIP 2020 code)"),
        ("programs[1].title", "missing required key (a string: Program title)"),
        ("resources[0].url", "'ftp://example.org' is not in the expected form (Address)"),
    ]
    assert warnings == []


def test_unknown_keys_are_warnings_with_a_close_match() -> None:
    doc = with_(sumary="typo", zzz=1, wages={"source": "s", "period": "p", "area": "U.S.", "medain": 1})
    assert check(doc) == (
        [],
        [
            ("sumary", "unknown key; did you mean 'summary'?"),
            ("zzz", "unknown key"),
            ("wages.medain", "unknown key; did you mean 'median'?"),
        ],
    )


def test_a_wrong_type_does_not_stop_the_check_of_later_keys() -> None:
    errors, _ = check(with_(job_zone="x", soc_code=1, onet_code=None))
    assert [k for k, _ in errors] == ["onet_code", "soc_code", "job_zone"]  # in document order


def test_the_education_ladder_is_ordered_and_matches_bls_wording() -> None:
    assert [key for key, _, _ in EDUCATION_LADDER] == [
        "none", "high-school", "some-college", "postsecondary-award", "associate", "bachelor", "master", "doctoral"]
    assert BLS_EDUCATION[3] == "Postsecondary nondegree award"
    assert INTERESTS == ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")


# --- the JSON Schema -------------------------------------------------------------------------------


def test_json_schema_is_json_and_describes_every_field() -> None:
    s = json_schema()
    assert json.loads(json.dumps(s)) == s
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["type"] == "object"
    assert set(s["properties"]) == set(PROFILE_FIELDS)
    assert s["required"] == ["slug"] and s["if"] == {"required": ["extends"]}  # an overlay needs only its slug
    assert s["else"]["required"] == [k for k, rule in PROFILE_FIELDS.items() if rule.required]
    assert s["additionalProperties"] is False
    for name, rule in PROFILE_FIELDS.items():
        assert s["properties"][name]["description"] == rule.doc, name
        assert rule.doc, f"{name} has no documentation"


def test_json_schema_nested_shapes() -> None:
    props = json_schema()["properties"]
    assert props["slug"] == {"type": "string", "pattern": schema.SLUG_RE.pattern, "description": PROFILE_FIELDS["slug"].doc}
    assert props["job_zone"]["type"] == "integer" and props["job_zone"]["minimum"] == 1 and props["job_zone"]["maximum"] == 5
    assert props["also_called"]["type"] == "array" and props["also_called"]["items"] == {"type": "string"}
    wages = props["wages"]
    assert wages["type"] == "object" and wages["required"] == ["source", "period", "area"]
    assert wages["properties"]["mean"]["type"] == "integer" and wages["properties"]["mean"]["minimum"] == 0
    assert wages["properties"]["hourly_mean"]["type"] == "number"
    assert wages["properties"]["at_least"]["items"]["enum"][0] == "mean"
    assert props["education"]["properties"]["typical_entry"]["enum"] == list(BLS_EDUCATION)
    related = props["related"]
    assert related["type"] == "array" and related["items"]["required"] == ["slug", "title"]
    assert related["items"]["additionalProperties"] is False
    assert set(props["interests"]["properties"]) == set(INTERESTS)


def validate(instance: Any, sch: dict[str, Any], path: str = "") -> list[str]:
    """A small validator for the JSON Schema keywords json_schema() uses."""
    out: list[str] = []
    kind = sch.get("type")
    checks = {"object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
              "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
              "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}
    if kind and not checks[kind](instance):
        return [f"{path}: not {kind}"]
    if kind == "object":
        for key in sch.get("required", []):
            if key not in instance:
                out.append(f"{path}.{key}: required")
        for key, value in instance.items():
            if key in sch.get("properties", {}):
                out += validate(value, sch["properties"][key], f"{path}.{key}")
            elif sch.get("additionalProperties") is False:
                out.append(f"{path}.{key}: not allowed")
    if kind == "array":
        for i, item in enumerate(instance):
            out += validate(item, sch.get("items", {}), f"{path}[{i}]")
    if "pattern" in sch and isinstance(instance, str) and not re.search(sch["pattern"], instance):
        out.append(f"{path}: pattern")
    if "enum" in sch and instance not in sch["enum"]:
        out.append(f"{path}: enum")
    if "minimum" in sch and instance < sch["minimum"]:
        out.append(f"{path}: minimum")
    if "maximum" in sch and instance > sch["maximum"]:
        out.append(f"{path}: maximum")
    return out


def test_bundled_profiles_validate_against_the_json_schema(data_dir: Path) -> None:
    s = json_schema()
    for slug in ("medical-records-specialist", "registered-nurse", "home-health-aide", "air-crew-officer"):
        doc = tomli.loads((data_dir / "careers" / f"{slug}.toml").read_text(encoding="utf-8"))
        assert validate(doc, s) == [], slug


@pytest.mark.parametrize(
    "changes",
    [{"job_zone": 7}, {"slug": "Bad Slug"}, {"also_called": [1]}, {"wages": {"source": "s", "period": "p"}},
     {"education": {"source": "s", "period": "p", "typical_entry": "PhD"}}, {"related": [{"slug": "x"}]}],
)
def test_json_schema_rejects_what_check_rejects(changes: dict[str, Any]) -> None:
    doc = with_(**changes)
    assert check(doc)[0] != []
    assert validate(doc, json_schema()) != []
    assert validate(MINIMAL, json_schema()) == []
