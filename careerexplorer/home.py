"""The home place: the state or area whose wages every command starts from, and the files that name it.

Two files may name a home place: the user's configuration (``careers config set state ND``, a small
TOML file in the configuration folder) and an edition folder's ``edition.toml`` (the edition's name
and home place, used while the folder is in use). The order, first wins: the command's own options
(``--state``, ``--area``, ``--national``), then what the user set, then the edition.

Both files are read on every command, so they are read without the TOML parser when they hold only
``key = "text"`` lines (as this module writes them): importing the parser costs `search`, which
reads no TOML at all, about 5 ms of an 85 ms floor. Any other content goes to the parser.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from careerexplorer.errors import UsageError
from careerexplorer.record import Record

APP = "careers"
CONFIG_FILE = "config.toml"
EDITION_FILE = "edition.toml"
KEYS = ("state", "area", "data-dir")  # what `careers config set` takes
PLACE_KEYS = ("state", "area")  # one home place: setting one clears the other
EDITION_KEYS = ("name", "state", "area")
MAX_BYTES = 64_000  # a few lines; anything this large is not a settings file
# `key = "text"`, in what TOML and JSON read alike: no control character, no \u escape.
_LINE = re.compile(r'^\s*([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\\x00-\x1f\x7f]|\\["\\bfnrt])*")\s*$')


class Edition(Record):
    """An edition folder's ``edition.toml``: its name and home place."""

    folder: Path
    name: str
    state: str | None = None
    area: str | None = None


class Home(Record):
    """Where a command's wages start from when no option names a place, and why."""

    state: str | None
    area: str | None
    why: str  # "your home state", "the home area of North Dakota Careers"
    origin: str  # the file that names it


def config_dir() -> Path:
    """The user's configuration folder for careers: $XDG_CONFIG_HOME/careers or ~/.config/careers
    on Linux and other XDG systems (a relative or empty XDG_CONFIG_HOME is ignored, as the XDG spec
    says); the platform's application folder elsewhere (platformdirs)."""
    if sys.platform in ("win32", "darwin"):
        import platformdirs  # slow to import (10 ms and more): only where the XDG rule does not hold

        return Path(platformdirs.user_config_dir(APP, appauthor=False, roaming=True))
    base = os.environ.get("XDG_CONFIG_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".config") / APP


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def read_file(path: Path) -> dict[str, Any] | None:
    """A small TOML file, or None when there is none; a bad one is a UsageError naming it."""
    try:
        # Without blocking, and regular files only: an edition.toml in a shared folder may be a
        # FIFO, which would wait for a writer forever, or a device, which never ends.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise UsageError(f"{path}: is not a regular file, not a settings file")
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):  # the folder is a loop or no folder: it says so itself
            return None
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise UsageError(f"{path}: is larger than {MAX_BYTES // 1000} kB; not a settings file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: is not UTF-8 text") from None
    out: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None or m.group(1) in out:
            break
        out[m.group(1)] = json.loads(m.group(2))
    else:
        return out
    import tomli  # anything but plain `key = "text"` lines

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {getattr(exc, 'msg', exc)}") from None


def read_config(path: Path) -> dict[str, str]:
    """The user's settings; a key this version does not know, or a value not a string, is an error."""
    doc = read_file(path) or {}
    for key, value in doc.items():
        if key not in KEYS:
            raise UsageError(f"{path}: unknown setting {key!r}{did_you_mean(key, KEYS)}")
        if not isinstance(value, str):
            raise UsageError(f"{path}: {key} must be text in quotes")
    return doc


def write_config(path: Path, values: dict[str, str]) -> None:
    """Write the settings whole, through a temporary file, so that a crash leaves the old ones."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# careers settings: careers config set|unset|show\n" + "".join(
        f"{key} = {_quoted(values[key])}\n" for key in KEYS if key in values
    )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _quoted(value: str) -> str:
    # JSON's escapes are TOML's, but TOML wants DEL escaped too.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def edition(folders: list[Path]) -> Edition | None:
    """The edition of the first folder in use that carries an ``edition.toml``."""
    for folder in folders:
        path = folder / EDITION_FILE
        doc = read_file(path)
        if doc is None:
            continue
        for key, value in doc.items():
            if key not in EDITION_KEYS:
                raise UsageError(f"{path}: unknown key {key!r}{did_you_mean(key, EDITION_KEYS)}")
            if not isinstance(value, str) or not value.strip():
                raise UsageError(f"{path}: {key} must be text in quotes")
        if "state" in doc and "area" in doc:
            raise UsageError(f"{path}: state and area name two home places; give one")
        return Edition(folder, doc.get("name") or folder.name, doc.get("state"), doc.get("area"))
    return None


def home(config: dict[str, str], config_file: Path, folders: list[Path]) -> Home | None:
    """The home place: what the user set, else the edition's, else none (the U.S.)."""
    for key in PLACE_KEYS:
        if config.get(key):
            return Home(config.get("state"), config.get("area"), f"your home {key}", str(config_file))
    found = edition(folders)
    if found and (found.state or found.area):
        kind = "state" if found.state else "area"
        return Home(found.state, found.area, f"the home {kind} of {found.name}", str(found.folder / EDITION_FILE))
    return None


def did_you_mean(text: str, choices: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(text, choices, n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else "; valid: " + ", ".join(choices)


__all__ = ["Edition", "Home", "config_path", "edition", "home", "read_config", "write_config"]
