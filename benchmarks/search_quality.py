"""Search quality: recall@1, recall@3 and recall@N over the public cases and our own.

    python benchmarks/search_quality.py [--public PATH] [--verbose]

Cases are TOML tables with query, expect (accepted SOC code prefixes) and within (rank limit).
The public cases live in ../shared/queries/public.toml when present; ours in
benchmarks/queries.toml. Prints a table; exits 0 (quality is reported, not asserted).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import tomli

from careerexplorer.catalog import Catalog
from careerexplorer.search import Searcher

HERE = Path(__file__).resolve().parent
PUBLIC = HERE.parent.parent / "shared" / "queries" / "public.toml"


def load(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return tomli.load(fh)["q"]


def position(results: list, expect: list[str]) -> int | None:
    for i, r in enumerate(results, 1):
        if any(r.onet_code.startswith(code) for code in expect):
            return i
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--public", type=Path, default=PUBLIC)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    sets = [("ours", load(HERE / "queries.toml"))]
    if args.public.is_file():
        sets.insert(0, ("public", load(args.public)))
    else:
        print(f"(public cases not found at {args.public}; skipped)")
    catalog = Searcher(Catalog())
    print(f"{'set':<8}{'cases':>6}{'pass':>6}{'R@1':>7}{'R@3':>7}{'R@N':>7}")
    total = {"n": 0, "pass": 0, "r1": 0, "r3": 0, "rn": 0}
    for name, cases in sets:
        n = ok = r1 = r3 = rn = 0
        for case in cases:
            results = catalog.rank(case["query"], limit=max(10, case["within"]))
            pos = position(results, case["expect"])
            n += 1
            ok += pos is not None and pos <= case["within"]
            r1 += pos == 1
            r3 += pos is not None and pos <= 3
            rn += pos is not None and pos <= case["within"]
            if args.verbose and (pos is None or pos > case["within"]):
                got = ", ".join(r.title for r in results[:3])
                print(f"  FAIL {case['query']!r}: expected {case['expect']} within {case['within']}, at {pos}; got {got}")
        print(f"{name:<8}{n:>6}{ok:>6}{r1 / n:>7.2f}{r3 / n:>7.2f}{rn / n:>7.2f}")
        for key, value in (("n", n), ("pass", ok), ("r1", r1), ("r3", r3), ("rn", rn)):
            total[key] += value
    n = total["n"]
    print(f"{'all':<8}{n:>6}{total['pass']:>6}{total['r1'] / n:>7.2f}{total['r3'] / n:>7.2f}{total['rn'] / n:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
