"""`careers explore`: the whole explorer on one keyboard-driven terminal screen (Textual).

Only `careers explore` imports this package; Textual comes with the explore extra.
"""

from __future__ import annotations

from pathlib import Path


def run(
    query: str = "", state: str | None = None, user_dirs: list[Path] | None = None, shortlist_path: Path | None = None
) -> None:
    """Open the explorer, with a query already typed and a state's wages chosen if given."""
    from careerexplorer.catalog import Catalog
    from careerexplorer.explore.app import Explorer
    from careerexplorer.explore.session import Session
    from careerexplorer.shortlist import default_path

    cat = Catalog(user_dirs=user_dirs)
    session = Session(cat, shortlist_path or default_path(), state)
    Explorer(session, query).run()
