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

``row`` is the row number as a spreadsheet shows it (a JSONL file's line number; a DataFrame's
index label). The header is the first row unless a title row covers few columns above it, or
``header_row`` names it; a second header row naming a merged matrix question's items is combined
("question: item"), see :mod:`.header`. Summary rows under the data ("Yhteensä", "Keskiarvo" …)
are skipped with an issue, see :mod:`.totals`. ``Survey.columns`` tells which column got which
role and ``Survey.issues`` lists every problem with its row, column and value.

Column roles are found from the header ("Vastaajan tunnus", "Tehtävänimike", "Kunta",
"Hyvinvointialue", …) and the content (Likert numbers or verbal scale values; long free text;
place names), logged on ``logging.getLogger("vastausanalyysi.survey")``, and can be given
explicitly or in a small YAML/JSON file (``column_map=``) whose keys are the options of
:func:`read_survey`.

Problems: an out-of-range number or unknown verbal value in a Likert column becomes NaN and an
issue (``strict=True`` raises :class:`SurveyError` instead, listing every such problem). Duplicate
respondent ids always raise, naming the ids and rows. Without an id column, ids are the ordinal of
the data row ("1", "2", …); an empty id becomes ``"rivi-<row>"`` and an issue. A row with fewer
cells than the header is padded (issue); a row with extra non-empty cells raises. A title that
fits no group, an empty title or municipality, a place that cannot be resolved and a place in
Åland (no wellbeing services county) are warnings (never raised).

Numeric scales other than the Likert one: a column of numbers on 0–10 ("7", "7,5"), or on a
range its header states ("asteikolla 4–10"), is kept in ``respondents`` as numbers (NaN when
empty), listed in ``Survey.columns.numeric``, and its range is in ``Survey.scales`` (which also
gives the Likert range of every Likert item).

Hostile files: every damaged file (an XLSX that is truncated, overwritten or has malformed XML,
a non-zip file named .xlsx, JSON nested too deeply, a CSV cell over ten million characters)
raises :class:`SurveyError` naming the file (and the row and column where known). XLSX is
streamed, ignoring the declared sheet dimension, so memory follows the cells that hold values.
Formula cells saved without a value, lines that are Windows-1252 in a UTF-8 file (decoded per
line), an unclosed quote (the quote is kept as text, the next lines stay rows) and cells over
100,000 characters are recorded in ``Survey.issues`` with their row and column.

Modules: :mod:`.tables` reads files and DataFrames into raw tables of text cells (the one table
reader, also behind :func:`read_table`), with :mod:`.csvfile` (decoding, CSV records),
:mod:`.xlsxfile` (streamed XLSX), :mod:`.cells` (cell text, cell issues) and :mod:`.header` (the
header row); :mod:`.totals` skips summary rows; :mod:`.likert` parses Likert cells; :mod:`.columns`
finds the column roles; :mod:`.model` holds :class:`Survey`, :class:`SurveyColumns`,
:class:`SurveyIssue` and :class:`SurveyIssues` (the list ``Survey.issues``, with ``to_frame()``);
:mod:`.reader` builds the frames (:func:`read_survey`).
"""

from __future__ import annotations

from vastausanalyysi.survey.likert import DEFAULT_LIKERT_SCALE, DEFAULT_MISSING_VALUES, LikertScale
from vastausanalyysi.survey.model import Survey, SurveyColumns, SurveyIssue, SurveyIssues
from vastausanalyysi.survey.reader import read_survey
from vastausanalyysi.survey.tables import (
    CSV_SUFFIXES,
    FORMAT_OPTIONS,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    SUFFIX_FORMATS,
    SUPPORTED_SUFFIXES,
    XLSX_SUFFIXES,
    FormatOption,
    misplaced_options,
    read_table,
)

__all__ = [
    "CSV_SUFFIXES",
    "DEFAULT_LIKERT_SCALE",
    "DEFAULT_MISSING_VALUES",
    "FORMAT_OPTIONS",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "SUFFIX_FORMATS",
    "SUPPORTED_SUFFIXES",
    "XLSX_SUFFIXES",
    "FormatOption",
    "LikertScale",
    "Survey",
    "SurveyColumns",
    "SurveyIssue",
    "SurveyIssues",
    "misplaced_options",
    "read_survey",
    "read_table",
]
