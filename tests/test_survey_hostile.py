"""Hostile and damaged survey files: each gives SurveyError naming the file, or an issue naming
the row and column; none gives a raw ParseError, zlib.error, BadZipFile or RecursionError, and
the XLSX that declares a sheet of 16384 × 1048576 cells is read in bounded memory."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

import vastausanalyysi as va
from vastausanalyysi.cli.main import main as cli_main
from vastausanalyysi.errors import SurveyError, VastausanalyysiError
from vastausanalyysi.survey import read_table
from vastausanalyysi.survey.cells import LONG_CELL_CHARS, MAX_CELL_CHARS

ROOT = Path(__file__).resolve().parents[1]
HEADER = ["Vastaajan tunnus", "Kunta", "Mikä yhteistyössä toimii hyvin?"]
ROWS = [
    [str(i), kunta, f"Yhteistyö perhekeskuksen kanssa sujuu, kokous {i} oli hyödyllinen."]
    for i, kunta in enumerate(["Kuopio", "Tampere", "Oulu", "Espoo", "Vaasa"] * 6, start=1)
]


def _workbook(path: Path, rows: list[list[object]] = ROWS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Vastaukset"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _rewrite_part(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the XLSX ``source`` with the bytes of one part changed by ``change``."""
    with zipfile.ZipFile(source) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info, change(data) if info.filename == part else data)
    return target


def _raises_survey_error(path: Path, *pieces: str) -> SurveyError:
    with pytest.raises(SurveyError) as info:
        va.read_survey(path)
    message = str(info.value)
    assert repr(str(path)) in message
    for piece in pieces:
        assert piece in message
    return info.value


# --------------------------------------------------------------------------------------------
# Damaged XLSX files
# --------------------------------------------------------------------------------------------


def test_malformed_workbook_xml(tmp_path: Path) -> None:
    good = _workbook(tmp_path / "ehja.xlsx")
    bad = _rewrite_part(good, tmp_path / "rikki.xlsx", "xl/workbook.xml", lambda d: d[:-40])
    error = _raises_survey_error(bad, "damaged or not an Excel workbook", "ParseError")
    assert not isinstance(error.__cause__, SurveyError)  # the cause is kept for --debug


def test_malformed_worksheet_xml(tmp_path: Path) -> None:
    good = _workbook(tmp_path / "ehja.xlsx")
    bad = _rewrite_part(
        good, tmp_path / "rikki.xlsx", "xl/worksheets/sheet1.xml", lambda d: d.replace(b"</c>", b"")
    )
    _raises_survey_error(bad, "damaged or not an Excel workbook")


def test_entity_expansion_in_the_sheet_is_refused(tmp_path: Path) -> None:
    entities = b"".join(
        b'<!ENTITY e%d "%s">' % (i, (b"&e%d;" % (i - 1)) * 10) for i in range(1, 10)
    )
    doctype = b'<!DOCTYPE x [<!ENTITY e0 "naurua naurua naurua">' + entities + b"]>"

    def explode(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return b'<?xml version="1.0"?>' + doctype + body.replace(b"<t>", b"<t>&e9;", 1)

    bad = _rewrite_part(
        _workbook(tmp_path / "ehja.xlsx"),
        tmp_path / "pommi.xlsx",
        "xl/worksheets/sheet1.xml",
        explode,
    )
    _raises_survey_error(bad, "damaged or not an Excel workbook")


def test_fifty_zeroed_bytes_anywhere_give_survey_error_or_the_intact_table(tmp_path: Path) -> None:
    good = _workbook(tmp_path / "ehja.xlsx")
    expected = read_table(good)
    data = good.read_bytes()
    with zipfile.ZipFile(good) as archive:
        sheet_at = archive.getinfo("xl/worksheets/sheet1.xml").header_offset
    offsets = sorted({*range(0, len(data) - 50, 173), sheet_at + 60})
    errors = 0
    for offset in offsets:
        damaged = bytearray(data)
        damaged[offset : offset + 50] = bytes(50)
        path = tmp_path / f"nollat_{offset}.xlsx"
        path.write_bytes(bytes(damaged))
        try:
            frame = read_table(path)
        except SurveyError as exc:
            assert repr(str(path)) in str(exc)
            errors += 1
        else:  # the zeros hit a part that is never read (e.g. docProps/app.xml)
            pd.testing.assert_frame_equal(frame, expected)
    assert errors >= len(offsets) * 3 // 4
    # zeros inside the compressed worksheet were a raw zlib.error or BadZipFile before
    damaged = bytearray(data)
    damaged[sheet_at + 60 : sheet_at + 110] = bytes(50)
    path = tmp_path / "nollat.xlsx"
    path.write_bytes(bytes(damaged))
    _raises_survey_error(path, "damaged or not an Excel workbook")


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.99])
def test_truncated_xlsx(tmp_path: Path, keep: float) -> None:
    data = _workbook(tmp_path / "ehja.xlsx").read_bytes()
    path = tmp_path / "katkaistu.xlsx"
    path.write_bytes(data[: int(len(data) * keep)])
    _raises_survey_error(path, "cannot read XLSX file")


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "vastaukset.xlsx"
    path.write_text("Vastaajan tunnus;Kunta\n1;Kuopio\n", encoding="utf-8")
    _raises_survey_error(path, "not an Excel workbook", "not a zip file")


def test_encrypted_workbook_or_old_xls_named_xlsx_says_what_to_do(tmp_path: Path) -> None:
    # Excel saves a password-protected workbook as an OLE2 compound file, as it saved .xls
    path = tmp_path / "salattu.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    _raises_survey_error(path, "password-protected", "save it in Excel as .xlsx")


@pytest.mark.parametrize(("suffix", "hint"), [(".xls", "Excel 97–2003"), (".ods", "OpenDocument")])
def test_other_spreadsheet_types_are_refused_with_how_to_save_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, hint: str
) -> None:
    path = tmp_path / f"vastaukset{suffix}"
    path.write_bytes(b"whatever")
    assert cli_main(["tag", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"unsupported file type {suffix!r}" in err and hint in err and ".xlsx" in err
    with pytest.raises(SurveyError, match=hint):
        read_table(path, suffixes=(".csv", ".xlsx"))


@pytest.mark.parametrize("streamed", [False, True])
def test_binary_file_named_csv_is_an_error_not_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], streamed: bool
) -> None:
    path = tmp_path / "vastaukset.csv"
    path.write_bytes(bytes(range(256)) * 4)
    args = ["tag", str(path), "-o", str(tmp_path / "out.csv")]
    assert cli_main(args + (["--chunk-size", "10"] if streamed else [])) == 2
    err = capsys.readouterr().err
    assert "is not a text file (a NUL byte at byte 0)" in err and "vastaukset.csv" in err
    assert not (tmp_path / "out.csv").exists()


def test_damaged_xlsx_at_the_command_line_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _workbook(tmp_path / "ehja.xlsx")
    bad = _rewrite_part(good, tmp_path / "rikki.xlsx", "xl/workbook.xml", lambda d: d[:-40])
    assert cli_main(["survey", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("vastausanalyysi: error: cannot read XLSX file") and "rikki.xlsx" in err


# --------------------------------------------------------------------------------------------
# The sheet that declares a dimension of A1:XFD1048576
# --------------------------------------------------------------------------------------------

_XFD_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))  # a runaway fails, not the box
    import vastausanalyysi as va
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    survey = va.read_survey(sys.argv[1])
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "grown_kb": after - before,
        "ids": list(survey.respondents["respondent_id"]),
        "texts": list(survey.answers["text"]),
        "columns": list(survey.respondents.columns),
    }))
    """
)


def test_styled_cell_at_xfd1048576_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "laaja.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in ROWS[:3]:
        sheet.append(row)
    sheet["XFD1048576"].font = Font(bold=True)  # one styled, empty cell far away
    book.save(path)
    assert path.stat().st_size < 10_000
    with zipfile.ZipFile(path) as archive:
        assert b'<dimension ref="A1:XFD1048576"' in archive.read("xl/worksheets/sheet1.xml")
    done = subprocess.run(
        [sys.executable, "-c", _XFD_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ids"] == ["1", "2", "3"]
    assert result["texts"] == [row[2] for row in ROWS[:3]]
    assert len(result["columns"]) < 20  # no 16384 empty columns
    assert result["grown_kb"] < 500 * 1024  # ru_maxrss is in kilobytes on Linux


def test_empty_rows_between_data_are_issues_and_trailing_ones_vanish(tmp_path: Path) -> None:
    path = tmp_path / "tyhjat.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(ROWS[0])
    sheet.append(ROWS[1])  # row 3, then rows 4–5 empty, row 6 data
    for column, value in enumerate(ROWS[2], start=1):
        sheet.cell(row=6, column=column, value=value)
    sheet.cell(row=400, column=2).font = Font(italic=True)  # styled rows past the data
    for column, value in enumerate(ROWS[3], start=1):
        sheet.cell(row=300, column=column, value=value)  # a long empty run: one issue
    book.save(path)
    survey = va.read_survey(path)
    assert list(survey.respondents["row"]) == [2, 3, 6, 300]
    empty = [(i.row, i.message) for i in survey.issues if i.kind == "empty_row"]
    assert empty[:2] == [(4, "empty row skipped"), (5, "empty row skipped")]
    assert empty[2:] == [(7, "rows 7–299 are empty; skipped")]
    assert not [i for i in survey.issues if i.kind == "short_row"]


# --------------------------------------------------------------------------------------------
# Formula cells
# --------------------------------------------------------------------------------------------


def _formula_book(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Vastaajan tunnus", "Pisteet yhteensä", "Mikä yhteistyössä toimii hyvin?"])
    sheet.append([1, "=2+3", "Perhekeskus toimii hyvin ja tapaamiset ovat säännöllisiä."])
    sheet.append([2, 7, "Oppilashuollon yhteistyö on sujuvaa ja nopeaa."])
    sheet.append([3, "=SUM(B2:B3)", "=1+1"])
    book.save(path)
    return path


def test_formula_cells_without_saved_values_are_issues(tmp_path: Path) -> None:
    survey = va.read_survey(_formula_book(tmp_path / "kaavat.xlsx"))
    formulas = [i for i in survey.issues if i.kind == "formula_without_value"]
    assert [(i.row, i.column, i.value) for i in formulas] == [
        (2, "Pisteet yhteensä", "=2+3"),
        (4, "Pisteet yhteensä", "=SUM(B2:B3)"),
        (4, "Mikä yhteistyössä toimii hyvin?", "=1+1"),
    ]
    assert "formula cell B2 has no saved value" in formulas[0].message
    assert "formula cell C4" in formulas[2].message
    assert survey.answers["text"].iloc[2] == ""  # read as empty, but recorded


def test_formula_cells_with_saved_values_read_the_values(tmp_path: Path) -> None:
    source = _formula_book(tmp_path / "kaavat.xlsx")

    def add_values(data: bytes) -> bytes:
        text = data.decode("utf-8")
        for formula, value in (("2+3", "5"), ("SUM(B2:B3)", "12")):
            text = re.sub(
                rf"<f>{re.escape(formula)}</f>(<v\s*/>|<v></v>)?",
                f"<f>{formula}</f><v>{value}</v>",
                text,
            )
        return text.encode("utf-8")

    path = _rewrite_part(source, tmp_path / "lasketut.xlsx", "xl/worksheets/sheet1.xml", add_values)
    frame = read_table(path)
    assert list(frame["Pisteet yhteensä"]) == ["5", "7", "12"]
    survey = va.read_survey(path)
    formulas = [(i.row, i.column) for i in survey.issues if i.kind == "formula_without_value"]
    assert formulas == [(4, "Mikä yhteistyössä toimii hyvin?")]


# --------------------------------------------------------------------------------------------
# JSON and JSONL
# --------------------------------------------------------------------------------------------


def test_json_nested_a_hundred_thousand_deep(tmp_path: Path) -> None:
    path = tmp_path / "syva.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    _raises_survey_error(path, "nested too deeply")


def test_jsonl_line_nested_deeply_is_named(tmp_path: Path) -> None:
    path = tmp_path / "syva.jsonl"
    good = json.dumps(dict(zip(HEADER, ROWS[0], strict=True)), ensure_ascii=False)
    path.write_text(
        f"{good}\n" + '{"Kunta": ' + "[" * 50_000 + "1" + "]" * 50_000 + "}\n", encoding="utf-8"
    )
    _raises_survey_error(path, "line 2", "nested too deeply")


def test_jsonl_line_with_a_unicode_line_separator_stays_one_record(tmp_path: Path) -> None:
    path = tmp_path / "erotin.jsonl"
    records = [dict(zip(HEADER, row, strict=True)) for row in ROWS[:2]]
    records[0][HEADER[2]] = "Ensimmäinen rivi\u2028toinen rivi, hyvä yhteistyö."
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    survey = va.read_survey(path)
    assert list(survey.answers["text"]) == [r[HEADER[2]] for r in records]
    assert list(survey.answers["row"]) == [1, 2]


# --------------------------------------------------------------------------------------------
# CSV: mixed encodings, unclosed quotes, long cells
# --------------------------------------------------------------------------------------------


def test_csv_mixing_utf8_and_windows_1252_lines_is_decoded_per_line(tmp_path: Path) -> None:
    lines = [";".join(HEADER)] + [";".join(row) for row in ROWS[:4]]
    lines[2] = "2;Hämeenlinna;Yhteistyö sujuu, päätökset ovat selkeitä."
    lines[4] = "4;Jyväskylä;Työnjako on epäselvä ja yhteydenotot hitaita."
    data = b"".join(
        (line.encode("cp1252") if n in (2, 4) else line.encode("utf-8")) + b"\r\n"
        for n, line in enumerate(lines)
    )
    path = tmp_path / "sekoitus.csv"
    path.write_bytes(data)
    survey = va.read_survey(path)
    assert survey.meta["encoding"] == "utf-8+cp1252"
    assert list(survey.respondents["municipality"]) == [
        "Kuopio",
        "Hämeenlinna",
        "Oulu",
        "Jyväskylä",
    ]
    assert survey.answers["text"].iloc[0] == ROWS[0][2]  # the UTF-8 lines are not mojibake
    assert "Ã" not in "".join(survey.answers["text"])
    mixed = [(i.row, i.kind) for i in survey.issues if i.kind == "mixed_encoding"]
    assert mixed == [(3, "mixed_encoding"), (5, "mixed_encoding")]
    messages = [i.message for i in survey.issues if i.kind == "mixed_encoding"]
    assert messages[0].startswith("line 3 is not UTF-8")


def test_whole_windows_1252_file_has_no_encoding_issues(tmp_path: Path) -> None:
    text = "\r\n".join([";".join(HEADER)] + [";".join(row) for row in ROWS[:3]]) + "\r\n"
    path = tmp_path / "ansi.csv"
    path.write_bytes(text.replace("Tampere", "Hämeenlinna").encode("cp1252"))
    survey = va.read_survey(path)
    assert survey.meta["encoding"] == "cp1252"
    assert survey.respondents["municipality"].iloc[1] == "Hämeenlinna"
    assert not [i for i in survey.issues if i.kind == "mixed_encoding"]


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "later",
    [
        ["3;Oulu;Kolmas vastaus", "4;Espoo;Neljäs vastaus"],  # the quote runs to the end
        ['3;"Oulu";Kolmas vastaus', "4;Espoo;Neljäs vastaus"],  # closed by the next quote
        ["3;Oulu;Kolmas vastaus", '4;Espoo;"Neljäs" vastaus'],  # merges three rows
    ],
)
def test_unclosed_quote_keeps_every_row_and_names_where_it_opened(
    tmp_path: Path, later: list[str]
) -> None:
    header = ";".join(HEADER)
    lines = [header, "1;Kuopio;Ensimmäinen vastaus", '2;Tampere;"Toinen vastaus alkaa', *later]
    survey = va.read_survey(_csv(tmp_path / "lainaus.csv", lines))
    assert list(survey.respondents["respondent_id"]) == ["1", "2", "3", "4"]
    assert survey.answers["text"].iloc[1] == '"Toinen vastaus alkaa'
    assert list(survey.respondents["municipality"])[2:] == ["Oulu", "Espoo"]
    unclosed = [i for i in survey.issues if i.kind == "unclosed_quote"]
    assert [(i.row, i.column) for i in unclosed] == [(3, HEADER[2])]
    assert "quote opened on line 3" in unclosed[0].message


def test_unclosed_quote_in_a_middle_column(tmp_path: Path) -> None:
    lines = [";".join(HEADER), '1;"Kuopio;Ensimmäinen vastaus', '2;Tampere;"Toinen", hyvä']
    survey = va.read_survey(_csv(tmp_path / "lainaus.csv", lines))
    assert list(survey.respondents["respondent_id"]) == ["1", "2"]
    unclosed = [(i.row, i.column, i.value) for i in survey.issues if i.kind == "unclosed_quote"]
    assert unclosed == [(2, "Kunta", '"Kuopio')]


def test_quoted_answers_over_several_lines_are_not_split(tmp_path: Path) -> None:
    lines = [
        ";".join(HEADER),
        '1;Kuopio;"Ensimmäinen rivi;',
        'toinen rivi ""lainaus"" ja loppu."',
        '2;Tampere;"Lyhyt, mutta',
        'kahdella rivillä"',
    ]
    survey = va.read_survey(_csv(tmp_path / "rivit.csv", lines))
    assert list(survey.respondents["respondent_id"]) == ["1", "2"]
    assert survey.answers["text"].iloc[0] == 'Ensimmäinen rivi;\ntoinen rivi "lainaus" ja loppu.'
    assert survey.answers["text"].iloc[1] == "Lyhyt, mutta\nkahdella rivillä"
    assert not [i for i in survey.issues if i.kind == "unclosed_quote"]


def test_megabyte_csv_cell_is_read_and_named(tmp_path: Path) -> None:
    long_answer = ("Yhteistyö toimii hyvin. " * 45_000).strip()
    assert len(long_answer) > 1_000_000 > LONG_CELL_CHARS
    lines = [";".join(HEADER), "1;Kuopio;Lyhyt vastaus.", f'2;Tampere;"{long_answer}"']
    survey = va.read_survey(_csv(tmp_path / "pitka.csv", lines))
    assert survey.answers["text"].iloc[1] == long_answer
    long = [(i.row, i.column) for i in survey.issues if i.kind == "long_cell"]
    assert long == [(3, HEADER[2])]


def test_csv_cell_over_the_limit_names_row_and_column(tmp_path: Path) -> None:
    lines = [";".join(HEADER), "1;Kuopio;Lyhyt vastaus.", "2;" + "x" * (MAX_CELL_CHARS + 10) + ";a"]
    path = _csv(tmp_path / "liian_pitka.csv", lines)
    _raises_survey_error(path, "row 3, column 2", "longer than")
    unclosed = [";".join(HEADER), "1;Kuopio;Lyhyt", '2;Tampere;"' + "sana " * 2_100_000]
    path = _csv(tmp_path / "avoin.csv", unclosed)
    _raises_survey_error(path, "row 3, column 3", "unclosed quote")


def test_every_hostile_error_is_the_library_error_class(tmp_path: Path) -> None:
    paths = [tmp_path / "a.xlsx", tmp_path / "b.json"]
    paths[0].write_bytes(b"PK\x03\x04" + bytes(200))
    paths[1].write_text('{"a": ' * 100_000, encoding="utf-8")
    for path in paths:
        with pytest.raises(VastausanalyysiError):
            va.read_survey(path)


def test_text_cells_starting_with_equals_stay_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Vastaajan tunnus", "Mikä yhteistyössä toimii hyvin?"])
    sheet.append([1, "Perhekeskus toimii hyvin ja tapaamiset ovat säännöllisiä."])
    sheet.append([2, "placeholder"])
    sheet["B3"].value = "=kaikki toimii, kun puhutaan ajoissa"
    sheet["B3"].data_type = "s"  # stored as text, not as a formula
    path = tmp_path / "teksti.xlsx"
    book.save(path)
    survey = va.read_survey(path)
    assert survey.answers["text"].iloc[1] == "=kaikki toimii, kun puhutaan ajoissa"
    assert not [i for i in survey.issues if i.kind == "formula_without_value"]
