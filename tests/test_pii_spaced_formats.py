"""mask_pii: identity codes written with spaces, phone extensions and e-mail compounds, added
after the blind set dev_e; dashes, a lone digit group and spelt-out numbers, added after dev_h
(team-written sentences; each with an ordinary look-alike kept)."""

from __future__ import annotations

import pytest

from masking import mask
from vastausanalyysi.nlp.pii import valid_hetu


def _with_check(date_sign_serial: str) -> str:
    digits = date_sign_serial[:6] + date_sign_serial[-3:]
    return date_sign_serial + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(digits) % 31]


@pytest.mark.parametrize(
    "layout",
    ["{d}{s}{n} {c}", "{d} {s} {n}{c}", "{d} {s}{n}{c}", "{d}{s} {n}{c}", "{d} {s} {n} {c}"],
)
@pytest.mark.parametrize("base", ["150384-217", "040211A583", "271063-904"])
def test_identity_codes_with_spaces(layout: str, base: str) -> None:
    code = _with_check(base)
    spaced = layout.format(d=code[:6], s=code[6], n=code[7:10], c=code[10].lower())
    assert valid_hetu(spaced)
    assert mask(f"Lomakkeella luki {spaced}, vaikka ei olisi pitänyt.") == (
        "Lomakkeella luki [HETU], vaikka ei olisi pitänyt."
    )
    # a wrong check character: a random number, kept
    wrong = spaced[:-1] + ("X" if spaced[-1].upper() != "X" else "Y")
    assert mask(f"Tilausnumero {wrong} saapui.") == f"Tilausnumero {wrong} saapui."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vaihde 09 816 2200 / 415 aamupäivisin.", "Vaihde [PUHELIN] aamupäivisin."),
        ("Numero 040 552 1187/23 on päivystys.", "Numero [PUHELIN] on päivystys."),
        # another number after the slash is a number of its own
        ("Soita 040 552 1187 / 050 331 9024.", "Soita [PUHELIN] / [PUHELIN]."),
        # a year or a time after a slash with no number before it stays
        ("Talousarvio 2025 / 2026 on valmis.", "Talousarvio 2025 / 2026 on valmis."),
        ("Kokous klo 14.00 / 45 min.", "Kokous klo 14.00 / 45 min."),
    ],
)
def test_phone_extensions(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Laitoin viestin tuomas.kettunen@hva.example-osoitteeseen eilen.",
            "Laitoin viestin [EMAIL]-osoitteeseen eilen.",
        ),
        (
            "Kirjoita riikka.ojala(at)kunta.example-postiin.",
            "Kirjoita [EMAIL]-postiin.",
        ),
        # a web address with a hyphenated compound is no e-mail
        ("Lomake on kunta.example-sivulla.", "Lomake on kunta.example-sivulla."),
    ],
)
def test_an_email_before_a_hyphenated_ending(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # QA 4: the opening quote went into the mask ("place [EMAIL]' could not be resolved")
        ("place 'matti.m@kunta.example' not found", "place '[EMAIL]' not found"),
        ("Osoite `liisa@kunta.example` ja", "Osoite `[EMAIL]` ja"),
        ("o'brien@kunta.example vastaa", "[EMAIL] vastaa"),  # a quote inside stays in it
    ],
)
def test_a_quote_before_an_email_stays(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("base", ["010190-123", "150384-217", "040211A583"])
def test_an_identity_code_with_a_space_for_its_century_sign(base: str) -> None:
    code = _with_check(base)
    bare = f"{code[:6]} {code[7:]}"  # "010190 123M"
    assert valid_hetu(bare)
    assert mask(f"Hetu {bare} jäi lomakkeelle.") == "Hetu [HETU] jäi lomakkeelle."
    wrong = bare[:-1] + ("X" if bare[-1] != "X" else "Y")
    kept = f"Asiakasnumero {wrong} ja 320190 1234 eivät ole tunnuksia."  # no date: 32.1.
    assert mask(kept) == kept


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", " \u2013 "])
@pytest.mark.parametrize("base", ["150384-217", "271063-904"])
def test_an_identity_code_with_an_en_or_em_dash(dash: str, base: str) -> None:
    code = _with_check(base)
    dashed = code[:6] + dash + code[7:]  # "150384–217K": a word processor's dash
    assert valid_hetu(dashed)
    assert mask(f"Hakemukseen oli kirjoitettu {dashed} vahingossa.") == (
        "Hakemukseen oli kirjoitettu [HETU] vahingossa."
    )
    wrong = dashed[:-1] + ("X" if dashed[-1] != "X" else "Y")
    assert mask(f"Tilausnumero {wrong} saapui.") == f"Tilausnumero {wrong} saapui."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ajanvaraus 050 – 447 1290 arkisin.", "Ajanvaraus [PUHELIN] arkisin."),
        ("Vaihde 09 \u2014 816 5500.", "Vaihde [PUHELIN]."),
        ("Numero 044\u2013318 7720 toimii.", "Numero [PUHELIN] toimii."),
        ("Tavoitat minut numerosta 050 3 456 789.", "Tavoitat minut numerosta [PUHELIN]."),
        # a dash with spaces between two numbers leaves two numbers
        ("Soita 040 223 1156 – 050 447 9081.", "Soita [PUHELIN] – [PUHELIN]."),
        (
            "Numeroni on nolla viisi nolla, kolme kaksi kuusi, yksi yksi neljä viisi.",
            "Numeroni on [PUHELIN].",
        ),
    ],
)
def test_phones_with_dashes_lone_digits_and_words(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Aukioloaika 08 – 16 arkisin.",
        "Ryhmään mahtuu 0 – 5 -vuotiaita.",
        "Y-tunnus 2461577\u20133 on kaupparekisterissä.",  # a business ID with an en dash
        "Sivut 012\u2013034 käsittelevät hanketta.",
        "Tulokset: nolla, yksi tai kaksi virhettä.",
        "Lukuja tuli nolla yksi kaksi kolme neljä viisi.",  # six digit words: too few
    ],
)
def test_ranges_business_ids_and_counted_words_stay(text: str) -> None:
    assert mask(text) == text
