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
explicitly or in a small YAML/JSON mapping file (``mapping=``) whose keys are the options of
:func:`read_survey`.

Problems: an out-of-range number or unknown verbal value in a Likert column becomes NaN and an
issue (``strict=True`` raises :class:`SurveyError` instead, listing every such problem). Duplicate
respondent ids always raise, naming the ids and rows. Without an id column, ids are the ordinal of
the data row ("1", "2", …); an empty id becomes ``"rivi-<row>"`` and an issue. A row with fewer
cells than the header is padded (issue); a row with extra non-empty cells raises. A title that
fits no group and a place that cannot be resolved are warnings (never raised).

Modules: :mod:`.tables` reads files and DataFrames into raw tables of text cells (the one table
reader, also behind :func:`read_table`); :mod:`.likert` parses Likert cells; :mod:`.columns` finds
the column roles; :mod:`.model` holds :class:`Survey`, :class:`SurveyColumns` and
:class:`SurveyIssue`; :mod:`.reader` builds the frames (:func:`read_survey`).
"""

from __future__ import annotations

from vastausanalyysi.survey.likert import DEFAULT_LIKERT_SCALE, DEFAULT_MISSING_VALUES, LikertScale
from vastausanalyysi.survey.model import Survey, SurveyColumns, SurveyIssue
from vastausanalyysi.survey.reader import read_survey
from vastausanalyysi.survey.tables import (
    CSV_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    XLSX_SUFFIXES,
    read_table,
)

__all__ = [
    "CSV_SUFFIXES",
    "DEFAULT_LIKERT_SCALE",
    "DEFAULT_MISSING_VALUES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "XLSX_SUFFIXES",
    "LikertScale",
    "Survey",
    "SurveyColumns",
    "SurveyIssue",
    "read_survey",
    "read_table",
]
