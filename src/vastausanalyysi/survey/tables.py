"""Table files (CSV/TSV/TXT, XLSX, JSONL, JSON) and DataFrames -> raw tables of text cells.

The one table reader of the package: :func:`read_table` returns a frame of text cells,
:func:`read_raw_table` the :class:`RawTable` that :func:`~vastausanalyysi.survey.read_survey`
builds its frames from. Text files are decoded with the given encoding, else by their byte order
mark, else as UTF-8, else line by line when UTF-8 and Windows-1252 lines are mixed (issues name
the lines), else as Windows-1252; a CSV delimiter is sniffed among ';', ',', tab and '|'. See
:mod:`.csvfile` and :mod:`.xlsxfile` for unclosed quotes, long cells and streamed XLSX.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import (
    CODE_COLUMNS,
    JSON_COLUMNS,
    TAG_COLUMNS,
    RowNumbers,
    unsupported_type,
)
from vastausanalyysi.survey.cells import CellIssue, cell_text
from vastausanalyysi.survey.csvfile import (
    decode_text,
    decoding_warnings,
    read_csv_records,
    sniff_delimiter,
)
from vastausanalyysi.survey.header import check_names, find_header
from vastausanalyysi.survey.model import SurveyIssue
from vastausanalyysi.survey.xlsxfile import read_xlsx_records, sheet_names
from vastausanalyysi.text import formula_unescaped

logger = logging.getLogger("vastausanalyysi.survey")

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
SUPPORTED_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES
SUFFIX_FORMATS: dict[str, str] = {
    **dict.fromkeys(CSV_SUFFIXES, "csv"),
    ".tsv": "tsv",
    **dict.fromkeys(XLSX_SUFFIXES, "xlsx"),
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    **dict.fromkeys(JSON_SUFFIXES, "json"),
}
"""The input format :func:`read_table` reads each of :data:`SUPPORTED_SUFFIXES` as."""


@dataclass(frozen=True)
class FormatOption:
    """Which input formats a reading option applies to, and how each caller names them."""

    formats: tuple[str, ...]
    files: str  # in read_survey's errors ("XLSX files")
    input: str  # in the command line's errors ("XLSX input")


FORMAT_OPTIONS: dict[str, FormatOption] = {
    "sheet": FormatOption(("xlsx",), "XLSX files", "XLSX input"),
    "delimiter": FormatOption(("csv", "tsv"), "CSV and TSV files", "CSV and TSV input"),
    "encoding": FormatOption(
        ("csv", "tsv", "jsonl", "json", "lines"),
        "text files",
        "text input (not XLSX or Parquet)",
    ),
    "header_row": FormatOption(
        ("csv", "tsv", "xlsx"), "CSV, TSV and XLSX files", "CSV, TSV and XLSX input"
    ),
}
"""The one table of which option fits which input format (csv, tsv, jsonl, json, xlsx, parquet,
lines): ``read_survey`` checks it by suffix (:data:`SUFFIX_FORMATS`), the command line by
``--format`` or suffix. An option given for another format would be ignored: an error."""


def misplaced_options(fmt: str, **given: Any) -> list[str]:
    """The names of the options ``given`` (not None) that do not apply to input format ``fmt``
    (:data:`FORMAT_OPTIONS`), in the table's order."""
    return [
        name
        for name, option in FORMAT_OPTIONS.items()
        if given.get(name) is not None and fmt not in option.formats
    ]


TAGGED_JSON_COLUMNS = frozenset((*CODE_COLUMNS, *TAG_COLUMNS, *JSON_COLUMNS))
"""The columns ``tag`` writes as JSON arrays or objects (codes, evidence, lemmas, probabilities):
expected in a JSON file, no issue (the command line parses them as what they are)."""


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


def _read_text(path: Path, encoding: str | None) -> tuple[str, str, str, list[int]]:
    """A text file's name, decoded text, the encoding used and the lines decoded as
    Windows-1252 in a mixed file (see :func:`.csvfile.decode_text`); SurveyError if empty."""
    source = str(path)
    data = path.read_bytes()
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise SurveyError(f"survey file {source!r} is empty")
    text, used, legacy = decode_text(data, source, encoding)
    for warning in decoding_warnings(data, source, encoding, used, legacy):
        logger.warning("%s", warning)
    if legacy:
        logger.warning(
            "%s: %d line(s) are not UTF-8 like the rest; decoded as Windows-1252",
            source,
            len(legacy),
        )
    return source, text, used, legacy


def _read_csv(
    path: Path, encoding: str | None, delimiter: str | None, header_row: int | None
) -> RawTable:
    source, text, used, legacy = _read_text(path, encoding)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    elif len(delimiter) != 1:
        raise SurveyError(f"delimiter must be one character, not {delimiter!r}")
    records, issues = read_csv_records(text, delimiter, source, legacy)
    records = [[formula_unescaped(cell) for cell in record] for record in records]
    meta = {"format": "csv", "encoding": used, "delimiter": delimiter}
    logger.info("%s: CSV, encoding %s, delimiter %r", source, used, delimiter)
    numbers = list(range(1, len(records) + 1))
    return _table_from_records(records, numbers, source, meta, issues, header_row)


def _read_xlsx(path: Path, sheet: str | int | None, header_row: int | None) -> RawTable:
    source = str(path)
    if path.stat().st_size == 0:
        raise SurveyError(f"survey file {source!r} is empty")
    records, numbers, name, issues = read_xlsx_records(path, sheet)
    meta = {"format": "xlsx", "sheet": name}
    if not records:
        raise SurveyError(
            f"survey file {source!r} is empty (sheet {name!r} has no values)"
            f"{_sheet_hint(path, name)}"
        )
    table = _table_from_records(
        records, numbers, source, meta, issues, header_row, lambda: _sheet_hint(path, name)
    )
    logger.info("%s: XLSX, sheet %r", source, name)
    if sheet is None and len(table.header) == 1:
        hint = _sheet_hint(path, name, wanted_only=True)
        if hint:  # an instruction sheet before the data: an error, not a report of it
            raise SurveyError(
                f"survey file {source!r}: the first sheet {name!r} has one column{hint}; to "
                f"read the first sheet after all, name it: --sheet {name!r}"
            )
    elif sheet is None:
        _reject_summary_sheet(path, name, (len(table.header), len(table.rows)))
    return table


def _reject_summary_sheet(path: Path, name: str, shape: tuple[int, int]) -> None:
    """A SurveyError when the first sheet (``name``, of ``shape`` columns and rows) is smaller
    than another sheet that looks like the export: more rows and no fewer columns (a summary
    table before the answers). Only such a workbook's other sheets are read here."""
    names = sheet_names(path)
    if len(names) < 2:
        return
    columns, rows = shape
    larger = []
    for other in names:
        found = _export_shape(path, other) if other != name else None
        if found is not None and found[1] > rows and found[0] >= columns:
            larger.append(f"{other!r} ({found[0]} columns, {found[1]} rows)")
    if larger:
        many, verb = ("sheet", "has") if len(larger) == 1 else ("sheets", "have")
        raise SurveyError(
            f"survey file {str(path)!r}: the first sheet {name!r} ({columns} columns, {rows} "
            f"rows) looks like a summary beside the answers: {many} {', '.join(larger)} {verb} "
            f"more rows; the workbook's sheets are {names!r}: name the sheet to read with --sheet "
            f"(sheet= in Python, sheet: in the mapping file); --sheet {name!r} reads the first"
        )


def _export_shape(path: Path, name: str) -> tuple[int, int] | None:
    """(columns, rows) of sheet ``name`` when it looks like a survey export (a header of two or
    more columns and rows below it), else None."""
    try:
        records, numbers, _, issues = read_xlsx_records(path, name)
        table = _table_from_records(records, numbers, str(path), {}, issues)
    except SurveyError:
        return None
    return (len(table.header), len(table.rows)) if len(table.header) >= 2 else None


def _sheet_hint(path: Path, name: str, wanted_only: bool = False) -> str:
    """What to say about the workbook's other sheets after a problem with sheet ``name``: the
    sheets, and the one that looks like the export if exactly one does. With ``wanted_only``
    "" unless exactly one does."""
    names = sheet_names(path)
    others = [n for n in names if n != name]
    if not others:
        return "" if wanted_only else "; the workbook has no other sheet"
    shapes = {n: _export_shape(path, n) for n in others}
    exports = [n for n, shape in shapes.items() if shape is not None]
    if len(exports) == 1:
        columns, rows = shapes[exports[0]]  # type: ignore[misc]
        return (
            f"; the workbook's sheets are {names!r}, and sheet {exports[0]!r} "
            f"looks like the export ({columns} columns, {rows} rows): read it with --sheet "
            f"{exports[0]!r} (sheet={exports[0]!r} in Python, sheet: in the mapping file)"
        )
    if wanted_only:
        return ""
    return (
        f"; the workbook's sheets are {names!r}: name the sheet to read with "
        "--sheet (sheet= in Python, sheet: in the mapping file)"
    )


def _json_value(text: str, source: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = where or f" line {exc.lineno}"
        raise SurveyError(f"{source!r}{line}: invalid JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise SurveyError(
            f"{source!r}{where}: JSON nested too deeply (arrays or objects inside each other "
            "beyond Python's recursion limit)"
        ) from exc


def _read_jsonl(path: Path, encoding: str | None) -> RawTable:
    source, text, used, legacy = _read_text(path, encoding)
    objects, lines = [], []
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if not line.strip():
            continue
        obj = _json_value(line, source, f" line {number}")
        if not isinstance(obj, dict):
            raise SurveyError(
                f"{source!r} line {number}: expected a JSON object, got {type(obj).__name__}"
            )
        objects.append(obj)
        lines.append(number)
    logger.info("%s: JSONL, encoding %s, %d records", source, used, len(objects))
    table = _table_from_objects(objects, lines, source, {"format": "jsonl", "encoding": used})
    table.issues += [_legacy_line(number, number) for number in legacy]
    return table


def _read_json(path: Path, encoding: str | None) -> RawTable:
    source, text, used, legacy = _read_text(path, encoding)
    obj = _json_value(text, source, "")
    if isinstance(obj, dict) and isinstance(obj.get("data"), list):
        obj = obj["data"]
    if not isinstance(obj, list) or not all(isinstance(o, dict) for o in obj):
        raise SurveyError(f"{source!r} must hold a list of JSON objects (one per respondent)")
    numbers = list(range(1, len(obj) + 1))
    table = _table_from_objects(obj, numbers, source, {"format": "json", "encoding": used})
    table.issues += [_legacy_line(number, None) for number in legacy]
    return table


def _legacy_line(number: int, row: int | None) -> SurveyIssue:
    """The issue of line ``number`` decoded as Windows-1252 (``row``: its row, if any)."""
    return SurveyIssue(
        row,
        None,
        None,
        f"line {number} is not UTF-8 like the rest of the file; decoded as Windows-1252",
        "mixed_encoding",
        "warning",
    )


def _table_from_objects(
    objects: list[dict[str, Any]], numbers: list[int], source: str, meta: dict[str, Any]
) -> RawTable:
    header: dict[str, None] = {}
    for obj in objects:
        for key in obj:
            header.setdefault(str(key), None)
    columns = list(header)
    try:
        rows = [[cell_text(obj.get(c)) for c in columns] for obj in objects]
    except RecursionError as exc:
        raise SurveyError(f"{source!r}: a JSON value is nested too deeply") from exc
    if not rows:
        raise SurveyError(f"survey file {source!r} has no respondent rows")
    issues = [
        structured_cell(number, key, value)
        for obj, number in zip(objects, numbers, strict=True)
        for key, value in obj.items()
        if isinstance(value, dict | list) and str(key) not in TAGGED_JSON_COLUMNS
    ]
    return RawTable(columns, rows, numbers, source, meta, issues)


def structured_cell(row: int, column: str, value: list[Any] | dict[str, Any]) -> SurveyIssue:
    """The issue of a JSON array or object in a cell: it is read as its JSON text."""
    what = "an array" if isinstance(value, list) else "an object"
    return SurveyIssue(
        row,
        str(column),
        cell_text(value)[:60],
        f"holds {what}, not text or a number; read as its JSON text",
        "structured_cell",
        "warning",
    )


def structured_summary(found: Sequence[SurveyIssue]) -> str:
    """One line for the structured cells ``found`` in one column: the issue itself for one
    cell, else how many there are and the first row."""
    if len(found) == 1:
        return str(found[0])
    return (
        f"column {found[0].column!r}: {len(found)} cells hold a JSON array or object, not text "
        f"or a number (the first in row {found[0].row}); read as their JSON text"
    )


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
    records: list[list[str]],
    numbers: list[int],
    source: str,
    meta: dict[str, Any],
    cell_issues: Sequence[CellIssue] = (),
    header_row: int | None = None,
    no_rows_hint: Callable[[], str] | None = None,
) -> RawTable:
    """Header and rows from raw records: the header found (:mod:`.header`), blank rows skipped,
    ragged rows checked; the reader's ``cell_issues`` become issues naming their column.
    ``no_rows_hint`` gives what to add to the error of a header without rows."""
    cleaned = [[cell_text(c) for c in r] for r in records]
    found = find_header(cleaned, numbers, source, header_row)
    raw_header = found.names
    width = len(raw_header)
    table = RawTable([], [], [], source, meta)
    if found.rows != [numbers[0]]:  # recorded when the header is not simply the first row
        table.meta["header_rows"] = list(found.rows)
    first_row = cleaned[found.index]
    for cells, number in zip(cleaned[found.data_start :], numbers[found.data_start :], strict=True):
        if not any(cells):
            if cells:
                table.issues.append(
                    SurveyIssue(number, None, None, "empty row skipped", "empty_row", "warning")
                )
            continue
        if cells[: len(first_row)] == first_row and not any(cells[len(first_row) :]):
            table.issues.append(
                SurveyIssue(
                    number,
                    None,
                    None,
                    "the header repeated (two exports joined?); row skipped",
                    "repeated_header",
                    "warning",
                )
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
        where = f" (sheet {meta['sheet']!r})" if "sheet" in meta else ""
        hint = no_rows_hint() if no_rows_hint is not None else ""
        raise SurveyError(
            f"survey file {source!r}{where} has a header but no respondent rows{hint}"
        )
    # columns with no header and no values (trailing delimiters) are no data
    keep = [i for i, name in enumerate(raw_header) if name or any(r[i] for r in table.rows)]
    if len(keep) < width:
        logger.debug("%s: dropped %d empty unnamed column(s)", source, width - len(keep))
        table.rows = [[r[i] for i in keep] for r in table.rows]
    check_names([raw_header[i] for i in keep], found.rows, source)
    table.header, renames = _unique_header([raw_header[i] for i in keep], keep)
    header_issues = [
        SurveyIssue(found.rows[0], new, old, msg, "header", "warning") for old, new, msg in renames
    ]
    table.issues[:0] = [*found.issues, *header_issues]
    names = {position: table.header[i] for i, position in enumerate(keep)}
    for issue in cell_issues:
        column = None
        if issue.position is not None:
            column = names.get(issue.position) or f"sarake_{issue.position + 1}"
        table.issues.append(
            SurveyIssue(issue.row, column, issue.value, issue.message, issue.kind, issue.severity)
        )
    return table


def _check_options(path: Path, suffix: str, **given: Any) -> None:
    """A SurveyError for ``sheet`` given for a file that is no workbook, ``delimiter`` for one
    that is no CSV/TSV, or ``encoding`` for a workbook: an option that would be ignored
    (:data:`FORMAT_OPTIONS`)."""
    if suffix not in SUFFIX_FORMATS:
        return  # an unsupported suffix is an error of its own
    for name in given:  # in the caller's order
        if misplaced_options(SUFFIX_FORMATS[suffix], **{name: given[name]}):
            raise SurveyError(
                f"{name}={given[name]!r} is for {FORMAT_OPTIONS[name].files}, and "
                f"{str(path)!r} is {suffix}; leave it out"
            )


def read_raw_table(
    source: str | Path | pd.DataFrame,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_row: int | None = None,
) -> RawTable:
    """A file (by its suffix, see :data:`SUPPORTED_SUFFIXES`) or a DataFrame as a raw table;
    ``header_row`` is the header's row number (found by :mod:`.header` when not given).

    Raises :class:`SurveyError` naming the file, row or column of any problem.
    """
    if isinstance(source, pd.DataFrame):
        if header_row is not None:
            raise SurveyError(
                f"header_row={header_row!r} is for {FORMAT_OPTIONS['header_row'].files}; "
                "a DataFrame has its header already"
            )
        return _from_frame(source)
    if not isinstance(source, str | Path):
        raise SurveyError(f"read_survey needs a path or a DataFrame, not {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise SurveyError(f"survey file not found: {str(path)!r}")
    if not path.is_file():
        raise SurveyError(f"survey path is not a file: {str(path)!r}")
    suffix = path.suffix.lower()
    _check_options(
        path, suffix, sheet=sheet, encoding=encoding, delimiter=delimiter, header_row=header_row
    )
    if suffix in CSV_SUFFIXES:
        return _read_csv(path, encoding, delimiter, header_row)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet, header_row)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, encoding)
    if suffix in JSON_SUFFIXES:
        return _read_json(path, encoding)
    hint = " (save it as .xlsx)" if suffix in (".xls", ".ods") else ""
    raise SurveyError(
        f"unsupported survey file type {suffix or '(none)'!r} for {str(path)!r}{hint}; "
        f"use one of {', '.join(SUPPORTED_SUFFIXES)}"
    )


_LOGGED_KINDS = frozenset(
    {
        "unclosed_quote",
        "mixed_encoding",
        "formula_without_value",
        "long_cell",
        "structured_cell",
        "repeated_header",
        "header_row",
        "header",  # an empty or duplicate header renamed ("text (2)")
    }
)


def read_table(
    source: str | Path | pd.DataFrame,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    suffixes: Sequence[str] | None = None,
    header_row: int | None = None,
) -> pd.DataFrame:
    """A file (CSV, XLSX, JSONL, JSON) as a frame of text cells, without interpreting columns.

    Cells are strings ("" for empty); encoding, delimiter and duplicate headers are handled as
    in :func:`~vastausanalyysi.survey.read_survey`; ``frame.attrs["rows"]`` holds the row
    numbers. What the file readers record (an unclosed quote, Windows-1252 lines in a UTF-8
    file, a formula without a saved value, a long cell) is logged as warnings on
    ``vastausanalyysi.survey``; JSON arrays and objects in cells as one line per column (none
    for the columns ``tag`` writes, :data:`TAGGED_JSON_COLUMNS`). ``suffixes`` (lower-case,
    e.g. ``(".csv", ".xlsx")``) narrows the accepted file types: another suffix raises before
    the file is looked at. The header is found as :func:`read_raw_table` finds it (a header
    not in the first row is logged). Raises :class:`SurveyError` naming the file.
    """
    if suffixes is not None and not isinstance(source, pd.DataFrame):
        suffix = Path(source).suffix
        if suffix.lower() not in suffixes:
            raise SurveyError(f"{unsupported_type(suffix, str(source))}; use one of {suffixes}")
    table = read_raw_table(
        source, sheet=sheet, encoding=encoding, delimiter=delimiter, header_row=header_row
    )
    structured: dict[str | None, list[SurveyIssue]] = {}
    for issue in table.issues:
        if issue.kind == "structured_cell":  # one line per column, not one per cell
            structured.setdefault(issue.column, []).append(issue)
        elif issue.kind in _LOGGED_KINDS:
            logger.warning("%s: %s", table.source, issue)
    for found in structured.values():
        logger.warning("%s: %s", table.source, structured_summary(found))
    frame = pd.DataFrame(table.rows, columns=table.header)
    frame.attrs["rows"] = RowNumbers(table.row_numbers)
    return frame


__all__ = [
    "CSV_SUFFIXES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "TAGGED_JSON_COLUMNS",
    "XLSX_SUFFIXES",
    "RawTable",
    "cell_text",
    "read_raw_table",
    "read_table",
    "structured_summary",
]
