"""A text typed without ä and ö: an ordinary word that reads as a name without its umlauts
("mika" mikä, "kay" käy, "lisaa" lisää) is masked only where the context says person; a
non-answer after a dash ("- EOS") is no signature. Team-written sentences (QA 6)."""

from __future__ import annotations

import pytest

from vastausanalyysi.nlp.pii import mask_pii

KEPT = [
    "Terveydenhoitaja tulee kouluun kerran viikossa mika on liian vahan.",
    "Kustannukset nousivat ja 3,5 milj. euroa lisaa.",
    "Tapaamisia on harvoin ja kay niin etta tieto ei kulje.",
    "- EOS",
    "Ei osaa sanoa. -EMT",
]
MASKED = [
    ("kuraattori mika on ollut lomalla", "mika"),  # a title before it: a person
    ("no meil on se riitta joka hoitaa kaiken eikä kukaan muu tiedä mitään", "riitta"),
    ("Mika soitti eilen ja lupasi selvittaa asian.", "Mika"),  # capitalised: a name
]


@pytest.mark.parametrize("text", KEPT)
def test_a_word_typed_without_umlauts_is_no_name(text: str) -> None:
    assert mask_pii([text]) == [text]


@pytest.mark.parametrize(("text", "name"), MASKED)
def test_a_name_in_a_persons_context_is_still_masked(text: str, name: str) -> None:
    (out,) = mask_pii([text])
    assert name not in out and "[NIMI]" in out
