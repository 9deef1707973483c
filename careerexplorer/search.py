"""Ranking careers for a query: the only module that imports the fuzzy matcher.

Every searchable name of a career (title, other titles, certifications, cluster and pathway)
is scored against the query with rapidfuzz; a career's score is its best name's score times the
weight of that kind of name, and ties go to the career with more jobs, so broad words list the
strongest careers first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process, utils

# How much a match on each kind of name counts, and how a result explains itself.
WEIGHTS = {
    "title": 1.0,
    "also_called": 0.97,
    "certifications": 0.96,
    "search_titles": 0.93,
    "pathway": 0.82,
    "cluster": 0.78,
}
REASONS = {
    "title": "title",
    "also_called": "also called",
    "certifications": "certification",
    "search_titles": "alternate title",
    "pathway": "pathway",
    "cluster": "cluster",
}
MIN_SCORE = 72.0


@dataclass(frozen=True)
class Result:
    slug: str
    title: str
    onet_code: str
    score: float
    matched: str  # the name that matched
    field: str  # which kind of name it is
    entry: dict[str, Any]

    @property
    def reason(self) -> str:
        if self.field == "title":
            return "title"
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


def _names(entries: list[dict[str, Any]]) -> tuple[list[str], list[tuple[int, str]]]:
    choices: list[str] = []
    owners: list[tuple[int, str]] = []
    for i, entry in enumerate(entries):
        for field_name in WEIGHTS:
            value = entry.get(field_name)
            for name in [value] if isinstance(value, str) else (value or []):
                choices.append(name)
                owners.append((i, field_name))
    return choices, owners


def _score(query: str, name: str, processed_query: str, processed_name: str) -> float:
    if processed_query == processed_name:
        return 100.0
    tokens = processed_name.split()
    # A short query like "CPA" or "RN" is an acronym: it counts only as a whole word.
    if len(processed_query) <= 4 and " " not in processed_query:
        return 100.0 if processed_query in tokens else 0.0
    return float(fuzz.WRatio(processed_query, processed_name))


def rank(query: str, entries: list[dict[str, Any]], limit: int | None = 10, min_score: float = MIN_SCORE) -> list[Result]:
    """The careers matching a query, best first; weak matches are left out."""
    processed_query = utils.default_process(query)
    if not processed_query:
        return []
    choices, owners = _names(entries)
    processed = [utils.default_process(c) for c in choices]
    best: dict[int, tuple[float, int]] = {}
    if len(processed_query) <= 4 and " " not in processed_query:
        hits = ((k, _score(query, choices[k], processed_query, p)) for k, p in enumerate(processed))
        scored = [(k, s) for k, s in hits if s]
    else:
        scored = [(k, s) for _, s, k in process.extract(processed_query, processed, scorer=fuzz.WRatio, processor=None, limit=None, score_cutoff=min_score * 0.9)]
        scored = [(k, 100.0 if processed[k] == processed_query else s) for k, s in scored]
    for k, raw in scored:
        i, field_name = owners[k]
        weighted = raw * WEIGHTS[field_name]
        if weighted > best.get(i, (0.0, -1))[0]:
            best[i] = (weighted, k)
    results = [
        Result(entries[i]["slug"], entries[i]["title"], entries[i]["onet_code"], s, choices[k], owners[k][1], entries[i])
        for i, (s, k) in best.items()
        if s >= min_score
    ]
    results.sort(key=lambda r: (-round(r.score), -(r.entry.get("employment") or 0), r.title))
    return results[:limit] if limit else results


def closest_titles(query: str, entries: list[dict[str, Any]], limit: int = 5) -> list[dict[str, Any]]:
    """The titles nearest to a query that matched nothing, for a 'did you mean' line."""
    titles = [e["title"] for e in entries]
    found = process.extract(query, titles, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit)
    return [entries[k] for _, _, k in found]
