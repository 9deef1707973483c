"""The README's examples as real runs.

Each fenced block of the README that starts with `$ careers ...` is an example: the command run at
80 columns without colour, and what it prints. A block whose last line is `...` shows the start of
the output only. `tests/test_readme.py` checks every example; after a change in output,

    python -m tools.readme

rewrites each block from a real run (a `...` block keeps its length).
"""

from __future__ import annotations

import re
import shlex
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```\n\$ (careers [^\n]*)\n(.*?)^```$", re.M | re.S)
# What a reader's terminal would not set: a fixed width, no colour, no folders of their own.
ENV: dict[str, str | None] = {
    "COLUMNS": "80",
    "LINES": "50",
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "CAREERS_PATH": None,
}


def examples(text: str | None = None) -> list[tuple[str, str]]:
    """(command, the output the README shows) for each example."""
    return BLOCK.findall(README.read_text(encoding="utf-8") if text is None else text)


def run(command: str) -> tuple[int, str]:
    """The exit code and output of one example, lines without trailing spaces."""
    from typer.testing import CliRunner

    from careerexplorer.cli import app

    with tempfile.TemporaryDirectory() as home:
        env = {**ENV, "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home}
        result = CliRunner(env=env).invoke(app, shlex.split(command)[1:])
    return result.exit_code, "\n".join(line.rstrip() for line in result.stdout.splitlines())


def shown(block: str) -> tuple[str, bool]:
    """The output a block shows, and whether it is only the start (a last line `...`)."""
    lines = block.rstrip("\n").split("\n")
    return ("\n".join(lines[:-1]), True) if lines[-1] == "..." else ("\n".join(lines), False)


def update() -> int:
    """Rewrite every example from a real run; the number of examples."""
    text = README.read_text(encoding="utf-8")

    def fresh(m: re.Match[str]) -> str:
        command, block = m.group(1), m.group(2)
        _, out = run(command)
        start, partial = shown(block)
        lines = out.split("\n")
        if partial:
            lines = [*lines[: len(start.split("\n"))], "..."]
        return "```\n$ " + command + "\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(fresh, text), encoding="utf-8")
    return len(examples(text))


if __name__ == "__main__":
    print(f"{update()} examples rewritten from real runs")
