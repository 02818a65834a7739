"""Accuracy of vastausanalyysi.respondents on the team-written lists in corpus/respondents.

Titles -> groups must stay at 95 % or better, places -> counties at 97 % or better. Unit tests of
the two sides are in test_respondents_groups.py and test_respondents_regions.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import vastausanalyysi as va

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "respondents"


def _csv_rows(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_dev_titles_accuracy() -> None:
    rows = _csv_rows("titles_dev.csv")
    assert len(rows) >= 300
    right = sum(va.respondent_group(r["title"]) == r["expected_group"] for r in rows)
    assert right / len(rows) >= 0.95


def test_check_titles_accuracy() -> None:
    rows = _csv_rows("titles_check.csv")
    right = sum(va.respondent_group(r["title"]) == r["expected_group"] for r in rows)
    assert right / len(rows) >= 0.95


def test_dev_places_accuracy() -> None:
    rows = _csv_rows("places_dev.csv")
    assert len(rows) >= 400
    right = sum(va.resolve_region(r["value"]) == (r["expected_code"] or None) for r in rows)
    assert right / len(rows) >= 0.97


def test_check_places_accuracy() -> None:
    rows = _csv_rows("places_check.csv")
    right = sum(va.resolve_region(r["value"]) == (r["expected_code"] or None) for r in rows)
    assert right / len(rows) >= 0.97


def test_blind_lists_accuracy() -> None:
    """The blind lists (team-written before the code was read) stay above the acceptance bar."""
    titles = _csv_rows("titles_blind.csv")
    places = _csv_rows("places_blind.csv")
    assert len(titles) == len(places) == 250
    right = sum(va.respondent_group(r["title"]) == r["expected_group"] for r in titles)
    assert right / len(titles) >= 0.95
    right = sum(va.resolve_region(r["value"]) == (r["expected_code"] or None) for r in places)
    assert right / len(places) >= 0.97


def test_second_blind_lists_accuracy() -> None:
    """The second blind lists (titles_blind2, places_blind2) stay above the acceptance bar."""
    titles = _csv_rows("titles_blind2.csv")
    places = _csv_rows("places_blind2.csv")
    assert (len(titles), len(places)) == (200, 250)
    right = sum(va.respondent_group(r["title"]) == r["expected_group"] for r in titles)
    assert right / len(titles) >= 0.95
    right = sum(va.resolve_region(r["value"]) == (r["expected_code"] or None) for r in places)
    assert right / len(places) >= 0.97
