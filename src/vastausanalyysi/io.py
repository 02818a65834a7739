"""Reading texts and writing frames for the command line (CSV, XLSX, JSONL, plain lines)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from vastausanalyysi.errors import SurveyError

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".jsonl", ".json")


def read_texts(path: str, column: str = "text") -> pd.DataFrame:
    """A frame with ``column`` from a CSV/TSV/XLSX/JSONL file, or lines of text ('-' = stdin)."""
    if path == "-":
        return pd.DataFrame({column: [line.rstrip("\n") for line in sys.stdin]})
    file = Path(path)
    if not file.is_file():
        raise SurveyError(f"no such file: {path!r}")
    suffix = file.suffix.lower()
    if suffix == ".txt":
        lines = file.read_text(encoding="utf-8-sig").splitlines()
        return pd.DataFrame({column: lines})
    if suffix not in SUFFIXES:
        raise SurveyError(f"unsupported file type {suffix!r} for {path!r}; use one of {SUFFIXES}")
    from vastausanalyysi.survey import read_table

    frame = read_table(file)
    if column not in frame.columns:
        raise SurveyError(
            f"column {column!r} not found in {path!r}; columns are: {', '.join(map(str, frame.columns))}"
        )
    return frame


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
