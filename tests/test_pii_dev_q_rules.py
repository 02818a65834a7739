"""mask_pii: the rules added after the blind set dev_q. Team-written sentences (not the set's
sentences or names): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

from masking import check, mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spoken case ending completed: "-se" for "-sen", "-lt" for "-lta"
        ("mie en tiiä mitä Virtase kans pitäis tehä", "mie en tiiä mitä [NIMI] kans pitäis tehä"),
        ("Kysy Heinoselt, se tietää.", "Kysy [NIMI], se tietää."),
        # claiming, living somewhere
        ("Kallio väittää, että rahat riittävät.", "[NIMI] väittää, että rahat riittävät."),
        ("Onni on asunut tehostetussa palveluasumisessa vuoden.", None),
        # a neighbour in apposition, a person's decision
        ("Tuuli (naapuri) käy katsomassa isää joka päivä.", None),
        (
            "Koivusen päätös siirtää kokous tuli yllätyksenä.",
            "[NIMI] päätös siirtää kokous tuli yllätyksenä.",
        ),
    ],
)
def test_masked(text: str, expected: str | None) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Turust tuli uus ohje eilen.",  # a place with a spoken ending
        "Lahden päätös lakkauttaa koulu tuli yllätyksenä.",  # a town's decision
        "Rauha on tärkeä arvo meidän kylässä.",
        "Naapurikunnan päätös vaikuttaa meihinkin.",
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
