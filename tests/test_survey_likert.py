"""Tests of vastausanalyysi.survey.likert: Likert cells to numbers."""

from __future__ import annotations

import math

import pytest

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey import LikertScale


@pytest.mark.parametrize(
    ("text", "value", "status"),
    [
        ("4", 4.0, "ok"),
        ("3,5", 3.5, "ok"),
        ("2.0", 2.0, "ok"),
        ("Erittäin hyvin", 5.0, "ok"),
        ("melko huonosti", 2.0, "ok"),
        ("Ei hyvin eikä huonosti", 3.0, "ok"),
        ("Täysin samaa mieltä", 5.0, "ok"),
        ("Jokseenkin eri mieltä", 2.0, "ok"),
        ("Ei lainkaan selkeä", 1.0, "ok"),
        ("Erittäin selkeä", 5.0, "ok"),
        # the common five-step scales whose inner steps have no qualifier (QA, 2026-12-07)
        ("Samaa mieltä", 4.0, "ok"),
        ("Eri mieltä", 2.0, "ok"),
        ("Neutraali", 3.0, "ok"),
        ("Hyvä", 4.0, "ok"),
        ("Kohtalainen", 3.0, "ok"),
        ("Huono", 2.0, "ok"),
        ("Hyvin", 4.0, "ok"),
        ("Huonosti", 2.0, "ok"),
        ("Erittäin tyytymätön", 1.0, "ok"),
        ("Ei tyytyväinen eikä tyytymätön", 3.0, "ok"),
        ("Melko tyytyväinen", 4.0, "ok"),
        ("Ei lainkaan", 1.0, "ok"),
        ("Jonkin verran", 3.0, "ok"),
        ("Erittäin paljon", 5.0, "ok"),
        ("5 = Erittäin hyvin", 5.0, "ok"),
        ("2 Melko huonosti", 2.0, "ok"),
        ("En osaa sanoa", math.nan, "eos"),
        ("EOS", math.nan, "eos"),
        ("Ei koske", math.nan, "eos"),
        ("", math.nan, "empty"),
        ("-", math.nan, "empty"),
        ("7", math.nan, "invalid"),
        ("0", math.nan, "invalid"),
        ("Loistava", math.nan, "invalid"),
    ],
)
def test_likert_scale_parse(text: str, value: float, status: str) -> None:
    got, got_status, problem = LikertScale().parse(text)
    assert got_status == status
    assert (math.isnan(got) and math.isnan(value)) or got == value
    assert (problem is not None) == (status == "invalid")


def test_bad_likert_options() -> None:
    with pytest.raises(SurveyError, match="likert_scale value for 'Hyvin' must be a number"):
        LikertScale({"Hyvin": "paljon"})
    with pytest.raises(SurveyError, match=r"likert_range must be \(low, high\) with low < high"):
        LikertScale(value_range=(5, 1))
