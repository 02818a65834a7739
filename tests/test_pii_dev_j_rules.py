"""mask_pii: the rules added after the blind set dev_j. Team-written sentences (not the set's
sentences or names): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

from masking import mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname in -ki, -pi, -ti inflected without consonant gradation (Joki -> "Jokelle";
        # Voikko knows only "Joelle")
        ("Lopulta Jokelle soitettiin kotiin asti.", "Lopulta [NIMI] soitettiin kotiin asti."),
        ("Tilanne selvisi, kun Kärkelle kerrottiin.", "Tilanne selvisi, kun [NIMI] kerrottiin."),
        ("Pyydä Haukelta lausunto.", "Pyydä [NIMI] lausunto."),
        # a capitalised allative right before a verb of telling or calling
        ("Lehdolle soitettiin heti aamulla.", "[NIMI] soitettiin heti aamulla."),
        ("Kärjelle ilmoitettiin päätöksestä.", "[NIMI] ilmoitettiin päätöksestä."),
        (
            "Saarelle kerrottiin tilanteesta vasta illalla.",
            "[NIMI] kerrottiin tilanteesta vasta illalla.",
        ),
    ],
)
def test_ungraded_surnames_and_the_person_called(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kurki lensi pellon yli aamulla.",
        "Joki tulvi keväällä pihoille asti.",
        "Rannalle soitettiin ambulanssi.",
        "Rannalle lähetettiin pelastusvene.",
        "Kalliolle kiivettiin portaita pitkin.",
    ],
)
def test_birds_rivers_and_places_called_to_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role noun as the predicate of "olla": a person ("vetäjä", "tiedottaja", "-henkilö")
        ("Usko on meidän tiimin vetäjä.", "[NIMI] on meidän tiimin vetäjä."),
        ("Toivo on alueemme tiedottaja.", "[NIMI] on alueemme tiedottaja."),
        ("Aura on hankkeen vastuuhenkilö.", "[NIMI] on hankkeen vastuuhenkilö."),
        ("Onni on koulun juhlapuhuja tänä vuonna.", "[NIMI] on koulun juhlapuhuja tänä vuonna."),
    ],
)
def test_role_nouns_as_predicates(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Usko tulevaisuuteen on vahva.",
        "Usko on vahva ja toivo elää.",
        "Toivo on paras lääke.",
        "Lumi on paras eristäjä.",
        "Usko on puhujan tärkein työkalu.",
        "Toivo paremmasta huomisesta kantaa pitkälle.",
    ],
)
def test_faith_hope_and_snow_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two capitals no dictionary knows, in a list with the writer: initials
        (
            "Kokoukseen osallistuivat JR, AK ja allekirjoittanut.",
            "Kokoukseen osallistuivat [NIMI], [NIMI] ja allekirjoittanut.",
        ),
        ("Paikalla olivat minä, JR ja AK.", "Paikalla olivat minä, [NIMI] ja [NIMI]."),
        (
            "Työryhmään kuuluvat PL sekä allekirjoittanut.",
            "Työryhmään kuuluvat [NIMI] sekä allekirjoittanut.",
        ),
        # or coordinated with a masked name
        ("Mukana olivat Liisa Virtanen, JR ja AK.", "Mukana olivat [NIMI], [NIMI] ja [NIMI]."),
    ],
)
def test_initials_in_a_list_of_people(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mukana olivat THL, KELA ja STM.",
        "Mukana olivat THL, STM ja allekirjoittanut.",
        "Hankkeessa ovat mukana MLL, SPR ja allekirjoittanut.",
        "Paikalla olivat HR, IT ja allekirjoittanut.",
        "TK-rakennus remontoidaan keväällä.",
        "Kokouksessa käsiteltiin JR:n ja AK:n raportit.",
    ],
)
def test_abbreviations_in_lists_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ablative of a unit, after "meidän" and an adjective or after genitives
        (
            "Onni meidän uudelta tiimiltä soitti eilen.",
            "[NIMI] meidän uudelta tiimiltä soitti eilen.",
        ),
        (
            "Ilo kuntien yhteiseltä toimelta hoitaa hankinnat.",
            "[NIMI] kuntien yhteiseltä toimelta hoitaa hankinnat.",
        ),
        # the elative of a unit after "teidän" and an adjective
        (
            "Usko teidän sosiaalisesta tiimistä kävi täällä.",
            "[NIMI] teidän sosiaalisesta tiimistä kävi täällä.",
        ),
    ],
)
def test_a_person_from_our_unit(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Toivo paremmasta hoidosta on suuri.",
        "Tuuli kävi lännen puolelta koko päivän.",
        "Lumi asemalta on jo aurattu.",
        "Lumi katolta putosi pihalle.",
    ],
)
def test_hope_wind_and_snow_from_somewhere_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adessive before "olla": the one who has the knowledge or the responsibility
        ("Lehdolla on paras tieto aikatauluista.", "[NIMI] on paras tieto aikatauluista."),
        ("Koivistolla on vastuu hankinnoista.", "[NIMI] on vastuu hankinnoista."),
        ("Mäellä on ollut kokemusta vastaavasta.", "[NIMI] on ollut kokemusta vastaavasta."),
        # or "hänelle"/"häneltä" later in the sentence
        ("Lehdolla on avaimet, soittakaa hänelle.", "[NIMI] on avaimet, soittakaa hänelle."),
    ],
)
def test_the_one_who_knows(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kalliolla on näköala järvelle.",
        "Mäellä on talo, jossa hän asuu.",
        "Rannalla on tietoa uimavedestä taululla.",
        "Lahdella on tieto asiasta jo.",
        "Saarella on laituri ja sauna.",
    ],
)
def test_places_that_have_things_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name no dictionary or list knows, with a title closing an apposition
        (
            "Työryhmässä on myös Dilan Berwari (arabiankielinen ohjaaja).",
            "Työryhmässä on myös [NIMI] (arabiankielinen ohjaaja).",
        ),
        (
            "Ryhmään kuuluu Dilan Berwari, perheohjaaja, joka aloitti keväällä.",
            "Ryhmään kuuluu [NIMI], perheohjaaja, joka aloitti keväällä.",
        ),
        ("Mukana on Zuzu (perheohjaaja).", "Mukana on [NIMI] (perheohjaaja)."),
        # a known name with a title in brackets
        ("Lumi (ohjaaja) aloitti maanantaina.", "[NIMI] (ohjaaja) aloitti maanantaina."),
    ],
)
def test_a_title_in_apposition(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hankkeessa on mukana Fimea (valvova viranomainen).",
        "Mukana olivat Sitra, rehtori ja kuraattori.",
        "Hankkeen rahoittaa Sitra (ohjaajan mukaan).",
        "Lumi (ohjaajan mukaan) haittasi työtä.",
    ],
)
def test_organisations_before_brackets_stay(text: str) -> None:
    assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname alone that a full name masked in the same text ends in
        (
            "Hankkeen vetäjänä oli Päivi Koski. Kosken lähdettyä vetäjää ei ole löydetty.",
            "Hankkeen vetäjänä oli [NIMI]. [NIMI] lähdettyä vetäjää ei ole löydetty.",
        ),
        (
            "Kiitos Marja Niemelle. Niemen panos oli suuri.",
            "Kiitos [NIMI]. [NIMI] panos oli suuri.",
        ),
    ],
)
def test_a_surname_repeated_after_the_full_name(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # without the full name in the text, the hill stays
        ("Mäen jälkeen käänny oikealle.", "Mäen jälkeen käänny oikealle."),
        ("Mäen päällä on näköalatorni.", "Mäen päällä on näköalatorni."),
        # a first name is not repeated so
        (
            "Usko Hämäläinen kertoi asiasta. Usko tulevaisuuteen on vahva.",
            "[NIMI] kertoi asiasta. Usko tulevaisuuteen on vahva.",
        ),
    ],
)
def test_hills_and_first_names_stay(text: str, expected: str) -> None:
    assert mask(text) == expected
