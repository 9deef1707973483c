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
    "which how want wanna become job jobs career careers thing things stuff something you your we our us they "
    "them their this these those get got getting no not but".split()
)
CANDIDATES = 400  # how many of BM25's best a query re-ranks
MAX_QUERY, MAX_WORDS = 500, 12  # characters and words of a query that are read
TYPO_CUTOFF = 82.0
# Endings that make a doer of a word, which the stemmer does not take off ("teacher", "baker", "pianist").
DOER = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "r", "rs")
# Sounds a first letter is often spelled with by mistake, and how the catalog spells them.
SOUNDS = (("f", "ph"), ("ph", "f"), ("k", "c"), ("c", "k"), ("s", "c"), ("s", "ps"), ("n", "kn"), ("r", "wr"))
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
    # For a word the catalog knows: its forms as a doer the stemmer keeps apart ("teach": "teacher"),
    # searched instead of any word it begins (so "treasure" does not find "treasurer's" tasks).
    forms: tuple[str, ...] | None = None

    def expression(self, phrases: bool = False) -> str:
        """The FTS5 expression of the group's terms (with ``phrases``, only its terms of several words)."""
        parts = []
        for term in self.terms:
            words = WORD.findall(term.lower())
            if not words or (phrases and len(words) == 1):
                continue
            if len(words) == 1:
                w = words[0].replace("'", "")
                if self.forms is not None:
                    parts += [f'"{f}"' for f in (w, *self.forms)]
                else:
                    # A prefix reaches the doer and the doing the stemmer keeps apart, and a word
                    # being typed (the explorer searches at each key).
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

    @cached_property
    def _kept(self) -> dict[tuple[str, str], Any]:
        """Forms and corrections worked out for this vocabulary: the explorer asks again at each key."""
        return {}

    def forms(self, word: str) -> tuple[str, ...]:
        """The doer forms of a word that the catalog holds ("teach": "teacher", "teachers")."""
        key = ("forms", word)
        if key not in self._kept:
            self._kept[key] = self._forms(word)
        return self._kept[key]  # type: ignore[no-any-return]

    def _forms(self, word: str) -> tuple[str, ...]:
        stem = word[:-1] if word.endswith("e") else word
        wanted = sorted({stem + s for s in DOER} - {word})
        marks = ",".join("?" * len(wanted))
        return tuple(r[0] for r in self.db.execute(f"SELECT word FROM word WHERE word IN ({marks})", wanted))

    def nearest(self, word: str) -> str | None:
        """The catalog word a typo most likely meant, if one is close enough: first of the words
        that start with its letter, then of those that start with a sound spelled another way
        ("fotography": "photography")."""
        key = ("nearest", word)
        if key not in self._kept:
            self._kept[key] = self._nearest_word(word)
        return self._kept[key]  # type: ignore[no-any-return]

    def _nearest_word(self, word: str) -> str | None:
        spellings = [word, *(meant + word[len(typed) :] for typed, meant in SOUNDS if word.startswith(typed))]
        # A word of a title first: a typo of a title word finds the title ("fotography":
        # "photographer", "nurs": "nurse" rather than a tool's "nurbs").
        # A word spelled another way must come closer; any other word of the catalog, closer still.
        for titles, bar in ((True, 0.0), (False, 6.0)):
            found = [
                f
                for k, spelling in enumerate(spellings)
                if (
                    f := self._nearest(
                        spelling,
                        self.title_words(spelling[0]) if titles else None,
                        TYPO_CUTOFF + bar + (4.0 if k else 0.0),
                    )
                )
            ]
            if found:
                return max(found, key=lambda f: f[1])[0]
        return None

    def title_words(self, first: str) -> list[str]:
        """The words of titles that start with a letter (a range on the table's key)."""
        rows = self.db.execute("SELECT word FROM title_word WHERE word >= ? AND word < ?", (first, chr(ord(first) + 1)))
        return [w for (w,) in rows if len(w) > 3]

    def _nearest(self, word: str, among: list[str] | None, cutoff: float) -> tuple[str, float] | None:
        from rapidfuzz import fuzz, process

        # A typo seldom changes the first letter: the words that start with it are the candidates
        # (a range on the table's key, not a scan of every word).
        first = word[0]
        if among is not None:
            choices = [w for w in among if w[0] == first and abs(len(w) - len(word)) <= 2]
        else:
            choices = [
                r[0]
                for r in self.db.execute(
                    "SELECT word FROM word WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?",
                    (first, chr(ord(first) + 1), len(word) - 2, len(word) + 2),
                )
            ]
        found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return (found[0], found[1]) if found else None


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
            known = word.isdigit() or vocabulary.is_word(word)
            if len(word) > 3 and not known:
                near = vocabulary.nearest(word)
                if near:
                    word, corrected, known = near, True, True
            # A word the catalog knows is searched as itself (and its doer forms); only one it does
            # not know, such as a word half typed, reaches the longer words it begins.
            groups.append(Group(word, (word,), False, vocabulary.forms(word) if known and len(word) > 3 else None))
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
        # A column, or several in braces ("{title names}").
        where = f"{column if column.startswith('{') else '{' + column + '}'} : ({expression})" if column else expression
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

    def soc_of(self, row: int) -> str:
        found = self.db.execute("SELECT soc_code FROM career WHERE id = ?", (row,)).fetchone()
        return str(found[0]) if found else ""

    def brief(self, rows: Iterable[int]) -> dict[int, tuple[str, str, int]]:
        """(slug, title, jobs) of each row."""
        return {i: (slug, title, jobs) for i, slug, title, jobs in self._by_id("id, slug, title, jobs", rows)}


KEEP = 256  # parts of queries whose matches an index keeps
FIT_DEPTH = 20  # how far down the ranking a career that answers every word may be


class Ranked(list[Result]):
    """Ranked results, and whether they answer the query well (``fits``) or are only the nearest."""

    def __init__(self, results: Iterable[Result] = (), fits: bool = True) -> None:
        super().__init__(results)
        self.fits = fits


def value_fit(values: Sequence[str], facts: dict[str, Any]) -> tuple[float, list[str]]:
    from careerexplorer.asks import value_score

    return value_score(tuple(values), facts)


def with_evidence(results: list[Result], values: Sequence[str], explain: Collection[str] | None) -> list[Result]:
    """Each result's reason, with what its data says of the values asked for."""
    if not values:
        return results
    out = []
    for r in results:
        if r.facts is None or (explain is not None and r.slug not in explain):
            out.append(r)
            continue
        _, evidence = value_fit(values, dict(r.facts))
        if not evidence:
            out.append(r)
            continue
        said = "; ".join(evidence)
        if r.reason:
            # "working for yourself: alternate title: ...; O*NET work value Independence": the
            # value is named once.
            own = [e.split(": ", 1)[1] if r.reason.startswith(e.split(": ", 1)[0] + ":") else e for e in evidence]
            out.append(r._replace(reason=f"{r.reason}; {'; '.join(own)}"))
        else:
            out.append(r._replace(field="values", matched=said, reason=said))
    return out


def near_by(r: Result, parsed: Parsed) -> Result:
    """A nearest career's reason, with the word of the query it answers ("treasure: title")."""
    said = next((g.text for g in parsed.groups if r.matched and matcher([g]).search(r.matched)), None)
    if said is None or r.reason.startswith(f"{said}"):
        return r
    return r._replace(reason=f"{said}: {r.reason}")


def ruled_out(phrase: str, vocabulary: Vocabulary, wanted: Collection[str] = ()) -> tuple[str, str]:
    """The FTS5 expressions of what a "not" rules out: the words and any longer word they begin
    ("math": "mathematics"), and the catalog terms the vocabulary gives them ("kids": "children")."""
    said = [w.replace("'", "") for w in words(phrase)]
    if said[:1] in (["a"], ["an"]):
        said = said[1:]
    if not said:
        return "", ""
    if len(said) > 1:
        own = '"' + " ".join(said) + '"'
    else:
        w = said[0]
        own = f'"{w}"' + (f' OR "{w}"*' if len(w) >= 4 else "")
    key = " ".join(said)
    terms = vocabulary.terms(key) or vocabulary.terms(singular(key)) or ()
    meant = " OR ".join(
        '"' + " ".join(words(t)).replace("'", "") + '"' for t in terms if words(t) and not set(words(t)) & set(wanted)
    )
    return own, meant


def _kept(store: OrderedDict[K, V], key: K, compute: Callable[[], V]) -> V:
    """The value kept under key, else computed and kept; the least recently used goes first."""
    if key in store:
        store.move_to_end(key)
        return store[key]
    value = store[key] = compute()
    if len(store) > KEEP:
        store.popitem(last=False)
    return value


def is_catch_all(title: str) -> bool:
    """Whether a title is one of the catalog's catch-alls ("Other Biological Scientist", "..., All Other")."""
    return title.startswith("Other ") or "All Other" in title


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
        values: Sequence[str] = (),
        level: int | None = None,
    ) -> Ranked:
        """The careers matching a query, best first, or in ``order`` (a key on slugs) among all that
        matched well enough; careers outside ``slugs`` (when given) are left out. Each says why it
        matched, or only those ``explain`` names (or its number of the first): the explorer shows
        the reason of one line at a time, and asks for it when that line is highlighted.
        ``values`` (keys of careerexplorer.asks.VALUES) weigh each career by what its data says
        of them, and each reason ends with that evidence. The answer's ``fits`` is False when no
        career answers every word of the query well (only by a tool's name, say, or by no word)."""
        vocabulary = self.vocabulary
        parsed = parse(query, vocabulary)
        senses = vocabulary.senses(" ".join(g.text for g in parsed.groups))
        found = self._rank(parsed, slugs)
        fits = senses != [] or self._fits(parsed, found)
        if not fits:
            found = self._nearest_first(parsed, found)
        if senses:
            # A word with several meanings: the best of each meaning first, in the vocabulary's
            # order (the main meaning first), then whatever else the word itself found.
            per_sense = [
                [
                    f._replace(sense=label)
                    # Ranked over every career, then filtered: a meaning's best are those near
                    # its best career, not near the best of what the filters leave.
                    for f in self._rank(Parsed((Group(label, terms, True),), False), None, per_term=True)
                    if f.score >= (40.0 if slugs is None else 60.0) and (slugs is None or f.slug in slugs)
                ]
                for label, terms in senses
            ]
            # The main meaning's best three lead ("engineer": civil, mechanical, electrical).
            # Specialties of one occupation (Critical Care Nurse beside Registered Nurse) do not
            # lead together: the other meanings come first.
            merged: list[Found] = []
            for f in per_sense[0][:3]:
                if f.score >= 90.0 and f.index.soc_of(f.row) not in {m.index.soc_of(m.row) for m in merged}:
                    merged.append(f)
            for k in range(3):
                merged += [rs[k] for rs in per_sense if k < len(rs)]
            merged += sorted((f for rs in [*per_sense, found] for f in rs), key=lambda f: -f.score)
            seen: set[str] = set()
            found = [f for f in merged if not (f.slug in seen or seen.add(f.slug))]  # type: ignore[func-returns-value]
        if values and not senses:
            found = self._with_values_words(parsed, found, values, slugs)
        if values or level is not None:
            found = self._weighed(found, values, level)
        if order is not None:
            found = sorted(found, key=lambda f: order(f.slug))
        chosen = found[:limit] if limit else found
        if isinstance(explain, int):
            explain = {f.slug for f in chosen[:explain]}
        results = with_evidence(self._explain(chosen, parsed, senses, explain), values, explain)
        if not fits:
            results = [near_by(r, parsed) for r in results]
        return Ranked(results, fits)

    def wished(
        self,
        values: Sequence[str],
        slugs: set[str] | None = None,
        limit: int | None = 10,
        order: Callable[[str], Any] | None = None,
        explain: Collection[str] | int | None = None,
    ) -> Ranked:
        """The careers that best answer values asked with no topic ("job security", "be famous"),
        or with none asked, those with the most jobs among ``slugs`` (what the filters and a "not"
        leave). A value with words of its own (fame: actors, athletes, musicians...) ranks by them
        and by the data; the others by the data alone."""
        from careerexplorer.asks import VALUE_BY_KEY

        words: dict[str, float] = {}
        parts = [VALUE_BY_KEY[k] for k in values]
        for v in parts:
            if v.terms:
                group = Group(v.said, v.terms, True)
                for f in self._rank(Parsed((group,), False), slugs, per_term=True):
                    words[f.slug] = max(words.get(f.slug, 0.0), f.score / 100)
        found: list[Found] = []
        for index, hidden in self.indexes:
            for row, slug, jobs, facts in index.db.execute("SELECT id, slug, jobs, facts FROM career"):
                if slug in hidden or row in index.skip or (slugs is not None and slug not in slugs):
                    continue
                tie = 0.02 * math.log10(1 + jobs)
                if not parts:
                    found.append(Found(slug, index, row, 100 * tie, None))
                    continue
                fit, evidence = value_fit(values, json.loads(facts))
                term = words.get(slug, 0.0)
                if not evidence and term < 0.4:
                    continue  # neither the data nor the words say it answers the wish
                score = (0.5 * fit + 0.5 * term if any(v.terms for v in parts) else fit) + tie
                found.append(Found(slug, index, row, round(100 * score, 1), None))
        found.sort(key=lambda f: -f.score)
        if order is not None:
            found = sorted(found, key=lambda f: order(f.slug))
        chosen = found[:limit] if limit else found
        if isinstance(explain, int):
            explain = {f.slug for f in chosen[:explain]}
        terms = tuple(t for v in parts for t in v.terms)
        results = self._explain(
            chosen, Parsed((Group(", ".join(v.said for v in parts), terms, True),), False), (), explain
        )
        if not parts:
            results = [
                r._replace(field="employment", matched=f"{jobs:,}", reason=f"{jobs:,} jobs in the U.S.")
                if r.facts and (jobs := r.facts.get("employment")) and (explain is None or r.slug in explain)
                else r._replace(field="", matched="", reason="")
                for r in results
            ]
        else:
            results = [r if r.slug in words else r._replace(field="", matched="", reason="") for r in results]
        return Ranked(with_evidence(results, values, explain), True)

    def excluded(self, phrases: Sequence[str], topic: str = "") -> set[str]:
        """The careers whose titles, other titles, summary, work, tasks or skills name any of the
        phrases a query rules out ("no math": mathematics among its knowledge, or in its tasks).
        What the topic asks for is never ruled out with them ("law but not a lawyer": "legal"
        means both, and stays)."""
        wanted: set[str] = set()
        if topic and self.searchable(topic):
            wanted = {w for g in self.parsed(topic).groups for t in (g.text, *g.terms) for w in words(t)}
        out: set[str] = set()
        for index, _ in self.indexes:
            for phrase in phrases:
                said, meant = ruled_out(phrase, self.vocabulary, wanted)
                # The words as said, where a career's work is described (not in the task
                # statements, where "lawyer" is also whom a paralegal assists); what the vocabulary
                # means by them ("kids": children), in its names, summary and work. "Not a lawyer"
                # rules out being one: the names alone.
                person = phrase.startswith(("a ", "an "))
                own = "{title names}" if person else "{title names summary work skills}"
                wheres = [f"{own} : ({said})"] if said else []
                wheres += (
                    [f"{'{title names}' if person else '{title names summary work}'} : ({meant})"] if meant else []
                )
                for where in wheres:
                    try:
                        rows = [r for (r,) in index.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (where,))]
                    except sqlite3.OperationalError:
                        continue
                    out |= {slug for slug, _, _ in index.brief(rows).values()}
        return out

    def _with_values_words(
        self, parsed: Parsed, found: list[Found], values: Sequence[str], slugs: set[str] | None
    ) -> list[Found]:
        """The topic's careers, and those that answer both the topic and a value's own words
        ("creative work with computers": the designers among the computer careers), each at its
        better score."""
        from careerexplorer.asks import VALUE_BY_KEY

        terms = tuple(t for k in values for t in VALUE_BY_KEY[k].terms)
        if not terms:
            return found
        both = self._rank(Parsed((*parsed.groups, Group("", terms, True)), False), slugs)
        best = {f.slug: f for f in found}
        for f in both:
            if f.slug not in best or f.score > best[f.slug].score:
                best[f.slug] = f
        return sorted(best.values(), key=lambda f: -f.score)

    def _weighed(self, found: list[Found], values: Sequence[str], level: int | None = None) -> list[Found]:
        """Found careers weighed by how well their data answers the values, and by whether they
        need the schooling ``level`` asked for: the topic leads, these order careers that answer
        it about as well."""
        weighed = []
        for index, _ in self.indexes:
            mine = [f for f in found if f.index is index]
            facts = dict(index._by_id("id, facts", (f.row for f in mine)))
            for f in mine:
                own = json.loads(facts[f.row])
                fit = value_fit(values, own)[0] if values else 1.0
                near = 1.0 if level is None or own.get("education") == level else 0.75
                weighed.append(f._replace(score=round(f.score * (0.55 + 0.45 * fit) * near, 1)))
        return sorted(weighed, key=lambda f: -f.score)

    def _nearest_first(self, parsed: Parsed, found: list[Found]) -> list[Found]:
        """When nothing fits: the careers that answer some word of the query by name, summary or
        work first ("dragon trainer": the trainers), then those found only by a tool or a task."""
        near: set[tuple[int, int]] = set()
        for index, _ in self.indexes:
            for g in parsed.groups:
                expression = g.expression()
                if expression:
                    near |= {
                        (id(index), r) for r in index.in_column(expression, "{title names credentials summary work}")
                    }
        return sorted(found, key=lambda f: (id(f.index), f.row) not in near)

    def _fits(self, parsed: Parsed, found: list[Found]) -> bool:
        """Whether some career near the top answers each word of the query that the vocabulary
        did not give a meaning: by name, summary, work, tasks or skills (a tool's name or a
        cluster alone is not an answer), and a word the catalog knows as itself (not as the
        start of a longer word: "treasure" is no answer to "treasurer")."""
        # A short word the catalog does not know beside others (two letters of a word being
        # typed, "dental hy") says too little to judge by.
        plain = [g for g in parsed.groups if not g.expanded]
        plain = [g for g in plain if g.forms is not None or len(g.text) > 3] or plain
        if not found or not plain:
            return bool(found)
        for index, _ in self.indexes:
            rows = {f.row for f in found[:FIT_DEPTH] if f.index is index}
            for g in plain:
                # Several words: each in a name, the summary or the work, not two far-apart task
                # statements ("time" in one, "traveler" in another); one word may be in the tasks.
                if g.forms is None:
                    strong = "{title names credentials}"
                elif len(plain) > 1:
                    strong = "{title names credentials summary work}"
                else:
                    strong = "{title names credentials summary work tasks skills}"
                expression = g.expression()
                if not expression:
                    continue
                rows &= index.in_column(expression, strong)
                if not rows:
                    break
            if rows:
                return True
        return False

    def closest_titles(self, query: str, limit: int = 5) -> list[Entry]:
        return closest_titles(query, self.catalog.entries, limit)

    def searchable(self, query: str) -> bool:
        """Whether a query has any word left to search for (not only filler)."""
        try:
            parse(query, self.vocabulary)
        except UsageError:
            return False
        return True

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

    def _rank(self, parsed: Parsed, slugs: set[str] | None, per_term: bool = False) -> list[Found]:
        expressions = [g.expression() for g in parsed.groups]
        expressions = [e for e in expressions if e]
        if not expressions:
            return []
        found: list[tuple[float, Index, int, str]] = []
        alternatives = per_term and len(parsed.groups) == 1 and len(parsed.groups[0].terms) > 1
        for index, hidden in self.indexes:
            if alternatives:
                # The terms of one meaning are alternatives: a career is as good as its best term
                # (a career that names each of four engineers among its other titles is not four
                # times an engineer), with a little for the others.
                # Each term's scores are taken relative to its best career, and the vocabulary
                # lists a meaning's terms most typical first.
                g = parsed.groups[0]
                parts = [index.scores(e) for e in (Group(g.text, (t,), True).expression() for t in g.terms) if e]
                tops = [max(p.values(), default=0.0) or 1.0 for p in parts]
                value = {}
                for r in set().union(*parts):
                    each = [
                        p.get(r, 0.0) / top * (1 - 0.04 * k) for k, (p, top) in enumerate(zip(parts, tops, strict=True))
                    ]
                    value[r] = 10 * (max(each) + 0.15 * (sum(each) - max(each)))
                rows = sorted(value, key=lambda r: (-value[r], r))[:CANDIDATES]
            elif len(expressions) > 1:
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
            terms = {" ".join(singular(w) for w in words(t)) for g in parsed.groups for t in g.terms}
            # A career whose own title holds what an everyday phrase means ("civil engineer" of
            # the engineering sense) is surer than one that only lists it among other titles.
            meant = [g.expression(phrases=True) for g in parsed.groups if g.expanded]
            term_in_title = set().union(*(index.rows_matching(e, rows, "title") for e in meant if e))
            brief = index.brief(rows)
            for r in rows:
                slug, title, jobs = brief[r]
                if slug in hidden or (slugs is not None and slug not in slugs):
                    continue
                boost = 1.6 if r in in_title else 1.25 if r in in_names else 1.0
                if r in term_in_title and not in_title:
                    boost *= 1.3
                if alternatives and singular_title(title) in terms:
                    boost *= 1.2  # the title is one of the meaning's terms ("Civil Engineer")
                if wanted and singular_title(title) == wanted:
                    boost *= 1.3
                if is_catch_all(title):
                    # "Other ..." and "... All Other" gather hundreds of other titles: a match
                    # there never outranks a career that matches as well on its own title.
                    boost *= 0.85 if r in in_title else 0.6
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
                    (matched, reason), column = describe(i, column_of.get(f.row, "summary"), asked, holds)
                    out.append(
                        Result(i[1], i[2], i[3], i[4], f.score, matched, column, reason, f.sense, json.loads(i[12]))
                    )
        position = {f.slug: k for k, f in enumerate(chosen)}
        return sorted(out, key=lambda r: position[r.slug])


@lru_cache(maxsize=1024)
def term_pattern(term: str) -> re.Pattern[str]:
    return matcher([Group(term, (term,), True)])


def describe(
    info: tuple[Any, ...], column: str, parsed: Parsed, holds: Callable[[str], Any]
) -> tuple[tuple[str, str], str]:
    """((what matched, the reason in words), the column it is in) for a career's best column,
    which is another when the text that matched is shown there; ``holds`` is the query's
    matcher(...).search, made once for all the results of one meaning. Where an everyday word
    matched through one of the catalog's words it means, the reason names that word too
    ("youtuber (video): title"): the career is found by the word, not said to be a youtuber."""
    matched, reason = _describe(info, column, parsed, holds)
    if not matched and column not in ("summary", "tasks"):
        # The full-text engine matched a form of a word (its stem) that no name or label here
        # shows as such: the next column that shows one, else no column is claimed.
        for other, _ in COLUMNS:
            if other in ("title", "summary", "tasks", column):
                continue
            matched, reason = _describe(info, other, parsed, holds)
            if matched:
                return describe_term(matched, reason, parsed), other
        via = next((g.text for g in parsed.groups if g.expanded), None)
        said = "a word of the same stem in its description"
        return ("", f"{via}: {said}" if via else said), ""
    return describe_term(matched, reason, parsed), column


def describe_term(matched: str, reason: str, parsed: Parsed) -> tuple[str, str]:
    via = next((g for g in parsed.groups if g.expanded), None)
    if via is None or not matched or not reason.startswith(f"{via.text}: "):
        return matched, reason
    text = matched.replace("’", "'")
    term = next((t for t in via.terms if term_pattern(t).search(text)), None)
    if term is None or normalize(term) == normalize(via.text):
        return matched, reason
    return matched, f"{via.text} ({term}): {reason[len(via.text) + 2 :]}"


def _describe(info: tuple[Any, ...], column: str, parsed: Parsed, holds: Callable[[str], Any]) -> tuple[str, str]:
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


__all__ = ["Ranked", "Result", "Searcher", "closest_titles", "parse"]
