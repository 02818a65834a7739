"""Input files for the command line: one reader and one set of options for every verb.

A path or ``-`` (standard input). The format comes from ``--format``, else the suffix, else (for
stdin) the content: ``{`` starts JSON Lines, ``[`` a JSON array, ``PK`` an XLSX file, ``PAR1``
Parquet, anything else CSV with a header row. ``.txt`` (or ``--format lines``) is one text a line,
without a header, unless the ``.txt`` is a tab-separated table (its first line has tabs and the
lines split consistently on them: Excel's text exports). A table is one of

* a tagged file (``areas``, ``mechanisms`` and ``polarity`` columns, as ``tag`` writes them):
  codes come back as lists, evidence as dicts;
* a plain table with a text column (``-c``; ``text`` by default);
* a survey export (no such column): read with :func:`~vastausanalyysi.read_survey`, one row per
  respondent and open question, with group, coarse group and region.

Every problem is a :class:`~vastausanalyysi.errors.SurveyError` naming the file, row or column;
a missing text column lists the columns found.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import pandas as pd

from vastausanalyysi.errors import SurveyError, VastausanalyysiError
from vastausanalyysi.schema import (
    CODE_COLUMNS,
    JSON_COLUMNS,
    LEMMAS,
    POLARITY,
    QUESTION,
    RESPONDENT_ID,
    TEXT,
    RowNumbers,
    parse_codes,
    unsupported_type,
)
from vastausanalyysi.text import question_matches

log = logging.getLogger("vastausanalyysi.cli")

STDIN = "-"
FORMAT_SUFFIXES = {
    "csv": ".csv",
    "tsv": ".tsv",
    "jsonl": ".jsonl",
    "json": ".json",
    "xlsx": ".xlsx",
    "parquet": ".parquet",
    "lines": ".txt",
}
"""Input formats (``--format``) and the suffix each is read by."""
INPUT_SUFFIXES = (*FORMAT_SUFFIXES.values(), ".ndjson", ".xlsm")
_FORMAT_OF_SUFFIX = {
    **{suffix: fmt for fmt, suffix in FORMAT_SUFFIXES.items()},
    ".ndjson": "jsonl",
    ".xlsm": "xlsx",
}
TAGGED_COLUMNS = (*CODE_COLUMNS, POLARITY)
_READ_ERRORS = (
    OSError,
    ValueError,
    KeyError,
    IndexError,
    EOFError,
    RecursionError,
    csv.Error,
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
)


@dataclass
class InputOptions:
    """The input options every verb shares (see ``vastausanalyysi VERB --help``)."""

    text_column: str | None = None
    id_column: str | None = None
    questions: Sequence[str] = ()
    sheet: str | None = None
    header_row: int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    format: str | None = None
    mapping: str | None = None
    likert_points: int | None = None

    def survey_options(self) -> dict[str, Any]:
        """The options :func:`~vastausanalyysi.read_survey` takes."""
        names = ("sheet", "header_row", "encoding", "delimiter", "id_column", "likert_points")
        options = {n: getattr(self, n) for n in names if getattr(self, n) is not None}
        if self.mapping is not None:
            options["column_map"] = self.mapping
        return options

    def table_options(self) -> dict[str, Any]:
        """The options :func:`~vastausanalyysi.survey.read_table` takes."""
        names = ("sheet", "header_row", "encoding", "delimiter")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}

    def check_format(self, fmt: str, display: str) -> None:
        """A SurveyError when ``--sheet``, ``--header-row``, ``--delimiter`` or ``--encoding`` is
        given for an input of a format it does not apply to (``fmt``: an input format or a file
        suffix), by the one table :data:`vastausanalyysi.survey.FORMAT_OPTIONS`."""
        from vastausanalyysi.survey import FORMAT_OPTIONS, misplaced_options

        fmt = _FORMAT_OF_SUFFIX.get(fmt, fmt)
        given = {name: getattr(self, name) for name in FORMAT_OPTIONS}
        if misplaced := misplaced_options(fmt, **given):
            name = misplaced[0]
            option = "--" + name.replace("_", "-")
            raise SurveyError(
                f"{option} is for {FORMAT_OPTIONS[name].input}, and {display!r} is read as "
                f"{_FORMAT_NAMES.get(fmt, fmt)}; leave {option} out"
            )


_FORMAT_NAMES = {"jsonl": "JSON Lines", "lines": "lines of text", "parquet": "Parquet"}
_FORMAT_NAMES.update({f: f.upper() for f in ("csv", "tsv", "json", "xlsx")})


@dataclass
class Answers:
    """What was read: the frame, its text and id columns, the source and each row's file row."""

    frame: pd.DataFrame
    text_column: str
    source: str
    rows: list[Any] = field(default_factory=list)
    tagged: bool = False
    id_column: str | None = None
    scores: pd.DataFrame | None = None
    """A survey export's own Likert answers (``Survey.scores``), if any."""
    respondents: pd.DataFrame | None = None
    """A survey export's respondents (``Survey.respondents``), whose columns ``-b`` may join."""
    aliases: dict[str, str] = field(default_factory=dict)
    """A survey export's own header names of recognised columns → the column they became
    ("Kunta" → ``municipality``, "Vastaajan tunnus" → ``respondent_id``)."""
    json_scalars: dict[Any, dict[str, Any]] = field(default_factory=dict)
    """A JSON Lines or JSON table's numbers and true/false by row and column
    (:func:`~vastausanalyysi.survey.cells.json_scalars`), read as text in :attr:`frame`."""

    @property
    def no_text(self) -> str:
        """What :attr:`has_text` False means, for a message."""
        return (
            f"column {self.text_column!r} has no word in any of its {len(self.frame)} rows (it "
            "is empty or holds numbers)"
        )

    @property
    def has_text(self) -> bool:
        """Whether any row has a text with a word in it (not only numbers or blanks)."""
        if self.text_column not in self.frame.columns:
            return False
        return any(
            isinstance(v, str) and any(c.isalpha() for c in v) for v in self.frame[self.text_column]
        )


def detect_format(data: bytes) -> str:
    """The format of a file's bytes: jsonl, json, xlsx, parquet or csv."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"PAR1"):
        return "parquet"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return {b"{": "jsonl", b"[": "json"}.get(head, "csv")


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMAT_SUFFIXES:
        raise SurveyError(f"unknown input format {fmt!r}; use one of {', '.join(FORMAT_SUFFIXES)}")


def _check_suffix(suffix: str, display: str) -> None:
    if suffix not in INPUT_SUFFIXES:
        raise SurveyError(
            unsupported_type(suffix or "(none)", display)
            + f"; use one of {', '.join(INPUT_SUFFIXES)}, or give --format"
        )


@contextmanager
def open_input(
    path: str, fmt: str | None = None, options: InputOptions | None = None
) -> Iterator[tuple[Path, str]]:
    """The input as a file with the right suffix, and its name for messages.

    ``-`` is standard input, saved to a temporary file named by ``fmt`` or the detected format;
    a file with ``fmt`` given is linked under the matching suffix. Errors raised inside name the
    input as the user gave it; unreadable files raise :class:`SurveyError`, and so do
    ``options`` that do not apply to the input's format (:meth:`InputOptions.check_format`).
    """
    _check_format(fmt)
    display = "<stdin>" if path == STDIN else path
    if path != STDIN:
        file = Path(path)
        if fmt is None:
            _check_suffix(file.suffix.lower(), display)
        if not file.exists():
            raise SurveyError(f"input file not found: {path!r}")
        if not file.is_file():
            raise SurveyError(f"input path is not a file: {path!r}")
        if fmt is None or file.suffix.lower() == FORMAT_SUFFIXES[fmt]:
            if options is not None:
                options.check_format(file.suffix.lower(), display)
            with _read_errors(display, None):
                yield file, display
            return
        if options is not None:
            options.check_format(fmt, display)
    with tempfile.TemporaryDirectory(prefix="vastausanalyysi-") as tmp:
        if path == STDIN:
            data = sys.stdin.buffer.read()
            if not data.strip():
                raise SurveyError("standard input is empty")
            fmt = fmt or detect_format(data)
            if options is not None:
                options.check_format(fmt, display)
            file = Path(tmp) / f"stdin{FORMAT_SUFFIXES[fmt]}"
            file.write_bytes(data)
            log.info("standard input read as %s (%d bytes)", fmt, len(data))
        else:
            file = Path(tmp) / f"{Path(path).stem}{FORMAT_SUFFIXES[fmt or 'csv']}"
            file.symlink_to(Path(path).resolve())
        with _read_errors(display, str(file)):
            yield file, display


@contextmanager
def _read_errors(display: str, temporary: str | None) -> Iterator[None]:
    """Library errors and the reader's warnings name ``display`` instead of a temporary file;
    other read errors wrapped."""
    renamed = _Renamed(temporary, display) if temporary else None
    reader_log = logging.getLogger("vastausanalyysi.survey")
    if renamed:
        reader_log.addFilter(renamed)
    try:
        yield
    except VastausanalyysiError as exc:
        if temporary is None or temporary not in str(exc):
            raise
        raise type(exc)(str(exc).replace(temporary, display)) from exc
    except _READ_ERRORS as exc:
        message = str(exc).replace(temporary, display) if temporary else str(exc)
        if isinstance(exc, RecursionError):
            message = "nested too deeply"
        raise SurveyError(f"cannot read {display!r}: {type(exc).__name__}: {message}") from exc
    finally:
        if renamed:
            reader_log.removeFilter(renamed)


class _Renamed(logging.Filter):
    """A record's message with a temporary file's name replaced by the input's (``<stdin>``)."""

    def __init__(self, temporary: str, display: str) -> None:
        super().__init__()
        self.temporary, self.display = temporary, display

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.temporary in message:
            record.msg, record.args = message.replace(self.temporary, self.display), ()
        return True


# ---------------------------------------------------------------------------- reading


def read_input(path: str, options: InputOptions | None = None) -> Answers:
    """Read answers (tagged, a plain table or a survey export) as the verbs take them."""
    options = options or InputOptions()
    with open_input(path, options.format, options) as (file, display):
        answers = _read(file, display, options)
        answers = _select_questions(answers, options.questions)
        if options.id_column is not None and not answers.tagged:
            if answers.aliases.get(options.id_column) == RESPONDENT_ID:
                answers.id_column = RESPONDENT_ID  # the export's id column, read as such
            elif options.id_column not in answers.frame.columns:
                _missing_column(answers.frame, options.id_column, display, "id column")
            else:
                answers.id_column = options.id_column
        elif options.id_column is not None:
            answers.id_column = options.id_column
    return answers


def _read(file: Path, display: str, options: InputOptions) -> Answers:
    suffix = file.suffix.lower()
    column = options.text_column or TEXT
    _check_suffix(suffix, display)
    if suffix == ".txt":
        from vastausanalyysi.survey.csvfile import decode_text, sniff_delimiter

        text, _, _ = decode_text(file.read_bytes(), display, options.encoding)
        first = text.split("\n", 1)[0]
        if options.format == "lines" or "\t" not in first or sniff_delimiter(text) != "\t":
            lines = text.splitlines()
            frame = pd.DataFrame({column: pd.Series(lines, dtype=object)})
            return Answers(frame, column, display, list(range(1, len(lines) + 1)))
        # Excel's "Unicode text" and "Text (Tab delimited)" exports are .txt files
        log.warning(
            "%s: read as a tab-separated table (a spreadsheet export); --format lines reads it "
            "as one text a line",
            display,
        )
    if suffix == ".parquet":
        frame = _read_parquet(file, display)
        rows: list[Any] = list(range(1, len(frame) + 1))
    else:
        from vastausanalyysi.survey import read_table

        table_options = options.table_options()
        if suffix == ".txt":
            table_options["delimiter"] = "\t"
        frame = read_table(file, **table_options)
        rows = list(frame.attrs.get("rows") or range(2, len(frame) + 2))
    if all(c in frame.columns for c in TAGGED_COLUMNS):
        if suffix in {".jsonl", ".ndjson", ".json"}:
            frame = _json_frame(file, suffix != ".json", options.encoding)
        tagged = _parse_tagged(frame, display, rows)
        if options.text_column is not None and options.text_column not in tagged.columns:
            _missing_column(tagged, options.text_column, display)
        log.info("%s: tagged answers (%d rows); their codes are used", display, len(tagged))
        return Answers(tagged, column, display, rows, tagged=True)
    if column in frame.columns and options.mapping is None:
        from vastausanalyysi.survey.columns import add_respondent_columns

        answers = Answers(add_respondent_columns(frame), column, display, rows)
        if suffix in {".jsonl", ".ndjson", ".json"}:
            answers.json_scalars = _json_scalars(file, suffix != ".json", options.encoding)
        return answers
    if options.text_column is not None and options.mapping is None:
        _missing_column(frame, column, display)
    if suffix == ".parquet":
        _missing_column(frame, column, display)
    return _read_survey(file, display, frame, options)


def _read_survey(file: Path, display: str, frame: pd.DataFrame, options: InputOptions) -> Answers:
    from vastausanalyysi.survey import read_survey

    names = ", ".join(map(repr, frame.columns))
    if options.id_column is not None and options.id_column not in frame.columns:
        _missing_column(frame, options.id_column, display, "--id-column")
    try:
        survey = read_survey(file, **options.survey_options())
    except SurveyError as exc:
        if options.mapping is not None:
            raise
        raise SurveyError(
            f"no text column in {display!r}: there is no column 'text' (columns are: {names}) "
            f"and it cannot be read as a survey export ({exc}); name the text column with "
            "-c/--text-column"
        ) from exc
    if not survey.columns.open:
        hint = (
            " (or --format lines for one text a line without a header)"
            if file.stem == "stdin"
            else ""
        )
        raise SurveyError(
            f"no text column in {display!r}: there is no column 'text' and no open question was "
            f"recognised; columns are: {names}; to keep it a survey export (respondents, groups "
            "and counties), name the open questions in a --mapping file (open_columns: "
            f"['question']), or name one text column with -c/--text-column{hint}"
        )
    if len(frame.columns) == 1:
        log.warning(
            "%s has one column: its first line %r is read as the header (the question); if it "
            "is an answer, give --format lines (one text a line, no header)",
            display,
            str(frame.columns[0])[:60],
        )
    answers = survey.answers_with_respondents()
    log.info(
        "%s: survey export, %d open question(s): %s",
        display,
        len(survey.columns.open),
        "; ".join(survey.columns.open),
    )
    scores = survey.scores if len(survey.scores) else None
    return Answers(
        answers,
        TEXT,
        display,
        answers["row"].tolist(),
        id_column=RESPONDENT_ID,
        scores=scores,
        respondents=survey.respondents,
        aliases=_aliases(survey.columns),
    )


_ROLE_COLUMNS = {
    "id": RESPONDENT_ID,
    "title": "title",
    "group": "group",
    "municipality": "municipality",
    "region": "region",
}


def _aliases(columns: Any) -> dict[str, str]:
    """A survey's header names of its recognised columns → the columns they became; the other
    passed-through columns keep their names."""
    out = {h: h for h in (*columns.other, *columns.numeric)}
    for role, internal in _ROLE_COLUMNS.items():
        header = getattr(columns, role)
        if header:
            out[header] = internal
    return out


def resolve_by(answers: Answers, by: Sequence[str] | None, option: str = "-b/--by") -> list[str]:
    """The ``-b`` columns as the frame names them: a survey export's own header name of a
    recognised column is its column ("Kunta" → ``municipality``), joined from the respondents
    when the answers lack it. SurveyError listing the usable names for any other name."""
    out = []
    for name in by or ():
        if name in answers.frame.columns:
            out.append(name)
            continue
        joinable = list(answers.respondents.columns) if answers.respondents is not None else []
        internal = answers.aliases.get(name, name if name in joinable else None)
        if internal is None:
            usable = [*map(str, answers.frame.columns), *answers.aliases, *joinable]
            raise SurveyError(
                f"{option} {name!r}: no such column in {answers.source!r}; usable columns: "
                + ", ".join(map(repr, dict.fromkeys(usable)))
            )
        if internal not in answers.frame.columns:
            _join_respondent_column(answers, internal)
        log.info("%s: %s %r is the column %r", answers.source, option, name, internal)
        out.append(internal)
    for name, column in zip(by or (), out, strict=True):
        _refuse_contact_column(answers, name, column, option)
    return out


def _refuse_contact_column(answers: Answers, name: str, column: str, option: str) -> None:
    """A SurveyError when ``column`` is contact data (an e-mail or phone column, by
    :func:`~vastausanalyysi.workflow.contact_data`'s rule): its values are written as one
    placeholder, so every group would read "[EMAIL]" (and unmasked, each is one person)."""
    from vastausanalyysi.nlp.pii.pseudonyms import KINDS
    from vastausanalyysi.workflow import DERIVED_COLUMNS, contact_data

    if column in DERIVED_COLUMNS:
        return
    label = contact_data(str(column), answers.frame[column].tolist())
    if label is not None:
        raise SurveyError(
            f"{option} {name!r}: the column {column!r} of {answers.source!r} holds contact data "
            f"({KINDS.get(label, 'personal data')}): its values are written as {label!r}, so "
            "every group would read the same, and each value is one person; group by another "
            "column"
        )


def _join_respondent_column(answers: Answers, column: str) -> None:
    """Add a respondents' column to the answers (same rows, order and index)."""
    respondents = answers.respondents
    assert respondents is not None
    lookup = respondents[[RESPONDENT_ID, column]].drop_duplicates(RESPONDENT_ID)
    joined = answers.frame.merge(lookup, on=RESPONDENT_ID, how="left", sort=False)
    joined.index = answers.frame.index
    answers.frame = joined


def _read_parquet(file: Path, display: str) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(file)
    except ImportError as exc:
        raise SurveyError(
            f"reading {display!r} needs pyarrow: pip install 'vastausanalyysi[parquet]'"
        ) from exc
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [v.tolist() if hasattr(v, "tolist") else v for v in frame[column]]
    return frame


def _json_scalars(file: Path, lines: bool, encoding: str | None) -> dict[int, dict[str, Any]]:
    """The numbers and true/false of each row of a JSON Lines (by line, as
    :func:`~vastausanalyysi.survey.read_table` numbers them) or JSON file (by position)."""
    from vastausanalyysi.survey.cells import json_scalars
    from vastausanalyysi.survey.csvfile import decode_text

    text = decode_text(file.read_bytes(), str(file), encoding)[0]
    if lines:
        numbered = (
            (number, json.loads(line))
            for number, line in enumerate(io.StringIO(text, newline=""), start=1)
            if line.strip()
        )
    else:
        data = json.loads(text)
        numbered = enumerate(data["data"] if isinstance(data, dict) else data, start=1)
    found = ((number, json_scalars(obj)) for number, obj in numbered)
    return {number: scalars for number, scalars in found if scalars}


def _json_frame(file: Path, lines: bool, encoding: str | None) -> pd.DataFrame:
    """JSON objects (JSON Lines or an array) as a frame that keeps lists and dicts."""
    text = file.read_text(encoding=encoding or "utf-8-sig")
    if lines:
        objects = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        data = json.loads(text)
        objects = data["data"] if isinstance(data, dict) else data
    return pd.DataFrame.from_records(objects)


def _parse_tagged(frame: pd.DataFrame, display: str, rows: Sequence[Any]) -> pd.DataFrame:
    """Code lists, JSON cells and lemma lists of a tagged file as ``tag`` returns them."""
    frame = frame.copy()
    for column in CODE_COLUMNS:
        frame[column] = [parse_codes(v) for v in frame[column]]
    for column in JSON_COLUMNS:
        if column in frame.columns:
            frame[column] = [
                _json_cell(v, column, row, display)
                for v, row in zip(frame[column], rows, strict=True)
            ]
    if LEMMAS in frame.columns:
        frame[LEMMAS] = [v if isinstance(v, list) else str(v or "").split() for v in frame[LEMMAS]]
    return frame


def _json_cell(value: Any, column: str, row: Any, display: str) -> Any:
    if isinstance(value, dict | list):
        return value
    if value in ("", None) or (isinstance(value, float) and value != value):
        return {}
    try:
        return json.loads(value)
    except (TypeError, json.JSONDecodeError) as exc:
        raise SurveyError(
            f"{display!r} row {row}, column {column!r}: not JSON: {value!r:.60}"
        ) from exc


def _missing_column(
    frame: pd.DataFrame, column: str, display: str, what: str = "text column"
) -> None:
    names = ", ".join(map(repr, frame.columns))
    raise SurveyError(f"{what} {column!r} not found in {display!r}; columns are: {names}")


def _select_questions(answers: Answers, wanted: Sequence[str]) -> Answers:
    """Only the answers to the ``wanted`` questions (exact name, else a unique part of it)."""
    if not wanted:
        return answers
    frame = answers.frame
    if QUESTION not in frame.columns:
        raise SurveyError(
            f"--question: {answers.source!r} has no question column (a survey export has one per "
            "open question); columns are: " + ", ".join(map(repr, frame.columns))
        )
    found = list(dict.fromkeys(str(q) for q in frame[QUESTION]))
    chosen = [_match_question(w, found, answers.source) for w in wanted]
    keep = frame[QUESTION].astype(str).isin(chosen).to_numpy()
    rows = [r for r, k in zip(answers.rows, keep, strict=True) if k]
    log.info("%s: question(s) %s: %d answers", answers.source, chosen, int(keep.sum()))
    # every other field is kept: the Likert answers (scores) do not depend on the open question
    return replace(answers, frame=frame[keep], rows=rows)


def _match_question(wanted: str, found: Sequence[str], source: str) -> str:
    hits = question_matches(wanted, found)
    if len(hits) == 1:
        return hits[0]
    listed = "; ".join(map(repr, found))
    if hits:
        raise SurveyError(
            f"--question {wanted!r} matches several questions in {source!r}: {listed}"
        )
    raise SurveyError(f"--question {wanted!r} not found in {source!r}; questions are: {listed}")


def read_plain_table(
    path: str, options: InputOptions, required: Sequence[str] = ()
) -> pd.DataFrame:
    """A table of text cells (no survey reading), with the ``required`` columns checked; its
    ``attrs`` hold the file's name (``"source"``) and row numbers (``"rows"``)."""
    with open_input(path, options.format, options) as (file, display):
        if file.suffix.lower() == ".parquet":
            frame = _read_parquet(file, display)
            frame.attrs["rows"] = RowNumbers(range(1, len(frame) + 1))  # as read_input numbers them
        else:
            from vastausanalyysi.survey import read_table

            frame = read_table(file, suffixes=INPUT_SUFFIXES, **options.table_options())
        for column in required:
            if column not in frame.columns:
                what = "text column" if column == (options.text_column or TEXT) else "column"
                _missing_column(frame, column, display, what)
    frame.attrs["source"] = display  # errors on its rows name the file
    return frame


def read_survey_input(path: str, options: InputOptions) -> Any:
    """:func:`~vastausanalyysi.read_survey` on a path or ``-``; ``-c`` names the open question
    column, ``--question`` keeps the answers to the questions named."""
    from vastausanalyysi.survey import read_survey

    extra: dict[str, Any] = {}
    if options.text_column is not None:
        extra["open_columns"] = [options.text_column]
    with open_input(path, options.format, options) as (file, display):
        survey = read_survey(file, **options.survey_options(), **extra)
        survey.source = display
    if options.questions:
        found = list(dict.fromkeys(str(q) for q in survey.answers[QUESTION]))
        chosen = [_match_question(w, found, display) for w in options.questions]
        survey.answers = survey.answers[survey.answers[QUESTION].isin(chosen)]
    return survey
