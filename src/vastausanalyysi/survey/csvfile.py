"""Text files: decoding (per line when UTF-8 and Windows-1252 are mixed) and CSV records.

:func:`decode_text` decodes with the given encoding, else by the byte order mark, else as UTF-8,
else, when some lines are UTF-8 and others are not, line by line (a line that is not UTF-8 is
Windows-1252; which lines were is returned), else the whole file as Windows-1252.

:func:`read_csv_records` splits CSV text into records. It reads cells of up to
:data:`~vastausanalyysi.survey.cells.MAX_CELL_CHARS` characters (a longer one raises
:class:`SurveyError` naming its row and column; one over
:data:`~vastausanalyysi.survey.cells.LONG_CELL_CHARS` is an issue). An unterminated quote does not
merge rows silently: when a record spans lines, is malformed (not valid CSV, or another number of
cells than the header) and its first line, with its open quote taken as text, has exactly the
header's cells, that line is the row (the quote kept in the cell) and the next lines are read as
rows of their own; an ``unclosed_quote`` issue names the row and column where the quote opened.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from vastausanalyysi.errors import SurveyError
from vastausanalyysi.survey.cells import LONG_CELL_CHARS, MAX_CELL_CHARS, CellIssue

_LINE_BREAK = re.compile(rb"(\r\n|\r|\n)")
_LIMIT_LOCK = threading.Lock()


def _split_lines(data: bytes) -> list[bytes]:
    """Lines with their line breaks, split like ``io.StringIO(newline="")`` splits text."""
    parts = _LINE_BREAK.split(data)
    lines = [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _decode_cp1252(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252
        return data.decode("latin-1"), "latin-1"


def decode_text(data: bytes, source: str, encoding: str | None) -> tuple[str, str, list[int]]:
    """Text, the encoding used and the 1-based numbers of the lines decoded as Windows-1252 in a
    file that mixes UTF-8 and Windows-1252 lines (empty otherwise; the encoding is then
    ``"utf-8+cp1252"``), with or without a UTF-8 byte order mark. A UTF-8 byte order mark under a
    given UTF-8 encoding is dropped, as without one. Raises :class:`SurveyError` naming the
    file (and, for a given encoding that does not fit, the line)."""
    if encoding:
        try:
            name = codecs.lookup(encoding).name
            if data.startswith(codecs.BOM_UTF8) and name == "utf-8":
                return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig", []
            if name.startswith(("utf-16", "utf-32")) and data and b"\x00" not in data[:65536]:
                # Latin letters in UTF-16 or UTF-32 have NUL bytes: this text is something else
                raise SurveyError(
                    f"{source!r} is not {encoding}: it has no NUL bytes, which text of Latin "
                    "letters in that encoding has; without --encoding the file's encoding is "
                    "told from its content"
                )
            return data.decode(encoding), encoding, []
        except LookupError as exc:
            raise SurveyError(f"unknown encoding {encoding!r} for {source!r}") from exc
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.start + 1]
            line = data.count(b"\n", 0, exc.start) + 1
            raise SurveyError(
                f"{source!r} is not valid {encoding}: line {line}, byte {exc.start} ({bad!r}); "
                "without --encoding the file's encoding is told from its content"
            ) from exc
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError:
            # a Windows-1252 line in a UTF-8 file (two exports joined): line by line, below
            data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise SurveyError(
                f"{source!r} starts with a UTF-16 byte order mark but is not UTF-16: {exc.reason}"
            ) from exc
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        raise SurveyError(
            f"{source!r} is not a text file (a NUL byte at byte {nul}): a binary file, or "
            "UTF-16 text without a byte order mark (then give --encoding utf-16)"
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    lines = _split_lines(data)
    texts: list[str] = []
    legacy: list[int] = []
    utf8_non_ascii = False
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_cp1252(line)[0]
            legacy.append(number)
        else:
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        texts.append(text)
    if not utf8_non_ascii:  # no line needs UTF-8: the whole file is Windows-1252
        text, used = _decode_cp1252(data)
        return text, used, []
    return "".join(texts), "utf-8+cp1252", legacy


SINGLE_BYTE_ENCODINGS = frozenset({"cp1252", "iso8859-1", "iso8859-15"})
"""Codecs (by :func:`codecs.lookup` name) that decode any byte: a Mac Roman file read with one
of them gives no error, only wrong letters, so :class:`MacRomanSigns` looks for them."""
_BOMS = {
    "UTF-8": (codecs.BOM_UTF8, ("utf-8", "utf-8-sig")),
    "UTF-16": ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), ("utf-16", "utf-16-le", "utf-16-be")),
}
# Mac Roman's Finnish letters (ä ö å Ä Ö Å) are Windows-1252's š Œ Š … € and an undefined
# byte: counted beside an ASCII letter (inside a word) or, for Ä Ö Å, before a lower-case one
# (a word's first letter), so that "…" and "€" after a word do not count.
_MAC_LETTER = re.compile(rb"[A-Za-z][\x8a\x9a\x8c]|[\x8a\x9a\x8c\x80\x85\x81][a-z]")
_MAC_BYTES = (b"\x8a", b"\x9a", b"\x8c", b"\x80", b"\x85", b"\x81")
_WORD_END = frozenset(bytes([b]) for b in b' \t\r\n,;|"')
_WINDOWS_LETTERS = (b"\xe4", b"\xf6", b"\xe5", b"\xc4", b"\xd6", b"\xc5")  # ä ö å Ä Ö Å


def is_single_byte(encoding: str) -> bool:
    """Whether ``encoding`` is one of :data:`SINGLE_BYTE_ENCODINGS` (or "latin-1")."""
    try:
        return codecs.lookup(encoding).name in SINGLE_BYTE_ENCODINGS
    except LookupError:
        return False


def bom_warning(data: bytes, source: str, encoding: str | None) -> str | None:
    """A warning when ``data`` starts with a byte order mark that the given ``encoding`` does
    not match (``--encoding cp1252`` on a UTF-8 file with a BOM): the mark and every letter
    beyond ASCII are then read wrong. None without a given encoding or when it matches."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    for label, (marks, names) in _BOMS.items():
        if data.startswith(marks) and name not in names:
            return (
                f"{source} starts with a {label} byte order mark but is decoded as {encoding}, "
                f"as --encoding asks: it is probably {label} (leave --encoding out), and its "
                "letters beyond ASCII are read wrong"
            )
    return None


class MacRomanSigns:
    """Signs, over the bytes of a file decoded as Windows-1252 (or Latin-1), that the file is
    Mac Roman (old Excel for Mac's "CSV (Macintosh)"): Windows-1252 gives no error there, only
    "Yhteistyš" for "Yhteistyö". Bytes are added in one piece or block by block (a block
    should end at a line break, for the line numbers)."""

    def __init__(self) -> None:
        self.mac = 0
        self.windows = 0
        self.lines = 0
        self.example: tuple[int, bytes] | None = None  # a word's line and bytes

    def add(self, data: bytes) -> None:
        """Count the signs in ``data``, the next bytes of the file."""
        found = _MAC_LETTER.search(data) if any(b in data for b in _MAC_BYTES) else None
        if found is not None:
            self.mac += len(_MAC_LETTER.findall(data))
            if self.example is None:
                start, end = found.start(), found.end()
                while start > 0 and data[start - 1 : start] not in _WORD_END:
                    start -= 1
                while end < len(data) and data[end : end + 1] not in _WORD_END:
                    end += 1
                word = data[start : min(end, start + 40)]
                self.example = (self.lines + data.count(b"\n", 0, found.start()) + 1, word)
        self.windows += sum(data.count(b) for b in _WINDOWS_LETTERS)
        self.lines += data.count(b"\n")

    def add_file(self, path: str) -> None:
        """Count the signs in the file at ``path``, in blocks that end at a line break."""
        rest = b""
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                cut = block.rfind(b"\n") + 1
                if not cut:
                    rest += block
                    continue
                self.add(rest + block[:cut])
                rest = block[cut:]
        self.add(rest)

    def warning(self, source: str, encoding: str) -> str | None:
        """A warning naming ``source`` when its Mac Roman letters outnumber its Windows-1252
        ones; None otherwise."""
        if self.example is None or self.mac <= self.windows:
            return None
        line, word = self.example
        read = word.decode(encoding if is_single_byte(encoding) else "cp1252", "replace")
        mac = word.decode("mac_roman")
        return (
            f"{source} is decoded as {encoding}, but it looks like Mac Roman: {self.mac} "
            f"letter(s) read as š, Š, Œ or the like would be ä, ö or å in Mac Roman (line "
            f"{line}: {read!r} would be {mac!r}); if it was saved as Mac Roman "
            '("CSV (Macintosh)"), give --encoding mac_roman'
        )


def decoding_warnings(
    data: bytes, source: str, given: str | None, used: str, legacy: Sequence[int]
) -> list[str]:
    """What is doubtful about decoding ``data`` (the whole file) as :func:`decode_text` did
    (``used``, ``legacy``; ``given``: the encoding asked for): a byte order mark the given
    encoding does not match, and Mac Roman read as Windows-1252 (the whole file, or the lines
    decoded as Windows-1252 in a mixed file)."""
    found = [bom_warning(data, source, given)]
    if legacy or is_single_byte(used):
        signs = MacRomanSigns()
        if legacy:
            lines = _split_lines(data)
            for number in legacy:
                signs.lines = number - 1
                signs.add(lines[number - 1])
        else:
            signs.add(data)
        found.append(signs.warning(source, "Windows-1252" if legacy else used))
    return [w for w in found if w]


def sniff_delimiter(text: str) -> str:
    """The delimiter (';', ',', tab or '|') that splits the first records most consistently.

    Cells as long as the reader takes (a tagged file's evidence of a long answer is longer than
    csv's default limit of 131,072 characters: the right delimiter must not fail on it)."""
    sample = "\n".join(text.splitlines()[:60])
    best, best_score = ";", (-1.0, 0)
    for delimiter in (";", ",", "\t", "|"):
        try:
            with _field_limit(MAX_CELL_CHARS):
                records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        records = records[:30]
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        consistent = sum(1 for r in records if len(r) == width) / len(records)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """csv's (process-wide) field size limit raised to ``limit`` while reading, then restored."""
    with _LIMIT_LOCK:
        old = csv.field_size_limit(limit)
        try:
            yield
        finally:
            csv.field_size_limit(old)


def _line_fields(line: str, delimiter: str) -> tuple[list[tuple[int, int]], int | None]:
    """Spans (start, end) of the cells of one physical line as csv reads them, and the position
    of a quote still open at the end of the line (None when every quote is closed)."""
    body = line.rstrip("\r\n")
    spans: list[tuple[int, int]] = []
    i, n = 0, len(body)
    while True:
        start = i
        if i < n and body[i] == '"':
            j = i + 1
            while True:
                q = body.find('"', j)
                if q < 0:
                    spans.append((start, n))
                    return spans, start
                if q + 1 < n and body[q + 1] == '"':
                    j = q + 2
                    continue
                break
            d = body.find(delimiter, q + 1)
        else:
            d = body.find(delimiter, i)
        if d < 0:
            spans.append((start, n))
            return spans, None
        spans.append((start, d))
        i = d + 1


def _literal_quote(line: str, delimiter: str) -> tuple[list[str], int] | None:
    """The cells of ``line`` with its unclosed quote taken as text, and that cell's position."""
    spans, open_at = _line_fields(line, delimiter)
    if open_at is None:
        return None
    position = len(spans) - 1
    unquoted = line[:open_at] + line[open_at + 1 :]
    cells = next(csv.reader([unquoted], delimiter=delimiter), [])
    if len(cells) <= position:
        return None
    cells[position] = '"' + cells[position]
    return cells, position


def _is_valid(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


def _too_long(
    lines: list[str], start: int, row: int, delimiter: str, source: str, exc: csv.Error
) -> SurveyError:
    if "field larger than field limit" not in str(exc):
        return SurveyError(f"cannot parse CSV file {source!r} at row {row}: {exc}")
    spans, open_at = _line_fields(lines[start], delimiter)
    if open_at is not None:
        position = len(spans) - 1
    else:
        position = max(range(len(spans)), key=lambda k: spans[k][1] - spans[k][0])
    return SurveyError(
        f"{source!r} row {row}, column {position + 1}: a cell is longer than "
        f"{MAX_CELL_CHARS:,} characters ({exc}); check for an unclosed quote"
    )


def read_csv_records(
    text: str, delimiter: str, source: str, legacy_lines: Sequence[int] = ()
) -> tuple[list[list[str]], list[CellIssue]]:
    """CSV records (a record's number is its 1-based position) and the issues found: unclosed
    quotes, long cells and lines decoded as Windows-1252 (``legacy_lines``, see
    :func:`decode_text`). Raises :class:`SurveyError` naming the row and column of a cell over
    :data:`~vastausanalyysi.survey.cells.MAX_CELL_CHARS` characters."""
    if not legacy_lines:
        fast = _valid_records(text, delimiter)
        if fast is not None:
            return fast, _long_cells(fast, len(text))
    lines = io.StringIO(text, newline="").readlines()
    n = len(lines)
    records: list[list[str]] = []
    first_lines: list[int] = []  # 0-based first line of each record
    issues: list[CellIssue] = []
    width: int | None = None
    i = 0
    with _field_limit(MAX_CELL_CHARS):
        while i < n:
            base = i
            reader = csv.reader((lines[j] for j in range(base, n)), delimiter=delimiter)
            i = n
            while True:
                start = base + reader.line_num
                try:
                    record = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    raise _too_long(lines, start, len(records) + 1, delimiter, source, exc) from exc
                end = base + reader.line_num
                row = len(records) + 1
                if width is None:
                    width = len(record) if any(record) else None
                elif (end - start > 1 or end == n) and (
                    len(record) != width or not _is_valid(lines[start:end], delimiter)
                ):
                    fixed = _literal_quote(lines[start], delimiter)
                    if fixed is not None and len(fixed[0]) == width:
                        record, position = fixed
                        issues.append(
                            CellIssue(
                                row,
                                position,
                                record[position][:80],
                                f"a quote opened on line {start + 1} is not closed on its line; "
                                "the quote is kept as text and the next line is read as a row",
                                "unclosed_quote",
                                "error",
                            )
                        )
                        records.append(record)
                        first_lines.append(start)
                        i = start + 1
                        break
                records.append(record)
                first_lines.append(start)
    issues += _long_cells(records, len(text))
    issues += _legacy_issues(legacy_lines, first_lines)
    return records, issues


def _valid_records(text: str, delimiter: str) -> list[list[str]] | None:
    """The records of a well-formed file (valid CSV, every non-blank row as wide as the first),
    read at C speed; None when the file needs the careful reading."""
    try:
        with _field_limit(MAX_CELL_CHARS):
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
            records = list(reader)
    except csv.Error:
        return None
    width = next((len(r) for r in records if any(r)), 0)
    if all(len(r) == width or not any(r) for r in records):
        return records
    return None


def _long_cells(records: list[list[str]], size: int) -> list[CellIssue]:
    """A ``long_cell`` issue for each cell over LONG_CELL_CHARS characters."""
    if size <= LONG_CELL_CHARS:
        return []
    return [
        CellIssue(row, k, None, f"cell has {len(cell):,} characters", "long_cell")
        for row, record in enumerate(records, start=1)
        if record and max(map(len, record)) > LONG_CELL_CHARS
        for k, cell in enumerate(record)
        if len(cell) > LONG_CELL_CHARS
    ]


def _legacy_issues(legacy_lines: Sequence[int], first_lines: list[int]) -> list[CellIssue]:
    """One issue per record holding lines decoded as Windows-1252."""
    by_row: dict[int, list[int]] = {}
    for line in legacy_lines:
        row = bisect.bisect_right(first_lines, line - 1)  # 1-based record number
        by_row.setdefault(max(row, 1), []).append(line)
    return [
        CellIssue(
            row,
            None,
            None,
            f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))} "
            f"{'are' if len(lines) > 1 else 'is'} not UTF-8 like the rest of the file; "
            "decoded as Windows-1252",
            "mixed_encoding",
        )
        for row, lines in by_row.items()
    ]


__all__ = [
    "SINGLE_BYTE_ENCODINGS",
    "MacRomanSigns",
    "bom_warning",
    "decode_text",
    "decoding_warnings",
    "is_single_byte",
    "read_csv_records",
    "sniff_delimiter",
]
