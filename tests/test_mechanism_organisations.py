"""Organisations as parties of cooperation, not as a topic (issue 11, codebook rule 6).

"järjestö" alone no longer gives ``osallisuus``: an organisation named as the subject of a
finding ("järjestöissä on huoli …", "moni järjestö jäi ilman avustusta") is a topic. It counts
when the organisations take part or are worked with: "järjestöjen kanssa", "kunta, alue ja
järjestöt", "järjestöt osallistuvat", "kuultiin järjestöjä", "järjestöt kehittävät yhdessä".
Every sentence is team-written for this test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kunta tekee tiivistä yhteistyötä järjestöjen kanssa.", True),
        ("Kunta, hyvinvointialue ja järjestöt kokoontuvat kerran kuussa.", True),
        ("Järjestöt osallistuvat hyvinvointisuunnitelman laatimiseen.", True),
        ("Valmistelussa kuultiin alueen järjestöjä.", True),
        ("Järjestöt ja seurakunta järjestävät kesäleirin yhdessä.", True),
        ("Järjestöissä on huoli avustusten tulevaisuudesta.", False),
        ("Moni järjestö jäi tänä vuonna ilman avustusta.", False),
        ("Tilanne on uusi myös järjestöille.", False),
    ],
)
def test_organisations_as_parties(
    nlp: Language, tagger: RuleTagger, text: str, expected: bool
) -> None:
    result = tagger.tag_doc(nlp(text))
    assert ("osallisuus" in result.mechanisms) is expected, result.evidence
