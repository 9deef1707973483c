"""The search index: an SQLite database with a full-text (FTS5) table over what each career is.

One row a career. The full-text table holds, in separate columns so that each can weigh
differently: the titles, every other title the job goes by, credentials, our summary, the work
activities, the task statements, tools and technology, skills and knowledge, and the clusters. It is
contentless (``content=''``): the words are indexed, the text is not kept, so O*NET's task
statements can be searched without being shipped or shown. What a result needs to say why it
matched (its names, work activities, tools) is kept in plain tables beside it.

The importer builds the bundled index from the official files; careerexplorer.usercache builds one
for a user's own profiles from the profiles alone. Building twice from the same input gives the
same file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypedDict

from careerexplorer.datafiles import uri
from careerexplorer.index import entry_for
from careerexplorer.model import Profile

SEARCH_DB = "search.db"
VERSION = 5  # of the layout below; a reader refuses any other

# The columns of the full-text table, in order, with the weight BM25 gives a hit in each: a title
# hit counts most; a hit in one task statement among twenty counts least, but many add up.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("title", 12.0),
    ("names", 5.0),
    ("credentials", 4.0),
    ("summary", 2.5),
    ("work", 1.6),
    ("tasks", 1.0),
    ("tools", 0.8),
    ("skills", 0.5),
    ("places", 0.8),
)
# The tables a reader needs (a file without one of them is damaged).
TABLES = ("meta", "career", "word", "fts", "filler", "everyday", "sense")
TOKENIZER = "porter unicode61 remove_diacritics 2"

# The kinds of name a career is found by, kept for look-ups and for saying why a career matched.
NAME_KINDS = {"title": "t", "onet_title": "o", "also_called": "a", "alternate": "s", "credential": "c"}
KIND_OF = {code: kind for kind, code in NAME_KINDS.items()}
SEP = "\x1f"  # the ASCII unit separator: never inside a name


class Document(TypedDict):
    """What the index holds about one career."""

    slug: str
    title: str
    onet_code: str
    soc_code: str
    jobs: int  # employment, a specialty sharing its BLS group's figure taking its share: ranks ties
    names: list[tuple[str, str]]  # (kind, name): title, O*NET title, also called, other titles, credentials
    summary: str
    work: list[str]  # O*NET detailed work activities (labels)
    tasks: list[str]  # O*NET task statements: indexed, never stored
    tools: list[str]  # technology and tools (labels)
    skills: list[str]  # skills and knowledge (labels)
    places: list[str]  # clusters, pathways, sub-clusters
    facts: str  # the career's index entry (careerexplorer.index.Entry) as JSON: what a result shows


def one_line(text: str) -> str:
    return " ".join(text.replace(SEP, " ").split())


def document(
    p: Profile,
    jobs: int = 0,
    alternates: Sequence[str] = (),
    tasks: Sequence[str] = (),
    work: Sequence[str] = (),
    tools: Sequence[str] = (),
) -> Document:
    """The index document of a profile, with what the sources add beyond it (for bundled careers)."""
    names: list[tuple[str, str]] = [("title", p.title)]
    if p.onet_title:
        names.append(("onet_title", p.onet_title))
    names += [("also_called", t) for t in p.also_called]
    seen = {n.lower() for _, n in names}
    for t in [*p.search_titles, *alternates]:
        if t.lower() not in seen:
            seen.add(t.lower())
            names.append(("alternate", t))
    for c in p.certifications:
        names.append(("credential", f"{c.abbr}: {c.name}" if c.abbr else c.name))
    own_work = list(getattr(p, "work_activities", ()) or ())
    places = [p.cluster, p.pathway, *(x for x in (p.cluster_2024, p.subcluster_2024) if x)]
    return {
        "slug": p.slug,
        "title": p.title,
        "onet_code": p.onet_code,
        "soc_code": p.soc_code,
        "jobs": jobs,
        "names": [(k, one_line(n)) for k, n in names if n.strip()],
        "summary": p.summary,
        "work": list(dict.fromkeys([*own_work, *work])),
        "tasks": list(tasks),
        "tools": list(dict.fromkeys([*p.technology, *tools])),
        "skills": [*p.skills, *p.knowledge],
        "places": places,
        "facts": json.dumps(facts_for(p), ensure_ascii=False, separators=(",", ":")),
    }


def facts_for(p: Profile) -> dict[str, Any]:
    """What a search result shows and weighs of a career: its index entry, and the O*NET work
    values that search reads for wishes such as independence or recognition."""
    facts: dict[str, Any] = dict(entry_for(p))
    if p.work_values:
        facts["work_values"] = list(p.work_values)
    return facts


def schema(contentless: bool = True) -> str:
    """The tables of an index. The bundled one is contentless (task statements are indexed, not
    kept); an index of a user's own profiles keeps its text, so that a changed file's row can be
    replaced."""
    content = "content='', " if contentless else ""
    return f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE career(
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL, title TEXT NOT NULL, onet_code TEXT NOT NULL,
    soc_code TEXT NOT NULL, jobs INTEGER NOT NULL, kinds TEXT NOT NULL, names TEXT NOT NULL,
    work TEXT NOT NULL, tools TEXT NOT NULL, skills TEXT NOT NULL, places TEXT NOT NULL, facts TEXT NOT NULL
);
CREATE TABLE word(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE title_word(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5({", ".join(name for name, _ in COLUMNS)}, {content}
    tokenize='{TOKENIZER}', prefix='3');
CREATE TABLE filler(phrase TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE everyday(word TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sense(word TEXT NOT NULL, position INTEGER NOT NULL, label TEXT NOT NULL, terms TEXT NOT NULL,
                   PRIMARY KEY (word, position)) WITHOUT ROWID;
"""


def columns(d: Document) -> tuple[str, ...]:
    """The text of each full-text column for a document, in COLUMNS order."""
    titles = [n for k, n in d["names"] if k in ("title", "onet_title")]
    others = [n for k, n in d["names"] if k in ("also_called", "alternate")]
    credentials = [n for k, n in d["names"] if k == "credential"]
    texts = (titles, others, credentials, [d["summary"]], d["work"], d["tasks"], d["tools"], d["skills"], d["places"])
    # A name a line: a phrase never runs from the end of one name into the next.
    return tuple("\n".join(t) for t in texts)


def insert(db: sqlite3.Connection, row: int, d: Document) -> set[str]:
    """Add one career's document under a row id; the words it holds (for the typo check)."""
    names = [n for _, n in d["names"]]
    db.execute(
        "INSERT INTO career VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            row,
            d["slug"],
            d["title"],
            d["onet_code"],
            d["soc_code"],
            d["jobs"],
            "".join(NAME_KINDS[k] for k, _ in d["names"]),
            SEP.join(names),
            SEP.join(map(one_line, d["work"])),
            SEP.join(map(one_line, d["tools"])),
            SEP.join(map(one_line, d["skills"])),
            SEP.join(map(one_line, d["places"])),
            d["facts"],
        ),
    )
    db.execute(
        f"INSERT INTO fts(rowid, {', '.join(n for n, _ in COLUMNS)}) VALUES (?{',?' * len(COLUMNS)})",
        (row, *columns(d)),
    )
    # The words of titles, which a typo is corrected to first ("fotography": "photographer").
    titles = [n for k, n in d["names"] if k in ("title", "onet_title")]
    db.executemany("INSERT OR IGNORE INTO title_word VALUES (?)", ((w,) for w in sorted(words_of(titles))))
    return words_of([*names, d["summary"], *d["work"], *d["tasks"], *d["tools"], *d["skills"], *d["places"]])


def remove(db: sqlite3.Connection, row: int, texts: Sequence[str]) -> None:
    """Take a row out again; a contentless table needs the text the row was indexed with."""
    db.execute("DELETE FROM career WHERE id = ?", (row,))
    db.execute(
        f"INSERT INTO fts(fts, rowid, {', '.join(n for n, _ in COLUMNS)}) VALUES ('delete', ?{',?' * len(COLUMNS)})",
        (row, *texts),
    )


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word of the texts, lower case, as typed (what a typo is checked against)."""
    import re

    # One pass over the texts joined (by a character that is no part of a word): a user's first
    # run indexes thousands of profiles, each of hundreds of texts.
    return {w for w in re.findall(r"[a-z0-9]+", "\n".join(texts).lower()) if len(w) > 2 and not w.isdigit()}


def from_sources(path: Path) -> bool:
    """Whether an index was built with what the official files add (by the importer)."""
    try:
        with sqlite3.connect(uri(path, mode="ro"), uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row and row[0] == "official")


def build(
    path: Path, docs: Sequence[Document], vocabulary: dict[str, Any] | None = None, from_sources: bool = False
) -> None:
    """Write the index of these careers to a new database file (replacing any there), with our
    everyday vocabulary (data/vocabulary.toml, parsed) when given."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.execute("PRAGMA page_size = 4096")
        db.executescript(schema())
        db.execute("INSERT INTO meta VALUES ('version', ?)", (str(VERSION),))
        db.execute("INSERT INTO meta VALUES ('sources', ?)", ("official" if from_sources else "profiles",))
        everyday = vocabulary
        vocabulary_words: set[str] = set()
        for i, d in enumerate(docs, 1):
            vocabulary_words |= insert(db, i, d)
        db.executemany("INSERT INTO word VALUES (?)", ((w,) for w in sorted(vocabulary_words)))
        if everyday:
            db.executemany("INSERT INTO filler VALUES (?)", ((p,) for p in sorted(set(everyday.get("filler", [])))))
            db.executemany(
                "INSERT INTO everyday VALUES (?, ?)",
                sorted((w.lower(), SEP.join(t)) for w, t in everyday.get("words", {}).items()),
            )
            positions: dict[str, int] = {}
            for sense in everyday.get("sense", []):
                k = positions[sense["word"]] = positions.get(sense["word"], -1) + 1
                db.execute(
                    "INSERT INTO sense VALUES (?, ?, ?, ?)",
                    (sense["word"], k, sense["label"], SEP.join(sense["terms"])),
                )
        db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    tmp.replace(path)
