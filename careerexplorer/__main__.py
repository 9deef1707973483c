"""Run the CLI as ``python -m careerexplorer``."""

from careerexplorer.cli import main

main()
