"""The layout engine: its fast path for plain ASCII text wraps exactly as Rich does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from careerexplorer import layout
from careerexplorer.layout import Page, greedy_wrap

WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz,.'-0123456789", min_size=1, max_size=14), min_size=1,
                 max_size=40)


def rich_lines(plain: str, width: int) -> list[str]:
    page = Page(200, False)
    return [line.plain.rstrip() for line in Text(plain).wrap(page._console, width)]


@given(words=WORDS, width=st.integers(min_value=14, max_value=120), gaps=st.lists(st.integers(1, 4), min_size=40))
@settings(max_examples=300, deadline=None)
def test_the_fast_path_wraps_like_rich(words: list[str], width: int, gaps: list[int]) -> None:
    # Words apart by one space or several (a table row, "title  (slug)"): the same lines either way.
    plain = words[0] + "".join(" " * gap + word for gap, word in zip(gaps, words[1:], strict=False))
    assert greedy_wrap(plain, width) == rich_lines(plain, width)


@given(words=WORDS, width=st.integers(min_value=1, max_value=13))
@settings(max_examples=200, deadline=None)
def test_a_word_longer_than_the_line_is_cut_never_lost(words: list[str], width: int) -> None:
    # Here Rich may leave a blank line or a leading space after a folded word; the fast path
    # keeps every character, in order, on lines no wider than asked.
    lines = greedy_wrap(" ".join(words), width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(words)


@pytest.mark.parametrize("width", [20, 33, 80])
def test_a_page_line_takes_either_path_to_the_same_lines_and_styles(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = Text("Keeps patients' health records complete,  accurate and private, and turns diagnoses into codes.")
    sentence.stylize("bold", 6, 22)  # a style across a break stays on both sides of it
    sentence.stylize("dim", 40, 80)
    fast = Page(width, False)
    fast.line(sentence, 2, hang=2, first="- ")
    monkeypatch.setattr(layout, "single_width", lambda plain: False)  # Rich's path for every line
    slow = Page(width, False)
    slow.line(sentence, 2, hang=2, first="- ")
    a, b = fast.finish(), slow.finish()
    console = fast._console
    assert a.plain == b.plain
    assert [(c, str(a.get_style_at_offset(console, i))) for i, c in enumerate(a.plain)] == [
        (c, str(b.get_style_at_offset(console, i))) for i, c in enumerate(b.plain)
    ]
