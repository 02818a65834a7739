"""A court's or a legal overseer's act is a legal description (codebook §3 conv. 5; issue 11).

"Hallinto-oikeus ei tutki valituksia", "KHO hylkäsi kunnan valituksen": in a clause whose subject
is a court, neither the negation nor the appeal's words ("valitus", "lainvastainen") judge the
cooperation. Another clause of the same sentence still does ("…, koska kuntaa ei kuultu"), and so
does a clause about the court's decision that is not the court's own act ("päätös oli kunnalle
pettymys").

Every sentence is team-written for these tests (lead, 2026-12-06); none is taken from a source.
"""

from __future__ import annotations

import pytest

from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

CASES = [
    # the court's own act, negated or not: a description
    ("Hallinto-oikeus ei ottanut kunnan valitusta käsiteltäväksi.", "neutral"),
    ("Korkein hallinto-oikeus ei muuttanut hallinto-oikeuden päätöstä.", "neutral"),
    ("Hallinto-oikeus hylkäsi kunnan valituksen aluevaltuuston päätöksestä.", "neutral"),
    ("KHO ei myöntänyt valituslupaa kaupungin valitukseen.", "neutral"),
    ("Oikeuskansleri ei puuttunut hyvinvointialueen menettelyyn.", "neutral"),
    # another clause of the sentence, or a clause that is not the court's act, still judges
    ("Hallinto-oikeus kumosi päätöksen, koska kuntaa ei kuultu.", "problem"),
    ("Hallinto-oikeuden päätös oli kunnalle pettymys.", "problem"),
    ("Kunta valitti hallinto-oikeuteen, koska yhteistyö ei toimi.", "problem"),
    # "oikeus" as a right is no court
    ("Kunnan oikeus tulla kuulluksi ei toteutunut palveluverkon valmistelussa.", "problem"),
]


@pytest.fixture(scope="module")
def results() -> list[str]:
    lexicon = load_codebook().polarity
    docs = as_docs([text for text, _ in CASES])
    return [rule_polarity(doc, lexicon).label for doc in docs]


def test_legal_cases_get_their_polarity(results: list[str]) -> None:
    wrong = [
        (text, want, got) for (text, want), got in zip(CASES, results, strict=True) if got != want
    ]
    assert not wrong, wrong
