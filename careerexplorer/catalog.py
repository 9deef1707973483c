"""Find, read and validate profiles (bundled and in user folders) and look careers up.

Reading one profile touches one file (plus the small clusters table); everything that needs the
whole catalog goes through the compact index in ``data/index.json``, so no command parses every
profile on every run.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from collections.abc import Mapping
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerexplorer.errors import CacheDamaged, CareerError, DataError, InvalidProfile, Problem, UnknownCareer
from careerexplorer.model import Profile
from careerexplorer.text import SLUG_RE, normalize

if TYPE_CHECKING:
    from careerexplorer.index import Entry
    from careerexplorer.overlay import Layers

MAX_PROFILE_BYTES = 1_000_000  # a profile is a few KiB; anything this large is not one
CAREERS_PATH = "CAREERS_PATH"
EDITION = "edition.toml"  # careerexplorer.home.EDITION_FILE, which this module does not import


def bundled_dir() -> Path:
    """The bundled data folder: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "clusters.toml").is_file():
            return candidate
    raise DataError("the bundled data folder is missing; reinstall careers")


# --- reading one file ---------------------------------------------------------------------


def locate(text: str, path: str) -> int | None:
    """Best-effort line number (1-based) of a key path such as 'wages.mean' or 'programs[1].cip'."""
    # A key may be any text when quoted in the file ("odd key" = 1): the head is what comes before
    # the first '[' or '.', the key whatever follows.
    m = re.fullmatch(r"([^\[.]+)(?:\[(\d+)\])?(?:\.(.+))?", path, re.DOTALL)
    if not m:
        return None
    head, index, key = m.group(1), m.group(2), m.group(3)
    lines, headers, keys, tables = _layout(text)
    first_header = headers[0] if headers else len(lines)

    def find_key(name: str, start: int, stop: int) -> int | None:
        at = keys.get(name, [])
        i = bisect.bisect_left(at, start)
        return at[i] + 1 if i < len(at) and at[i] < stop else None

    def section_end(start: int) -> int:
        i = bisect.bisect_right(headers, start)
        return headers[i] if i < len(headers) else len(lines)

    if key is None and index is None:
        return find_key(head, 0, first_header)
    if index is not None:
        starts = tables.get(f"[{head}]", [])
        n = int(index)
        if n >= len(starts):
            return None
        table = starts[n]
        return (find_key(key, table + 1, section_end(table)) if key else None) or table + 1
    start = tables.get(head, [None])[0]
    if start is None:
        return find_key(f"{head}.{key}", 0, first_header) or find_key(head, 0, first_header)
    return find_key(key, start + 1, section_end(start)) or start + 1


# Compiled on first use (only a file with problems needs them), not at every start-up.
_KEY_LINE = r"""^\s*(["']?)([^"'=]*?)\1\s*="""
_TABLE_LINE = r"^\s*\[(?:\[\s*([\w-]+)\s*\]\]|\s*([\w-]+)\s*\])"


@lru_cache(maxsize=2)
def _layout(text: str) -> tuple[list[str], list[int], dict[str, list[int]], dict[str, list[int]]]:
    """A file's lines, its table headers and the lines where each key is set, found once per
    file: locating every problem must not read the file again for each one (a file with
    thousands of unknown keys would take minutes)."""
    lines = text.splitlines()
    headers = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("[")]
    key_line, table_line = re.compile(_KEY_LINE), re.compile(_TABLE_LINE)
    keys: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        m = key_line.match(ln)
        if m:
            keys.setdefault(m.group(2).strip(), []).append(i)
    tables: dict[str, list[int]] = {}  # "wages" for [wages], "[programs]" for [[programs]]
    for i in headers:
        t = table_line.match(lines[i])
        if t:
            tables.setdefault(f"[{t.group(1)}]" if t.group(1) else t.group(2), []).append(i)
    return lines, headers, keys, tables


def read_document(path: Path) -> tuple[dict[str, Any], str]:
    """Read and parse one TOML file; every failure is an InvalidProfile naming the file."""
    name = str(path)
    folder = Problem(name, None, "", "is a folder, not a profile file")
    try:
        # Without blocking, and regular files only: opening a FIFO named x.toml for reading
        # would wait for a writer forever, and a device never ends.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise InvalidProfile([folder])
            if not stat.S_ISREG(mode):
                raise InvalidProfile([Problem(name, None, "", "is not a regular file, not a profile")])
            raw = fh.read(MAX_PROFILE_BYTES + 1)
    except InvalidProfile:
        raise
    except OSError as exc:
        if _is_dir(path):  # a system that will not open a folder at all
            raise InvalidProfile([folder]) from None
        raise InvalidProfile([Problem(name, None, "", f"cannot be read ({exc.strerror or exc})")]) from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise InvalidProfile([Problem(name, None, "", f"is larger than {MAX_PROFILE_BYTES // 1000} kB; not a profile")])
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark, as some Windows editors write, is not text
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidProfile([Problem(name, line, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02x})")]) from None
    import tomli  # only where a TOML file is read: search and list read none

    try:
        return tomli.loads(text), text
    except tomli.TOMLDecodeError as exc:
        lineno: int | None = getattr(exc, "lineno", None)
        msg = getattr(exc, "msg", str(exc))
        raise InvalidProfile([Problem(name, lineno, "", f"invalid TOML: {msg}")]) from None
    except RecursionError:
        raise InvalidProfile([Problem(name, None, "", "is nested too deeply to be a profile")]) from None
    except ValueError:  # an integer of thousands of digits: Python refuses to convert it
        raise InvalidProfile([Problem(name, None, "", "holds a number too long to read")]) from None


class Checked:
    """The outcome of validating one file: a profile, or problems (and warnings either way)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.profile: Profile | None = None
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.doc: dict[str, Any] | None = None  # the profile's document (an overlay's, merged)
        self.notes: list[str] = []  # for an overlay: what it adds to the career it extends


def check_file(
    path: Path, clusters: Clusters, layers: Layers | None = None, _seen: frozenset[Path] = frozenset()
) -> Checked:
    """Validate one profile file, collecting every problem rather than stopping at the first.

    An overlay (a profile with ``extends``) is merged here into the career it extends, found in
    ``layers`` (the user's folders, then the bundled data; careerexplorer.overlay)."""
    result = Checked(path)
    try:
        doc, text = read_document(path)
    except InvalidProfile as exc:
        result.errors = exc.problems
        return result
    name = str(path)
    from careerexplorer import schema  # the profile format: only where a profile is read

    errors, warnings = schema.check(doc, partial="extends" in doc)
    if isinstance(doc.get("cluster"), str) and isinstance(doc.get("pathway"), str):
        problem = clusters.problem(doc["cluster"], doc["pathway"])
        if problem:
            errors.append(problem)
    slug = doc.get("slug")
    if isinstance(slug, str) and path.suffix == ".toml" and path.stem != slug:
        errors.append(("slug", f"{slug!r} does not match the file name {path.name!r}"))
    if "extends" in doc and not errors:
        from careerexplorer import overlay

        layers = layers or overlay.Layers([], bundled_dir())
        seen = _seen | {path}
        doc, errors, result.notes = overlay.extend(
            doc,
            path,
            layers,
            lambda p: Checked(p) if p in seen else check_file(p, clusters, layers, seen),
            clusters.problem,
        )
    # A key that is missing has no line of its own: point at its table, or the top of the file.
    result.errors = [Problem(name, locate(text, k) or 1, k, m) for k, m in errors]
    result.warnings = [Problem(name, locate(text, k) or 1, k, m) for k, m in warnings]
    if not result.errors:
        result.profile = Profile.from_dict(doc, origin=name)
        result.doc = doc
    return result


def load_profile(path: Path, clusters: Clusters, layers: Layers | None = None) -> Profile:
    checked = check_file(path, clusters, layers)
    if checked.errors:
        raise InvalidProfile(checked.errors)
    assert checked.profile is not None
    return checked.profile


# --- reference tables ---------------------------------------------------------------------


class Clusters:
    """The 16 Career Clusters and their pathways, with recommended high-school courses."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.clusters: list[dict[str, Any]] = doc["cluster"]
        self._pathways = {(c["name"], p["name"]): p for c in self.clusters for p in c["pathway"]}

    @classmethod
    def load(cls, folder: Path) -> Clusters:
        # clusters.json is the same table, derived by careerexplorer.build: JSON reads in a tenth
        # of the time TOML takes, and every `show` needs the table. Without it (a data folder
        # whose derived files were never built) the TOML is read; a damaged one is a damaged install.
        derived = folder / "clusters.json"
        if os.path.exists(derived):
            from careerexplorer.datafiles import damaged, read_json

            doc = read_json(derived, "clusters table")
            if not _clusters_shape(doc):
                raise damaged(derived, "clusters table", "not a list of clusters, each with its pathways")
            return cls(doc)
        path = folder / "clusters.toml"
        try:
            import tomli

            doc = tomli.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(f"{path}: bundled clusters table is unreadable ({exc})") from None
        if not _clusters_shape(doc):
            raise DataError(f"{path}: bundled clusters table is not a list of clusters, each with its pathways")
        return cls(doc)

    def names(self) -> list[str]:
        return [c["name"] for c in self.clusters]

    def pathway_names(self, cluster: str | None = None) -> list[str]:
        return [p for c, p in self._pathways if cluster in (None, c)]

    def pathway(self, cluster: str, pathway: str) -> dict[str, Any] | None:
        return self._pathways.get((cluster, pathway))

    def problem(self, cluster: str, pathway: str) -> tuple[str, str] | None:
        from careerexplorer.text import did_you_mean

        if cluster not in self.names():
            valid = self.names()
            return "cluster", f"unknown cluster {cluster!r}; valid: " + "; ".join(valid) + did_you_mean(cluster, valid)
        if (cluster, pathway) not in self._pathways:
            valid = self.pathway_names(cluster)
            hint = did_you_mean(pathway, valid)
            return "pathway", f"unknown pathway {pathway!r} in {cluster!r}; valid: " + "; ".join(valid) + hint
        return None


def _clusters_shape(doc: Any) -> bool:
    """Whether a clusters table has what every reader takes from it: clusters and pathways, each
    named, and a list of courses where a pathway has courses. Plain loops, and a join that
    checks that each course is text at C's speed: every `show` reads the table."""
    try:
        for c in doc["cluster"]:
            if type(c["name"]) is not str:
                return False
            for p in c["pathway"]:
                courses = p.get("courses", [])
                if type(p["name"]) is not str or type(courses) is not list:
                    return False
                "".join(courses)  # a TypeError for anything but text
    except (TypeError, KeyError, AttributeError):  # a list where a table belongs, a table without a name
        return False
    return True


# --- the catalog ----------------------------------------------------------------------------


def user_dirs_from_env() -> list[Path]:
    raw = os.environ.get(CAREERS_PATH, "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


class Catalog:
    """All careers: the bundled ones and those in user folders (which win on a shared slug)."""

    def __init__(self, user_dirs: list[Path] | None = None, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir or bundled_dir()
        self.user_dirs = list(dict.fromkeys(user_dirs or []))  # a folder named twice is read once
        self.warnings: list[str] = []

    @cached_property
    def clusters(self) -> Clusters:
        return Clusters.load(self.data_dir)

    @cached_property
    def layers(self) -> Layers:
        """Where an overlay finds the career it extends: the user's folders, then the bundled data."""
        from careerexplorer.overlay import Layers

        return Layers(self.user_dirs, self.data_dir)

    def bundled_path(self, slug: str) -> Path:
        return self.data_dir / "careers" / f"{slug}.toml"

    # User folders are read only when a command needs them, through a cache of what each file
    # held when it was last read (careerexplorer.usercache); a broken file there becomes a
    # warning, never an error that hides the rest of the catalog.
    @cached_property
    def _users(self) -> tuple[Mapping[str, Entry], dict[str, str], Any]:
        if not self.user_dirs:
            return {}, {}, None
        from careerexplorer.usercache import UserCache

        folders = []
        for folder in self.user_dirs:
            problems: list[str] = []
            folders.append((folder, user_file_names(folder, problems), problems))
        cache = UserCache(
            folders,
            lambda path: check_file(path, self.clusters, self.layers),
            self.data_dir / "search.db",
            self.warnings,
        )
        found, where = cache.entries()
        if self.warnings:
            from careerexplorer.overlay import drop_built_on

            drop_built_on(self.warnings, self.layers, lambda path: read_document(path)[0])
        return found, where, cache

    @property
    def user_entries(self) -> Mapping[str, Entry]:
        return self._users[0]

    @property
    def user_cache(self) -> Any:
        """The cache of the user's profiles (careerexplorer.usercache.UserCache), or None."""
        return self._users[2]

    @property
    def user_profiles(self) -> dict[str, Profile]:
        """Every profile of the user's folders, read in full (``entries`` needs only the cache)."""
        return {slug: self.profile(slug) for slug in self.user_entries}

    def heal(self, damage: CacheDamaged) -> None:
        """Set aside a cache of the user's folders found damaged after it was opened, and read the
        folders again into a new one (careerexplorer.usercache), with one warning."""
        from careerexplorer.usercache import discard

        old = self.__dict__.pop("_users", None)
        if old and old[2] is not None:  # its warnings are said again by the new cache
            for note in old[2].notes:
                if note in self.warnings:
                    self.warnings.remove(note)
        for name in ("entries", "by_slug"):
            self.__dict__.pop(name, None)
        discard(damage.path)
        self.warnings.append(
            f"the cache of your profiles ({damage.path}) could not be used ({damage.detail}); it was rebuilt"
        )

    @cached_property
    def entries(self) -> list[Entry]:
        """One entry per career with its facts, sorted by title (see careerexplorer.index)."""
        from careerexplorer.index import read_index  # the index is for whole-catalog commands only

        try:
            users = _all(self.user_entries)
        except CacheDamaged as damage:  # a row read only now
            self.heal(damage)
            users = _all(self.user_entries)
        merged = [users.pop(e["slug"], e) for e in read_index(self.data_dir)] + list(users.values())
        return sorted(merged, key=lambda e: e["title"].lower())

    @cached_property
    def by_slug(self) -> dict[str, Entry]:
        return {e["slug"]: e for e in self.entries}

    def profile(self, slug: str) -> Profile:
        """Read one profile by slug; the slug never becomes a path unless it is a valid slug."""
        if not SLUG_RE.match(slug):
            raise UnknownCareer(slug)
        if self.user_dirs and slug in self.user_entries:
            return load_profile(Path(self._users[1][slug]), self.clusters, self.layers)
        path = self.bundled_path(slug)
        if not _is_file(path):
            raise UnknownCareer(slug)
        return load_profile(path, self.clusters)

    def exact(self, query: str) -> str | None:
        """The slug for an exact identifier: a slug, an O*NET-SOC or SOC code, or a title as
        written in the catalog (any case and punctuation); None when it is none of these.

        Bundled identifiers are answered from the small look-up table without reading the index;
        a user's folder can add or replace careers, so then the entries are consulted too.
        """
        text = query.strip()
        if not text:
            return None
        if SLUG_RE.match(text) and not self.user_dirs and _is_file(self.bundled_path(text)):
            return text
        if not self.user_dirs:
            from careerexplorer.index import read_lookup

            lookup = read_lookup(self.data_dir)
            # A slug a career had before its title was fixed still finds it (a saved shortlist, a link).
            return lookup.get(text.upper()) or lookup.get(normalize(text)) or lookup.get(f"slug:{text}")
        if SLUG_RE.match(text) and (text in self.user_entries or _is_file(self.bundled_path(text))):
            return text  # a slug: no need to read every entry (a folder may hold thousands)
        code = text.upper()
        by_code = sorted((e["onet_code"], e["slug"]) for e in self.entries if code in (e["onet_code"], e["soc_code"]))
        if by_code:
            # A SOC code shared by several O*NET occupations means its .00 (main) one first.
            return by_code[0][1]
        wanted = normalize(text)
        titles = [e["slug"] for e in self.entries if normalize(e["title"]) == wanted]
        if titles:
            return titles[0]
        from careerexplorer.index import read_lookup

        renamed = read_lookup(self.data_dir).get(f"slug:{text}")
        return renamed if renamed in self.by_slug else None


def _all(entries: Mapping[str, Entry]) -> dict[str, Entry]:
    """Every entry of a mapping; those of the user's cache read all at once."""
    everything = getattr(entries, "everything", None)
    return everything() if everything is not None else dict(entries)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    """Path.is_file, but a name too long for the file system (or a folder we may not search) is
    simply not a file here, rather than an OSError."""
    try:
        return path.is_file()
    except OSError:
        return False


def user_files(folder: Path, warnings: list[str]) -> list[Path]:
    """The *.toml files of one user folder, in name order; problems with the folder are warnings."""
    return [Path(name) for name in user_file_names(folder, warnings)]


def user_file_names(folder: Path, warnings: list[str]) -> list[str]:
    """user_files, as strings: a folder of thousands of profiles is listed on every run, and a
    Path made and compared for each file costs more than the rest of a search."""
    # Names are the file system's bytes, decoded as Python does (a name that is not UTF-8 keeps
    # its bytes as escapes): such a file is read like any other, and shown escaped in messages.
    try:
        mode = os.stat(folder).st_mode
        if not stat.S_ISDIR(mode):
            return [str(folder)] if folder.suffix == ".toml" else []
        prefix = os.path.join(folder, "")
        # edition.toml names the folder's edition (careerexplorer.home): not a profile.
        return [prefix + n for n in sorted(os.listdir(folder)) if n.endswith(".toml") and n not in (".toml", EDITION)]
    except FileNotFoundError:
        warnings.append(f"{folder}: data folder does not exist")
    except (OSError, ValueError) as exc:  # a symlink loop, a folder we may not read, a name too long
        warnings.append(f"{folder}: cannot be read ({getattr(exc, 'strerror', None) or exc})")
    return []


def validate_paths(
    paths: list[Path], clusters: Clusters, layers: Layers | None = None
) -> tuple[int, list[Problem], list[str], list[str]]:
    """Check files and folders strictly: (files checked, problems with a place, other problems,
    notes: what each overlay adds, what each profile replacing a bundled career drops)."""
    from careerexplorer import overlay

    layers = layers or overlay.Layers([], bundled_dir())
    report: list[str] = []
    problems: list[Problem] = []
    notes: list[str] = []
    seen: dict[str, Path] = {}
    files: list[Path] = []
    for path in paths:
        try:
            if path.is_dir() and (path / "careers").is_dir() and (path / "clusters.toml").is_file():
                path = path / "careers"  # the bundled data folder
            if not path.exists() and not path.is_symlink():
                notes.append(f"{path}: no such file or folder")
                continue
            files += user_files(path, notes) if path.is_dir() else [path]
        except OSError as exc:  # a folder we may not search, a name too long
            notes.append(f"{path}: cannot be read ({exc.strerror or exc})")
    for path in files:
        checked = check_file(path, clusters, layers)
        problems += checked.errors + checked.warnings
        report += [f"{path}: {note}" for note in checked.notes]
        if checked.profile:
            slug = checked.profile.slug
            bundled = layers.data_dir / "careers" / f"{slug}.toml"
            if not checked.notes and checked.doc and _is_file(bundled) and not _same(path, bundled):
                lost = overlay.dropped(read_document(bundled)[0], checked.doc)
                if lost:
                    report.append(
                        f"{path}: warning: replaces the bundled {slug} and drops its {', '.join(lost)}; "
                        f'to add to it instead, write extends = "{slug}"'
                    )
            if slug in seen:
                problems.append(Problem(str(path), None, "slug", f"{slug!r} is also defined in {seen[slug]}"))
            seen.setdefault(slug, path)
    return len(files), problems, notes, report


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


__all__ = ["CareerError", "Catalog", "Clusters", "bundled_dir", "check_file", "load_profile"]
