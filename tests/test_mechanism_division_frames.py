"""Division of work said with general frames (issue 11, codebook rule 7).

An organisation's task ("hyvinvointialueen tehtävänä on …"), a task moved back by a noun
("siirtäminen takaisin kuntiin"), an unclear role ("epäselvyydet kuraattorien roolissa") and
turf ("reviiririidat") are ``tyonjako``; disputes between the parties ("kiistat", "kahnaukset")
are ``vuorovaikutus`` (CODING.md M2); the look-alikes are neither. Every sentence is
team-written for this test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hyvinvointialueen tehtävänä on tukea kuntien hyte-työtä.", True),
        ("Kunnan tehtävä on huolehtia koulujen tiloista.", True),
        ("Valtuusto harkitsee psykologien siirtämistä takaisin kuntiin.", True),
        ("Ongelmana ovat epäselvyydet kuraattorien roolissa.", True),
        ("Kuntien välillä on ollut reviiririitoja.", True),
        ("Tehtävä oli vaikea ja vei paljon aikaa.", False),
        ("Kuraattorit kertoivat työstään vanhempainillassa.", False),
    ],
)
def test_division_frames(nlp: Language, tagger: RuleTagger, text: str, expected: bool) -> None:
    result = tagger.tag_doc(nlp(text))
    assert ("tyonjako" in result.mechanisms) is expected, result.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kuntien ja hyvinvointialueen välille on syntynyt kiistoja.", True),
        ("Alueen ja kaupungin välillä on ollut kahnausta.", True),
        ("Uusi asukaskysely julkaistiin keväällä.", False),
    ],
)
def test_disputes_between_parties_are_interaction(
    nlp: Language, tagger: RuleTagger, text: str, expected: bool
) -> None:
    result = tagger.tag_doc(nlp(text))
    assert ("vuorovaikutus" in result.mechanisms) is expected, result.evidence
