"""Make the README's pictures from real runs: docs/show.svg (`careers show`) and docs/explore.svg
(`careers explore nurse`, headless, with Textual's own screenshot).

    python -m tools.screenshot            # both
    python -m tools.screenshot explore    # one of them
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from careerexplorer import commands
from careerexplorer.catalog import Catalog
from careerexplorer.views.career import career_page

DOCS = Path(__file__).resolve().parent.parent / "docs"


def show() -> Path:
    cat = Catalog()
    page = commands.show(cat, "medical-records-specialist")
    with open(os.devnull, "w") as devnull:
        console = Console(record=True, width=90, force_terminal=True, color_system="truecolor", file=devnull)
        console.print(career_page(page.profile, page.pathway, 90, False))
    out = DOCS / "show.svg"
    out.write_text(console.export_svg(title="careers show medical-records-specialist"), encoding="utf-8")
    return out


def explore() -> Path:
    """The explorer as it opens for `careers explore nurse`, a career on the shortlist, at 100x30."""
    from careerexplorer.explore.app import Explorer
    from careerexplorer.explore.session import Session

    out = DOCS / "explore.svg"
    with tempfile.TemporaryDirectory() as tmp:  # a shortlist of its own, never the user's
        path = Path(tmp) / "shortlist.json"
        session = Session(Catalog(), path)
        session.toggle_shortlist("registered-nurse")
        app = Explorer(session, "nurse")

        async def run() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                await pilot.press("down", "down")
                await pilot.pause()
                app.title = "careers explore nurse"
                out.write_text(app.export_screenshot(title="careers explore nurse"), encoding="utf-8")

        asyncio.run(run())
    return out


def main() -> None:
    wanted = sys.argv[1:] or ["show", "explore"]
    for name in wanted:
        print({"show": show, "explore": explore}[name]())


if __name__ == "__main__":
    main()
