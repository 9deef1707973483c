"""The layout engine: its fast path for plain ASCII text wraps exactly as Rich does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from careerexplorer.layout import Page, greedy_wrap

WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz,.'-0123456789", min_size=1, max_size=14), min_size=1,
                 max_size=40)


def rich_lines(plain: str, width: int) -> list[str]:
    page = Page(200, False)
    return [line.plain.rstrip() for line in Text(plain).wrap(page._console, width)]


@given(words=WORDS, width=st.integers(min_value=14, max_value=120))
@settings(max_examples=300, deadline=None)
def test_the_fast_path_wraps_like_rich(words: list[str], width: int) -> None:
    plain = " ".join(words)
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
def test_a_page_line_takes_either_path_to_the_same_lines(width: int) -> None:
    sentence = "Keeps patients' health records complete, accurate and private, and turns diagnoses into codes."
    fast, slow = Page(width, False), Page(width, False)
    fast.line(Text(sentence), 2, hang=2, first="- ")
    styled = Text(sentence)
    styled.stylize("bold", 0, 5)  # a span sends the line down Rich's path
    slow.line(styled, 2, hang=2, first="- ")
    assert fast.finish().plain == slow.finish().plain
