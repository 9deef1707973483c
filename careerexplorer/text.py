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


def closest(value: str, names: list[str], n: int = 3) -> list[str]:
    """The names a mistyped value most likely meant, best first: those that start with it (or it
    with them), then those that read alike. For 'did you mean' after an unknown option value."""
    import difflib  # only on an error

    wanted = normalize(value)
    if not wanted:
        return []
    forms = {name: normalize(name) for name in names}
    found = [name for name, form in forms.items() if form.startswith(wanted) or wanted.startswith(form)]
    # A word of the name typed alone ('health' for 'Health Science') counts as its start.
    found += [name for name, form in forms.items() if name not in found and wanted in form.split()]
    alike = difflib.get_close_matches(wanted, list(forms.values()), n=n, cutoff=0.75)
    found += [name for form in alike for name, f in forms.items() if f == form and name not in found]
    return found[:n]


def did_you_mean(value: str, names: list[str]) -> str:
    """'; did you mean 'X' or 'Y'?' for an unknown value, or nothing when no name is near."""
    near = closest(value, names)
    return "; did you mean " + " or ".join(repr(name) for name in near) + "?" if near else ""
