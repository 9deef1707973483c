"""Filters and orderings over the catalog index, for `list`, `search` and `match`.

Filters read the same way everywhere: --education is at most that much schooling, --outlook is at
least that outlook (or at least that growth in per cent), --min-salary is at least that pay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from careerexplorer.errors import UsageError
from careerexplorer.model import EDUCATION_LADDER, OUTLOOK_LABELS
from careerexplorer.record import Record
from careerexplorer.text import normalize

if TYPE_CHECKING:
    from careerexplorer.catalog import Clusters
    from careerexplorer.index import Entry


def education_level(value: str) -> int:
    """The ladder rank for a key ('bachelor'), a BLS wording or a label; a clear error otherwise."""
    wanted = normalize(value)
    for i, (key, bls, label) in enumerate(EDUCATION_LADDER):
        if wanted in (normalize(key), normalize(bls), normalize(label)):
            return i
    valid = ", ".join(key for key, _, _ in EDUCATION_LADDER)
    raise UsageError(f"unknown education level {value!r}; valid: {valid}")


def pick(value: str, valid: Sequence[str], what: str) -> str:
    """The valid name a user meant, ignoring case and punctuation; a clear error otherwise."""
    wanted = normalize(value)
    for name in valid:
        if normalize(name) == wanted:
            return name
    raise UsageError(f"unknown {what} {value!r}; valid: " + "; ".join(valid))


# --outlook keys, in the order of the model's labels, best first; the list shows them with spaces.
OUTLOOK_KEYS = dict(
    zip(("much-faster", "faster", "average", "slower", "little-change", "declining"), OUTLOOK_LABELS, strict=True)
)


def outlook_filter(value: str) -> tuple[int | None, float | None]:
    """An outlook (at least that good: its place on the scale, best 0) or a minimum growth in per cent."""
    try:
        return None, float(value.rstrip("%"))
    except ValueError:
        pass
    wanted = normalize(value)
    for i, (key, label) in enumerate(OUTLOOK_KEYS.items()):
        if wanted in (normalize(key), normalize(label)):
            return i, None
    raise UsageError(
        f"unknown outlook {value!r}; valid: " + ", ".join(OUTLOOK_KEYS) + ", or a minimum growth such as 5"
    )


class Filters(Record):
    """The filters of `list`, `search` and `match`, checked once (see ``parse``)."""

    cluster: str | None = None
    pathway: str | None = None
    education: int | None = None  # at most this rank on the ladder
    min_salary: int | None = None
    outlook: int | None = None  # at least this outlook: its index in OUTLOOK_LABELS, best first
    min_growth: float | None = None
    bright_outlook: bool = False

    @classmethod
    def parse(
        cls,
        clusters: Clusters,
        cluster: str | None = None,
        pathway: str | None = None,
        education: str | None = None,
        min_salary: int | None = None,
        outlook: str | None = None,
        bright_outlook: bool = False,
    ) -> Filters:
        """Filters from option values; an invalid value is a UsageError listing the valid ones."""
        chosen = pick(cluster, clusters.names(), "cluster") if cluster else None
        rank, growth = outlook_filter(outlook) if outlook else (None, None)
        return cls(
            cluster=chosen,
            pathway=pick(pathway, sorted(set(clusters.pathway_names(chosen))), "pathway") if pathway else None,
            education=education_level(education) if education is not None else None,
            min_salary=min_salary,
            outlook=rank,
            min_growth=growth,
            bright_outlook=bright_outlook,
        )

    @property
    def active(self) -> bool:
        # "is", not "in": an education of 0 (none) equals False, and is a filter all the same.
        return any(v is not None and v is not False for v in self)

    def apply(self, entries: Iterable[Entry]) -> list[Entry]:
        return [e for e in entries if self.keeps(e)]

    def keeps(self, e: Entry) -> bool:
        places = [(e["cluster"], e["pathway"]), *((c, p) for c, p in e.get("also_in", []))]
        return (
            (self.cluster is None or any(c == self.cluster for c, _ in places))
            and (self.pathway is None or any(p == self.pathway and self.cluster in (None, c) for c, p in places))
            and (self.education is None or (e["education"] is not None and e["education"] <= self.education))
            and (self.min_salary is None or (e["salary"] is not None and e["salary"] >= self.min_salary))
            and (
                self.outlook is None
                or (e["outlook"] in OUTLOOK_LABELS and OUTLOOK_LABELS.index(e["outlook"]) <= self.outlook)
            )
            and (self.min_growth is None or (e["growth"] is not None and e["growth"] >= self.min_growth))
            and (not self.bright_outlook or bool(e["bright_outlook"]))
        )


SORT_KEYS = ("title", "salary", "growth", "openings")


def sort_key(sort: str) -> Callable[[Entry], Any]:
    """Title order, or highest first for a figure; careers without the figure go last."""
    if sort == "title":
        return lambda e: e["title"].lower()
    if sort not in ("salary", "growth", "openings"):
        raise UsageError(f"unknown sort {sort!r}; valid: {', '.join(SORT_KEYS)}")

    def figure(e: Entry) -> tuple[bool, float]:
        value = e[sort]  # type: ignore[literal-required]
        return value is None, -(value or 0)

    return figure


def ordered(entries: Iterable[Entry], sort: str) -> list[Entry]:
    return sorted(entries, key=sort_key(sort))


SHORT_EDUCATION = (
    "No formal credential",
    "High school",
    "Some college",
    "Postsecondary award",
    "Associate's",
    "Bachelor's",
    "Master's",
    "Doctoral/professional",
)
SHORT_OUTLOOK = {label: key.replace("-", " ") for key, label in OUTLOOK_KEYS.items()}


def education_label(e: Entry) -> str:
    return SHORT_EDUCATION[e["education"]] if e["education"] is not None else "not published"


def outlook_label(e: Entry) -> str:
    if e["growth"] is None:
        return "not published"
    return f"{e['growth']:+.1f}% {SHORT_OUTLOOK.get(e['outlook'] or '', '')}".rstrip()
