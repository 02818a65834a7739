"""A crisis as a figure of speech is no preparedness (codebook §1, rule 3: words need exclusions).

"Mielenterveyden kriisi" and a situation that "on kriisiytynyt" are about mental health or money,
not ``varautuminen``; a crisis that the parties prepare for still is. Every sentence is
team-written for this test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nuorten mielenterveyden kriisi näkyy kouluissa joka päivä.", False),
        ("Henkilöstön kriisi on pahentunut terveysasemilla.", False),
        ("Alijäämä on kriisiyttänyt koko alueen talouden.", False),
        ("Kunta ja alue harjoittelevat yhdessä toimintaa kriisitilanteissa.", True),
        ("Varautuminen kriiseihin on kuntien ja alueen yhteinen asia.", True),
    ],
)
def test_a_figurative_crisis_is_no_preparedness(
    nlp: Language, tagger: RuleTagger, text: str, expected: bool
) -> None:
    result = tagger.tag_doc(nlp(text))
    assert ("varautuminen" in result.areas) is expected, result.evidence
