"""mask_pii: the name rules added after the blind set dev_e (team-written sentences; each rule
with a sentence it masks and an ordinary look-alike it keeps)."""

from __future__ import annotations

import pytest

from masking import mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a house named after a person, also as a compound's head
        ("Juhlat pidettiin Sibeliuksen talolla.", "Juhlat pidettiin Sibeliuksen talolla."),
        (
            "Ilmoittautuminen Lasse Virénin urheilutalon aulassa.",
            "Ilmoittautuminen Lasse Virénin urheilutalon aulassa.",
        ),
        # a bare "talo" after a common name is a home; after a compound's owner a person
        ("Kävimme Heikkisen talolla kahvilla.", "Kävimme [NIMI] talolla kahvilla."),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sami names, also written without the Sami letters
        ("Saamenkielistä kerhoa ohjaa Biret Guttorm.", "Saamenkielistä kerhoa ohjaa [NIMI]."),
        ("Kysy lisää Áslatilta tai Sunnálta.", "Kysy lisää [NIMI] tai [NIMI]."),
        ("Tulkkina toimi Aslat Länsman.", "Tulkkina toimi [NIMI]."),
        ("Porotalouden asioita hoitaa Niillas Sanila.", "Porotalouden asioita hoitaa [NIMI]."),
        # Karelian and Orthodox names
        ("Kuoroa johtaa Jevdokia Karhapää.", "Kuoroa johtaa [NIMI]."),
        ("Puhuimme Ondrein ja Matronan kanssa.", "Puhuimme [NIMI] ja [NIMI] kanssa."),
        # the places and words of the same regions stay
        (
            "Saamelaiskäräjät ja Inarin kunta sopivat yhteistyöstä Utsjoella.",
            "Saamelaiskäräjät ja Inarin kunta sopivat yhteistyöstä Utsjoella.",
        ),
        (
            "Ortodoksinen seurakunta järjestää praasniekan.",
            "Ortodoksinen seurakunta järjestää praasniekan.",
        ),
    ],
)
def test_sami_and_karelian_names(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name written without ä and ö; an ordinary word so written stays
        (
            "hankekoordinaattori makela lupasi hoitaa asian",
            "hankekoordinaattori [NIMI] lupasi hoitaa asian",
        ),
        ("Asiasta tiesi vain KAARIAINEN.", "Asiasta tiesi vain [NIMI]."),
        (
            "tää kaytto on ihan ok ja hameenlinna on kaukana",
            "tää kaytto on ihan ok ja hameenlinna on kaukana",
        ),
        # a title after a prefix Voikko does not know, then a lower-case name
        ("hyte-suunnittelija koski kävi kertomassa", "hyte-suunnittelija [NIMI] kävi kertomassa"),
        ("hyte-työ koski kaikkia", "hyte-työ koski kaikkia"),
        # a first name (here also a fell's name) in the genitive before a family noun
        (
            "Esimerkiksi Saanan äiti jonotti kuukauden.",
            "Esimerkiksi [NIMI] äiti jonotti kuukauden.",
        ),
        ("Lahden perheet saavat tukea.", "Lahden perheet saavat tukea."),
        ("Onnen lapsi pääsee kerhoon.", "Onnen lapsi pääsee kerhoon."),
        # lower-case first names after thanks or before "kanssa" in spoken text
        ("kiitos ritvalle kotihoidosta", "kiitos [NIMI] kotihoidosta"),
        ("kiitos rannalle tulleille", "kiitos rannalle tulleille"),
        ("mä juttelin sadun kanssa eilen", "mä juttelin [NIMI] kanssa eilen"),
        ("jukan kanssa sovittiin aikataulu", "[NIMI] kanssa sovittiin aikataulu"),
        ("lumen kanssa on ollu ongelmii mut nyt ok", "lumen kanssa on ollu ongelmii mut nyt ok"),
        ("mä toivon kanssa et tää toimis", "mä toivon kanssa et tää toimis"),
        ("satujen kanssa ei oo mitään ongelmaa", "satujen kanssa ei oo mitään ongelmaa"),
        # a role in a "joka" clause right after the name
        (
            "Koolle kutsui Salo, joka toimii perhepalvelujen johtajana.",
            "Koolle kutsui [NIMI], joka toimii perhepalvelujen johtajana.",
        ),
        (
            "Palvelut siirtyivät Saloon, joka toimii alueen keskuksena.",
            "Palvelut siirtyivät Saloon, joka toimii alueen keskuksena.",
        ),
        (
            "Lahti, joka toimii maakunnan keskuksena, kasvaa.",
            "Lahti, joka toimii maakunnan keskuksena, kasvaa.",
        ),
    ],
)
def test_lower_case_family_and_relative_contexts(text: str, expected: str) -> None:
    assert mask(text) == expected
