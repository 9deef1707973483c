"""Ranking careers for a query.

Each career in the index carries its names (title, other titles, certifications, pathway,
cluster, summary) as stemmed words, so a query is matched word by word without parsing a profile.
A name that holds every query word scores high, the closer to exactly the query the higher; the
kind of name weighs the score (a title counts more than a summary), and ties go to the career
with more jobs, so broad words list the strongest careers first. Only a query word that appears
nowhere in the catalog (a typo) brings in the fuzzy matcher, rapidfuzz, to find the word meant.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from careerexplorer.index import FIELD_CODES, SearchRow, SearchRows, Vocabulary, entry_for, names, read_search
from careerexplorer.text import WORD, stem, stems

if TYPE_CHECKING:
    from careerexplorer.catalog import Catalog
    from careerexplorer.index import Entry

WEIGHTS = {
    "title": 1.0,
    "also_called": 0.97,
    "certifications": 0.96,
    "search_titles": 0.93,
    "pathway": 0.8,
    "cluster": 0.76,
    "summary": 0.74,
}
CODE_WEIGHTS = {FIELD_CODES[name]: weight for name, weight in WEIGHTS.items()}
REASONS = {
    "title": "title",
    "also_called": "also called",
    "certifications": "certification",
    "search_titles": "alternate title",
    "pathway": "pathway",
    "cluster": "cluster",
    "summary": "summary",
}
MIN_SCORE = 60.0
TYPO_PENALTY = 6.0
STRONG = 90.0
LITERAL = 3.0  # a name holding a short-stemmed word as typed, not just its stem
LINKING = frozenset({"and", "or", "of", "the", "in", "for", "to", "with", "a", "an", "on", "at"})

# Everyday words for jobs that the official titles do not use. Our own list.
EVERYDAY = {
    "cop": "police officer",
    "cops": "police officer",
    "car mechanic": "automotive service technician mechanic",
    "auto mechanic": "automotive service technician mechanic",
    "mechanic": "automotive service technician mechanic",
    "vet": "veterinarian",
    "doctor": "physician",
    "shrink": "psychiatrist",
    "programmer": "computer programmer",
    "coder": "medical coder",
    "mailman": "postal service mail carrier",
    "garbage man": "refuse recyclable material collector",
    "trucker": "truck driver heavy tractor trailer",
    "nanny": "childcare worker",
    "plumber": "plumber pipefitter steamfitter",
    "chef": "chef head cook",
    "pilot": "airline pilot copilot flight engineer",
    "dentist": "dentist general",
}


class Result(NamedTuple):
    slug: str
    title: str
    onet_code: str
    score: float
    matched: str  # the name that matched
    field: str  # which kind of name it is
    entry: SearchRow

    @property
    def reason(self) -> str:
        if self.field == "title":
            return "title"
        if self.field == "summary":
            return "described in the summary"
        return f"{REASONS[self.field]}: {self.matched}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "onet_code": self.onet_code,
            "soc_code": self.entry["soc_code"],
            "score": round(self.score, 1),
            "matched": self.matched,
            "field": self.field,
            "reason": self.reason,
        }


def query_words(query: str, vocabulary: Vocabulary) -> tuple[list[str], float]:
    """The query's stems, with typos replaced by the nearest catalog stem, and the penalty for that."""
    text = query.strip().lower()
    text = EVERYDAY.get(text, text)
    words = list(dict.fromkeys(stems(text)))
    unknown = [w for w in words if not vocabulary.has_stem(w)]
    if not unknown:
        return words, 0.0
    from rapidfuzz import fuzz, process

    choices = vocabulary.stem_list()
    fixed = []
    for w in words:
        if w in unknown:
            found = process.extractOne(w, choices, scorer=fuzz.ratio, score_cutoff=85) if len(w) > 3 else None
            if found is None:
                continue
            w = found[0]
        fixed.append(w)
    return list(dict.fromkeys(fixed)), TYPO_PENALTY


def name_score(query: list[str], words: list[str]) -> float:
    """How well one name's words answer the query's words, 0 to 100.

    A qualifier ("..., Except Landscape and Naval", "..., All Other") narrows a title without
    making it a worse answer, so its words do not count against the name.
    """
    if "except" in words and "except" not in query:
        words = words[: words.index("except")]
    elif words[-2:] == ["all", "other"] and "other" not in query:
        words = words[:-2]
    matched = sum(1 for q in query if q in words)
    if not matched:
        return 0.0
    extra = sum(1 for w in words if w not in query and w not in LINKING)
    if matched == len(query):
        if extra == 0:
            return 100.0
        # One broad word ("teacher") fits every title that holds it equally well: the careers
        # with more jobs go first. More words narrow the query: extra words count against a name.
        return 96.0 if len(query) == 1 else max(80.0, 100.0 - 4.0 * extra)
    return 40.0 + 30.0 * matched / len(query) - 2.0 * extra


def respelled(words: list[str], vocabulary: Vocabulary) -> list[str] | None:
    """The query with each word swapped for a close, different catalog stem ("programer")."""
    from rapidfuzz import fuzz, process

    choices = [c for c in vocabulary.stem_list() if c not in words]
    out, changed = [], False
    for w in words:
        found = process.extractOne(w, choices, scorer=fuzz.ratio, score_cutoff=85) if len(w) > 4 else None
        out.append(found[0] if found else w)
        changed |= found is not None
    return out if changed else None


def misspelled(query: str, vocabulary: Vocabulary) -> bool:
    """Whether a query word looks like a typo whose stem happens to be a word ("programer")."""
    return any(len(w) > 5 and stem(w) != w and not vocabulary.has_word(w) for w in WORD.findall(query.lower()))


def rank(query: str, entries: list[SearchRow] | SearchRows, limit: int | None = 10,
         min_score: float = MIN_SCORE, vocabulary: Vocabulary | None = None) -> list[Result]:
    """The careers matching a query, best first; weak matches are left out.

    ``entries`` are index entries with their names, or the catalog's SearchRows; ``vocabulary``
    holds every word and stem of the catalog, and is worked out when not given.
    """
    rows = entries if isinstance(entries, SearchRows) else SearchRows.of(entries)
    vocabulary = vocabulary or Vocabulary.of(rows.all())
    words, penalty = query_words(query, vocabulary)
    if not words:
        return []
    if query.strip().lower() not in EVERYDAY and misspelled(query, vocabulary):
        penalty = TYPO_PENALTY
    # A very short stem ("cod") joins words that mean different things (code, coder, coding): there
    # the words as typed decide. Longer stems ("nurs") join forms of one meaning.
    typed = tuple(w for w in WORD.findall(query.lower()) if len(stem(w)) <= 3 < len(w)) if not penalty else ()
    results = score_all(words, penalty, rows.matching(words), min_score, typed)
    if not results or results[0].score < STRONG or penalty:
        # No strong match, or a likely misspelling: also try the nearest catalog words.
        other = respelled(words, vocabulary)
        if other:
            best = {r.slug: r for r in results}
            for r in score_all(other, TYPO_PENALTY, rows.matching(other), min_score):
                if r.slug not in best or r.score > best[r.slug].score:
                    best[r.slug] = r
            results = sorted(best.values(), key=order)
    return results[:limit] if limit else results


def order(r: Result) -> tuple[float, int, bool, str]:
    # Ties: more jobs first; then an occupation's main O*NET code (.00) before its specialties.
    jobs = r.entry["jobs"]
    return (-round(r.score), -jobs, not r.onet_code.endswith(".00"), r.title)


def score_all(words: list[str], penalty: float, entries: list[SearchRow], min_score: float,
              typed: tuple[str, ...] = ()) -> list[Result]:
    """Score every entry that holds a query stem. ``typed`` are the words as the person typed them:
    a name that holds them as written ("coding") beats one that only shares a stem ("code")."""
    results = []
    padded = [f" {w} " for w in words]
    for entry in entries:
        blob = entry["terms"]
        if not any(p in blob for p in padded):
            continue
        best, best_at, full = 0.0, 0, 0
        fields = entry["fields"]
        written = entry["names"].lower().split("\x1f") if typed else []
        for k, segment in enumerate(blob.split(" | ")):
            if not any(p in f" {segment} " for p in padded):
                continue
            raw = name_score(words, segment.split())
            as_typed = bool(typed) and all(w in WORD.findall(written[k]) for w in typed)
            # Many names that hold the query make a surer match; as typed, when it was typed in full.
            full += raw >= 80.0 and (as_typed or not typed)
            if as_typed:
                raw = min(100.0, raw + LITERAL)
            weighted = raw * CODE_WEIGHTS[fields[k]]
            if weighted > best:
                best, best_at = weighted, k
        score = best + min(4.0, 0.5 * max(0, full - 1)) - penalty
        if score >= min_score:
            field_name, matched = names(entry)[best_at]
            results.append(Result(entry["slug"], entry["title"], entry["onet_code"], score, matched, field_name, entry))
    results.sort(key=order)
    return results


def closest_titles(query: str, entries: list[Entry], limit: int = 5) -> list[Entry]:
    """The titles nearest to a query that matched nothing, for a 'did you mean' line.

    thefuzz's ``extractBests`` is the did-you-mean its API was made for (WRatio over titles, best
    first); batch scoring elsewhere calls rapidfuzz, the engine it is built on, directly.
    """
    from thefuzz import process

    titles = {i: e["title"] for i, e in enumerate(entries)}
    found = process.extractBests(query, titles, limit=limit, score_cutoff=50)
    return [entries[k] for _, _, k in found]


class Searcher:
    """Search over a catalog: the bundled search rows, with the user's own profiles in place of
    any bundled career of the same slug."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @cached_property
    def _index(self) -> tuple[SearchRows, Vocabulary]:
        rows, vocabulary = read_search(self.catalog.data_dir)
        users = self.catalog.user_profiles
        if not users:
            return rows, vocabulary
        extra: list[SearchRow] = []
        for p in users.values():
            e = entry_for(p)
            extra.append({"slug": e["slug"], "title": e["title"], "onet_code": e["onet_code"], "soc_code": e["soc_code"],
                          "jobs": e["employment"] or 0, "fields": e["fields"], "names": e["names"], "terms": e["terms"]})
        return rows.without(set(users)) + extra, vocabulary | Vocabulary.of(list(extra))

    @property
    def rows(self) -> SearchRows:
        return self._index[0]

    @cached_property
    def all_rows(self) -> list[SearchRow]:
        """Every search row, parsed: for look-ups that must see every name."""
        return self.rows.all()

    def rank(self, query: str, slugs: set[str] | None = None, limit: int | None = 10) -> list[Result]:
        """Search the catalog, or the part of it whose slugs are given."""
        rows = self.rows if slugs is None else self.rows.only(slugs)
        return rank(query, rows, limit=limit, vocabulary=self._index[1])

    def closest_titles(self, query: str, limit: int = 5) -> list[Entry]:
        return closest_titles(query, self.catalog.entries, limit)


__all__ = ["Result", "Searcher", "closest_titles", "rank", "stem"]
