"""A negation in what is agreed, decided or asked is no judgment (codebook §3 conv. 3 and 6).

"voivat sopia, ettei tila siirry", "kunta vaati, ettei asemaa suljeta", "sovimme, että tieto ei
enää kulje sähköpostilla": the "että" clause of a verb of agreeing, deciding or demanding is
its content. A result clause ("päätti asiasta niin, että kuntaa ei kuultu") and a plain negation
("kuntaa ei kuultu") still judge.

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

from collections.abc import Callable

CASES = [
    (
        "Kunta ja alue voivat sopia muun muassa, ettei paloasema siirry alueen hallintaan.",
        "neutral",
    ),
    ("Kunta vaati, ettei terveysasemaa suljeta.", "neutral"),
    ("Sovimme, että tieto ei enää kulje sähköpostilla.", "neutral"),
    ("Kunnan mukaan alue päätti asiasta niin, että kuntaa ei kuultu.", "problem"),
    ("Kuntaa ei kuultu.", "problem"),
]


def test_agreed_content_gets_its_polarity(polarity_mismatches: Callable[..., list]) -> None:
    assert not polarity_mismatches(CASES)
