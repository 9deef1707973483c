"""What the official files add to the search index beyond the profiles: every alternate and reported
title, the task statements, the detailed work activities linked to them, and tools used.

Task statements are O*NET's sentences: they go into the contentless full-text table only, never
into a profile or any text the program can show.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path



def onet_rows(path: Path) -> Iterator[dict[str, str]]:
    """O*NET text files: tab-separated, unquoted (a literal quote can occur inside a field)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row))


class Extras:
    """Per O*NET-SOC code: alternate titles, tasks, work activities (most tasks first), tools."""

    def __init__(self, onet: Path) -> None:
        self.alternates: dict[str, list[str]] = defaultdict(list)
        for r in onet_rows(onet / "Alternate Titles.txt"):
            self.alternates[r["O*NET-SOC Code"]].append(r["Alternate Title"])
            if r["Short Title"]:
                self.alternates[r["O*NET-SOC Code"]].append(r["Short Title"])
        for r in onet_rows(onet / "Sample of Reported Titles.txt"):
            self.alternates[r["O*NET-SOC Code"]].append(r["Reported Job Title"])
        self.tasks: dict[str, list[str]] = defaultdict(list)
        for r in onet_rows(onet / "Task Statements.txt"):
            self.tasks[r["O*NET-SOC Code"]].append(r["Task"])
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for r in onet_rows(onet / "Tasks to DWAs.txt"):
            counts[r["O*NET-SOC Code"]][r["DWA Title"]] += 1
        self.work = {code: [t for t, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))] for code, c in counts.items()}
        self.tools: dict[str, list[str]] = defaultdict(list)
        for r in onet_rows(onet / "Tools Used.txt"):
            self.tools[r["O*NET-SOC Code"]].append(r["Example"])
        for r in onet_rows(onet / "Technology Skills.txt"):
            self.tools[r["O*NET-SOC Code"]].append(r["Example"])


    def __call__(self, code: str) -> tuple[list[str], list[str], list[str], list[str]]:
        """What the sources add to the search document of one O*NET-SOC code (careerexplorer.build.Extras)."""
        return (self.alternates.get(code, []), self.tasks.get(code, []), self.work.get(code, []),
                self.tools.get(code, []))
