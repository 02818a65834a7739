"""mask_pii: the rules added after the blind set dev_t. Team-written sentences (not the set's
sentences or names): each rule with sentences it masks and ordinary look-alikes it keeps."""

from __future__ import annotations

import pytest

from masking import check, mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised first name that is also a word, before a family or care noun
        ("Aamun äiti soitti päiväkotiin.", "[NIMI] äiti soitti päiväkotiin."),
        ("Eilen Valon opettaja lähetti viestin.", "Eilen [NIMI] opettaja lähetti viestin."),
        # an illness only a person has, after an adessive and "olla"
        ("Usvalla on astma, ja lääkkeet unohtuvat.", "[NIMI] on astma, ja lääkkeet unohtuvat."),
        # a child in the family as the predicate
        ("Ilo on kuopuksemme ja aloittaa eskarin syksyllä.", None),
        # a family noun with a possessive suffix stands before the name like a title
        ("Lomake tuli poikamme Valon nimellä.", "Lomake tuli poikamme [NIMI] nimellä."),
        ("Kysyin asiaa siskoni Lumin kanssa.", "Kysyin asiaa siskoni [NIMI] kanssa."),
        # a listed first name that Voikko reads as a place, before a kin noun
        ("Lyydia-vauvan rokotus siirtyi taas.", "[NIMI]-vauvan rokotus siirtyi taas."),
    ],
)
def test_masked(text: str, expected: str | None) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Ilman huoltajaa tulleiden lasten ryhmäkoti suljetaan.",  # "ilman" with a partitive
        "Onnen lapsi ei kysy lupaa.",  # the noun's genitive, not the name's ("Onnin")
        "Orava söi lintulaudan tyhjäksi.",  # eating is said of animals too
        "Valon määrä vaikuttaa jaksamiseen talvella.",
        # lower case after a family noun is the word ("ilman" = without)
        "Emme voi puhua isästäni ilman suurta surua.",
        "Tyttäreni Helsingissä opiskelee sairaanhoitajaksi.",  # a place
    ],
)
def test_kept(text: str) -> None:
    assert mask(text) == text
