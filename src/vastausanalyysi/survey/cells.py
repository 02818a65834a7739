"""Cells: one value as text (:func:`cell_text`) and a problem found in a cell while reading.

Shared by the file readers (:mod:`.csvfile`, :mod:`.xlsxfile`, :mod:`.tables`): a reader knows
the row and the 0-based position of a bad cell before it knows the final column names, so it
records a :class:`CellIssue`; :mod:`.tables` turns it into a
:class:`~vastausanalyysi.survey.model.SurveyIssue` naming the column.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

from vastausanalyysi.text import is_missing

MAX_CELL_CHARS = 10_000_000
"""The longest CSV cell read (characters); a longer one raises, naming its row and column."""

LONG_CELL_CHARS = 100_000
"""A cell longer than this is read, and recorded as a ``long_cell`` issue (row and column)."""


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


def json_scalars(obj: dict[Any, Any]) -> dict[str, Any]:
    """The JSON numbers and true/false of a JSON object, by column: what a JSON Lines or JSON
    input's pass-through columns keep in ``tag``'s typed outputs (every reader reads them as
    :func:`cell_text` first; a finite number or a boolean only, never a string or null)."""
    return {
        str(key): value
        for key, value in obj.items()
        if isinstance(value, bool)
        or (isinstance(value, int) and -(2**63) <= value < 2**63)  # what a table column holds
        or (isinstance(value, float) and math.isfinite(value))
    }


@dataclass(frozen=True)
class CellIssue:
    """A problem found while reading: its row number, the 0-based column position (None for a
    whole row or line), the value, the message, the issue kind and the severity."""

    row: Any
    position: int | None
    value: str | None
    message: str
    kind: str
    severity: str = "warning"


__all__ = ["LONG_CELL_CHARS", "MAX_CELL_CHARS", "CellIssue", "cell_text", "json_scalars"]
