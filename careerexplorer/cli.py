"""The `careers` command: parse, call one layer down, choose the output, set the exit code."""


import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer
from rich.console import Console

from careerexplorer import __version__, sanitize
from careerexplorer.catalog import Catalog, user_dirs_from_env
from careerexplorer.errors import CareerError, UsageError

app = typer.Typer(
    name="careers",
    no_args_is_help=True,
    rich_markup_mode=None,
)
shortlist_app = typer.Typer(help="Keep a shortlist of careers you are weighing.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(shortlist_app, name="shortlist")

EXIT_INTERRUPTED = 130
_state: dict[str, Any] = {"dirs": []}
F = TypeVar("F", bound=Callable[..., Any])


MIN_WIDTH, MAX_WIDTH = 20, 500  # COLUMNS=10000000 must not mean megabytes of padding


def console() -> Console:
    out = Console(highlight=False, emoji=False, markup=False)
    out.width = min(MAX_WIDTH, max(MIN_WIDTH, out.width))
    return out


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
    _state["catalog"] = Catalog(user_dirs=[*_state["dirs"], *user_dirs_from_env()])
    return _state["catalog"]  # type: ignore[no-any-return]


def warn_all(cat: Catalog) -> None:
    """Print the catalog's warnings once (guarded prints those left when a command fails)."""
    while cat.warnings:
        sys.stderr.write(f"careers: warning: {sanitize.message(cat.warnings.pop(0))}\n")


def emit_text(out: Console, page: Any) -> None:
    """A laid-out page: styled on a colour terminal, plain text otherwise (nothing to render)."""
    if out.is_terminal and not out.no_color:
        out.print(page)
    else:
        sys.stdout.write(page.plain + "\n")


def emit_json(data: Any) -> None:
    sys.stdout.write(sanitize.json_dumps(data) + "\n")


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
        slugs = [p.stem for p in (cat.data_dir / "careers").iterdir()
                 if p.suffix == ".toml" and p.stem.startswith(incomplete)]
        slugs += [s for s in cat.user_profiles if s.startswith(incomplete)]
        return sorted(set(slugs))
    except (CareerError, OSError, ValueError):
        return []


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
    _state["catalog"] = None


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


CareerArg = Annotated[
    str, typer.Argument(help="A slug, O*NET-SOC or SOC code, title or other title.", autocompletion=complete_career,
                        metavar="CAREER")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (the same as --format json).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output: table, json, markdown or csv.")]
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


def chosen(fmt: Format, json_out: bool) -> Format:
    if json_out and fmt not in (Format.table, Format.json):
        raise UsageError("--json and --format are two ways to say the same thing; give one")
    return Format.json if json_out else fmt


def in_state(cat: Catalog, profile: Any, state: str | None) -> Any:
    if not state:
        return profile
    from careerexplorer.states import localize, state_code

    return localize(profile, cat.data_dir, state_code(cat.data_dir, state))


def emit_rows(fmt: Format, rows: tuple[list[str], list[list[Any]]]) -> None:
    from careerexplorer.export import md_table, to_csv

    header, body = rows
    if fmt is Format.csv:
        sys.stdout.write(to_csv(header, body))
    else:
        sys.stdout.write(md_table(header, [["" if c is None else str(c) for c in row] for row in body]))


@app.command()
@guarded
def show(career: CareerArg, state: StateOpt = None, fmt: FormatOpt = Format.table, json_out: JsonOpt = False) -> None:
    """Show everything about one career.

    Example: careers show medical-records-specialist --state CA
    """
    fmt = chosen(fmt, json_out)
    cat = catalog()
    profile = in_state(cat, cat.resolve_profile(career), state)
    warn_all(cat)
    pathway = cat.clusters.pathway(profile.cluster, profile.pathway)
    if fmt is Format.json:
        from careerexplorer.export import versioned

        emit_json(versioned(profile.to_dict()))
    elif fmt is Format.markdown:
        from careerexplorer.export import profile_markdown

        sys.stdout.write(profile_markdown(profile, pathway))
    elif fmt is Format.csv:
        from careerexplorer.export import profile_rows

        emit_rows(fmt, profile_rows(profile))
    else:
        from careerexplorer.render import career_page

        out = console()
        emit_text(out, career_page(profile, pathway, out.width, out.options.ascii_only))


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
    fmt: FormatOpt = Format.table,
    json_out: JsonOpt = False,
) -> None:
    """Find careers by title, other titles, certifications, cluster, pathway or summary.

    Example: careers search coding --education associate
    """
    from careerexplorer.listing import Filters, ordered

    fmt = chosen(fmt, json_out)
    cat = catalog()
    filters = Filters(cat, cluster, pathway, education, min_salary, outlook, bright_outlook)
    results = cat.rank(query, filters.apply(cat.entries) if filters.active else None, limit=limit)
    if sort is not SearchSort.relevance:
        facts = [cat.by_slug[r.slug] for r in results]
        position = {e["slug"]: i for i, e in enumerate(ordered(facts, sort.value))}
        results.sort(key=lambda r: position[r.slug])
    warn_all(cat)
    if fmt is Format.json:
        from careerexplorer.export import versioned

        emit_json([versioned(r.to_dict()) for r in results])
    elif fmt in (Format.markdown, Format.csv):
        from careerexplorer.export import search_rows

        emit_rows(fmt, search_rows(results))
    elif not results:
        from careerexplorer.search import closest_titles

        near = ", ".join(e["title"] for e in closest_titles(query, cat.entries)) or "none"
        sys.stdout.write(sanitize.message(f"No careers match {query!r}. Closest titles: {near}.") + "\n")
    else:
        from careerexplorer.render import search_results

        out = console()
        emit_text(out, search_results(results, out.width, out.options.ascii_only))


@app.command()
@guarded
def compare(
    careers: Annotated[
        Optional[list[str]],
        typer.Argument(help="2 to 4 careers (slugs, codes or titles); none compares your shortlist.",
                       autocompletion=complete_career, show_default=False, metavar="[CAREER]..."),
    ] = None,
    state: StateOpt = None,
    fmt: FormatOpt = Format.table,
    json_out: JsonOpt = False,
) -> None:
    """Compare 2 to 4 careers side by side, or the careers on your shortlist.

    Example: careers compare medical-records-specialist registered-nurse
    """
    fmt = chosen(fmt, json_out)
    cat = catalog()
    wanted = list(careers or [])
    if not wanted:
        from careerexplorer import shortlist

        wanted = shortlist.read(shortlist.default_path())
        if len(wanted) < 2:
            raise UsageError(f"your shortlist has {len(wanted)} career{'s' * (len(wanted) != 1)}; add some with "
                             "'careers shortlist add CAREER', or name 2 to 4 careers")
        wanted = wanted[:4]
    if not 2 <= len(wanted) <= 4:
        raise UsageError(f"compare takes 2 to 4 careers, got {len(wanted)}")
    profiles = [in_state(cat, cat.resolve_profile(c), state) for c in wanted]
    warn_all(cat)
    if fmt is Format.json:
        from careerexplorer.export import versioned

        emit_json([versioned(p.to_dict()) for p in profiles])
    elif fmt in (Format.markdown, Format.csv):
        from careerexplorer.export import compare_rows

        emit_rows(fmt, compare_rows(profiles))
    else:
        from careerexplorer.render import comparison

        out = console()
        emit_text(out, comparison(profiles, out.width, out.options.ascii_only))


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
    fmt: FormatOpt = Format.table,
    json_out: JsonOpt = False,
) -> None:
    """List every career, one line each: title, salary, education, outlook.

    Example: careers list --cluster "Health Science" --sort salary
    """
    from careerexplorer.listing import Filters, education_labels, ordered

    fmt = chosen(fmt, json_out)
    cat = catalog()
    filters = Filters(cat, cluster, pathway, education, min_salary, outlook, bright_outlook, state)
    entries = ordered(filters.apply(cat.entries), sort.value)
    warn_all(cat)
    if fmt is Format.json:
        from careerexplorer.export import versioned

        emit_json([versioned(e) for e in entries])
        return
    if fmt in (Format.markdown, Format.csv):
        from careerexplorer.export import list_rows

        emit_rows(fmt, list_rows(entries, education_labels(entries)))
        return
    print_lines(entries)


def print_lines(entries: list[dict[str, Any]]) -> None:
    """Careers one a line: styled on a colour terminal, plain text otherwise."""
    from careerexplorer.listing import education_labels, outlook_labels
    from careerexplorer.render import list_lines, styled_lines

    out = console()
    lines = list_lines(entries, out.width, education_labels(entries), outlook_labels(entries), out.options.ascii_only)
    if out.is_terminal and not out.no_color:
        out.print(styled_lines(lines))
    else:
        sys.stdout.write("\n".join(lines) + "\n")


@app.command()
@guarded
def match(
    interests: Annotated[
        Optional[str],
        typer.Option("--interests", "-i", help="Your Holland code: 1 to 3 letters of R I A S E C, e.g. SAC. "
                     "Without it, a 30-question quiz works it out."),
    ] = None,
    education: EducationOpt = None,
    cluster: ClusterOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most N careers.")] = 10,
    json_out: JsonOpt = False,
) -> None:
    """Rank careers by how well they fit your interests (Holland RIASEC).

    Example: careers match --interests SAC --education associate
    """
    from careerexplorer.listing import Filters
    from careerexplorer.match import code_from_answers, explain, parse_code, rank

    cat = catalog()
    filters = Filters(cat, cluster=cluster, education=education)
    chosen_interests = parse_code(interests) if interests is not None else code_from_answers(ask_quiz())
    matches = rank(chosen_interests, filters.apply(cat.entries), limit)
    warn_all(cat)
    code = "".join(n[0].upper() for n in chosen_interests)
    if json_out:
        from careerexplorer.export import versioned

        emit_json([versioned({"slug": e["slug"], "title": e["title"], "onet_code": e["onet_code"], "fit": f,
                              "interests": code, "why": explain(chosen_interests, e)}) for e, f in matches])
        return
    from careerexplorer.render import match_results

    out = console()
    why = [explain(chosen_interests, e) for e, _ in matches]
    emit_text(out, match_results(code, chosen_interests, matches, why, out.width, out.options.ascii_only))


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
                raise UsageError(f"no answer of y, ? or n to statement {number} after {QUIZ_TRIES} tries; "
                                 "or give --interests")
            err.write(f"{number:>2}/{len(QUIZ)}  {statement}? [y/?/n] ")
            err.flush()
            try:
                line = sys.stdin.readline(1000)  # a line without end counts as a few wrong answers
            except UnicodeDecodeError:
                err.write("\n")
                raise UsageError("an answer to the quiz is not text in the terminal's encoding; "
                                 "answer y, ? or n, or give --interests") from None
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
def clusters(
    name: Annotated[Optional[str], typer.Argument(help="A cluster to open, e.g. \"Health Science\".", show_default=False)] = None,
    json_out: JsonOpt = False,
) -> None:
    """Browse the 16 Career Clusters and their pathways, with course advice and career counts.

    Example: careers clusters "Health Science"
    """
    from careerexplorer.listing import pick

    cat = catalog()
    counts: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in cat.entries:
        counts.setdefault((e["cluster"], e["pathway"]), []).append(e)
    chosen_cluster = pick(name, cat.clusters.names(), "cluster") if name else None
    warn_all(cat)
    if json_out:
        emit_json([{"name": c["name"], "summary": c.get("summary"), "careers": sum(len(counts.get((c["name"], p["name"]), []))
                    for p in c["pathway"]), "pathways": [
            {"name": p["name"], "summary": p.get("summary"), "courses": p.get("courses", []),
             "careers": [e["slug"] for e in counts.get((c["name"], p["name"]), [])]} for p in c["pathway"]]}
            for c in cat.clusters.clusters if chosen_cluster in (None, c["name"])])
        return
    from careerexplorer.render import cluster_overview

    out = console()
    out.print(cluster_overview(cat.clusters.clusters, counts, chosen_cluster, out.width, out.options.ascii_only))


@shortlist_app.command("add")
@guarded
def shortlist_add(
    careers: Annotated[list[str], typer.Argument(help="Careers to add.", autocompletion=complete_career, metavar="CAREER...")],
) -> None:
    """Add careers to your shortlist.

    Example: careers shortlist add medical-records-specialist registered-nurse
    """
    from careerexplorer import shortlist

    cat = catalog()
    slugs = [cat.resolve(c) for c in careers]
    current, added = shortlist.add(shortlist.default_path(), slugs)
    for slug in slugs:
        sys.stdout.write(f"{'added' if slug in added else 'already on the list'}: {slug}\n")
    sys.stdout.write(f"{len(current)} career{'s' * (len(current) != 1)} on your shortlist\n")


@shortlist_app.command("remove")
@guarded
def shortlist_remove(
    careers: Annotated[list[str], typer.Argument(help="Careers to remove.", autocompletion=complete_career, metavar="CAREER...")],
) -> None:
    """Remove careers from your shortlist.

    Example: careers shortlist remove registered-nurse
    """
    from careerexplorer import shortlist

    path = shortlist.default_path()
    on_list = shortlist.read(path)
    cat = catalog()
    slugs = [c if c in on_list else cat.resolve(c) for c in careers]
    current, removed = shortlist.remove(path, slugs)
    for slug in slugs:  # a slug from a hand-edited shortlist file may hold anything
        sys.stdout.write(f"{'removed' if slug in removed else 'not on the list'}: {sanitize.line(slug)}\n")
    sys.stdout.write(f"{len(current)} career{'s' * (len(current) != 1)} on your shortlist\n")


@shortlist_app.command("list")
@guarded
def shortlist_list(json_out: JsonOpt = False) -> None:
    """Show your shortlist.

    Example: careers shortlist list
    """
    from careerexplorer import shortlist

    slugs = shortlist.read(shortlist.default_path())
    cat = catalog()
    entries = [cat.by_slug[s] for s in slugs if s in cat.by_slug]
    if json_out:
        emit_json(slugs)
        return
    if not slugs:
        sys.stdout.write("Your shortlist is empty. Add careers with: careers shortlist add CAREER\n")
        return
    print_lines(entries)
    for slug in slugs:
        if slug not in cat.by_slug:
            sys.stderr.write(f"careers: warning: {sanitize.message(repr(slug))} on your shortlist is no longer in the catalog\n")


@shortlist_app.command("clear")
@guarded
def shortlist_clear() -> None:
    """Empty your shortlist.

    Example: careers shortlist clear
    """
    from careerexplorer import shortlist

    n, backup = shortlist.clear(shortlist.default_path())
    if backup:
        sys.stderr.write(f"careers: warning: the shortlist was unreadable; a copy is kept at {sanitize.message(backup)}\n")
    sys.stdout.write(f"removed {n} career{'s' * (n != 1)}; your shortlist is empty\n")


@app.command()
@guarded
def about() -> None:
    """Where the data comes from: sources, vintages, licences and the O*NET attribution.

    Example: careers about
    """
    from rich.text import Text

    from careerexplorer.sources import ONET_ATTRIBUTION, SOURCES

    page = Text(f"careers {__version__}: a terminal career explorer.\n\nData sources:\n")
    for source, used_for, vintage, licence, url in SOURCES:
        page.append(f"\n  {source}\n", style="bold")
        page.append(f"    used for: {used_for}\n    vintage: {vintage}\n    licence: {licence}\n    published at: {url}\n")
    page.append("\nAttribution\n", style="bold")
    page.append(ONET_ATTRIBUTION + "\n")
    page.append(
        "\nWage figures are BLS OEWS estimates, which do not include self-employed workers. "
        "Summaries, course advice and certification lists are written by the careers project.\n"
    )
    console().print(page)


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
    for problem in problems:  # file names and keys come from the files checked: one line each
        sys.stdout.write(f"{sanitize.message(problem)}\n")
    for note in notes:
        sys.stdout.write(f"{sanitize.message(note)}\n")
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


def lean_app(argv: list[str]) -> typer.Typer:
    """The app to run for these arguments: for a plain `careers COMMAND ...`, one that holds only
    that command. Typer builds every command's parameters before it runs one; with a dozen
    commands that is several milliseconds of every start. Help, completion and the shortlist
    group get the full app, so what they list is complete."""
    i = 0
    while i < len(argv) and argv[i].startswith("--data-dir"):
        i += 1 if "=" in argv[i] else 2
    commands = {c.name or c.callback.__name__: c.callback for c in app.registered_commands if c.callback}
    if i >= len(argv) or argv[i] not in commands:
        return app
    lean = typer.Typer(name="careers", no_args_is_help=True, rich_markup_mode=None, add_completion=False)
    lean.callback()(main_options)
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
