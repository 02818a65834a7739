"""Summary rows under the data ("Yhteensä", "Keskiarvo", "Total" …): not respondents.

An Excel user often adds a row of totals or means under an export. :func:`drop_summary_rows`
finds them before the columns are recognised: a row is a summary row when its first filled cell
is a summary word (:data:`SUMMARY_WORDS`, alone or first, e.g. "Yhteensä:", "Keskiarvo 2026")
and every other filled cell is a number. Such rows at the end of the table (with only other
summary rows after them) are skipped, each a ``summary_row`` warning naming its row, its first
cell and its numbers. A row like that among the respondents is kept, since it may be a
respondent whose id happens to be such a word, but it is a ``possible_summary_row`` error
naming the row (a subtotal between blocks of data must be deleted by hand). A row whose other
cells hold words (answers) is a respondent, whatever its first cell says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vastausanalyysi.survey.model import SurveyIssue
from vastausanalyysi.survey.tables import RawTable

SUMMARY_WORDS = frozenset(
    {
        "yhteensä",
        "yht",
        "kaikki yhteensä",
        "summa",
        "keskiarvo",
        "ka",
        "keskimäärin",
        "mediaani",
        "keskihajonta",
        "hajonta",
        "total",
        "totals",
        "grand total",
        "sum",
        "mean",
        "average",
        "median",
        "std",
        "sd",
        "standard deviation",
        "totalt",
        "summa totalt",
        "medelvärde",
        "medeltal",
        "standardavvikelse",
    }
)
"""First cells that mark a row of totals or statistics (compared lower-cased, without
punctuation; a longer cell whose first word is one of them counts too)."""

_NUMBER = re.compile(r"^[+-]?\d[\d\s\u00a0]*(?:[.,]\d+)?\s*%?$")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def summary_word(text: str) -> bool:
    """Whether ``text`` (a first cell) is a summary word: "Yhteensä", "Keskiarvo:", "Total
    2026"."""
    key = _key(text)
    if not key or len(text) > 40:
        return False
    return key in SUMMARY_WORDS or key.split()[0] in SUMMARY_WORDS


def _label(cells: Sequence[str]) -> int | None:
    """The position of the summary word of a summary row, or None when ``cells`` are no
    summary row (see the module doc)."""
    filled = [i for i, cell in enumerate(cells) if cell]
    if not filled or not summary_word(cells[filled[0]]):
        return None
    if any(not _NUMBER.match(cells[i]) for i in filled[1:]):
        return None
    return filled[0]


def _short(name: str) -> str:
    return name if len(name) <= 50 else name[:49] + "…"


def _shown(table: RawTable, cells: Sequence[str], label: int) -> str:
    numbers = [
        f"{cells[i]} in {_short(table.header[i])!r}"
        for i, cell in enumerate(cells)
        if cell and i != label
    ]
    if not numbers:
        return "no other values"
    more = f" and {len(numbers) - 3} more" if len(numbers) > 3 else ""
    return "numbers " + ", ".join(numbers[:3]) + more


def drop_summary_rows(table: RawTable) -> None:
    """Skip the summary rows at the end of ``table`` and flag those among the respondents, by
    the module doc's rule (issues appended to ``table.issues``)."""
    labels = [_label(cells) for cells in table.rows]
    end = len(table.rows)
    while end > 0 and labels[end - 1] is not None:
        end -= 1
    if end == 0:
        return  # every row looks like one: leave the rows to the reader's own errors
    for i in range(end, len(table.rows)):
        cells, label = table.rows[i], labels[i]
        assert label is not None
        table.issues.append(
            SurveyIssue(
                table.row_numbers[i],
                table.header[label],
                cells[label],
                f"looks like a summary row under the data ({cells[label]!r}; "
                f"{_shown(table, cells, label)}), not a respondent; skipped",
                "summary_row",
                "warning",
            )
        )
    for i in range(end):
        label = labels[i]
        if label is None:
            continue
        cells = table.rows[i]
        table.issues.append(
            SurveyIssue(
                table.row_numbers[i],
                table.header[label],
                cells[label],
                f"first cell {cells[label]!r} and only numbers: this looks like a summary row "
                "(a total or mean), but it lies among the respondents, so it is read as a "
                "respondent; delete the row if it is not one",
                "possible_summary_row",
                "error",
            )
        )
    del table.rows[end:]
    del table.row_numbers[end:]


__all__ = ["SUMMARY_WORDS", "drop_summary_rows", "summary_word"]
