"""Column names, code prefixes and defaults shared by every layer: the one definition of each."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from vastausanalyysi.errors import ModelError
from vastausanalyysi.text import is_missing

# ---------------------------------------------------------------------------- defaults
MIN_CELL = 5
"""Smallest group (in respondents) whose figures, means and quotes are shown."""

# ---------------------------------------------------------------------------- columns
TEXT = "text"
RESPONDENT_ID = "respondent_id"
QUESTION = "question"
GROUP = "group"
COARSE_GROUP = "coarse_group"
REGION = "region"
MUNICIPALITY = "municipality"
PARENT_COLUMNS: dict[str, str] = {GROUP: COARSE_GROUP, MUNICIPALITY: REGION}
"""Grouping columns nested in a coarser one: each job-title group lies in one coarse group, each
municipality in one wellbeing services county (its ``region`` code). A table by the finer column
and one by the coarser column are two views of the same respondents, and the summaries'
small-cell suppression treats them so (:mod:`vastausanalyysi.summary.hierarchy`)."""
AREAS = "areas"
MECHANISMS = "mechanisms"
POLARITY = "polarity"
EVIDENCE = "evidence"
LEMMAS = "lemmas"
POLARITY_EVIDENCE = "polarity_evidence"
LANGUAGE = "language"
"""Language of an answer as ``tag()`` detects it: "fi", "sv", "en", "other", "" (no words)."""
PROBABILITIES = "probabilities"
"""The model's probability of each code (``tag(probabilities=True)``)."""
OLD_PROBABILITIES = "scores"
"""The name of :data:`PROBABILITIES` in files tagged before it was renamed (still read)."""
TAGGED_BY = "tagged_by"
"""The column in which ``vastausanalyysi tag`` names the version, model and evidence that tagged
a row (see :mod:`vastausanalyysi.cli.provenance`): ``report`` uses a file's tags only when they
are its own."""
NOT_FINNISH = "not_finnish"
"""Frequency-table column: answering units left out of the base because not in Finnish."""
NON_ANSWERS = "non_answers"
"""Frequency-table column: answering units left out of the base because every answer of theirs
is a non-answer ("Ei kommentteja.", "eos", "-")."""
NON_ANSWER_RULE = "non_answer"
"""The ``rule`` of the one ``polarity_evidence`` item that ``tag()`` gives a non-answer: how a
tagged frame marks it."""
SAVE_AS_HINTS = {
    ".xls": "an Excel 97–2003 workbook: save it in Excel as .xlsx, or as CSV UTF-8",
    ".ods": "an OpenDocument spreadsheet: save it as .xlsx, or as CSV UTF-8",
    ".numbers": "a Numbers spreadsheet: export it as .xlsx, or as CSV UTF-8",
    ".sav": "an SPSS data file: export it as .xlsx, CSV UTF-8 or Parquet",
    ".dta": "a Stata data file: export it as .xlsx, CSV UTF-8 or Parquet",
}
"""What to do with a file type the readers do not read, by suffix (added to the error)."""


class RowNumbers(list):  # type: ignore[type-arg]
    """The file's row number of each row of a frame, kept in ``frame.attrs["rows"]``.

    pandas deep-copies ``attrs`` into every frame and Series derived from the frame (each column
    read), and a plain list of 100,000 numbers is deep-copied number by number. The numbers are
    immutable, so a copy of the list is a deep copy: made at the speed of ``list.copy``.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> RowNumbers:
        return RowNumbers(self)


def unsupported_type(suffix: str, source: str) -> str:
    """The start of the error for a file type that is not read: "unsupported file type '.xls'
    for 'x.xls' (…: save it as …)", with :data:`SAVE_AS_HINTS`' advice where it has one."""
    hint = SAVE_AS_HINTS.get(suffix.lower())
    return f"unsupported file type {suffix!r} for {source!r}" + (f" ({hint})" if hint else "")


CODE_COLUMNS: tuple[str, ...] = (AREAS, MECHANISMS)
"""Columns holding lists of code ids."""
TAG_COLUMNS: tuple[str, ...] = (AREAS, MECHANISMS, POLARITY, EVIDENCE, LEMMAS)
"""Columns that tagging adds to a frame."""
JSON_COLUMNS: tuple[str, ...] = (EVIDENCE, POLARITY_EVIDENCE, PROBABILITIES, OLD_PROBABILITIES)
"""Columns of nested values, written as JSON text in flat formats."""

POLARITIES: tuple[str, ...] = ("works", "problem", "mixed", "neutral")

POLARITY_SPELLINGS: dict[str, str] = {
    "works": "works",
    "problem": "problem",
    "mixed": "mixed",
    "neutral": "neutral",
    "myönteinen": "works",
    "toimii": "works",
    "kielteinen": "problem",
    "ongelma": "problem",
    "molempia": "mixed",
    "sekä että": "mixed",
    "sekä toimivaa että ongelmia": "mixed",
    "ristiriitainen": "mixed",
    "neutraali": "neutral",
}
"""How a coder may write a polarity (lower case, words separated by one space) -> its id: the
ids themselves and their Finnish names. :func:`polarity_id` reads a cell through it."""

# ---------------------------------------------------------------------------- code ids
CODE_PREFIXES: tuple[str, ...] = ("area:", "mech:", "mechanism:", "polarity:")
"""Prefixes a code id may carry in user files and wide tables ("area:hyte", "mech:tyonjako")."""


def strip_prefix(code: str) -> str:
    """``code`` without a layer prefix: ``"mech:tyonjako"`` -> ``"tyonjako"``."""
    for prefix in CODE_PREFIXES:
        if code.startswith(prefix):
            return code[len(prefix) :]
    return code


CODE_SEPARATORS = re.compile(r"[;,|\r\n]")
"""What separates the codes of one cell: ';', ',', '|' or a line break."""


def parse_codes(value: Any) -> list[str]:
    """Codes from a list or a string separated by :data:`CODE_SEPARATORS`; None/NaN/'' give []."""
    if is_missing(value):
        return []
    if isinstance(value, str):
        return [c.strip() for c in CODE_SEPARATORS.split(value) if c.strip()]
    if isinstance(value, Iterable):
        return [str(c).strip() for c in value if str(c).strip()]
    raise ModelError(f"cannot read codes from {value!r}")


def polarity_id(value: Any) -> str | None:
    """The polarity id that a cell names, in English or Finnish, in any case ("Myönteinen" ->
    "works", "polarity:mixed" -> "mixed", "sekä-että" -> "mixed"); None for an empty cell or a
    value that names no polarity (see :data:`POLARITY_SPELLINGS`)."""
    if is_missing(value, blank=True) or not isinstance(value, str):
        return None
    key = " ".join(strip_prefix(value.strip().lower()).replace("-", " ").split())
    return POLARITY_SPELLINGS.get(key)


__all__ = [
    "AREAS",
    "COARSE_GROUP",
    "CODE_COLUMNS",
    "CODE_PREFIXES",
    "CODE_SEPARATORS",
    "EVIDENCE",
    "GROUP",
    "JSON_COLUMNS",
    "LANGUAGE",
    "LEMMAS",
    "MECHANISMS",
    "MIN_CELL",
    "MUNICIPALITY",
    "NON_ANSWERS",
    "NON_ANSWER_RULE",
    "NOT_FINNISH",
    "OLD_PROBABILITIES",
    "PARENT_COLUMNS",
    "POLARITIES",
    "POLARITY",
    "POLARITY_EVIDENCE",
    "POLARITY_SPELLINGS",
    "PROBABILITIES",
    "QUESTION",
    "REGION",
    "RESPONDENT_ID",
    "SAVE_AS_HINTS",
    "TAGGED_BY",
    "TAG_COLUMNS",
    "TEXT",
    "RowNumbers",
    "parse_codes",
    "polarity_id",
    "strip_prefix",
    "unsupported_type",
]
