"""mask_pii: the rules added after the blind set dev_ad (a fully spaced e-mail address, a phone
extension named by a word, a name after a closing greeting, thanks to a lower-case surname, a
title in the same inner local case, a message gone to an allative, a person's grip or drive, being
present, a first name that is a word before a surname, a project named like a person).
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
        # an address spaced out around its dots and its "@"
        ("Osoite: m . lehto @ kunta . example", "Osoite: [EMAIL]"),
        ("Laita viestiä a . niemi @ example . org kiitos", "Laita viestiä [EMAIL] kiitos"),
        # an extension named by a word after the number
        ("Vaihde 014 266 0500, alanumero 312.", "Vaihde [PUHELIN]."),
        ("Puh. 09 310 1234 ext. 55 arkisin", "Puh. [PUHELIN] arkisin"),
        # a count after a comma is no extension
        (
            "Soittakaa 040 123 4567, 12 paikkaa on vielä vapaana.",
            "Soittakaa [PUHELIN], 12 paikkaa on vielä vapaana.",
        ),
        # a name alone after a closing greeting at the end of the answer
        ("Kiitos vastauksista. Terveisin Ossi", "Kiitos vastauksista. Terveisin [NIMI]"),
        ("t. Lehto", "t. [NIMI]"),
        # thanks to a surname in lower case, as to a first name
        ("kiitos lehdolle ja rinteelle avusta", "kiitos [NIMI] ja [NIMI] avusta"),
        # a title in the same inner local case right before a surname that is also a word
        ("Koordinaattorista Mäestä on ollut apua.", "Koordinaattorista [NIMI] on ollut apua."),
        # a message gone or sent to a capitalised allative
        ("Kivellehän se kutsu lähti, vastausta ei tullut.", None),
        # a grip, a drive or an attitude that only a person has
        ("Niemellä on hyvä ote hankkeeseen.", "[NIMI] on hyvä ote hankkeeseen."),
        ("Vuorella on into kehittää yhteistyötä.", "[NIMI] on into kehittää yhteistyötä."),
        # being present, as at a meeting (a listed surname, also in lower case at the start)
        ("rinne kunnasta oli paikalla, muut eivät.", None),
        ("Aro oli paikalla koko päivän.", "[NIMI] oli paikalla koko päivän."),
        # in another's shoes
        ("Lehdon housuissa en tekisi niin.", "[NIMI] housuissa en tekisi niin."),
        # a Nordic first name that is also a word, before a surname
        ("Kiitos Maja Holmströmille tuesta.", "Kiitos [NIMI] tuesta."),
    ],
)
def test_masked(text: str, expected: str | None) -> None:
    masked = mask(text)
    if expected is None:
        assert masked.startswith("[NIMI]"), masked
    else:
        assert masked == expected


@pytest.mark.parametrize(
    "text",
    [
        # a project named with a first name that is a word, right after its noun
        "Perhekeskushanke Onni jatkuu ensi vuonna.",
        "Nuorten toimintamalli Aava otettiin käyttöön syksyllä.",
        # and a unit, home or daycare named like a person (dev_ag)
        "Asumispalveluyksikkö Kotiranta muutti uusiin tiloihin.",
        "Päiväkoti Onni aloitti toimintansa syksyllä.",
        # a spaced dot between ordinary words, no address
        "Kohta 3 . Kivi ja sora toimitetaan työmaalle.",
        # a closing greeting signed by an organisation or a town
        "Terveisin Kunnanhallitus",
        "t. Kela",
        "Terveisin Rovaniemi",
        # thanks to the town, to the county and to organisations
        "kiitos salolle ja hyvinvointialueelle yhteistyöstä",
        "Kiitos kunnalle ja järjestöille hyvästä yhteistyöstä.",
        # a grip or a view of a town or a body
        "Kunnalla on hyvä ote asioihin.",
        "Alueella on into kehittää palveluja.",
        # a town with a message or present
        "Lahdelle se viesti meni ajoissa.",
        "Lahti oli paikalla seminaarissa.",
        "Kaikki olivat paikalla.",
        # the station of a town
        "Lahden asemassa on kahvila.",
        # a first name that is a word, as the word
        "Koulun maja on remontissa.",
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
