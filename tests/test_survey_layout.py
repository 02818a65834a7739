"""Spreadsheet layouts around the data (QA 5): a header not in the first row (a title row above
it, a two-row header of a matrix question), summary rows under the data, Likert cells with a
decimal or a trailing number, and an instruction sheet before the data sheet.

Every file is written here with openpyxl or as text (team-written, invented answers).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import openpyxl
import pytest

from vastausanalyysi import read_survey
from vastausanalyysi.cli import main
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.summary.links import find_item
from vastausanalyysi.survey import read_table

ID, TOWN, TITLE = "Vastaajan tunnus", "Kunta", "Tehtävänimike"
RATING = "Miten arvioit yhteistyön toimivuutta?"
WORKS = "Millä yhdyspinnoilla yhteistyö toimii?"
DEVELOP = "Mitä yhteistyössä pitäisi kehittää?"
MATRIX = "Miten seuraavat asiat ovat toteutuneet yhteistyössä?"
ITEMS = ["Säännölliset tapaamiset", "Selkeät vastuuhenkilöt", "Yhteinen suunnitelma"]
HEADER = [ID, TOWN, TITLE, RATING, WORKS, DEVELOP]
TOWNS = ["Tampere", "Oulu", "Kuopio", "Turku"]
ANSWERS = [
    "Perhekeskus toimii hyvin.",
    "Oppilashuollon yhteistyö sujuu.",
    "Hyte-koordinaattorit tapaavat säännöllisesti.",
    "Varautumisen harjoitukset olivat hyödyllisiä.",
]


WISHES = [
    "Tiedonkulku hyvinvointialueelta kuntaan pitäisi saada sujuvammaksi.",
    "Yhteiset tapaamiset useammin ja selkeät vastuuhenkilöt.",
    "Kuntien kuuleminen ennen päätöksiä, ei vasta niiden jälkeen.",
    "Työnjako lasten ja nuorten palveluissa on vielä epäselvä.",
    "Yhteinen suunnitelma hyvinvoinnin edistämiseen puuttuu.",
]


def _rows(n: int = 8) -> list[list[object]]:
    return [
        [f"R{i:02d}", TOWNS[i % 4], "sivistysjohtaja", 1 + i % 5, ANSWERS[i % 4], WISHES[i % 5]]
        for i in range(n)
    ]


def _xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Vastaukset"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def _kinds(survey: object) -> list[str]:
    return [issue.kind for issue in survey.issues]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- header row


def test_a_merged_title_row_above_the_header_is_skipped_and_named(tmp_path: Path) -> None:
    title = "Yhdyspintakysely 2026 – vastaukset"
    path = _xlsx(tmp_path / "otsikko.xlsx", [[title], HEADER, *_rows()], merge="A1:F1")
    survey = read_survey(path)
    assert survey.columns.id == ID and survey.columns.open == (WORKS, DEVELOP)
    assert survey.columns.likert == (RATING,)
    assert list(survey.respondents["respondent_id"]) == [f"R{i:02d}" for i in range(8)]
    assert list(survey.respondents["row"]) == list(range(3, 11))  # rows as Excel shows them
    found = [i for i in survey.issues if i.kind == "header_row"]
    assert len(found) == 1 and found[0].row == 2 and found[0].severity == "warning"
    assert "the header is row 2" in found[0].message and title in found[0].message
    assert survey.meta["header_rows"] == [2]
    assert not any(str(c).startswith("sarake_") for c in survey.respondents.columns)


def test_a_title_row_in_a_csv_is_found_the_same_way(tmp_path: Path) -> None:
    lines = ["Kyselyn tulokset;;;;;", ";".join(HEADER)]
    lines += [";".join(map(str, row)) for row in _rows(5)]
    path = tmp_path / "otsikko.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    survey = read_survey(path)
    assert survey.columns.open == (WORKS, DEVELOP)
    assert len(survey.respondents) == 5
    assert "header_row" in _kinds(survey)
    frame = read_table(path)  # the plain table reader finds the same header
    assert list(frame.columns) == HEADER and frame.attrs["rows"][0] == 3


def test_a_full_first_row_stays_the_header_without_an_issue(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "tavallinen.xlsx", [HEADER, *_rows()])
    survey = read_survey(path)
    assert "header_row" not in _kinds(survey)
    assert "header_rows" not in survey.meta and len(survey.respondents) == 8


def test_a_dense_row_of_numbers_is_not_taken_for_the_header(tmp_path: Path) -> None:
    rows = [["Mittaukset 2026"], *([i, i + 1, i + 2, i + 3] for i in range(1, 6))]
    path = _xlsx(tmp_path / "numerot.xlsx", rows)
    with pytest.raises(SurveyError, match=r"3 of the 4 column names in row 1 \(read as the header"):
        read_survey(path)


def _two_row_header(tmp_path: Path) -> Path:
    top = [ID, TOWN, TITLE, MATRIX, None, None, WORKS]
    below = [None, None, None, *ITEMS, None]
    rows = [
        [f"R{i}", TOWNS[i % 4], "rehtori", 1 + i % 5, 2 + i % 4, 5 - i % 5, ANSWERS[i % 4]]
        for i in range(8)
    ]
    return _xlsx(tmp_path / "kaksirivinen.xlsx", [top, below, *rows], merge="D1:F1")


def test_a_two_row_header_names_each_matrix_item_question_colon_item(tmp_path: Path) -> None:
    survey = read_survey(_two_row_header(tmp_path))
    combined = tuple(f"{MATRIX}: {item}" for item in ITEMS)
    assert survey.columns.likert == combined
    assert survey.columns.open == (WORKS,)
    assert len(survey.respondents) == 8 and survey.respondents["row"].iloc[0] == 3
    assert survey.scores.loc[survey.scores["status"] == "invalid"].empty
    issue = next(i for i in survey.issues if i.kind == "header_row")
    assert "rows 1–2 are a two-row header" in issue.message
    assert f"the first: {ITEMS[0]!r} under {MATRIX!r}" in issue.message
    # the codebook's links find a matrix item by its own name, as in a Webropol export
    assert find_item([ITEMS[0]], survey.scores["item"].unique()) == combined[0]


@pytest.mark.parametrize("row", [1, 2])
def test_header_row_naming_either_row_of_a_two_row_header_reads_both(
    tmp_path: Path, row: int
) -> None:
    survey = read_survey(_two_row_header(tmp_path), header_row=row)
    assert survey.columns.likert == tuple(f"{MATRIX}: {item}" for item in ITEMS)
    assert len(survey.respondents) == 8


def test_a_first_respondent_under_an_unnamed_column_is_no_second_header_row(
    tmp_path: Path,
) -> None:
    header = [ID, "", TOWN, TITLE, RATING, WORKS, DEVELOP]
    first = ["R99", "lisätieto", None, None, None, None, None]  # answered nothing else
    rows = [[row[0], None, *row[1:]] for row in _rows()]
    survey = read_survey(_xlsx(tmp_path / "nimeton.xlsx", [header, first, *rows]))
    assert list(survey.respondents["respondent_id"])[:2] == ["R99", "R00"]
    assert survey.columns.id == ID and "header_row" not in _kinds(survey)


def test_more_than_half_empty_header_names_are_an_error(tmp_path: Path) -> None:
    notes = [["Ohje: vastaukset alla."]] + [[f"Huomio {i}."] for i in range(10)]
    path = _xlsx(tmp_path / "pitka_ohje.xlsx", [*notes, HEADER, *_rows()])
    with pytest.raises(SurveyError, match=r"pitka_ohje\.xlsx'.*5 of the 6 column names in row 1"):
        read_survey(path)
    survey = read_survey(path, header_row=12)
    assert survey.columns.open == (WORKS, DEVELOP) and len(survey.respondents) == 8
    mapping = tmp_path / "kartta.yaml"
    mapping.write_text("header_row: 12\n", encoding="utf-8")
    assert len(read_survey(path, column_map=mapping).respondents) == 8


def test_header_row_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    notes = [["Ohje: vastaukset alla."]] + [[f"Huomio {i}."] for i in range(10)]
    path = _xlsx(tmp_path / "pitka_ohje.xlsx", [*notes, HEADER, *_rows()])
    assert main(["survey", str(path)]) == 2
    err = capsys.readouterr().err
    assert "row 1 (read as the header) are empty" in err and "--header-row" in err
    assert "Traceback" not in err
    assert main(["survey", str(path), "--header-row", "12"]) == 0
    assert "8 respondents, 2 open questions" in capsys.readouterr().err


def test_the_command_line_warns_of_a_header_below_a_title(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = _xlsx(tmp_path / "otsikko.xlsx", [["Raportti"], HEADER, *_rows()], merge="A1:F1")
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "otsikko.xlsx: row 2: the header is row 2, not the first row" in err
    assert "row 1 above it ('Raportti')" in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["question"] for r in records} == {WORKS, DEVELOP}
    assert len({r["respondent_id"] for r in records}) == 8


def test_header_row_is_refused_where_it_cannot_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "vastaukset.jsonl"
    path.write_text(json.dumps({"text": "Perhekeskus toimii."}) + "\n", encoding="utf-8")
    with pytest.raises(SurveyError, match="header_row=2 is for CSV, TSV and XLSX files"):
        read_survey(path, header_row=2)
    assert main(["tag", str(path), "--header-row", "2"]) == 2
    err = capsys.readouterr().err
    assert "--header-row is for CSV, TSV and XLSX input" in err and "Traceback" not in err
    xlsx = _xlsx(tmp_path / "lyhyt.xlsx", [HEADER, *_rows(3)])
    with pytest.raises(SurveyError, match=r"no row 9 with values \(its last row is 4\)"):
        read_survey(xlsx, header_row=9)
    assert main(["survey", str(xlsx), "--header-row", "0"]) == 2
    assert "must be a row number" in capsys.readouterr().err


# ---------------------------------------------------------------------------- summary rows


def test_total_and_mean_rows_under_the_data_are_skipped_with_an_issue(tmp_path: Path) -> None:
    rows = _rows(10)
    real_mean = sum(r[3] for r in rows) / len(rows)  # type: ignore[misc]
    total = ["Yhteensä", None, None, sum(r[3] for r in rows), None, None]  # type: ignore[misc]
    mean = ["Keskiarvo", None, None, real_mean, None, None]
    path = _xlsx(tmp_path / "summat.xlsx", [HEADER, *rows, total, mean])
    survey = read_survey(path)
    assert len(survey.respondents) == 10
    assert "Yhteensä" not in set(survey.respondents["respondent_id"])
    assert math.isclose(survey.scores["value"].mean(), real_mean)
    skipped = [i for i in survey.issues if i.kind == "summary_row"]
    assert [(i.row, i.value) for i in skipped] == [(12, "Yhteensä"), (13, "Keskiarvo")]
    assert "not a respondent; skipped" in skipped[0].message and RATING in skipped[0].message


@pytest.mark.parametrize(
    "word", ["Yhteensä", "Keskiarvo", "Total", "Summa:", "Mediaani", "Keskihajonta"]
)
def test_each_summary_word_the_readme_names_marks_a_last_row(tmp_path: Path, word: str) -> None:
    path = _xlsx(tmp_path / "sana.xlsx", [HEADER, *_rows(6), [word, None, None, "2,9", None, None]])
    survey = read_survey(path)
    assert len(survey.respondents) == 6
    assert [(i.row, i.value) for i in survey.issues if i.kind == "summary_row"] == [(8, word)]


def test_the_command_line_names_a_skipped_total_row(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    total = ["Yhteensä", None, None, 24, None, None]
    path = _xlsx(tmp_path / "yhteensa.xlsx", [HEADER, *_rows(), total])
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "yhteensa.xlsx: row 10, column 'Vastaajan tunnus': looks like a summary row" in err
    ids = {json.loads(line)["respondent_id"] for line in out.read_text("utf-8").splitlines()}
    assert len(ids) == 8 and "Yhteensä" not in ids


def test_a_summary_word_among_the_respondents_is_kept_and_flagged(tmp_path: Path) -> None:
    rows = _rows(6)
    rows.insert(3, ["Total", None, None, 3, None, None])
    path = _xlsx(tmp_path / "valissa.xlsx", [HEADER, *rows])
    survey = read_survey(path)
    assert len(survey.respondents) == 7 and "Total" in set(survey.respondents["respondent_id"])
    flagged = [i for i in survey.issues if i.kind == "possible_summary_row"]
    assert len(flagged) == 1 and flagged[0].row == 5 and flagged[0].severity == "error"
    with pytest.raises(SurveyError, match="looks like a summary row"):
        read_survey(path, strict=True)


def test_a_last_row_with_a_summary_word_and_answers_is_a_respondent(tmp_path: Path) -> None:
    last = ["Summa", "Oulu", "rehtori", 4, "Oppilashuolto toimii.", WISHES[0]]
    path = _xlsx(tmp_path / "summa.xlsx", [HEADER, *_rows(4), last])
    survey = read_survey(path)
    assert list(survey.respondents["respondent_id"])[-1] == "Summa"
    assert not {"summary_row", "possible_summary_row"} & set(_kinds(survey))


# ---------------------------------------------------------------------------- Likert cells


def test_a_decimal_on_a_whole_point_scale_is_kept_and_flagged(tmp_path: Path) -> None:
    rows = _rows(4)
    rows[0][3], rows[1][3], rows[2][3] = "3,5", "4,0", "Erittäin hyvin (5)"
    rows[3][3] = "Melko huonosti (2)"
    path = _xlsx(tmp_path / "asteikko.xlsx", [HEADER, *rows])
    survey = read_survey(path, likert_columns=[RATING])
    scores = survey.scores.set_index("respondent_id")
    assert list(scores["value"]) == [3.5, 4.0, 5.0, 2.0]
    assert set(scores["status"]) == {"ok"}
    flagged = [i for i in survey.issues if i.kind == "non_integer_likert"]
    assert [(i.row, i.value) for i in flagged] == [(2, "3,5")]
    assert "kept as 3.5" in flagged[0].message and flagged[0].severity == "warning"


# ---------------------------------------------------------------------------- sheets


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


INSTRUCTIONS = [["Tämä raportti on luotu Webropolissa. Vastaukset ovat toisella välilehdellä."]]


def test_an_instruction_sheet_first_names_the_sheet_that_looks_like_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = _workbook(
        tmp_path / "ohje.xlsx", {"Ohje": INSTRUCTIONS, "Vastaukset": [HEADER, *_rows()]}
    )
    with pytest.raises(SurveyError) as caught:
        read_survey(path)
    message = str(caught.value)
    assert "(sheet 'Ohje') has a header but no respondent rows" in message
    assert "sheets are ['Ohje', 'Vastaukset']" in message
    assert "sheet 'Vastaukset' looks like the export (6 columns, 8 rows)" in message
    assert "--sheet 'Vastaukset'" in message
    assert main(["survey", str(path)]) == 2
    assert "looks like the export" in capsys.readouterr().err
    assert main(["survey", str(path), "--sheet", "Vastaukset"]) == 0


def test_with_two_candidate_sheets_the_error_lists_them_without_choosing(tmp_path: Path) -> None:
    sheets = {"Ohje": INSTRUCTIONS, "Kevät": [HEADER, *_rows()], "Syksy": [HEADER, *_rows()]}
    path = _workbook(tmp_path / "kaksi.xlsx", sheets)
    with pytest.raises(SurveyError) as caught:
        read_survey(path)
    message = str(caught.value)
    assert "sheets are ['Ohje', 'Kevät', 'Syksy']: name the sheet to read with --sheet" in message
    assert "looks like the export" not in message


def test_a_one_column_first_sheet_beside_an_export_is_an_error_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    notes = [["Ohje"], ["Vastaukset ovat toisella välilehdellä."], ["Kysymyksiä: 12."]]
    path = _workbook(tmp_path / "ohje3.xlsx", {"Ohje": notes, "Vastaukset": [HEADER, *_rows()]})
    with pytest.raises(SurveyError) as caught:
        read_survey(path)
    message = str(caught.value)
    assert "the first sheet 'Ohje' has one column" in message
    assert "sheet 'Vastaukset' looks like the export" in message
    assert main(["tag", str(path), "-o", str(tmp_path / "t.jsonl")]) == 2
    assert "--sheet 'Ohje'" in capsys.readouterr().err
    assert not (tmp_path / "t.jsonl").exists()
    named = read_survey(path, sheet="Ohje", open_columns=["Ohje"])  # named, it is read
    assert len(named.answers) == 2


def test_a_summary_table_before_the_answers_is_an_error_naming_the_larger_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    summary = [
        ["Kysymys", "Keskiarvo", "N"],
        ["Yhteistyön toimivuus", 3.2, 8],
        ["Tiedonkulku", 2.8, 8],
    ]
    path = _workbook(
        tmp_path / "yhteenveto.xlsx", {"Yhteenveto": summary, "Data": [HEADER, *_rows()]}
    )
    with pytest.raises(SurveyError) as caught:
        read_survey(path)
    message = str(caught.value)
    assert "the first sheet 'Yhteenveto' (3 columns, 2 rows) looks like a summary" in message
    assert "sheet 'Data' (6 columns, 8 rows) has more rows" in message
    assert main(["survey", str(path), "-o", str(tmp_path / "out")]) == 2
    assert "--sheet 'Yhteenveto' reads the first" in capsys.readouterr().err
    assert len(read_survey(path, sheet="Data").answers) == 16
    # an export first, with a smaller sheet after it (codes, notes): read as before
    path = _workbook(tmp_path / "data.xlsx", {"Data": [HEADER, *_rows()], "Yhteenveto": summary})
    assert read_survey(path).meta["sheet"] == "Data"


def test_a_chosen_sheet_without_rows_is_named_in_the_error(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "tyhja.xlsx", {"Vastaukset": [HEADER, *_rows()], "Tyhjä": [HEADER]})
    with pytest.raises(SurveyError, match=r"\(sheet 'Tyhjä'\) has a header but no respondent rows"):
        read_survey(path, sheet="Tyhjä")
