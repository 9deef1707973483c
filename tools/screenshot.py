"""Make docs/show.svg, the README's picture, from a real run of `careers show`.

    python -m tools.screenshot
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from careerexplorer.catalog import Catalog
from careerexplorer.render import career_page

OUT = Path(__file__).resolve().parent.parent / "docs" / "show.svg"


def main() -> None:
    cat = Catalog()
    profile = cat.resolve_profile("medical-records-specialist")
    console = Console(record=True, width=90, force_terminal=True, color_system="truecolor", file=open("/dev/null", "w"))
    console.print(career_page(profile, cat.clusters.pathway(profile.cluster, profile.pathway), 90, False))
    OUT.write_text(console.export_svg(title="careers show medical-records-specialist"), encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
