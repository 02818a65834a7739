"""Streamed tagging for ``vastausanalyysi tag --chunk-size N`` / ``--jobs N``.

A plain CSV, TSV or JSON Lines table (a file or ``-``) is read ``chunk_size`` rows at a time,
tagged with :func:`~vastausanalyysi.themes.partitions.tag_stream` (``--jobs`` worker processes,
order kept, at most a few chunks pending), masked and made formula-safe chunk by chunk, and
appended to the output as it goes: memory stays bounded whatever the file size, and every input
row comes out, in input order. The encoding and the CSV delimiter are detected from the file's
head by the same functions :func:`~vastausanalyysi.survey.read_table` uses, and a file's
encoding is checked over all its bytes (:func:`file_encoding`: a Windows-1252 row after a plain
ASCII head decides as it does when the file is read whole); cells are read as text ("" for
empty) as there.

Output: ``.csv``, ``.tsv``, ``-`` (header once) and ``.jsonl``/``.ndjson`` are appended chunk by
chunk. ``.json``, ``.xlsx`` and ``.parquet`` cannot be appended to: their chunks are kept and the
file is written at the end (a warning says so; memory is then not bounded).

Anything the stream cannot read the same way as the whole-file reader (XLSX, JSON arrays,
Parquet, text lines, survey exports without a text column, tagged files, ``--question``,
``--mapping``, ``--header-row``, a file mixing UTF-8 and Windows-1252 lines) is read whole instead:
:func:`stream_plan` returns None and the verb falls back. Error messages name the file's row:
the record number as the whole-file reader counts it (header = 1, first answer = 2 in CSV; the
line number in JSON Lines).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from vastausanalyysi.cli.files import STDIN, InputOptions, detect_format
from vastausanalyysi.errors import SurveyError
from vastausanalyysi.schema import CODE_COLUMNS, POLARITY
from vastausanalyysi.text import formula_unescaped

log = logging.getLogger("vastausanalyysi.cli")

HEAD_BYTES = 1 << 16
"""Bytes read ahead to detect the encoding and the delimiter."""
STREAM_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
APPENDABLE = ("csv", "tsv", "jsonl")


class _Prefixed(io.RawIOBase):
    """A binary stream: ``head`` (already read) followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@dataclass
class StreamPlan:
    """How a streamable input is read: its format, encoding, delimiter and open byte stream."""

    fmt: str
    encoding: str
    delimiter: str
    raw: BinaryIO
    display: str
    size: int | None
    json_scalars: dict[int, dict[str, Any]] = field(default_factory=dict)
    """JSON Lines: the numbers and true/false of the rows read so far, by line and column
    (:func:`~vastausanalyysi.survey.cells.json_scalars`; the writer takes them out)."""

    def frames(self, chunk_size: int) -> Iterator[pd.DataFrame]:
        """Chunks of text cells, indexed by the file's row numbers."""
        text = io.TextIOWrapper(
            io.BufferedReader(self.raw),
            encoding=self.encoding,
            newline="" if self.fmt != "jsonl" else None,
        )
        if self.fmt == "jsonl":
            yield from _jsonl_frames(text, chunk_size, self.display, self.json_scalars)
            return
        reader = pd.read_csv(
            text,
            sep=self.delimiter,
            dtype=str,
            keep_default_na=False,
            chunksize=chunk_size,
            engine="c",
        )
        for chunk in reader:
            chunk.index = chunk.index + 2  # the header is record 1
            # each cell as the whole-file reader gives it (read_table): the CLI's "'-" as "-",
            # then stripped, line breaks as "\n" (a chunk's result must not depend on the path)
            yield chunk.map(_cell)


def _cell(value: Any) -> str:
    """A streamed CSV cell as :func:`~vastausanalyysi.survey.read_table` reads it."""
    from vastausanalyysi.survey.cells import cell_text

    return cell_text(formula_unescaped(value))


def _jsonl_frames(
    text: Any, chunk_size: int, display: str, scalars: dict[int, dict[str, Any]]
) -> Iterator[pd.DataFrame]:
    """Chunks of a JSON Lines stream's cells as text, indexed by line; each line's numbers
    and true/false go into ``scalars``."""
    from vastausanalyysi.survey.cells import cell_text, json_scalars
    from vastausanalyysi.survey.tables import (
        TAGGED_JSON_COLUMNS,
        structured_cell,
        structured_summary,
    )

    objects: list[dict[str, str]] = []
    lines: list[int] = []
    structured: dict[str, list[Any]] = {}  # reported once per column when the input is read
    columns: dict[str, None] | None = None  # the first chunk's keys: every chunk's columns
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SurveyError(f"{display!r} line {number}: not JSON: {exc}") from None
        if not isinstance(obj, dict):
            raise SurveyError(
                f"{display!r} line {number}: expected a JSON object, got {type(obj).__name__}"
            )
        for key, value in obj.items():
            if isinstance(value, dict | list) and str(key) not in TAGGED_JSON_COLUMNS:
                structured.setdefault(str(key), []).append(structured_cell(number, key, value))
        row = {str(k): cell_text(v) for k, v in obj.items()}
        if columns is not None and (new := [k for k in row if k not in columns]):
            raise SurveyError(
                f"{display!r} line {number}: the key {new[0]!r} is on no line of the first "
                f"chunk ({chunk_size} rows), so the output written so far has no such column; "
                "read the file whole (without --chunk-size and --jobs)"
            )
        objects.append(row)
        lines.append(number)
        if found := json_scalars(obj):
            scalars[number] = found
        if len(objects) >= chunk_size:
            columns = columns or dict.fromkeys(k for o in objects for k in o)
            yield _jsonl_chunk(objects, lines, columns)
            objects, lines = [], []
    if objects:
        columns = columns or dict.fromkeys(k for o in objects for k in o)
        yield _jsonl_chunk(objects, lines, columns)
    for found in structured.values():
        log.warning("%s: %s", display, structured_summary(found))


def _jsonl_chunk(objects: list[dict[str, str]], lines: list[int], columns: Any) -> pd.DataFrame:
    """A chunk with the first chunk's columns in their order, a missing key as "" (as the
    whole-file reader gives a key that other lines have)."""
    rows = [[o.get(c, "") for c in columns] for o in objects]
    return pd.DataFrame(rows, index=lines, columns=list(columns))


def stream_plan(path: str, options: InputOptions, text_column: str) -> StreamPlan | None:
    """A plan to stream ``path``, or None when it must be read whole (see the module doc)."""
    from vastausanalyysi.survey.csvfile import decode_text, sniff_delimiter

    if options.questions or options.mapping is not None or options.header_row is not None:
        return None
    if path == STDIN:
        raw: BinaryIO = sys.stdin.buffer
        display, size = "<stdin>", None
    else:
        file = Path(path)
        if not file.is_file():
            return None
        fmt_by_suffix = STREAM_SUFFIXES.get(file.suffix.lower())
        if options.format is None and fmt_by_suffix is None:
            return None
        raw, display, size = open(file, "rb"), path, file.stat().st_size  # noqa: SIM115
    head = raw.read(HEAD_BYTES)
    if path == STDIN:
        fmt = options.format or detect_format(head)
    else:
        fmt = options.format or STREAM_SUFFIXES[Path(path).suffix.lower()]
    if fmt not in APPENDABLE or not head.strip():
        return _give_back(raw, head, path)  # read whole, where open_input checks the options
    try:
        options.check_format(fmt, display)
    except SurveyError:
        if path != STDIN:
            raw.close()
        raise
    cut = head.rfind(b"\n") + 1 or len(head)
    try:
        sample, encoding, legacy = decode_text(head[:cut], display, options.encoding)
    except SurveyError:
        return _give_back(raw, head, path)
    if legacy or encoding not in ("utf-8", "utf-8-sig", "cp1252", options.encoding):
        return _give_back(raw, head, path)
    if path != STDIN and not options.encoding and encoding == "utf-8":
        whole = file_encoding(Path(path))  # the head may be plain ASCII, a later row cp1252
        if whole is None:
            return _give_back(raw, head, path)
        encoding = whole
    delimiter = options.delimiter or ("\t" if fmt == "tsv" else sniff_delimiter(sample))
    if not _plain_header(sample, fmt, delimiter, text_column):
        return _give_back(raw, head, path)
    for warning in _decoding_warnings(path, head, display, options.encoding, encoding):
        log.warning("%s", warning)
    return StreamPlan(fmt, encoding, delimiter, _Prefixed(head, raw), display, size)  # type: ignore[arg-type]


def _decoding_warnings(
    path: str, head: bytes, display: str, given: str | None, encoding: str
) -> list[str]:
    """What the whole-file reader warns about decoding the file
    (:func:`~vastausanalyysi.survey.csvfile.decoding_warnings`): a byte order mark that
    ``--encoding`` does not match, Mac Roman read as Windows-1252 (standard input: its head)."""
    from vastausanalyysi.survey.csvfile import MacRomanSigns, bom_warning, is_single_byte

    found = [bom_warning(head, display, given)]
    if is_single_byte(encoding):
        signs = MacRomanSigns()
        if path == STDIN:
            signs.add(head)
        else:
            signs.add_file(path)
        found.append(signs.warning(display, encoding))
    return [w for w in found if w]


def file_encoding(path: Path) -> str | None:
    """How the whole-file reader decodes ``path`` (no byte order mark, no ``--encoding``):
    "utf-8" when every byte is, "cp1252" when no line is UTF-8 beyond ASCII, None when lines
    of both are mixed (read whole, where each line is decoded on its own and the mix is
    reported). One pass over the bytes; line by line only when the file is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as f:
        try:
            while block := f.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            f.seek(0)
        for line in f:
            if not line.isascii():
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                return None
    return "cp1252"


def _plain_header(sample: str, fmt: str, delimiter: str, text_column: str) -> bool:
    """Whether the head names the text column and is not a tagged file."""
    first = sample.lstrip("\ufeff").splitlines()[:1]
    if not first:
        return False
    if fmt == "jsonl":
        try:
            columns = list(json.loads(first[0]))
        except (json.JSONDecodeError, TypeError):
            return False
    else:
        columns = next(csv.reader([first[0]], delimiter=delimiter), [])
    tagged = all(c in columns for c in (*CODE_COLUMNS, POLARITY))
    return text_column in columns and not tagged


def _give_back(raw: BinaryIO, head: bytes, path: str) -> None:
    """Not streamable: a file is closed; standard input's head is put back for the reader."""
    if path == STDIN:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, raw)))  # type: ignore[arg-type]
    else:
        raw.close()
    return None


def count_rows(plan: StreamPlan) -> int | None:
    """The number of rows ``plan.frames`` gives (None for standard input), for the progress
    bar: a CSV/TSV's records after the header, read by the same rules as the reader (a line
    break inside a quoted cell is no new row, a blank line is skipped), or a JSON Lines file's
    non-blank lines. A second pass over the file, about 50 MB/s for a CSV."""
    if plan.size is None:
        return None
    with open(plan.display, encoding=plan.encoding, errors="replace", newline="") as text:
        if plan.fmt == "jsonl":
            return sum(1 for line in text if line.strip())
        records = sum(1 for row in csv.reader(text, delimiter=plan.delimiter) if row)
    return max(records - 1, 0)


__all__ = [
    "StreamPlan",
    "count_rows",
    "file_encoding",
    "stream_plan",
]
