"""Files in and out for the command line: tables of texts, tagged answers, frames.

Code lists are written as ``;``-separated ids in CSV and XLSX and as JSON lists in JSONL; evidence
is JSON text in CSV and XLSX. :func:`read_tagged` reads either form back.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import CODE_COLUMNS, JSON_COLUMNS, parse_codes

TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".jsonl", ".json")


def read_table_file(path: str | Path, **options: Any) -> pd.DataFrame:
    """A CSV/TSV/XLSX/JSONL/JSON file as a frame of text cells (encoding and delimiter detected)."""
    from vastausanalyysi.survey import read_table

    return read_table(path, suffixes=TABLE_SUFFIXES, **options)


def read_texts(path: str, column: str = "text") -> pd.DataFrame:
    """A frame with ``column`` from a table file, a .txt file (one text a line) or '-' (stdin)."""
    if path == "-":
        return pd.DataFrame({column: [line.rstrip("\n") for line in sys.stdin]})
    file = Path(path)
    if file.suffix.lower() == ".txt":
        if not file.is_file():
            raise SurveyError(f"no such file: {path!r}")
        return pd.DataFrame({column: file.read_text(encoding="utf-8-sig").splitlines()})
    frame = read_table_file(file)
    _require_column(frame, column, path)
    return frame


def read_answers(path: str, column: str = "text", **options: Any) -> pd.DataFrame:
    """Answers to analyse: a plain table with a ``column`` of texts, or else a survey export.

    A survey export (no such column) is read with :func:`~vastausanalyysi.read_survey` and comes
    back as one row per respondent and open question, with group, coarse group and region.
    """
    if path != "-" and Path(path).suffix.lower() in TABLE_SUFFIXES:
        table = read_table_file(path, **{k: v for k, v in options.items() if k != "mapping"})
        if column in table.columns and "mapping" not in options:
            return table
        from vastausanalyysi.survey import read_survey

        survey = read_survey(path, **options)
        answers = survey.answers_with_respondents()
        return answers.rename(columns={"text": column}) if column != "text" else answers
    return read_texts(path, column)


def _require_column(frame: pd.DataFrame, column: str, path: str | Path) -> None:
    if column not in frame.columns:
        names = ", ".join(map(repr, frame.columns))
        raise SurveyError(f"column {column!r} not found in {str(path)!r}; columns are: {names}")


def read_tagged(path: str) -> pd.DataFrame | None:
    """A file written by ``vastausanalyysi tag`` read back with lists and dicts; None otherwise."""
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix not in TABLE_SUFFIXES:
        return None
    if suffix in {".jsonl", ".json"}:  # keeps lists and dicts as they were written
        try:
            frame = pd.read_json(path, lines=suffix == ".jsonl", dtype=False)
        except ValueError:
            read_table_file(path)  # raises the error that names the bad line
            raise
        return frame if all(c in frame.columns for c in (*CODE_COLUMNS, "polarity")) else None
    frame = read_table_file(path)
    if not all(c in frame.columns for c in (*CODE_COLUMNS, "polarity")):
        return None
    for column in CODE_COLUMNS:
        frame[column] = [parse_codes(v) for v in frame[column]]
    for column in JSON_COLUMNS:
        if column in frame.columns:
            frame[column] = [_json_cell(v, column, i) for i, v in enumerate(frame[column])]
    if "lemmas" in frame.columns:
        frame["lemmas"] = [_lemma_cell(v) for v in frame["lemmas"]]
    return frame


def _json_cell(value: Any, column: str, row: int) -> Any:
    if isinstance(value, dict | list):
        return value
    if value in ("", None):
        return {}
    try:
        return json.loads(value)
    except (TypeError, json.JSONDecodeError) as exc:
        raise SurveyError(f"row {row + 2}, column {column!r}: not JSON: {value!r:.60}") from exc


def _lemma_cell(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    return str(value or "").split()


def write_tagged(frame: pd.DataFrame, path: str) -> None:
    """Write tagged answers; lists and dicts are flattened for CSV/XLSX (see the module doc)."""
    if path != "-" and Path(path).suffix.lower() in {".jsonl", ".json"}:
        write_frame(frame, path)
        return
    flat = frame.copy()
    for column in CODE_COLUMNS:
        if column in flat.columns:
            flat[column] = [";".join(v) for v in flat[column]]
    for column in JSON_COLUMNS:
        if column in flat.columns:
            flat[column] = [json.dumps(v, ensure_ascii=False) for v in flat[column]]
    if "lemmas" in flat.columns:
        flat["lemmas"] = [" ".join(v) for v in flat["lemmas"]]
    write_frame(flat, path)


def write_frame(frame: pd.DataFrame, path: str) -> None:
    """Write ``frame`` as CSV ('-' = stdout), XLSX or JSONL by the path's suffix."""
    if path == "-":
        frame.to_csv(sys.stdout, index=False)
        return
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        frame.to_excel(path, index=False)
    elif suffix in {".jsonl", ".json"}:
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_csv(path, index=False)
