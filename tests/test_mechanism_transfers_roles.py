"""Division of labour said with transfers and kept tasks (codebook rule 7, §5).

Published prose names ``tyonjako`` when staff or a service is put under a party ("siirretään
hyvinvointialueen alaisuuteen") and when a task stays where it is ("säilyy kunnalla");
premises that stay ("tilat jäävät kunnalle") and know-how shared between regions ("hyviä
käytäntöjä jaetaan alueiden kesken") are no division of work, nor are "leveämmät hartiat" (a
bigger organisation's capacity). Optional is not
voluntary: "käyttö on osapuolille vapaaehtoista" gives no ``osallisuus``, while volunteers
taking part do. Every sentence is team-written for this test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vastausanalyysi.themes.rules import RuleTagger

CASES = [
    ("Puheterapeutit siirrettiin kaupungin alaisuudesta hyvinvointialueen alaisuuteen.", True),
    ("Nuorisotyö pysyy jatkossakin kunnan alaisuudessa.", True),
    ("Ehkäisevä päihdetyö säilyy lakimuutoksen jälkeenkin kunnilla.", True),
    ("Ohjaamon vetovastuu säilytetään toistaiseksi kaupungilla.", True),
    # sharing know-how between regions, and a kept thing that is no task
    ("Hyviä käytäntöjä kannattaa jakaa rohkeasti alueiden kesken.", False),
    ("Kokemuksia jaettiin seminaarissa kuntien kesken.", False),
    ("Vanha koulurakennus säilytetään kaupungin päätöksellä.", False),
    ("Vastuu kuljetuksista pysyy edelleen hyvinvointialueella.", True),
    # premises that stay with the town are a premises matter
    ("Sote-tilat säilyvät kunnalla vuokrakohteina.", False),
    # "leveämmät hartiat" is the capacity of a bigger organisation, "omille hartioille" a burden
    ("Suurempaa aluetta perusteltiin leveämmillä hartioilla.", False),
    ("Kuljetukset jäivät kunnan omille hartioille.", True),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_transfers_and_roles(nlp: Language, tagger: RuleTagger, text: str, expected: bool) -> None:
    result = tagger.tag_doc(nlp(text))
    assert ("tyonjako" in result.mechanisms) is expected, result.evidence


def test_a_kept_task_carries_both_words_as_evidence(nlp: Language, tagger: RuleTagger) -> None:
    result = tagger.tag_doc(nlp("Kuntouttava työtoiminta säilyy hyvinvointialueella."))
    surfaces = [e["surface"] for e in result.evidence["tyonjako"]]
    assert "säilyy hyvinvointialueella" in surfaces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mallisopimuksen käyttäminen on kunnille täysin vapaaehtoista.", False),
        ("Vapaaehtoiset ja järjestöt ovat mukana perhekeskuksen toiminnassa.", True),
    ],
)
def test_optional_is_not_volunteering(
    nlp: Language, tagger: RuleTagger, text: str, expected: bool
) -> None:
    result = tagger.tag_doc(nlp(text))
    assert ("osallisuus" in result.mechanisms) is expected, result.evidence
