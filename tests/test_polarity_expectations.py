"""An expectation before "että" is a wish, not a finding (codebook §3 convention 3).

"Odotamme, että …" states what should happen, like "toivomme, että …"; "odotettua paremmin"
(better than expected) still praises and "odottaa yhä vastausta" (still waiting) is still a
problem.

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    ("Odotamme, että hallinto-oikeus ratkaisee asian nopeasti.", "neutral"),
    ("Kaupunki odottaa, että uusi sopimus toimii paremmin kuin edellinen.", "problem"),
    ("Yhteistyö sujui odotettua paremmin.", "works"),
    ("Kunta odottaa yhä vastausta alueelta.", "problem"),
]


@pytest.fixture(scope="module")
def results() -> list[str]:
    lexicon = load_codebook().polarity
    docs = as_docs([text for text, _ in CASES])
    return [rule_polarity(doc, lexicon).label for doc in docs]


def test_expectations_get_their_polarity(results: list[str]) -> None:
    wrong = [
        (text, want, got) for (text, want), got in zip(CASES, results, strict=True) if got != want
    ]
    assert not wrong, wrong
