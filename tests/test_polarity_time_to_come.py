"""A clause set in a time to come is a plan or a forecast, not a finding about the present.

"Hyvinvointialue turvaa päivystyksen myös ensi vuonna" announces, "jatkossa yhteistyö sujuu"
forecasts: neither says that something works now (codebook §3: works is what works, has improved
or succeeded; wishes and plans are neutral, convention 3). A harm to come is a risk, which the
codebook counts as a problem, and a perfect ("on jatkossakin toiminut") or another coordinated
clause in the present still judges.

Every sentence is team-written for these tests; none is taken from a source.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    ("Hyvinvointialue turvaa päivystyksen kaikissa kunnissa myös ensi vuonna.", "neutral"),
    ("Jatkossa yhteistyö sujuu varmasti paremmin.", "neutral"),
    ("Tulevalla valtuustokaudella tiedonkulku paranee.", "neutral"),
    ("Ensi vuonna perhekeskus toimii jo kaikissa kunnissa.", "neutral"),
    # the perfect, and a present clause beside the plan, still judge
    ("Yhteistyö on jatkossakin toiminut hyvin.", "works"),
    ("Yhteistyö toimii hyvin ja jatkossa sitä syvennetään.", "works"),
    ("Yhteistyö toimii nyt hyvin.", "works"),
    # a harm to come is a risk: a problem
    ("Jatkossa rahoitus ei riitä kaikkiin palveluihin.", "problem"),
    ("Ensi vuonna neuvolan palvelut heikkenevät entisestään.", "problem"),
]


@pytest.fixture(scope="module")
def results() -> list[str]:
    lexicon = load_codebook().polarity
    docs = as_docs([text for text, _ in CASES])
    return [rule_polarity(doc, lexicon).label for doc in docs]


@pytest.mark.parametrize("k", range(len(CASES)), ids=[t for t, _ in CASES])
def test_time_to_come(results: list[str], k: int) -> None:
    text, expected = CASES[k]
    assert results[k] == expected, text
