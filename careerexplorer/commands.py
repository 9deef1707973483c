"""What each command does, as a function from options to a result (careerexplorer.results).

The CLI parses arguments, resolves configuration once and calls one of these; they never print
and never exit, so other front ends (and tests) can call them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careerexplorer.catalog import Catalog
from careerexplorer.errors import UsageError
from careerexplorer.lookup import resolve, resolve_profile
from careerexplorer.model import Profile
from careerexplorer.results import (
    About,
    CareerList,
    CareerPage,
    ClusterOverview,
    Comparison,
    Hit,
    Leads,
    Match,
    Matches,
    SearchHits,
    Shortlist,
    Validation,
)

if TYPE_CHECKING:
    from careerexplorer.index import Entry
    from careerexplorer.listing import Filters

SEARCH_SORTS = ("relevance", "title", "salary", "growth", "openings")


def localized(cat: Catalog, profile: Profile, state: str | None) -> Profile:
    """The profile with a state's wages in place of the national ones, when a state is given."""
    if not state:
        return profile
    from careerexplorer.states import localize, state_code

    return localize(profile, cat.data_dir, state_code(cat.data_dir, state))


def show(cat: Catalog, career: str, state: str | None = None) -> CareerPage:
    profile = localized(cat, resolve_profile(cat, career), state)
    return CareerPage(profile=profile, pathway=cat.clusters.pathway(profile.cluster, profile.pathway))


def compare(cat: Catalog, careers: Sequence[str], state: str | None = None) -> Comparison:
    if not 2 <= len(careers) <= 4:
        raise UsageError(f"compare takes 2 to 4 careers, got {len(careers)}")
    return Comparison(profiles=tuple(localized(cat, resolve_profile(cat, c), state) for c in careers))


def shortlisted_for_compare(path: Path) -> list[str]:
    """The first four careers of the shortlist, for `compare` without arguments."""
    from careerexplorer import shortlist

    wanted = shortlist.read(path)
    if len(wanted) < 2:
        raise UsageError(f"your shortlist has {len(wanted)} career{'s' * (len(wanted) != 1)}; add some with "
                         "'careers shortlist add CAREER', or name 2 to 4 careers")
    return wanted[:4]


def search(cat: Catalog, query: str, filters: Filters, limit: int = 10, sort: str = "relevance") -> SearchHits:
    """Careers matching a query, best first, or by a figure among those that matched well enough."""
    from careerexplorer.listing import ordered
    from careerexplorer.search import Searcher

    searcher = Searcher(cat)
    slugs = {e["slug"] for e in filters.apply(cat.entries)} if filters.active else None
    found = searcher.rank(query, slugs, limit=None if sort != "relevance" else limit)
    if sort != "relevance":
        position = {e["slug"]: i for i, e in enumerate(ordered([cat.by_slug[r.slug] for r in found], sort))}
        found = sorted(found, key=lambda r: position[r.slug])[:limit]
    hits = tuple(Hit(slug=r.slug, title=r.title, onet_code=r.onet_code, soc_code=r.entry["soc_code"], score=r.score,
                     matched=r.matched, field=r.field, reason=r.reason, facts=cat.by_slug.get(r.slug))
                 for r in found)
    closest = () if hits else tuple(e["title"] for e in searcher.closest_titles(query))
    return SearchHits(query=query, hits=hits, closest=closest)


def list_careers(cat: Catalog, filters: Filters, sort: str = "title", state: str | None = None) -> CareerList:
    from careerexplorer.listing import ordered

    entries: list[Entry] = list(cat.entries)
    area = None
    if state:
        from careerexplorer.states import localize_entries, state_code

        code = state_code(cat.data_dir, state)
        entries = localize_entries(entries, cat.data_dir, code)
        area = code
    return CareerList(entries=tuple(ordered(filters.apply(entries), sort)), area=area)


def match(cat: Catalog, interests: list[str], filters: Filters, limit: int = 10) -> Matches:
    from careerexplorer.match import explain, rank

    found = rank(interests, filters.apply(cat.entries), limit)
    return Matches(code="".join(n[0].upper() for n in interests), interests=tuple(interests),
                   matches=tuple(Match(entry=e, fit=f, why=explain(interests, e)) for e, f in found))


def clusters(cat: Catalog, name: str | None = None) -> ClusterOverview:
    from careerexplorer.listing import pick

    chosen = pick(name, cat.clusters.names(), "cluster") if name else None
    careers: dict[tuple[str, str], list[Entry]] = {}
    for e in cat.entries:
        careers.setdefault((e["cluster"], e["pathway"]), []).append(e)
        for c, p in e.get("also_in", []):
            careers.setdefault((c, p), []).append(e)
    return ClusterOverview(clusters=tuple(cat.clusters.clusters), careers={k: tuple(v) for k, v in careers.items()},
                           chosen=chosen)


def shortlist_view(cat: Catalog, path: Path) -> tuple[Shortlist, list[str]]:
    """The shortlist, and the slugs on it that the catalog no longer has."""
    from careerexplorer import shortlist

    slugs = shortlist.read(path)
    entries = tuple(cat.by_slug[s] for s in slugs if s in cat.by_slug)
    return Shortlist(slugs=tuple(slugs), entries=entries), [s for s in slugs if s not in cat.by_slug]


def shortlist_add(cat: Catalog, path: Path, careers: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(the slugs asked for, those newly added, the whole list after)."""
    from careerexplorer import shortlist

    slugs = [resolve(cat, c) for c in careers]
    current, added = shortlist.add(path, slugs)
    return slugs, added, current


def shortlist_remove(cat: Catalog, path: Path, careers: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    from careerexplorer import shortlist

    on_list = shortlist.read(path)
    slugs = [c if c in on_list else resolve(cat, c) for c in careers]
    current, removed = shortlist.remove(path, slugs)
    return slugs, removed, current


def about(version: str) -> About:
    from careerexplorer.sources import ONET_ATTRIBUTION, SOURCES

    return About(version=version, sources=SOURCES, attribution=ONET_ATTRIBUTION, notes=(
        "Wage figures are BLS OEWS estimates, which do not include self-employed workers. "
        "Summaries, course advice and certification lists are written by the careers project.",))


def validate(cat: Catalog, paths: Sequence[Path]) -> Validation:
    from careerexplorer.catalog import validate_paths

    targets = list(paths) if paths else [cat.data_dir, *cat.user_dirs]
    checked, problems, notes = validate_paths(targets, cat.clusters)
    return Validation(checked=checked, problems=tuple([*map(str, problems), *notes]))


def next_careers(cat: Catalog, career: str, filters: Filters, up: bool = False, limit: int = 10) -> Leads:
    """The careers a career leads to, most alike first, each with the pay difference and the
    schooling it adds; ``up`` keeps those that pay more. Filters are those of `list`."""
    from careerexplorer.index import entry_for
    from careerexplorer.model import EDUCATION_LADDER
    from careerexplorer.results import Step

    profile = resolve_profile(cat, career)
    here: Entry = cat.by_slug.get(profile.slug) or entry_for(profile)
    steps = []
    for lead in profile.leads:
        there = cat.by_slug.get(lead.slug)
        if there is None or not filters.keeps(there):
            continue
        pay = there["salary"] - here["salary"] if there["salary"] is not None and here["salary"] is not None else None
        if up and (pay is None or pay <= 0):
            continue
        extra = None
        if there["education"] is not None and here["education"] is not None and there["education"] > here["education"]:
            extra = EDUCATION_LADDER[there["education"]][2]
        steps.append(Step(lead=lead, entry=there, pay_difference=pay, extra_schooling=extra))
    return Leads(career=here, steps=tuple(steps[:limit]), up=up)
