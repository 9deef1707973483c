"""What the official files add to the search index beyond the profiles: every alternate and reported
title, the task statements, the detailed work activities linked to them, and tools used.

Task statements are O*NET's sentences: they go into the contentless full-text table only, never
into a profile or any text the program can show.
"""

from __future__ import annotations

from tools.readers import (
    Sources,
    read_alternate_titles,
    read_reported_titles,
    read_tasks,
    read_tools,
    read_work_activities,
)


class Extras:
    """Per O*NET-SOC code (careerexplorer.build.Extras): alternate titles, tasks, work activities, tools."""

    def __init__(self, src: Sources) -> None:
        self.alternates = read_alternate_titles(src)
        shown, others = read_reported_titles(src)
        for table in (shown, others):
            for code, titles in table.items():
                self.alternates.setdefault(code, []).extend(titles)
        self.tasks = read_tasks(src)
        self.work = read_work_activities(src)
        self.tools = read_tools(src)

    def __call__(self, code: str) -> tuple[list[str], list[str], list[str], list[str]]:
        return (
            self.alternates.get(code, []),
            self.tasks.get(code, []),
            self.work.get(code, []),
            self.tools.get(code, []),
        )
