"""Rendering: golden snapshots of the seed page and a comparison, hostile text, ASCII terminals.

Snapshots live in tests/snapshots/. After an intended change of the output, regenerate them with

    UPDATE_SNAPSHOTS=1 python -m pytest tests/test_render.py

and review the diff before committing.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from helpers import MINIMAL, SNAPSHOTS, console_text, make_console

from careerexplorer.catalog import Catalog, Clusters
from careerexplorer.model import Profile, Wages
from careerexplorer.figures import count, growth, hourly, money
from careerexplorer.results import Hit, SearchHits
from careerexplorer.sanitize import text as safe
from careerexplorer.views.career import career_page, salary_bar
from careerexplorer.views.compare import compare_rows, comparison
from careerexplorer.views.lists import list_lines, search_page

BOX_DRAWING = {chr(c) for c in range(0x2500, 0x2580)}
HOSTILE = "[red]x[/red] \x1b[31mred\x1b[0m bell\x07 cr\r end"


def normalized(text: str) -> str:
    # Rich pads lines to the console width; trailing blanks are not part of the snapshot.
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(normalized(text), encoding="utf-8")
    assert path.is_file(), f"missing snapshot {path}; run with UPDATE_SNAPSHOTS=1 to create it"
    assert normalized(text) == path.read_text(encoding="utf-8")


def render_page(p: Profile, clusters: Clusters, ascii_only: bool = False, width: int = 80) -> str:
    console = make_console(ascii_only, width)
    console.print(career_page(p, clusters.pathway(p.cluster, p.pathway), console.width, console.options.ascii_only))
    return console_text(console)


def render_compare(profiles: list[Profile], ascii_only: bool = False) -> str:
    console = make_console(ascii_only)
    console.print(comparison(profiles, console.width, console.options.ascii_only))
    return console_text(console)


@pytest.fixture(scope="module")
def mrs(catalog: Catalog) -> Profile:
    return catalog.profile("medical-records-specialist")


@pytest.fixture(scope="module")
def rn(catalog: Catalog) -> Profile:
    return catalog.profile("registered-nurse")


# --- golden snapshots --------------------------------------------------------------------------


def test_show_page_snapshot(mrs: Profile, clusters: Clusters) -> None:
    assert_snapshot("show-medical-records-specialist.txt", render_page(mrs, clusters))


def test_compare_snapshot(mrs: Profile, rn: Profile) -> None:
    assert_snapshot("compare-mrs-rn.txt", render_compare([mrs, rn]))


def test_show_page_has_every_section_in_order(mrs: Profile, clusters: Clusters) -> None:
    out = render_page(mrs, clusters)
    headings = ["What To Learn", "Education Level", "Insider Info", "Extra Requirements", "Additional Information",
                "Salary Range (U.S., May 2025)", "Interests and Skills", "Related Careers", "Sources:"]
    positions = [out.index(f"\n{h}") for h in headings]
    assert positions == sorted(positions)
    assert mrs.wages and mrs.outlook
    for fact in ("AVG. SALARY", money(mrs.wages.mean), "1-2 years", mrs.outlook.label,
                 f"{growth(mrs.outlook.change_pct)} jobs, 2024-34", "Bright Outlook", "O*NET job zone 3 of 5",
                 "CIS: Conventional 7.0", hourly(mrs.wages.hourly_mean), f"{count(mrs.wages.employment)} jobs",
                 f"about {count(mrs.outlook.openings)} openings a year",
                 "Medical Transcriptionist  (medical-transcriptionist)"):
        assert fact in out, fact


def test_show_page_lines_fit_the_width(mrs: Profile, clusters: Clusters) -> None:
    for width in (60, 80, 120):
        out = render_page(mrs, clusters, width=width)
        assert max(len(line) for line in out.splitlines()) <= width


def test_show_page_never_elides_text(mrs: Profile, clusters: Clusters) -> None:
    # Long unbreakable words (the BLS handbook address) must fold onto the next line, not end in
    # an ellipsis.
    out = render_page(mrs, clusters)
    assert "…" not in out
    url = "https://www.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm"
    assert url in "".join(out.split())


# --- pages with missing figures -------------------------------------------------------------------




def test_a_minimal_profile_shows_not_published_and_leaves_out_empty_sections(clusters: Clusters) -> None:
    out = render_page(Profile.from_dict(MINIMAL), clusters)
    assert out.count("not published") == 3  # salary, education and outlook key facts
    for heading in ("Education Level", "Insider Info", "Extra Requirements", "Additional Information", "Salary Range",
                    "Interests and Skills", "Related Careers", "Sources:"):
        assert heading not in out
    # The pathway's recommended courses still come from the clusters table.
    assert "Medical terminology" in out


def test_aggregate_figures_name_their_bls_group(catalog: Catalog, clusters: Clusters) -> None:
    out = render_page(catalog.profile("home-health-aide"), clusters, width=120)
    assert "Figures for the BLS group 31-1120 Home Health and Personal Care Aides" in out


def test_a_career_without_any_figures_renders(catalog: Catalog, clusters: Clusters) -> None:
    out = render_page(catalog.profile("air-crew-officer"), clusters)
    assert "Air Crew Officer" in out and "Salary Range" not in out
    # A military career: why BLS has no figures and where pay is published, said once in the box.
    assert out.count("not published") == 0 and out.count("DFAS") == 1


# --- hostile text -------------------------------------------------------------------------------------


def hostile_profile() -> Profile:
    return Profile.from_dict(dict(
        MINIMAL,
        title="Hostile [bold]Career[/bold]\x1b[2J",
        summary=HOSTILE,
        also_called=[HOSTILE],
        courses=[HOSTILE],
        education_note=HOSTILE,
        additional_info=[HOSTILE],
        skills=[HOSTILE],
        related=[{"slug": "other", "title": HOSTILE}],
        certifications=[{"abbr": "[X]", "name": HOSTILE, "issuer": HOSTILE, "note": HOSTILE}],
        insider=[{"name": HOSTILE, "role": "r", "organization": "o", "points": [HOSTILE], "quotes": [HOSTILE]}],
        resources=[{"name": HOSTILE, "url": "https://example.org/\x1b[31m"}],
        programs=[{"cip": "51.0707", "title": HOSTILE, "note": HOSTILE}],
        wages={"source": "s", "period": HOSTILE, "area": HOSTILE, "mean": 1, "p10": 1, "median": 2, "p90": 3},
        sources=[HOSTILE],
    ))


def assert_inert(out: str) -> None:
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\r" not in out
    assert "[red]x[/red]" in out  # markup is shown, not applied
    assert "\\x1b[31mred\\x1b[0m" in out  # escape sequences are shown as text
    assert "\\x07" in out and "\\x0d" in out


def test_hostile_text_on_the_page_is_inert(clusters: Clusters) -> None:
    out = render_page(hostile_profile(), clusters, width=200)
    assert_inert(out)
    assert "Hostile [bold]Career[/bold]\\x1b[2J" in out


def test_hostile_text_in_a_comparison_is_inert(mrs: Profile) -> None:
    console = make_console(width=200)
    console.print(comparison([hostile_profile(), mrs], console.width, False))
    out = console_text(console)
    assert "\x1b" not in out
    assert "Hostile [bold]Career[/bold]\\x1b[2J" in out


def test_safe_makes_control_characters_visible_and_keeps_newlines() -> None:
    assert safe("a\x1bb\x07c\rd\x7fe\x9bf") == "a\\x1bb\\x07c\\x0dd\\x7fe\\x9bf"
    assert safe("line\nnext\ttab [b]x[/b]") == "line\nnext\ttab [b]x[/b]"
    assert safe(42) == "42"


# --- ASCII terminals ------------------------------------------------------------------------------------


def test_ascii_console_is_detected() -> None:
    assert make_console(ascii_only=True).options.ascii_only is True
    assert make_console().options.ascii_only is False


def test_compare_in_ascii_mode_has_no_box_drawing(mrs: Profile, rn: Profile) -> None:
    out = render_compare([mrs, rn], ascii_only=True)
    assert out.isascii()
    assert out.startswith("+---")
    assert mrs.wages
    assert f"| AVG. SALARY       | {money(mrs.wages.mean)}" in out


def test_show_page_in_ascii_mode_is_pure_ascii(mrs: Profile, clusters: Clusters) -> None:
    out = render_page(mrs, clusters, ascii_only=True)
    assert not (set(out) & BOX_DRAWING)
    assert "- Medical terminology" in out  # bullets are ASCII
    assert "Darrell King" in out and '"Mathematics and English are important also." - Darrell King' in out
    assert [ch for ch in sorted(set(out)) if not ch.isascii()] == []


# --- small pieces ---------------------------------------------------------------------------------


def test_number_formats() -> None:
    assert money(56790) == "$56,790"
    assert money(239200, at_least=True) == "$239,200 or more"
    assert money(None) == "not published"
    assert hourly(27.3) == "$27.30/hr"
    assert hourly(115.0, at_least=True) == "$115.00/hr or more"
    assert count(194720) == "194,720"
    assert growth(7.1) == "+7.1%" and growth(-1.5) == "-1.5%" and growth(None) == "not published"


def test_salary_bar_marks_the_median_between_the_percentiles() -> None:
    w = Wages("s", "p", "U.S.", p10=10, median=50, p90=90)
    assert salary_bar(w, 10, ascii_only=True).plain == "====|====="
    assert salary_bar(w, 10, ascii_only=False).plain == "━━━━┃━━━━━"
    assert salary_bar(Wages("s", "p", "U.S.", p10=None, p90=5), 10, True).plain == "not published"


def test_salary_bar_on_a_shared_scale() -> None:
    w = Wages("s", "p", "U.S.", p10=20, median=40, p90=60)
    # Columns 2 to 6 of 0..10: the bar covers only its own range of the scale.
    assert salary_bar(w, 11, True, scale=(0, 100)).plain == "  ==|=="


def test_compare_marks_the_best_value_of_each_numeric_row(mrs: Profile, rn: Profile) -> None:
    cells = {row[0].plain: row[1:] for row in compare_rows([mrs, rn])}
    assert mrs.wages and rn.wages and mrs.outlook and rn.outlook and mrs.outlook.change_pct and rn.outlook.change_pct
    salary = cells["AVG. SALARY"]
    assert [c.plain for c in salary] == [money(mrs.wages.mean), money(rn.wages.mean)]
    richer = (mrs.wages.mean or 0) > (rn.wages.mean or 0)
    assert [c.style for c in salary] == (["bold green", ""] if richer else ["", "bold green"])
    faster = mrs.outlook.change_pct > rn.outlook.change_pct
    assert [c.style for c in cells["Growth"]] == (["bold green", ""] if faster else ["", "bold green"])


def hit(title: str, slug: str, reason: str) -> Hit:
    return Hit(slug=slug, title=title, onet_code="29-2072.00", soc_code="29-2072", score=90.0, matched="",
               field="title", reason=reason)


SHORT = hit("Medical Records Specialist", "medical-records-specialist", "alternate title: Medical Coder")
LONG = hit("Secretary and Administrative Assistant, Except Legal, Medical, and Executive",
           "secretary-and-administrative-assistant-except-legal-medical-and-executive", "title")


def search_results(hits: list[Hit], width: int, ascii_only: bool) -> Any:
    return search_page(SearchHits(query="q", hits=tuple(hits)), width, ascii_only)


def test_search_results_table() -> None:
    console = make_console(width=120)
    console.print(search_results([SHORT], 120, False))
    out = console_text(console)
    assert "Medical Records Specialist" in out
    assert "medical-records-specialist" in out
    assert "alternate title: Medical Coder" in out


@pytest.mark.parametrize("width", [60, 80])
def test_search_results_never_cut_a_slug_short(width: int) -> None:
    # The slug is what people type next ('careers show <slug>'): it may fold, never be elided.
    console = make_console(width=width)
    console.print(search_results([SHORT, LONG], width, False))
    out = console_text(console)
    assert "…" not in out
    assert all(len(line) <= width for line in out.splitlines())
    flat = "".join(out.split())
    assert SHORT.slug in flat and LONG.slug in flat


def entry(title: str, salary: int | None, education: int | None, growth: float | None, outlook: str | None) -> dict[str, Any]:
    return {"title": title, "salary": salary, "education": education, "growth": growth, "outlook": outlook,
            "wage_basis": None, "soc_code": "29-2072", "onet_code": "29-2072.00"}


def list_text(entries: list[dict[str, Any]], width: int) -> list[str]:
    from careerexplorer.listing import education_label, outlook_label

    lines = list_lines(entries, width, [education_label(e) for e in entries], [outlook_label(e) for e in entries])
    assert lines[0].split() == ["Career", "AVG.", "SALARY", "Education", "Outlook"]
    assert all(len(line) <= width for line in lines)
    return lines[1:]


@pytest.mark.parametrize("width", [80, 120])
def test_list_lines_show_whole_education_and_outlook_labels(width: int) -> None:
    from careerexplorer.listing import education_label, outlook_label

    # Every education level, and the widest outlook labels.
    entries = [entry(f"Career {i}", 56790, i, g, o) for i, (g, o) in enumerate([
        (7.1, "Much faster than average"), (100.0, "Much faster than average"), (0.4, "Little or no change"),
        (-0.9, "Little or no change"), (-12.5, "Declining"), (2.0, "About as fast as average"),
        (1.2, "Slower than average"), (4.6, "Faster than average")])]
    lines = list_text(entries, width)
    for line, e in zip(lines, entries):
        edu, grow = education_label(e), outlook_label(e)
        assert "$56,790" in line
        assert f" {edu} " in line
        assert line.endswith(grow)


def test_list_lines_fold_long_titles_whole_and_mark_missing_figures() -> None:
    title = "Aerospace Engineering and Operations Technologist and Technician"
    lines = list_text([entry(title, None, None, None, None), entry("Aerospace Engineer", 1, 5, 1.0, None)], 80)
    # The long title goes on over a second line of its column; nothing is cut.
    assert "…" not in "".join(lines)
    assert " ".join(" ".join(lines[:-1]).replace("not published", "").split()) == title
    assert lines[0].count("not published") == 3
    assert lines[-1].startswith("Aerospace Engineer ")


def test_list_lines_without_a_bound_give_whole_titles_and_slugs() -> None:
    from careerexplorer.listing import education_label, outlook_label

    entries = [entry("B" * 120, 50000, 1, 1.0, "Little or no change") | {"slug": "b-long"}]
    lines = list_lines(entries, 0, [education_label(e) for e in entries], [outlook_label(e) for e in entries])
    assert lines[0].split()[:2] == ["Career", "Slug"]
    assert lines[1].split()[:3] == ["B" * 120, "b-long", "$50,000"]


def test_compare_keys_its_codes_and_says_what_the_figures_cover() -> None:
    from careerexplorer.catalog import Catalog
    from careerexplorer.commands import compare, place

    cat = Catalog()
    r = compare(cat, ["registered-nurse", "electrician"], place(cat, "CA", None))
    console = make_console(width=100)
    console.print(comparison(list(r.profiles), 100, False))
    out = " ".join(console_text(console).split())
    assert "Interests: Holland codes, strongest first (R realistic, I investigative, S social, C conventional)" in out
    assert "Wages for California; outlook, growth and openings are U.S. projections." in out
    # Basic Life Support by its name: 'BLS' alone reads as the source of the wages.
    assert "Basic Life Support" in out and ", BLS," not in out


@pytest.mark.parametrize("width", [30, 40, 60, 80])
def test_a_long_web_address_breaks_after_a_slash_or_hyphen(width: int) -> None:
    from careerexplorer.views.career import url_lines

    url = "https://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm"
    pieces = url_lines(url, width)
    assert "".join(pieces) == url
    assert all(len(p) <= width for p in pieces)
    assert all(p[-1] in "/-.?&=_" for p in pieces[:-1])
