"""Ranked and listed careers: search results, interest matches, the list, the clusters overview."""

from __future__ import annotations

from rich.text import Text

from careerexplorer import sanitize
from careerexplorer.figures import borrowed, entry_pay, self_employed_pct
from careerexplorer.index import Entry
from careerexplorer.layout import DIM, HEADING, Page, greedy_wrap, text
from careerexplorer.listing import bright_label, education_label, outlook_label
from careerexplorer.results import CareerList, ClusterOverview, Hit, Matches, SearchHits, Shortlist
from careerexplorer.sanitize import text as safe
from careerexplorer.text import plural

SALARY = "AVG. SALARY"  # the seed's word for the mean wage, on every page and list
GRID_MIN = 96  # narrower than this, each result is a block of lines instead of a row of columns


def _facts(e: Entry | None) -> list[str]:
    if e is None:
        return ["not published"] * 3
    return [entry_pay(e) + ("*" if borrowed(e) else ""), education_label(e), _outlook(e)]


def _outlook(e: Entry) -> str:
    """The outlook of a ranked result, with why O*NET flags it Bright Outlook, if it does."""
    reason = bright_label(e)
    return outlook_label(e) + (f"; bright: {reason}" if reason else "")


def ranked(page: Page, rows: list[tuple[str, str, list[str], str]], extra_header: list[str] | None = None) -> None:
    """Ranked careers with their pay, schooling and outlook beside the reason they are listed.

    Rows are (title, slug, [extra values], reason). A wide terminal gets columns; a narrow one a
    block a career. A slug is never cut: where its column is too narrow, the blocks are used, and
    in a block the slug has a line of its own.
    """
    extra_header = extra_header or []
    n = len(str(len(rows)))
    labels = [*extra_header, "AVG. SALARY", "Education", "Outlook"]
    values = [vals for _, _, vals, _ in rows]
    widths = [max([len(label), *(len(v[i]) for v in values)]) for i, label in enumerate(labels)]
    longest_slug = max((len(slug) for _, slug, _, _ in rows), default=0)
    fixed = n + sum(widths) + 2 * (len(widths) + 3)
    free = page.width - fixed
    career_w = max(longest_slug, min(30, free // 2))
    why_w = free - career_w
    if page.width >= GRID_MIN and why_w >= 16:
        table_rows = []
        for i, ((title, slug, _, reason), vals) in enumerate(zip(rows, values, strict=True), 1):
            cell = Text(safe(title), style="bold")
            cell.append("\n" + safe(slug), style=DIM)
            table_rows.append([Text(str(i), style=DIM), cell, *(Text(safe(v)) for v in vals), text(reason)])
        right = (0, *(k + 2 for k, label in enumerate(labels) if label in ("AVG. SALARY", "Fit")))
        page.grid(
            ["#", "Career (and its slug)", *labels, "Why"],
            table_rows,
            [n, career_w, *widths, why_w],
            boxed=False,
            right=right,
        )
        return
    dot = " - " if page.ascii_only else " · "
    for i, ((title, slug, _, reason), vals) in enumerate(zip(rows, values, strict=True), 1):
        head = Text(f"{i:>{n}}  ", style=DIM)
        head.append(safe(title), style="bold")
        page.line(head, 0, hang=n + 2)
        page.add(" " * (n + 2) + safe(slug) + "\n", DIM)  # never wrapped: a slug is one word
        facts = dot.join(
            f"{label}: {v}" if label in extra_header else v for label, v in zip(labels, vals, strict=False)
        )
        page.line(text(facts), n + 2, hang=2)
        page.line(text(reason), n + 2, hang=2)
        page.line()


def _reason(h: Hit) -> str:
    return f"{h.sense}: {h.reason}" if h.sense and not h.reason.startswith(h.sense) else h.reason


def search_page(r: SearchHits, width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    if r.understood:
        # Words of the query come back in it ("not ..."): text from the user, sanitized as the query is.
        page.line(text(sanitize.message("understood: " + "; ".join(r.understood), 300)), 0, hang=2)
        page.line()
    if r.nearest:
        # Nothing answers the query well: one line that says so, then what is nearest and why.
        page.line(text(f"Nothing matches {sanitize.message(repr(r.query), 200)} well. The nearest careers:"), 0, hang=2)
        page.line()
        ranked(page, [(h.title, h.slug, _facts(h.facts), _reason(h)) for h in r.nearest])
        return page.finish()
    if not r.hits:
        near = ", ".join(r.closest) or "none"
        # The query is echoed in part only: a pasted page of text is not printed back whole.
        page.line(text(f"No careers match {sanitize.message(repr(r.query), 200)}. Closest titles: {near}."))
        return page.finish()
    if r.senses:
        # An ambiguous word: say which meanings the results cover, with the best of each.
        said = ", ".join(f"{label} ({', '.join(titles)})" if titles else label for label, titles in r.senses)
        # The words the meanings are of: the topic, when the query asked more ("nursing jobs in Texas").
        words = (r.asks or {}).get("topic") or r.query
        page.line(text(f"{' '.join(words.split())}: {said}"), 0, hang=2)
        page.line()
    ranked(page, [(h.title, h.slug, _facts(h.facts), _reason(h)) for h in r.hits])
    return page.finish()


def match_page(r: Matches, width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    page.line(Text(f"Careers for interests {r.code} ({', '.join(i.title() for i in r.interests)})", style="bold"))
    if not r.matches:
        page.line(Text("No careers match these interests and filters."))
        return page.finish()
    ranked(
        page,
        [(m.entry["title"], m.entry["slug"], [f"{m.fit:.0f}", *_facts(m.entry)], m.why) for m in r.matches],
        ["Fit"],
    )
    return page.finish()


def list_lines(
    entries: list[Entry],
    width: int,
    education: list[str],
    outlook: list[str],
    ascii_only: bool = False,
    last: str = "Outlook",
) -> list[str]:
    """One career a row, in fixed columns, the header first: cheap to lay out for the whole catalog.

    ``width`` 0 means no bound (a file or a pipe): every title whole, with the slug beside it. On a
    terminal the figure columns are as wide as their longest value and the title takes the rest; a
    title that does not fit goes on over more lines of its column, so none is cut (only a title in
    wide characters is, where it must be, with a mark).

    Plain strings, already safe: a Text of a thousand lines costs more to build (Rich scans it
    for control codes) than the rest of the command, so only a terminal gets one (styled_lines).
    """
    salaries = [entry_pay(e) + ("*" if borrowed(e) else "") for e in entries]
    titles = [sanitize.line(e["title"]) for e in entries]
    salary_w = max([len(SALARY), *map(len, salaries)])
    edu_w = max([len("Education"), *map(len, education)])
    outlook_w = max([len(last), *map(len, outlook)])
    if not width:
        title_w = max([len("Career"), *map(len, titles)])
        slugs = [sanitize.line(e.get("slug", "")) for e in entries]
        slug_w = max([len("Slug"), *map(len, slugs)])
        lines = [f"{'Career':<{title_w}} {'Slug':<{slug_w}} {SALARY:>{salary_w}} {'Education':<{edu_w}} {last}"]
        for title, slug, salary, edu, grow in zip(titles, slugs, salaries, education, outlook, strict=True):
            lines.append(f"{title:<{title_w}} {slug:<{slug_w}} {salary:>{salary_w}} {edu:<{edu_w}} {grow}".rstrip())
        return lines
    title_w = max(12, width - salary_w - edu_w - outlook_w - 3)
    head = f"{'Career':<{title_w}} {SALARY:>{salary_w}} {'Education':<{edu_w}} {last:<{outlook_w}}"
    lines = [head[:width].rstrip()]
    for title, salary, edu, grow in zip(titles, salaries, education, outlook, strict=True):
        if not title.isascii():  # wide characters (CJK) take two cells each: measure cells
            from rich.cells import cell_len, set_cell_size

            if cell_len(title) > title_w:
                title = set_cell_size(title, title_w - 1) + ("~" if ascii_only else "…")
            title = set_cell_size(title, title_w)
            lines.append(set_cell_size(f"{title} {salary:>{salary_w}} {edu:<{edu_w}} {grow}", width).rstrip())
            continue
        first, *more = greedy_wrap(title, title_w) or [""]
        lines.append(f"{first:<{title_w}} {salary:>{salary_w}} {edu:<{edu_w}} {grow}"[:width].rstrip())
        lines += ["  " + rest for rest in greedy_wrap(" ".join(more), title_w - 2)] if more else []
    return lines


def styled_lines(lines: list[str]) -> Text:
    """Lines from list_lines for a terminal: the header in bold."""
    out = Text("\n".join(lines), no_wrap=True, overflow="crop")
    out.stylize("bold", 0, len(lines[0]))
    return out


# Narrower than this, a list marks Bright Outlook with "B" and a note; wider, it says why.
BRIGHT_WORDS_MIN = 110


def list_page(r: CareerList | Shortlist, width: int, ascii_only: bool) -> list[str]:
    entries = list(r.entries)
    wide = not width or width >= BRIGHT_WORDS_MIN  # 0: no bound (a file or a pipe)
    outlook = [
        outlook_label(e) + ((f"; bright: {bright_label(e)}" if wide else " B") if e.get("bright_outlook") else "")
        for e in entries
    ]
    # One character marks an occupation's own education here: the list's columns are tight.
    ours = "+" if ascii_only else "†"
    education = [education_label(e).replace(" (ours)", ours) for e in entries]
    if isinstance(r, CareerList) and r.sort == "self-employed":
        last = [self_employed_pct(e.get("self_employed_pct")) for e in entries]
        lines = list_lines(entries, width, education, last, ascii_only, "Self-employed")
    else:
        lines = list_lines(entries, width, education, outlook, ascii_only)
    notes = []
    if any(borrowed(e) for e in entries):
        notes.append("* figures of a broader BLS group (careers BLS counts together)")
    if any(e.get("education_ours") for e in entries):
        notes.append(f"{ours} the occupation's own entry education, from O*NET's survey of it, not its BLS group's")
    if not wide and any(e.get("bright_outlook") for e in entries):
        notes.append("B Bright Outlook (O*NET); a wider terminal, careers show or -f json says why")
    if isinstance(r, CareerList) and r.area:
        notes.append(f"Wages: BLS OEWS, May 2025, {safe(r.area)}")
    lines += [row for note in notes for row in (greedy_wrap(note, width) if width else [note])]
    if isinstance(r, Shortlist) and not r.slugs:
        return ["Your shortlist is empty. Add careers with: careers shortlist add CAREER"]
    return lines


def clusters_page(r: ClusterOverview, width: int, ascii_only: bool) -> Text:
    """Every cluster with its pathways and career counts, or one cluster opened up."""
    page = Page(width, ascii_only)
    clusters, counts, chosen = r.clusters, r.careers, r.chosen
    for c in clusters:
        if chosen and c["name"] != chosen:
            continue
        total = sum(len(counts.get((c["name"], p["name"]), [])) for p in c["pathway"])
        head = Text(safe(c["name"]), style=HEADING)
        head.append(f"  {plural(total, 'career')}", style=DIM)
        page.line(head)
        if chosen:
            page.para(c.get("summary"))
        for p in c["pathway"]:
            careers = counts.get((c["name"], p["name"]), ())
            item = Text(safe(p["name"]), style="bold")
            item.append(f"  {plural(len(careers), 'career')}", style=DIM)
            if chosen:
                page.line()
                page.line(item, 2)
                page.para(p.get("summary"), 4)
                page.line(Text("High-school courses: " + safe(", ".join(p.get("courses", []))), style=""), 4, hang=2)
                if careers:
                    # Titles hold commas ("Electrical and Electronics Repairer, Powerhouse"): semicolons between.
                    names = "; ".join(e["title"] for e in sorted(careers, key=lambda e: -(e.get("employment") or 0)))
                    page.line(Text("Careers: " + safe(names), style=DIM), 4, hang=2)
            else:
                item.append(
                    "; courses: "
                    + safe(", ".join(p.get("courses", [])[:4]))
                    + (", ..." if len(p.get("courses", [])) > 4 else ""),
                    style=DIM,
                )
                page.bullets([item])
        if not chosen:
            page.line()
    return page.unwrapped()
