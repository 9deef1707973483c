"""Ranking careers for what a person types: names, and the work they describe.

The query is read the way a person writes it: filler ("how do I become", "jobs with") is dropped,
everyday words reach the catalog's terms through our vocabulary (data/vocabulary.toml, compiled
into the index), and a word with two meanings ("coding") is searched in each sense. What is left
goes to SQLite's full-text engine (FTS5), which ranks with BM25 over weighted columns: a title hit
counts more than a task hit, and many task hits more than one (careerexplorer.searchindex). A
career must answer every part of the query to rank with those that do; among near-equals, the
one with more jobs goes first. Only a word that is in no career's text (a typo) brings in the
fuzzy matcher, rapidfuzz, to find the word meant.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from careerexplorer import datafiles
from careerexplorer.errors import CacheDamaged, DataError, UsageError
from careerexplorer.searchindex import COLUMNS, KIND_OF, SEARCH_DB, SEP, TABLES, VERSION
from careerexplorer.text import normalize

if TYPE_CHECKING:
    from careerexplorer.catalog import Catalog
    from careerexplorer.index import Entry

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Words that carry no meaning of their own in a query. Phrases ("how do I become") are in the
# vocabulary's filler list; these are the single words left around them.
STOP = frozenset(
    "a an the my i me to of for in on at as with and or be is are am do does some any who what where "
    "which how want wanna become job jobs career careers thing things stuff something".split()
)
CANDIDATES = 400  # how many of BM25's best a query re-ranks
MAX_QUERY, MAX_WORDS = 500, 12  # characters and words of a query that are read
TYPO_CUTOFF = 82.0
K = TypeVar("K")
V = TypeVar("V")
REASONS = {
    "title": "title",
    "names": "also called",
    "credentials": "credential",
    "summary": "described in the summary",
    "work": "work",
    "tasks": "tasks mention",
    "tools": "uses",
    "skills": "skills and knowledge",
    "places": "cluster",
}


class Result(NamedTuple):
    slug: str
    title: str
    onet_code: str
    soc_code: str
    score: float  # 0 to 100
    matched: str  # the name, activity or tool that matched, or the words
    field: str  # which column it is in
    reason: str
    sense: str | None = None  # the meaning of an ambiguous word this result is for
    facts: Entry | None = None  # the career's figures, as in the catalog's index


class Found(NamedTuple):
    """A career a query found, before the reason is worked out (only shown ones need one)."""

    slug: str
    # Shadows tuple.index, which is never called on a Found: the field reads better than a longer name.
    index: Index  # type: ignore[assignment]
    row: int
    score: float
    sense: str | None


class Group(NamedTuple):
    """One part of a query: a word as typed, or an everyday phrase with the catalog terms it means."""

    text: str
    terms: tuple[str, ...]  # what is searched: the word (and its prefix), or the vocabulary's terms
    expanded: bool  # whether the terms came from the vocabulary

    def expression(self) -> str:
        parts = []
        for term in self.terms:
            words = WORD.findall(term.lower())
            if not words:
                continue
            if len(words) == 1:
                w = words[0].replace("'", "")
                # A prefix reaches the doer and the doing the stemmer keeps apart (teach, teacher).
                parts.append(f'"{w}"' + (f' OR "{w}"*' if len(w) >= 4 else ""))
            else:
                parts.append('"' + " ".join(w.replace("'", "") for w in words) + '"')
        return "(" + " OR ".join(parts) + ")" if parts else ""


class Parsed(NamedTuple):
    groups: tuple[Group, ...]
    corrected: bool  # a typo was replaced by the word it most likely meant


class Vocabulary:
    """Our everyday words, filler phrases and senses, as compiled into the search index."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @cached_property
    def filler(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT phrase FROM filler ORDER BY length(phrase) DESC, phrase")]

    def terms(self, phrase: str) -> tuple[str, ...] | None:
        row = self.db.execute("SELECT terms FROM everyday WHERE word = ?", (phrase,)).fetchone()
        return tuple(row[0].split(SEP)) if row else None

    def senses(self, word: str) -> list[tuple[str, tuple[str, ...]]]:
        rows = self.db.execute("SELECT label, terms FROM sense WHERE word = ? ORDER BY position", (word,))
        return [(label, tuple(terms.split(SEP))) for label, terms in rows]

    def is_word(self, word: str) -> bool:
        return self.db.execute("SELECT 1 FROM word WHERE word = ?", (word,)).fetchone() is not None

    def nearest(self, word: str) -> str | None:
        """The catalog word a typo most likely meant, if one is close enough."""
        from rapidfuzz import fuzz, process

        # A typo seldom changes the first letter: the words that start with it are the candidates
        # (a range on the table's key, not a scan of every word).
        first = word[0]
        choices = [
            r[0]
            for r in self.db.execute(
                "SELECT word FROM word WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?",
                (first, chr(ord(first) + 1), len(word) - 2, len(word) + 2),
            )
        ]
        found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        return found[0] if found else None


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def strip_filler(text: str, filler: Iterable[str]) -> str:
    padded = " " + " ".join(words(text)) + " "
    for phrase in filler:
        padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def singular_title(title: str) -> str:
    """A title's words in their normal form, each singular: what a query typed as the title reads.
    Kept, since every search compares hundreds of titles, and the explorer searches at each key."""
    return " ".join(singular(w) for w in normalize(title).split())


def parse(query: str, vocabulary: Vocabulary) -> Parsed:
    """The parts of a query worth searching for; a UsageError when nothing is left of it."""
    # A single letter ("b" of "a-a-b") matches too much to mean anything on its own.
    kept = [w for w in strip_filler(query[:MAX_QUERY], vocabulary.filler).split() if w not in STOP and len(w) > 1]
    kept = list(dict.fromkeys(kept))[:MAX_WORDS]  # a word said twice is one part; a page of text, its start
    if not kept:
        raise UsageError(
            f"nothing to search for in {query!r}: give a job, a subject or something you like doing"
            if query.strip()
            else "give words to search for, for example: careers search nurse"
        )
    groups: list[Group] = []
    corrected = False
    i = 0
    while i < len(kept):
        # The longest everyday phrase starting here ("work with my hands", "old people"), then a word.
        for n in range(min(4, len(kept) - i), 0, -1):
            phrase = " ".join(kept[i : i + n])
            terms = vocabulary.terms(phrase)
            if not terms and n == 1:  # "animals" for "animal", "boats" for "boat"
                terms = vocabulary.terms(singular(phrase)) or vocabulary.terms(phrase + "s")
            if terms:
                groups.append(Group(phrase, (phrase.replace("'", ""), *terms), True))
                i += n
                break
        else:
            word = kept[i].replace("'", "")
            i += 1
            if len(word) > 3 and not word.isdigit() and not vocabulary.is_word(word):
                near = vocabulary.nearest(word)
                if near:
                    word, corrected = near, True
            groups.append(Group(word, (word,), False))
    return Parsed(tuple(groups), corrected)


class Index:
    """One search index database: the bundled one, read-only, or the cache of a user's profiles."""

    def __init__(
        self,
        db: sqlite3.Connection,
        name: str,
        skip: set[int] | None = None,
        damaged: Callable[[Exception], Exception] | None = None,
    ) -> None:
        self.db = db
        self.name = name
        self.skip = skip or set()  # rows that are not to be found (a slug given twice: the second)
        # What a damaged page or row of this index is raised as: a damaged install names the
        # bundled file; a damaged cache of the user's profiles is rebuilt (careerexplorer.usercache).
        self.damaged = damaged or (lambda exc: datafiles.damaged(name, "search index", exc))
        # What each part of a query matched, kept for the next queries of one searcher: typing a
        # query word by word (the explorer searches at each key) scores the earlier words once.
        self._scores: OrderedDict[str, dict[int, float]] = OrderedDict()
        self._columns: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()

    @classmethod
    def open(cls, path: Path) -> Index:
        db = datafiles.open_db(path, "search index", TABLES, immutable=True)
        with _bundled(db):
            version = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if not version or version[0] != str(VERSION):
            raise DataError(f"{path}: not a careers search index of version {VERSION}; {datafiles.REINSTALL}")
        return cls(db, str(path), damaged=lambda exc: datafiles.damaged(path, "search index", exc))

    def matching(self, expression: str, limit: int = CANDIDATES) -> list[tuple[int, float]]:
        """(row, BM25 score, higher better) of the best rows for an FTS5 expression."""
        weights = ", ".join(str(w) for _, w in COLUMNS)
        try:
            rows = self.db.execute(
                f"SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {weights}) LIMIT ?",
                (expression, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []  # not an expression FTS5 can read (a query of only punctuation, say)
        return [(int(r), float(s)) for r, s in rows if r not in self.skip]

    def scores(self, expression: str) -> dict[int, float]:
        """BM25 (higher better) of every row an expression matches."""
        return _kept(self._scores, expression, lambda: dict(self.matching(expression, limit=-1)))

    def in_column(self, expression: str, column: str) -> frozenset[int]:
        """Every row an expression matches in one column."""
        key = (expression, column)
        return _kept(self._columns, key, lambda: frozenset(self.rows_matching(expression, None, column)))

    def rows_matching(self, expression: str, rows: Sequence[int] | None, column: str | None = None) -> set[int]:
        """Which of the rows match an expression (in one column, when given)."""
        # In brackets: a column filter binds to the first part of an OR only.
        where = f"{{{column}}} : ({expression})" if column else expression
        try:
            found = {int(r) for (r,) in self.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (where,))}
        except sqlite3.OperationalError:
            return set()
        return found if rows is None else found & set(rows)

    def _by_id(self, columns: str, rows: Iterable[int]) -> list[tuple[Any, ...]]:
        """Rows of the career table by id (``columns`` starting with the id), in parts of at most
        900 ids, within the number of parameters any SQLite allows a statement."""
        wanted = list(rows)
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), 900):
            part = wanted[start : start + 900]
            marks = ",".join("?" * len(part))
            found += self.db.execute(f"SELECT {columns} FROM career WHERE id IN ({marks})", part).fetchall()
        return found

    def careers(self, rows: Iterable[int]) -> dict[int, tuple[Any, ...]]:
        columns = "id, slug, title, onet_code, soc_code, jobs, kinds, names, work, tools, skills, places, facts"
        return {r[0]: r for r in self._by_id(columns, rows)}

    def brief(self, rows: Iterable[int]) -> dict[int, tuple[str, str, int]]:
        """(slug, title, jobs) of each row."""
        return {i: (slug, title, jobs) for i, slug, title, jobs in self._by_id("id, slug, title, jobs", rows)}


KEEP = 256  # parts of queries whose matches an index keeps


def _kept(store: OrderedDict[K, V], key: K, compute: Callable[[], V]) -> V:
    """The value kept under key, else computed and kept; the least recently used goes first."""
    if key in store:
        store.move_to_end(key)
        return store[key]
    value = store[key] = compute()
    if len(store) > KEEP:
        store.popitem(last=False)
    return value


def matcher(groups: Sequence[Group]) -> re.Pattern[str]:
    """One pattern for whether a name or label holds any of the groups' terms, as words or their
    longer forms ("nurse" holds in "Nursing Assistant", "program" in "Computer Programmer")."""
    alternatives = []
    for g in groups:
        for term in g.terms:
            stems = [re.escape(w[: max(4, len(w) - 3)] if len(w) > 4 else w) for w in words(term)]
            if stems:
                alternatives.append(r"[^a-z0-9']+".join(rf"{s}[a-z0-9']*" for s in stems))
    if not alternatives:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"(?<![a-z0-9'])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


F = TypeVar("F", bound=Callable[..., Any])


def _reads(method: F) -> F:
    """A Searcher's method that reads its index: a damaged page, or a row that is not what the
    index writes (JSON that does not parse), is raised as the index says (Index.damaged). A cache
    of the user's folders is then built anew and the method called once more."""

    @functools.wraps(method)
    def wrapper(self: Searcher, *args: Any, **kwargs: Any) -> Any:
        for attempt in (1, 2):
            try:
                return method(self, *args, **kwargs)
            except UnicodeError:
                raise
            except (sqlite3.DatabaseError, ValueError) as exc:  # ValueError: a row that is not JSON
                damage = self.indexes[0][0].damaged(exc)
                if not isinstance(damage, CacheDamaged) or attempt == 2:
                    raise damage from None
                # The cache of the user's folders: built anew, and the query asked again.
                self.catalog.heal(damage)
                for name in ("indexes", "vocabulary"):
                    self.__dict__.pop(name, None)
        raise AssertionError("unreachable")

    return wrapper  # type: ignore[return-value]


@contextmanager
def _bundled(db: sqlite3.Connection) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise datafiles.damaged(getattr(db, "path", "?"), "search index", exc) from None


class Searcher:
    """Search over a catalog: the bundled index, and an index of the user's own profiles whose
    careers take the place of any bundled career of the same slug."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @cached_property
    def indexes(self) -> list[tuple[Index, set[str]]]:
        """Each index with the slugs it must not answer for (those a user's profile replaces)."""
        cache = self.catalog.user_cache if self.catalog.user_dirs else None
        if cache is None:
            return [(Index.open(self.catalog.data_dir / SEARCH_DB), set())]
        # One index of the bundled careers and the user's own (careerexplorer.usercache).
        return [(Index(cache.db, "your profiles", cache.hidden, cache.damaged), set())]

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.indexes[-1][0].db)

    @_reads
    def rank(
        self,
        query: str,
        slugs: set[str] | None = None,
        limit: int | None = 10,
        order: Callable[[str], Any] | None = None,
        explain: Collection[str] | int | None = None,
    ) -> list[Result]:
        """The careers matching a query, best first, or in ``order`` (a key on slugs) among all that
        matched well enough; careers outside ``slugs`` (when given) are left out. Each says why it
        matched, or only those ``explain`` names (or its number of the first): the explorer shows
        the reason of one line at a time, and asks for it when that line is highlighted."""
        vocabulary = self.vocabulary
        parsed = parse(query, vocabulary)
        senses = vocabulary.senses(" ".join(g.text for g in parsed.groups))
        found = self._rank(parsed, slugs)
        if senses:
            # A word with several meanings: the best of each meaning first, in the vocabulary's
            # order (the main meaning first), then whatever else the word itself found.
            per_sense = [
                [
                    f._replace(sense=label)
                    for f in self._rank(Parsed((Group(label, terms, True),), False), slugs)
                    if f.score >= 40.0
                ]
                for label, terms in senses
            ]
            merged: list[Found] = []
            for k in range(3):
                merged += [rs[k] for rs in per_sense if k < len(rs)]
            merged += sorted((f for rs in [*per_sense, found] for f in rs), key=lambda f: -f.score)
            seen: set[str] = set()
            found = [f for f in merged if not (f.slug in seen or seen.add(f.slug))]  # type: ignore[func-returns-value]
        if order is not None:
            found = sorted(found, key=lambda f: order(f.slug))
        chosen = found[:limit] if limit else found
        if isinstance(explain, int):
            explain = {f.slug for f in chosen[:explain]}
        return self._explain(chosen, parsed, senses, explain)

    def closest_titles(self, query: str, limit: int = 5) -> list[Entry]:
        return closest_titles(query, self.catalog.entries, limit)

    @_reads
    def parsed(self, query: str) -> Parsed:
        return parse(query, self.vocabulary)

    @_reads
    def senses(self, query: str) -> list[str]:
        """The meanings of an ambiguous word the results cover, main one first (none for most queries)."""
        return [label for label, _ in self.vocabulary.senses(" ".join(g.text for g in self.parsed(query).groups))]

    @_reads
    def named(self, name: str) -> list[str]:
        """The careers that go by exactly this other title (not their title), in index order."""
        wanted = normalize(name)
        if not wanted:
            return []
        out = []
        for index, hidden in self.indexes:
            # LIKE narrows the rows in C (on the longest word, which punctuation cannot split);
            # the exact comparison is ours.
            for slug, kinds, names in index.db.execute(
                "SELECT slug, kinds, names FROM career WHERE names LIKE ?", (f"%{max(wanted.split(), key=len)}%",)
            ):
                if slug in hidden or slug in out:
                    continue
                if any(k in "as" and normalize(n) == wanted for k, n in zip(kinds, names.split(SEP), strict=False)):
                    out.append(slug)
        return out

    def _rank(self, parsed: Parsed, slugs: set[str] | None) -> list[Found]:
        expressions = [g.expression() for g in parsed.groups]
        expressions = [e for e in expressions if e]
        if not expressions:
            return []
        found: list[tuple[float, Index, int, str]] = []
        for index, hidden in self.indexes:
            if len(expressions) > 1:
                # Each part of the query scored on its own, over every career it matches: a career
                # that answers every part, each fairly well, beats one that answers one part very well.
                parts = [index.scores(e) for e in expressions]
                value = {
                    r: sum(math.log1p(p.get(r, 0.0)) for p in parts) * sum(r in p for p in parts) / len(parts)
                    for r in set().union(*parts)
                }
                rows = sorted(value, key=lambda r: (-value[r], r))[:CANDIDATES]
            else:
                scored = index.matching(expressions[0])
                rows = [r for r, _ in scored]
                value = dict(scored)
            # The query as one phrase in a title, or in another name, makes a surer answer; the
            # title itself (singular, any case) surest.
            typed = [w.replace("'", "") for g in parsed.groups for w in g.text.split()]
            phrase = '"' + " ".join(typed) + '"' if typed else ""
            in_title = index.rows_matching(phrase, rows, "title") if phrase else set()
            in_names = index.rows_matching(phrase, rows, "names") if phrase else set()
            wanted = " ".join(singular(w) for w in typed)
            brief = index.brief(rows)
            for r in rows:
                slug, title, jobs = brief[r]
                if slug in hidden or (slugs is not None and slug not in slugs):
                    continue
                boost = 1.6 if r in in_title else 1.25 if r in in_names else 1.0
                if wanted and singular_title(title) == wanted:
                    boost *= 1.3
                # Jobs break near-ties: a broad word lists the careers most people hold first.
                found.append((value[r] * boost * (1 + 0.06 * math.log10(1 + jobs)), index, r, slug))
        if not found:
            return []
        found.sort(key=lambda t: -t[0])
        top = found[0][0]
        out = []
        for weight, index, r, slug in found:
            score = 100.0 * weight / top
            if score < 8.0:  # far behind the best: not an answer to this query
                break
            out.append(Found(slug, index, r, round(score, 1), None))
        return out

    def _explain(
        self,
        chosen: list[Found],
        parsed: Parsed,
        senses: Sequence[tuple[str, tuple[str, ...]]] = (),
        explain: Collection[str] | None = None,
    ) -> list[Result]:
        """Results with the reason each matched (those in ``explain``, when given): the weightiest
        column it matched in, and what there."""
        terms = dict(senses)
        out: list[Result] = []
        for index, _ in self.indexes:
            mine = [f for f in chosen if f.index is index]
            if not mine:
                continue
            info = index.careers(f.row for f in mine)
            # The results of one meaning share a query: one look at each column answers for all of them.
            for sense in dict.fromkeys(f.sense for f in mine):
                asked = Parsed((Group(sense, terms[sense], True),), False) if sense else parsed
                expressions = [e for e in (g.expression() for g in asked.groups) if e]
                rows = [f.row for f in mine if f.sense == sense and (explain is None or f.slug in explain)]
                column_of: dict[int, str] = {}
                for column, _ in COLUMNS:
                    left = [r for r in rows if r not in column_of]
                    if not left:
                        break
                    # A row matches the query (its parts joined by OR) in a column where it
                    # matches one of the parts.
                    for r in left:
                        if any(r in index.in_column(e, column) for e in expressions):
                            column_of[r] = column
                holds = matcher(asked.groups).search
                for f in mine:
                    if f.sense != sense:
                        continue
                    i = info[f.row]
                    if explain is not None and f.slug not in explain:
                        out.append(Result(i[1], i[2], i[3], i[4], f.score, "", "", "", f.sense, json.loads(i[12])))
                        continue
                    column = column_of.get(f.row, "summary")
                    matched, reason = describe(i, column, asked, holds)
                    out.append(
                        Result(i[1], i[2], i[3], i[4], f.score, matched, column, reason, f.sense, json.loads(i[12]))
                    )
        position = {f.slug: k for k, f in enumerate(chosen)}
        return sorted(out, key=lambda r: position[r.slug])


def describe(info: tuple[Any, ...], column: str, parsed: Parsed, holds: Callable[[str], Any]) -> tuple[str, str]:
    """(what matched, the reason in words) for a career's best column; ``holds`` is the query's
    matcher(...).search, made once for all the results of one meaning."""
    _, _, title, _, _, _, kinds, names, work, tools, skills, places, _ = info
    groups = parsed.groups
    via = next((g.text for g in groups if g.expanded), None)
    prefix = f"{via}: " if via and not any(g.text == normalize(title) for g in groups) else ""

    def first(texts: Iterable[str]) -> str | None:
        return next((t for t in texts if holds(t.replace("’", "'"))), None)

    if column in ("title", "names", "credentials"):
        pairs = list(zip(kinds, names.split(SEP), strict=False))
        wanted = {"title": "to", "names": "as", "credentials": "c"}[column]
        hit = first(n for k, n in pairs if k in wanted)
        if column == "title":
            return title, prefix + "title" if prefix else "title"
        if hit:
            kind = KIND_OF[next(k for k, n in pairs if n == hit)]
            label = {
                "also_called": "also called",
                "alternate": "alternate title",
                "credential": "credential",
                "title": "title",
                "onet_title": "O*NET title",
            }[kind]
            return hit, f"{prefix}{label}: {hit}"
    if column == "work" and (hit := first(work.split(SEP))):
        return hit, f"{prefix}work: {hit}"
    if column == "tools" and (hit := first(tools.split(SEP))):
        return hit, f"{prefix}uses {hit}"
    if column == "skills" and (hit := first(skills.split(SEP))):
        return hit, f"{prefix}skills and knowledge: {hit}"
    if column == "places" and (hit := first(places.split(SEP))):
        return hit, f"{prefix}cluster: {hit}"
    if column == "tasks":
        said = ", ".join(g.text for g in groups)
        return said, f"{prefix}its tasks: {said}" if not prefix else f"{prefix}its tasks"
    return "", f"{prefix}described in the summary"


def closest_titles(query: str, entries: list[Entry], limit: int = 5) -> list[Entry]:
    """The titles nearest to a query that matched nothing, for a 'did you mean' line.

    thefuzz's ``extractBests`` is the did-you-mean its API was made for (WRatio over titles, best
    first); batch scoring elsewhere calls rapidfuzz, the engine it is built on, directly.
    """
    from thefuzz import process, utils

    if not utils.full_process(query):  # nothing left to compare ('???'); thefuzz would log a warning
        return []
    titles = {i: e["title"] for i, e in enumerate(entries)}
    found = process.extractBests(query, titles, limit=limit, score_cutoff=50)
    return [entries[k] for _, _, k in found]


__all__ = ["Result", "Searcher", "closest_titles", "parse"]
