"""mask_pii: the rules added after session ten's blind sets (2026-12-07). Team-written sentences
(not the sets' sentences): each rule with sentences it masks and ordinary look-alikes it keeps.

* dev_ad: a fully spaced e-mail address, a phone extension named by a word, a name after a
  closing greeting, thanks to a lower-case surname, a title in the same inner local case, a
  message gone to an allative, a person's grip or drive, being present, a first name that is a
  word before a surname, a project, unit or daycare named like a person, someone's shoes;
* dev_ae: a first name in an inner local case with "hän" later in its sentence, a person's team
  or lead after a hyphen, "ylil." before a name, the elative of a town that is also a partitive
  of a surname in -nen;
* dev_af: a child's age typed without a comma, a sign-off typed without a space or a dot, the
  spoken order of a surname or a place in the genitive before a first name.
"""

from __future__ import annotations

import pytest

from masking import check, mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dev_ad
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
        # dev_ae
        # a first name rarely a word, in an inner local case, with "hän" later in the sentence
        ("Pekasta pidetään, koska hän kuuntelee.", "[NIMI] pidetään, koska hän kuuntelee."),
        # a person's team or lead after a hyphen: the name part only
        ("Heikkinen-vetoinen ohjausryhmä kokoontuu.", "[NIMI]-vetoinen ohjausryhmä kokoontuu."),
        ("Lehtonen-tiimin kanssa sovittiin asiasta.", "[NIMI]-tiimin kanssa sovittiin asiasta."),
        # an abbreviated title
        ("Lausunto tuli ylil. Haapalalta.", "Lausunto tuli ylil. [NIMI]."),
        # dev_ai: on leave, said of a person only (a town's name too)
        ("Koski on nyt sairauslomalla.", "[NIMI] on nyt sairauslomalla."),
        ("Lahti oli lomalla koko heinäkuun.", "[NIMI] oli lomalla koko heinäkuun."),
        # dev_af
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
def test_masked(text: str, expected: str | None) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # dev_ad
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
        # on leave: not a body or everyone
        "Kaupunki oli lomalla koko heinäkuun.",
        "Kaikki olivat lomalla, joten päätöstä ei tehty.",
        # dev_ae
        # a place in an inner local case with "hän" later
        "Aurassa on koulu, jossa hän opettaa.",
        # a town or a famous name before a hyphen
        "Lahti-vetoinen hanke jatkuu ensi vuonna.",
        "Sibelius-lukion ja Runeberg-palkinnon juhla pidettiin keväällä.",
        # the elative of the town Salo (also a partitive of Salonen)
        "Hyvä malli, Salosta on tullut hyviä kokemuksia.",
        "Kokeilimme mallia, Salosta saimme vinkkejä.",
        # dev_af
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


def test_coordinated_first_names_in_an_inner_local_case() -> None:
    assert "Tiinasta" not in mask("Kysyimme Jarilta ja Tiinasta, onko hän paikalla.")
