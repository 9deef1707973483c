"""Profiles and results to Rich renderables. Never reads files, never prints, never exits.

Every piece of profile text goes through ``safe`` and into a ``Text`` object, so Rich markup and
terminal control sequences in data are shown as inert text.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from careerexplorer import sanitize
from careerexplorer.model import Profile, Wages

HEADING = "bold cyan"
DIM = "dim"
NOT_PUBLISHED = "not published"


# Text from data with every control made visible (ESC becomes \\x1b), newlines kept: the
# package's one sanitizer (careerexplorer.sanitize).
safe = sanitize.text


def text(value: Any, style: str = "") -> Text:
    return Text(safe(value), style=style)


def money(value: float | None, at_least: bool = False) -> str:
    if value is None:
        return NOT_PUBLISHED
    return f"${value:,.0f}" + ("+" if at_least else "")


def hourly(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"${value:,.2f}/hr"


def count(value: int | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:,}"


def growth(value: float | None) -> str:
    return NOT_PUBLISHED if value is None else f"{value:+.1f}%"


def wage(w: Wages | None, name: str) -> str:
    if w is None:
        return NOT_PUBLISHED
    return money(getattr(w, name), name in w.at_least)


class Page:
    """A career page laid out as plain lines of styled text.

    Wrapping each paragraph once, with its indent and hanging indent, costs a fraction of what
    nested Rich tables and paddings cost to measure, and the show command's start-up counts.
    """

    def __init__(self, width: int, ascii_only: bool) -> None:
        self.width = max(20, width)
        self.ascii_only = ascii_only
        self.text = Text()
        self._console = _measure_console(self.width)

    def line(self, content: Text | str = "", indent: int = 0, hang: int = 0, first: str = "") -> None:
        """Append content wrapped to the width; later lines hang under the first line's text."""
        body = content if isinstance(content, Text) else Text(content)
        indent = min(indent, max(0, self.width - hang - 8))  # a narrow terminal gives up indent first
        room = max(4, self.width - indent - hang)
        plain = body.plain
        if not body.spans and plain.isascii() and plain.isprintable() and "  " not in plain.strip(" "):
            # One style, one cell a character: a greedy split on spaces is all Rich would do.
            rows = [Text(row, style=body.style) for row in greedy_wrap(plain, room)]
        else:
            rows = list(body.wrap(self._console, room)) or [Text()]
        for i, row in enumerate(rows):
            self.text.append(" " * indent + (first if i == 0 else " " * hang))
            row.rstrip()
            self.text.append_text(row)
            self.text.append("\n")

    def finish(self) -> Text:
        """The laid-out page: already wrapped, so Rich prints it without wrapping it again."""
        self.text.rstrip()
        self.text.no_wrap = True
        self.text.overflow = "crop"
        return self.text

    def wrapped(self, parts: list[Text], width: int) -> list[Text]:
        lines: list[Text] = []
        for part in parts:
            lines.extend(part.wrap(self._console, width))
        return lines

    def boxed(self, rows: list[Text], inner: int) -> None:
        """Rows inside a rounded box (ASCII corners where the terminal needs them)."""
        tl, tr, bl, br, h, v = ("+", "+", "+", "+", "-", "|") if self.ascii_only else ("╭", "╮", "╰", "╯", "─", "│")
        self.text.append(tl + h * (inner + 2) + tr + "\n")
        for row in rows:
            row.truncate(inner, pad=True)
            self.text.append(v + " ")
            self.text.append_text(row)
            self.text.append(" " + v + "\n")
        self.text.append(bl + h * (inner + 2) + br + "\n")

    def cell_lines(self, cell: Text, width: int) -> list[Text]:
        """One table cell wrapped to its column; a long word (a slug) is cut, never lost."""
        out: list[Text] = []
        for piece in cell.split("\n", allow_blank=True):
            plain = piece.plain
            if not piece.spans and plain.isascii() and plain.isprintable():
                out += [Text(row, style=piece.style) for row in greedy_wrap(plain, width)]
            else:
                out += list(piece.wrap(self._console, width, overflow="fold")) or [Text()]
        return out

    def grid(self, header: list[str], rows: list[list[Text]], widths: list[int], boxed: bool,
             right: tuple[int, ...] = ()) -> None:
        """A table of wrapped cells: boxed with lines between rows, or open with a rule under the
        header. Columns in ``right`` are right-aligned."""
        if boxed:
            tl, tm, tr, ml, mm, mr, bl, bm, br, h, v = (
                "+++++++++-|" if self.ascii_only else "╭┬╮├┼┤╰┴╯─│")
        else:
            h, v = ("-" if self.ascii_only else "─"), " "

        def rule(left: str, mid: str, end: str) -> None:
            self.text.append(left + mid.join(h * (w + 2) for w in widths) + end + "\n")

        def emit(cells: list[Text]) -> None:
            wrapped = [self.cell_lines(c, w) for c, w in zip(cells, widths)]
            for r in range(max(len(x) for x in wrapped)):
                self.text.append(v if boxed else "")
                for i, (lines, w) in enumerate(zip(wrapped, widths)):
                    piece = lines[r].copy() if r < len(lines) else Text()
                    piece.rstrip()
                    piece.truncate(w)
                    if i in right:
                        piece.pad_left(w - piece.cell_len)
                    else:
                        piece.pad_right(w - piece.cell_len)
                    self.text.append(" ")
                    self.text.append_text(piece)
                    self.text.append(" " + v if boxed else " ")
                if not boxed:
                    self.text.rstrip()
                self.text.append("\n")

        if boxed:
            rule(tl, tm, tr)
        emit([Text(hd, style="bold") for hd in header])
        if boxed:
            for i, row in enumerate(rows):
                rule(ml, mm, mr)
                emit(row)
            rule(bl, bm, br)
        else:
            self.text.append(h * min(self.width, sum(widths) + 2 * len(widths)) + "\n")
            for row in rows:
                emit(row)

    def heading(self, title: str) -> None:
        self.text.append("\n")
        self.line(Text(title, style=HEADING))

    def para(self, content: Text | str | None, indent: int = 2) -> None:
        if content:
            self.line(content if isinstance(content, Text) else text(content), indent)

    def bullets(self, items: list[Any] | tuple[Any, ...], indent: int = 2) -> None:
        mark = "- " if self.ascii_only else "• "
        for item in items:
            self.line(item if isinstance(item, Text) else text(item), indent, hang=2, first=mark)

    def labelled(self, label: str, value: str, indent: int = 2, label_width: int = 14) -> None:
        label = safe(label)
        if indent + label_width + 20 > self.width:  # too narrow for two columns: label above
            self.line(Text(label, style="bold"), indent)
            self.line(text(value), indent + 2)
            return
        head = f"{label:<{label_width}}"
        self.line(text(value), indent, hang=label_width, first=head)


def greedy_wrap(plain: str, width: int) -> list[str]:
    """Words into lines of at most width characters; a longer word is cut into pieces."""
    rows: list[str] = []
    current = ""
    for word in plain.split():
        while len(word) > width:
            if current:
                rows.append(current)
                current = ""
            rows.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            rows.append(current)
            current = word
    rows.append(current)
    return rows


def _measure_console(width: int) -> Any:
    """A console that only measures and wraps text; it never writes anywhere."""
    from rich.console import Console

    return Console(width=width, color_system=None, file=_NullFile())


class _NullFile:
    def write(self, data: str) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def key_facts(page: Page, p: Profile) -> None:
    """The three key facts, AVG. SALARY, EDUCATION and JOB OUTLOOK, side by side in a box.

    Drawn by hand, in three columns: a Rich table and panel here cost more start-up than the
    whole rest of the page.
    """
    salary = [Text(wage(p.wages, "mean"), style="bold green")]
    if p.wages:
        salary.append(Text(f"{safe(p.wages.period)}, {safe(p.wages.area)}", style=DIM))
    education = [Text(safe(p.education.label) if p.education else NOT_PUBLISHED, style="bold")]
    outlook = [Text(safe(p.outlook.label) if p.outlook and p.outlook.label else NOT_PUBLISHED, style="bold")]
    if p.outlook and p.outlook.change_pct is not None:
        outlook.append(Text(f"{growth(p.outlook.change_pct)} jobs, {safe(p.outlook.period)}", style=DIM))
    if p.bright_outlook:
        outlook.append(Text("Bright Outlook", style="bold yellow"))
    columns = [("AVG. SALARY", salary), ("EDUCATION", education), ("JOB OUTLOOK", outlook)]
    inner = page.width - 4  # the box's borders and a space inside each
    if inner >= 3 * 14:
        col = (inner - 4) // 3
        cells = [[Text(label, style="bold"), *page.wrapped(parts, col)] for label, parts in columns]
        rows: list[Text] = []
        for r in range(max(len(c) for c in cells)):
            row = Text()
            for i, cell in enumerate(cells):
                piece = cell[r] if r < len(cell) else Text()
                piece.truncate(col, pad=True)
                row.append_text(piece)
                row.append("  " if i < 2 else "")
            rows.append(row)
    else:  # too narrow for columns: one fact under another
        rows = []
        for label, parts in columns:
            rows.append(Text(label, style="bold"))
            rows.extend(page.wrapped(parts, inner))
    page.boxed(rows, inner)


def header(page: Page, p: Profile) -> None:
    page.line(Text(safe(p.title), style="bold"))
    dot = "-" if page.ascii_only else "·"
    page.line(Text(f"O*NET-SOC {safe(p.onet_code)}  {dot}  SOC {safe(p.soc_code)}", style=DIM))
    page.line(text(p.summary))
    if p.also_called:
        also = Text("Also called: ", style=DIM)
        also.append(safe(", ".join(p.also_called)))
        page.line(also)


def what_to_learn(page: Page, p: Profile, pathway: dict[str, Any] | None) -> None:
    page.heading("What To Learn")
    page.line(Text("High School", style="bold"), 2)
    intro = Text("What high school courses should you take? The ")
    intro.append(safe(p.cluster), style="bold")
    intro.append(" cluster, ")
    intro.append(safe(p.pathway), style="bold")
    intro.append(" pathway, recommends:")
    page.para(intro)
    if pathway and pathway.get("courses"):
        page.bullets(pathway["courses"])
    if p.courses:
        page.para(Text("For this career in particular:"))
        page.bullets(p.courses)
    if p.programs_note or p.programs:
        page.line()
        page.line(Text("Beyond High School", style="bold"), 2)
        page.para(p.programs_note)
        if p.programs:
            page.para(Text("Programs to consider:"))
            items = []
            for prog in p.programs:
                item = text(prog.title)
                item.append(f" (CIP {safe(prog.cip)})", style=DIM)
                if prog.note:
                    item.append(f": {safe(prog.note)}")
                items.append(item)
            page.bullets(items)


def education_level(page: Page, p: Profile) -> None:
    e = p.education
    if e is None and not p.education_note and p.job_zone is None:
        return
    page.heading("Education Level")
    if e:
        page.para(Text(safe(e.label), style="bold"))
    page.para(p.education_note)
    if e:
        page.para(Text(f"Typical entry (BLS): {safe(e.typical_entry)}", style=DIM))
        page.para(Text(f"Work experience: {safe(e.experience or NOT_PUBLISHED)}", style=DIM))
        page.para(Text(f"On-the-job training: {safe(e.training or NOT_PUBLISHED)}", style=DIM))
    if p.job_zone:
        page.para(Text(f"O*NET job zone {p.job_zone} of 5", style=DIM))


def insider_info(page: Page, p: Profile) -> None:
    if not p.insider:
        return
    page.heading("Insider Info")
    open_q, close_q, dash = ('"', '"', "-") if page.ascii_only else ("“", "”", "—")
    for person in p.insider:
        who = Text(safe(person.name), style="bold")
        who.append(f", {safe(person.role)}, {safe(person.organization)}")
        page.para(who)
        for point in person.points:
            page.para(point)
        for quote in person.quotes:
            q = Text(f"{open_q}{safe(quote)}{close_q}", style="italic")
            q.append(f" {dash} {safe(person.name)}", style=DIM)
            page.para(q, indent=4)


def extra_requirements(page: Page, p: Profile) -> None:
    if not p.certifications and not p.requirements_note:
        return
    page.heading("Extra Requirements")
    page.para(p.requirements_note)
    items = []
    for c in p.certifications:
        item = Text(f"{safe(c.abbr)}: " if c.abbr else "", style="bold")
        item.append(safe(c.name))
        item.append(f" ({safe(c.issuer)})", style=DIM)
        if c.kind == "license":
            item.append(" license", style="yellow")
        if c.note:
            item.append(f". {safe(c.note)}")
        items.append(item)
    page.bullets(items)


def additional_information(page: Page, p: Profile) -> None:
    if not p.additional_info and not p.resources:
        return
    page.heading("Additional Information")
    for par in p.additional_info:
        page.para(par)
    if p.resources:
        page.para(Text("For more information, visit these websites:"))
        items = []
        for r in p.resources:
            item = text(r.name)
            item.append(f": {safe(r.url)}", style="blue")
            items.append(item)
        page.bullets(items)


def salary_bar(w: Wages, width: int, ascii_only: bool, scale: tuple[float, float] | None = None) -> Text:
    """The 10th-90th percentile range as a bar, the median marked, on a shared scale if given."""
    low, high = scale or (w.p10 or 0, w.p90 or 0)
    if w.p10 is None or w.p90 is None or high <= low:
        return Text(NOT_PUBLISHED, style=DIM)
    width = max(width, 10)

    def col(value: float) -> int:
        return min(width - 1, max(0, round((value - low) / (high - low) * (width - 1))))

    fill, mark = ("=", "|") if ascii_only else ("━", "┃")
    start, end = col(w.p10), col(w.p90)
    bar = Text(" " * start)
    if w.median is None:
        bar.append(fill * (end - start + 1), style="green")
        return bar
    m = col(w.median)
    bar.append(fill * (m - start), style="green")
    bar.append(mark, style="bold")
    bar.append(fill * (end - m), style="green")
    return bar


def salary_range(page: Page, p: Profile) -> None:
    w = p.wages
    if w is None:
        return
    page.heading(f"Salary Range ({safe(w.area)}, {safe(w.period)})")
    if w.p10 is None and w.mean is None:
        page.para(Text(f"{safe(w.area)}: {NOT_PUBLISHED} for this occupation", style=DIM))
        return
    page.line(salary_bar(w, max(10, min(60, page.width - 8)), page.ascii_only), 2)
    dot = "-" if page.ascii_only else "·"
    page.para(f"10th percentile {wage(w, 'p10')}  {dot}  median {wage(w, 'median')}  {dot}  90th percentile {wage(w, 'p90')}")
    names = ("p10", "p25", "median", "p75", "p90")
    cells = [wage(w, n) for n in names]
    cell_w = max(9, *(len(c) for c in cells))
    if 2 + 5 * (cell_w + 1) <= page.width:
        page.line(Text("".join(f"{h:>{cell_w}} " for h in ("10th", "25th", "Median", "75th", "90th")).rstrip(), style="bold"), 2)
        page.line(Text("".join(f"{c:>{cell_w}} " for c in cells).rstrip()), 2)
    page.para(Text(
        f"Mean {wage(w, 'mean')} a year ({hourly(w.hourly_mean)}); median {hourly(w.hourly_median)}; "
        f"{count(w.employment)} jobs",
        style=DIM,
    ))
    if w.basis_code:
        page.para(Text(f"Figures for the BLS group {safe(w.basis_code)} {safe(w.basis_title or '')}".rstrip(), style=DIM))
    if p.outlook and p.outlook.openings is not None:
        o = p.outlook
        page.para(Text(
            f"Outlook {safe(o.period)}: {count(o.employment_start)} to {count(o.employment_end)} jobs "
            f"({growth(o.change_pct)}), about {count(o.openings)} openings a year",
            style=DIM,
        ))


def work_style(page: Page, p: Profile) -> None:
    rows = []
    if p.interests:
        top = sorted(p.interests, key=lambda kv: -kv[1])[:3]
        rows.append(("Interests", f"{p.interest_code}: " + ", ".join(f"{k.title()} {v:.1f}" for k, v in top)))
    for label, items in (("Skills", p.skills), ("Knowledge", p.knowledge), ("Technology", p.technology)):
        if items:
            rows.append((label, ", ".join(items)))
    if p.cluster_2024:
        rows.append(("2024 cluster", f"{p.cluster_2024} / {p.subcluster_2024 or NOT_PUBLISHED}"))
    if not rows:
        return
    page.heading("Interests and Skills")
    for label, value in rows:
        page.labelled(label, value)


def related_careers(page: Page, p: Profile) -> None:
    if not p.related:
        return
    page.heading("Related Careers")
    items = []
    for rel in p.related:
        item = text(rel.title)
        item.append(f"  ({safe(rel.slug)})", style=DIM)
        items.append(item)
    page.bullets(items)


def sources_footer(page: Page, p: Profile) -> None:
    if p.sources:
        page.line()
        page.line(Text("Sources:", style=DIM))
        for s in p.sources:
            page.line(Text(safe(s), style=DIM), 2, hang=2)


def career_page(p: Profile, pathway: dict[str, Any] | None, width: int, ascii_only: bool) -> Text:
    """Every section of a career, in the seed page's order; empty sections are left out.

    One Text, already wrapped to the width: Rich prints it without laying it out again, and
    where colour is off its plain text can be written as it is.
    """
    page = Page(width, ascii_only)
    header(page, p)
    page.line()
    key_facts(page, p)
    what_to_learn(page, p, pathway)
    education_level(page, p)
    insider_info(page, p)
    extra_requirements(page, p)
    additional_information(page, p)
    salary_range(page, p)
    work_style(page, p)
    related_careers(page, p)
    sources_footer(page, p)
    return page.finish()


# --- compare -------------------------------------------------------------------------------


def compare_rows(profiles: list[Profile]) -> list[list[Text]]:
    """The rows of the side-by-side table; the best value of each numeric row in bold green."""
    rows: list[list[Text]] = []

    def numeric(label: str, values: list[float | None], shown: list[str]) -> None:
        present = [v for v in values if v is not None]
        best = max(present) if len(present) > 1 else None
        rows.append([Text(label, style="bold"),
                     *(Text(s, style="bold green" if v is not None and v == best else "") for v, s in zip(values, shown))])

    def plain(label: str, shown: list[str]) -> None:
        rows.append([Text(label, style="bold"), *(text(s) for s in shown)])

    ws = [p.wages for p in profiles]
    os_ = [p.outlook for p in profiles]
    numeric("AVG. SALARY", [w.mean if w else None for w in ws], [wage(w, "mean") for w in ws])
    numeric("Median", [w.median if w else None for w in ws], [wage(w, "median") for w in ws])
    plain("Range (10th-90th)", [f"{wage(w, 'p10')} - {wage(w, 'p90')}" for w in ws])
    plain("Education", [p.education.label if p.education else NOT_PUBLISHED for p in profiles])
    plain("Outlook", [(o.label or NOT_PUBLISHED) if o else NOT_PUBLISHED for o in os_])
    numeric("Growth", [o.change_pct if o else None for o in os_], [growth(o.change_pct if o else None) for o in os_])
    numeric("Openings a year", [o.openings if o else None for o in os_], [count(o.openings if o else None) for o in os_])
    numeric("Jobs", [w.employment if w else None for w in ws], [count(w.employment if w else None) for w in ws])
    plain("Cluster / pathway", [f"{p.cluster} / {p.pathway}" for p in profiles])
    plain("Certifications", [", ".join(c.abbr or c.name for c in p.certifications) or "none listed" for p in profiles])
    plain("Interests", [p.interest_code or NOT_PUBLISHED for p in profiles])
    return rows


def compare_table(page: Page, profiles: list[Profile]) -> None:
    """2 to 4 careers side by side in one table; on a narrow terminal, one career after another."""
    rows = compare_rows(profiles)
    label_w = max(len(r[0].plain) for r in rows)
    n = len(profiles)
    col = (page.width - 1 - 3 * (n + 1) - label_w) // n
    if col >= 8:
        page.grid(["", *(safe(p.title) for p in profiles)], rows, [label_w, *[col] * n], boxed=True)
        return
    for i, p in enumerate(profiles):  # too narrow for columns
        page.line(Text(safe(p.title), style=HEADING))
        for row in rows:
            page.labelled(row[0].plain, row[i + 1].plain, label_width=label_w + 2)
        page.line()


def salary_bars(page: Page, profiles: list[Profile]) -> None:
    """Each career's 10th-90th percentile range on one shared scale, the median marked."""
    ranges = [p.wages for p in profiles if p.wages and p.wages.p10 is not None and p.wages.p90 is not None]
    if len(ranges) < 2:
        return
    low = min(w.p10 for w in ranges if w.p10 is not None)
    high = max(w.p90 for w in ranges if w.p90 is not None)
    label_w = min(28, max(len(p.title) for p in profiles))
    bar_w = max(10, page.width - label_w - 4)
    area = ranges[0].area
    page.heading(f"Salary ranges, 10th to 90th percentile, median marked ({safe(area)}, {safe(ranges[0].period)})")
    for p in profiles:
        name = safe(p.title)
        name = name if len(name) <= label_w else name[: label_w - 1] + ("." if page.ascii_only else "…")
        row = Text(f"{name:<{label_w}}  ")
        row.append_text(salary_bar(p.wages, bar_w, page.ascii_only, (low, high)) if p.wages else Text(NOT_PUBLISHED, style=DIM))
        page.line(row, 0)
    scale = Text(f"{'':<{label_w}}  {money(low)}", style=DIM)
    right = money(high)
    scale.append(" " * max(1, bar_w - len(money(low)) - len(right)) + right, style=DIM)
    page.line(scale, 0)


def differences(page: Page, profiles: list[Profile]) -> None:
    """What sets the careers apart, spelled out."""
    notes: list[str] = []
    schooled = sorted((p for p in profiles if p.education), key=lambda p: p.education.rank)  # type: ignore[union-attr]
    if len(schooled) > 1:
        groups: dict[str, list[str]] = {}
        for p in schooled:
            groups.setdefault(p.education.label, []).append(p.title)  # type: ignore[union-attr]
        if len(groups) == 1:
            notes.append(f"All of them usually start with the same schooling: {next(iter(groups))}.")
        else:
            notes.append("Schooling to start, least first: " + "; ".join(
                f"{' and '.join(titles)}, {label}" for label, titles in groups.items()) + ".")
    growing = [p for p in profiles if p.outlook and p.outlook.change_pct is not None]
    if len(growing) > 1:
        ranked = sorted(growing, key=lambda p: -p.outlook.change_pct)  # type: ignore[union-attr,operator]
        notes.append("Growth " + safe(ranked[0].outlook.period) + ": " + ", ".join(  # type: ignore[union-attr]
            f"{p.title} {growth(p.outlook.change_pct)}" for p in ranked) + ".")  # type: ignore[union-attr]
    opening = [p for p in profiles if p.outlook and p.outlook.openings is not None]
    if len(opening) > 1:
        ranked = sorted(opening, key=lambda p: -p.outlook.openings)  # type: ignore[union-attr,operator]
        notes.append("Openings a year: " + ", ".join(f"{p.title} {count(p.outlook.openings)}" for p in ranked) + ".")  # type: ignore[union-attr]
    paid = [p for p in profiles if p.wages and p.wages.median is not None]
    if len(paid) > 1:
        top = max(paid, key=lambda p: p.wages.median)  # type: ignore[union-attr,return-value]
        bottom = min(paid, key=lambda p: p.wages.median)  # type: ignore[union-attr,return-value]
        gap = top.wages.median - bottom.wages.median  # type: ignore[union-attr,operator]
        if gap:
            notes.append(f"Median pay: {top.title} earns {money(gap)} a year more than {bottom.title}.")
    if notes:
        page.heading("How they differ")
        page.bullets(notes)
    _shared(page, "Certifications", [[c.abbr or c.name for c in p.certifications] for p in profiles], profiles)
    _shared(page, "Skills", [list(p.skills) for p in profiles], profiles)


def _shared(page: Page, label: str, lists: list[list[str]], profiles: list[Profile]) -> None:
    if sum(1 for items in lists if items) < 2:
        return
    common = set(lists[0]).intersection(*map(set, lists[1:]))
    width = min(30, max(len(p.title) for p in profiles)) + 2
    page.heading(f"{label}: shared and distinct")
    page.labelled("Shared", ", ".join(i for i in lists[0] if i in common) or "none", label_width=width)
    for p, items in zip(profiles, lists):
        own = [i for i in items if i not in common]
        title = p.title if len(p.title) <= width - 2 else p.title[: width - 3] + ("." if page.ascii_only else "…")
        page.labelled(title, ", ".join(own) or "nothing of its own", label_width=width)


def comparison(profiles: list[Profile], width: int, ascii_only: bool) -> Text:
    """The side-by-side table, then salary bars on one scale, the differences, and the overlaps."""
    page = Page(width, ascii_only)
    compare_table(page, profiles)
    salary_bars(page, profiles)
    differences(page, profiles)
    return page.finish()


# --- match and clusters ----------------------------------------------------------------------


def match_results(code: str, interests: list[str], matches: list[tuple[dict[str, Any], float]], why: list[str],
                  width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    page.line(Text(f"Careers for interests {code} ({', '.join(i.title() for i in interests)})", style="bold"))
    rows = []
    for i, ((entry, fit), reason) in enumerate(zip(matches, why), 1):
        cell = Text(safe(entry["title"]), style="bold")
        cell.append("\n" + safe(entry["slug"]), style=DIM)
        rows.append([Text(str(i), style=DIM), cell, Text(f"{fit:.0f}"), text(reason)])
    _ranked(page, ["#", "Career (and its slug)", "Fit", "Why"], rows, [len(str(len(matches))), 3], right=(0, 2))
    return page.finish()


def cluster_overview(clusters: list[dict[str, Any]], counts: dict[tuple[str, str], list[dict[str, Any]]],
                     chosen: str | None, width: int, ascii_only: bool) -> Text:
    """Every cluster with its pathways and career counts, or one cluster opened up."""
    page = Page(width, ascii_only)
    for c in clusters:
        if chosen and c["name"] != chosen:
            continue
        total = sum(len(counts.get((c["name"], p["name"]), [])) for p in c["pathway"])
        head = Text(safe(c["name"]), style=HEADING)
        head.append(f"  {total} careers", style=DIM)
        page.line(head)
        if chosen:
            page.para(c.get("summary"))
        for p in c["pathway"]:
            careers = counts.get((c["name"], p["name"]), [])
            item = Text(safe(p["name"]), style="bold")
            item.append(f"  {len(careers)} careers", style=DIM)
            if chosen:
                page.line()
                page.line(item, 2)
                page.para(p.get("summary"), 4)
                page.line(Text("High-school courses: " + safe(", ".join(p.get("courses", []))), style=""), 4, hang=2)
                if careers:
                    names = ", ".join(e["title"] for e in sorted(careers, key=lambda e: -(e.get("employment") or 0)))
                    page.line(Text("Careers: " + safe(names), style=DIM), 4, hang=2)
            else:
                item.append("; courses: " + safe(", ".join(p.get("courses", [])[:4])) + (", ..." if len(p.get("courses", [])) > 4 else ""), style=DIM)
                page.bullets([item])
        if not chosen:
            page.line()
    page.text.rstrip()
    return page.text


# --- search and list -------------------------------------------------------------------------


def _ranked(page: Page, header: list[str], rows: list[list[Text]], fixed: list[int], right: tuple[int, ...]) -> None:
    """Ranked results in open columns: fixed widths for the small ones, the rest shared 3:2."""
    free = max(16, page.width - sum(fixed) - 2 * (len(fixed) + 2))
    widths = [*fixed[:1], free * 3 // 5, *fixed[1:], free - free * 3 // 5]
    page.grid(header, rows, widths, boxed=False, right=right)


def search_results(results: list[Any], width: int, ascii_only: bool) -> Text:
    page = Page(width, ascii_only)
    rows = []
    for i, r in enumerate(results, 1):
        cell = Text(safe(r.title), style="bold")
        cell.append("\n" + safe(r.slug), style=DIM)
        rows.append([Text(str(i), style=DIM), cell, text(r.reason)])
    _ranked(page, ["#", "Career (and its slug)", "Why it matched"], rows, [len(str(len(results)))], right=(0,))
    return page.finish()


def list_lines(entries: list[dict[str, Any]], width: int, education: list[str], outlook: list[str],
               ascii_only: bool = False) -> list[str]:
    """One line a career, in fixed columns, the header first: cheap to lay out for the whole
    catalog. The figure columns are as wide as their longest value; the title takes the rest.

    Plain strings, already safe: a Text of a thousand lines costs more to build (Rich scans it
    for control codes) than the rest of the command, so only a terminal gets one (styled_lines).
    """
    salaries = [money(e.get("salary")) for e in entries]
    salary_w = max([len("Salary"), *map(len, salaries)])
    edu_w = max([len("Education"), *map(len, education)])
    outlook_w = max([len("Outlook"), *map(len, outlook)])
    title_w = max(12, width - salary_w - edu_w - outlook_w - 3)
    head = f"{'Career':<{title_w}} {'Salary':>{salary_w}} {'Education':<{edu_w}} {'Outlook':<{outlook_w}}"[:width].rstrip()
    lines = [head]
    for entry, salary, edu, grow in zip(entries, salaries, education, outlook):
        title = sanitize.line(entry["title"])
        if not title.isascii():  # wide characters (CJK) take two cells each: measure cells
            from rich.cells import cell_len, set_cell_size

            if cell_len(title) > title_w:
                title = set_cell_size(title, title_w - 1) + ("~" if ascii_only else "…")
            title = set_cell_size(title, title_w)
            lines.append(set_cell_size(f"{title} {salary:>{salary_w}} {edu:<{edu_w}} {grow}", width).rstrip())
            continue
        if len(title) > title_w:
            title = title[: title_w - 1] + ("~" if ascii_only else "…")
        lines.append(f"{title:<{title_w}} {salary:>{salary_w}} {edu:<{edu_w}} {grow}"[:width].rstrip())
    return lines


def styled_lines(lines: list[str]) -> Text:
    """Lines from list_lines for a terminal: the header in bold."""
    out = Text("\n".join(lines), no_wrap=True, overflow="crop")
    out.stylize("bold", 0, len(lines[0]))
    return out
