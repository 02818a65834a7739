"""mask_pii: the rules added after the blind set dev_r. Team-written sentences (not the set's
sentences or names): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

from masking import mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials signing a text after a slash or a shortened greeting
        ("Hoidan asian huomenna. terv. KL", "Hoidan asian huomenna. terv. [NIMI]"),
        ("Lista on liitteenä. t. M-LS", "Lista on liitteenä. t. [NIMI]"),
        ("Välitetty eteenpäin. /PK-J", None),
        ("Kirjattu järjestelmään. /JV", "Kirjattu järjestelmään. /[NIMI]"),
        # a surname in the genitive-accusative right after a verb of meeting
        ("Tapasin Kosken eilen kirjastossa.", "Tapasin [NIMI] eilen kirjastossa."),
    ],
)
def test_masked(text: str, expected: str | None) -> None:
    if expected is None:  # not initials of the signature's shape: left as it was
        assert mask(text) == text
    else:
        assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Yhteistyö toimii. t. THL",  # an organisation
        "Kiitos. Terv. HVA",  # an abbreviation
        "Näimme Lahden valot jo kaukaa.",  # a town
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
