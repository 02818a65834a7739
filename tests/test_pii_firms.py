"""Firms named by their owner are organisations, not people; a person with a title or a first
name stays masked (real Voikko; sentences written by the team)."""

from __future__ import annotations

import pytest

from vastausanalyysi.nlp.pii import mask_pii

FIRMS = [
    "Rakennusliike Nieminen korjasi koulun katon.",
    "Taksi Lehtonen ajaa koulukuljetukset.",
    "Apteekki Lindroos jakaa annosjakelut.",
    "Siivouspalvelu Korhonen vastaa päiväkodin siivouksesta.",
    "Kahvila Mäkinen työllistää osatyökykyisiä.",
    "Tilitoimisto Laine hoitaa yhdistyksen kirjanpidon.",
    "Sähköliike Hämäläinen asensi varavoimalan.",
    "Pesula Rinne on mukana työllisyyskokeilussa.",
    "Asunto Oy Kalliorinne vuokraa kerhohuoneen.",
    "Kiinteistö Oy Kivirannan Hovi on myynnissä.",
    "Kuljetukset hoitaa Virtasen Liikenne Oy.",
    "Ahosen Kotihoito hoitaa yöpartion.",
    "Heinosen Leipomo toimittaa leivät kouluille.",
]

PEOPLE = [
    ("Rehtori Nieminen kertoi asiasta.", "Nieminen"),
    ("Kauppias Salonen lahjoitti ruokaa.", "Salonen"),
    ("Taksikuski Lehtonen ajoi väärään osoitteeseen.", "Lehtonen"),
    ("Apteekkari Lindroos neuvoi asiakasta.", "Lindroos"),
    ("Kysyin asiaa Virtasen Jussilta.", "Jussi"),
    ("Anna Ahosen Kotihoito hoitaa yöpartion.", "Ahosen"),
    ("Kävin kaupassa Virtasen kanssa.", "Virtasen"),
    ("Toimistosihteeri Laine lähetti kutsun.", "Laine"),
    ("Virtasen kanssa sovittiin palaverista.", "Virtasen"),
]


@pytest.mark.parametrize("text", FIRMS)
def test_a_firm_named_by_its_owner_is_left_as_is(text: str) -> None:
    assert mask_pii([text]) == [text]


@pytest.mark.parametrize(("text", "name"), PEOPLE)
def test_a_person_beside_such_words_is_masked(text: str, name: str) -> None:
    (masked,) = mask_pii([text])
    assert name not in masked and "[NIMI]" in masked
