"""The README's examples as real runs.

Every fenced block of the README whose first line starts with `$ ` is an example: shell commands
(`$ careers ...`, `$ mkdir ...`), each followed by what it prints. The examples run in order, in one
empty folder that stands for the reader's home (shown as /home/counselor), at 80 columns, without
colour and with no settings of the reader's, so a walk-through's later steps see its earlier ones.
In the output shown, a line `...` (indented or not) stands for any number of lines; a command's input given with
`<<'EOF'` runs to the line `EOF`. `tests/test_readme.py` checks every example; after a change in
output,

    python -m tools.readme

rewrites each command's output from a real run (keeping the `...` lines where they still fit).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```\n(\$ .*?)^```$", re.M | re.S)
HOME = "/home/counselor"  # how the examples name the reader's home


class Step:
    """One command of an example, the output the README shows for it, and what it printed."""

    def __init__(self, command: str, shown: list[str]) -> None:
        self.command = command
        self.shown = shown
        self.printed: list[str] = []

    def matches(self) -> bool:
        return fits(self.shown, self.printed)


def fits(shown: list[str], printed: list[str]) -> bool:
    """Whether the printed lines are the shown ones, a `...` line standing for any number of lines."""
    if not shown:
        return not printed
    if shown[0].strip() == "...":  # indented, as inside a section
        return any(fits(shown[1:], printed[i:]) for i in range(len(printed) + 1))
    return bool(printed) and printed[0] == shown[0] and fits(shown[1:], printed[1:])


def steps(block: str) -> list[Step]:
    """The commands of one example block, each with the lines shown after it."""
    found: list[Step] = []
    lines = block.rstrip("\n").split("\n")
    i = 0
    while i < len(lines):
        command = lines[i][2:]
        i += 1
        if "<<'EOF'" in command:  # the command's input, up to EOF, is part of it
            while i < len(lines) and lines[i] != "EOF":
                command += "\n" + lines[i]
                i += 1
            command += "\nEOF"
            i += 1
        shown = []
        while i < len(lines) and not lines[i].startswith("$ "):
            shown.append(lines[i])
            i += 1
        found.append(Step(command, shown))
    return found


def examples(text: str | None = None) -> list[list[Step]]:
    """Each example block's steps, in the README's order."""
    return [steps(b) for b in BLOCK.findall(README.read_text(encoding="utf-8") if text is None else text)]


def run_all(blocks: list[list[Step]]) -> None:
    """Run every step in order, in one fresh home, filling in what each printed."""
    bin_dir = os.path.dirname(sys.executable)  # where this environment's `careers` is
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k not in ("CAREERS_PATH", "FORCE_COLOR", "NO_COLOR")}
        env.update(
            HOME=home,
            XDG_CONFIG_HOME=os.path.join(home, ".config"),
            XDG_CACHE_HOME=os.path.join(home, ".cache"),
            COLUMNS="80",
            LINES="50",
            PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        )
        for block in blocks:
            for step in block:
                done = subprocess.run(
                    ["bash", "-c", step.command], cwd=home, env=env, capture_output=True, text=True, timeout=120
                )
                out = (done.stdout + done.stderr).replace(os.path.realpath(home), HOME).replace(home, HOME)
                step.printed = [line.rstrip() for line in out.rstrip("\n").split("\n")] if out.strip() else []


def fresh(step: Step) -> list[str]:
    """The lines to show for a step after a change: the shown lines if they still fit, else what it
    printed (as many lines as were shown, then `...`, where the shown lines ended so)."""
    if step.matches():
        return step.shown
    if step.shown and step.shown[-1] == "..." and len(step.printed) >= len(step.shown):
        return [*step.printed[: len(step.shown) - 1], "..."]
    return step.printed


def update() -> int:
    """Rewrite every example's output from a real run; the number of commands run."""
    text = README.read_text(encoding="utf-8")
    blocks = examples(text)
    run_all(blocks)
    it = iter(blocks)

    def block(_: re.Match[str]) -> str:
        lines = []
        for step in next(it):
            lines.append("$ " + step.command)
            lines += fresh(step)
        return "```\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(block, text), encoding="utf-8")
    return sum(len(b) for b in blocks)


if __name__ == "__main__":
    print(f"{update()} commands of the README's examples run; their output rewritten where it changed")
