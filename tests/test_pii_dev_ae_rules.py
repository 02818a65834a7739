"""mask_pii: the rules added after the blind set dev_ae (a first name in an inner local case with
"hän" later in its sentence, a person's team or lead after a hyphen, "ylil." before a name, and
the elative of a town that is also a partitive of a surname in -nen). Team-written sentences
(not the set's sentences): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

import vastausanalyysi as va


def mask(text: str) -> str:
    return va.mask_pii([text])[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name rarely a word, in an inner local case, with "hän" later in the sentence
        ("Pekasta pidetään, koska hän kuuntelee.", "[NIMI] pidetään, koska hän kuuntelee."),
        ("Kysyimme Jarilta ja Tiinasta, onko hän paikalla.", None),
        # a person's team or lead after a hyphen: the name part only
        ("Heikkinen-vetoinen ohjausryhmä kokoontuu.", "[NIMI]-vetoinen ohjausryhmä kokoontuu."),
        ("Lehtonen-tiimin kanssa sovittiin asiasta.", "[NIMI]-tiimin kanssa sovittiin asiasta."),
        # an abbreviated title
        ("Lausunto tuli ylil. Haapalalta.", "Lausunto tuli ylil. [NIMI]."),
    ],
)
def test_masked(text: str, expected: str | None) -> None:
    masked = mask(text)
    if expected is None:
        assert "Tiinasta" not in masked, masked
    else:
        assert masked == expected


@pytest.mark.parametrize(
    "text",
    [
        # a place in an inner local case with "hän" later
        "Aurassa on koulu, jossa hän opettaa.",
        # a town or a famous name before a hyphen
        "Lahti-vetoinen hanke jatkuu ensi vuonna.",
        "Sibelius-lukion ja Runeberg-palkinnon juhla pidettiin keväällä.",
        # the elative of the town Salo (also a partitive of Salonen)
        "Hyvä malli, Salosta on tullut hyviä kokemuksia.",
        "Kokeilimme mallia, Salosta saimme vinkkejä.",
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
