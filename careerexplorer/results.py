"""What each command computes, as immutable records: the data of a page, before any format.

A command builds one of these; careerexplorer.emit turns it into a terminal page, plain text,
JSON, Markdown or CSV. Nothing here knows how it will be shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from careerexplorer.model import Lead, Profile
from careerexplorer.record import Record

if TYPE_CHECKING:
    from careerexplorer.areas import Area
    from careerexplorer.index import Entry
    from careerexplorer.model import Wages


class Result(Record):
    """Base of every command's result; ``command`` names it in the JSON envelope."""

    command: ClassVar[str] = ""


class CareerPage(Result):
    command = "show"
    profile: Profile
    pathway: dict[str, Any] | None = None  # the pathway's record from clusters.toml: its course advice


class Comparison(Result):
    command = "compare"
    profiles: tuple[Profile, ...]


class Hit(Record):
    """One search result: who matched, how well, why, and the facts to decide on."""

    slug: str
    title: str
    onet_code: str
    soc_code: str
    score: float
    matched: str
    field: str
    reason: str
    sense: str | None = None  # which meaning of an ambiguous word it answers
    facts: Entry | None = None


class SearchHits(Result):
    command = "search"
    query: str
    hits: tuple[Hit, ...] = ()
    closest: tuple[str, ...] = ()  # titles near the query when nothing matched
    senses: tuple[tuple[str, tuple[str, ...]], ...] = ()  # meanings of an ambiguous word, with their best titles
    understood: tuple[str, ...] = ()  # what the words asked beyond the topic, in words ("pay $90,000 or more")
    asks: dict[str, Any] | None = None  # the same for JSON (careerexplorer.asks.Asks.as_json), None when literal
    nearest: tuple[Hit, ...] = ()  # when nothing matched well: the careers nearest to it, and why


class CareerList(Result):
    command = "list"
    entries: tuple[Entry, ...]
    area: str | None = None  # the state or area whose wages the entries carry; None for the U.S.
    sort: str = "title"  # the order asked for; `self-employed` shows the share in place of the outlook


class Match(Record):
    entry: Entry
    fit: float
    why: str


class Matches(Result):
    command = "match"
    code: str
    interests: tuple[str, ...]
    matches: tuple[Match, ...]


class ClusterOverview(Result):
    command = "clusters"
    clusters: tuple[dict[str, Any], ...]
    careers: dict[tuple[str, str], tuple[Entry, ...]]  # by (cluster, pathway)
    chosen: str | None = None


class Shortlist(Result):
    command = "shortlist"
    slugs: tuple[str, ...]
    entries: tuple[Entry, ...]


class About(Result):
    command = "about"
    version: str
    sources: tuple[tuple[str, str, str, str, str], ...]  # name, used for, vintage, licence, address
    attribution: str
    notes: tuple[str, ...] = ()


class WageMap(Result):
    """Where a career pays most or employs most: states and areas ranked, with the U.S. for reference."""

    command = "wages"
    profile: Profile
    by: str  # mean, median, employment or concentration
    state: str | None  # the state whose areas are ranked, if one was asked for
    states: tuple[tuple[Area, Wages], ...]
    areas: tuple[tuple[Area, Wages], ...]


class Validation(Result):
    command = "validate"
    checked: int
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()  # what each overlay adds; what a profile replacing a bundled career drops


class Step(Record):
    """One career a career leads to, with what the move means: pay, schooling, skills."""

    lead: Lead
    entry: Entry
    pay_difference: int | None = None  # its mean salary minus this career's; None where either is not published
    extra_schooling: str | None = None  # the entry education it needs beyond this career's; None when no more


class Leads(Result):
    command = "next"
    career: Entry
    steps: tuple[Step, ...] = ()
    up: bool = False  # only careers that pay more were kept
