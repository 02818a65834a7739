"""mask_pii: phone numbers with any pasted dash (the non-breaking hyphen U+2011 of Word and
Outlook, the hyphen U+2010, the minus sign U+2212 …) and with the country code 358 without "+"
(team-written sentences and made-up numbers; ordinary numbers with the same look kept)."""

from __future__ import annotations

import pandas as pd
import pytest

from masking import mask
from vastausanalyysi.themes.tagger import tag
from vastausanalyysi.workflow import mask_personal_data

DASHES = ["\u2010", "\u2011", "\u2012", "\u2015", "\u2212", "\ufe63"]


@pytest.mark.parametrize("dash", DASHES)
def test_phones_with_a_pasted_dash(dash: str) -> None:
    assert mask(f"Soita 040{dash}218{dash}7731.") == "Soita [PUHELIN]."
    assert mask(f"Vaihde 09{dash}816 5500 arkisin.") == "Vaihde [PUHELIN] arkisin."
    assert mask(f"Numero 050 {dash} 447 1290 toimii.") == "Numero [PUHELIN] toimii."
    assert mask(f"Kotiin +358{dash}44{dash}6120983.") == "Kotiin [PUHELIN]."


@pytest.mark.parametrize("dash", DASHES)
def test_ranges_dates_and_business_ids_with_a_pasted_dash_stay(dash: str) -> None:
    for text in [
        f"Hanke kestää vuosina 2023{dash}2025.",
        f"Jakso 1.1.2023{dash}31.5.2023 oli kiireinen.",
        f"Aukioloaika 8{dash}16 arkisin.",
        f"Y-tunnus 2461577{dash}3 on kaupparekisterissä.",
        f"Sivut 358{dash}412 käsittelevät hanketta.",
    ]:
        assert mask(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("puhelin: 358401234567", "puhelin: [PUHELIN]"),
        ("Soita 358401234567, jos tulee kysyttävää.", "Soita [PUHELIN], jos tulee kysyttävää."),
        ("Toimisto 35891234567 päivystää.", "Toimisto [PUHELIN] päivystää."),
        ("Uusi numero on 3584571234567.", "Uusi numero on [PUHELIN]."),
        ("Soita numeroon 358 40 1234567.", "Soita numeroon [PUHELIN]."),
        ("Tavoitat minut 358\u201150\u20117654321.", "Tavoitat minut [PUHELIN]."),
        # a customer, an order or an account before a phone is no number of that kind (review)
        ("Asiakas 358 40 123 4567 soitti.", "Asiakas [PUHELIN] soitti."),
        ("Tilaus 358 40 123 4567", "Tilaus [PUHELIN]"),
        ("Tili 358401234567", "Tili [PUHELIN]"),
    ],
)
def test_phones_with_the_country_code_and_no_plus(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Budjetti oli 358 000 euroa.",
        "Avustusta haettiin 358 400 000 euroa.",
        "Hinta 35800000 euroa.",
        "Lasku 358401234567 on maksettu.",
        "Laskunumero: 358401234567",
        "Viitenumero 358 40 1234567 puuttui.",
        "Tilaus nro 35891234567 saapui.",
        "Dnro 358/2023 käsiteltiin.",
        "Postinumero 35800 ei ole käytössä.",
        "Luku 3580 1234 tuli raportista.",
    ],
)
def test_sums_invoices_and_short_numbers_with_358_stay(text: str) -> None:
    assert mask(text) == text


def test_lemmas_keep_no_phone_number_with_a_pasted_dash() -> None:
    texts = ["Soita 040\u2011218\u20117731 perhekeskukseen.", "Puhelin 358401234567 toimii."]
    lemmas = mask_personal_data(tag(pd.DataFrame({"text": texts})), ["text"])["lemmas"].tolist()
    flat = [lemma for row in lemmas for lemma in row]
    assert not [lemma for lemma in flat if "7731" in lemma or "358401" in lemma]
    assert "perhekeskus" in flat


@pytest.mark.parametrize("dash", DASHES)
def test_identity_codes_with_a_pasted_dash(dash: str) -> None:
    code = "131052" + dash + "308T"  # made up, with a valid check character
    assert mask(f"Asiakkaan henkilötunnus {code} kirjattiin.") == (
        "Asiakkaan henkilötunnus [HETU] kirjattiin."
    )
    assert mask(f"Tunnus {code} oli lomakkeella.") == "Tunnus [HETU] oli lomakkeella."
