"""Tests of vastausanalyysi.respondents.matching: the word tools shared by groups and regions."""

from __future__ import annotations

import pytest

from vastausanalyysi.respondents.matching import (
    fold_letters,
    lemma_candidates,
    match_key,
    normalise,
    quantity_edits,
    weaker_grades,
)


def test_normalise_and_match_key() -> None:
    assert normalise("  Pohjois\u2013Savon   HYVINVOINTIALUE ") == "pohjois-savon hyvinvointialue"
    assert match_key("Pohjois-Savo") == "pohjoissavo"
    assert fold_letters("hämeenlinna") == "hameenlinna"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("tampereen", "tampere"),
        ("iisalmessa", "iisalmi"),
        ("seinäjoella", "seinäjoki"),
        ("lahdessa", "lahti"),
        ("haukiputaalla", "haukipudas"),
        ("kauniaisissa", "kauniainen"),
        ("lopen", "loppi"),
        ("päällikön", "päällikkö"),
        ("hallituksen", "hallitus"),
        ("teknisen", "tekninen"),
    ],
)
def test_lemma_candidates_reach_the_base_form(word: str, lemma: str) -> None:
    candidates = lemma_candidates(word)
    assert candidates[0] == (word, 0)
    assert lemma in dict(candidates)
    assert [cost for _, cost in candidates] == sorted(cost for _, cost in candidates)


def test_weaker_grades_and_quantity_edits() -> None:
    assert weaker_grades("hallinto") == ["hallinno"]
    assert "porvoo" in quantity_edits("porvo")
    assert "kuopio" in quantity_edits("kuopiio")
    assert "porvo" not in quantity_edits("porvo")
