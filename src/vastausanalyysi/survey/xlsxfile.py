"""XLSX workbooks read in streaming mode, in memory bounded by the cells that hold values.

openpyxl reads the sheet row by row (``read_only=True``) with the declared dimension ignored:
a sheet that declares ``A1:XFD1048576`` because of one styled cell there is read as the cells
that hold values. Empty cells at the end of a row and empty rows at the end of the sheet are
dropped as they stream by; rows are padded to the widest row with a value. A run of more than
:data:`MAX_EMPTY_RUN` empty rows between data is one ``empty_row`` issue instead of one per row.

A formula cell saved without its computed value (files written by scripts, e.g. openpyxl) is
read as empty and recorded as a ``formula_without_value`` issue naming its row and column.
Any damage (not a zip file, a truncated or overwritten archive, malformed XML) raises
:class:`SurveyError` naming the file.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from pathlib import Path
from typing import Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey.cells import CellIssue, cell_text

MAX_EMPTY_RUN = 100
"""Runs of empty rows up to this long are kept as empty rows (one issue each)."""

_DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    KeyError,
    IndexError,
    EOFError,
    OSError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,  # xml.etree.ElementTree.ParseError
    RecursionError,
)


def _sheet_name(names: list[str], sheet: str | int | None, source: str) -> str:
    if sheet is None:
        if not names:
            raise SurveyError(f"XLSX file {source!r} has no sheets")
        return names[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if not 0 <= sheet < len(names):
            raise SurveyError(
                f"sheet index {sheet} out of range in {source!r}; sheets are {names!r}"
            )
        return names[sheet]
    if str(sheet) in names:
        return str(sheet)
    raise SurveyError(f"no sheet {sheet!r} in {source!r}; sheets are {names!r}")


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook

    return load_workbook(path, read_only=True, data_only=data_only, keep_links=False)


_PLAIN = (int, float, dt.datetime, dt.date, dt.time, dt.timedelta)


def _formula_text(value: Any) -> str | None:
    """The formula of a non-text value read with ``data_only=False`` (array and data-table
    formulas), or None for a plain value."""
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    if isinstance(value, ArrayFormula):
        return str(value.text or "")
    if isinstance(value, DataTableFormula):
        return "=TABLE()"
    return None


def _trimmed(values: tuple[Any, ...]) -> tuple[list[Any], list[tuple[int, str]]]:
    """Values up to the last one that is not empty, and the formulas among them (a text cell
    starting with "=" is listed too; the values saved in the file tell them apart)."""
    formulas: list[tuple[int, str]] = []
    last = 0
    for position, value in enumerate(values):
        if value is None:
            continue
        last = position + 1
        if isinstance(value, str):
            if value.startswith("="):
                formulas.append((position, value))
        elif not isinstance(value, _PLAIN):
            formula = _formula_text(value)
            if formula is not None:
                formulas.append((position, formula))
    out = list(values[:last])
    for position, formula in formulas:
        if out[position] is not formula:
            out[position] = None  # an array formula object
    return out, formulas


class _Stream:
    """The records of one sheet, streamed; empty rows are held back until a value follows."""

    def __init__(self) -> None:
        self.records: list[list[str]] = []
        self.numbers: list[int] = []
        self.issues: list[CellIssue] = []
        self.formulas: dict[tuple[int, int], str] = {}  # (row, 0-based column) -> formula
        self.empty_from: int | None = None  # first of the empty rows not yet known to lie
        # between data (empty rows at the end of the sheet are dropped)

    def add(self, number: int, cells: tuple[Any, ...]) -> None:
        values, formulas = _trimmed(cells)
        for position, formula in formulas:
            self.formulas[(number, position)] = formula
        if not values:
            if self.records and self.empty_from is None:  # empty rows before the header
                self.empty_from = number  # are skipped anyway
            return
        self._flush(number)
        self.records.append([cell_text(v) for v in values])
        self.numbers.append(number)

    def _flush(self, number: int) -> None:
        if self.empty_from is None:
            return
        first, last = self.empty_from, number - 1
        if last - first + 1 <= MAX_EMPTY_RUN:
            for empty in range(first, last + 1):
                self.records.append([""])
                self.numbers.append(empty)
        else:
            self.issues.append(
                CellIssue(
                    first,
                    None,
                    None,
                    f"rows {first}–{last} are empty; skipped",
                    "empty_row",
                )
            )
        self.empty_from = None


def _column_letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(position + 1)


def _cached_values(path: Path, name: str, wanted: dict[tuple[int, int], str]) -> dict:
    """The saved values of the formula cells ``wanted`` (None where the file has none)."""
    workbook = _open(path, data_only=True)
    try:
        worksheet = workbook[name]
        worksheet.reset_dimensions()
        by_row: dict[int, list[int]] = {}
        for row, position in wanted:
            by_row.setdefault(row, []).append(position)
        last_row = max(by_row)
        found: dict[tuple[int, int], Any] = {}
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > last_row:
                break
            for position in by_row.get(number, ()):
                if position < len(values):
                    found[(number, position)] = values[position]
        return found
    finally:
        workbook.close()


def sheet_names(path: Path) -> list[str]:
    """The names of the sheets of a readable workbook, in order."""
    workbook = _open(path, data_only=False)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


#: The first bytes of an OLE2 compound file (an old .xls, or an encrypted Office document).
_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def _check_container(path: Path) -> None:
    """Raise :class:`SurveyError` for a file that is an OLE2 compound file, not a zip: a
    password-protected workbook (Excel encrypts into one) or an old .xls under another name."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(_OLE2))
    except OSError:
        return  # the reader reports what is wrong with the file
    if head == _OLE2:
        raise SurveyError(
            f"cannot read XLSX file {str(path)!r}: it is a password-protected (encrypted) "
            "workbook or an Excel 97–2003 (.xls) file; remove the password, or save it in "
            "Excel as .xlsx"
        )


def read_xlsx_records(
    path: Path, sheet: str | int | None
) -> tuple[list[list[str]], list[int], str, list[CellIssue]]:
    """Records, their row numbers, the sheet read and the issues of an XLSX file (see the module
    doc). Raises :class:`SurveyError` naming the file for a damaged or unreadable workbook."""
    source = str(path)
    _check_container(path)
    try:
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            workbook = _open(path, data_only=False)
        except InvalidFileException as exc:
            raise SurveyError(f"cannot read XLSX file {source!r}: {exc}") from exc
        try:
            name = _sheet_name(list(workbook.sheetnames), sheet, source)
            worksheet = workbook[name]
            worksheet.reset_dimensions()  # the declared dimension may be a lie
            stream = _Stream()
            for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
                stream.add(number, cells)
        finally:
            workbook.close()
        cached = _cached_values(path, name, stream.formulas) if stream.formulas else {}
    except SurveyError:
        raise  # no such sheet: the workbook is fine (SurveyError is a ValueError)
    except _DAMAGED as exc:
        kind = type(exc).__name__
        if type(exc).__module__ not in ("builtins", "zipfile"):
            kind = f"{type(exc).__module__}.{kind}"
        raise SurveyError(
            f"cannot read XLSX file {source!r}: the file is damaged or not an Excel workbook "
            f"({kind}: {exc})"
        ) from exc
    width = max(map(len, stream.records), default=0)
    index = {number: i for i, number in enumerate(stream.numbers)}
    for (row, position), formula in stream.formulas.items():
        value = cached.get((row, position))
        record = stream.records[index[row]]
        if value is not None:  # the saved value; a text cell "=…" saves itself
            record[position] = cell_text(value)
            continue
        record[position] = ""
        where = f"{_column_letter(position)}{row}"
        stream.issues.append(
            CellIssue(
                row,
                position,
                formula if formula.startswith("=") else f"={formula}",
                f"formula cell {where} has no saved value (the file was not recalculated "
                "before saving); read as empty",
                "formula_without_value",
            )
        )
    records = [r + [""] * (width - len(r)) for r in stream.records]
    return records, stream.numbers, name, stream.issues


__all__ = ["MAX_EMPTY_RUN", "read_xlsx_records", "sheet_names"]
