"""Text helpers at the bottom of the package: the normal form of names and the crude stemmer.

Nothing here imports from the package, so every other module may use it.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z0-9]+")

# Words whose -er is not a doer's ending on a verb we also index: an officer is no office.
KEEP_ER = frozenset({"officer"})


def normalize(text: str) -> str:
    """Lower case, punctuation to spaces: the form exact title look-ups compare."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def stem(word: str) -> str:
    """A crude stem so that coder, coding and codes meet, as do nurse, nursing and accountant, accounting."""
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if (w.endswith("ing") and len(w) >= 6) or (w.endswith("ant") and len(w) >= 7):
        w = w[:-3]
    elif w.endswith("er") and not w.endswith("eer") and w not in KEEP_ER and len(w) >= 5:
        w = w[:-2]
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    return w


def stems(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text.lower())]


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 career', '2 careers' (or the given plural)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
