"""Filters and orderings over the catalog index, for `list` (and the filters of `search`)."""

from __future__ import annotations

from typing import Any

from careerexplorer.catalog import Catalog, normalize
from careerexplorer.errors import UsageError
from careerexplorer.model import OUTLOOK_LABELS
from careerexplorer.schema import EDUCATION_LADDER


def education_level(value: str) -> int:
    """The ladder rank for a key ('bachelor'), a BLS wording or a label; a clear error otherwise."""
    wanted = normalize(value)
    for i, (key, bls, label) in enumerate(EDUCATION_LADDER):
        if wanted in (normalize(key), normalize(bls), normalize(label)):
            return i
    valid = ", ".join(key for key, _, _ in EDUCATION_LADDER)
    raise UsageError(f"unknown education level {value!r}; valid: {valid}")


def pick(value: str, valid: list[str], what: str) -> str:
    """The valid name a user meant, ignoring case and punctuation; a clear error otherwise."""
    wanted = normalize(value)
    for name in valid:
        if normalize(name) == wanted:
            return name
    raise UsageError(f"unknown {what} {value!r}; valid: " + "; ".join(valid))


# --outlook keys, in the order of the model's labels; the list shows them with spaces.
OUTLOOK_KEYS = dict(zip(("much-faster", "faster", "average", "slower", "little-change", "declining"), OUTLOOK_LABELS))


def outlook_filter(value: str) -> tuple[str | None, float | None]:
    """A descriptor (exactly that outlook) or a number (at least that growth, in per cent)."""
    try:
        return None, float(value.rstrip("%"))
    except ValueError:
        pass
    wanted = normalize(value)
    for key, label in OUTLOOK_KEYS.items():
        if wanted in (normalize(key), normalize(label)):
            return label, None
    raise UsageError(f"unknown outlook {value!r}; valid: " + ", ".join(OUTLOOK_KEYS) + ", or a minimum growth such as 5")


class Filters:
    """The filters of `list` and `search`, checked once; invalid values are usage errors."""

    def __init__(self, cat: Catalog, cluster: str | None = None, pathway: str | None = None,
                 education: str | None = None, min_salary: int | None = None, outlook: str | None = None,
                 bright_outlook: bool = False, state: str | None = None) -> None:
        self.cluster = pick(cluster, cat.clusters.names(), "cluster") if cluster else None
        self.pathway = pick(pathway, sorted(set(cat.clusters.pathway_names(self.cluster))), "pathway") if pathway else None
        self.education = education_level(education) if education is not None else None
        self.min_salary = min_salary
        self.outlook, self.min_growth = outlook_filter(outlook) if outlook else (None, None)
        self.bright_outlook = bright_outlook
        self.state = None
        self.cat = cat
        if state:
            from careerexplorer.states import state_code

            self.state = state_code(cat.data_dir, state)

    @property
    def active(self) -> bool:
        return any(v not in (None, False) for v in (self.cluster, self.pathway, self.education, self.min_salary,
                                                     self.outlook, self.min_growth, self.bright_outlook, self.state))

    def apply(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self.state:
            from careerexplorer.states import localize_entries

            entries = localize_entries(entries, self.cat.data_dir, self.state)
        return [e for e in entries if self.keeps(e)]

    def keeps(self, e: dict[str, Any]) -> bool:
        return (
            (self.cluster is None or e["cluster"] == self.cluster)
            and (self.pathway is None or e["pathway"] == self.pathway)
            and (self.education is None or (e["education"] is not None and e["education"] <= self.education))
            and (self.min_salary is None or (e["salary"] is not None and e["salary"] >= self.min_salary))
            and (self.outlook is None or e["outlook"] == self.outlook)
            and (self.min_growth is None or (e["growth"] is not None and e["growth"] >= self.min_growth))
            and (not self.bright_outlook or bool(e["bright_outlook"]))
        )


def ordered(entries: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """Title order, or highest first for a figure; careers without the figure go last."""
    if sort == "title":
        return sorted(entries, key=lambda e: e["title"].lower())
    return sorted(entries, key=lambda e: (e[sort] is None, -(e[sort] or 0)))


SHORT_EDUCATION = ("No formal credential", "High school", "Some college", "Postsecondary award",
                   "Associate's", "Bachelor's", "Master's", "Doctoral/professional")
SHORT_OUTLOOK = {label: key.replace("-", " ") for key, label in OUTLOOK_KEYS.items()}


def education_labels(entries: list[dict[str, Any]]) -> list[str]:
    return [SHORT_EDUCATION[e["education"]] if e["education"] is not None else "not published" for e in entries]


def outlook_labels(entries: list[dict[str, Any]]) -> list[str]:
    return [f"{e['growth']:+.1f}% {SHORT_OUTLOOK.get(e['outlook'], '')}".rstrip() if e.get("growth") is not None
            else "not published" for e in entries]
