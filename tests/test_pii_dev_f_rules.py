"""mask_pii: the rules added after the blind set dev_f (meeting notes, e-mails, Swedish and
English answers). Team-written sentences: each rule with a sentence it masks and an ordinary
look-alike it keeps."""

from __future__ import annotations

import pytest

from masking import mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phone number right after "p." or "puh." without a space
        ("Varaukset: Eila, p.050 812 3347.", "Varaukset: [NIMI], p.[PUHELIN]."),
        ("Päivystys puh.09-310 4411 arkisin.", "Päivystys puh.[PUHELIN] arkisin."),
        (
            "Sivulla s.040 ei ole mitään, pisteet p.0,5.",
            "Sivulla s.040 ei ole mitään, pisteet p.0,5.",
        ),
        # a spelt-out address after a name that is written like it
        (
            "Write to Chen Jie at chen.jie at example dot org.",
            "Write to [NIMI] at [EMAIL].",
        ),
        ("Mail matti at example dot com at once.", "Mail [EMAIL] at once."),
    ],
)
def test_phones_after_an_abbreviation_and_spelt_out_addresses(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials signing a text after a dash at its end
        (
            "Kokous siirtyy ensi viikkoon, pahoittelut. -KL",
            "Kokous siirtyy ensi viikkoon, pahoittelut. -[NIMI]",
        ),
        (
            "Kommentit minulle torstaihin mennessä –TK",
            "Kommentit minulle torstaihin mennessä –[NIMI]",
        ),
        # abbreviations and numbers after a dash stay
        ("Ohje päivitettiin viime viikolla. -THL", "Ohje päivitettiin viime viikolla. -THL"),
        ("Lisätietoja alueen sivuilta. -HVA", "Lisätietoja alueen sivuilta. -HVA"),
        ("Palkat maksetaan kuun lopussa. -HR", "Palkat maksetaan kuun lopussa. -HR"),
        ("Rajoitukset purettiin keväällä, covid -19", "Rajoitukset purettiin keväällä, covid -19"),
        # not in the middle of a text
        ("Sopimus -KL ja muut liitteet tulivat.", "Sopimus -KL ja muut liitteet tulivat."),
    ],
)
def test_signature_initials(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname's genitive before an agent participle
        (
            "Päätös perustui Heinosen laatimaan muistioon.",
            "Päätös perustui [NIMI] laatimaan muistioon.",
        ),
        ("Hyväksyimme Jokisen tekemän esityksen.", "Hyväksyimme [NIMI] tekemän esityksen."),
        # a town's doing stays
        ("Porin tekemä päätös koskee koko seutua.", "Porin tekemä päätös koskee koko seutua."),
        ("Kosken muovaama ranta on kaunis.", "Kosken muovaama ranta on kaunis."),
        # a thing's namesake: "X:n mukaan nimetty"
        (
            "Koulu sai Minna Canthin mukaan nimetyn stipendin.",
            "Koulu sai Minna Canthin mukaan nimetyn stipendin.",
        ),
        (
            "Minna Laakson mukaan stipendi jaetaan keväällä.",
            "[NIMI] mukaan stipendi jaetaan keväällä.",
        ),
    ],
)
def test_agents_and_namesakes(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # all-capital full names after an abbreviated title
        ("PJ LEENA KOSKI AVASI KOKOUKSEN.", "PJ [NIMI] AVASI KOKOUKSEN."),
        ("Vpj. Salo esitteli talousarvion.", "Vpj. [NIMI] esitteli talousarvion."),
        ("PJ AVASI KOKOUKSEN KLO 9.", "PJ AVASI KOKOUKSEN KLO 9."),
        # English titles, also with a possessive
        ("Please ask Mr. Okoro about the rota.", "Please ask Mr. [NIMI] about the rota."),
        ("Dr. Lahti's clinic is closed on Fridays.", "Dr. [NIMI]'s clinic is closed on Fridays."),
        ("The clinic's hours are short.", "The clinic's hours are short."),
    ],
)
def test_title_abbreviations_and_english_titles(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Swedish genitive -s of a surname, and Swedish person contexts
        (
            "Bergströms rapport visar att läget är oförändrat.",
            "[NIMI] rapport visar att läget är oförändrat.",
        ),
        ("Enligt Holmbergs beräkning räcker pengarna.", "Enligt [NIMI] beräkning räcker pengarna."),
        ("Kontakta Salo om ni har frågor.", "Kontakta [NIMI] om ni har frågor."),
        ("Det gick bra tack vare Koski.", "Det gick bra tack vare [NIMI]."),
        # a place after a preposition, a town's genitive
        (
            "Bussen går från Ekenäs till Karis varje timme.",
            "Bussen går från Ekenäs till Karis varje timme.",
        ),
        ("Mötet hölls i Jakobstads stadshus.", "Mötet hölls i Jakobstads stadshus."),
    ],
)
def test_swedish_genitives_and_contexts(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Vietnamese middle names join the name
        (
            "Yhteyshenkilö on Tran Thi Lan, puh. 044 120 3344.",
            "Yhteyshenkilö on [NIMI], puh. [PUHELIN].",
        ),
        ("Kävimme Van Goghin näyttelyssä.", "Kävimme Van Goghin näyttelyssä."),
        # a nickname before "eli" and a name
        ("Pate eli Patrik Sundell vastaa tiloista.", "[NIMI] eli [NIMI] vastaa tiloista."),
        ("Kela eli Kansaneläkelaitos maksaa tuen.", "Kela eli Kansaneläkelaitos maksaa tuen."),
    ],
)
def test_middle_names_and_nicknames(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name Voikko reads as an ordinary word, in an allative with thanks
        (
            "Olemme kiitollisia Tetianalle tulkkauksesta.",
            "Olemme kiitollisia [NIMI] tulkkauksesta.",
        ),
        ("Olen kiitollinen tuelle ja avulle.", "Olen kiitollinen tuelle ja avulle."),
        # a first name that is a word, in an illative with a verb of trust
        ("Hankkeessa Hannuun voi aina luottaa.", "Hankkeessa [NIMI] voi aina luottaa."),
        ("Voimme luottaa Lahteen kumppanina.", "Voimme luottaa Lahteen kumppanina."),
        ("Tutustuimme Tampereeseen ja Kuopioon.", "Tutustuimme Tampereeseen ja Kuopioon."),
        # a sentence-initial first name that is a word, and a surname read as a place
        ("Usko Mikkola on hoitanut asian hyvin.", "[NIMI] on hoitanut asian hyvin."),
        ("Toivo Kuopio on sinnikäs.", "Toivo Kuopio on sinnikäs."),
    ],
)
def test_first_names_that_are_words(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institution type noun or "Villa" before a proper name names a building
        (
            "Kesäkurssi pidetään Kampuskeskus Snellmanissa.",
            "Kesäkurssi pidetään Kampuskeskus Snellmanissa.",
        ),
        (
            "Hoivakoti Villa Aino laajenee ensi vuonna.",
            "Hoivakoti Villa Aino laajenee ensi vuonna.",
        ),
        (
            "Yliopistokeskus Topelius järjestää kurssin.",
            "Yliopistokeskus Topelius järjestää kurssin.",
        ),
        # a person's name after "nimi", a person's villa
        ("Listassa luki oppilaan nimi Aino Heikkinen.", "Listassa luki oppilaan nimi [NIMI]."),
        ("Vietimme juhannusta Laaksosen villalla.", "Vietimme juhannusta [NIMI] villalla."),
    ],
)
def test_institutions_and_villas(text: str, expected: str) -> None:
    assert mask(text) == expected
