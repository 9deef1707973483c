"""The `careers` command: parse, call one layer down (careerexplorer.commands), emit, exit.

Each command resolves its options, computes a result and hands it to the one emitter; the
package's errors become one line on stderr and an exit code.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from careerexplorer import __version__, sanitize
from careerexplorer.catalog import Catalog, user_dirs_from_env
from careerexplorer.emit import Format, Output, emit
from careerexplorer.errors import CareerError, UsageError

if TYPE_CHECKING:
    import inspect

    from careerexplorer.listing import Filters

app = typer.Typer(
    name="careers",
    no_args_is_help=True,
    rich_markup_mode=None,
)
shortlist_app = typer.Typer(
    help="Keep a shortlist of careers you are weighing.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(shortlist_app, name="shortlist")

EXIT_INTERRUPTED = 130
_state: dict[str, Any] = {"dirs": []}
F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> typer.Exit:
    sys.stderr.write(f"careers: {sanitize.message(message)}\n")
    return typer.Exit(code)


def guarded(fn: F) -> F:
    """Turn the package's errors into one line on stderr and an exit code; Ctrl-C into 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CareerError as exc:
            # A profile of the user's that was skipped explains an unknown career: say so first.
            if _state.get("catalog") is not None:
                warn_all(_state["catalog"])
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def catalog() -> Catalog:
    """The catalog for this run: the bundled data and the user's folders (options, then CAREERS_PATH)."""
    _state["catalog"] = Catalog(user_dirs=[*_state["dirs"], *user_dirs_from_env()])
    return _state["catalog"]  # type: ignore[no-any-return]


def warn_all(cat: Catalog) -> None:
    """Print the catalog's warnings once (guarded prints those left when a command fails)."""
    while cat.warnings:
        sys.stderr.write(f"careers: warning: {sanitize.message(cat.warnings.pop(0))}\n")


def shortlist_path() -> Path:
    from careerexplorer import shortlist

    return shortlist.default_path()


def version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"careers {__version__}\n")
        raise typer.Exit()


def complete_career(incomplete: str) -> list[str]:
    """Shell completion: the slugs (bundled and the user's own) that start with what was typed."""
    # Only what could start a slug is looked up, by listing the data folder, never by a glob
    # pattern: '/etc/' or '../' must not reach the file system, and completion must never raise.
    if not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in incomplete):
        return []
    try:
        cat = catalog()
        slugs = [
            p.stem
            for p in (cat.data_dir / "careers").iterdir()
            if p.suffix == ".toml" and p.stem.startswith(incomplete)
        ]
        slugs += [s for s in cat.user_profiles if s.startswith(incomplete)]
        return sorted(set(slugs))
    except (CareerError, OSError, ValueError):
        return []


@app.callback()
def main_options(
    data_dir: Annotated[
        list[Path] | None,
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
    _state["catalog"] = None


CareerArg = Annotated[
    list[str],
    typer.Argument(
        help="A slug, O*NET-SOC or SOC code, title or other title (several words need no quotes).",
        autocompletion=complete_career,
        metavar="CAREER",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (the same as --format json).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output: table, json, markdown or csv.")]
StateOpt = Annotated[
    str | None, typer.Option("--state", help="Wages for a state: a two-letter code or the name.", metavar="STATE")
]
AreaOpt = Annotated[
    str | None,
    typer.Option(
        "--area",
        help='Wages for a metropolitan or nonmetropolitan area: a name ("Fargo", "Fargo, ND-MN") or its BLS code.',
        metavar="AREA",
    ),
]
ClusterOpt = Annotated[str | None, typer.Option("--cluster", help='Only this career cluster, e.g. "Health Science".')]
PathwayOpt = Annotated[str | None, typer.Option("--pathway", help='Only this pathway, e.g. "Health Informatics".')]
EducationOpt = Annotated[
    str | None,
    typer.Option(
        "--education",
        help="At most this much schooling: none, high-school, some-college, "
        "postsecondary-award, associate, bachelor, master, doctoral.",
    ),
]
MinSalaryOpt = Annotated[int | None, typer.Option("--min-salary", min=0, help="At least this mean salary a year.")]
OutlookOpt = Annotated[
    str | None,
    typer.Option(
        "--outlook",
        help="At least this outlook: much-faster, faster, average, slower, little-change, "
        "declining; or at least this growth in per cent (5).",
    ),
]
BrightOpt = Annotated[bool, typer.Option("--bright-outlook", help="Only careers O*NET flags as Bright Outlook.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most N careers.")]
# The options of careerexplorer.listing.Filters, in their order on every command that takes them
# all: (parameter, annotation, default).
FILTER_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("cluster", ClusterOpt, None),
    ("pathway", PathwayOpt, None),
    ("education", EducationOpt, None),
    ("min_salary", MinSalaryOpt, None),
    ("outlook", OutlookOpt, None),
    ("bright_outlook", BrightOpt, False),
)


def chosen(fmt: Format, json_out: bool) -> Format:
    if json_out and fmt not in (Format.table, Format.json):
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return Format.json if json_out else fmt


def show_result(cat: Catalog, result: Any, fmt: Format, json_out: bool) -> None:
    """The end of every data command: warnings about the user's folders, then the result."""
    warn_all(cat)
    emit(result, chosen(fmt, json_out), Output())


class ResultCommand:
    """A command that shows one result, made from `fn(cat, ...)`, which returns it.

    The command's options are fn's parameters after the catalog, then --format and --json; a
    parameter `filters` stands for the FILTER_OPTIONS, in its place, and fn gets them parsed.
    The command checks --format against --json before anything is read, makes the catalog, and
    shows what fn returns with show_result.
    """

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.filtered = "filters" in fn.__annotations__
        # What Typer reads of a command besides its signature; no annotations of its own, since
        # the signature below holds them evaluated.
        self.__name__ = fn.__name__
        self.__qualname__ = fn.__qualname__
        self.__module__ = fn.__module__
        self.__doc__ = fn.__doc__
        self.__annotations__: dict[str, Any] = {}

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        """The command's parameters as Typer reads them. Made only when Typer builds this command:
        evaluating every command's annotations at import would cost each start."""
        import inspect

        names: dict[str, Any] = {}  # what fn's annotations name that this module does not import
        if self.filtered:
            from careerexplorer.listing import Filters

            names["Filters"] = Filters
        own = inspect.signature(self.fn, locals=names, eval_str=True)
        # Keyword-only, as Typer passes every value by name: options without a default may follow
        # options with one, as fn's `*` lets `filters` do.
        by_name = inspect.Parameter.KEYWORD_ONLY
        params = []
        for param in list(own.parameters.values())[1:]:  # the first is the catalog
            if param.name == "filters":
                params += [inspect.Parameter(n, by_name, default=d, annotation=a) for n, a, d in FILTER_OPTIONS]
            else:
                params.append(param.replace(kind=by_name))
        params.append(inspect.Parameter("fmt", by_name, default=Format.table, annotation=FormatOpt))
        params.append(inspect.Parameter("json_out", by_name, default=False, annotation=JsonOpt))
        return own.replace(parameters=params, return_annotation=None)

    def __call__(self, fmt: Format, json_out: bool, **options: Any) -> None:
        chosen(fmt, json_out)
        cat = catalog()
        if self.filtered:
            from careerexplorer.listing import Filters

            values = [options.pop(name) for name, _, _ in FILTER_OPTIONS]
            options["filters"] = Filters.parse(cat.clusters, *values)
        show_result(cat, self.fn(cat, **options), fmt, json_out)


@app.command()
@guarded
@ResultCommand
def show(cat: Catalog, career: CareerArg, state: StateOpt = None, area: AreaOpt = None) -> Any:
    """Show everything about one career.

    Example: careers show medical-records-specialist --state CA
    """
    from careerexplorer import commands

    return commands.show(cat, " ".join(career), commands.place(cat, state, area))


# The members are named for their --sort choices; `title` shadows str.title, never called on them.
class SearchSort(StrEnum):
    relevance = "relevance"
    title = "title"  # type: ignore[assignment]
    salary = "salary"
    growth = "growth"
    openings = "openings"


class SortKey(StrEnum):
    title = "title"  # type: ignore[assignment]
    salary = "salary"
    growth = "growth"
    openings = "openings"


@app.command()
@guarded
@ResultCommand
def search(
    cat: Catalog,
    query: Annotated[
        list[str],
        typer.Argument(
            help="Words to look for: a title, a nickname, what you like doing, what you want or don't.",
            metavar="QUERY...",
        ),
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most N results.")] = 10,
    *,
    filters: Filters,
    sort: Annotated[
        SearchSort,
        typer.Option("--sort", help="Best match first, or every good match by title, salary, growth or openings."),
    ] = SearchSort.relevance,
    literal: Annotated[
        bool, typer.Option("--literal", help="Search the words as typed: no limits, values or 'not' read from them.")
    ] = False,
) -> Any:
    """Find careers by what you type: titles, other titles, the work, and what you ask for
    ("without a degree", "pay over 90k", "not math", "job security"), said on the first line.

    Example: careers search art jobs without a degree
    """
    from careerexplorer import commands

    return commands.search(cat, " ".join(query), filters, limit, sort.value, literal=literal)


@app.command()
@guarded
@ResultCommand
def compare(
    cat: Catalog,
    careers: Annotated[
        list[str] | None,
        typer.Argument(
            help="2 to 4 careers (slugs, codes or titles); none compares your shortlist.",
            autocompletion=complete_career,
            show_default=False,
            metavar="[CAREER]...",
        ),
    ] = None,
    state: StateOpt = None,
    area: AreaOpt = None,
) -> Any:
    """Compare 2 to 4 careers side by side, or the careers on your shortlist.

    Example: careers compare medical-records-specialist registered-nurse
    """
    from careerexplorer import commands

    where = commands.place(cat, state, area)
    wanted = list(careers or []) or commands.shortlisted_for_compare(shortlist_path())
    return commands.compare(cat, wanted, where)


@app.command("list")
@guarded
@ResultCommand
def list_careers(
    cat: Catalog,
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Order by title, or highest salary, growth or openings.")
    ] = SortKey.title,
    *,
    filters: Filters,
    state: StateOpt = None,
    area: AreaOpt = None,
) -> Any:
    """List every career, one line each: title, salary, education, outlook.

    Example: careers list --cluster "Health Science" --sort salary
    """
    from careerexplorer import commands

    return commands.list_careers(cat, filters, sort.value, commands.place(cat, state, area))


class WagesBy(StrEnum):
    mean = "mean"
    median = "median"
    employment = "employment"
    concentration = "concentration"


@app.command()
@guarded
@ResultCommand
def wages(
    cat: Catalog,
    career: CareerArg,
    by: Annotated[
        WagesBy,
        typer.Option(
            "--by",
            help="Rank by mean or median wage, employment, or concentration (jobs compared with the U.S. share).",
        ),
    ] = WagesBy.mean,
    state: Annotated[
        str | None,
        typer.Option("--state", help="Rank only this state's metropolitan and nonmetropolitan areas.", metavar="STATE"),
    ] = None,
    limit: LimitOpt = 10,
) -> Any:
    """Where a career pays most and employs most: states and metro areas ranked, the U.S. for reference.

    Example: careers wages medical-records-specialist --by median
    """
    from careerexplorer import commands

    return commands.wages(cat, " ".join(career), by.value, state, limit)


@app.command()
@guarded
@ResultCommand
def match(
    cat: Catalog,
    interests: Annotated[
        str | None,
        typer.Option(
            "--interests",
            "-i",
            help="Your Holland code: 1 to 3 letters of R I A S E C, e.g. SAC. "
            "Without it, a 30-question quiz works it out.",
        ),
    ] = None,
    education: EducationOpt = None,
    cluster: ClusterOpt = None,
    limit: LimitOpt = 10,
) -> Any:
    """Rank careers by how well they fit your interests (Holland RIASEC).

    Example: careers match --interests SAC --education associate
    """
    from careerexplorer import commands
    from careerexplorer.listing import Filters
    from careerexplorer.match import code_from_answers, parse_code

    filters = Filters.parse(cat.clusters, cluster=cluster, education=education)
    wanted = parse_code(interests) if interests is not None else code_from_answers(ask_quiz())
    return commands.match(cat, wanted, filters, limit)


QUIZ_TRIES = 5


def ask_quiz() -> dict[str, int]:
    """Ask the 30 statements; y = would enjoy, ? = not sure, n = would not.

    Prompts go to stderr, so that the results (and --json) on stdout stay clean.
    """
    from careerexplorer.match import ANSWERS, QUIZ

    err = sys.stderr
    err.write("For each activity: would you enjoy it? Answer y (yes), ? (not sure) or n (no).\n")
    scores: dict[str, int] = {}
    for number, (kind, statement) in enumerate(QUIZ, 1):
        for attempt in range(QUIZ_TRIES + 1):
            if attempt == QUIZ_TRIES:  # endless garbage (a file or a stuck key) must not loop forever
                raise UsageError(
                    f"no answer of y, ? or n to statement {number} after {QUIZ_TRIES} tries; or give --interests"
                )
            err.write(f"{number:>2}/{len(QUIZ)}  {statement}? [y/?/n] ")
            err.flush()
            try:
                line = sys.stdin.readline(1000)  # a line without end counts as a few wrong answers
            except UnicodeDecodeError:
                err.write("\n")
                raise UsageError(
                    "an answer to the quiz is not text in the terminal's encoding; "
                    "answer y, ? or n, or give --interests"
                ) from None
            if not line:
                err.write("\n")
                raise UsageError("the quiz ended before every statement had an answer; or give --interests")
            answer = line.strip().lower()
            if answer in ANSWERS:
                break
            err.write("  please answer y, ? or n\n")
        scores[kind] = scores.get(kind, 0) + ANSWERS[answer]
    return scores


@app.command()
@guarded
@ResultCommand
def clusters(
    cat: Catalog,
    name: Annotated[
        str | None, typer.Argument(help='A cluster to open, e.g. "Health Science".', show_default=False)
    ] = None,
) -> Any:
    """Browse the 16 Career Clusters and their pathways, with course advice and career counts.

    Example: careers clusters "Health Science"
    """
    from careerexplorer import commands

    return commands.clusters(cat, name)


@app.command("next")
@guarded
@ResultCommand
def next_careers(
    cat: Catalog,
    career: CareerArg,
    up: Annotated[bool, typer.Option("--up", help="Only careers that pay more than this one.")] = False,
    *,
    filters: Filters,
    limit: LimitOpt = 10,
) -> Any:
    """Where a career leads: the careers it leads to, with the pay difference, the schooling they
    add, the skills to build and the skills that carry over.

    Example: careers next medical-records-specialist --up
    """
    from careerexplorer import commands

    return commands.next_careers(cat, " ".join(career), filters, up, limit)


def _report(verb: str, other: str, slugs: list[str], changed: list[str], current: list[str]) -> None:
    for slug in slugs:  # a slug from a hand-edited shortlist file may hold anything
        sys.stdout.write(f"{verb if slug in changed else other}: {sanitize.line(slug)}\n")
    sys.stdout.write(f"{len(current)} career{'s' * (len(current) != 1)} on your shortlist\n")


@shortlist_app.command("add")
@guarded
def shortlist_add(
    careers: Annotated[
        list[str], typer.Argument(help="Careers to add.", autocompletion=complete_career, metavar="CAREER...")
    ],
) -> None:
    """Add careers to your shortlist.

    Example: careers shortlist add medical-records-specialist registered-nurse
    """
    from careerexplorer import commands

    _report("added", "already on the list", *commands.shortlist_add(catalog(), shortlist_path(), careers))


@shortlist_app.command("remove")
@guarded
def shortlist_remove(
    careers: Annotated[
        list[str], typer.Argument(help="Careers to remove.", autocompletion=complete_career, metavar="CAREER...")
    ],
) -> None:
    """Remove careers from your shortlist.

    Example: careers shortlist remove registered-nurse
    """
    from careerexplorer import commands

    _report("removed", "not on the list", *commands.shortlist_remove(catalog(), shortlist_path(), careers))


@shortlist_app.command("list")
@guarded
def shortlist_list(fmt: FormatOpt = Format.table, json_out: JsonOpt = False) -> None:
    """Show your shortlist.

    Example: careers shortlist list
    """
    from careerexplorer import commands

    chosen(fmt, json_out)
    cat = catalog()
    result, missing = commands.shortlist_view(cat, shortlist_path())
    show_result(cat, result, fmt, json_out)
    for slug in missing:
        sys.stderr.write(
            f"careers: warning: {sanitize.message(repr(slug))} on your shortlist is no longer in the catalog\n"
        )


@shortlist_app.command("clear")
@guarded
def shortlist_clear() -> None:
    """Empty your shortlist.

    Example: careers shortlist clear
    """
    from careerexplorer import shortlist

    n, backup = shortlist.clear(shortlist_path())
    if backup:
        sys.stderr.write(
            f"careers: warning: the shortlist was unreadable; a copy is kept at {sanitize.message(backup)}\n"
        )
    sys.stdout.write(f"removed {n} career{'s' * (n != 1)}; your shortlist is empty\n")


@app.command()
@guarded
def explore(
    query: Annotated[
        list[str] | None,
        typer.Argument(help="Words to start with; type more in the app.", show_default=False, metavar="[QUERY]..."),
    ] = None,
    state: StateOpt = None,
) -> None:
    """Browse careers in a full-screen, keyboard-driven explorer: search as you type, pages, shortlist, compare.

    Needs the explore extra: pip install 'careers[explore]'.

    Example: careers explore nurse
    """
    import importlib.util

    if importlib.util.find_spec("textual") is None:
        sys.stderr.write("careers explore needs Textual: pip install 'careers[explore]'\n")
        raise typer.Exit(1)
    from careerexplorer.explore import run

    if state:  # a bad state is one line on stderr before the screen opens, as on every other command
        from careerexplorer import commands

        place = commands.place(catalog(), state, None)
        state = place.states[0] if place else None
    run(" ".join(query or []), state, [*_state["dirs"], *user_dirs_from_env()], shortlist_path())


@app.command()
@guarded
def about(fmt: FormatOpt = Format.table, json_out: JsonOpt = False) -> None:
    """Where the data comes from: sources, vintages, licences and the O*NET attribution.

    Example: careers about
    """
    from careerexplorer import commands

    emit(commands.about(__version__), chosen(fmt, json_out), Output())


@app.command()
@guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Profile files or folders (default: the bundled data and your folders).", show_default=False
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    json_out: JsonOpt = False,
) -> None:
    """Check profiles and print every problem as file:line: key.path: message.

    Exits 0 when every file is clean and 1 otherwise. Unknown keys count as problems here.

    Example: careers validate ~/my-careers
    """
    from careerexplorer import commands

    result = commands.validate(catalog(), paths or [])
    emit(result, chosen(fmt, json_out), Output())
    if result.problems:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the profile format as a JSON Schema, for editors that validate TOML while you type.

    Example: careers schema > profile.schema.json
    """
    from careerexplorer.export import dumps
    from careerexplorer.schema import json_schema

    sys.stdout.write(dumps(json_schema()))


def lean_app(argv: list[str]) -> typer.Typer:
    """The app to run for these arguments: for a plain `careers COMMAND ...`, one that holds only
    that command. Typer builds every command's parameters before it runs one; with a dozen
    commands that is several milliseconds of every start. Help, completion and the shortlist
    group get the full app, so what they list is complete."""
    i = 0
    while i < len(argv) and argv[i].startswith("--data-dir"):
        i += 1 if "=" in argv[i] else 2
    commands = {c.name or c.callback.__name__: c.callback for c in app.registered_commands if c.callback}
    version = argv[i : i + 1] == ["--version"]  # answered by the options alone, before any command
    if not version and (i >= len(argv) or argv[i] not in commands):
        return app
    lean = typer.Typer(name="careers", no_args_is_help=True, rich_markup_mode=None, add_completion=False)
    lean.callback()(main_options)
    if not version:
        lean.command(argv[i])(commands[argv[i]])
    return lean


def main() -> None:
    """Console-script entry point."""
    # A terminal that cannot show a character (LANG=C, an ASCII-only encoding) gets '?' for it,
    # never a UnicodeEncodeError.
    if sys.stderr is None:  # started with 2>&-: messages go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (open for the life of the process)
    if sys.stdout is None:  # started with >&-
        sys.stderr.write("careers: standard output is closed; nothing can be written\n")
        sys.exit(1)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        try:
            lean_app(sys.argv[1:])()
        finally:
            sys.stdout.flush()  # a full disk shows here, where it can still be reported
    except KeyboardInterrupt:
        sys.stderr.write("careers: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:  # stdout on a full disk (ENOSPC), a closed pipe (EPIPE), an I/O error
        # The rest of the output can go nowhere: point stdout at the null device so that the
        # interpreter's own flush at exit has nothing left to fail on.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        if not isinstance(exc, BrokenPipeError):  # a reader that went away needs no message
            sys.stderr.write(f"careers: {sanitize.message(exc.strerror or exc)}\n")
        sys.exit(1)
