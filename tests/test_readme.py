"""Every example in the README is a real run at 80 columns (tools/readme.py says how they are
written, run and refreshed)."""

from __future__ import annotations

import re

from tools.readme import Step, examples, fits, run_all


def test_dots_stand_for_any_lines() -> None:
    assert fits(["a", "...", "d"], ["a", "b", "c", "d"]) and fits(["a", "..."], ["a"])
    assert not fits(["a", "...", "d"], ["a", "b"]) and not fits(["a"], ["a", "b"])


def test_every_readme_example_prints_what_it_shows() -> None:
    blocks = examples()
    commands = {s.command.split()[1] for b in blocks for s in b if s.command.startswith("careers ")}
    assert {"search", "list", "compare", "wages", "match", "new", "validate", "config"} <= commands
    run_all(blocks)
    wrong: list[Step] = [s for b in blocks for s in b if not s.matches()]
    assert not wrong, "\n\n".join(f"$ {s.command}\nprints:\n" + "\n".join(s.printed) for s in wrong)
    # Every page fits 80 columns; the file messages of validate, new and config are one line each,
    # for grep.
    pages = [s for b in blocks for s in b if not re.search(r"careers (validate|new|config) ", s.command)]
    printed = [line for s in pages for line in s.printed]
    assert all(len(line) <= 80 for line in printed), [line for line in printed if len(line) > 80]
