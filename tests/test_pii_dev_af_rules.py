"""mask_pii: the rules added after the blind set dev_af (phone-typed answers: a child's age typed
without a comma after a lower-case first name, a name after a sign-off typed without a space or a
dot, and the spoken order of a surname or a place in the genitive before a first name).
Team-written sentences (not the set's sentences): each rule with sentences it masks and ordinary
look-alikes it keeps."""

from __future__ import annotations

import pytest

import vastausanalyysi as va


def mask(text: str) -> str:
    return va.mask_pii([text])[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a child's age typed right after a first name, also one that is a word
        ("tyttö on aava 6v ja poika onni 3v", "tyttö on [NIMI] 6v ja poika [NIMI] 3v"),
        ("Sisu 7v pääsi kerhoon", "[NIMI] 7v pääsi kerhoon"),
        # a sign-off typed without a space or a dot
        ("kiitos vastauksesta t.Raija", "kiitos vastauksesta t.[NIMI]"),
        ("soitelkaa t jukka", "soitelkaa t [NIMI]"),
        # a surname or a place in the genitive before a first name, as spoken
        ("Mäen Timo kävi katsomassa", "[NIMI] kävi katsomassa"),
        ("kouvolan tiina soitti takaisin", "[NIMI] soitti takaisin"),
    ],
)
def test_masked(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a span of years or a depth, no age
        "yhdistys toimi 30 vuotta kylällä",
        "lunta tuli 20 cm yössä",
        # a lower-case word after a sign-off that is no rare first name
        "t. kunta",
        # an organisation's or an area's genitive before a name keeps its word
        "Helsingin Sanomat kirjoitti asiasta.",
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text


def test_an_organisations_genitive_stays_before_a_masked_name() -> None:
    assert mask("Kelan Anna soitti eilen.") == "Kelan [NIMI] soitti eilen."
