"""The layout engine of the terminal views: text wrapped once into styled lines, boxes and grids.

Wrapping each paragraph once, with its indent and hanging indent, costs a fraction of what
nested Rich tables and paddings cost to measure, and the start-up of every command counts. Plain
ASCII text takes a fast path (greedy_wrap); anything else is wrapped by Rich. The two must give
the same lines (tests/test_layout.py says so).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from rich.text import Span, Text

from careerexplorer.sanitize import text as safe

HEADING = "bold cyan"
DIM = "dim"


def text(value: Any, style: str = "") -> Text:
    return Text(safe(value), style=style)


class Page:
    """A page laid out as plain lines of styled text.

    The page is kept as plain strings and the spans of style over them, and becomes one Text at
    the end: a Text grown piece by piece strips control codes from every piece and re-measures
    itself, which cost more than all the rest of the show command's own work.
    """

    def __init__(self, width: int, ascii_only: bool) -> None:
        self.width = max(20, width)
        self.ascii_only = ascii_only
        self._parts: list[str] = []
        self._marks: list[int] = []  # for each part, how many spans came before it
        self._spans: list[Span] = []
        self._at = 0

    @cached_property
    def _console(self) -> Any:
        return _measure_console(self.width)

    def add(self, plain: str, style: str = "") -> None:
        """Append text as it is (already safe, already wrapped), in one style."""
        self._marks.append(len(self._spans))
        if style and plain:
            self._spans.append(Span(self._at, self._at + len(plain), style))
        self._parts.append(plain)
        self._at += len(plain)

    def add_text(self, content: Text, start: int = 0, end: int | None = None) -> None:
        """Append a Text, or the part of it from start to end, with its styles."""
        plain = content.plain
        stop = len(plain) if end is None else end
        at = self._at - start
        self._marks.append(len(self._spans))
        if content.style and stop > start:
            self._spans.append(Span(self._at, self._at + stop - start, content.style))
        for span in content.spans:
            if span.end > start and span.start < stop:
                self._spans.append(Span(at + max(span.start, start), at + min(span.end, stop), span.style))
        self._parts.append(plain[start:stop] if start or end is not None else plain)
        self._at += stop - start

    def line(self, content: Text | str = "", indent: int = 0, hang: int = 0, first: str = "") -> None:
        """Append content wrapped to the width; later lines hang under the first line's text."""
        indent = min(indent, max(0, self.width - hang - 8))  # a narrow terminal gives up indent first
        room = max(4, self.width - indent - hang)
        plain = content.plain if isinstance(content, Text) else content
        if single_width(plain) and not plain.startswith(" "):
            # One cell a character: a greedy split on spaces is all Rich would do (the spaces
            # between words stay, those at a break go), and cutting the text there keeps its styles.
            for i, (a, b) in enumerate(wrap_spans(plain, room)):
                self.add(" " * indent + (first if i == 0 else " " * hang))
                if isinstance(content, Text):
                    self.add_text(content, a, b)
                else:
                    self.add(plain[a:b])
                self.add("\n")
            return
        body = content if isinstance(content, Text) else Text(content)
        for i, row in enumerate(body.wrap(self._console, room) or [Text()]):
            self.add(" " * indent + (first if i == 0 else " " * hang))
            row.rstrip()
            self.add_text(row)
            self.add("\n")

    def rstrip(self) -> None:
        """Drop the whitespace at the end of the page so far (and the styles over it)."""
        stripped = False
        while self._parts:
            last = self._parts[-1]
            kept = last.rstrip()
            if kept == last and kept:
                break
            stripped = True
            self._at -= len(last) - len(kept)
            if kept:
                self._parts[-1] = kept
                break
            self._parts.pop()
            self._marks.pop()
        if stripped:
            # Only the spans of the last part left, and of those removed, can reach past the end.
            first = self._marks[-1] if self._marks else 0
            at = self._at
            self._spans[first:] = [Span(s.start, min(s.end, at), s.style) for s in self._spans[first:] if s.start < at]

    def finish(self) -> Text:
        """The laid-out page: already wrapped, so Rich prints it without wrapping it again."""
        self.rstrip()
        return Text("".join(self._parts), spans=self._spans, no_wrap=True, overflow="crop")

    def unwrapped(self) -> Text:
        """The page as it is, for a view with lines that Rich may fold where they are too long."""
        self.rstrip()
        return Text("".join(self._parts), spans=self._spans)

    def wrapped(self, parts: list[Text], width: int) -> list[Text]:
        """Each part wrapped to the width, as lines of Text (the fast path where line's would do)."""
        lines: list[Text] = []
        for part in parts:
            plain = part.plain
            if not part.spans and single_width(plain) and not plain.startswith(" "):
                lines += [Text(plain[a:b], style=part.style) for a, b in wrap_spans(plain, width)]
            else:
                lines.extend(part.wrap(self._console, width))
        return lines

    def boxed(self, rows: list[Text], inner: int) -> None:
        """Rows inside a rounded box (ASCII corners where the terminal needs them)."""
        tl, tr, bl, br, h, v = ("+", "+", "+", "+", "-", "|") if self.ascii_only else ("╭", "╮", "╰", "╯", "─", "│")
        self.add(tl + h * (inner + 2) + tr + "\n")
        for row in rows:
            row.truncate(inner, pad=True)
            self.add(v + " ")
            self.add_text(row)
            self.add(" " + v + "\n")
        self.add(bl + h * (inner + 2) + br + "\n")

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

    def grid(
        self, header: list[str], rows: list[list[Text]], widths: list[int], boxed: bool, right: tuple[int, ...] = ()
    ) -> None:
        """A table of wrapped cells: boxed with lines between rows, or open with a rule under the
        header. Columns in ``right`` are right-aligned."""
        if boxed:
            tl, tm, tr, ml, mm, mr, bl, bm, br, h, v = "+++++++++-|" if self.ascii_only else "╭┬╮├┼┤╰┴╯─│"
        else:
            h, v = ("-" if self.ascii_only else "─"), " "

        def rule(left: str, mid: str, end: str) -> None:
            self.add(left + mid.join(h * (w + 2) for w in widths) + end + "\n")

        def emit(cells: list[Text]) -> None:
            wrapped = [self.cell_lines(c, w) for c, w in zip(cells, widths, strict=False)]
            for r in range(max(len(x) for x in wrapped)):
                self.add(v if boxed else "")
                for i, (lines, w) in enumerate(zip(wrapped, widths, strict=False)):
                    piece = lines[r].copy() if r < len(lines) else Text()
                    piece.rstrip()
                    piece.truncate(w)
                    if i in right:
                        piece.pad_left(w - piece.cell_len)
                    else:
                        piece.pad_right(w - piece.cell_len)
                    self.add(" ")
                    self.add_text(piece)
                    self.add(" " + v if boxed else " ")
                if not boxed:
                    self.rstrip()
                self.add("\n")

        if boxed:
            rule(tl, tm, tr)
        emit([Text(hd, style="bold") for hd in header])
        if boxed:
            for row in rows:
                rule(ml, mm, mr)
                emit(row)
            rule(bl, bm, br)
        else:
            self.add(h * min(self.width, sum(widths) + 2 * len(widths)) + "\n")
            for row in rows:
                emit(row)

    def heading(self, title: str) -> None:
        self.add("\n")
        self.line(Text(title, style=HEADING))

    def para(self, content: Text | str | None, indent: int = 2) -> None:
        if content:
            self.line(content if isinstance(content, Text) else safe(content), indent)

    def bullets(self, items: list[Any] | tuple[Any, ...], indent: int = 2) -> None:
        mark = "- " if self.ascii_only else "• "
        for item in items:
            self.line(item if isinstance(item, Text) else safe(item), indent, hang=2, first=mark)

    def labelled(self, label: str, value: str, indent: int = 2, label_width: int = 14) -> None:
        label = safe(label)
        if indent + label_width + 20 > self.width:  # too narrow for two columns: label above
            self.line(Text(label, style="bold"), indent)
            self.line(text(value), indent + 2)
            return
        head = f"{label:<{label_width}}"
        self.line(safe(value), indent, hang=label_width, first=head)


_WORDS = re.compile(r"\S+")


def single_width(plain: str) -> bool:
    """Whether every character takes one cell and none is a tab or newline: ASCII, Latin letters,
    general punctuation (— “ ” ·), arrows, box drawing and blocks. Anything else (wide CJK,
    emoji, combining marks) is left to Rich's measuring."""
    if plain.isascii():
        return plain.isprintable()
    return plain.isprintable() and all(
        c < "\u0300" or "\u2000" <= c <= "\u206f" or "\u2190" <= c <= "\u21ff" or "\u2500" <= c <= "\u259f"
        for c in plain
    )


def wrap_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """Where each line of a greedy wrap starts and ends in the text: words into lines of at most
    width cells, a longer word cut into pieces."""
    spans: list[tuple[int, int]] = []
    start = end = -1
    for m in _WORDS.finditer(plain):
        a, b = m.span()
        while b - a > width:
            if start >= 0:
                spans.append((start, end))
                start = -1
            spans.append((a, a + width))
            a += width
        if start < 0:
            start, end = a, b
        elif b - start <= width:
            end = b
        else:
            spans.append((start, end))
            start, end = a, b
    if start >= 0:
        spans.append((start, end))
    return spans or [(0, 0)]


def greedy_wrap(plain: str, width: int) -> list[str]:
    """Words into lines of at most width characters; a longer word is cut into pieces."""
    return [plain[a:b] for a, b in wrap_spans(plain, width)]


def _measure_console(width: int) -> Any:
    """A console that only measures and wraps text; it never writes anywhere."""
    from rich.console import Console

    # Rich only writes to and flushes its file, so a full IO[str] is not needed.
    return Console(width=width, color_system=None, file=_NullFile())  # type: ignore[arg-type]


class _NullFile:
    def write(self, data: str) -> int:
        return len(data)

    def flush(self) -> None:
        pass
