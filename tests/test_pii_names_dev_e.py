"""mask_pii: the name rules added after the blind set dev_e (team-written sentences; each rule
with a sentence it masks and an ordinary look-alike it keeps)."""

from __future__ import annotations

import pytest

import vastausanalyysi as va


def mask(text: str) -> str:
    return va.mask_pii([text])[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a house named after a person, also as a compound's head
        ("Juhlat pidettiin Sibeliuksen talolla.", "Juhlat pidettiin Sibeliuksen talolla."),
        (
            "Ilmoittautuminen Lasse Virénin urheilutalon aulassa.",
            "Ilmoittautuminen Lasse Virénin urheilutalon aulassa.",
        ),
        # a house whose compound names its owner: the genitive before it is a person
        ("Näin Kettusen kunnantalolla eilen.", "Näin [NIMI] kunnantalolla eilen."),
        ("Tapasin Heikkisen kaupungintalolla.", "Tapasin [NIMI] kaupungintalolla."),
        # an organisation known by a plural name; the singular is a first name
        ("Kerhoa vetävät nykyään Martat.", "Kerhoa vetävät nykyään Martat."),
        (
            "Marttojen kanssa sovittiin leivontapäivästä.",
            "Marttojen kanssa sovittiin leivontapäivästä.",
        ),
        ("Martta kertoi kerhon alkavan syksyllä.", "[NIMI] kertoi kerhon alkavan syksyllä."),
    ],
)
def test_houses_and_plural_organisations(text: str, expected: str) -> None:
    assert mask(text) == expected
