"""Every example in the README is a real run at 80 columns (tools/readme.py says how they are
written and refreshed)."""

from __future__ import annotations

import pytest

from tools.readme import examples, run, shown

EXAMPLES = examples()


def test_the_readme_has_examples_of_the_main_commands() -> None:
    commands = {command.split()[1] for command, _ in EXAMPLES}
    assert {"search", "list", "compare", "wages", "match"} <= commands


@pytest.mark.parametrize(("command", "block"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_a_readme_example_prints_what_it_shows(command: str, block: str) -> None:
    code, out = run(command)
    assert code == 0, (command, out)
    expected, partial = shown(block)
    if partial:
        assert out.startswith(expected + "\n"), f"{command} prints:\n{out}"
    else:
        assert out == expected, f"{command} prints:\n{out}"
    assert all(len(line) <= 80 for line in out.split("\n")), command
