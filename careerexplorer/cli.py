"""The `careers` command: parse, call one layer down (careerexplorer.commands), emit, exit.

Each command resolves its options, computes a result and hands it to the one emitter; the
package's errors become one line on stderr and an exit code.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from careerexplorer import __version__, sanitize
from careerexplorer.catalog import Catalog, user_dirs_from_env
from careerexplorer.emit import Format, Output, emit
from careerexplorer.errors import CacheDamaged, CareerError, UsageError

if TYPE_CHECKING:
    import inspect

    from careerexplorer.listing import Filters

HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(name="careers", no_args_is_help=True, rich_markup_mode=None, context_settings=HELP)
SHORTLIST_HELP = "Keep a shortlist of careers you are weighing."
shortlist_app = typer.Typer(help=SHORTLIST_HELP, no_args_is_help=True, rich_markup_mode=None, context_settings=HELP)
app.add_typer(shortlist_app, name="shortlist", short_help=SHORTLIST_HELP)
CONFIG_HELP = "Set a home place (state or area) and a data folder that every command starts from."
config_app = typer.Typer(help=CONFIG_HELP, no_args_is_help=True, rich_markup_mode=None, context_settings=HELP)
app.add_typer(config_app, name="config", short_help=CONFIG_HELP)

EXIT_INTERRUPTED = 130
TEXTUAL = "'textual>=8.0,<9'"  # as the explore extra in pyproject.toml asks (a test checks)
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
            try:
                return fn(*args, **kwargs)
            except CacheDamaged as exc:
                # A page of the cache of the user's profiles found damaged after it was opened:
                # commands print nothing before their result, so the command runs once more, on
                # a cache built anew (in memory, where the damaged one cannot be removed).
                from careerexplorer.usercache import discard

                discard(exc.path)
                sys.stderr.write(
                    f"careers: warning: the cache of your profiles ({sanitize.message(exc.path)}) could not be used "
                    f"({sanitize.message(exc.detail)}); it was rebuilt\n"
                )
                return fn(*args, **kwargs)
        except CacheDamaged as exc:
            raise fail(f"the cache of your profiles ({exc.path}) could not be rebuilt ({exc.detail})") from None
        except CareerError as exc:
            # A profile of the user's that was skipped explains an unknown career: say so first.
            if _state.get("catalog") is not None:
                warn_all(_state["catalog"])
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def catalog() -> Catalog:
    """The catalog for this run: the bundled data and the user's folders (options, then
    CAREERS_PATH, then the data-dir of the user's settings)."""
    _state["catalog"] = Catalog(user_dirs=user_dirs())
    return _state["catalog"]  # type: ignore[no-any-return]


def settings() -> dict[str, str]:
    """The user's settings (careers config), read once a run."""
    if "config" not in _state:
        from careerexplorer.home import config_path, read_config

        _state["config_file"] = config_path()
        _state["config"] = read_config(_state["config_file"])
    return _state["config"]  # type: ignore[no-any-return]


def user_dirs() -> list[Path]:
    saved = settings().get("data-dir")
    return [*_state["dirs"], *user_dirs_from_env(), *([Path(saved)] if saved else [])]


def place(cat: Catalog, state: str | None, area: str | None, national: bool) -> Any:
    """The place a command's wages are for: the options, else the home place (said in a heading)."""
    from careerexplorer import commands

    # A profile file (show -f toml) holds the career's own figures: a home place is for pages.
    national = national or (_state.get("fmt") is Format.toml and state is None and area is None)
    where, _state["note"] = commands.home_place(cat, state, area, national, settings(), _state.get("config_file"))
    return where


def warn_all(cat: Catalog) -> None:
    """Print the catalog's warnings once (guarded prints those left when a command fails)."""
    while cat.warnings:
        sys.stderr.write(f"careers: warning: {sanitize.message(cat.warnings.pop(0))}\n")


def shortlist_path() -> Path:
    from careerexplorer import shortlist

    return shortlist.default_path()


def as_paths(values: list[str], what: str) -> list[Path]:
    """Paths from the command line, taken as text (Typer's own path type stops on a NUL with a
    traceback); a NUL is a usage error, as no file can be named with one."""
    for value in values:
        if "\x00" in value:
            raise fail(f"{what} {value!r}: a file name cannot hold a NUL character", 2)
    return [Path(v) for v in values]


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
        list[str] | None,
        typer.Option("--data-dir", help="Add a folder of your own TOML profiles (repeatable).", metavar="PATH"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Explore U.S. careers offline: pay, schooling, outlook, what to study, and how they compare.

    Example: careers show medical-records-specialist
    """
    folders = as_paths(data_dir or [], "--data-dir")
    for folder in folders:
        try:
            if not folder.is_dir():
                raise fail(f"--data-dir {folder}: not a folder", 2)
        except OSError as exc:  # a name too long for the file system, a loop of links
            raise fail(f"--data-dir: {exc.strerror or exc}: {folder}", 2) from None
    _state["dirs"] = folders
    _state["catalog"] = None
    _state["note"] = _state["fmt"] = None
    _state.pop("config", None)


CareerArg = Annotated[
    list[str],
    typer.Argument(
        help="A slug, O*NET-SOC or SOC code, title or other title (several words need no quotes).",
        autocompletion=complete_career,
        metavar="CAREER",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (the same as --format json).")]
FORMATS = tuple(f.value for f in Format)
SEARCH_SORTS = ("relevance", "title", "salary", "growth", "openings")
LIST_SORTS = ("title", "salary", "growth", "openings", "self-employed")
WAGES_BY = ("mean", "median", "employment", "concentration")


def one_of(valid: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option with a fixed set of values."""
    return lambda incomplete: [v for v in valid if v.startswith(incomplete.lower())]


def choose(value: str, valid: tuple[str, ...], option: str) -> str:
    """The value of an option with a fixed set of values; one line with the valid ones and the
    nearest otherwise (checked here rather than by Typer, whose error is a block of usage)."""
    from careerexplorer.listing import pick

    return pick(value, valid, f"{option} value")


FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Output: table, json, markdown, csv, or toml (show: a profile file).",
        metavar="FORMAT",
        autocompletion=one_of(FORMATS),
    ),
]
EDUCATION_KEYS = (
    "none",
    "high-school",
    "some-college",
    "postsecondary-award",
    "associate",
    "bachelor",
    "master",
    "doctoral",
)
OUTLOOK_KEYS = ("much-faster", "faster", "average", "slower", "little-change", "declining")


def complete_cluster(incomplete: str) -> list[str]:
    """Shell completion: cluster names that start with what was typed."""
    try:
        return [n for n in catalog().clusters.names() if n.lower().startswith(incomplete.lower())]
    except (CareerError, OSError, ValueError):
        return []


def complete_pathway(incomplete: str) -> list[str]:
    """Shell completion: pathway names that start with what was typed."""
    try:
        names = sorted(set(catalog().clusters.pathway_names(None)))
        return [n for n in names if n.lower().startswith(incomplete.lower())]
    except (CareerError, OSError, ValueError):
        return []


def complete_state(incomplete: str) -> list[str]:
    """Shell completion: two-letter state codes."""
    try:
        from careerexplorer import areas

        return [c for c in areas.state_codes(catalog().data_dir) if c.lower().startswith(incomplete.lower())]
    except (CareerError, OSError, ValueError):
        return []


StateOpt = Annotated[
    str | None,
    typer.Option(
        "--state",
        help="Wages for a state: a two-letter code or the name.",
        metavar="STATE",
        autocompletion=complete_state,
    ),
]
NationalOpt = Annotated[bool, typer.Option("--national", help="Wages for the U.S., whatever your home place.")]
AreaOpt = Annotated[
    str | None,
    typer.Option(
        "--area",
        help='Wages for a metropolitan or nonmetropolitan area: a name ("Fargo", "Fargo, ND-MN") or its BLS code.',
        metavar="AREA",
    ),
]
ClusterOpt = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help='Only this career cluster, e.g. "Health Science".',
        metavar="CLUSTER",
        autocompletion=complete_cluster,
    ),
]
PathwayOpt = Annotated[
    str | None,
    typer.Option(
        "--pathway",
        help='Only this pathway, e.g. "Health Informatics".',
        metavar="PATHWAY",
        autocompletion=complete_pathway,
    ),
]
EducationOpt = Annotated[
    str | None,
    typer.Option(
        "--education",
        help="At most this much schooling: " + ", ".join(EDUCATION_KEYS) + ".",
        metavar="LEVEL",
        autocompletion=one_of(EDUCATION_KEYS),
    ),
]
MinSalaryOpt = Annotated[
    str | None,
    typer.Option("--min-salary", help="At least this mean salary a year: 80000, 80k or $80,000.", metavar="PAY"),
]
OutlookOpt = Annotated[
    str | None,
    typer.Option(
        "--outlook",
        help="At least this outlook: " + ", ".join(OUTLOOK_KEYS) + "; or at least this growth in per cent (5).",
        metavar="OUTLOOK",
        autocompletion=one_of(OUTLOOK_KEYS),
    ),
]
BrightOpt = Annotated[bool, typer.Option("--bright-outlook", help="Only careers O*NET flags as Bright Outlook.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most N careers.", metavar="N")]
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


def chosen(fmt: str, json_out: bool) -> Format:
    form = Format(choose(fmt, FORMATS, "--format"))
    if json_out and form not in (Format.table, Format.json):
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return Format.json if json_out else form


def show_result(cat: Catalog, result: Any, fmt: str, json_out: bool) -> None:
    """The end of every data command: warnings about the user's folders, then the result (under a
    heading naming the home place, when its wages are shown)."""
    warn_all(cat)
    form = chosen(fmt, json_out)
    note = _state.get("note")
    if note and form in (Format.table, Format.markdown):  # an edition's name is text from a shared folder
        out = Output()
        if form is Format.markdown:
            out.write(f"*{sanitize.markdown(note)}*\n\n")
        else:  # folded to the page's width, as the page under it is
            import textwrap

            out.write("\n".join(textwrap.wrap(sanitize.line(note), out.width, subsequent_indent="  ")) + "\n\n")
    emit(result, form, Output())


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
        params.append(inspect.Parameter("fmt", by_name, default="table", annotation=FormatOpt))
        params.append(inspect.Parameter("json_out", by_name, default=False, annotation=JsonOpt))
        return own.replace(parameters=params, return_annotation=None)

    def __call__(self, fmt: str, json_out: bool, **options: Any) -> None:
        _state["fmt"] = chosen(fmt, json_out)
        cat = catalog()
        if self.filtered:
            from careerexplorer.listing import Filters

            values = [options.pop(name) for name, _, _ in FILTER_OPTIONS]
            options["filters"] = Filters.parse(cat.clusters, *values)
        show_result(cat, self.fn(cat, **options), fmt, json_out)


@app.command()
@guarded
@ResultCommand
def show(
    cat: Catalog, career: CareerArg, state: StateOpt = None, area: AreaOpt = None, national: NationalOpt = False
) -> Any:
    """Show everything about one career.

    Example: careers show medical-records-specialist --state CA
    """
    from careerexplorer import commands

    return commands.show(cat, " ".join(career), place(cat, state, area, national))


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
    limit: LimitOpt = 10,
    *,
    filters: Filters,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="relevance (best match first), or every good match by title, salary, growth or openings.",
            metavar="ORDER",
            autocompletion=one_of(SEARCH_SORTS),
        ),
    ] = "relevance",
    literal: Annotated[
        bool, typer.Option("--literal", help="Search the words as typed: no limits, values or 'not' read from them.")
    ] = False,
) -> Any:
    """Find careers by what you type.

    Titles, other titles, the work, and what you ask for ("without a degree", "pay over 90k",
    "not math", "job security"): the first line says what was understood, and each result why
    it matched.

    Example: careers search art jobs without a degree
    """
    from careerexplorer import commands

    return commands.search(cat, " ".join(query), filters, limit, choose(sort, SEARCH_SORTS, "--sort"), literal=literal)


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
    national: NationalOpt = False,
) -> Any:
    """Compare 2 to 4 careers side by side.

    With no careers named, compares the careers on your shortlist.

    Example: careers compare medical-records-specialist registered-nurse
    """
    from careerexplorer import commands

    where = place(cat, state, area, national)
    wanted = list(careers or []) or commands.shortlisted_for_compare(shortlist_path())
    return commands.compare(cat, wanted, where)


@app.command("list")
@guarded
@ResultCommand
def list_careers(
    cat: Catalog,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="title, or highest first: salary, growth, openings or self-employed (share working for themselves).",
            metavar="ORDER",
            autocompletion=one_of(LIST_SORTS),
        ),
    ] = "title",
    *,
    filters: Filters,
    state: StateOpt = None,
    area: AreaOpt = None,
    national: NationalOpt = False,
) -> Any:
    """List careers with their pay, schooling and outlook.

    One line a career: title, slug, salary, education and outlook; filters narrow the list.

    Example: careers list --cluster "Health Science" --sort salary
    """
    from careerexplorer import commands

    where = place(cat, state, area, national)
    return commands.list_careers(cat, filters, choose(sort, LIST_SORTS, "--sort"), where)


@app.command()
@guarded
@ResultCommand
def wages(
    cat: Catalog,
    career: CareerArg,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="Rank by mean or median wage, employment, or concentration (jobs compared with the U.S. share).",
            metavar="FIGURE",
            autocompletion=one_of(WAGES_BY),
        ),
    ] = "mean",
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            help="Rank only this state's metropolitan and nonmetropolitan areas.",
            metavar="STATE",
            autocompletion=complete_state,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most N places.", metavar="N")
    ] = 10,
) -> Any:
    """Where a career pays most: states and areas ranked.

    States and metropolitan and nonmetropolitan areas ranked by pay or jobs, with the U.S. for
    reference.

    Example: careers wages medical-records-specialist --by median
    """
    from careerexplorer import commands

    return commands.wages(cat, " ".join(career), choose(by, WAGES_BY, "--by"), state, limit)


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
            metavar="CODE",
            help="Your Holland code: 1 to 3 letters of R I A S E C, e.g. SAC. "
            "Without it, a 30-question quiz works it out.",
        ),
    ] = None,
    education: EducationOpt = None,
    cluster: ClusterOpt = None,
    limit: LimitOpt = 10,
) -> Any:
    """Careers that fit your interests (Holland RIASEC).

    Give your Holland code with --interests, or answer a 30-question quiz.

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
    """Ask the 30 statements; y = would enjoy, m = maybe, n = would not.

    Prompts go to stderr, so that the results (and --json) on stdout stay clean.
    """
    from careerexplorer.match import ANSWERS, QUIZ

    err = sys.stderr
    err.write("For each activity: would you enjoy it? Answer y (yes), m (maybe) or n (no).\n")
    scores: dict[str, int] = {}
    for number, (kind, statement) in enumerate(QUIZ, 1):
        for attempt in range(QUIZ_TRIES + 1):
            if attempt == QUIZ_TRIES:  # endless garbage (a file or a stuck key) must not loop forever
                raise UsageError(
                    f"no answer of y, m or n to statement {number} after {QUIZ_TRIES} tries; or give --interests"
                )
            err.write(f"{number:>2}/{len(QUIZ)}  {statement}? [y/m/n] ")
            err.flush()
            try:
                line = sys.stdin.readline(1000)  # a line without end counts as a few wrong answers
            except UnicodeDecodeError:
                err.write("\n")
                raise UsageError(
                    "an answer to the quiz is not text in the terminal's encoding; "
                    "answer y, m or n, or give --interests"
                ) from None
            if not line:
                err.write("\n")
                raise UsageError("the quiz ended before every statement had an answer; or give --interests")
            answer = line.strip().lower()
            if answer in ANSWERS:
                break
            err.write("  please answer y, m or n\n")
        scores[kind] = scores.get(kind, 0) + ANSWERS[answer]
    return scores


@app.command()
@guarded
@ResultCommand
def clusters(
    cat: Catalog,
    name: Annotated[
        str | None,
        typer.Argument(help='A cluster to open, e.g. "Health Science".', show_default=False, metavar="[CLUSTER]"),
    ] = None,
) -> Any:
    """Browse the 16 Career Clusters and their pathways.

    Each pathway with its high-school course advice and how many careers it holds.

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
    """Where a career leads, and what the next step takes.

    The careers it leads to, with the pay difference, the schooling they add, the skills to
    build and the skills that carry over.

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
def shortlist_list(fmt: FormatOpt = "table", json_out: JsonOpt = False) -> None:
    """Show your shortlist.

    Example: careers shortlist list
    """
    from careerexplorer import commands

    chosen(fmt, json_out)
    cat = catalog()
    result, missing = commands.shortlist_view(cat, shortlist_path())
    show_result(cat, result, fmt, json_out)
    if missing:  # one line, however many: a damaged file may hold millions
        names = ", ".join(sanitize.message(repr(slug[:200]), 120) for slug in missing[:3])
        names += f" and {len(missing) - 3:,} more" if len(missing) > 3 else ""
        sys.stderr.write(
            f"careers: warning: {names} on your shortlist "
            f"{'is' if len(missing) == 1 else 'are'} no longer in the catalog\n"
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


SettingArg = Annotated[str, typer.Argument(help="state, area or data-dir.", metavar="KEY", show_default=False)]


@config_app.command("set")
@guarded
def config_set(
    key: SettingArg,
    value: Annotated[str, typer.Argument(help="A state (ND), an area (Fargo) or a folder.", show_default=False)],
) -> None:
    """Save a setting: your home state or area (every command starts from its wages), or a data folder.

    Example: careers config set state ND
    """
    from careerexplorer import commands
    from careerexplorer.home import config_path

    path = config_path()
    saved, name = commands.config_set(catalog(), path, key, value)
    shown = f"{saved} ({name})" if name and name != saved else saved
    sys.stdout.write(f"{key} = {sanitize.line(shown)}; saved in {sanitize.line(str(path))}\n")


@config_app.command("unset")
@guarded
def config_unset(key: SettingArg) -> None:
    """Forget a setting.

    Example: careers config unset state
    """
    from careerexplorer import commands
    from careerexplorer.home import config_path

    done = commands.config_unset(config_path(), key)
    sys.stdout.write(f"{sanitize.line(key)} {'unset' if done else 'was not set'}\n")


@config_app.command("show")
@guarded
def config_show() -> None:
    """Show your settings, where they are saved, and the home place in effect.

    Example: careers config show
    """
    from careerexplorer import commands

    for line in commands.config_lines(catalog(), settings(), _state["config_file"]):
        sys.stdout.write(sanitize.line(line) + "\n")


@app.command()
@guarded
def new(
    slug: Annotated[
        str,
        typer.Argument(
            help="The new file's slug: a bundled career's to add to it.", show_default=False, metavar="SLUG"
        ),
    ],
    extends: Annotated[
        str | None,
        typer.Option("--extends", help="The career to add to (default: SLUG, when it is a career).", metavar="CAREER"),
    ] = None,
    folder: Annotated[
        Path | None,
        typer.Option("--dir", help="Where to write it (default: your data-dir setting, else here).", metavar="FOLDER"),
    ] = None,
) -> None:
    """Write a commented starting profile, SLUG.toml: an overlay that adds to a career, or a new career.

    Example: careers new medical-records-specialist --dir ~/nd-careers
    """
    from careerexplorer import commands

    cat = catalog()
    where = folder or Path(settings().get("data-dir") or ".")
    path, base = commands.new_profile(cat, slug, extends, where)
    what = f"an overlay of {base}" if base else "a new career"
    sys.stdout.write(
        f"wrote {sanitize.line(str(path))} ({what})\n"
        f"check it with: careers validate {sanitize.line(str(path.parent))}\n"
    )


@app.command()
@guarded
def explore(
    query: Annotated[
        list[str] | None,
        typer.Argument(help="Words to start with; type more in the app.", show_default=False, metavar="[QUERY]..."),
    ] = None,
    state: StateOpt = None,
    national: NationalOpt = False,
) -> None:
    """Browse everything in a full-screen explorer.

    Keyboard-driven: search as you type, career pages, shortlist, compare and the quiz.

    Needs Textual, which the explore extra installs (pip install '.[explore]' in the project folder).

    Example: careers explore nurse
    """
    import importlib.util

    if importlib.util.find_spec("textual") is None:
        # The command for this very environment: careers is installed from its folder, not an index.
        install = f"{sys.executable} -m pip install {TEXTUAL}"
        sys.stderr.write(f"careers: explore needs Textual; install it with: {install}\n")
        raise typer.Exit(1)
    from careerexplorer.explore import run

    # A bad state is one line on stderr before the screen opens, as on every other command. The
    # explorer shows a state's wages or the U.S.': a home area starts it at the U.S.
    where = place(catalog(), state, None, national)
    state = where.states[0] if where is not None and where.kind == "state" else None
    if not on_a_terminal():
        # Without a keyboard to read or a screen to draw on, the explorer would wait for keys that
        # never come, writing screen codes into a file or a pipe.
        raise fail("explore needs a terminal (its input and output are not one); in a script, use 'careers search'")
    run(" ".join(query or []), state, user_dirs(), shortlist_path())


def on_a_terminal() -> bool:
    """Whether standard input, output and error (where Textual draws) are all a terminal."""
    try:
        return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout, sys.stderr))
    except ValueError:  # a closed stream
        return False


@app.command()
@guarded
def about(fmt: FormatOpt = "table", json_out: JsonOpt = False) -> None:
    """Where the data comes from, and its licences.

    Sources, vintages, licences and the O*NET attribution.

    Example: careers about
    """
    from careerexplorer import commands

    emit(commands.about(__version__), chosen(fmt, json_out), Output())


@app.command()
@guarded
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Profile files or folders (default: the bundled data and your folders).",
            show_default=False,
            metavar="[PATH]...",
        ),
    ] = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """Check profiles and list every problem.

    Each problem is printed as file:line: key.path: message.

    Exits 0 when every file is clean and 1 otherwise. Unknown keys count as problems here.

    Example: careers validate ~/my-careers
    """
    from careerexplorer import commands

    result = commands.validate(catalog(), as_paths(paths or [], "a path"))
    emit(result, chosen(fmt, json_out), Output())
    if result.problems:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the profile format as a JSON Schema.

    For editors that check TOML while you type.

    Example: careers schema > profile.schema.json
    """
    from careerexplorer.export import dumps
    from careerexplorer.schema import json_schema

    sys.stdout.write(dumps(json_schema()))


def _summaries(typer_app: typer.Typer) -> None:
    """Each command's summary in the list of commands is its help's first line, whole: the
    default cuts it to fit the terminal's width, mid-phrase."""
    for info in typer_app.registered_commands:
        if info.callback is not None and info.callback.__doc__ and info.short_help is None:
            info.short_help = info.callback.__doc__.strip().splitlines()[0]


_summaries(app)


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
    lean = typer.Typer(
        name="careers", no_args_is_help=True, rich_markup_mode=None, add_completion=False, context_settings=HELP
    )
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
