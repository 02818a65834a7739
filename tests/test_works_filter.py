"""The "what works" filter (issue 10: ``polarity=("works", "mixed")`` keeps no problem statement)
on answers written to slip through it, and the rules that came from them.

``tests/data/works_filter.csv`` (125 answers: 74 problem, 25 mixed, 26 works) was written blind
by a helper of the team who had read only the codebook and ``corpus/CODING.md``: complaints with
polite or positive-sounding openings, irony, praise of the past only, hedges, stage statements,
and good answers with negative words (see ``tests/data/README.md``). Measured once before its
errors were read, answers tagged as answers to a "what works" question: 28 of the 74 problem
answers were kept by the filter, 2 of the 51 works/mixed answers dropped. ``gap`` says why the
tagger still misses an answer (a strict xfail: when it gets it right, the test fails and the
answer moves to the passing ones).

``RULE_CASES`` are team-written for these tests (lead, 2026-12-07): praise or thanks for the
survey itself ("Hyvä että kysytte") judges the asking, not the cooperation; a task verb's topic
("kartoittaa", "kysyä") ends at a comma before a main clause of its own; "vie vielä vuosia"
with two words between is a stage statement; praise of the past followed by a problem now is
superseded (CODING.md P4: the same thing, the final assessment wins); a predicate put before a
negated "olla" ("Tyytyväinen en ole") is denied.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from documents import README, flat

DATA = Path(__file__).parent / "data" / "works_filter.csv"
WORKS_QUESTION = "Mikä yhteistyössä toimii hyvin?"
KEPT = ("works", "mixed")


def _rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()


@pytest.fixture(scope="module")
def tagged() -> pd.DataFrame:
    return va.tag([r["text"] for r in ROWS], question=WORKS_QUESTION, evidence=False)


def _filter_right(row: dict[str, str], polarity: str) -> bool:
    """Whether the filter treats the answer as its label says: a problem dropped, others kept."""
    return (polarity in KEPT) == (row["expected"] != "problem")


def test_the_set_is_what_the_docstring_says() -> None:
    counts = pd.Series([r["expected"] for r in ROWS]).value_counts().to_dict()
    assert counts == {"problem": 74, "mixed": 25, "works": 26}
    assert sum(bool(r["gap"]) for r in ROWS) <= 23


def test_the_filter_keeps_no_problem_answer_outside_the_known_gaps(tagged: pd.DataFrame) -> None:
    leaks = [
        r["text"]
        for r, polarity in zip(ROWS, tagged["polarity"], strict=True)
        if not r["gap"] and r["expected"] == "problem" and polarity in KEPT
    ]
    assert len([r for r in ROWS if not r["gap"] and r["expected"] == "problem"]) >= 50
    assert not leaks


def test_the_filter_keeps_the_good_answers_outside_the_known_gaps(tagged: pd.DataFrame) -> None:
    dropped = [
        r["text"]
        for r, polarity in zip(ROWS, tagged["polarity"], strict=True)
        if not r["gap"] and r["expected"] != "problem" and polarity not in KEPT
    ]
    assert not dropped


def test_the_readme_gives_the_filter_s_figures(tagged: pd.DataFrame) -> None:
    """The README's figures: the problems kept now, of how many, and the good answers dropped."""
    polarity = tagged["polarity"].tolist()
    kept = sum(
        r["expected"] == "problem" and p in KEPT for r, p in zip(ROWS, polarity, strict=True)
    )
    dropped = sum(
        r["expected"] != "problem" and p not in KEPT for r, p in zip(ROWS, polarity, strict=True)
    )
    text = flat(README)
    assert f"keeps {kept} after the rules they led to ({dropped} of the 51 good answers" in text
    assert f"still keeps {kept} of 74 complaints written blind" in text


@pytest.mark.parametrize(
    "index", [i for i, r in enumerate(ROWS) if r["gap"]], ids=lambda i: ROWS[i]["text"][:40]
)
@pytest.mark.xfail(strict=True, reason="a known gap, see the gap column")
def test_known_gaps_of_the_filter(index: int, tagged: pd.DataFrame) -> None:
    assert _filter_right(ROWS[index], tagged["polarity"].iloc[index])


RULE_CASES = [
    # praise or thanks for the survey itself is no praise of the cooperation
    ("Hyvä että kysytte, sillä yhteistyö ei toimi.", "problem"),
    ("Hyvä että kysytte.", "neutral"),
    ("Kiitos kun kysyitte, mikään ei toimi.", "problem"),
    ("Hyvä kysymys. Tiedonkulku ei toimi.", "problem"),
    ("On todella hyvä, että asiaa kartoitetaan, koska tiedonkulku ei toimi.", "problem"),
    ("Kiitos hyvästä kyselystä, kaikki toimii.", "works"),
    # praise of something else with "että"/"kun", or of the cooperation, still counts
    ("Hyvä, että yhteistyötä tehdään.", "works"),
    ("Yhteistyö on hyvää, kun asioista kysytään.", "works"),
    # a task verb's topic ends at a comma before a main clause of its own
    ("Hyvä että kysytte, yhteistyö toimii hyvin.", "works"),
    ("Kartoitimme tilanteen, yhteistyö toimii hyvin.", "works"),
    ("Selvitämme, miten yhteistyö toimii.", "neutral"),
    ("Selvitetään, toimiiko yhteistyö.", "neutral"),
    ("Kartoitamme tarpeita, resursseja ja vastuita.", "neutral"),
    # a stage statement with two words between "viedä" and the time
    ("Vie varmasti vielä vuosia ennen kuin roolit selkiävät.", "problem"),
    ("Vie varmasti vielä aikaa ennen kuin asiat asettuvat.", "problem"),
    # praise of the past, a problem now: the final assessment wins
    ("Ennen toimi, mutta nyt ei.", "problem"),
    ("Alussa yhteistyö sujui hyvin, mutta nyt on ollut haasteita tiedonkulussa.", "problem"),
    ("Pelastuslaitoksen kanssa asiat hoituivat ennen hyvin, nyt yhteyshenkilö ei ehdi.", "problem"),
    # and the other way round, as before: the past problem is over
    ("Alussa oli kankeaa, nyt luottamus on rakentunut.", "works"),
    ("Alussa yhteistyö sujui hyvin ja nyt tiedonkulku toimii.", "works"),
    # a predicate put before a negated "olla" that ends its clause is denied too
    ("Tyytyväinen en ole.", "problem"),
    ("Hyvää se ei ole ollut.", "problem"),
    ("Vaikeaa ei ole.", "works"),
    # but not what a clause before "eikä" says
    ("Yhteistyö on hyvää eikä ole.", "works"),
]


def test_rule_cases_get_their_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(RULE_CASES)
