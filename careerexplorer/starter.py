"""The starting files `careers new` writes: an overlay of a career, or a new career, commented.

Every example in them is a comment, so that a file just written validates as it is (an overlay
that adds nothing yet) or names exactly what is left to fill in (a new career).
"""

from __future__ import annotations

import json

from careerexplorer.model import Profile

DOCS = "Every key: `careers schema`, or docs/profile-format.md."


def _q(text: str) -> str:
    return json.dumps("".join(ch if ch.isprintable() else " " for ch in text), ensure_ascii=False)


def overlay_text(slug: str, base: Profile, folder: str) -> str:
    """An overlay that adds to ``base``: its keys, then commented examples of what it may add."""
    program = base.programs[0] if base.programs else None
    cip, title = (program.cip, program.title) if program else ("00.0000", "<program title, CIP 2020>")
    return f"""\
# Adds to {" ".join(_q(base.title)[1:-1].split())} ({base.slug}), keeping every figure and section
# of it. Check it with: careers validate {folder}
# {DOCS}
slug = {_q(slug)}
extends = {_q(base.slug)}

# A plain value or a [table] here takes the place of the career's, such as a summary of your own:
# summary = "<one or two plain sentences>"

# Arrays (programs, insider, certifications, resources, courses, additional_info...) are added
# after the career's. To replace one instead, name it here:
# replace = ["programs"]

# A program near you (CIP 2020 code and title: https://nces.ed.gov/ipeds/cipcode/):
# [[programs]]
# cip = {_q(cip)}
# title = {_q(title)}
# note = "<the school, where it is taught, how long it takes>"

# Someone in the work near you, with their own words quoted exactly:
# [[insider]]
# name = "<the person you interviewed>"
# role = "<their role>"
# organization = "<where they work>"
# quotes = ["<their words, exactly as they said them>"]
# source = "<where the interview was published>"

# A website for people in your area:
# [[resources]]
# name = "<name of the site>"
# url = "https://<address>"
"""


def new_text(slug: str, folder: str) -> str:
    """A new career: the required keys, empty, so that `careers validate` names each one to fill."""
    return f"""\
# A new career. Fill in the empty values; `careers validate {folder}` names what is missing.
# {DOCS}
slug = {_q(slug)}
title = ""  # singular, as a person says it
onet_code = ""  # O*NET-SOC code, e.g. "29-2072.00" (https://www.onetonline.org/)
soc_code = ""  # SOC 2018 code, e.g. "29-2072"
summary = ""  # what the work is, in one or two plain sentences of your own
cluster = ""  # one of the 16 Career Clusters: `careers clusters`
pathway = ""  # a pathway of that cluster: `careers clusters "<cluster>"`

# Figures: a [wages] table needs source, period and area; never invent one ("not published" is shown).
# [wages]
# source = "BLS OEWS"
# period = "May 2025"
# area = "U.S."
# mean = 0

# [[programs]]
# cip = "00.0000"
# title = "<program title, CIP 2020>"
"""
