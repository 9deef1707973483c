"""careers: a terminal career explorer built from official U.S. occupational data."""

__version__ = "0.1.0"
