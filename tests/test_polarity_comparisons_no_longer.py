"""Polarity of three structures QA 7 found in "what works" clusters (issue 10's polarity filter,
issue 11's real prose; CODING.md P3 and P4). Team-written sentences, each rule with counterparts
it must leave alone:

* "voisi" + a comparative ("voisi toimia paremmin", "voisi olla tiiviimpää") judges today as
  short of something: a problem, like "pitäisi toimia paremmin" (P3's comparative);
* after "mutta" or "silti", the same thing with "ei enää" and no noun of its own ("toimi hyvin
  ennen, mutta nyt ei enää") means the praise was of the past: the final assessment wins (P4);
* "silti" like "mutta" before the same thing still unfinished ("on parantunut, silti paljon on
  vielä tehtävää");
* a service shut down ("ajettu alas", "alasajo") is a problem phrase of the lexicon.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    ("Tiedonkulku voisi toimia paljon paremmin.", "problem"),
    ("Yhteistyö kuntien kanssa voisi olla tiiviimpää.", "problem"),
    ("Palaverit voisivat olla selkeämpiä.", "problem"),
    # a soft proposal without a comparative stays neutral, praise stays praise
    ("Yhteistyö voisi jatkua samaan malliin.", "neutral"),
    ("Tämä malli voisi sopia muillekin alueille.", "neutral"),
    ("Tämä voisi olla hyvä malli muillekin.", "works"),
    ("Neuvola toimii nyt paremmin kuin ennen.", "works"),
    # no longer: the same thing
    ("Yhteistyö toimi hyvin ennen hyvinvointialuetta mutta nyt ei enää.", "problem"),
    ("Tiedonkulku sujui aluksi hyvin, mutta ei enää.", "problem"),
    # ... two things stay mixed
    ("Perhekeskus toimii hyvin, mutta tiedonkulku ei enää toimi.", "mixed"),
    ("Oppilashuolto toimii hyvin, mutta kiinteistöasiat eivät enää etene.", "mixed"),
    # "silti" before the same thing unfinished, like "mutta"
    ("Tiedonkulku on parantunut, silti paljon on vielä tehtävää.", "problem"),
    ("Yhteistyö on parantunut, mutta paljon on vielä tehtävää.", "problem"),
    # a service shut down ("ajaa alas", "alasajo"): the lexicon's problem phrase
    ("Aiemmin hyvin toiminut perhekeskus on nyt ajettu alas.", "problem"),
    ("Palvelupisteen alasajo valmistellaan keväällä.", "problem"),
]


@pytest.fixture(scope="module")
def labels() -> list[str]:
    lexicon = load_codebook().polarity
    return [rule_polarity(d, lexicon).label for d in as_docs([t for t, _ in CASES])]


def test_comparisons_and_no_longer_get_their_polarity(labels: list[str]) -> None:
    wrong = [(t, e, g) for (t, e), g in zip(CASES, labels, strict=True) if g != e]
    assert not wrong, wrong
