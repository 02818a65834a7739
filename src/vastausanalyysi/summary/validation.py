"""Checks of the frames and cells that summaries read; errors name the row and column."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.schema import LANGUAGE, NON_ANSWER_RULE, POLARITY_EVIDENCE
from vastausanalyysi.text import is_missing, is_non_answer

_LIST_TYPES = (list, tuple, set, frozenset, np.ndarray)


def as_by(by: str | Sequence[str] | None) -> list[str]:
    """``by`` as a list of column names (None: no grouping)."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    by_list = list(by)
    if not all(isinstance(c, str) for c in by_list):
        raise SummaryError(f"by must be a column name or a list of column names, got {by!r}")
    return by_list


def check_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise :class:`SummaryError` naming the first of ``columns`` missing from ``frame``."""
    available = [str(c) for c in frame.columns]
    for column in columns:
        if column not in frame.columns:
            raise SummaryError(
                f"{what} column {column!r} is not in the data; available columns: "
                + ", ".join(repr(c) for c in available)
            )


def check_frame(tagged: Any) -> pd.DataFrame:
    """``tagged`` if it is a DataFrame, else a :class:`SummaryError`."""
    if not isinstance(tagged, pd.DataFrame):
        raise SummaryError(
            f"expected a pandas DataFrame of tagged answers, got {type(tagged).__name__}"
        )
    return tagged


def code_list(value: Any, column: str, index: Hashable) -> list[str]:
    """A code cell as a list of str; anything but a list-like of str is an error naming the row."""
    if isinstance(value, _LIST_TYPES):
        out = []
        for code in value:
            if not isinstance(code, str):
                raise SummaryError(
                    f"column {column!r}, row {index!r}: codes must be strings, got {code!r}"
                )
            out.append(code)
        return out
    raise SummaryError(
        f"column {column!r}, row {index!r}: expected a list of codes, got "
        f"{type(value).__name__} {value!r:.80}"
    )


def polarity_value(value: Any, column: str, index: Hashable) -> list[str]:
    """A polarity cell as a list of zero or one values; other types are errors."""
    if isinstance(value, str):
        return [value] if value else []
    if is_missing(value):
        return []
    raise SummaryError(
        f"column {column!r}, row {index!r}: expected a polarity string, got {value!r:.80}"
    )


def answered_mask(frame: pd.DataFrame, text_column: str | None) -> np.ndarray:
    """Which rows have a non-blank answer (all rows when there is no text column)."""
    if text_column is None or text_column not in frame.columns:
        return np.ones(len(frame), dtype=bool)
    out = np.zeros(len(frame), dtype=bool)
    for i, value in enumerate(frame[text_column].tolist()):
        out[i] = isinstance(value, str) and bool(value.strip())
    return out


def not_finnish_mask(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose ``language`` is another language than Finnish ("fi", "" and missing are not)."""
    return np.array(
        [isinstance(v, str) and v not in ("fi", "") for v in frame[LANGUAGE].tolist()],
        dtype=bool,
    )


def non_answer_mask(frame: pd.DataFrame, text_column: str | None) -> np.ndarray:
    """Which rows are non-answers ("Ei kommentteja.", "eos", "-"), as ``tag()`` marked them: a
    ``polarity_evidence`` item with ``rule`` "non_answer". A row without that column's list (a
    frame tagged with ``evidence=False``, or not by ``tag()``) is judged by its text with
    :func:`~vastausanalyysi.text.is_non_answer`, the definition ``tag()`` uses; with neither,
    no row is one. Blank texts are not answers at all (:func:`answered_mask`), not non-answers."""
    answered = answered_mask(frame, text_column)
    texts = (
        frame[text_column].tolist()
        if text_column is not None and text_column in frame.columns
        else None
    )
    marks = frame[POLARITY_EVIDENCE].tolist() if POLARITY_EVIDENCE in frame.columns else None
    out = np.zeros(len(frame), dtype=bool)
    for i in np.flatnonzero(answered):
        mark = marks[i] if marks is not None else None
        if isinstance(mark, _LIST_TYPES):
            out[i] = any(
                isinstance(item, dict) and item.get("rule") == NON_ANSWER_RULE for item in mark
            )
        elif texts is not None:
            out[i] = is_non_answer(texts[i])
    return out
