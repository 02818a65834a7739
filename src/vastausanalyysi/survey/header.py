"""Which row of a table file is its header, and a two-row header combined into one.

Spreadsheet exports do not always start with the header. A report title (often merged over the
first columns) may sit above it, and a matrix question may be merged over its items, with the
items' names in the row below. :func:`find_header` finds the header among the first
:data:`HEADER_SEARCH_ROWS` rows that hold a value:

* the first such row is the header when its filled cells cover at least half of the table's
  width (its widest row among the first :data:`WIDTH_ROWS`);
* otherwise the header is the first row that does (and fills at least twice as many cells as the
  first row), provided that most of its cells are words,
  not numbers or dates (a data row is not taken for a header); the rows above it are skipped and
  the choice is recorded as a ``header_row`` issue naming the row;
* a row right below the header that names only columns under the header's empty cells (and the
  filled cell where such a run starts, the question merged over it) is the second header row:
  each of those columns is named "question: item", as Webropol names a matrix question's items in
  one row (:data:`~vastausanalyysi.text.MATRIX_SEPARATORS`), and the combination is recorded.

``header_row`` (a 1-based row number as the spreadsheet shows it) names the header explicitly;
a second header row below it is still combined, and so is the row above it when ``header_row``
names the items' row of a two-row header.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey.model import SurveyIssue
from vastausanalyysi.text import MATRIX_SEPARATORS

HEADER_SEARCH_ROWS = 10
"""The header is looked for among this many first rows that hold a value."""

WIDTH_ROWS = 50
"""The table's width is that of its widest row among this many first rows."""

_NUMBER_OR_DATE = re.compile(
    r"^[+-]?\d+(?:[.,]\d+)?%?$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def _filled(row: Sequence[str]) -> int:
    return sum(1 for cell in row if cell)


def _extent(row: Sequence[str]) -> int:
    """One past the last filled cell."""
    return max((i + 1 for i, cell in enumerate(row) if cell), default=0)


def _wordy(row: Sequence[str]) -> bool:
    """Whether most filled cells of ``row`` are words rather than numbers or dates."""
    cells = [cell for cell in row if cell]
    numbers = sum(1 for cell in cells if _NUMBER_OR_DATE.match(cell))
    return numbers * 5 <= len(cells)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Header:
    """The header found: its row's index among the records, the names (a two-row header
    combined), the index of the first data record and what was recorded about it."""

    index: int
    names: list[str]
    data_start: int
    issues: list[SurveyIssue] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)
    """The row numbers of the header rows (one or two)."""


def _detect(records: Sequence[Sequence[str]]) -> int | None:
    """The index of the header row among ``records`` by the rule of the module doc (None when
    the records hold no value)."""
    filled = [i for i, r in enumerate(records) if any(r)]
    if not filled:
        return None
    width = max(_extent(records[i]) for i in filled[:WIDTH_ROWS])
    needed = max(2, math.ceil(width / 2))
    first = filled[0]
    if _filled(records[first]) >= needed or width < 2:
        return first
    for i in filled[1:HEADER_SEARCH_ROWS]:
        if _filled(records[i]) >= max(needed, 2 * _filled(records[first])):
            return i if _wordy(records[i]) else first
    return first


def _second_row(header: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``below`` is a second header row: it names some columns under the header's empty
    cells and nothing else but the filled cell where such a run of empty cells starts (never the
    first column under a named one, where a data row has its id)."""
    width = max(len(header), len(below))
    top = list(header) + [""] * (width - len(header))
    cells = list(below) + [""] * (width - len(below))
    names = [j for j in range(width) if cells[j]]
    if not names or not any(not top[j] for j in names):
        return False
    if top[0] and cells[0]:  # a respondent's id under the id column: a data row
        return False
    for j in names:
        run_start = top[j] and j + 1 < width and not top[j + 1]
        if top[j] and not run_start:
            return False
        if _NUMBER_OR_DATE.match(cells[j]):
            return False
    return True


def _parent(header: Sequence[str], position: int) -> int:
    """The position of the filled header cell at or left of ``position`` (0 if none)."""
    return next((j for j in range(position, -1, -1) if j < len(header) and header[j]), 0)


def _combined(header: Sequence[str], below: Sequence[str]) -> tuple[list[str], list[int]]:
    """Names of a two-row header ("question: item" under a merged question) and the 0-based
    positions that were combined."""
    width = max(len(header), len(below))
    top = list(header) + [""] * (width - len(header))
    cells = list(below) + [""] * (width - len(below))
    separator = MATRIX_SEPARATORS[0]
    out: list[str] = []
    combined: list[int] = []
    parent = ""
    for j in range(width):
        if top[j]:
            parent = top[j]
            if cells[j]:
                out.append(f"{parent}{separator}{cells[j]}")
                combined.append(j)
            else:
                out.append(parent)
            continue
        if cells[j]:
            out.append(f"{parent}{separator}{cells[j]}" if parent else cells[j])
            combined.append(j)
        else:
            out.append("")
    return out, combined


def find_header(
    records: Sequence[Sequence[str]],
    numbers: Sequence[Any],
    source: str,
    header_row: int | None = None,
) -> Header:
    """The header of ``records`` (text cells; ``numbers`` their row numbers) by the module
    doc's rule, or row ``header_row``. Raises :class:`SurveyError` for a ``header_row`` that is
    not a row with a value, or when the records hold no value."""
    if header_row is not None:
        index = _explicit(records, numbers, source, header_row)
        if (
            index > 0
            and any(records[index - 1])
            and _second_row(records[index - 1], records[index])
        ):
            index -= 1  # the items' row of a two-row header named: the question's row with it
    else:
        index = _detect(records)
        if index is None:
            raise SurveyError(f"survey file {source!r} is empty")
    names = list(records[index])
    issues: list[SurveyIssue] = []
    rows = [numbers[index]]
    start = index + 1
    if start < len(records) and _second_row(names, records[start]):
        names, combined = _combined(names, records[start])
        rows.append(numbers[start])
        start += 1
        issues.append(
            SurveyIssue(
                rows[1],
                None,
                None,
                f"rows {rows[0]}–{rows[1]} are a two-row header: row {rows[1]} names the items "
                f"of the question above them; {len(combined)} column(s) named 'question: item' "
                f"(the first: {_short(records[start - 1][combined[0]])!r} under "
                f"{_short(records[index][_parent(records[index], combined[0])])!r})",
                "header_row",
                "warning",
            )
        )
    skipped = [i for i in range(index) if any(records[i])]
    if skipped and header_row is None:
        first = next(cell for cell in records[skipped[0]] if cell)
        above = (
            f"row {numbers[skipped[0]]}"
            if len(skipped) == 1
            else f"rows {numbers[skipped[0]]}–{numbers[skipped[-1]]}"
        )
        issues.insert(
            0,
            SurveyIssue(
                rows[0],
                None,
                _short(first),
                f"the header is row {rows[0]}, not the first row: {above} above it "
                f"({_short(first)!r}) covers few columns and is skipped; give header_row "
                "(--header-row) if another row is the header",
                "header_row",
                "warning",
            ),
        )
    return Header(index, names, start, issues, rows)


def _explicit(
    records: Sequence[Sequence[str]], numbers: Sequence[Any], source: str, header_row: int
) -> int:
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1:
        raise SurveyError(
            f"header_row (--header-row) must be a row number (1, 2, …), not {header_row!r}"
        )
    for index, number in enumerate(numbers):
        if number == header_row:
            if not any(records[index]):
                raise SurveyError(
                    f"header_row {header_row}: row {header_row} of {source!r} is empty"
                )
            return index
    last = numbers[-1] if numbers else 0
    raise SurveyError(
        f"header_row {header_row}: {source!r} has no row {header_row} with values "
        f"(its last row is {last})"
    )


def check_names(names: Sequence[str], header_rows: Sequence[Any], source: str) -> None:
    """A SurveyError when more than half of the column names are empty: the header is not in
    the row read (or the file has no header), and the columns would be nameless."""
    empty = sum(1 for name in names if not name)
    if len(names) >= 2 and empty * 2 > len(names):
        where = (
            f"row {header_rows[0]}"
            if len(header_rows) == 1
            else f"rows {header_rows[0]}–{header_rows[-1]}"
        )
        raise SurveyError(
            f"{source!r}: {empty} of the {len(names)} column names in {where} (read as the "
            "header) are empty; if the header is in another row, give its number with "
            "header_row (--header-row on the command line, header_row: in the mapping file)"
        )


__all__ = ["HEADER_SEARCH_ROWS", "WIDTH_ROWS", "Header", "check_names", "find_header"]
