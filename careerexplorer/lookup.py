"""Which career a person means: exact identifiers from the catalog, then a clear winner of search.

The catalog answers exact identifiers (slug, codes, titles); only when those fail does a look-up
bring in search, whose scores decide between one career, a list of candidates and "no match".
"""

from __future__ import annotations

from careerexplorer import schema
from careerexplorer.catalog import Catalog
from careerexplorer.errors import AmbiguousCareer, UnknownCareer
from careerexplorer.model import Profile
from careerexplorer.text import normalize

WEAK = 80.0  # below this search score a look-up is "no match" with suggestions, not "ambiguous"
CLEAR = 90.0  # at least this score, and a clear lead over the next, resolves on its own
LEAD = 8.0


def resolve(catalog: Catalog, query: str) -> str:
    """The slug a person means; UnknownCareer or AmbiguousCareer (with candidates) otherwise."""
    found = catalog.exact(query)
    if found:
        return found
    text = query.strip()
    code = text.upper()
    if not text or schema.ONET_RE.match(code) or schema.SOC_RE.match(code):
        raise UnknownCareer(query)
    from careerexplorer.index import names
    from careerexplorer.search import Searcher

    searcher = Searcher(catalog)
    wanted = normalize(text)
    for keys in (("title",), ("also_called", "search_titles")):
        hits = [r["slug"] for r in searcher.all_rows if any(f in keys and normalize(n) == wanted for f, n in names(r))]
        if len(hits) == 1 or (hits and keys == ("title",)):
            return hits[0]
        if hits:
            raise AmbiguousCareer(query, hits[:6])
    results = searcher.rank(text, limit=6)
    if not results:
        raise UnknownCareer(query, [e["slug"] for e in searcher.closest_titles(text)])
    best = results[0]
    if best.score >= CLEAR and (len(results) == 1 or best.score - results[1].score >= LEAD):
        return best.slug
    if best.score < WEAK:
        raise UnknownCareer(query, [r.slug for r in results[:3]])
    raise AmbiguousCareer(query, [r.slug for r in results])


def resolve_profile(catalog: Catalog, query: str) -> Profile:
    return catalog.profile(resolve(catalog, query))
