"""A negation in what is agreed, decided or asked is no judgment (codebook §3 conv. 3 and 6).

"voivat sopia, ettei tila siirry", "kunta vaati, ettei asemaa suljeta", "sovimme, että tieto ei
enää kulje sähköpostilla": the "että" clause of a verb of agreeing, deciding or demanding is
its content. A result clause ("päätti asiasta niin, että kuntaa ei kuultu") and a plain negation
("kuntaa ei kuultu") still judge.

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

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


@pytest.fixture(scope="module")
def results() -> list[str]:
    lexicon = load_codebook().polarity
    docs = as_docs([text for text, _ in CASES])
    return [rule_polarity(doc, lexicon).label for doc in docs]


def test_agreed_content_gets_its_polarity(results: list[str]) -> None:
    wrong = [
        (text, want, got) for (text, want), got in zip(CASES, results, strict=True) if got != want
    ]
    assert not wrong, wrong
