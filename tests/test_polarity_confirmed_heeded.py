"""A document confirmed is a decision, a view taken into account is a result (codebook §3, §5).

"vahvistaa" strengthens ("osallisuutta on vahvistettu": works) but of a budget, a plan or an
agreement it confirms ("talousarvio on vahvistettu": a decision reported, neutral). The perfect
of "huomioida" says that something was taken into account (works); negated, it was not
(problem).

Every sentence is team-written for these tests (helper realpol, 2026-12-06); none is taken from a
source.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    ("Talousarvio on vahvistettu valtuustossa.", "neutral"),
    ("Aluehallitus on vahvistanut palvelustrategian.", "neutral"),
    ("Osallisuutta on vahvistettu kyselyillä.", "works"),
    ("Kuntien näkemykset on huomioitu valmistelussa.", "works"),
    ("Kuntien näkemyksiä ei ole huomioitu valmistelussa.", "problem"),
]


@pytest.fixture(scope="module")
def results() -> list[str]:
    lexicon = load_codebook().polarity
    docs = as_docs([text for text, _ in CASES])
    return [rule_polarity(doc, lexicon).label for doc in docs]


def test_confirmed_and_heeded_get_their_polarity(results: list[str]) -> None:
    wrong = [
        (text, want, got) for (text, want), got in zip(CASES, results, strict=True) if got != want
    ]
    assert not wrong, wrong
