"""Search quality: recall for names and for everyday queries, over the public cases and our own.

    python benchmarks/search_quality.py [--verbose]

Two kinds of case, each as TOML tables:
- names (query, expect, within): passes when a career under one of the accepted SOC prefixes is in
  the first `within` results. Public: ../shared/queries/public.toml; ours: benchmarks/queries.toml.
- everyday (query, expect, within, need): passes when at least `need` of the first `within` results
  fall under the accepted prefixes. Public: ../shared/queries/intents.toml; ours: benchmarks/intents.toml.
Each query is run as `careers search QUERY --json --limit 10` runs it. Prints a table; exits 0
(quality is reported, not asserted; tests/test_search.py holds the floor).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import tomli

from careerexplorer.catalog import Catalog
from careerexplorer.commands import search
from careerexplorer.listing import Filters

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "queries"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        cases: list[dict[str, Any]] = tomli.load(fh)["q"]
    return cases


def judge(codes: list[str], case: dict[str, Any]) -> tuple[bool, int | None]:
    """(passed, rank of the first accepted career) for a case, given the result codes in order."""
    hits = [i for i, c in enumerate(codes, 1) if c.startswith(tuple(case["expect"]))]
    first = hits[0] if hits else None
    need = case.get("need", 1)
    return sum(1 for i in hits if i <= case["within"]) >= need, first


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="list the cases that fail")
    args = parser.parse_args()
    sets = [("names", "public", SHARED / "public.toml"), ("names", "ours", HERE / "queries.toml"),
            ("everyday", "public", SHARED / "intents.toml"), ("everyday", "ours", HERE / "intents.toml")]
    catalog = Catalog()
    none = Filters()
    print(f"{'kind':<10}{'set':<8}{'cases':>6}{'pass':>6}{'rate':>7}{'R@1':>7}{'R@3':>7}  ms/query")
    for kind, name, path in sets:
        if not path.is_file():
            print(f"{kind:<10}{name:<8}  (not found: {path})")
            continue
        cases = load(path)
        passed = r1 = r3 = 0
        start = time.perf_counter()
        for case in cases:
            codes = [h.onet_code for h in search(catalog, case["query"], none, limit=max(10, case["within"])).hits]
            ok, first = judge(codes, case)
            passed += ok
            r1 += first == 1
            r3 += first is not None and first <= 3
            if args.verbose and not ok:
                print(f"  FAIL {case['query']!r}: want {case.get('need', 1)} of {case['expect']} in {case['within']}, "
                      f"first at {first}; got {', '.join(codes[:5])}")
        ms = (time.perf_counter() - start) * 1000 / len(cases)
        n = len(cases)
        print(f"{kind:<10}{name:<8}{n:>6}{passed:>6}{passed / n:>7.2f}{r1 / n:>7.2f}{r3 / n:>7.2f}  {ms:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
