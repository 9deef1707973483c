"""Interest match: careers ranked by how well their Holland (RIASEC) interests fit a person's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerexplorer.errors import UsageError
from careerexplorer.model import INTERESTS

if TYPE_CHECKING:
    from careerexplorer.index import Entry

LETTERS = {name[0].upper(): name for name in INTERESTS}
WEIGHTS = (3.0, 2.0, 1.0)  # the first letter of a code counts most

# Five statements a type, in our own words. Asked in this order, one type after another.
QUIZ: tuple[tuple[str, str], ...] = (
    ("realistic", "Fix a bike, a car or a broken appliance"),
    ("realistic", "Build something out of wood or metal"),
    ("realistic", "Work outdoors with plants, animals or machines"),
    ("realistic", "Use power tools or drive heavy equipment"),
    ("realistic", "Put together furniture or wire a light from a diagram"),
    ("investigative", "Work out why an experiment gave a strange result"),
    ("investigative", "Read about how the brain or the universe works"),
    ("investigative", "Solve a hard math or logic puzzle"),
    ("investigative", "Test ideas with data until you know which one holds"),
    ("investigative", "Study a disease to find out what causes it"),
    ("artistic", "Draw, paint or design a poster"),
    ("artistic", "Write stories, poems or song lyrics"),
    ("artistic", "Act, sing, dance or play in a band"),
    ("artistic", "Make a video or take photographs for others to see"),
    ("artistic", "Decorate a room or choose how a product should look"),
    ("social", "Teach someone a new skill"),
    ("social", "Help a friend through a hard time"),
    ("social", "Care for people who are sick or hurt"),
    ("social", "Volunteer for a cause in your community"),
    ("social", "Coach a team or lead a group activity for kids"),
    ("enterprising", "Start a small business or sell something you made"),
    ("enterprising", "Convince people to join your plan"),
    ("enterprising", "Lead a club, a team or a project"),
    ("enterprising", "Negotiate a deal or a price"),
    ("enterprising", "Speak in front of a crowd to win them over"),
    ("conventional", "Keep records, lists or accounts neat and up to date"),
    ("conventional", "Follow clear steps to get a job done exactly right"),
    ("conventional", "Organize files, schedules or a budget"),
    ("conventional", "Check a document or a spreadsheet for mistakes"),
    ("conventional", "Enter data and keep it tidy"),
)
ANSWERS = {"y": 2, "yes": 2, "?": 1, "m": 1, "maybe": 1, "n": 0, "no": 0}


def parse_code(code: str) -> list[str]:
    """'SAC' -> ['social', 'artistic', 'conventional']; a clear error for anything else."""
    letters = code.strip().upper()
    if not 1 <= len(letters) <= 3 or any(ch not in LETTERS for ch in letters) or len(set(letters)) != len(letters):
        raise UsageError(f"--interests {code!r}: give 1 to 3 different letters of R, I, A, S, E, C (for example SAC)")
    return [LETTERS[ch] for ch in letters]


def code_from_answers(scores: dict[str, int]) -> list[str]:
    """The three interests with the highest quiz totals (ties in RIASEC order)."""
    ordered = sorted(INTERESTS, key=lambda name: (-scores.get(name, 0), INTERESTS.index(name)))
    return ordered[:3]


def fit(interests: list[str], scores: list[float]) -> float:
    """0 to 100: the career's weighted scores on the person's interests, out of O*NET's 1-7 scale."""
    by_name = dict(zip(INTERESTS, scores, strict=False))
    weights = WEIGHTS[: len(interests)]
    mean = sum(w * by_name[name] for w, name in zip(weights, interests, strict=False)) / sum(weights)
    return round((mean - 1) / 6 * 100, 1)


def rank(interests: list[str], entries: list[Entry], limit: int = 10) -> list[tuple[Entry, float]]:
    scored = [(e, fit(interests, scores)) for e in entries if (scores := e.get("interests"))]
    scored.sort(key=lambda pair: (-pair[1], -(pair[0].get("employment") or 0), pair[0]["title"]))
    return scored[:limit]


def explain(interests: list[str], entry: Entry) -> str:
    scores = entry["interests"]
    assert scores is not None, "rank keeps only careers with interest scores"
    by_name = dict(zip(INTERESTS, scores, strict=False))
    own = "".join(n[0].upper() for n in sorted(INTERESTS, key=lambda n: -by_name[n])[:3])
    parts = ", ".join(f"{name.title()} {by_name[name]:.1f}" for name in interests)
    return f"{parts} of 7; its own code is {own}"
