"""Survey issues: empty titles and municipalities, places outside the wellbeing services counties
(Åland), and numeric scales other than the Likert 1–5 kept as numbers with their range."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

import vastausanalyysi as va

ITEM = "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden kanssa"
OPEN = "Millä yhdyspinnoilla yhteistyö erityisesti toimii?"
HEADER = ["Vastaajan tunnus", "Tehtävänimike", "Kunta", ITEM, OPEN]
ROWS = [
    ["1", "Sivistysjohtaja", "Kuopio", "4", "Perhekeskus toimii, tapaamme säännöllisesti."],
    ["2", "Kunnanjohtaja", "Siilinjärvi", "3", "Oppilashuolto ja hyvinvoinnin edistäminen."],
    ["3", "Tekninen johtaja", "Tampere", "2", "Kiinteistöasiat sujuvat hyvin yhdessä."],
    ["4", "Sosiaalijohtaja", "Oulu", "5", "Varautumisen harjoitukset ovat toimineet."],
]


def _csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def _issues(survey: va.Survey, kind: str) -> list[tuple[object, str | None, str | None]]:
    return [(i.row, i.column, i.value) for i in survey.issues if i.kind == kind]


def test_well_formed_file_has_none_of_these_issues(tmp_path: Path) -> None:
    survey = va.read_survey(_csv(tmp_path / "s.csv", ROWS))
    kinds = {i.kind for i in survey.issues}
    assert not kinds & {"empty_title", "empty_municipality", "outside_counties", "empty_region"}
    assert survey.columns.numeric == ()
    assert survey.scales == {ITEM: (1.0, 5.0)}


def test_empty_titles_are_warnings_naming_row_and_column(tmp_path: Path) -> None:
    rows = [r.copy() for r in ROWS]
    rows[1][1] = ""
    rows[3][1] = "   "
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows))
    assert _issues(survey, "empty_title") == [(3, "Tehtävänimike", ""), (5, "Tehtävänimike", "")]
    issue = next(i for i in survey.issues if i.kind == "empty_title")
    assert issue.severity == "warning"
    assert issue.message == "empty title; group 'tuntematon'"
    assert list(survey.respondents["group"])[1] == "tuntematon"
    assert len(survey.respondents) == 4  # nobody is dropped


def test_empty_title_with_a_known_group_says_where_the_group_came_from(tmp_path: Path) -> None:
    header = ["ID", "Vastaajaryhmä", "Tehtävänimike", "Kunta", ITEM]
    rows = [
        ["1", "Kuntajohtaja", "", "Kuopio", "4"],
        ["2", "Muu yleisjohto", "Hallintojohtaja", "Oulu", "3"],
    ]
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows, header))
    assert survey.columns.group == "Vastaajaryhmä"
    issue = next(i for i in survey.issues if i.kind == "empty_title")
    assert (issue.row, issue.column) == (2, "Tehtävänimike")
    assert issue.message == "empty title; group from column 'Vastaajaryhmä'"
    assert survey.respondents["group"].iloc[0] == "kuntajohtaja"


def test_empty_municipality_is_a_warning_naming_row_and_column(tmp_path: Path) -> None:
    rows = [r.copy() for r in ROWS]
    rows[2][2] = ""
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows))
    assert _issues(survey, "empty_municipality") == [(4, "Kunta", "")]
    issue = next(i for i in survey.issues if i.kind == "empty_municipality")
    assert issue.severity == "warning" and "empty municipality" in issue.message
    assert pd.isna(survey.respondents["region"].iloc[2])


def test_empty_county_column_is_an_issue_when_no_municipality_gives_it(tmp_path: Path) -> None:
    header = ["ID", "Hyvinvointialue", ITEM]
    rows = [["1", "Pirkanmaa", "4"], ["2", "", "3"], ["3", "Pohjois-Savo", "2"]]
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows, header))
    assert survey.columns.region == "Hyvinvointialue"
    assert _issues(survey, "empty_region") == [(3, "Hyvinvointialue", "")]


@pytest.mark.parametrize("place", ["Maarianhamina", "Mariehamn", "478", "Jomala", "Ahvenanmaa"])
def test_aland_is_outside_the_wellbeing_services_counties(tmp_path: Path, place: str) -> None:
    rows = [r.copy() for r in ROWS]
    rows[0][2] = place
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows))
    found = [i for i in survey.issues if i.kind == "outside_counties"]
    assert [(i.row, i.column, i.value) for i in found] == [(2, "Kunta", place)]
    assert "belongs to no wellbeing services county" in found[0].message
    assert "Åland" in found[0].message
    assert found[0].severity == "warning"
    assert pd.isna(survey.respondents["region"].iloc[0])
    assert place not in survey.unresolved_regions  # resolved: known to be outside
    plain = va.read_survey(_csv(tmp_path / "ref.csv", ROWS))
    assert list(survey.respondents["region"])[1:] == list(plain.respondents["region"])[1:]
    assert plain.respondents["region"].notna().all()


def test_zero_to_ten_column_is_kept_as_numbers_with_its_scale(tmp_path: Path) -> None:
    scale = "Kuinka todennäköisesti suosittelisit yhteistyömallia?"
    header = [*HEADER, scale]
    values = ["7", "7,5", "", "10", "0"]
    base = [*ROWS, ["5", "Rehtori", "Vaasa", "4", "Hyvä."]]
    rows = [[*r, v] for r, v in zip(base, values, strict=True)]
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows, header))
    assert survey.columns.numeric == (scale,)
    assert scale not in survey.columns.likert and scale not in survey.columns.other
    assert survey.scales[scale] == (0.0, 10.0)
    assert survey.scales[ITEM] == (1.0, 5.0)
    column = survey.respondents[scale]
    assert column.dtype == "float64"
    assert [None if math.isnan(v) else v for v in column] == [7.0, 7.5, None, 10.0, 0.0]
    assert set(survey.scores["item"]) == {ITEM}  # 0–10 values do not mix into Likert scores
    assert not [i for i in survey.issues if i.kind == "invalid_likert"]


def test_zero_to_ten_in_xlsx_with_eos_and_numbers_as_numbers(tmp_path: Path) -> None:
    scale = "Yleisarvosana yhteistyölle"
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", scale, OPEN])
    for i, value in enumerate([8, 9.5, "En osaa sanoa", 6, None, 3], start=1):
        sheet.append([i, value, f"Yhteistyö toimii kohdassa {i} hyvin ja sujuvasti."])
    path = tmp_path / "arvosanat.xlsx"
    book.save(path)
    survey = va.read_survey(path)
    assert survey.scales == {scale: (0.0, 10.0)}
    values = list(survey.respondents[scale])
    assert values[:2] == [8.0, 9.5] and values[3] == 6.0 and values[5] == 3.0
    assert math.isnan(values[2]) and math.isnan(values[4])


def test_scale_stated_in_the_header_wins(tmp_path: Path) -> None:
    scale = "Anna kouluarvosana yhteistyölle (4–10)"
    header = ["ID", scale, ITEM]
    rows = [["1", "8", "4"], ["2", "9", "3"], ["3", "7", "5"], ["4", "5", "2"]]
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows, header))
    assert survey.scales[scale] == (4.0, 10.0)
    assert list(survey.respondents[scale]) == [8.0, 9.0, 7.0, 5.0]


def test_likert_column_with_one_typo_stays_likert(tmp_path: Path) -> None:
    rows = [r.copy() for r in ROWS]
    rows[0][3] = "7"
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows))
    assert survey.columns.likert == (ITEM,)
    assert survey.columns.numeric == ()
    assert _issues(survey, "invalid_likert") == [(2, ITEM, "7")]


def test_numbers_that_are_no_scale_stay_text(tmp_path: Path) -> None:
    header = [*HEADER, "Henkilöstömäärä"]
    rows = [[*r, v] for r, v in zip(ROWS, ["120", "45", "3000", "870"], strict=True)]
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows, header))
    assert survey.columns.numeric == ()
    assert "Henkilöstömäärä" in survey.columns.other
    assert list(survey.respondents["Henkilöstömäärä"]) == ["120", "45", "3000", "870"]


def test_issues_are_a_list_with_a_frame_and_a_readable_repr(tmp_path: Path) -> None:
    rows = [r.copy() for r in ROWS]
    rows[1][1] = ""
    rows[2][2] = ""
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows))
    issues = survey.issues
    # still a list: indexed, sliced, looped and compared as before
    assert isinstance(issues, list) and len(issues) >= 2
    assert issues[0] is next(iter(issues)) and issues[:1] == [issues[0]] and issues == list(issues)
    frame = issues.to_frame()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(issues)
    assert list(frame.columns) == ["row", "column", "value", "kind", "severity", "message"]
    first = frame[frame["kind"] == "empty_title"].iloc[0]
    assert (first["row"], first["column"], first["message"]) == (
        3,
        "Tehtävänimike",
        "empty title; group 'tuntematon'",
    )
    pd.testing.assert_frame_equal(frame, survey.issues_frame())
    text = repr(issues)
    assert text.startswith(f"SurveyIssues: {len(issues)} (")
    assert "1 empty_title" in text and "1 empty_municipality" in text
    assert "row 3, column 'Tehtävänimike': empty title" in text
    with pytest.raises(AttributeError, match=r"to_frame\(\)\.head"):
        issues.head()  # the QA case: a DataFrame method says where the frame is
    assert repr(va.Survey(*(pd.DataFrame(),) * 3, survey.columns).issues) == "SurveyIssues: none"
    assert survey.issues_frame().empty is False


# --- columns left with the respondents, and why (QA 3) -----------------------------------------


def _frame(**columns: list[str]) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    return pd.DataFrame(
        {
            "Tehtävänimike": ["kunnanjohtaja"] * n,
            "Kunta": ["Kuopio", "Oulu", "Espoo"] * (n // 3),
            **columns,
            OPEN: [f"Perhekeskus toimii, tapaamme joka {i}. viikko." for i in range(n)],
        }
    )


def test_contact_and_organisation_columns_are_not_open_questions() -> None:
    survey = va.read_survey(
        _frame(
            Organisaatio=["Kuopion kaupunki, konsernihallinto ja hyvinvointipalvelut"] * 6,
            **{"Lisätietoja antaa": ["Matti Virtanen, puh. 040 123 4567, kaupunginsihteeri"] * 6},
        )
    )
    assert survey.columns.open == (OPEN,)
    assert {"Organisaatio", "Lisätietoja antaa"} <= set(survey.columns.other)


def test_answer_codes_are_an_issue_and_a_mapping_reads_them() -> None:
    frame = _frame(Q1=["A1", "A2", "A3", "A4", "A5", "A2"])
    survey = va.read_survey(frame)
    assert "Q1" in survey.columns.other
    [issue] = [i for i in survey.issues if i.kind == "answer_codes"]
    assert issue.column == "Q1" and "export the answer texts" in issue.message
    codes = {f"A{i}": i for i in range(1, 6)}
    read = va.read_survey(frame, likert_scale=codes, likert_columns=["Q1"])
    assert read.scores["value"].tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 2.0]


def test_a_few_comments_among_many_short_answers_are_open() -> None:
    comments = ["Ei"] * 10 + [
        "Yhteistyö on sujunut hyvin ja tiedonkulku on parantunut selvästi.",
        "Kiinteistöasiat ovat edelleen auki, eikä kukaan vastaa niistä.",
    ]
    survey = va.read_survey(_frame(**{"Muuta kommentoitavaa?": comments}))
    assert "Muuta kommentoitavaa?" in survey.columns.open


def test_a_choice_question_is_kept_with_an_issue_and_yes_no_without() -> None:
    survey = va.read_survey(
        _frame(
            **{
                "Mikä on kuntasi koko?": ["alle 5000", "5000–20000", "yli 20000"] * 2,
                "Onko teillä yhteinen hyte-ryhmä?": ["Kyllä", "Ei"] * 3,
            }
        )
    )
    assert {"Mikä on kuntasi koko?", "Onko teillä yhteinen hyte-ryhmä?"} <= set(
        survey.columns.other
    )
    notes = [(i.kind, i.column) for i in survey.issues if i.kind == "question_not_open"]
    assert notes == [("question_not_open", "Mikä on kuntasi koko?")]
    assert "name it in open_columns" in survey.issues[0].message


@pytest.mark.parametrize(
    "place", ["Toimipiste 2", "12 kuntaa", "kunta 5", "Kuntayhtymä 7", "Vastaaja 10", "@SUM(1)"]
)
def test_a_number_in_a_place_is_an_unresolved_region(tmp_path: Path, place: str) -> None:
    """QA 4: such places were read as county codes and reported as nothing."""
    rows = [r.copy() for r in ROWS]
    rows[1][2] = place
    survey = va.read_survey(_csv(tmp_path / "s.csv", rows))
    assert _issues(survey, "unresolved_region") == [(3, "Kunta", place)]
    assert pd.isna(survey.respondents["region"].iloc[1])
    assert list(survey.respondents["region"].iloc[[0, 2, 3]]) == ["13", "08", "19"]
    assert place in survey.unresolved_regions
