"""mask_pii: the rules added after the blind set dev_n. Team-written sentences (not the set's
sentences or names): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

from masking import mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "hän" later in the sentence, past a comma, refers back to the capitalised word
        (
            "Kotkaa ei pyydetty mukaan, vaikka hän tunsi asian parhaiten.",
            "[NIMI] ei pyydetty mukaan, vaikka hän tunsi asian parhaiten.",
        ),
        (
            "Nurhan kertoi, että hänen äitinsä odottaa yhä päätöstä.",
            "[NIMI] kertoi, että hänen äitinsä odottaa yhä päätöstä.",
        ),
        # a capitalised ablative right before a verb of asking from
        (
            "Koivulta kysyttiin neuvoa jo keväällä.",
            "[NIMI] kysyttiin neuvoa jo keväällä.",
        ),
        # an ablative a few words after a verb of asking from
        ("Tiedustelin asiaa Daoudilta eilen.", "Tiedustelin asiaa [NIMI] eilen."),
        # the writer introducing themself
        (
            "Moi, olen Tiwaporn Srisuk ja vastaan yhdistyksen puolesta.",
            "Moi, olen [NIMI] ja vastaan yhdistyksen puolesta.",
        ),
        # a former or birth name
        ("Ohjaaja Leena Mäki (o.s. Haataja) aloitti syksyllä.", None),
        # a place's name in the nominative right after a title is a surname
        ("Tiimivastaava Lappi ei ole vastannut viesteihin.", None),
        # an initial before a place's name
        ("Pöytäkirjan laati K. Vesala.", "Pöytäkirjan laati [NIMI]."),
        # the country code written without "+"
        ("Numero on 358 50 123 4567.", "Numero on [PUHELIN]."),
        # in lower case: a surname's crew, a mistyped surname after a first name
        ("se kivelän porukka päättää kaiken", "se [NIMI] porukka päättää kaiken"),
        ("kuraattori riikka halmenen ei soittanu", None),
        # a partitive with a verb of blaming or thanking
        ("Kiveä ei pidä syyttää kaikesta.", "[NIMI] ei pidä syyttää kaikesta."),
        ("Kiitän Koskea avusta.", "Kiitän [NIMI] avusta."),
        # an inflected surname in -nen is no town with an ending ("Lahtista" is Lahtinen's)
        (
            "Lahtista ei ole näkynyt palavereissa koko kesänä.",
            "[NIMI] ei ole näkynyt palavereissa koko kesänä.",
        ),
        # a first name that is also a system's or a firm's, before a surname, is a person's
        ("Wilma Virtanen kertoi asiasta.", "[NIMI] kertoi asiasta."),
        ("Sovin Elisa Korhosen kanssa aikataulusta.", "Sovin [NIMI] kanssa aikataulusta."),
    ],
)
def test_masked(text: str, expected: str | None) -> None:
    masked = mask(text)
    if expected is not None:
        assert masked == expected
    else:
        assert masked.count("[NIMI]") >= 1
        assert not any(w in masked for w in ("Haataja", "Leena", "Lappi", "riikka", "halmenen"))


@pytest.mark.parametrize(
    "text",
    [
        "Lahdessa hän asui vain vuoden.",  # "hän" without a comma before it: no referent
        "Kotkaan muutettiin, koska hän sai sieltä työpaikan.",  # an inner local case
        "Kaupunki pyysi lausuntoa Espoolta.",  # a town
        "Olen Helsingistä ja olen asunut täällä koko ikäni.",
        "Budjetti oli 358 400 000 euroa.",  # a sum, not a phone number
        "Sote-keskus Ainon ajanvaraus toimii nyt hyvin.",  # a named institution
        "Palvelutalo Marjaan tarvitaan lisää hoitajia.",
        "Kalevala-päivän tapahtuma keräsi paljon lapsia.",  # a day named after the epic
        "Lapin hyvinvointialue ja Lappi yleensäkin ovat isoja.",
        "Rantaa kehuttiin kauniiksi.",  # praise is said of things too
        "Lahtea syytettiin huonosta valmistelusta.",  # a town
        "Wilmassa oli viesti opettajalta.",  # the system alone
        "Wilma Lahdessa toimii nyt paremmin.",  # the system in a town
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
