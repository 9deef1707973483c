"""Shared fixtures: the CLI runner, the app, the bundled data and small temporary data folders."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

# tools/ (the importer) is imported from the checkout, however pytest was started.
_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

from helpers import CLEAN_ENV, make_data_dir

from careerexplorer.catalog import Catalog, Clusters, bundled_dir
from careerexplorer.cli import app as cli_app


@pytest.fixture
def runner(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    # A configuration folder of its own, so that no test sees or changes the user's shortlist.
    config = tmp_path_factory.mktemp("config")
    return CliRunner(env={**CLEAN_ENV, "XDG_CONFIG_HOME": str(config)})


@pytest.fixture
def app() -> Any:
    return cli_app


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The bundled data folder of the checkout."""
    return bundled_dir()


@pytest.fixture(scope="session")
def clusters(data_dir: Path) -> Clusters:
    return Clusters.load(data_dir)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled catalog, shared: look-ups only, never mutated."""
    return Catalog()


@pytest.fixture
def tmp_data(tmp_path: Path) -> Path:
    """A temporary data folder with a small catalog (helpers.SMALL_CATALOG) and its index."""
    return make_data_dir(tmp_path)


@pytest.fixture
def use_data_dir(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make the package treat a given folder as its bundled data."""

    def use(folder: Path) -> None:
        monkeypatch.setattr("careerexplorer.catalog.bundled_dir", lambda: folder)

    return use


@pytest.fixture(autouse=True, scope="session")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The caches of user folders (careerexplorer.usercache) go to a folder of the test run's own,
    never to the home of whoever runs the tests; subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True, scope="session")
def config_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The settings of `careers config` are read from a folder of the test run's own, never from the
    home of whoever runs the tests (a home state there would change every page); subprocesses
    inherit it."""
    folder = tmp_path_factory.mktemp("settings")
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = before
