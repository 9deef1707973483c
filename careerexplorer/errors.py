"""The one exception family of the package; the CLI turns each into one line and an exit code."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a profile file, located as precisely as we can."""

    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class CareerError(Exception):
    """Base class: anything the user can fix, reported as one line."""

    exit_code = 1


class UnknownCareer(CareerError):
    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        self.query = query
        self.suggestions = suggestions or []
        text = f"no career matches {query!r}"
        if self.suggestions:
            text += "; did you mean " + ", ".join(self.suggestions) + "?"
        else:
            text += "; try 'careers search'"
        super().__init__(text)


class AmbiguousCareer(CareerError):
    def __init__(self, query: str, candidates: list[str]) -> None:
        self.query = query
        self.candidates = candidates
        super().__init__(f"{query!r} matches several careers; did you mean " + ", ".join(candidates) + "?")


class InvalidProfile(CareerError):
    """A profile file with one or more problems; all of them are carried, the first is shown."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0])
        more = len(problems) - 1
        super().__init__(
            first + (f" (and {more} more problem{'s' * (more > 1)}; run 'careers validate')" if more else "")
        )


class UsageError(CareerError):
    """A bad option value: same exit code as a command-line usage error."""

    exit_code = 2


class DataError(CareerError):
    """Bundled reference data is missing or unreadable (a broken installation)."""


class CacheDamaged(Exception):
    """The cache of the user's profiles turned out damaged after it was opened (a page or a row read
    later). Not the user's to fix, so not a CareerError: the command boundary sets the cache aside
    and runs the command again, which rebuilds it (careerexplorer.usercache)."""

    def __init__(self, path: str, detail: object) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")
