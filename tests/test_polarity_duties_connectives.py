"""Duties and sentence connectives in published prose (codebook §3 convention 3; CODING.md P4).

A duty said with "olla" and a passive present participle ("yhteistyön on oltava sujuvaa",
"palvelut on turvattava") states what should be, not a finding, so its works words give no
``works``; an attribute that agrees with its noun ("on huomattava etu") is no duty, and a
finding in another clause still counts. A connective adverb inside or at the start of a single
sentence ("Tilanne on kuitenkin vaikea.", "Toisaalta resurssit ovat …") contrasts it with a
sentence the text does not have: with cues of one kind only, the answer is not ``mixed``, while
two sentences or two clauses with both kinds still are. Every sentence is team-written for these
tests (none from any source).
"""

from __future__ import annotations

import pytest

import vastausanalyysi as va
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

DUTIES = [
    ("Yhteistyön on oltava avointa ja sujuvaa kaikissa kunnissa.", "neutral"),
    ("Lähipalvelut on turvattava myös pienissä kunnissa.", "neutral"),
    ("Tiedon on kuljettava kouluilta sosiaalityöhön viiveettä.", "neutral"),
    # an attribute, and a finding beside a duty, still praise
    ("Yhteistyö on sujunut hyvin ja on huomattava etu kunnille.", "works"),
    ("Meillä on toimittava yhdessä, ja yhteistyö on sujunut hyvin.", "works"),
]


@pytest.mark.parametrize(("text", "expected"), DUTIES)
def test_a_duty_is_no_finding(text: str, expected: str) -> None:
    (doc,) = as_docs([text])
    assert rule_polarity(doc, load_codebook().polarity).label == expected


CONNECTIVES = [
    ("Alueen taloustilanne on kuitenkin vaikea.", "problem"),
    ("Uudistukseen liittyy kuitenkin myös monia haasteita.", "problem"),
    ("Kuntien ja alueen yhteistyö sujuu silti hyvin.", "works"),
    # a connective that starts the only sentence contrasts with what the text does not have
    ("Toisaalta tiedonkulku ei edelleenkään toimi kouluille.", "problem"),
    ("Toisaalta resurssit ovat riittämättömät.", "problem"),
    # "kun" of time or cause is no contrast of two clauses (session ten)
    ("Perheet jäävät kuitenkin usein ilman tukea, kun huoli herää.", "problem"),
    # two clauses or two sentences with both kinds stay mixed
    ("Yhteistyö toimii, mutta tiedonkulku takkuaa.", "mixed"),
    ("Yhteistyö toimii hyvin. Tiedonkulku kuitenkin takkuaa.", "mixed"),
]


@pytest.mark.parametrize(("text", "expected"), CONNECTIVES)
def test_a_lone_connective_makes_no_mixed_answer(text: str, expected: str) -> None:
    assert va.tag([text])["polarity"].tolist() == [expected]
