"""The ``cluster`` command's own options and messages: which statements, which columns of the
small-group rule, and what the clustering left out. Team-written."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import POLARITIES

log = logging.getLogger("vastausanalyysi.cli")


def add_cluster_options(p: argparse.ArgumentParser) -> None:
    """The options of ``cluster`` besides its input, ``--min-cell`` and the score options."""
    p.add_argument("-k", "--n-clusters", default="auto", help="number of clusters (auto)")
    p.add_argument("--random-state", type=int, default=0)
    p.add_argument(
        "--polarity",
        metavar="LIST",
        help="only statements of these polarities, a comma list of works, problem, mixed, "
        "neutral (e.g. works,mixed for 'what works'); --question keeps one question's answers",
    )
    p.add_argument(
        "--split",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="split answers into statements (sentences, list items) before clustering (no)",
    )
    p.add_argument(
        "--assignments",
        metavar="FILE",
        help="also write one row per statement with its cluster (masked; by suffix like -o)",
    )
    for kind, auto in (("group", "coarse_group or group"), ("county", "county or region")):
        p.add_argument(
            f"--{kind}-column",
            metavar="COLUMN",
            default="auto",
            help=f"the {kind} column of the small-group rule and the clusters' make-up "
            f"(default: {auto}, if there)",
        )


#: Why ``cluster_statements`` left a statement out, in words.
EXCLUDED_REASONS = {
    "polarity": "of another polarity (--polarity)",
    "question": "of another question (--question)",
    "language": "not in Finnish",
}


def report_excluded(excluded: Any, source: object) -> None:
    """Warn how many statements the clustering left out and why (never silently)."""
    if excluded is None or excluded.empty:
        return
    counts = excluded["reason"].value_counts()
    said = "; ".join(f"{n} {EXCLUDED_REASONS.get(str(r), str(r))}" for r, n in counts.items())
    log.warning("%s: %d statement(s) left out of the clustering: %s", source, len(excluded), said)


def polarities(value: str | None) -> tuple[str, ...] | None:
    """``--polarity works,mixed`` as a tuple; SurveyError naming an unknown value."""
    if value is None:
        return None
    wanted = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in wanted if p not in POLARITIES]
    if bad or not wanted:
        raise SurveyError(
            f"--polarity {value!r}: use a comma list of {', '.join(POLARITIES)} (e.g. works,mixed)"
        )
    return wanted


__all__ = [
    "EXCLUDED_REASONS",
    "add_cluster_options",
    "polarities",
    "report_excluded",
]
