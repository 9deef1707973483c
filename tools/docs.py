"""Regenerate the generated parts of docs/: the key table of docs/profile-format.md.

python -m tools.docs
"""

from __future__ import annotations

from pathlib import Path

from careerexplorer.schema import markdown_keys

DOC = Path(__file__).resolve().parent.parent / "docs" / "profile-format.md"
START = "tests/test_docs.py keeps it current -->\n"
END = "<!-- end of keys -->"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(head + START + markdown_keys() + END + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
