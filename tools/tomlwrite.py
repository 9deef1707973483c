"""The importer's TOML writer: the package's own (careerexplorer.tomlwrite), which `show -f toml` uses too."""

from careerexplorer.tomlwrite import dumps

__all__ = ["dumps"]
