"""Which career a person means: exact identifiers from the catalog, then search, carefully.

The catalog answers exact identifiers: a slug, a code, our title or O*NET's (any case, singular or
plural). Past those, a name only opens a career when it clearly belongs to it: a title search
ranks first, or an alternate title that one career holds and search agrees is the one people
mean. Anything less lists the candidates in search's order (the everyday meaning first), so a
marginal alternate title ("Police", one of a secretary's) never opens the wrong career.
"""

from __future__ import annotations

from careerexplorer.catalog import Catalog
from careerexplorer.errors import AmbiguousCareer, UnknownCareer, UsageError
from careerexplorer.model import Profile
from careerexplorer.text import ONET_RE, SOC_RE, normalize

CANDIDATES = 6
CLEAR_LEAD = 80.0  # the next result scoring below this (of the best's 100) leaves the best clear


def singular_words(text: str) -> list[str]:
    from careerexplorer.search import singular

    return [singular(w) for w in normalize(text).split()]


def resolve(catalog: Catalog, query: str) -> str:
    """The slug a person means; UnknownCareer or AmbiguousCareer (with candidates) otherwise."""
    found = catalog.exact(query)
    if found:
        return found
    text = query.strip()
    code = text.upper()
    if not text or ONET_RE.match(code) or SOC_RE.match(code):
        raise UnknownCareer(query)
    from careerexplorer.search import Ranked, Result, Searcher

    searcher = Searcher(catalog)
    try:
        answer = searcher.rank(text, limit=CANDIDATES)
    except UsageError:
        answer = Ranked()
    # A name nothing answers well (only a tool's name holds the word) is no career's name.
    ranked: list[Result] = list(answer) if answer.fits else []
    if not ranked:
        raise UnknownCareer(query, [e["slug"] for e in searcher.closest_titles(text)])
    best = ranked[0]
    owners = searcher.named(text)
    if len(owners) == 1 and owners[0] == best.slug:
        return best.slug  # an alternate title of one career, the one search puts first
    parsed = searcher.parsed(text)
    wanted = singular_words(" ".join(g.text for g in parsed.groups))
    if not owners and best.field == "title" and singular_words(best.title) == wanted:
        return best.slug  # the title itself, perhaps misspelt or plural
    if parsed.corrected and not owners:
        raise UnknownCareer(query, [r.slug for r in ranked[:3]])  # only a guess at what was meant
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if not owners and best.field == "title" and not best.sense and runner_up < CLEAR_LEAD:
        return best.slug
    if best.field not in ("title", "names", "credentials") and not owners:
        raise UnknownCareer(query, [r.slug for r in ranked[:3]])
    candidates = [r.slug for r in ranked] + [s for s in owners if s not in {r.slug for r in ranked}]
    raise AmbiguousCareer(query, candidates[:CANDIDATES])


def resolve_profile(catalog: Catalog, query: str) -> Profile:
    return catalog.profile(resolve(catalog, query))
