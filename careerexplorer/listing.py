"""Filters and orderings over the catalog index, for `list`, `search` and `match`.

Filters read the same way everywhere: --education is at most that much schooling, --outlook is at
least that outlook (or at least that growth in per cent), --min-salary is at least that pay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from careerexplorer.errors import UsageError
from careerexplorer.model import EDUCATION_LADDER, OUTLOOK_LABELS, education_rank
from careerexplorer.record import Record
from careerexplorer.text import did_you_mean, normalize

if TYPE_CHECKING:
    from careerexplorer.catalog import Clusters
    from careerexplorer.index import Entry


# The seed page's words for a postsecondary nondegree award, still understood by --education.
SEED_AWARD_LABEL = "1-2 years post-secondary training"

# Other ways people write a level, by the ladder's keys: plurals, abbreviations, common names.
EDUCATION_ALIASES = {
    "none": ("no formal credential", "no credential", "no education"),
    "high-school": ("hs", "ged", "diploma", "high school diploma"),
    "some-college": ("college no degree",),
    "postsecondary-award": ("certificate", "postsecondary", "nondegree award", "postsecondary nondegree award"),
    "associate": ("associates", "associate degree", "aa", "aas"),
    "bachelor": ("bachelors", "bachelor degree", "ba", "bs", "bsc"),
    "master": ("masters", "master degree", "ma", "ms", "msc", "mba"),
    "doctoral": ("doctorate", "phd", "doctoral degree", "professional degree", "md", "jd"),
}


def education_level(value: str) -> int:
    """The ladder rank for a key ('bachelor'), a BLS wording, a label or a common name ('phd',
    'Bachelors'); a clear error, with the nearest keys, otherwise."""

    def form(text: str) -> str:
        return normalize(text.replace("'", ""))  # "Master's" as "masters"

    wanted = form(value)
    if wanted == form(SEED_AWARD_LABEL):  # the seed's words for the level, still understood
        return education_rank("Postsecondary nondegree award")
    for i, (key, bls, label) in enumerate(EDUCATION_LADDER):
        if wanted in (form(key), form(bls), form(label), *EDUCATION_ALIASES.get(key, ())):
            return i
    keys = [key for key, _, _ in EDUCATION_LADDER]
    raise UsageError(f"unknown education level {value!r}; valid: {', '.join(keys)}{did_you_mean(value, keys)}")


def pick(value: str, valid: Sequence[str], what: str) -> str:
    """The valid name a user meant, ignoring case and punctuation; a clear error, with the nearest
    names, otherwise."""
    wanted = normalize(value)
    for name in valid:
        if normalize(name) == wanted:
            return name
    raise UsageError(f"unknown {what} {value!r}; valid: " + "; ".join(valid) + did_you_mean(value, list(valid)))


def pay(value: str) -> int:
    """A yearly pay as people write it: 80000, 80,000, $80,000, 80k, $1.2m; a clear error otherwise."""
    text = value.strip().lower().replace(",", "").replace("_", "").lstrip("$").strip()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    if scale > 1:
        text = text[:-1].strip()
    try:
        amount = float(text)
    except ValueError:
        raise UsageError(
            f"--min-salary {value!r}: give a yearly pay in dollars, such as 80000, 80k or $80,000"
        ) from None
    if not 0 <= amount * scale < 10_000_000:  # also refuses nan and inf
        raise UsageError(f"--min-salary {value!r}: give a yearly pay from 0 to $9,999,999")
    return round(amount * scale)


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
        f"unknown outlook {value!r}; valid: "
        + ", ".join(OUTLOOK_KEYS)
        + ", or a minimum growth such as 5"
        + did_you_mean(value, list(OUTLOOK_KEYS))
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
        min_salary: str | int | None = None,
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
            min_salary=pay(min_salary) if isinstance(min_salary, str) else min_salary,
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


SORT_KEYS = ("title", "salary", "growth", "openings", "self-employed")
# The entry field each figure sort reads.
SORT_FIELDS = {"salary": "salary", "growth": "growth", "openings": "openings", "self-employed": "self_employed_pct"}


def sort_key(sort: str) -> Callable[[Entry], Any]:
    """Title order, or highest first for a figure; careers without the figure go last."""
    if sort == "title":
        return lambda e: e["title"].lower()
    if sort not in SORT_FIELDS:
        raise UsageError(f"unknown sort {sort!r}; valid: {', '.join(SORT_KEYS)}")
    name = SORT_FIELDS[sort]

    def figure(e: Entry) -> tuple[bool, float]:
        value: float | None = e.get(name)  # type: ignore[assignment]
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


# Bright Outlook reasons in a list's outlook column.
SHORT_BRIGHT = {"Rapid Growth": "rapid growth", "Numerous Job Openings": "many openings", "New and Emerging": "new"}


def education_label(e: Entry) -> str:
    """The short level; "(ours)" where it is the occupation's own, not its broader BLS group's."""
    if e["education"] is None:
        return "not published"
    return SHORT_EDUCATION[e["education"]] + (" (ours)" if e.get("education_ours") else "")


def outlook_label(e: Entry) -> str:
    if e["growth"] is None:
        return "not published"
    return f"{e['growth']:+.1f}% {SHORT_OUTLOOK.get(e['outlook'] or '', '')}".rstrip()


def bright_label(e: Entry) -> str:
    """Why O*NET flags the career Bright Outlook, in a list's short words ("many openings"); "" if not."""
    return ", ".join(SHORT_BRIGHT.get(r, r.lower()) for r in e.get("bright_outlook") or [])
