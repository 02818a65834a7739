"""Accuracy of respondent groups and region resolution on labelled CSV files.

Usage::

    python scripts/eval_respondents.py --titles corpus/respondents/titles_dev.csv \
        --places corpus/respondents/places_dev.csv [--groups my_groups.yaml] [--show-misses]

A titles file has the columns ``title,expected_group``; a places file ``value,expected_code``
(an empty expected code means None: Åland, ambiguous or not a place). Prints the accuracy of each
file (and per expected group for titles) and, with ``--show-misses``, every miss.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from vastausanalyysi.respondents import load_groups, match_region, respondent_group


def _rows(path: Path, columns: tuple[str, str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"{path}: missing column(s) {missing}; found {reader.fieldnames}")
        return list(reader)


def evaluate_titles(path: Path, groups: str | None, show_misses: bool) -> float:
    """Print and return the share of titles mapped to their expected group."""
    classifier = load_groups(groups) if groups else None
    rows = _rows(path, ("title", "expected_group"))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    misses = []
    for row in rows:
        expected = row["expected_group"].strip()
        got = respondent_group(row["title"], groups=classifier)
        total[expected] += 1
        if got == expected:
            right[expected] += 1
        else:
            misses.append((row["title"], expected, got))
    accuracy = sum(right.values()) / max(1, sum(total.values()))
    print(f"titles {path}: {sum(right.values())}/{sum(total.values())} = {accuracy:.1%}")
    for group in sorted(total):
        print(f"  {group:20} {right[group]:4}/{total[group]:<4} {right[group] / total[group]:.1%}")
    if show_misses:
        for title, expected, got in misses:
            print(f"  MISS {title!r}: expected {expected}, got {got}")
    return accuracy


def evaluate_places(path: Path, show_misses: bool) -> float:
    """Print and return the share of places resolved to their expected county (or None)."""
    rows = _rows(path, ("value", "expected_code"))
    right = 0
    misses = []
    for row in rows:
        expected = row["expected_code"].strip() or None
        if expected is not None and expected.isdigit():
            expected = expected.zfill(2)
        match = match_region(row["value"])
        if match.code == expected:
            right += 1
        else:
            misses.append((row["value"], expected, match))
    accuracy = right / max(1, len(rows))
    print(f"places {path}: {right}/{len(rows)} = {accuracy:.1%}")
    if show_misses:
        for value, expected, match in misses:
            print(f"  MISS {value!r}: expected {expected}, got {match.code} ({match.kind})")
    return accuracy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=Path, action="append", default=[], help="titles CSV")
    parser.add_argument("--places", type=Path, action="append", default=[], help="places CSV")
    parser.add_argument("--groups", help="a group file that extends the default table")
    parser.add_argument("--show-misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not args.titles and not args.places:
        parser.error("give --titles and/or --places")
    for path in args.titles:
        evaluate_titles(path, args.groups, args.show_misses)
    for path in args.places:
        evaluate_places(path, args.show_misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
