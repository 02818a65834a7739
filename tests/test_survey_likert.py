"""Tests of vastausanalyysi.survey.likert: Likert cells to numbers."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from vastausanalyysi.cli import main
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey import LikertScale, read_survey


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


# --- four-step scales without a middle (QA 3: they were scored 1, 2, 4, 5) -------------------

AGREE4 = ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Jokseenkin samaa mieltä",
          "Täysin samaa mieltä"]  # fmt: skip


def _survey_frame(columns: dict[str, list[str]]) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    return pd.DataFrame(
        {
            "Tehtävänimike": ["kunnanjohtaja"] * n,
            "Kunta": ["Kuopio", "Oulu", "Espoo"] * (n // 3) + ["Kuopio"] * (n % 3),
            **columns,
            "Mikä toimii yhteistyössä?": [f"Perhekeskus toimii, kerta {i}." for i in range(n)],
        }
    )


def _cycle(labels: list[str], n: int) -> list[str]:
    return [labels[i % len(labels)] for i in range(n)]


def _values(survey: Any, item: str) -> list[float]:
    return survey.scores.loc[survey.scores["item"] == item, "value"].tolist()


def test_four_step_agreement_scale_is_scored_one_to_four() -> None:
    frame = _survey_frame({"Tieto kulkee": _cycle(AGREE4, 24), "Sovitaan": _cycle(AGREE4, 24)})
    survey = read_survey(frame)
    assert _values(survey, "Tieto kulkee")[:4] == [1.0, 2.0, 3.0, 4.0]
    assert survey.scales["Tieto kulkee"] == (1.0, 4.0)
    assert survey.scores.attrs["scale"] == (1.0, 4.0)
    kinds = [(i.kind, i.column) for i in survey.issues]
    assert kinds == [("four_point_scale", "Tieto kulkee"), ("four_point_scale", "Sovitaan")]
    assert "48 agreement answers" in survey.issues[0].message
    assert "--likert-points 5" in survey.issues[0].message


def test_too_few_answers_without_a_middle_stay_on_five_steps_with_an_issue() -> None:
    survey = read_survey(_survey_frame({"Tieto kulkee": _cycle(AGREE4, 8)}))
    assert _values(survey, "Tieto kulkee")[:4] == [1.0, 2.0, 4.0, 5.0]
    assert survey.scales["Tieto kulkee"] == (1.0, 5.0)
    assert [i.kind for i in survey.issues] == ["ambiguous_scale"]
    assert "8 answers" in survey.issues[0].message


def test_a_middle_answer_anywhere_in_the_battery_keeps_five_steps() -> None:
    five = _cycle(AGREE4, 24)
    five[5] = "Ei samaa eikä eri mieltä"
    survey = read_survey(_survey_frame({"Tieto kulkee": _cycle(AGREE4, 24), "Sovitaan": five}))
    assert _values(survey, "Tieto kulkee")[:4] == [1.0, 2.0, 4.0, 5.0]
    assert not list(survey.issues)


def test_other_families_and_numbers_are_not_rescored() -> None:
    amount = ["Ei lainkaan", "Vähän", "Jonkin verran", "Paljon"]  # one-sided: 1–4 as it is
    numbers = ["1", "2", "4", "5"]
    survey = read_survey(_survey_frame({"Määrä": _cycle(amount, 24), "Luku": _cycle(numbers, 24)}))
    assert _values(survey, "Määrä")[:4] == [1.0, 2.0, 3.0, 4.0]
    assert _values(survey, "Luku")[:4] == [1.0, 2.0, 4.0, 5.0]
    assert not list(survey.issues)


def test_likert_points_given() -> None:
    frame = _survey_frame({"Tieto kulkee": _cycle(AGREE4, 24), "Luku": _cycle(["1", "4"], 24)})
    five = read_survey(frame, likert_points=5)
    assert _values(five, "Tieto kulkee")[:4] == [1.0, 2.0, 4.0, 5.0]
    assert not list(five.issues)
    few = _survey_frame({"Tieto kulkee": _cycle(AGREE4, 8), "Luku": _cycle(["1", "5"], 8)})
    four = read_survey(few, likert_points=4)
    assert _values(four, "Tieto kulkee")[:4] == [1.0, 2.0, 3.0, 4.0]
    assert _values(four, "Luku")[0] == 1.0 and math.isnan(_values(four, "Luku")[1])
    assert [(i.kind, i.column, i.value) for i in four.issues][:1] == [
        ("invalid_likert", "Luku", "5")
    ]
    middle = _cycle(AGREE4, 8)
    middle[0] = "Ei samaa eikä eri mieltä"
    one = read_survey(_survey_frame({"Tieto kulkee": middle}), likert_points={"Tieto kulkee": 4})
    assert math.isnan(_values(one, "Tieto kulkee")[0])
    assert "is not one of the four steps" in one.issues[0].message
    with pytest.raises(SurveyError, match="likert_points must be 4 or 5, not 3"):
        read_survey(frame, likert_points=3)
    with pytest.raises(SurveyError, match="likert_points names 'Muu'"):
        read_survey(frame, likert_points={"Muu": 4})


def test_cli_likert_points(tmp_path: Path) -> None:
    path = tmp_path / "four.csv"
    _survey_frame({"Tieto kulkee": _cycle(AGREE4, 24)}).to_csv(path, index=False, sep=";")
    for points, expected in (([], [1.0, 2.0, 3.0, 4.0]), (["--likert-points", "5"], [1, 2, 4, 5])):
        out = tmp_path / f"out{len(points)}"
        assert main(["survey", str(path), "-o", str(out), "-q", *points]) == 0
        scores = pd.read_csv(out / "scores.csv")
        assert scores["value"].tolist()[:4] == expected
