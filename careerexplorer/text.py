"""Text helpers at the bottom of the package: the forms of slugs and codes, the normal form of
names, plurals.

Nothing here imports from the package, so every other module may use it.
"""

from __future__ import annotations

import re

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # lower-case words joined by hyphens
ONET_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")  # an O*NET-SOC code, 29-2072.00
SOC_RE = re.compile(r"^\d{2}-\d{4}$")  # a SOC code, 29-2072


def normalize(text: str) -> str:
    """Lower case, punctuation to spaces: the form exact title look-ups compare."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 career', '2 careers' (or the given plural)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
