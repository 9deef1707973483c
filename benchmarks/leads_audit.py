"""Audit of the composed guidance over the bundled catalog: leads, subjects, technology, self-employment.

    python benchmarks/leads_audit.py [--all] [--sources ../shared/sources] [SLUG ...]

Prints the measures docs/leads.md and docs/subjects.md set targets for (page leads that pay more
than 5% less with no more schooling: at most 2%; "business" on at most a quarter of the subject
lists at job zones 1-2), the named cases of the issue, and the page's leads of a sample of
careers from every family (or of the slugs given; --all: every career), to be read by a person.
With --sources, it checks each profile's self-employed share against BLS table 1.2 itself.
Reports; asserts nothing (tests/test_leads.py and tests/test_guidance_catalog.py hold the floors).
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from careerexplorer.catalog import Catalog
from careerexplorer.commands import next_careers
from careerexplorer.guidance import lead_sentence, page_leads
from careerexplorer.listing import Filters
from careerexplorer.model import Profile

# Careers of every family: health, trades, police and fire, teaching, arts, business, science,
# transport, food, farming, personal care, military, and "All Other" occupations.
SAMPLE = (
    "registered-nurse",
    "nursing-assistant",
    "dental-hygienist",
    "medical-records-specialist",
    "pharmacist",
    "physical-therapist",
    "electrician",
    "plumber-pipefitter-and-steamfitter",
    "carpenter",
    "welder-cutter-solderer-and-brazer",
    "automotive-service-technician-and-mechanic",
    "police-and-sheriffs-patrol-officer",
    "firefighter",
    "security-guard",
    "elementary-school-teacher-except-special-education",
    "biological-science-teacher-postsecondary",
    "teaching-assistant-preschool-elementary-middle-and-secondary-school-except-special-education",
    "graphic-designer",
    "photographer",
    "musician-and-singer",
    "model",
    "accountant-and-auditor",
    "software-developer",
    "cashier",
    "retail-salesperson",
    "customer-service-representative",
    "chef-and-head-cook",
    "fast-food-and-counter-worker",
    "heavy-and-tractor-trailer-truck-driver",
    "farmer-rancher-and-other-agricultural-manager",
    "animal-caretaker",
    "hairdresser-hairstylist-and-cosmetologist",
    "dietitian-and-nutritionist",
    "lawyer",
    "architectural-and-engineering-manager",
    "civil-engineer",
    "infantry",
    "other-healthcare-support-worker",
)


def bad_leads(cat: Catalog, profiles: list[Profile]) -> tuple[int, int, list[str]]:
    """(page leads, those paying more than 5% less with no more schooling, the worst named)."""
    total, bad, named = 0, 0, []
    for p in profiles:
        here = cat.by_slug[p.slug]
        for lead in page_leads(p):
            there = cat.by_slug.get(lead.slug)
            if there is None:
                continue
            total += 1
            pay_here, pay_there = here["salary"], there["salary"]
            if pay_here is None or pay_there is None or pay_there >= 0.95 * pay_here:
                continue
            if here["education"] is None or there["education"] is None or there["education"] <= here["education"]:
                bad += 1
                named.append(f"{p.slug} -> {lead.slug} ({pay_there - pay_here:+,})")
    return total, bad, named


def self_employed_check(sources: Path, profiles: list[Profile]) -> str:
    """How many profiles carry table 1.2's "Percent self employed" exactly, differ, or have none."""
    from tools.import_data import figures_for
    from tools.readers import EP, number

    path = sources / "bls-projections" / "ep_table_1_2_occupational_projections_2024_34.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r[EP["code"]]: r for r in csv.DictReader(fh) if r["Occupation type"] == "Line item"}
    equal, differ, unpublished = 0, [], 0
    for p in profiles:
        row, _ = figures_for(p.soc_code, rows)
        want = number(row[EP["self_employed"]]) if row else None
        got = p.outlook.self_employed_pct if p.outlook else None
        if want is None and got is None:
            unpublished += 1
        elif want == got:
            equal += 1
        else:
            differ.append(f"{p.slug}: {got} (table 1.2: {want})")
    return (
        f"self-employed share equal to table 1.2: {equal}; different: {len(differ)} {differ[:5]}; "
        f"published by neither: {unpublished}"
    )


def show_leads(cat: Catalog, slug: str) -> None:
    p = cat.profile(slug)
    here = p.education.typical_entry if p.education else None
    print(f"\n{p.title} ({slug})")
    shown = page_leads(p)
    if not shown:
        print("  (no leads on the page)")
    for lead in shown:
        print(f"  - {lead.title}: {lead_sentence(lead, here)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="careers whose leads to print (default: a sample of every family)")
    parser.add_argument("--all", action="store_true", help="print the leads of every career")
    parser.add_argument("--sources", type=Path, help="the sources folder, to check the self-employed share")
    args = parser.parse_args()
    cat = Catalog()
    profiles = [cat.profile(e["slug"]) for e in cat.entries]

    total, bad, named = bad_leads(cat, profiles)
    print(f"careers: {len(profiles)}; with leads on the page: {sum(bool(page_leads(p)) for p in profiles)}")
    print(f"page leads: {total}; paying >5% less with no more schooling: {bad} ({100 * bad / max(total, 1):.2f}%)")
    for line in named[:10]:
        print(f"  {line}")
    kinds = Counter(lead.kind for p in profiles for lead in page_leads(p))
    stored = Counter(lead.kind for p in profiles for lead in p.leads)
    print(f"page leads by kind: {dict(kinds)}; all stored leads by kind: {dict(stored)}")
    new_degree = sum(lead.new_degree for p in profiles for lead in p.leads)
    print(f"stored leads that take a degree in another field (never on a page): {new_degree}")

    agree = sum(
        [s.lead.slug for s in next_careers(cat, p.slug, Filters()).steps][: len(page_leads(p))]
        == [lead.slug for lead in page_leads(p) if lead.slug in cat.by_slug]
        for p in profiles
    )
    print(f"pages whose leads are `next`'s first: {agree} of {len(profiles)}")

    up = {
        slug: [s.lead.title for s in next_careers(cat, slug, Filters(), up=True).steps[:4]]
        for slug in (
            "cashier",
            "electrician",
            "registered-nurse",
            "software-developer",
            "welder-cutter-solderer-and-brazer",
        )
    }
    for slug, titles in up.items():
        print(f"next {slug} --up: {'; '.join(titles) or '(none)'}")

    low = [p for p in profiles if p.job_zone in (1, 2) and p.subjects]
    business = sum("business" in p.subjects for p in low)
    everywhere = sum("business" in p.subjects for p in profiles)
    print(
        f"subjects: 'business' on {business} of {len(low)} job-zone 1-2 lists "
        f"({100 * business / max(len(low), 1):.0f}%), {everywhere} of {sum(bool(p.subjects) for p in profiles)} in all"
    )
    print(f"registered nurse subjects: {', '.join(cat.profile('registered-nurse').subjects)}")
    print(f"cashier technology: {', '.join(cat.profile('cashier').technology[:4])}")
    print(f"registered nurse activities: {'; '.join(cat.profile('registered-nurse').work_activities[:3])}")
    shares = [p for p in profiles if p.outlook and p.outlook.self_employed_pct is not None]
    print(
        f"self-employed share published for {len(shares)} careers; 10% or more: "
        f"{sum((p.outlook.self_employed_pct or 0) >= 10 for p in shares if p.outlook)}"
    )

    if args.sources:
        print(self_employed_check(args.sources, profiles))

    for slug in [e["slug"] for e in cat.entries] if args.all else (args.slugs or SAMPLE):
        if slug in cat.by_slug:
            show_leads(cat, slug)


if __name__ == "__main__":
    main()
