"""Cell values and numbers as the report shows them: Finnish decimals, escaping, missing values."""

from __future__ import annotations

import html
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.text import is_missing

DASH = "–"
"""Shown for suppressed and missing values."""


def cell_text(value: Any) -> str:
    """``value`` as text; ``""`` when it is missing (None, NaN, pandas NA)."""
    return "" if is_missing(value) else str(value)


def none_if_missing(value: Any) -> Any:
    """``value``, or None when it is missing (a key that groups all missing values together)."""
    return None if is_missing(value) else value


def int_or_none(value: Any) -> int | None:
    """``int(value)``, or None when it is missing."""
    return None if is_missing(value) else int(value)


def float_or_none(value: Any) -> float | None:
    """``float(value)``, or None when it is missing."""
    return None if is_missing(value) else float(value)


def number_or_none(value: Any) -> float | None:
    """:func:`float_or_none`, and None for a value that reads as NaN too ("nan")."""
    number = float_or_none(value)
    return None if number is None or math.isnan(number) else number


def as_list(value: Any) -> list[Any]:
    """The non-missing items of a list-like cell; a lone non-blank value as a one-item list."""
    if is_missing(value):
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list | tuple | set | frozenset | np.ndarray | pd.Series):
        return [v for v in value if not is_missing(v)]
    return [value]


def format_number(x: Any, digits: int = 1) -> str:
    """A number with a Finnish decimal comma ("3,5"); "–" when missing. Halves round away from
    zero, as a reader rounds by hand and as a spreadsheet shows them (3,25 -> "3,3"; Python's
    own formatting would give "3,2")."""
    if is_missing(x):
        return DASH
    try:
        value = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isfinite(value):
        # the shortest decimal that reads back as the value ("3.25"), rounded half up
        value = float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))
    text = f"{value:,.{digits}f}".replace(",", "\u00a0").replace(".", ",")
    return "-" + text[1:] if text.startswith("-") and value != 0 else text.lstrip("-")


def format_share(x: Any, digits: int = 1) -> str:
    """A share (0–1) as a Finnish percentage: ``format_share(0.125) == "12,5 %"``; "–" if none."""
    if is_missing(x):
        return DASH
    return f"{format_number(float(x) * 100.0, digits)} %"


def count_text(n: Any) -> str:
    """A count as text, "–" when withheld (None or missing)."""
    return DASH if is_missing(n) else str(int(n))


def escape_html(value: Any) -> str:
    """Anything as HTML-escaped text (quotes included); ``""`` when missing."""
    return html.escape(cell_text(value), quote=True)


def escape_md(value: Any) -> str:
    """A value safe inside a Markdown table cell: no pipes, no line breaks, no raw HTML (``&``,
    ``<`` and ``>`` backslash-escaped, as CommonMark reads them: "n \\< 5" reads as "n < 5" in
    the source too, unlike an entity), no link or image from an answer (a ``]`` before ``(`` or
    ``[`` escaped: "[linkki](javascript:…)" is shown as typed; a placeholder "[NIMI]" stays)."""
    text = cell_text(value)
    text = text.replace("\\", "\\\\")
    text = text.replace("&", "\\&").replace("<", "\\<").replace(">", "\\>")
    text = text.replace("](", "\\](").replace("][", "\\][")
    return re.sub(r"\s*[\r\n]+\s*", " ", text).replace("|", "\\|")


__all__ = [
    "DASH",
    "as_list",
    "cell_text",
    "count_text",
    "escape_html",
    "escape_md",
    "float_or_none",
    "format_number",
    "format_share",
    "int_or_none",
    "none_if_missing",
    "number_or_none",
]
