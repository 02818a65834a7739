"""mask_pii: identity codes with a mistyped check character next to a word that names them, and
phone numbers of other countries (after a QA review; team-written sentences, made-up codes and
numbers: the US number is one of the 555-01xx numbers kept for fiction, the others are made up)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from masking import mask
from vastausanalyysi.cli import main
from vastausanalyysi.nlp.pii import valid_hetu
from vastausanalyysi.nlp.pii.patterns import HETU_RE

_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def _wrong(code: str) -> str:
    """``code`` (date, sign, serial) with a check character of the alphabet that is not its own."""
    right = _CHECK[int(code[:6] + code[-3:]) % 31]
    return code + ("X" if right != "X" else "Y")


# -- identity codes --------------------------------------------------------------------------------

# the QA reviewer's two sentences: check characters H and K would be right
QA_CODES = [
    (
        "Asiakkaan henkilötunnus 120379-123K näkyi lomakkeella.",
        "Asiakkaan henkilötunnus [HETU] näkyi lomakkeella.",
    ),
    (
        "Oppilaan (hetu 010105A987X) tiedot siirtyivät väärään kansioon.",
        "Oppilaan (hetu [HETU]) tiedot siirtyivät väärään kansioon.",
    ),
]

NAMED_CODES = [
    *QA_CODES,
    ("HETU: {c}", "HETU: [HETU]"),
    ("hetu:{c} oli liitteessä.", "hetu:[HETU] oli liitteessä."),
    ("Henkilötunnukseni on {c}, korjatkaa se.", "Henkilötunnukseni on [HETU], korjatkaa se."),
    (
        "Huoltajan henkilötunnuksen {c} kirjasin väärin.",
        "Huoltajan henkilötunnuksen [HETU] kirjasin väärin.",
    ),
    ("Sotu {c} näkyi listassa.", "Sotu [HETU] näkyi listassa."),
    ("Syntymätunnus {c} tuli viestissä.", "Syntymätunnus [HETU] tuli viestissä."),
    (
        "Elevens personbeteckning {c} syntes i listan.",
        "Elevens personbeteckning [HETU] syntes i listan.",
    ),
    (
        "Lomakkeessa luki {c} (henkilötunnus) väärässä kentässä.",
        "Lomakkeessa luki [HETU] (henkilötunnus) väärässä kentässä.",
    ),
    (
        "Hetua kysyttiin puhelimessa, annoin sen: {c}.",
        "Hetua kysyttiin puhelimessa, annoin sen: [HETU].",
    ),
    # the codes of a list after the word; the last one is further than 60 characters from it
    (
        "Lasten henkilötunnukset {c}, {d} ja {e} lähtivät sähköpostilla.",
        "Lasten henkilötunnukset [HETU], [HETU] ja [HETU] lähtivät sähköpostilla.",
    ),
    # a space for the sign, spaces around it, a missing check character or sign
    ("Hetu {s} jäi lomakkeelle.", "Hetu [HETU] jäi lomakkeelle."),
    (
        "henkilötunnus {c6} - {c4} oli kirjoitettu käsin",
        "henkilötunnus [HETU] oli kirjoitettu käsin",
    ),
    ("Asiakkaan hetu 150384-217 ilman tarkistetta.", "Asiakkaan hetu [HETU] ilman tarkistetta."),
    ("hetu 150384217X ilman välimerkkiä", "hetu [HETU] ilman välimerkkiä"),
    # a mistyped date next to the word is a mistyped code too
    ("Henkilötunnus 310279-123K on lomakkeella.", "Henkilötunnus [HETU] on lomakkeella."),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_CODES)
def test_a_code_next_to_a_word_that_names_it_is_masked_whatever_its_check(
    text: str, expected: str
) -> None:
    c, d, e = _wrong("131052-308"), _wrong("040211A583"), _wrong("271063-904")
    text = text.format(c=c, d=d, e=e, s=f"{c[:6]} {c[7:]}", c6=c[:6], c4=c[7:])
    assert not any(valid_hetu(m[0]) for m in HETU_RE.finditer(text))
    assert mask(text) == expected


def test_the_qa_codes_have_wrong_check_characters() -> None:
    assert not valid_hetu("120379-123K") and not valid_hetu("010105A987X")
    assert valid_hetu("120379-123H") and valid_hetu("010105A987K")


# ordinary sentences of survey answers: numbers that have the form of a code (a valid date, a
# century sign, three digits and a character of the alphabet) but no word naming a code, and
# words naming codes with no code; all stay. The first five are codes of the 1900s by form.
KEPT = [
    "Tilausnumero 120379-123X saapui perjantaina.",
    "Asianumero 240312-0045 on yhä käsittelyssä.",  # YYMMDD-NNNN: 24.3.1912 by form
    "Tiketti 250314-0012 suljettiin ilman vastausta.",
    "Laskun viite 110523-4417 oli väärin.",
    "Sarjanumero 030622A118F löytyy laitteen pohjasta.",
    "Build 240312-001 korjasi virheen.",
    "Tunnus 020502A9994 ei ole oikea.",  # "tunnus" alone names no identity code
    "Dnro 123/2024 käsitellään 12.03.1979 mennessä.",
    "Versio 2.14.3 julkaistiin 1.2.2024.",
    "Henkilötunnuksia kysyttiin vuonna 2023 yhteensä 150 000 kertaa.",
    "Hetu-kenttä lisättiin lomakkeeseen versiossa 2.3.1 (2024).",
    "Hetun kysyminen on turhaa, sanoi 12 vastaajaa 240 vastaajasta.",
    "Sotu-uudistus 2023 muutti kaiken.",
    "Soturi 120379-1234 oli pelin hahmo.",
    "Henkilötunnus kysytään. Tilausnumero 120379-1234 tuli perässä.",  # another sentence
]


@pytest.mark.parametrize("text", KEPT)
def test_code_like_numbers_and_code_words_alone_stay(text: str) -> None:
    assert mask(text) == text


def test_a_number_of_the_form_near_the_word_is_taken_for_a_code() -> None:
    """A heuristic to know: the word does not have to be about that number."""
    text = "Henkilötunnusta ei tarvita, kun tilausnumero on 120379-1234."
    assert mask(text) == "Henkilötunnusta ei tarvita, kun tilausnumero on [HETU]."


def test_most_kept_numbers_have_the_form_of_a_code() -> None:
    """Masking every code of the right form whatever its check character would mask these
    case, order and serial numbers: a date-based number YYMMDD-NNNN is a code of the 1900s by
    form for every date of 2001-2031."""
    formed = [m[0] for t in KEPT[:6] for m in HETU_RE.finditer(t) if _form_valid(m)]
    assert len(formed) == 5


def _form_valid(m: re.Match[str]) -> bool:
    day, month, year, sign, _, check = m.groups()
    century = {"-": 1900, "+": 1800}.get(sign, 2000 if sign.upper() in "ABCDEF" else 1900)
    try:
        pd.Timestamp(year=century + int(year), month=int(month), day=int(day))
    except ValueError:
        return False
    return check.upper() in _CHECK


def test_a_valid_code_without_a_word_is_still_masked() -> None:
    assert mask("Lomakkeella luki 120379-123H vahingossa.") == "Lomakkeella luki [HETU] vahingossa."


def test_a_mistyped_code_in_a_list_with_a_valid_one_is_masked() -> None:
    text = "Lapset 120379-123H ja 010105A987X tulivat."  # the first is valid, the second not
    assert mask(text) == "Lapset [HETU] ja [HETU] tulivat."
    kept = "Koodi 120379-123H. Tilausnumero 010105A987X tuli."  # another sentence: no list
    assert mask(kept) == "Koodi [HETU]. Tilausnumero 010105A987X tuli."


# -- phone numbers of other countries --------------------------------------------------------------

PHONES = [
    "+49 30 1234567",
    "+46 70 123 45 67",
    "+358 40 123 4567",
    "00358 40 1234567",
    "+1 (202) 555-0143",
    "+1 202 555 0143",
    "+1-202-555-0143",
    "+1.202.555.0143",
    "+44 20 7946 0958",
    "+44 (0)20 7946 0958",
    "(+49) 30 1234567",
    "(+358) 40 123 4567",
    "+4930123456",
    "0049 30 1234567",
    "0046 70 123 45 67",
    "+372 5123 4567",
    "+33 1 23 45 67 89",
    "+47 22 33 44 55",
    "+7 912 345 67 89",
    "+34 612 34 56 78",
]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_numbers_of_other_countries(phone: str) -> None:
    assert mask(f"Soita {phone} huomenna.") == "Soita [PUHELIN] huomenna."
    assert mask(f"puh. {phone}") == "puh. [PUHELIN]"


def test_the_qa_phone_sentences() -> None:
    assert mask("soita +46 70 123 45 67") == "soita [PUHELIN]"
    text = "Ulkomaan numerot: +49 30 1234567, +1 (202) 555-0143 ja 00358 40 1234567."
    assert mask(text) == "Ulkomaan numerot: [PUHELIN], [PUHELIN] ja [PUHELIN]."


KEPT_NUMBERS = [
    "Kasvu oli +5 % edellisvuodesta.",
    "Lämpötila nousi +20 asteeseen, +20 astetta.",
    "Talousarvio +3,5 milj. € ja +12 500 000 € vuodelle 2025.",
    "Kustannukset +150 000 000 euroa vuosina 2024-2026.",
    "Tulos +250 000 000 vuonna 2024.",
    "Investoinnit +1 200 000 000 vuoteen 2030 mennessä.",
    "Väkiluku +120 000 000 asukasta.",
    "Lämpötila vaihteli +5…+10 astetta ja +10–+15 astetta.",
    "Postinumerot 00530 00540 00550 kuuluvat alueeseen.",
    "Päivämäärä +12.03.2024 kirjattiin.",
    "Päivystys +31.12.2024 klo 12.00.",
    "Kokous 2.3.2024 klo 10.00-12.00, +2 osallistujaa.",
    "Kasvua +12 %, +8 % ja +3 %.",
    "Arvosanat +1 +2 +3 ja vuodet 2022 2023 2024.",
    "Asteikolla +1 2 3 4 5 6 7 8 9 vastattiin keskimäärin 6.",
    "Dnro 123/2024 ja versio +2.14.3.",
    "Yhteensä +2 500 000 kruunua.",
]


@pytest.mark.parametrize("text", KEPT_NUMBERS)
def test_sums_dates_ranges_and_scores_with_a_plus_stay(text: str) -> None:
    assert mask(text) == text


# -- the command line ------------------------------------------------------------------------------


def test_tag_writes_the_codes_and_numbers_masked(tmp_path: Path) -> None:
    texts = [QA_CODES[0][0], QA_CODES[1][0], "Soita +49 30 1234567 tai +1 (202) 555-0143."]
    path, out = tmp_path / "vastaukset.csv", tmp_path / "out.csv"
    pd.DataFrame({"respondent_id": ["1", "2", "3"], "text": texts}).to_csv(path, index=False)
    assert main(["tag", str(path), "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8-sig")
    for leak in ("120379", "123K", "010105A987X", "1234567", "555-0143", "202"):
        assert leak not in written
    assert written.count("[HETU]") == 2 and written.count("[PUHELIN]") == 2
