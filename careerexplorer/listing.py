"""Filters and orderings over the catalog index, for `list` (and the filters of `search`)."""

from __future__ import annotations

from typing import Any

from careerexplorer.catalog import Catalog, normalize
from careerexplorer.errors import UsageError
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


def select(cat: Catalog, sort: str = "title", cluster: str | None = None, pathway: str | None = None,
           education: str | None = None, state: str | None = None) -> list[dict[str, Any]]:
    entries = cat.entries
    if state:
        from careerexplorer.states import localize_entries, state_code

        entries = localize_entries(entries, cat.data_dir, state_code(cat.data_dir, state))
    if cluster:
        name = pick(cluster, cat.clusters.names(), "cluster")
        entries = [e for e in entries if e["cluster"] == name]
    if pathway:
        path_name = pick(pathway, sorted(set(cat.clusters.pathway_names())), "pathway")
        entries = [e for e in entries if e["pathway"] == path_name]
    if education:
        level = education_level(education)
        entries = [e for e in entries if e["education"] is not None and e["education"] <= level]
    if sort != "title":
        # Highest first; careers without the figure go last, in title order.
        entries = sorted(entries, key=lambda e: (e[sort] is None, -(e[sort] or 0)))
    return entries


SHORT_EDUCATION = ("No formal credential", "High school", "Some college", "Postsecondary award",
                   "Associate's", "Bachelor's", "Master's", "Doctoral/professional")
SHORT_OUTLOOK = {"Much faster than average": "much faster", "Faster than average": "faster",
                 "About as fast as average": "average", "Slower than average": "slower",
                 "Little or no change": "little change", "Declining": "declining"}


def education_labels(entries: list[dict[str, Any]]) -> list[str]:
    return [SHORT_EDUCATION[e["education"]] if e["education"] is not None else "not published" for e in entries]


def outlook_labels(entries: list[dict[str, Any]]) -> list[str]:
    return [f"{e['growth']:+.1f}% {SHORT_OUTLOOK.get(e['outlook'], '')}".rstrip() if e.get("growth") is not None
            else "not published" for e in entries]
