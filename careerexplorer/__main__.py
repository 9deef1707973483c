"""The `careers` command's entry point (also ``python -m careerexplorer``).

The modules a command needs are imported with the garbage collector paused, and what they made
is then frozen out of its reach: those objects live for the whole run, so collecting them again
and again (and once more at exit) is work for nothing. Cycles made afterwards, by the command
itself or by the explorer that runs for as long as it is open, are collected as usual.
"""

import gc


def main() -> None:
    gc.disable()
    try:
        from careerexplorer.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()


if __name__ == "__main__":
    main()
