"""Search quality: recall for names and for everyday queries, over the public cases and our own.

    python benchmarks/search_quality.py [--verbose]

Two kinds of case, each as TOML tables:
- names (query, expect, within): passes when a career under one of the accepted SOC prefixes is in
  the first `within` results. Public: ../shared/queries/public.toml; ours: benchmarks/queries.toml.
- everyday (query, expect, within, need): passes when at least `need` of the first `within` results
  fall under the accepted prefixes. Public: ../shared/queries/intents.toml; ours: benchmarks/intents.toml.
- asks (the everyday kind, and max_education, min_salary, exclude, absent): searches that ask for
  a limit, a value, a "not", or a career no catalog has; scored by the rules in the header of
  ../shared/queries/asks.toml. Public: that file; ours: benchmarks/asks.toml, each case with its
  kind (limits, values, not, nothing-fits), whose pass rates are printed one a line.
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
from careerexplorer.listing import Filters, education_level
from careerexplorer.results import SearchHits

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


def kind_of(case: dict[str, Any]) -> str:
    """The category of an ask: as the case says, or from its rules."""
    if "kind" in case:
        return str(case["kind"])
    if case.get("absent"):
        return "nothing-fits"
    if case.get("exclude"):
        return "not"
    if "max_education" in case or "min_salary" in case:
        return "limits"
    return "values"


def pay(facts: dict[str, Any] | None) -> float | None:
    """A year's pay as asks.toml reads it: the annual mean, else the hourly mean x 2,080."""
    if not facts:
        return None
    if facts.get("salary") is not None:
        return float(facts["salary"])
    return float(facts["hourly"]) * 2080 if facts.get("hourly") is not None else None


def judge_ask(found: SearchHits, case: dict[str, Any]) -> tuple[bool, str]:
    """(passed, why not) for an ask, by the rules in the header of ../shared/queries/asks.toml."""
    within, need = case["within"], case.get("need", 1)
    if case.get("absent") and not found.hits:  # said that nothing matched (well)
        return True, ""
    top = list(found.hits[:within])
    codes = [h.onet_code for h in top]
    if "max_education" in case:
        most = education_level(case["max_education"])
        over = [h.onet_code for h in top if not h.facts or h.facts["education"] is None or h.facts["education"] > most]
        if over:
            return False, f"more schooling than {case['max_education']}: {', '.join(over)}"
    if case.get("exclude"):
        ruled = [c for c in codes if c.startswith(tuple(case["exclude"]))]
        if ruled:
            return False, f"ruled out but listed: {', '.join(ruled)}"
    hits = [
        h
        for h in top
        if h.onet_code.startswith(tuple(case["expect"]))
        and ("min_salary" not in case or (pay(h.facts) or 0) >= case["min_salary"])  # type: ignore[arg-type]
    ]
    if len(hits) >= need:
        return True, ""
    return False, f"{len(hits)} of {need} wanted in {within}; got {', '.join(codes[:within]) or 'nothing'}"


def asks(catalog: Catalog, verbose: bool) -> None:
    """The asks, public and ours, with the pass rate of each kind."""
    rates: dict[str, list[int]] = {}
    print(f"\n{'asks':<10}{'set':<8}{'cases':>6}{'pass':>6}{'rate':>7}  ms/query")
    for name, path in (("public", SHARED / "asks.toml"), ("ours", HERE / "asks.toml")):
        if not path.is_file():
            print(f"{'asks':<10}{name:<8}  (not found: {path})")
            continue
        cases = load(path)
        passed = 0
        start = time.perf_counter()
        for case in cases:
            found = search(catalog, case["query"], Filters(), limit=max(10, case["within"]))
            ok, why = judge_ask(found, case)
            passed += ok
            tally = rates.setdefault(kind_of(case), [0, 0])
            tally[0] += ok
            tally[1] += 1
            if verbose and not ok:
                print(f"  FAIL [{kind_of(case)}] {case['query']!r}: {why}")
        ms = (time.perf_counter() - start) * 1000 / len(cases)
        print(f"{'asks':<10}{name:<8}{len(cases):>6}{passed:>6}{passed / len(cases):>7.2f}  {ms:6.1f}")
    for kind, (ok, n) in sorted(rates.items()):
        print(f"  {kind:<14}{n:>6}{ok:>6}{ok / n:>7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="list the cases that fail")
    args = parser.parse_args()
    sets = [
        ("names", "public", SHARED / "public.toml"),
        ("names", "ours", HERE / "queries.toml"),
        ("everyday", "public", SHARED / "intents.toml"),
        ("everyday", "ours", HERE / "intents.toml"),
    ]
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
                print(
                    f"  FAIL {case['query']!r}: want {case.get('need', 1)} of {case['expect']} in {case['within']}, "
                    f"first at {first}; got {', '.join(codes[:5])}"
                )
        ms = (time.perf_counter() - start) * 1000 / len(cases)
        n = len(cases)
        print(f"{kind:<10}{name:<8}{n:>6}{passed:>6}{passed / n:>7.2f}{r1 / n:>7.2f}{r3 / n:>7.2f}  {ms:6.1f}")
    asks(catalog, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
