"""Helpers shared by the test modules (fixtures are in conftest.py)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console

from careerexplorer.catalog import bundled_dir

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
PROFILES = FIXTURES / "profiles"
SOURCES = FIXTURES / "sources"
SNAPSHOTS = TESTS / "snapshots"

# Rich and Click read these; pin them so output is the same on every machine and terminal.
CLEAN_ENV: dict[str, str | None] = {
    "COLUMNS": "80",
    "LINES": "50",
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "CAREERS_PATH": None,
}

# The smallest valid profile document: every required key and nothing else.
MINIMAL: dict[str, object] = {
    "slug": "sample-career",
    "title": "Sample Career",
    "onet_code": "29-9999.00",
    "soc_code": "29-9999",
    "summary": "A small made-up career.",
    "cluster": "Health Science",
    "pathway": "Health Informatics",
}

# Enough bundled profiles for a small catalog: the seed page, a nurse to compare with, an
# aggregate-wage case (home health aide) and its sibling.
SMALL_CATALOG = ("medical-records-specialist", "registered-nurse", "home-health-aide", "personal-care-aide")


def write_index(folder: Path) -> None:
    """Rebuild the derived files of a data folder, as 'python -m careerexplorer.index' does."""
    from careerexplorer.build import write_index as rebuild

    rebuild(folder)


def make_data_dir(root: Path, slugs: tuple[str, ...] = SMALL_CATALOG) -> Path:
    """A data folder with the real clusters table, a few bundled profiles and their index."""
    folder = root / "data"
    (folder / "careers").mkdir(parents=True)
    shutil.copy(bundled_dir() / "clusters.toml", folder / "clusters.toml")
    for slug in slugs:
        shutil.copy(bundled_dir() / "careers" / f"{slug}.toml", folder / "careers" / f"{slug}.toml")
    write_index(folder)
    return folder


class AsciiIO(io.StringIO):
    """A text file that can only take ASCII, like a terminal under LANG=C."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "ascii"


def make_console(ascii_only: bool = False, width: int = 80) -> Console:
    file = AsciiIO() if ascii_only else io.StringIO()
    return Console(file=file, width=width, color_system=None, legacy_windows=False)


def console_text(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def profile_toml(slug: str, **fields: object) -> str:
    """A minimal valid profile as TOML text; keyword arguments replace or add top-level fields."""
    doc: dict[str, object] = {
        "slug": slug,
        "title": slug.replace("-", " ").title(),
        "onet_code": "29-9999.00",
        "soc_code": "29-9999",
        "summary": "A small made-up career used by the tests.",
        "cluster": "Health Science",
        "pathway": "Health Informatics",
    }
    doc.update(fields)
    # JSON strings, numbers and arrays of strings are valid TOML values.
    return "".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in doc.items())


def one_line(text: str) -> str:
    """The single line of a message; fails if there is not exactly one."""
    lines = text.splitlines()
    assert len(lines) == 1, f"expected one line, got {len(lines)}: {text!r}"
    return lines[0]


# The main part of each command's JSON envelope (docs/json.md).
PAYLOAD_KEYS = {"show": "career", "compare": "careers", "list": "careers", "search": "results", "match": "results",
                "clusters": "clusters", "shortlist": "careers", "validate": "problems", "about": "sources"}


def unwrap(stdout: str) -> Any:
    """The main part of a command's JSON output, after checking its envelope."""
    doc = json.loads(stdout)
    assert isinstance(doc, dict) and doc["schema_version"] == 2, doc
    return doc[PAYLOAD_KEYS[doc["command"]]]
