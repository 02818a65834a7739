"""Survey exports (CSV, XLSX, JSONL, a DataFrame) → validated tidy frames.

:func:`read_survey` reads a Webropol/Questback-style export (one row per respondent, a column per
question) and returns a :class:`Survey` with three tidy frames:

* ``answers``: one row per respondent × open question (``respondent_id, question, text, row``);
  an empty answer is kept with ``text == ""``, so no respondent or cell is dropped.
* ``scores``: one row per respondent × Likert item (``respondent_id, item, value, status, row``);
  ``value`` is a float on the scale (1–5 by default) or NaN, ``status`` says why: "ok", "empty",
  "eos" (En osaa sanoa / Ei koske …: missing by design, counted) or "invalid" (an issue).
* ``respondents``: one row per respondent: ``respondent_id, row, title, group, coarse_group,
  municipality, region, region_name`` and every other column of the file under its own name.

``row`` is the row number as a spreadsheet shows it (the header is row 1; a JSONL file's line
number; a DataFrame's index label). ``Survey.columns`` tells which column got which role and
``Survey.issues`` lists every problem with its row, column and value.

Column roles are found from the header ("Vastaajan tunnus", "Tehtävänimike", "Kunta",
"Hyvinvointialue", …) and the content (Likert numbers or verbal scale values; long free text;
place names), logged on ``logging.getLogger("vastausanalyysi.survey")``, and can be given
explicitly or in a small YAML/JSON mapping file (``mapping=``) whose keys are the options below.

Problems: an out-of-range number or unknown verbal value in a Likert column becomes NaN and an
issue (``strict=True`` raises :class:`SurveyError` instead, listing every such problem). Duplicate
respondent ids always raise, naming the ids and rows. Without an id column, ids are the ordinal of
the data row ("1", "2", …); an empty id becomes ``"rivi-<row>"`` and an issue. A row with fewer
cells than the header is padded (issue); a row with extra non-empty cells raises. A title that
fits no group and a place that cannot be resolved are warnings (never raised).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import logging
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.respondents import (
    UNKNOWN,
    GroupClassifier,
    RegionResolver,
    default_groups,
    default_resolver,
    load_groups,
)

logger = logging.getLogger("vastausanalyysi.survey")

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
SUPPORTED_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES

_OPTION_KEYS = frozenset(
    {
        "id_column",
        "title_column",
        "group_column",
        "region_column",
        "municipality_column",
        "likert_columns",
        "open_columns",
        "sheet",
        "encoding",
        "delimiter",
        "likert_scale",
        "likert_range",
        "missing_values",
        "strict",
        "groups",
        "detect",
    }
)

# --------------------------------------------------------------------------------------------
# Likert scales
# --------------------------------------------------------------------------------------------

DEFAULT_LIKERT_SCALE: dict[str, float] = {
    # Miten hyvin … (erittäin huonosti – erittäin hyvin)
    "erittäin huonosti": 1,
    "melko huonosti": 2,
    "ei hyvin eikä huonosti": 3,
    "ei huonosti eikä hyvin": 3,
    "kohtalaisesti": 3,
    "melko hyvin": 4,
    "erittäin hyvin": 5,
    "erittäin huono": 1,
    "melko huono": 2,
    "ei hyvä eikä huono": 3,
    "melko hyvä": 4,
    "erittäin hyvä": 5,
    "erittäin heikosti": 1,
    "melko heikosti": 2,
    # samaa / eri mieltä
    "täysin eri mieltä": 1,
    "jokseenkin eri mieltä": 2,
    "osittain eri mieltä": 2,
    "ei samaa eikä eri mieltä": 3,
    "jokseenkin samaa mieltä": 4,
    "osittain samaa mieltä": 4,
    "täysin samaa mieltä": 5,
    # selkeys (ei lainkaan selkeä – erittäin selkeä)
    "ei lainkaan selkeä": 1,
    "ei lainkaan selkeästi": 1,
    "erittäin epäselvä": 1,
    "melko epäselvä": 2,
    "ei kovin selkeä": 2,
    "ei selkeä eikä epäselvä": 3,
    "jonkin verran selkeä": 3,
    "kohtalaisen selkeä": 3,
    "melko selkeä": 4,
    "erittäin selkeä": 5,
    "täysin selkeä": 5,
    # svenska
    "mycket dåligt": 1,
    "ganska dåligt": 2,
    "varken bra eller dåligt": 3,
    "ganska bra": 4,
    "mycket bra": 5,
    "helt av annan åsikt": 1,
    "delvis av annan åsikt": 2,
    "varken av samma eller annan åsikt": 3,
    "delvis av samma åsikt": 4,
    "helt av samma åsikt": 5,
}
"""Verbal Likert values → numbers (1–5). Keys are compared lower-cased without punctuation."""

DEFAULT_MISSING_VALUES: tuple[str, ...] = (
    "en osaa sanoa",
    "eos",
    "e o s",
    "ei koske",
    "ei koske minua",
    "ei koske meitä",
    "ei koske kuntaani",
    "ei koske organisaatiotani",
    "ei koske meidän kuntaa",
    "ei koske tätä kuntaa",
    "en tiedä",
    "ei tietoa",
    "ei kokemusta",
    "ei sovellu",
    "ei relevantti",
    "kan inte säga",
    "vet inte",
    "ej tillämplig",
    "berör inte",
)
"""Values that mean "no opinion / not applicable": NaN with status "eos", never an issue."""

_EMPTY_MARKERS = frozenset({"", "-", "–", "—", "."})
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_LEADING_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:[=:.)\-–]\s*|\s+)(?=\D)")


def _label_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


class LikertScale:
    """Parses Likert cells: numbers ("4", "3,5"), verbal values, "5 = Erittäin hyvin", eos."""

    def __init__(
        self,
        scale: Mapping[str, float] | None = None,
        value_range: tuple[float, float] = (1, 5),
        missing_values: Iterable[Any] = (),
    ) -> None:
        self.labels = {_label_key(k): float(v) for k, v in DEFAULT_LIKERT_SCALE.items()}
        for label, value in (scale or {}).items():
            try:
                self.labels[_label_key(str(label))] = float(value)
            except (TypeError, ValueError) as exc:
                raise SurveyError(
                    f"likert_scale value for {label!r} must be a number, not {value!r}"
                ) from exc
        low, high = (float(v) for v in value_range)
        if low >= high:
            raise SurveyError(
                f"likert_range must be (low, high) with low < high, not {value_range!r}"
            )
        self.low, self.high = low, high
        self.missing = {_label_key(m) for m in DEFAULT_MISSING_VALUES}
        self.missing |= {_label_key(_cell_text(m)) for m in missing_values}

    def parse(self, text: str) -> tuple[float, str, str | None]:
        """(value, status, problem) of one cell; status ok | empty | eos | invalid."""
        stripped = text.strip()
        if stripped in _EMPTY_MARKERS:
            return math.nan, "empty", None
        key = _label_key(stripped)
        if key in self.missing or stripped in self.missing:
            return math.nan, "eos", None
        if _NUMBER.match(stripped):
            number = float(stripped.replace(",", "."))
        elif key in self.labels:
            number = self.labels[key]
        elif (lead := _LEADING_NUMBER.match(stripped)) is not None:
            number = float(lead.group(1).replace(",", "."))
        else:
            return math.nan, "invalid", f"unknown Likert value {stripped!r}"
        if not self.low <= number <= self.high:
            return (
                math.nan,
                "invalid",
                f"value {stripped!r} is outside the Likert range {self.low:g}–{self.high:g}",
            )
        return number, "ok", None


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyIssue:
    """One problem in a survey file, with where it is."""

    row: Any
    column: str | None
    value: str | None
    message: str
    kind: str
    severity: str = "warning"  # "error" (strict=True raises) or "warning"

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


@dataclass(frozen=True)
class SurveyColumns:
    """Which column of the file got which role."""

    id: str | None = None
    title: str | None = None
    group: str | None = None
    municipality: str | None = None
    region: str | None = None
    likert: tuple[str, ...] = ()
    open: tuple[str, ...] = ()
    other: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The mapping as a plain dict (the keys of a mapping file)."""
        return {
            "id_column": self.id,
            "title_column": self.title,
            "group_column": self.group,
            "municipality_column": self.municipality,
            "region_column": self.region,
            "likert_columns": list(self.likert),
            "open_columns": list(self.open),
            "other_columns": list(self.other),
        }


@dataclass
class Survey:
    """A read survey: tidy ``answers``, ``scores`` and ``respondents`` (see the module doc)."""

    answers: pd.DataFrame
    scores: pd.DataFrame
    respondents: pd.DataFrame
    columns: SurveyColumns
    issues: list[SurveyIssue] = field(default_factory=list)
    source: str = "<data>"
    meta: dict[str, Any] = field(default_factory=dict)

    def issues_frame(self) -> pd.DataFrame:
        """The issues as a frame: row, column, value, kind, severity, message."""
        return pd.DataFrame(
            [
                {
                    "row": i.row,
                    "column": i.column,
                    "value": i.value,
                    "kind": i.kind,
                    "severity": i.severity,
                    "message": i.message,
                }
                for i in self.issues
            ],
            columns=["row", "column", "value", "kind", "severity", "message"],
        )

    def answers_with_respondents(
        self, columns: Sequence[str] = ("group", "coarse_group", "region")
    ) -> pd.DataFrame:
        """``answers`` with respondent columns (group, coarse group, region…) joined on the id.

        Same rows in the same order as ``answers``; SurveyError names an unknown column.
        """
        missing = [c for c in columns if c not in self.respondents.columns]
        if missing:
            raise SurveyError(
                f"no column(s) {missing!r} in Survey.respondents; columns are "
                + ", ".join(map(repr, self.respondents.columns))
            )
        lookup = self.respondents[["respondent_id", *columns]]
        joined = self.answers.merge(lookup, on="respondent_id", how="left", sort=False)
        joined.index = self.answers.index
        return joined

    @property
    def unresolved_regions(self) -> list[str]:
        """Distinct municipality/region values that resolved to no county (unknown, ambiguous)."""
        seen: dict[str, None] = {}
        for issue in self.issues:
            if issue.kind == "unresolved_region" and issue.value is not None:
                seen.setdefault(issue.value, None)
        return list(seen)

    def __repr__(self) -> str:
        return (
            f"Survey({self.source!r}: {len(self.respondents)} respondents, "
            f"{len(self.columns.open)} open questions, {len(self.columns.likert)} Likert items, "
            f"{len(self.issues)} issues)"
        )


@dataclass
class _Table:
    """A raw table: header, rows of strings, the row number of each row, and how it was read."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[Any]
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    issues: list[SurveyIssue] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Reading raw tables
# --------------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    """A cell as text, the same for CSV, XLSX, JSON and pandas (3.0 -> "3", None -> "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if type(value).__name__ in {"NAType", "NaTType"}:
        return ""
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        try:
            return _cell_text(value.item())
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


def _read_csv(path: Path, encoding: str | None, delimiter: str | None) -> _Table:
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


def _read_xlsx(path: Path, sheet: str | int | None) -> _Table:
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
            [_cell_text(v) for v in row] for row in workbook[name].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    meta = {"format": "xlsx", "sheet": name}
    logger.info("%s: XLSX, sheet %r", source, name)
    return _table_from_records(records, list(range(1, len(records) + 1)), source, meta)


def _read_jsonl(path: Path, encoding: str | None) -> _Table:
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


def _read_json(path: Path, encoding: str | None) -> _Table:
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
) -> _Table:
    header: dict[str, None] = {}
    for obj in objects:
        for key in obj:
            header.setdefault(str(key), None)
    columns = list(header)
    rows = [[_cell_text(obj.get(c)) for c in columns] for obj in objects]
    if not rows:
        raise SurveyError(f"survey file {source!r} has no respondent rows")
    return _Table(columns, rows, numbers, source, meta)


def _from_frame(frame: pd.DataFrame) -> _Table:
    if frame.empty and len(frame.columns) == 0:
        raise SurveyError("the DataFrame given to read_survey is empty")
    header = [str(c) for c in frame.columns]
    rows = [[_cell_text(v) for v in values] for values in frame.itertuples(index=False, name=None)]
    if not rows:
        raise SurveyError("the DataFrame given to read_survey has no rows")
    table = _Table(header, rows, list(frame.index), "<DataFrame>", {"format": "dataframe"})
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
) -> _Table:
    """Header and rows from raw records: blank rows skipped, ragged rows checked."""
    cleaned = [[_cell_text(c) for c in r] for r in records]
    start = next((i for i, r in enumerate(cleaned) if any(r)), None)
    if start is None:
        raise SurveyError(f"survey file {source!r} is empty")
    raw_header = cleaned[start]
    width = len(raw_header)
    table = _Table([], [], [], source, meta)
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


def _read_source(source: Any, options: Mapping[str, Any]) -> _Table:
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
        return _read_csv(path, options.get("encoding"), options.get("delimiter"))
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, options.get("sheet"))
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, options.get("encoding"))
    if suffix in JSON_SUFFIXES:
        return _read_json(path, options.get("encoding"))
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
) -> pd.DataFrame:
    """A file (CSV, XLSX, JSONL, JSON) as a frame of text cells, without interpreting columns.

    Cells are strings ("" for empty); encoding, delimiter and duplicate headers are handled as
    in :func:`read_survey`. Raises :class:`SurveyError` naming the file.
    """
    options = {"sheet": sheet, "encoding": encoding, "delimiter": delimiter}
    table = _read_source(source, options)
    frame = pd.DataFrame(table.rows, columns=table.header)
    frame.attrs["rows"] = list(table.row_numbers)
    return frame


# --------------------------------------------------------------------------------------------
# Column roles
# --------------------------------------------------------------------------------------------

_ID_HEADERS = frozenset(
    {
        "vastaajan tunnus",
        "vastaajatunnus",
        "vastaajan id",
        "vastaaja id",
        "vastaajaid",
        "vastaajan numero",
        "vastaajanumero",
        "vastaaja nro",
        "vastaajan nro",
        "vastaaja",
        "vastaustunnus",
        "vastauksen tunnus",
        "vastauksen id",
        "vastaus id",
        "vastausid",
        "vastauksen numero",
        "vastausnumero",
        "tunnus",
        "id",
        "nro",
        "numero",
        "respondent id",
        "respondentid",
        "respondent",
        "response id",
        "responseid",
        "svarsid",
        "svar id",
        "respondent_id",
    }
)
_TITLE_WORDS = ("nimike", "nimik", "titteli", "befattning", "job title", "tjänstebeteckning")
_TITLE_HEADERS = frozenset(
    {"asema", "asemasi", "tehtävä", "tehtäväsi", "rooli", "roolisi", "title", "titel", "virka"}
)
_GROUP_HEADERS = frozenset(
    {
        "vastaajaryhmä",
        "taustaryhmä",
        "kohderyhmä",
        "ryhmä",
        "vastaajatyyppi",
        "edustan",
        "edustamani taho",
        "respondentgrupp",
        "group",
    }
)
_MUNICIPALITY_WORDS = ("kunta", "kunnan", "kommun", "kotikunta", "municipality", "kuntanumero")
_REGION_WORDS = (
    "hyvinvointialue",
    "hva",
    "maakunta",
    "välfärdsområde",
    "region",
    "alue",
    "county",
    "sotealue",
)
_PLACE_HEADERS = frozenset(
    {
        "kunta",
        "kunnan nimi",
        "kuntanimi",
        "kotikunta",
        "kuntanumero",
        "kuntakoodi",
        "kommun",
        "hyvinvointialue",
        "hyvinvointialueen nimi",
        "maakunta",
        "välfärdsområde",
    }
)
_OPEN_HINTS = (
    "avoin",
    "kommentt",
    "perustel",
    "vapaa sana",
    "kerro",
    "kuvaile",
    "kuvaa",
    "toimii",
    "mitä",
    "miten",
    "millä",
    "miksi",
    "missä",
    "millaisia",
    "muuta",
    "ehdotuk",
    "terveis",
)


def _norm_header(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower().replace("_", " ")
    text = re.sub(r"[^\w\s#]", " ", text)
    return " ".join(text.split())


def _short(header: str, words: int = 5) -> bool:
    return len(header.split()) <= words and len(header) <= 45


def _column_values(table: _Table, index: int) -> list[str]:
    return [row[index] for row in table.rows]


def _find_column(table: _Table, name: Any, option: str) -> str:
    """The header matching ``name`` (exactly, else case/space-insensitively, else by index)."""
    if isinstance(name, int) and not isinstance(name, bool) and 0 <= name < len(table.header):
        return table.header[name]
    text = str(name)
    if text in table.header:
        return text
    wanted = _norm_header(text)
    matches = [h for h in table.header if _norm_header(h) == wanted]
    if len(matches) == 1:
        return matches[0]
    raise SurveyError(
        f"{option}={name!r}: no such column in {table.source!r}; columns are: "
        + ", ".join(repr(h) for h in table.header)
    )


def _as_list(value: Any, option: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | int):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    raise SurveyError(f"{option} must be a column name or a list of them, not {value!r}")


class _RoleFinder:
    """Decides the role of each column: given explicitly, else from header and content."""

    def __init__(
        self,
        table: _Table,
        options: Mapping[str, Any],
        scale: LikertScale,
        groups: GroupClassifier,
        resolver: RegionResolver,
    ) -> None:
        self.table = table
        self.options = options
        self.scale = scale
        self.groups = groups
        self.resolver = resolver
        self.index = {h: i for i, h in enumerate(table.header)}
        self.taken: dict[str, str] = {}  # column -> role

    def _take(self, column: str, role: str) -> str:
        if column in self.taken and self.taken[column] != role:
            raise SurveyError(
                f"column {column!r} cannot be both {self.taken[column]} and {role} in "
                f"{self.table.source!r}"
            )
        self.taken[column] = role
        return column

    def _free(self) -> list[str]:
        return [h for h in self.table.header if h not in self.taken]

    def find(self) -> SurveyColumns:
        opts = self.options
        detect = bool(opts.get("detect", True))
        explicit: dict[str, str | None] = {}
        for role, option in (
            ("id", "id_column"),
            ("title", "title_column"),
            ("group", "group_column"),
            ("municipality", "municipality_column"),
            ("region", "region_column"),
        ):
            name = opts.get(option)
            explicit[role] = (
                self._take(_find_column(self.table, name, option), role)
                if name is not None
                else None
            )
        likert = [
            self._take(_find_column(self.table, n, "likert_columns"), "likert")
            for n in _as_list(opts.get("likert_columns"), "likert_columns")
        ]
        open_ = [
            self._take(_find_column(self.table, n, "open_columns"), "open")
            for n in _as_list(opts.get("open_columns"), "open_columns")
        ]
        if detect:
            explicit["id"] = explicit["id"] or self._detect_id()
            explicit["title"] = explicit["title"] or self._detect_title()
            explicit["group"] = explicit["group"] or self._detect_group()
            if explicit["title"] is None and explicit["group"] is None:
                explicit["title"] = self._titles_by_content()
            if explicit["municipality"] is None and explicit["region"] is None:
                explicit["municipality"], explicit["region"] = self._detect_places()
            if opts.get("likert_columns") is None:
                likert = [self._take(c, "likert") for c in self._free() if self._is_likert(c)]
            if opts.get("open_columns") is None:
                open_ = [self._take(c, "open") for c in self._free() if self._is_open(c)]
        other = tuple(self._free())
        columns = SurveyColumns(
            id=explicit["id"],
            title=explicit["title"],
            group=explicit["group"],
            municipality=explicit["municipality"],
            region=explicit["region"],
            likert=tuple(likert),
            open=tuple(open_),
            other=other,
        )
        self._log(columns)
        return columns

    def _log(self, c: SurveyColumns) -> None:
        src = self.table.source
        logger.info("%s: respondent id column %r", src, c.id)
        logger.info("%s: title column %r, group column %r", src, c.title, c.group)
        logger.info("%s: municipality column %r, region column %r", src, c.municipality, c.region)
        logger.info("%s: %d Likert columns %r", src, len(c.likert), list(c.likert))
        logger.info("%s: %d open-answer columns %r", src, len(c.open), list(c.open))
        if c.other:
            logger.info("%s: other columns kept in respondents: %r", src, list(c.other))

    # -- header-based ----------------------------------------------------------------------

    def _first(self, predicate: Any, role: str) -> str | None:
        for column in self._free():
            if predicate(_norm_header(column)):
                return self._take(column, role)
        return None

    def _detect_id(self) -> str | None:
        return self._first(lambda h: h in _ID_HEADERS or h == "#", "id")

    def _detect_title(self) -> str | None:
        return self._first(
            lambda h: (
                h in _TITLE_HEADERS
                or (_short(h, 8) and any(w in h for w in _TITLE_WORDS))
                or (_short(h, 6) and h.split()[-1:] in (["asema"], ["asemasi"], ["tehtäväsi"]))
            ),
            "title",
        )

    def _titles_by_content(self) -> str | None:
        """A column of short values that are mostly known titles."""
        for column in self._free():
            values = [v for v in _column_values(self.table, self.index[column]) if v]
            if not values or _is_numeric_column(values):
                continue
            distinct = list(dict.fromkeys(values))
            if sum(len(v.split()) for v in distinct) / len(distinct) > 6:
                continue
            known = sum(self.groups.group(v) != UNKNOWN for v in distinct)
            if known >= 2 and known / len(distinct) >= 0.6:
                return self._take(column, "title")
        return None

    def _detect_group(self) -> str | None:
        return self._first(lambda h: h in _GROUP_HEADERS, "group")

    def _detect_places(self) -> tuple[str | None, str | None]:
        municipality = region = None
        for column in self._free():
            h = _norm_header(column)
            if not _short(h):
                continue
            words = h.split()
            is_municipality = any(_is_word(w, _MUNICIPALITY_WORDS) for w in words)
            is_region = not is_municipality and any(_is_word(w, _REGION_WORDS) for w in words)
            if (
                municipality is None
                and is_municipality
                and self._holds_places(column, "municipality")
            ):
                municipality = self._take(column, "municipality")
            elif region is None and is_region and self._holds_places(column, "county"):
                region = self._take(column, "region")
        if municipality is None and region is None:
            municipality, region = self._places_by_content()
        return municipality, region

    def _holds_places(self, column: str, code_kind: str) -> bool:
        """A place column found by its header must not look like a Likert item; unless its
        header is a plain place header ("Kunta"), most of its values must resolve."""
        values = [v for v in _column_values(self.table, self.index[column]) if v]
        if not values:
            return True
        numbers = [float(v.replace(",", ".")) for v in values if _NUMBER.match(v)]
        if self._is_likert(column) and not any(n > self.scale.high for n in numbers):
            return False
        if _norm_header(column) in _PLACE_HEADERS:
            return True
        distinct = list(dict.fromkeys(values))
        resolved = sum(not self.resolver.match(v, code_kind=code_kind).unresolved for v in distinct)
        return resolved >= 0.5 * len(distinct)

    def _places_by_content(self) -> tuple[str | None, str | None]:
        for column in self._free():
            values = [v for v in _column_values(self.table, self.index[column]) if v]
            if not values or _is_numeric_column(values):
                continue
            distinct = list(dict.fromkeys(values))
            matches = [self.resolver.match(v) for v in distinct]
            resolved = [m for m in matches if not m.unresolved]
            if len(resolved) >= 2 and len(resolved) / len(distinct) >= 0.8:
                municipal = sum(m.kind.startswith("municipality") for m in resolved)
                role = "municipality" if municipal * 2 >= len(resolved) else "region"
                self._take(column, role)
                return (column, None) if role == "municipality" else (None, column)
        return None, None

    # -- content-based ---------------------------------------------------------------------

    def _is_likert(self, column: str) -> bool:
        values = [v for v in _column_values(self.table, self.index[column]) if v]
        if not values:
            return False
        statuses = [self.scale.parse(v)[1] for v in values]
        ok, eos = statuses.count("ok"), statuses.count("eos")
        nonempty = len(values) - statuses.count("empty")
        if nonempty == 0 or ok + eos < 0.6 * nonempty:
            return False
        if ok == 0:
            return _norm_header(column) not in _ID_HEADERS and eos == nonempty
        return True

    def _is_open(self, column: str) -> bool:
        header = _norm_header(column)
        values = [v for v in _column_values(self.table, self.index[column]) if v]
        if values and _is_numeric_column(values):
            return False
        question = column.strip().endswith("?") or (
            len(header.split()) >= 2 and any(h in header for h in _OPEN_HINTS)
        )
        if not values:
            return question
        long_values = sum(len(v.split()) >= 4 for v in values)
        mean_length = sum(len(v) for v in values) / len(values)
        if long_values >= max(1, 0.2 * len(values)) or mean_length >= 30:
            return True
        return question and not _is_categorical(values)


_YES_NO = frozenset({"kyllä", "ei", "en tiedä", "ja", "nej", "vet inte", "yes", "no"})


def _is_categorical(values: Sequence[str]) -> bool:
    """Short values from a small set (yes/no, a list of options): not free text."""
    distinct = {_label_key(v) for v in values}
    if distinct <= _YES_NO:
        return True
    short = all(len(v.split()) <= 3 for v in values)
    return short and len(values) >= 6 and len(distinct) <= 0.5 * len(values)


def _is_word(word: str, stems: Sequence[str]) -> bool:
    """``word`` is one of ``stems``, or starts with one of six letters or more ("kunnan")."""
    return any(
        word == s or (len(s) >= 5 and word.startswith(s) and "yhtym" not in word) for s in stems
    )


def _is_numeric_column(values: Sequence[str]) -> bool:
    return sum(bool(_NUMBER.match(v)) for v in values) >= 0.8 * len(values)


# --------------------------------------------------------------------------------------------
# Building the survey
# --------------------------------------------------------------------------------------------


def _load_mapping(path: str | Path) -> dict[str, Any]:
    file = Path(path)
    if not file.is_file():
        raise SurveyError(f"mapping file not found: {str(file)!r}")
    text = file.read_text(encoding="utf-8-sig")
    try:
        if file.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError
        raise SurveyError(f"mapping file {str(file)!r} cannot be parsed: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SurveyError(f"mapping file {str(file)!r} must hold a mapping of option: value")
    unknown = sorted(set(data) - _OPTION_KEYS)
    if unknown:
        raise SurveyError(
            f"unknown key(s) {unknown!r} in mapping file {str(file)!r}; "
            f"known keys: {', '.join(sorted(_OPTION_KEYS))}"
        )
    return data


def _ids(table: _Table, column: str | None, issues: list[SurveyIssue]) -> list[str]:
    """Respondent ids: the id column's values, or the data row's ordinal; duplicates raise."""
    if column is None:
        logger.info(
            "%s: no respondent id column; ids are the row ordinals 1..%d",
            table.source,
            len(table.rows),
        )
        return [str(i) for i in range(1, len(table.rows) + 1)]
    index = table.header.index(column)
    ids: list[str] = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        value = row[index]
        if not value:
            value = f"rivi-{number}"
            issues.append(
                SurveyIssue(
                    number,
                    column,
                    "",
                    f"empty respondent id; generated {value!r}",
                    "empty_id",
                    "error",
                )
            )
        ids.append(value)
    rows_by_id: dict[str, list[Any]] = {}
    for value, number in zip(ids, table.row_numbers, strict=True):
        rows_by_id.setdefault(value, []).append(number)
    duplicates = {k: v for k, v in rows_by_id.items() if len(v) > 1}
    if duplicates:
        listed = "; ".join(
            f"{k!r} (rows {', '.join(map(str, v))})" for k, v in list(duplicates.items())[:20]
        )
        more = f" and {len(duplicates) - 20} more" if len(duplicates) > 20 else ""
        raise SurveyError(
            f"duplicate respondent ids in column {column!r} of {table.source!r}: {listed}{more}"
        )
    return ids


def _answers(table: _Table, ids: list[str], columns: Sequence[str]) -> pd.DataFrame:
    indexes = [table.header.index(c) for c in columns]
    records = [
        (rid, column, row[i], number)
        for rid, row, number in zip(ids, table.rows, table.row_numbers, strict=True)
        for column, i in zip(columns, indexes, strict=True)
    ]
    frame = pd.DataFrame(records, columns=["respondent_id", "question", "text", "row"])
    return _string_columns(frame, ["respondent_id", "question", "text"])


def _scores(
    table: _Table,
    ids: list[str],
    columns: Sequence[str],
    scale: LikertScale,
    issues: list[SurveyIssue],
) -> pd.DataFrame:
    indexes = [table.header.index(c) for c in columns]
    records = []
    for rid, row, number in zip(ids, table.rows, table.row_numbers, strict=True):
        for column, i in zip(columns, indexes, strict=True):
            value, status, problem = scale.parse(row[i])
            if problem is not None:
                issues.append(
                    SurveyIssue(
                        number,
                        column,
                        row[i],
                        f"{problem}; set to missing",
                        "invalid_likert",
                        "error",
                    )
                )
            records.append((rid, column, value, status, number))
    frame = pd.DataFrame(records, columns=["respondent_id", "item", "value", "status", "row"])
    frame["value"] = frame["value"].astype("float64")
    return _string_columns(frame, ["respondent_id", "item", "status"])


_STR_DTYPE = pd.Series(["x"]).dtype  # "str" on pandas 3, object on pandas 2


def _string_columns(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """The pandas default string dtype for ``names`` (``str`` on pandas 3, object before)."""
    for name in names:
        frame[name] = pd.Series(list(frame[name]), index=frame.index, dtype=_STR_DTYPE)
    return frame


def _region_values(
    table: _Table,
    columns: SurveyColumns,
    resolver: RegionResolver,
    issues: list[SurveyIssue],
) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """(municipality text, region input text, county code) per respondent."""
    n = len(table.rows)
    municipality = (
        [None] * n
        if columns.municipality is None
        else list(_column_values(table, table.header.index(columns.municipality)))
    )
    region_input = (
        [None] * n
        if columns.region is None
        else list(_column_values(table, table.header.index(columns.region)))
    )
    codes: list[str | None] = []
    for i, number in enumerate(table.row_numbers):
        code = None
        region_match = municipal_match = None
        if region_input[i]:
            region_match = resolver.match(region_input[i], code_kind="county")
            code = region_match.code
            _region_issue(region_match, number, columns.region, issues)
        if municipality[i]:
            municipal_match = resolver.match(municipality[i], code_kind="municipality")
            _region_issue(municipal_match, number, columns.municipality, issues)
            if code is None and (region_match is None or region_match.unresolved):
                code = municipal_match.code
            elif municipal_match.code is not None and municipal_match.code != code:
                issues.append(
                    SurveyIssue(
                        number,
                        columns.municipality,
                        municipality[i],
                        f"municipality {municipality[i]!r} lies in county "
                        f"{municipal_match.code}, but column {columns.region!r} says {code}; "
                        f"kept {code}",
                        "region_conflict",
                        "warning",
                    )
                )
        codes.append(code)
    municipality = [m or None for m in municipality]
    region_input = [r or None for r in region_input]
    return municipality, region_input, codes


def _region_issue(match: Any, number: Any, column: str | None, issues: list[SurveyIssue]) -> None:
    if not match.unresolved:
        return
    if match.kind == "ambiguous":
        message = (
            f"place {match.value!r} is ambiguous (counties {', '.join(match.candidates)}); "
            "region left empty"
        )
    else:
        message = f"place {match.value!r} could not be resolved to a wellbeing services county"
    issues.append(SurveyIssue(number, column, str(match.value), message, "unresolved_region"))


def _respondents(
    table: _Table,
    ids: list[str],
    columns: SurveyColumns,
    groups: GroupClassifier,
    resolver: RegionResolver,
    issues: list[SurveyIssue],
) -> pd.DataFrame:
    n = len(table.rows)
    titles = (
        [None] * n
        if columns.title is None
        else [v or None for v in _column_values(table, table.header.index(columns.title))]
    )
    group_inputs = (
        [None] * n
        if columns.group is None
        else [v or None for v in _column_values(table, table.header.index(columns.group))]
    )
    detailed = []
    for title, group_input, number in zip(titles, group_inputs, table.row_numbers, strict=True):
        group = groups.group(group_input) if group_input else UNKNOWN
        if group == UNKNOWN:
            group = groups.group(title)
        if group == UNKNOWN and (title or group_input):
            column = columns.title if title else columns.group
            value = title or group_input
            issues.append(
                SurveyIssue(
                    number,
                    column,
                    value,
                    f"title {value!r} fits no respondent group; group 'tuntematon'",
                    "unknown_title",
                )
            )
        detailed.append(group)
    municipality, region_input, codes = _region_values(table, columns, resolver, issues)
    data: dict[str, list[Any]] = {
        "respondent_id": ids,
        "row": list(table.row_numbers),
        "title": titles,
        "group": detailed,
        "coarse_group": [groups.coarse_group(g) for g in detailed],
        "municipality": municipality,
        "region": codes,
        "region_name": [resolver.region_name(c) if c else None for c in codes],
    }
    if columns.group is not None:
        data["group_input"] = group_inputs
    if columns.region is not None:
        data["region_input"] = region_input
    for column in columns.other:
        name = column if column not in data else f"{column} (input)"
        data[name] = _column_values(table, table.header.index(column))
    frame = pd.DataFrame(data)
    frame["row"] = pd.Series(list(table.row_numbers), index=frame.index)
    return frame


def read_survey(
    source: str | Path | pd.DataFrame,
    *,
    id_column: str | None = None,
    title_column: str | None = None,
    group_column: str | None = None,
    region_column: str | None = None,
    municipality_column: str | None = None,
    likert_columns: Sequence[str] | str | None = None,
    open_columns: Sequence[str] | str | None = None,
    mapping: str | Path | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    likert_scale: Mapping[str, float] | None = None,
    likert_range: tuple[float, float] = (1, 5),
    missing_values: Iterable[Any] = (),
    groups: GroupClassifier | str | Path | None = None,
    strict: bool = False,
    detect: bool = True,
) -> Survey:
    """Read a survey export into tidy, validated frames (see the module docstring).

    Parameters
    ----------
    source
        A ``.csv``/``.tsv``/``.txt``, ``.xlsx``/``.xlsm``, ``.jsonl``/``.ndjson`` or ``.json``
        file, or a DataFrame with one row per respondent.
    id_column, title_column, group_column, region_column, municipality_column
        Column names (or 0-based positions) of these roles; found automatically when not given.
        ``group_column`` holds a coded role ("Kuntajohtaja", "Muu yleisjohto"); it wins over the
        title when recognised. ``region_column`` holds counties, ``municipality_column``
        municipalities (numbers there are municipality codes).
    likert_columns, open_columns
        The Likert items and the open questions; detected from content when not given.
    mapping
        A YAML or JSON file with any of these options; explicit arguments win over it.
    sheet, encoding, delimiter
        XLSX sheet (name or 0-based index); text encoding (default: UTF-8 with or without BOM,
        else Windows-1252); CSV delimiter (default: sniffed among ';', ',', tab and '|').
    likert_scale, likert_range, missing_values
        Extra verbal values (label → number, merged over :data:`DEFAULT_LIKERT_SCALE`); the valid
        range (default 1–5); extra "no opinion" markers (e.g. ``[6]`` when 6 codes EOS).
    groups
        A :class:`~vastausanalyysi.respondents.GroupClassifier` or a group file extending the
        default title table.
    strict
        Raise :class:`SurveyError` listing every error-level issue instead of recording it.
    detect
        Detect the roles of columns not given explicitly (default); with False every column not
        named is kept in ``respondents`` only.
    """
    options: dict[str, Any] = {}
    if mapping is not None:
        options.update(_load_mapping(mapping))
    explicit = {
        "id_column": id_column,
        "title_column": title_column,
        "group_column": group_column,
        "region_column": region_column,
        "municipality_column": municipality_column,
        "likert_columns": likert_columns,
        "open_columns": open_columns,
        "sheet": sheet,
        "encoding": encoding,
        "delimiter": delimiter,
        "likert_scale": likert_scale,
        "missing_values": list(missing_values) or None,
        "groups": groups,
    }
    options.update({k: v for k, v in explicit.items() if v is not None})
    if likert_range != (1, 5) or "likert_range" not in options:
        options["likert_range"] = likert_range
    options["strict"] = bool(options.get("strict", False)) or strict
    options["detect"] = bool(options.get("detect", True)) and detect

    table = _read_source(source, options)
    scale = LikertScale(
        options.get("likert_scale"),
        tuple(options["likert_range"]),
        options.get("missing_values") or (),
    )
    group_table = options.get("groups")
    classifier = (
        group_table
        if isinstance(group_table, GroupClassifier)
        else load_groups(group_table)
        if group_table is not None
        else default_groups()
    )
    resolver = default_resolver()
    columns = _RoleFinder(table, options, scale, classifier, resolver).find()

    issues = list(table.issues)
    ids = _ids(table, columns.id, issues)
    answers = _answers(table, ids, columns.open)
    scores = _scores(table, ids, columns.likert, scale, issues)
    respondents = _respondents(table, ids, columns, classifier, resolver, issues)
    text_columns = (
        "respondent_id",
        "title",
        "group",
        "coarse_group",
        "municipality",
        "region",
        "region_name",
        "group_input",
        "region_input",
    )
    respondents = _string_columns(respondents, [c for c in text_columns if c in respondents])
    _report(issues, table.source, options["strict"])
    return Survey(answers, scores, respondents, columns, issues, table.source, table.meta)


def _report(issues: list[SurveyIssue], source: str, strict: bool) -> None:
    """Log the issues; with ``strict`` raise one SurveyError listing the error-level ones."""
    errors = [i for i in issues if i.severity == "error"]
    if strict and errors:
        listed = "; ".join(str(i) for i in errors[:20])
        more = f"; and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise SurveyError(f"{len(errors)} problem(s) in {source!r}: {listed}{more}")
    if not issues:
        return
    for issue in issues[:200]:
        logger.info("%s: %s", source, issue)
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.kind] = counts.get(issue.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    logger.warning("%s: %d issue(s) (%s); see Survey.issues", source, len(issues), summary)


__all__ = [
    "DEFAULT_LIKERT_SCALE",
    "DEFAULT_MISSING_VALUES",
    "LikertScale",
    "Survey",
    "SurveyColumns",
    "SurveyIssue",
    "read_survey",
    "read_table",
]
