"""What each command does, as a function from options to a result (careerexplorer.results).

The CLI parses arguments, resolves configuration once and calls one of these; they never print
and never exit, so other front ends (and tests) can call them directly.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

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
    WageMap,
)

if TYPE_CHECKING:
    from careerexplorer.areas import Area
    from careerexplorer.index import Entry
    from careerexplorer.listing import Filters
    from careerexplorer.search import Searcher

SEARCH_SORTS = ("relevance", "title", "salary", "growth", "openings")


def place(cat: Catalog, state: str | None, area: str | None) -> Area | None:
    """The state or area whose wages a command shows (None for the U.S.); both at once is a usage error."""
    if state is None and area is None:
        return None
    from careerexplorer.local import place as find

    return find(cat.data_dir, state, area)


def home_place(
    cat: Catalog,
    state: str | None,
    area: str | None,
    national: bool = False,
    config: dict[str, str] | None = None,
    config_file: Path | None = None,
) -> tuple[Area | None, str | None]:
    """The place whose wages a command shows, and a heading that says so when it is the home place.

    Options win (``--state``, ``--area``, ``--national`` for the U.S.), then the home place the
    user set (``config``, read from ``config_file``), then the edition's of a data folder in use.
    """
    if national:
        if state is not None or area is not None:
            raise UsageError("--national and --state or --area name two places; give one")
        return None, None
    if state is not None or area is not None:
        return place(cat, state, area), None
    from careerexplorer.home import home

    found = home(config or {}, config_file or Path(), cat.user_dirs)
    if found is None:
        return None, None
    try:
        where = place(cat, found.state, found.area)
    except UsageError as exc:
        raise UsageError(f"{found.origin}: {exc}") from None
    assert where is not None
    return where, f"Wages: {where.name} ({found.why}; --national for the U.S.)"


def config_set(cat: Catalog, path: Path, key: str, value: str) -> tuple[str, str | None]:
    """Save one setting: (the value as saved, a place's full name or None). A state is saved as its
    code, an area as its full name, a data folder as an absolute path; one home place at a time."""
    from careerexplorer.home import KEYS, PLACE_KEYS, did_you_mean, read_config, write_config

    if key not in KEYS:
        raise UsageError(f"unknown setting {key!r}{did_you_mean(key, KEYS)}")
    values = read_config(path)
    name = None
    if key in PLACE_KEYS:
        where = place(cat, value if key == "state" else None, value if key == "area" else None)
        assert where is not None
        value, name = (where.states[0] if key == "state" else where.name), where.name
        for other in PLACE_KEYS:
            values.pop(other, None)
    else:
        folder = Path(value).expanduser()
        if not folder.is_dir():
            raise UsageError(f"data-dir {value}: not a folder")
        value = str(folder.resolve())
    values[key] = value
    write_config(path, values)
    return value, name


def config_unset(path: Path, key: str) -> bool:
    """Forget one setting; False when it was not set. A key this version does not know (written
    by hand) can be unset too, so that a bad file can be mended with the command."""
    from careerexplorer.home import KEYS, did_you_mean, read_file, write_config

    values = read_file(path) or {}
    if key not in values:
        if key not in KEYS:
            raise UsageError(f"unknown setting {key!r}{did_you_mean(key, KEYS)}")
        return False
    del values[key]
    write_config(path, {k: v for k, v in values.items() if isinstance(v, str)})
    return True


def config_lines(cat: Catalog, config: dict[str, str], path: Path) -> list[str]:
    """What `careers config show` prints: the settings, their file, and the home place in effect."""
    from careerexplorer.home import KEYS, edition

    lines = [f"{key} = {config[key]}" for key in KEYS if key in config]
    lines.append(f"saved in {path}" if config else f"nothing set yet ({path} does not exist)")
    found = edition(cat.user_dirs)
    if found:
        home = found.state or found.area
        lines.append(f"edition: {found.name} ({found.folder}" + (f", home place {home})" if home else ")"))
    where, note = home_place(cat, None, None, False, config, path)
    lines.append("home place: " + (note.removeprefix("Wages: ") if note and where else "none; wages are for the U.S."))
    return lines


def new_profile(cat: Catalog, slug: str, extends: str | None, folder: Path) -> tuple[Path, str | None]:
    """Write a starting profile, ``folder/slug.toml``; never over an existing file. An overlay of
    ``extends`` (by default of ``slug`` when it is a career of the catalog), else a new career.
    Returns the file and the slug it extends (None for a new career)."""
    from careerexplorer import starter
    from careerexplorer.errors import CareerError
    from careerexplorer.text import SLUG_RE

    if not SLUG_RE.match(slug):
        raise UsageError(f"{slug!r} is not a slug: lower-case words joined by hyphens, e.g. medical-records-specialist")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    base = resolve_profile(cat, extends) if extends else (resolve_profile(cat, slug) if cat.exact(slug) else None)
    path = folder / f"{slug}.toml"
    text = starter.overlay_text(slug, base, str(folder)) if base else starter.new_text(slug, str(folder))
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise CareerError(f"{path} already exists; careers new never writes over a file") from None
    except OSError as exc:
        raise CareerError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    return path, base.slug if base else None


def localized(cat: Catalog, profile: Profile, where: Area | None) -> Profile:
    if where is None:
        return profile
    from careerexplorer.local import localize

    return localize(profile, cat.data_dir, where)


def show(cat: Catalog, career: str, where: Area | None = None) -> CareerPage:
    profile = localized(cat, resolve_profile(cat, career), where)
    return CareerPage(profile=profile, pathway=cat.clusters.pathway(profile.cluster, profile.pathway))


def compare(cat: Catalog, careers: Sequence[str], where: Area | None = None) -> Comparison:
    if not 2 <= len(careers) <= 4:
        raise UsageError(f"compare takes 2 to 4 careers, got {len(careers)}")
    profiles = [resolve_profile(cat, c) for c in careers]
    seen: dict[str, str] = {}
    for asked, profile in zip(careers, profiles, strict=True):
        if profile.slug in seen:
            raise UsageError(
                f"{seen[profile.slug]!r} and {asked!r} are the same career ({profile.slug}); name different careers"
            )
        seen[profile.slug] = asked
    return Comparison(profiles=tuple(localized(cat, p, where) for p in profiles))


def shortlisted_for_compare(path: Path) -> list[str]:
    """The first four careers of the shortlist, for `compare` without arguments."""
    from careerexplorer import shortlist

    wanted = shortlist.read(path)
    if len(wanted) < 2:
        raise UsageError(
            f"your shortlist has {len(wanted)} career{'s' * (len(wanted) != 1)}; add some with "
            "'careers shortlist add CAREER', or name 2 to 4 careers"
        )
    return wanted[:4]


def search(
    cat: Catalog,
    query: str,
    filters: Filters,
    limit: int = 10,
    sort: str = "relevance",
    searcher: Searcher | None = None,
    explain: Collection[str] | int | None = None,
    literal: bool = False,
) -> SearchHits:
    """Careers matching a query, best first, or by a figure among all that matched well enough.

    The query is read for what it asks beyond its topic (careerexplorer.asks): a schooling or pay
    limit or growth becomes the filter its option sets, unless the option is given (an option
    wins over words); a "not" leaves out the careers that name it; a value weighs the careers by
    what their data says. ``literal`` (or the query in quotes) searches the words as typed. When
    no career answers the topic well, the hits are empty and ``nearest`` lists the nearest.
    A front end that searches on every keystroke passes its own ``searcher``, kept open, and may
    name the careers whose reason it shows, or their number from the top (``explain``; the others'
    reason is left empty)."""
    from careerexplorer import asks as reading
    from careerexplorer.listing import sort_key
    from careerexplorer.search import Searcher

    searcher = searcher or Searcher(cat)
    quoted = reading.literal(query)
    asks = (
        reading.Asks(quoted if quoted is not None else query) if literal or quoted is not None else reading.read(query)
    )
    # What the options already set is not taken from the words, nor said to be understood.
    shown = asks._replace(
        education=None if filters.education is not None else asks.education,
        min_salary=None if filters.min_salary is not None else asks.min_salary,
        growing=asks.growing and filters.outlook is None and filters.min_growth is None,
        sort=asks.sort if sort == "relevance" else None,
    )
    filters = asks.filters(filters)
    where = place(cat, asks.place, None) if asks.place else None
    if where is None:
        slugs = {e["slug"] for e in filters.apply(cat.entries)} if filters.active else None
    else:  # "in Texas": the pay limit reads the state's wages, and the results show them
        local = {e["slug"]: e for e in list_careers(cat, filters, "title", where).entries}
        slugs = set(local)
    if asks.exclude:
        slugs = (slugs if slugs is not None else set(cat.by_slug)) - searcher.excluded(asks.exclude, asks.topic)
    if sort == "relevance" and asks.sort:  # "highest paying": an order asked in words, unless --sort gives one
        sort = asks.sort
    order = None
    if sort != "relevance":
        key = sort_key(sort)
        order = lambda slug: key(cat.by_slug[slug])  # noqa: E731 (a key on slugs, from a key on entries)
    topic = asks.topic if asks.any else query
    if asks.any and not searcher.searchable(topic):
        found = searcher.wished(asks.values, slugs, limit=limit, order=order, explain=explain)
    else:
        level = filters.education if asks.at_level and filters.education == asks.education else None
        found = searcher.rank(topic, slugs, limit=limit, order=order, explain=explain, values=asks.values, level=level)
    hits = tuple(
        Hit(
            slug=r.slug,
            title=r.title,
            onet_code=r.onet_code,
            soc_code=r.soc_code,
            score=r.score,
            matched=r.matched,
            field=r.field,
            reason=r.reason,
            sense=r.sense,
            facts=r.facts if where is None or not r.facts else cast("Entry", {**r.facts, **local.get(r.slug, {})}),
        )
        for r in found
    )
    senses = (
        tuple((label, tuple(h.title for h in hits if h.sense == label)[:3]) for label in searcher.senses(topic))
        if found.fits and searcher.searchable(topic)
        else ()
    )
    understood = tuple(shown.said())
    said = shown.as_json() if not (literal or quoted is not None) else None
    if not found.fits and hits:
        return SearchHits(query=query, understood=understood, asks=said, nearest=hits[:5])
    closest = () if hits else tuple(e["title"] for e in searcher.closest_titles(topic or query))
    return SearchHits(query=query, hits=hits, closest=closest, senses=senses, understood=understood, asks=said)


def list_careers(cat: Catalog, filters: Filters, sort: str = "title", where: Area | None = None) -> CareerList:
    from careerexplorer.listing import ordered

    if where is None:
        entries = filters.apply(cat.entries)
    else:
        from careerexplorer.local import localize_entries

        # Only the careers the other filters keep are looked up; the salary filter reads the place's wages.
        kept = filters._replace(min_salary=None).apply(cat.entries)
        entries = filters.apply(localize_entries(kept, cat.data_dir, where))
    return CareerList(entries=tuple(ordered(entries, sort)), area=where.name if where else None, sort=sort)


def wages(cat: Catalog, career: str, by: str = "mean", state: str | None = None, limit: int | None = 10) -> WageMap:
    """Where a career pays most and employs most: states and areas ranked, the U.S. for reference."""
    from careerexplorer import areas
    from careerexplorer.local import codes, database

    profile = resolve_profile(cat, career)
    db = database(cat.data_dir)
    soc = codes(profile.soc_code, profile.wages.basis_code if profile.wages else None)
    code = areas.find_state(db, state).states[0] if state else None
    ranked_states = [] if code else areas.rank_areas(db, soc, by, "state", None, limit)  # type: ignore[arg-type]
    ranked_areas = areas.rank_areas(db, soc, by, "area", code, limit)  # type: ignore[arg-type]
    return WageMap(profile=profile, by=by, state=code, states=tuple(ranked_states), areas=tuple(ranked_areas))


def match(cat: Catalog, interests: list[str], filters: Filters, limit: int = 10) -> Matches:
    from careerexplorer.match import explain, rank

    found = rank(interests, filters.apply(cat.entries), limit)
    return Matches(
        code="".join(n[0].upper() for n in interests),
        interests=tuple(interests),
        matches=tuple(Match(entry=e, fit=f, why=explain(interests, e)) for e, f in found),
    )


def clusters(cat: Catalog, name: str | None = None) -> ClusterOverview:
    from careerexplorer.listing import pick

    chosen = pick(name, cat.clusters.names(), "cluster") if name else None
    careers: dict[tuple[str, str], list[Entry]] = {}
    for e in cat.entries:
        careers.setdefault((e["cluster"], e["pathway"]), []).append(e)
        for c, p in e.get("also_in", []):
            careers.setdefault((c, p), []).append(e)
    return ClusterOverview(
        clusters=tuple(cat.clusters.clusters), careers={k: tuple(v) for k, v in careers.items()}, chosen=chosen
    )


def shortlist_view(cat: Catalog, path: Path) -> tuple[Shortlist, list[str]]:
    """The shortlist, and the slugs on it that the catalog no longer has."""
    from careerexplorer import shortlist

    slugs = shortlist.read(path)
    entries = tuple(cat.by_slug[s] for s in slugs if s in cat.by_slug)
    return Shortlist(slugs=tuple(slugs), entries=entries), [s for s in slugs if s not in cat.by_slug]


def shortlist_add(
    cat: Catalog, path: Path, careers: Sequence[str], wait: float | None = None
) -> tuple[list[str], list[str], list[str]]:
    """(the slugs asked for, those newly added, the whole list after); ``wait`` is how long another
    process's lock is waited for (careerexplorer.shortlist.LOCK_WAIT when None)."""
    from careerexplorer import shortlist

    slugs = [resolve(cat, c) for c in careers]
    current, added = shortlist.add(path, slugs, wait)
    return slugs, added, current


def shortlist_remove(
    cat: Catalog, path: Path, careers: Sequence[str], wait: float | None = None
) -> tuple[list[str], list[str], list[str]]:
    from careerexplorer import shortlist

    on_list = shortlist.read(path)
    slugs = [c if c in on_list else resolve(cat, c) for c in careers]
    current, removed = shortlist.remove(path, slugs, wait)
    return slugs, removed, current


def about(version: str) -> About:
    from careerexplorer.sources import ONET_ATTRIBUTION, SOURCES

    return About(
        version=version,
        sources=SOURCES,
        attribution=ONET_ATTRIBUTION,
        notes=(
            "Wage figures are BLS OEWS estimates, which do not include self-employed workers. "
            "Summaries, course advice and certification lists are written by the careers project.",
        ),
    )


def validate(cat: Catalog, paths: Sequence[Path]) -> Validation:
    from careerexplorer.catalog import validate_paths
    from careerexplorer.overlay import Layers

    targets = list(paths) if paths else [cat.data_dir, *cat.user_dirs]
    # An overlay among the files checked extends a career of the folders named, then of the user's.
    layers = Layers([*targets, *cat.user_dirs], cat.data_dir)
    checked, problems, notes, report = validate_paths(targets, cat.clusters, layers)
    return Validation(checked=checked, problems=tuple([*map(str, problems), *notes]), notes=tuple(report))


def next_careers(cat: Catalog, career: str, filters: Filters, up: bool = False, limit: int = 10) -> Leads:
    """The careers a career leads to, the page's first, each with its kind, the pay difference
    and the schooling it adds; ``up`` keeps the steps up (for leads made by hand, which carry no
    kind, those that pay more). Filters are those of `list`."""
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
        if up and (lead.kind != "up" if lead.kind else (pay is None or pay <= 0)):
            continue
        extra = None
        if lead.new_degree:
            extra = f"a {EDUCATION_LADDER[there['education'] or 0][2].lower()} in another field"
        elif (
            there["education"] is not None and here["education"] is not None and there["education"] > here["education"]
        ):
            extra = EDUCATION_LADDER[there["education"]][2]
        steps.append(Step(lead=lead, entry=there, pay_difference=pay, extra_schooling=extra))
    return Leads(career=here, steps=tuple(steps[:limit]), up=up)
