"""Reading hand-coded answers: code and polarity cells as coders write them, and what a training
file holds (:class:`TrainingSummary`).

A code cell may name a code by its id in any case ("HYTE") or by the codebook's ``name``
("Perhekeskus", "Lasten, nuorten ja perheiden palvelut"), several codes separated by ';', ',',
'|' or line breaks (:data:`~vastausanalyysi.schema.CODE_SEPARATORS`). A polarity cell holds an id
or its Finnish name (:data:`~vastausanalyysi.schema.POLARITY_SPELLINGS`). A blank cell means "no
code of that kind" (or "no polarity"). A value that names nothing is a :class:`ModelError`
naming the file, the rows, the column and the nearest code.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from vastausanalyysi.errors import ModelError
from vastausanalyysi.schema import (
    AREAS,
    CODE_COLUMNS,
    MECHANISMS,
    POLARITIES,
    POLARITY,
    POLARITY_SPELLINGS,
    RowNumbers,
    parse_codes,
    polarity_id,
    strip_prefix,
)
from vastausanalyysi.text import is_missing
from vastausanalyysi.themes.codes import Codebook

#: How many values, and rows of each, an error or a summary names before "… and N more".
SHOWN = 5


_FOLD = str.maketrans("äöå", "aoa")


def _key(value: str) -> str:
    """A code written by a coder as it is looked up: lower case, one space between words, ä, ö
    and å as a, o and a (an id written with the name's letters: "työnjako" is ``tyonjako``)."""
    return " ".join(strip_prefix(value.strip().lower()).split()).translate(_FOLD)


class CodeReader:
    """Reads code cells against one codebook: ids in any case, the codebook's names, prefixes."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.lookup: dict[str, str] = {}
        for code_id, code in codebook.codes.items():
            self.lookup.setdefault(_key(code.name), code_id)
        for code_id in codebook.codes:  # an id wins over another code's name
            self.lookup[_key(code_id)] = code_id
        # names that hold a separator ("Lasten, nuorten ja perheiden palvelut") are found whole
        # before the cell is split; the longest first, bounded by a separator or the cell's end
        joined = sorted(
            (c.name for c in codebook.codes.values() if re.search(r"[;,|\r\n]", c.name)),
            key=len,
            reverse=True,
        )
        self._names = (
            re.compile(
                r"(?:^|(?<=[;,|\r\n]))\s*("
                + "|".join(r"\s+".join(map(re.escape, n.split())) for n in joined)
                + r")\s*(?=$|[;,|\r\n])",
                re.IGNORECASE,
            )
            if joined
            else None
        )

    def _parts(self, cell: str) -> list[str]:
        if self._names is not None:
            cell = self._names.sub(lambda m: ";" + self.lookup[_key(m.group(1))] + ";", cell)
        return parse_codes(cell)

    def read(self, value: Any) -> tuple[list[str], list[str]]:
        """The code ids of a cell (a string or a list), and the parts that name no code."""
        if is_missing(value):
            return [], []
        if isinstance(value, str):
            cells = [value]
        elif isinstance(value, Iterable):
            cells = [str(v) for v in parse_codes(value)]
        else:  # a number or another scalar: read as its text, so that an error names its row
            cells = [str(value)]
        codes: list[str] = []
        unknown: list[str] = []
        for cell in cells:
            for part in self._parts(cell):
                code = self.lookup.get(_key(part))
                if code is None:
                    unknown.append(part)
                elif code not in codes:
                    codes.append(code)
        return codes, unknown

    def nearest(self, value: str) -> str | None:
        """The code id nearest to a value that names none (difflib), or None."""
        found = difflib.get_close_matches(_key(value), list(self.lookup), n=1, cutoff=0.6)
        return self.lookup[found[0]] if found else None


# ---------------------------------------------------------------------------- where a row is


def source_of(df: pd.DataFrame) -> str:
    """The file a frame was read from (``attrs["source"]``), as an error's prefix, or ''."""
    source = df.attrs.get("source")
    return f"{str(source)!r}: " if source else ""


def row_numbers(df: pd.DataFrame) -> list[Any]:
    """Each row's number in its file (``attrs["rows"]``, as the file readers give it), else
    its index label."""
    rows = df.attrs.get("rows")
    if rows is not None and len(rows) == len(df):
        return list(rows)
    return list(df.index)


def select(df: pd.DataFrame, keep: Any) -> pd.DataFrame:
    """``df[keep]`` (a boolean mask) with its row numbers and source kept in ``attrs``."""
    mask = [bool(k) for k in keep]
    rows = [r for r, k in zip(row_numbers(df), mask, strict=True) if k]
    out = df[mask]
    out.attrs = {**df.attrs, "rows": RowNumbers(rows)}
    return out


def rows_text(rows: Sequence[Any]) -> str:
    """'row 5' or 'rows 5, 9, 12 and 3 more'."""
    shown = ", ".join(str(r) for r in rows[:SHOWN])
    more = f" and {len(rows) - SHOWN} more" if len(rows) > SHOWN else ""
    return f"row{'s' if len(rows) > 1 else ''} {shown}{more}"


def _bad_values(found: dict[str, list[Any]], hint: Any) -> str:
    """'value' (rows …; did you mean 'x'?), … for the first values found."""
    parts = []
    for value, rows in list(found.items())[:SHOWN]:
        near = hint(value)
        extra = f"; did you mean {near!r}?" if near else ""
        parts.append(f"{value!r} ({rows_text(rows)}{extra})")
    more = f", and {len(found) - SHOWN} more values" if len(found) > SHOWN else ""
    return ", ".join(parts) + more


# ---------------------------------------------------------------------------- reading labels


def read_code_columns(df: pd.DataFrame, codebook: Codebook) -> list[list[str]]:
    """Each row's gold codes (its ``areas`` then its ``mechanisms``) as code ids.

    Raises :class:`ModelError` naming the file, the rows, the column and the nearest code id
    for every value that names no code of ``codebook``.
    """
    reader = CodeReader(codebook)
    rows = row_numbers(df)
    out: list[list[str]] = [[] for _ in range(len(df))]
    problems = []
    for column in CODE_COLUMNS:
        if column not in df.columns:
            continue
        bad: dict[str, list[Any]] = {}
        for i, value in enumerate(df[column].tolist()):
            codes, unknown = reader.read(value)
            out[i].extend(c for c in codes if c not in out[i])
            for part in unknown:
                bad.setdefault(part, []).append(rows[i])
        if bad:
            problems.append(f"column {column!r}: {_bad_values(bad, reader.nearest)}")
    if problems:
        raise ModelError(
            f"{source_of(df)}unknown code(s) in " + "; ".join(problems) + ". A code is a code id "
            "or the codebook's name of it (any case), several separated by ';', ',', '|' or "
            "line breaks"
        )
    return out


def read_polarity_column(df: pd.DataFrame) -> list[str | None] | None:
    """Each row's gold polarity id (English or Finnish names read), None where the cell is
    blank; None without a ``polarity`` column. An unknown value is a :class:`ModelError`
    naming the file, the rows and the column."""
    if POLARITY not in df.columns:
        return None
    rows = row_numbers(df)
    out: list[str | None] = []
    bad: dict[str, list[Any]] = {}
    for i, value in enumerate(df[POLARITY].tolist()):
        label = polarity_id(value)
        if label is None and not is_missing(value, blank=True):
            bad.setdefault(str(value), []).append(rows[i])
        out.append(label)
    if bad:
        names = ", ".join(sorted(n for n in POLARITY_SPELLINGS if n not in POLARITIES))
        raise ModelError(
            f"{source_of(df)}unknown polarity value(s) in column {POLARITY!r}: "
            f"{_bad_values(bad, lambda v: None)}; use {list(POLARITIES)} or a Finnish name "
            f"({names}), any case"
        )
    return out


# ---------------------------------------------------------------------------- what was trained on


@dataclass
class TrainingSummary:
    """What a training file held: rows, code counts, polarity, conflicting duplicates, warnings.

    ``train()`` records it as ``model.training_summary_``; the CLI's ``train`` prints it.
    """

    source: str
    rows: int
    code_counts: dict[str, dict[str, int]]
    polarity_rows: int = 0
    polarity_counts: dict[str, int] = field(default_factory=dict)
    polarity_learned: bool = False
    polarity_mode: str = "rules"
    has_polarity_column: bool = False
    conflicts: list[list[Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as short lines of text (no answer text: row numbers only)."""
        where = f"{self.source}: " if self.source else ""
        out = [f"{where}trained on {self.rows} rows"]
        for layer, counts in self.code_counts.items():
            listed = ", ".join(f"{c} {n}" for c, n in counts.items() if n) or "none"
            out.append(f"  {layer}: {listed}")
        if not self.has_polarity_column:
            out.append("  polarity: no polarity column; polarity comes from the rules")
        else:
            classes = ", ".join(f"{c} {n}" for c, n in self.polarity_counts.items()) or "none"
            missing = self.rows - self.polarity_rows
            learned = (
                f"the polarity model learned (cross-validation chose {self.polarity_mode!r} as "
                "the source)"
                if self.polarity_learned
                else "not learned: from the rules"
            )
            out.append(
                f"  polarity: {self.polarity_rows} rows ({classes}), {missing} without one; "
                f"{learned}"
            )
        if self.conflicts:
            shown = "; ".join(", ".join(map(str, rows)) for rows in self.conflicts[:SHOWN])
            more = " …" if len(self.conflicts) > SHOWN else ""
            n_rows = sum(len(rows) for rows in self.conflicts)
            n = len(self.conflicts)
            texts = "1 text appears" if n == 1 else f"{n} texts appear"
            out.append(
                f"  {texts} more than once with conflicting codes or polarity ({n_rows} rows: "
                f"rows {shown}{more})"
            )
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def code_counts(labels: Sequence[Sequence[str]], codebook: Codebook) -> dict[str, dict[str, int]]:
    """Per layer ("areas", "mechanisms"): each code's number of rows, in the codebook's order."""
    return {
        layer: {c: sum(c in row for row in labels) for c in ids}
        for layer, ids in ((AREAS, codebook.areas), (MECHANISMS, codebook.mechanisms))
    }


def conflicting_duplicates(
    texts: Sequence[Any],
    labels: Sequence[Sequence[str]],
    polarity: Sequence[str | None] | None,
    rows: Sequence[Any],
) -> list[list[Any]]:
    """The row numbers of each text (spaces ignored) that appears more than once with different
    codes or different polarities (a blank polarity differs from none), in the order the texts
    first appear."""
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if isinstance(text, str) and text.strip():
            groups.setdefault(" ".join(text.split()), []).append(i)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        codes = {frozenset(labels[i]) for i in members}
        polarities = {polarity[i] for i in members if polarity is not None} - {None}
        if len(codes) > 1 or len(polarities) > 1:
            out.append([rows[i] for i in members])
    return out


def _blank(value: Any) -> bool:
    """Whether a code cell holds no code (empty, blank, only separators, an empty list)."""
    if is_missing(value, blank=True):
        return True
    return isinstance(value, str | Iterable) and not parse_codes(value)


def blank_column_warnings(df: pd.DataFrame) -> list[str]:
    """A warning for each code column blank on more than half of the rows: the model learns
    "no code of this kind" from each of those rows."""
    out = []
    for column in CODE_COLUMNS:
        if column not in df.columns or not len(df):
            continue
        blank = sum(_blank(v) for v in df[column].tolist())
        if blank * 2 > len(df):
            out.append(
                f"{source_of(df)}column {column!r} is blank on {blank} of {len(df)} rows; a "
                "blank cell means 'no code of this kind', so the model learns that these "
                "answers have none. If the column was not coded on those rows, code them or "
                "leave them (or the column) out"
            )
    return out


__all__ = [
    "CodeReader",
    "TrainingSummary",
    "blank_column_warnings",
    "code_counts",
    "conflicting_duplicates",
    "read_code_columns",
    "read_polarity_column",
    "row_numbers",
    "rows_text",
    "select",
    "source_of",
]
