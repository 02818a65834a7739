"""Table files (CSV/TSV/TXT, XLSX, JSONL, JSON) and DataFrames -> raw tables of text cells.

The one table reader of the package: :func:`read_table` returns a frame of text cells,
:func:`read_raw_table` the :class:`RawTable` that :func:`~vastausanalyysi.survey.read_survey`
builds its frames from. Text files are decoded with the given encoding, else by their byte order
mark, else as UTF-8, else as Windows-1252; a CSV delimiter is sniffed among ';', ',', tab and '|'.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import logging
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey.model import SurveyIssue
from vastausanalyysi.text import is_missing

logger = logging.getLogger("vastausanalyysi.survey")

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
SUPPORTED_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES


@dataclass
class RawTable:
    """A raw table: header, rows of strings, the row number of each row, and how it was read."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[Any]
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    issues: list[SurveyIssue] = field(default_factory=list)

    def column_values(self, index: int) -> list[str]:
        """The cells of the column at 0-based ``index``, one per row."""
        return [row[index] for row in self.rows]


def cell_text(value: Any) -> str:
    """A cell as text, the same for CSV, XLSX, JSON and pandas (3.0 -> "3", None -> "")."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if is_missing(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):  # pandas' NaT is a datetime too: "NaT", as before
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if is_missing(value):  # None, pandas NA, numpy NaN/NaT
        return ""
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        try:
            return cell_text(value.item())
        except (TypeError, ValueError):
            pass
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _decode(data: bytes, source: str, encoding: str | None) -> tuple[str, str]:
    """Text and the encoding used: given, else BOM, else UTF-8, else Windows-1252."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise SurveyError(f"unknown encoding {encoding!r} for {source!r}") from exc
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.start + 1]
            raise SurveyError(
                f"{source!r} is not valid {encoding}: byte {exc.start} ({bad!r})"
            ) from exc
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise SurveyError(
                f"{source!r} starts with a UTF-8 byte order mark but byte {exc.start + 3} "
                "is not UTF-8"
            ) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _sniff_delimiter(text: str) -> str:
    """The delimiter (';', ',', tab or '|') that splits the first records most consistently."""
    sample = "\n".join(text.splitlines()[:60])
    best, best_score = ";", (-1.0, 0)
    for delimiter in (";", ",", "\t", "|"):
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        records = records[:30]
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        consistent = sum(1 for r in records if len(r) == width) / len(records)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_text(path: Path, encoding: str | None) -> tuple[str, str, str]:
    """A text file's name, decoded text and the encoding used; SurveyError if it is empty."""
    source = str(path)
    data = path.read_bytes()
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise SurveyError(f"survey file {source!r} is empty")
    text, used = _decode(data, source, encoding)
    return source, text, used


def _read_csv(path: Path, encoding: str | None, delimiter: str | None) -> RawTable:
    source, text, used = _read_text(path, encoding)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    elif len(delimiter) != 1:
        raise SurveyError(f"delimiter must be one character, not {delimiter!r}")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SurveyError(f"cannot parse CSV file {source!r}: {exc}") from exc
    meta = {"format": "csv", "encoding": used, "delimiter": delimiter}
    logger.info("%s: CSV, encoding %s, delimiter %r", source, used, delimiter)
    return _table_from_records(records, list(range(1, len(records) + 1)), source, meta)


def _read_xlsx(path: Path, sheet: str | int | None) -> RawTable:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    source = str(path)
    if path.stat().st_size == 0:
        raise SurveyError(f"survey file {source!r} is empty")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SurveyError(f"cannot read XLSX file {source!r}: {exc}") from exc
    try:
        names = workbook.sheetnames
        if sheet is None:
            name = names[0]
        elif isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise SurveyError(
                    f"sheet index {sheet} out of range in {source!r}; sheets are {names!r}"
                )
            name = names[sheet]
        elif str(sheet) in names:
            name = str(sheet)
        else:
            raise SurveyError(f"no sheet {sheet!r} in {source!r}; sheets are {names!r}")
        records = [
            [cell_text(v) for v in row] for row in workbook[name].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    meta = {"format": "xlsx", "sheet": name}
    logger.info("%s: XLSX, sheet %r", source, name)
    return _table_from_records(records, list(range(1, len(records) + 1)), source, meta)


def _read_jsonl(path: Path, encoding: str | None) -> RawTable:
    source, text, used = _read_text(path, encoding)
    objects, lines = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SurveyError(f"{source!r} line {number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise SurveyError(
                f"{source!r} line {number}: expected a JSON object, got {type(obj).__name__}"
            )
        objects.append(obj)
        lines.append(number)
    logger.info("%s: JSONL, encoding %s, %d records", source, used, len(objects))
    return _table_from_objects(objects, lines, source, {"format": "jsonl", "encoding": used})


def _read_json(path: Path, encoding: str | None) -> RawTable:
    source, text, used = _read_text(path, encoding)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SurveyError(f"{source!r} line {exc.lineno}: invalid JSON: {exc.msg}") from exc
    if isinstance(obj, dict) and isinstance(obj.get("data"), list):
        obj = obj["data"]
    if not isinstance(obj, list) or not all(isinstance(o, dict) for o in obj):
        raise SurveyError(f"{source!r} must hold a list of JSON objects (one per respondent)")
    numbers = list(range(1, len(obj) + 1))
    return _table_from_objects(obj, numbers, source, {"format": "json", "encoding": used})


def _table_from_objects(
    objects: list[dict[str, Any]], numbers: list[int], source: str, meta: dict[str, Any]
) -> RawTable:
    header: dict[str, None] = {}
    for obj in objects:
        for key in obj:
            header.setdefault(str(key), None)
    columns = list(header)
    rows = [[cell_text(obj.get(c)) for c in columns] for obj in objects]
    if not rows:
        raise SurveyError(f"survey file {source!r} has no respondent rows")
    return RawTable(columns, rows, numbers, source, meta)


def _from_frame(frame: pd.DataFrame) -> RawTable:
    if frame.empty and len(frame.columns) == 0:
        raise SurveyError("the DataFrame given to read_survey is empty")
    header = [str(c) for c in frame.columns]
    rows = [[cell_text(v) for v in values] for values in frame.itertuples(index=False, name=None)]
    if not rows:
        raise SurveyError("the DataFrame given to read_survey has no rows")
    table = RawTable(header, rows, list(frame.index), "<DataFrame>", {"format": "dataframe"})
    table.header, renames = _unique_header(table.header)
    table.issues += [
        SurveyIssue(1, new, old, msg, "header", "warning") for old, new, msg in renames
    ]
    return table


def _unique_header(
    header: list[str], positions: list[int] | None = None
) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Header names made non-empty and unique ("Q", "Q (2)"), with what was renamed.

    ``positions`` are the 0-based positions of the names in the file (default: 0, 1, …).
    """
    out: list[str] = []
    renames: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for i, name in enumerate(header):
        number = (positions[i] if positions is not None else i) + 1
        name = " ".join(name.split())
        base = name or f"sarake_{number}"
        new, n = base, 2
        while new in seen:
            new = f"{base} ({n})"
            n += 1
        if new != name:
            why = "empty header" if not name else "duplicate header"
            renames.append((name, new, f"{why} in column {number} renamed to {new!r}"))
        seen.add(new)
        out.append(new)
    return out, renames


def _table_from_records(
    records: list[list[str]], numbers: list[int], source: str, meta: dict[str, Any]
) -> RawTable:
    """Header and rows from raw records: blank rows skipped, ragged rows checked."""
    cleaned = [[cell_text(c) for c in r] for r in records]
    start = next((i for i, r in enumerate(cleaned) if any(r)), None)
    if start is None:
        raise SurveyError(f"survey file {source!r} is empty")
    raw_header = cleaned[start]
    width = len(raw_header)
    table = RawTable([], [], [], source, meta)
    for cells, number in zip(cleaned[start + 1 :], numbers[start + 1 :], strict=True):
        if not any(cells):
            if cells:
                table.issues.append(
                    SurveyIssue(number, None, None, "empty row skipped", "empty_row", "warning")
                )
            continue
        if len(cells) > width:
            extra = [c for c in cells[width:] if c]
            if extra:
                raise SurveyError(
                    f"{source!r} row {number} has {len(cells)} cells but the header has {width}: "
                    f"extra value {extra[0]!r}; check the delimiter and quoting"
                )
            cells = cells[:width]
        elif len(cells) < width:
            name = raw_header[len(cells)] or f"sarake_{len(cells) + 1}"
            table.issues.append(
                SurveyIssue(
                    number,
                    name,
                    None,
                    f"row has {len(cells)} cells, the header has {width}; the missing cells "
                    "are empty",
                    "short_row",
                    "warning",
                )
            )
            cells = cells + [""] * (width - len(cells))
        table.rows.append(cells)
        table.row_numbers.append(number)
    if not table.rows:
        raise SurveyError(f"survey file {source!r} has a header but no respondent rows")
    # columns with no header and no values (trailing delimiters) are no data
    keep = [i for i, name in enumerate(raw_header) if name or any(r[i] for r in table.rows)]
    if len(keep) < width:
        logger.debug("%s: dropped %d empty unnamed column(s)", source, width - len(keep))
        table.rows = [[r[i] for i in keep] for r in table.rows]
    table.header, renames = _unique_header([raw_header[i] for i in keep], keep)
    header_row = numbers[start]
    table.issues[:0] = [
        SurveyIssue(header_row, new, old, msg, "header", "warning") for old, new, msg in renames
    ]
    return table


def read_raw_table(
    source: str | Path | pd.DataFrame,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> RawTable:
    """A file (by its suffix, see :data:`SUPPORTED_SUFFIXES`) or a DataFrame as a raw table.

    Raises :class:`SurveyError` naming the file, row or column of any problem.
    """
    if isinstance(source, pd.DataFrame):
        return _from_frame(source)
    if not isinstance(source, str | Path):
        raise SurveyError(f"read_survey needs a path or a DataFrame, not {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise SurveyError(f"survey file not found: {str(path)!r}")
    if not path.is_file():
        raise SurveyError(f"survey path is not a file: {str(path)!r}")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path, encoding, delimiter)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, encoding)
    if suffix in JSON_SUFFIXES:
        return _read_json(path, encoding)
    hint = " (save it as .xlsx)" if suffix in (".xls", ".ods") else ""
    raise SurveyError(
        f"unsupported survey file type {suffix or '(none)'!r} for {str(path)!r}{hint}; "
        f"use one of {', '.join(SUPPORTED_SUFFIXES)}"
    )


def read_table(
    source: str | Path | pd.DataFrame,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    suffixes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """A file (CSV, XLSX, JSONL, JSON) as a frame of text cells, without interpreting columns.

    Cells are strings ("" for empty); encoding, delimiter and duplicate headers are handled as
    in :func:`~vastausanalyysi.survey.read_survey`; ``frame.attrs["rows"]`` holds the row
    numbers. ``suffixes`` (lower-case, e.g. ``(".csv", ".xlsx")``) narrows the accepted file
    types: another suffix raises before the file is looked at. Raises :class:`SurveyError`
    naming the file.
    """
    if suffixes is not None and not isinstance(source, pd.DataFrame):
        suffix = Path(source).suffix
        if suffix.lower() not in suffixes:
            raise SurveyError(
                f"unsupported file type {suffix!r} for {str(source)!r}; use one of {suffixes}"
            )
    table = read_raw_table(source, sheet=sheet, encoding=encoding, delimiter=delimiter)
    frame = pd.DataFrame(table.rows, columns=table.header)
    frame.attrs["rows"] = list(table.row_numbers)
    return frame


__all__ = [
    "CSV_SUFFIXES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "XLSX_SUFFIXES",
    "RawTable",
    "cell_text",
    "read_raw_table",
    "read_table",
]
