"""The `careers` command: parse, call one layer down, choose the output, set the exit code."""

from __future__ import annotations

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, TypeVar

import typer
from rich.console import Console

from careerexplorer import __version__
from careerexplorer.catalog import Catalog, user_dirs_from_env
from careerexplorer.errors import CareerError, UsageError

app = typer.Typer(
    name="careers",
    help="Explore U.S. careers offline: pay, schooling, outlook, what to study, and how they compare.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

EXIT_INTERRUPTED = 130
_state: dict[str, Any] = {"dirs": []}
F = TypeVar("F", bound=Callable[..., Any])


def console() -> Console:
    return Console(highlight=False, emoji=False, markup=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    sys.stderr.write(f"careers: {message}\n")
    return typer.Exit(code)


def guarded(fn: F) -> F:
    """Turn the package's errors into one line on stderr and an exit code; Ctrl-C into 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CareerError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def catalog() -> Catalog:
    cat = Catalog(user_dirs=[*_state["dirs"], *user_dirs_from_env()])
    _state["catalog"] = cat
    return cat


def warn_all(cat: Catalog) -> None:
    for line in cat.warnings:
        sys.stderr.write(f"careers: warning: {line}\n")


def emit_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"careers {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    data_dir: Annotated[
        Optional[list[Path]],
        typer.Option("--data-dir", help="Add a folder of your own TOML profiles (repeatable).", metavar="PATH"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Explore U.S. careers offline: pay, schooling, outlook, what to study, and how they compare.

    Example: careers show medical-records-specialist
    """
    for folder in data_dir or []:
        if not folder.is_dir():
            raise fail(f"--data-dir {folder}: not a folder", 2)
    _state["dirs"] = list(data_dir or [])


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
StateOpt = Annotated[
    Optional[str], typer.Option("--state", help="Wages for a state: a two-letter code or the name.", metavar="STATE")
]


ClusterOpt = Annotated[Optional[str], typer.Option("--cluster", help="Only this career cluster, e.g. \"Health Science\".")]
PathwayOpt = Annotated[Optional[str], typer.Option("--pathway", help="Only this pathway, e.g. \"Health Informatics\".")]
EducationOpt = Annotated[
    Optional[str],
    typer.Option("--education", help="At most this much schooling: none, high-school, some-college, "
                 "postsecondary-award, associate, bachelor, master, doctoral."),
]
MinSalaryOpt = Annotated[Optional[int], typer.Option("--min-salary", min=0, help="Only careers paying at least this a year.")]
OutlookOpt = Annotated[
    Optional[str],
    typer.Option("--outlook", help="much-faster, faster, average, slower, little-change, declining, or a minimum growth in %."),
]
BrightOpt = Annotated[bool, typer.Option("--bright-outlook", help="Only careers O*NET flags as Bright Outlook.")]


def in_state(cat: Catalog, profile: Any, state: str | None) -> Any:
    if not state:
        return profile
    from careerexplorer.states import localize, state_code

    return localize(profile, cat.data_dir, state_code(cat.data_dir, state))


@app.command()
@guarded
def show(
    career: Annotated[str, typer.Argument(help="A slug, O*NET-SOC or SOC code, title or other title.")],
    state: StateOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Show everything about one career.

    Example: careers show medical-records-specialist --state CA
    """
    cat = catalog()
    profile = in_state(cat, cat.resolve_profile(career), state)
    warn_all(cat)
    if json_out:
        emit_json(profile.to_dict())
        return
    from careerexplorer.render import career_page

    out = console()
    pathway = cat.clusters.pathway(profile.cluster, profile.pathway)
    out.print(career_page(profile, pathway, out.width, out.options.ascii_only))


class SearchSort(str, Enum):
    relevance = "relevance"
    title = "title"
    salary = "salary"
    growth = "growth"
    openings = "openings"


@app.command()
@guarded
def search(
    query: Annotated[str, typer.Argument(help="Words to look for: a title, a nickname, a certification...")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most N results.")] = 10,
    cluster: ClusterOpt = None,
    pathway: PathwayOpt = None,
    education: EducationOpt = None,
    min_salary: MinSalaryOpt = None,
    outlook: OutlookOpt = None,
    bright_outlook: BrightOpt = False,
    sort: Annotated[SearchSort, typer.Option("--sort", help="Best match first, or by title, salary, growth, openings.")] = SearchSort.relevance,
    json_out: JsonOpt = False,
) -> None:
    """Find careers by title, other titles, certifications, cluster, pathway or summary.

    Example: careers search coding --education associate
    """
    from careerexplorer.listing import Filters, ordered
    from careerexplorer.search import closest_titles

    cat = catalog()
    filters = Filters(cat, cluster, pathway, education, min_salary, outlook, bright_outlook)
    results = cat.rank(query, filters.apply(cat.search_entries), limit=limit)
    if sort is not SearchSort.relevance:
        position = {e["slug"]: i for i, e in enumerate(ordered([r.entry for r in results], sort.value))}
        results.sort(key=lambda r: position[r.slug])
    warn_all(cat)
    if json_out:
        emit_json([r.to_dict() for r in results])
        return
    out = console()
    if not results:
        near = ", ".join(e["title"] for e in closest_titles(query, cat.entries)) or "none"
        out.print(f"No careers match {query!r}. Closest titles: {near}.")
        return
    from careerexplorer.render import search_results

    out.print(search_results(results))


@app.command()
@guarded
def compare(
    careers: Annotated[list[str], typer.Argument(help="2 to 4 careers: slugs, codes or titles.")],
    state: StateOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Compare 2 to 4 careers side by side.

    Example: careers compare medical-records-specialist registered-nurse
    """
    if not 2 <= len(careers) <= 4:
        raise UsageError(f"compare takes 2 to 4 careers, got {len(careers)}")
    cat = catalog()
    profiles = [in_state(cat, cat.resolve_profile(c), state) for c in careers]
    warn_all(cat)
    if json_out:
        emit_json([p.to_dict() for p in profiles])
        return
    from careerexplorer.render import compare_table

    out = console()
    out.print(compare_table(profiles, out.options.ascii_only))


class SortKey(str, Enum):
    title = "title"
    salary = "salary"
    growth = "growth"
    openings = "openings"


@app.command("list")
@guarded
def list_careers(
    sort: Annotated[SortKey, typer.Option("--sort", help="Order by title, or highest salary, growth or openings.")] = SortKey.title,
    cluster: ClusterOpt = None,
    pathway: PathwayOpt = None,
    education: EducationOpt = None,
    min_salary: MinSalaryOpt = None,
    outlook: OutlookOpt = None,
    bright_outlook: BrightOpt = False,
    state: StateOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List every career, one line each: title, salary, education, outlook.

    Example: careers list --cluster "Health Science" --sort salary
    """
    from careerexplorer.listing import Filters, education_labels, ordered, outlook_labels

    cat = catalog()
    filters = Filters(cat, cluster, pathway, education, min_salary, outlook, bright_outlook, state)
    entries = ordered(filters.apply(cat.entries), sort.value)
    warn_all(cat)
    if json_out:
        emit_json(entries)
        return
    from careerexplorer.render import list_lines

    out = console()
    lines = list_lines(entries, out.width, education_labels(entries), outlook_labels(entries))
    if out.is_terminal:
        out.print(lines, soft_wrap=True, end="")
    else:
        sys.stdout.write(lines.plain)  # piped: no styles to lay out, so skip Rich's rendering


@app.command()
@guarded
def about() -> None:
    """Where the data comes from: sources, vintages, licences and the O*NET attribution.

    Example: careers about
    """
    from careerexplorer.sources import ONET_ATTRIBUTION, SOURCES
    from rich.text import Text

    out = console()
    page = Text(f"careers {__version__}: a terminal career explorer.\n\nData sources:\n", style="")
    for name, used_for, vintage, licence, url in SOURCES:
        page.append(f"\n  {name}\n", style="bold")
        page.append(f"    used for: {used_for}\n    vintage: {vintage}\n    licence: {licence}\n    published at: {url}\n")
    page.append("\nAttribution\n", style="bold")
    page.append(ONET_ATTRIBUTION + "\n")
    page.append(
        "\nWage figures are BLS OEWS estimates, which do not include self-employed workers. "
        "Summaries, course advice and certification lists are written by the careers project.\n"
    )
    out.print(page)


@app.command()
@guarded
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Profile files or folders (default: the bundled data and your folders).", show_default=False),
    ] = None,
) -> None:
    """Check profiles and print every problem as file:line: key.path: message.

    Exits 0 when every file is clean and 1 otherwise. Unknown keys count as problems here.

    Example: careers validate ~/my-careers
    """
    from careerexplorer.catalog import validate_paths

    cat = catalog()
    targets = list(paths) if paths else [cat.data_dir, *cat.user_dirs]
    checked, problems, notes = validate_paths(targets, cat.clusters)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    for note in notes:
        sys.stdout.write(f"{note}\n")
    bad = len(problems) + len(notes)
    sys.stdout.write(f"{checked} file{'s' * (checked != 1)} checked, {bad} problem{'s' * (bad != 1)}\n")
    if bad:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the profile format as a JSON Schema, for editors that validate TOML while you type.

    Example: careers schema > profile.schema.json
    """
    from careerexplorer.schema import json_schema

    emit_json(json_schema())


def main() -> None:
    """Console-script entry point."""
    # A terminal that cannot show a character (LANG=C, an ASCII-only encoding) gets '?' for it,
    # never a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("careers: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
