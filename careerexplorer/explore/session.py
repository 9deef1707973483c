"""What the explorer knows between keystrokes: one catalog, one search index, the filters, the state.

Nothing here imports Textual, so the benchmark and the tests can drive a session directly. Every
answer comes from careerexplorer.commands, as on the command line; the only thing added is
keeping the search index loaded, and the answers to recent queries, across keystrokes.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Collection
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerexplorer import commands
from careerexplorer.catalog import Catalog
from careerexplorer.errors import UsageError
from careerexplorer.figures import entry_pay
from careerexplorer.listing import Filters, education_label, outlook_label
from careerexplorer.record import Record
from careerexplorer.results import CareerPage, Comparison, Matches, SearchHits
from careerexplorer.sanitize import line
from careerexplorer.text import normalize

if TYPE_CHECKING:
    from careerexplorer.index import Entry
    from careerexplorer.search import Searcher

RESULT_LIMIT = 50  # rows for a query; an empty query lists every career
# How long a key waits for the shortlist's lock held by another process: short, so that the screen
# never stops answering; then the key says who holds it, and can be pressed again.
SHORTLIST_WAIT = 0.5
SORTS = commands.SEARCH_SORTS  # relevance, title, salary, growth, openings


class Row(Record):
    """One line of the results list."""

    slug: str
    title: str
    salary: str
    education: str
    outlook: str
    why: str = ""  # why a search matched; empty when browsing


class Results(Record):
    rows: tuple[Row, ...]
    note: str  # one line under the list: how many, and what to try when nothing matched


class Session:
    """A catalog kept open for the whole run, and the explorer's choices (filters, state, sort)."""

    def __init__(self, catalog: Catalog, shortlist_path: Path, state: str | None = None) -> None:
        self.catalog = catalog
        self.shortlist_path = shortlist_path
        self.filters = Filters()
        self.filter_values: dict[str, Any] = {}
        self.sort = "relevance"
        self.state: str | None = None
        self._cache: OrderedDict[tuple[str, Filters, str, str | None], Results] = OrderedDict()
        self._why: dict[tuple[str, Filters, str, str], str] = {}
        self._shortlist_read: tuple[tuple[int, ...] | None, list[str] | str] = (None, "")
        if state:
            self.set_state(state)

    # -- the search index, loaded once ------------------------------------------------------------

    @cached_property
    def searcher(self) -> Searcher:
        """One searcher for the session: its index stays open across keystrokes."""
        from careerexplorer.search import Searcher

        searcher = Searcher(self.catalog)
        searcher.vocabulary.filler  # noqa: B018 -- open the index now, not on the first keystroke
        return searcher

    def why(self, query: str, slug: str) -> str:
        """Why a career is among the results for a query (as the results list has it), or ""."""
        text = query.strip()
        if not text:
            return ""
        key = (text, self.filters, self.sort, slug)
        if key not in self._why:
            found = self.search(text, closest=False, explain={slug})
            hits = found.hits or found.nearest  # the nearest careers, when nothing matches well
            self._why[key] = next((line(h.reason) for h in hits if h.slug == slug), "")
            if len(self._why) > 1024:
                self._why.pop(next(iter(self._why)))
        return self._why[key]

    def warm(self) -> None:
        """Do now what the first keystrokes would otherwise wait for: open the search index, list
        the titles' words, load the fuzzy matcher (a typo, or a half-typed word, needs it)."""
        self.searcher  # noqa: B018
        self._title_words  # noqa: B018
        from thefuzz import process  # noqa: F401

    @cached_property
    def _filtered_slugs(self) -> set[str] | None:
        return {e["slug"] for e in self.filters.apply(self.catalog.entries)} if self.filters.active else None

    def search(
        self, query: str, limit: int = RESULT_LIMIT, closest: bool = True, explain: Collection[str] | int | None = None
    ) -> SearchHits:
        """commands.search, with the session's searcher (its index kept open across calls)."""
        from careerexplorer.errors import UsageError

        try:
            found = commands.search(
                self.catalog, query, self.filters, limit, self.sort, searcher=self.searcher, explain=explain
            )
        except UsageError:  # only filler typed so far ("how do I"): nothing to search for yet
            return SearchHits(query=query)
        return found if closest or found.hits else found._replace(closest=())

    # -- what the results list shows ---------------------------------------------------------------

    @cached_property
    def _local(self) -> dict[str, Entry]:
        """The entries with the chosen state's wages (the U.S. ones when no state is chosen)."""
        if not self.state:
            return self.catalog.by_slug
        where = commands.place(self.catalog, self.state, None)
        return {e["slug"]: e for e in commands.list_careers(self.catalog, Filters(), "title", where).entries}

    def row(self, slug: str, why: str = "") -> Row:
        e = self._local[slug]
        # Titles and reasons come from data (the user's own profiles too): shown as text, never as controls.
        return Row(
            slug=slug,
            title=line(e["title"]),
            salary=entry_pay(e),
            education=education_label(e),
            outlook=outlook_label(e),
            why=line(why),
        )

    def results(self, query: str) -> Results:
        """The rows for what is typed now: every career (filtered, sorted) for an empty query."""
        text = query.strip()
        key = (text, self.filters, self.sort, self.state)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        if not text:
            sort = "title" if self.sort == "relevance" else self.sort
            entries = commands.list_careers(self.catalog, self.filters, sort).entries
            rows = tuple(self.row(e["slug"]) for e in entries)
            note = f"{len(rows):,} careers" + (" match the filters" if self.filters.active else "")
        else:
            # Why a career matched is shown for the highlighted line only: the first line's reason
            # comes with the answer, another's when it is highlighted (self.why).
            found = self.search(text, closest=False, explain=1)
            rows = tuple(self.row(h.slug, h.reason) for h in found.hits)
            last = text.split()[-1].lower()
            if rows and not query.endswith(" ") and not self.searcher.vocabulary.is_word(last):
                # Mid-word ("dental hy"): titles whose words start with what is typed come first.
                starting = [
                    self.row(e["slug"], "the title starts with what is typed") for e in self.titles_starting(text)[:5]
                ]
                shown = {r.slug for r in starting}
                rows = (*starting, *(r for r in rows if r.slug not in shown))[:RESULT_LIMIT]
            if rows:
                note = (
                    f"{len(rows)} best match{'es' * (len(rows) != 1)}"
                    if len(rows) == RESULT_LIMIT
                    else f"{len(rows)} match{'es' * (len(rows) != 1)}"
                )
            else:
                # Mid-word ("dental hy") the search finds nothing yet: titles whose words start with what
                # is typed lead somewhere at once; failing those, the nearest titles, as `careers search`
                # suggests them.
                near = self.titles_starting(text)
                why = "no match yet; the title starts with what is typed"
                if not near and found.nearest:
                    # Words no career answers well ("wizard"): the nearest careers and why, as
                    # `careers search` lists them.
                    rows = tuple(self.row(h.slug, h.reason) for h in found.nearest)
                    result = Results(rows=rows, note="nothing matches well; the nearest careers")
                    self._cache[key] = result
                    return result
                if not near:
                    near = [e for e in self.searcher.closest_titles(text) if self.filters.keeps(e)]
                    why = "no match yet; a title close to what is typed"
                rows = tuple(self.row(e["slug"], why) for e in near)
                note = (
                    "no match yet; titles near what is typed"
                    if rows
                    else "nothing matches" + (" with these filters" if self.filters.active else "")
                )
            if found.understood:  # what the words asked, as the command line's first line says it
                note = f"understood: {'; '.join(found.understood)} · {note}"
        result = Results(rows=rows, note=note)
        self._cache[key] = result
        if len(self._cache) > 256:
            self._cache.popitem(last=False)
        return result

    @cached_property
    def _title_words(self) -> tuple[list[str], list[set[int]]]:
        """Every word of a title, sorted, with the places in catalog.entries of the titles that have it."""
        having: dict[str, set[int]] = {}
        for i, e in enumerate(self.catalog.entries):
            for word in normalize(e["title"]).split():
                having.setdefault(word, set()).add(i)
        words = sorted(having)
        return words, [having[w] for w in words]

    def titles_starting(self, text: str, limit: int = 20) -> list[Entry]:
        """Careers whose title has, for each word typed, a word starting with it; shortest titles first."""
        typed = normalize(text).split()
        if not typed:
            return []
        words, having = self._title_words
        found: set[int] | None = None
        for t in typed:
            # The title words starting with t lie together in sorted order.
            start = bisect_left(words, t)
            end = bisect_left(words, t + "\U0010ffff", start)
            titles = set().union(*having[start:end])
            found = titles if found is None else found & titles
            if not found:
                return []
        entries = self.catalog.entries
        ordered = sorted(found or (), key=lambda i: (len(entries[i]["title"]), -(entries[i]["employment"] or 0), i))
        return [entries[i] for i in ordered if self.filters.keeps(entries[i])][:limit]

    # -- choices --------------------------------------------------------------------------------------

    def set_filters(self, **values: Any) -> None:
        """Filters as on the command line (careerexplorer.listing.Filters.parse); a bad value raises UsageError."""
        wanted = {k: v for k, v in values.items() if v not in (None, "", False)}
        self.filters = Filters.parse(self.catalog.clusters, **wanted)
        self.filter_values = wanted
        self.__dict__.pop("_filtered_slugs", None)

    def set_state(self, state: str | None) -> None:
        if state:
            place = commands.place(self.catalog, state, None)
            state = place.states[0] if place else None
        self.state = state or None
        self.__dict__.pop("_local", None)

    def next_sort(self) -> str:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        return self.sort

    def state_names(self) -> list[tuple[str, str]]:
        from careerexplorer.local import database

        rows = database(self.catalog.data_dir).execute("SELECT states, name FROM areas WHERE kind = 'state'")
        return sorted(((code, name) for code, name in rows), key=lambda kv: kv[1])

    def describe(self) -> str:
        """The filters, sort and wages in one line, for the status bar."""
        parts = [f"{k.replace('_', ' ')}: {v}" for k, v in self.filter_values.items() if k != "bright_outlook"]
        if self.filter_values.get("bright_outlook"):
            parts.append("Bright Outlook")
        where = dict(self.state_names()).get(self.state, "") if self.state else "U.S."
        return "  ·  ".join(
            [*(["filters: " + ", ".join(parts)] if parts else []), f"sort: {self.sort}", f"wages: {where}"]
        )

    # -- pages, shortlist, compare, quiz -----------------------------------------------------------

    def page(self, slug: str) -> CareerPage:
        return commands.show(self.catalog, slug, commands.place(self.catalog, self.state, None))

    def shortlist(self) -> list[str]:
        """The shortlist, read again only when its file has changed (the screen asks on every return
        to it, and a file of a hundred megabytes must not be parsed each time)."""
        from careerexplorer import shortlist

        try:
            st = os.stat(self.shortlist_path)
            stamp: tuple[int, ...] | None = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        except OSError:
            stamp = None  # no file yet (or none to see): read says what that means
        seen, value = self._shortlist_read
        if stamp is None or stamp != seen:
            try:
                value = shortlist.read(self.shortlist_path)
            except shortlist.ShortlistError as exc:
                value = str(exc)
            self._shortlist_read = (stamp, value)
        if isinstance(value, str):
            raise shortlist.ShortlistError(value)
        return list(value)

    def toggle_shortlist(self, slug: str) -> bool:
        """Add a career to the shortlist, or take it off if it is there; True when it is on it now."""
        if slug in self.shortlist():
            commands.shortlist_remove(self.catalog, self.shortlist_path, [slug], SHORTLIST_WAIT)
            return False
        commands.shortlist_add(self.catalog, self.shortlist_path, [slug], SHORTLIST_WAIT)
        return True

    def problems(self) -> str:
        """What is wrong in the user's own folders, in one message however many files are broken:
        how many files could not be read (and how many other warnings), the command that lists
        them all, and the first of them."""
        import shlex

        self.catalog.user_entries  # noqa: B018 -- the folders are read (and their warnings known) first
        warnings = self.catalog.warnings
        if not warnings:
            return ""
        skipped = sum(1 for w in warnings if w.startswith("skipped "))
        counts = [f"{skipped} file{'s' * (skipped != 1)} could not be read"] if skipped else []
        others = len(warnings) - skipped
        if others:
            counts.append(f"{others} {'other ' * bool(skipped)}warning{'s' * (others != 1)}")
        dirs = self.catalog.user_dirs
        places = [w.removeprefix("skipped ") for w in warnings]
        named = [d for d in dirs if any(p.startswith((f"{d}{os.sep}", f"{d}:")) for p in places)]
        check = " ".join(["careers validate", *(shlex.quote(str(d)) for d in named or dirs)])
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        return f"{' and '.join(counts)}: {check}\n{warnings[0]}{more}"

    def comparison(self) -> Comparison:
        """The first four careers of the shortlist side by side, as `careers compare` without arguments."""
        return commands.compare(
            self.catalog,
            commands.shortlisted_for_compare(self.shortlist_path),
            commands.place(self.catalog, self.state, None),
        )

    def matches(self, scores: dict[str, int], limit: int = 20) -> Matches:
        from careerexplorer.match import code_from_answers

        return commands.match(self.catalog, code_from_answers(scores), self.filters, limit)


def links(profile: Any) -> list[tuple[str, str, str]]:
    """(section, slug, title) of the careers a page links to: "Where it leads", then related careers.

    Read by attribute, so that a page without a section simply has no links from it.
    """
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for section, items in (
        ("Where it leads", getattr(profile, "leads", ())),
        ("Related", getattr(profile, "related", ())),
    ):
        for item in items or ():
            slug, title = getattr(item, "slug", None), getattr(item, "title", None)
            if isinstance(slug, str) and isinstance(title, str) and slug not in seen:
                seen.add(slug)
                found.append((section, slug, line(title)))
    return found


def parse_min_salary(value: str) -> int | None:
    """'80000', '80,000' or '$80k' as dollars; a clear error for anything else."""
    text = value.strip().lower().replace(",", "").replace("$", "")
    if not text:
        return None
    scale = 1000 if text.endswith("k") else 1
    try:
        amount = int(float(text.removesuffix("k")) * scale)
    except ValueError:
        raise UsageError(f"minimum salary {value!r}: give a number of dollars, such as 60000") from None
    if amount < 0:
        raise UsageError(f"minimum salary {value!r}: give a number of dollars, such as 60000")
    return amount


__all__ = ["Results", "Row", "Session", "links", "parse_min_salary"]
