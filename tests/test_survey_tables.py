"""Tests of vastausanalyysi.survey.tables: the one table reader and its text cells."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey.tables import cell_text, read_raw_table, read_table


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (math.nan, ""),
        (pd.NA, ""),
        (np.float64("nan"), ""),
        (np.datetime64("NaT"), ""),
        (3.0, "3"),
        (3.5, "3.5"),
        (np.int64(4), "4"),
        (True, "TRUE"),
        (dt.datetime(2026, 1, 2, 3, 4), "2026-01-02 03:04:00"),
        (dt.date(2026, 1, 2), "2026-01-02"),
        ({"a": "ä"}, '{"a": "ä"}'),
        ("  rivi\r\nrivi  ", "rivi\nrivi"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_read_table_keeps_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("ID;Teksti\n;\n1;hyvä\n2;\n", encoding="utf-8")
    frame = read_table(path)
    assert list(frame.columns) == ["ID", "Teksti"]
    assert frame.values.tolist() == [["1", "hyvä"], ["2", ""]]
    assert frame.attrs["rows"] == [3, 4]
    raw = read_raw_table(path)
    assert raw.row_numbers == [3, 4] and raw.column_values(1) == ["hyvä", ""]
    assert [i.kind for i in raw.issues] == ["empty_row"]


def test_read_table_suffixes_are_checked_before_the_file(tmp_path: Path) -> None:
    suffixes = (".csv", ".tsv", ".xlsx", ".jsonl", ".json")
    missing = str(tmp_path / "data.pdf")
    with pytest.raises(SurveyError) as info:
        read_table(missing, suffixes=suffixes)
    assert str(info.value) == (
        f"unsupported file type '.pdf' for {missing!r}; use one of {suffixes}"
    )
    text = tmp_path / "t.TXT"
    text.write_text("ID;Teksti\n1;hyvä\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"unsupported file type '\.TXT'"):
        read_table(text, suffixes=suffixes)
    assert read_table(text).shape == (1, 2)  # .txt is a CSV file when not narrowed
    upper = tmp_path / "t.CSV"
    upper.write_text("ID;Teksti\n1;hyvä\n", encoding="utf-8")
    assert read_table(upper, suffixes=suffixes).shape == (1, 2)


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_json_array_or_object_cell_is_flagged_with_its_row_and_column(
    tmp_path: Path, suffix: str, caplog: pytest.LogCaptureFixture
) -> None:
    objects = [
        {"id": 1, "text": ["Perhekeskus toimii."]},
        {"id": 2, "text": "Tiedonkulku ei toimi.", "extra": {"a": 1}},
        {"id": 3, "text": 4},
    ]
    path = tmp_path / f"t{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    else:
        path.write_text(json.dumps(objects), encoding="utf-8")
    raw = read_raw_table(path)
    flagged = [(i.row, i.column, i.kind) for i in raw.issues]
    assert flagged == [(1, "text", "structured_cell"), (2, "extra", "structured_cell")]
    assert "holds an array" in str(raw.issues[0]) and "holds an object" in str(raw.issues[1])
    with caplog.at_level("WARNING", logger="vastausanalyysi.survey"):
        frame = read_table(path)
    # every row is kept: the array as its JSON text, the number as its digits
    assert frame["text"].tolist() == ['["Perhekeskus toimii."]', "Tiedonkulku ei toimi.", "4"]
    assert [r.getMessage() for r in caplog.records] == [f"{path}: {issue}" for issue in raw.issues]


def test_a_repeated_header_is_flagged_and_skipped(tmp_path: Path) -> None:
    """Two exports joined into one file repeat the header: it is no respondent."""
    path = tmp_path / "t.csv"
    path.write_text("ID;Teksti\n1;hyvä\nID;Teksti\n2;huono\n", encoding="utf-8")
    raw = read_raw_table(path)
    assert raw.rows == [["1", "hyvä"], ["2", "huono"]] and raw.row_numbers == [2, 4]
    assert [(i.row, i.kind) for i in raw.issues] == [(3, "repeated_header")]
    import vastausanalyysi as va

    survey = va.read_survey(path)
    assert "repeated_header" in {i.kind for i in survey.issues}


def test_an_option_for_another_format_is_an_error_not_ignored(tmp_path: Path) -> None:
    """``sheet`` on a CSV (or ``delimiter`` on a workbook) would be ignored: it is an error."""
    import vastausanalyysi as va

    path = tmp_path / "t.csv"
    path.write_text("ID;Teksti\n1;hyvä\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"sheet='Vastaukset' is for XLSX files"):
        va.read_survey(path, sheet="Vastaukset")
    with pytest.raises(SurveyError, match="encoding='utf-8' is for text files"):
        read_raw_table(_workbook(tmp_path), encoding="utf-8")
    assert read_raw_table(path, delimiter=";").rows == [["1", "hyvä"]]


def _workbook(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["ID", "Teksti"])
    wb.active.append([1, "hyvä"])
    out = tmp_path / "t.xlsx"
    wb.save(out)
    return out


def test_one_table_says_which_option_fits_which_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``read_survey`` (by suffix) and the command line (by format) read the same table: a
    change to it changes both, and it names every format of either."""
    import vastausanalyysi as va
    from vastausanalyysi.cli.files import FORMAT_SUFFIXES, InputOptions
    from vastausanalyysi.survey import (
        FORMAT_OPTIONS,
        SUFFIX_FORMATS,
        SUPPORTED_SUFFIXES,
        FormatOption,
        misplaced_options,
    )

    assert set(SUFFIX_FORMATS) == set(SUPPORTED_SUFFIXES)
    named = {f for option in FORMAT_OPTIONS.values() for f in option.formats}
    assert named <= set(FORMAT_SUFFIXES) and set(SUFFIX_FORMATS.values()) <= named
    assert misplaced_options("parquet", sheet="x", encoding="utf-8", delimiter=None) == [
        "sheet",
        "encoding",
    ]
    path = tmp_path / "t.csv"
    path.write_text("ID;Teksti\n1;hyvä\n", encoding="utf-8")
    cli = InputOptions(sheet="Vastaukset")
    with pytest.raises(SurveyError, match="--sheet is for XLSX input"):
        cli.check_format("csv", str(path))
    with pytest.raises(SurveyError, match="is for XLSX files"):
        va.read_survey(path, sheet="Vastaukset")
    wider = FormatOption(("xlsx", "csv"), "XLSX and CSV files", "XLSX and CSV input")
    monkeypatch.setitem(FORMAT_OPTIONS, "sheet", wider)
    cli.check_format("csv", str(path))  # no error from either caller now
    assert read_raw_table(path, sheet="Vastaukset").rows == [["1", "hyvä"]]
