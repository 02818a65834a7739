"""Secondary (complementary) suppression of small cells, shared by the summaries.

A table that shows some groups and hides one small group lets anyone recover the hidden count:
the total (published elsewhere, or the same table without grouping) minus the visible groups.
National statistics offices therefore hide at least one more cell in every row or column where
exactly one cell is hidden. :func:`secondary_mask` does this along every grouping dimension.

A table by several columns has the tables by fewer columns as its margins, and those are
published too (``summary -b region`` beside ``summary -b coarse_group -b region``). A group that
the table by region hides would be given back by its cells in the two-way table (their sum), and
then the hidden one by the total minus the shown groups. So every cell that a table by one column
fewer hides (primary or secondary) is hidden in the table by more columns too
(:func:`margin_parts`), and the table's own secondary suppression runs on top of that: this is
one rule for every summary table (frequencies, mean scores, scores by mention).

Grouping columns can also be nested: each job-title ``group`` lies in one ``coarse_group``, each
municipality in one county (:mod:`.hierarchy` takes the parent of each value from the data's
own columns). The table by coarse group publishes each parent's total, so in the table by group
the groups under one parent form a line of their own, with the parent's cell in the coarser
table as one more member (:func:`nested_lines`, ``nested`` of :func:`secondary_mask`): under a
shown parent, exactly one hidden group would be the parent minus its shown groups, so the next
smallest group under the same parent is hidden too (reason :data:`NESTED_REASON`); under a
parent the coarser table hides, at least one group is hidden, or their sum would give the
parent back. A group that is its shown parent's only group is never chosen to be hidden beside
another while there is a choice: the coarser table shows its figures anyway. A table without a
nested column is suppressed exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: the reason given to cells hidden by secondary suppression
SECONDARY_REASON = "secondary: hides a second cell so that a suppressed one cannot be derived"
#: the reason given to cells hidden because a table by fewer group columns hides them
MARGIN_REASON = "secondary: hidden in the table by fewer group columns, which would give it away"
#: the reason given to cells hidden beside a suppressed one under the same parent group
NESTED_REASON = (
    "secondary: hides a second cell of the same parent group so that a suppressed one cannot "
    "be derived from the table by the parent groups"
)


def margin_parts(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    table: Callable[[list[str]], pd.DataFrame],
    *,
    cell_keys: Sequence[str] = (),
    hidden_column: str = "suppressed",
) -> np.ndarray:
    """The rows of ``frame`` (a table by two or more ``by_cols``) whose cell a table by one
    column fewer hides: a boolean array with one row per column of ``by_cols``, in their order
    (no rows for a table by fewer than two columns or an empty one). Row ``d`` holds the cells
    that the table without column ``d`` hides, i.e. whose line along ``d`` has no published sum
    (for :func:`audit_mask`); ``.any(axis=0)`` gives every cell to hide.

    ``table(sub_by)`` gives that table (the same summary by ``sub_by``, with its own
    suppression: for two columns, the one-way tables); a row of ``frame`` is hidden when the row
    of the smaller table with the same ``sub_by`` and ``cell_keys`` values has ``hidden_column``
    true. Since the smaller tables follow this rule too, a cell hidden in any table by fewer of
    the columns is hidden here. Run the table's own :func:`secondary_mask` after this (with
    these rows hidden), so that its margins do not give the hidden cells back either.
    """
    by_cols = list(by_cols)
    if len(by_cols) < 2 or not len(frame):
        return np.zeros((0, len(frame)), dtype=bool)
    parts = []
    for dropped in by_cols:
        sub_by = [c for c in by_cols if c != dropped]
        keys = [*sub_by, *cell_keys]
        parts.append(_hidden_in(frame[keys], table(sub_by), keys, hidden_column))
    return np.array(parts, dtype=bool)


def audit_mask(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    hidden: np.ndarray,
    size: np.ndarray,
    margins: np.ndarray | Sequence[np.ndarray],
    *,
    cell_keys: Sequence[str] = (),
) -> np.ndarray:
    """More cells to hide in a table by two or more ``by_cols`` so that no hidden cell follows
    exactly from the published sums of its lines (QA 6 #1).

    The line rule of :func:`secondary_mask` protects each line on its own; a block of hidden
    cells can still be solved from several lines together (the table by region minus the shown
    regions, the rows of the two-way table minus their shown cells, an absent combination known
    to be zero). Here the hidden cells are the unknowns (a size of 0 tells that every answer of
    the cell was a non-answer); each line whose sum a
    table by one column fewer publishes (``margins[d]`` false: :func:`margin_parts`) and the
    table's total give an equation; a hidden cell whose unit vector lies in the span of the
    equations is determined. While one is, the smallest shown cell of a published line through
    it (else of its block) is hidden too. Returns the rows newly hidden; one per pass, so the
    set stays small.
    """
    by_cols = list(by_cols)
    hidden = np.asarray(hidden, dtype=bool).copy()
    extra = np.zeros(len(frame), dtype=bool)
    if len(by_cols) < 2 or len(margins) != len(by_cols) or not len(frame):
        return extra
    size = np.asarray(size, dtype=float)

    blocks = _line_ids(frame, list(cell_keys))
    lines = [_line_ids(frame, [*cell_keys, *(c for c in by_cols if c != d)]) for d in by_cols]
    for block in np.unique(blocks):
        rows = np.flatnonzero(blocks == block)
        for _ in range(len(rows)):
            leak = _determined(rows, hidden, size, lines, margins)
            if leak is None:
                break
            through = np.zeros(len(frame), dtype=bool)
            for ids, margin in zip(lines, margins, strict=True):
                if not margin[leak]:
                    through[rows[ids[rows] == ids[leak]]] = True
            shown = rows[~hidden[rows]]
            sized = shown[size[shown] > 0]
            near = sized[through[sized]]
            choice = near if len(near) else sized if len(sized) else shown[through[shown]]
            if not len(choice):
                break
            pick = int(choice[np.lexsort((choice, size[choice]))[0]])
            hidden[pick] = extra[pick] = True
    return extra


def _line_ids(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """The line of each row of ``frame``: a number per combination of the ``keys`` values
    (missing values included), all rows one line without keys."""
    if not keys:
        return np.zeros(len(frame), dtype=np.int64)
    return frame.groupby(keys, dropna=False, sort=False, observed=True).ngroup().to_numpy()


def _determined(
    rows: np.ndarray,
    hidden: np.ndarray,
    size: np.ndarray,
    lines: Sequence[np.ndarray],
    margins: Sequence[np.ndarray],
) -> int | None:
    """The first hidden row of ``rows`` (one block) that the published line sums and the total
    determine, or None."""
    unknown = rows[hidden[rows]]  # a hidden size of 0 tells too: every answer a non-answer
    if not len(unknown):
        return None
    equations = [np.ones(len(unknown))]  # the table's total
    for ids, margin in zip(lines, margins, strict=True):
        for line in np.unique(ids[rows]):
            members = rows[ids[rows] == line]
            if margin[members[0]]:  # its sum is hidden in the table by one column fewer
                continue
            equation = np.isin(unknown, members).astype(float)
            if equation.any():
                equations.append(equation)
    matrix = np.vstack(equations)
    rank = np.linalg.matrix_rank(matrix)
    for k, row in enumerate(unknown):
        unit = np.zeros(len(unknown))
        unit[k] = 1.0
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            return int(row)
    return None


def _hidden_in(
    probe: pd.DataFrame, table: pd.DataFrame, keys: list[str], hidden_column: str
) -> np.ndarray:
    """For each row of ``probe``: whether the row of ``table`` with the same ``keys`` values
    has ``hidden_column`` true."""
    hidden = table.loc[table[hidden_column].astype(bool).to_numpy(), keys].drop_duplicates()
    if not len(hidden):
        return np.zeros(len(probe), dtype=bool)
    hidden = hidden.assign(_margin_hidden=True)
    left = probe[keys].reset_index(drop=True)
    for column in keys:  # the same values, whatever dtype each table gave them
        if left[column].dtype != hidden[column].dtype:
            left[column] = left[column].astype(object)
            hidden[column] = hidden[column].astype(object)
    merged = left.merge(hidden, on=keys, how="left", sort=False)
    return merged["_margin_hidden"].notna().to_numpy(dtype=bool)


@dataclass(frozen=True)
class Nesting:
    """The parent lines of one ``by`` column of a table (:func:`nested_lines`): the rows of a
    line share the table's other keys and the parent of ``column``'s value, so that they add
    up to the parent's cell in the coarser table."""

    column: str
    parent: np.ndarray
    """The parent value of each row (missing where the value has no known parent)."""
    known: np.ndarray
    """Whether each row's value has a parent (a row without one is in no parent line)."""
    parent_hidden: np.ndarray
    """Whether the coarser table hides each row's parent cell."""


def nested_lines(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    hierarchy: Mapping[str, tuple[str, Mapping[Any, Any]]],
    table: Callable[[list[str]], pd.DataFrame],
    *,
    cell_keys: Sequence[str] = (),
    hidden_column: str = "suppressed",
) -> list[Nesting]:
    """The parent lines of each of ``by_cols`` nested in a coarser column, for
    :func:`secondary_mask`'s ``nested``.

    ``hierarchy`` maps such a column to its parent column and each of its values to the parent
    value (:func:`~vastausanalyysi.summary.hierarchy.data_hierarchy`); ``table(coarse_by)``
    gives the same summary by ``by_cols`` with the column replaced by its parent, with its own
    suppression, whose ``hidden_column`` tells which parent cells are hidden. A column whose
    parent is among ``by_cols`` is left out (the table's own lines are its parent lines).
    """
    by_cols = list(by_cols)
    out = []
    for column in by_cols:
        if column not in hierarchy or hierarchy[column][0] in by_cols or not len(frame):
            continue
        parent_column, parent_of = hierarchy[column]
        values = frame[column].astype(object).tolist()
        known = np.array([_has_parent(v, parent_of) for v in values], dtype=bool)
        parent = np.array(
            [parent_of[v] if k else None for v, k in zip(values, known, strict=True)], dtype=object
        )
        coarse_by = [parent_column if c == column else c for c in by_cols]
        keys = [*coarse_by, *cell_keys]
        probe = pd.DataFrame(
            {c: parent if c == parent_column else frame[c].to_numpy() for c in keys}
        )
        for c in keys:  # keep the table's dtypes (categoricals) where they are its own
            if c != parent_column and c in frame.columns:
                probe[c] = probe[c].astype(frame[c].dtype)
        hidden = _hidden_in(probe, table(coarse_by), keys, hidden_column) & known
        out.append(Nesting(column, parent, known, hidden))
    return out


def _has_parent(value: Any, parent_of: Mapping[Any, Any]) -> bool:
    """Whether ``value`` (not missing) is a key of ``parent_of``."""
    try:
        return not pd.isna(value) and value in parent_of
    except (TypeError, ValueError):  # a list or other unhashable cell
        return False


def secondary_mask(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    suppressed: np.ndarray,
    size: np.ndarray,
    *,
    cell_keys: Sequence[str] = (),
    rank: Sequence[np.ndarray] = (),
    nested: Sequence[Nesting] = (),
    max_passes: int = 20,
) -> np.ndarray:
    """The cells to hide in addition to ``suppressed`` (a bool array, one per row of ``frame``).

    A *line* of the table is the set of rows that share ``cell_keys`` (e.g. layer and code) and
    all ``by_cols`` but one; its rows differ in one grouping dimension, so that they add up to
    a margin. A line with exactly one hidden row of ``size > 0`` (a group of size 0 discloses
    nothing) and at least one visible row of ``size > 0`` gets one more row hidden: preferably
    one whose lines in the other dimensions also have exactly one hidden row (so that one cell
    protects two lines, as in the usual rectangle of four), then the smallest ``size``, then by
    ``rank`` (arrays, first key first), then the first. This repeats over all dimensions until
    nothing changes. Returns the rows newly hidden (never one of ``suppressed``).

    ``nested`` (:func:`nested_lines`) adds the parent lines of the columns nested in a coarser
    one, checked first: the rows under one parent, with the parent's cell in the coarser table
    counted as one more member (hidden or not), so that a line under a shown parent never has
    exactly one hidden row and one under a hidden parent never has none (the parent would be the
    sum of its shown rows). Choosing a row, one that would be the only hidden row of its shown
    parent comes after the others, and one that would be its shown parent's only row with a size
    (the coarser table gives it) is not chosen while another is left. Without ``nested`` the
    choice is as before.
    """
    return secondary_masks(
        frame,
        by_cols,
        suppressed,
        size,
        cell_keys=cell_keys,
        rank=rank,
        nested=nested,
        max_passes=max_passes,
    )[0]


def secondary_masks(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    suppressed: np.ndarray,
    size: np.ndarray,
    *,
    cell_keys: Sequence[str] = (),
    rank: Sequence[np.ndarray] = (),
    nested: Sequence[Nesting] = (),
    max_passes: int = 20,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`secondary_mask`'s rows, and those of them hidden for a parent line (``nested``:
    their reason is :data:`NESTED_REASON`)."""
    by_cols = list(by_cols)
    primary = np.asarray(suppressed, dtype=bool)
    none = np.zeros(len(frame), dtype=bool)
    if not by_cols or not len(frame):
        return none, none.copy()
    hidden = primary.copy()
    for_parent = none.copy()
    size = np.asarray(size, dtype=float)
    informative = size > 0
    keys = [np.asarray(r) for r in rank]
    lines = []  # per dimension (parent lines first): the line id of each row
    members = []  # per dimension: the rows of each line
    shown_parent = []  # per dimension: whether each line's parent is shown (None: no parent)
    extra = []  # per dimension: the hidden parent counted in each line (1) or not (0)
    for nest in nested:
        others = [*cell_keys, *(c for c in by_cols if c != nest.column)]
        key = pd.DataFrame({c: frame[c].to_numpy() for c in others})
        key["_parent"] = pd.Series(list(nest.parent), dtype=object)
        ids = key.groupby([*others, "_parent"], dropna=False, sort=False, observed=True).ngroup()
        ids = ids.to_numpy().copy()
        lone = np.flatnonzero(~nest.known)  # no parent: each row a line of its own
        ids[lone] = ids.max(initial=-1) + 1 + np.arange(len(lone))
        ids = np.unique(ids, return_inverse=True)[1].reshape(-1)  # 0, 1, … with no gap
        n_lines = int(ids.max(initial=-1)) + 1
        parent_hidden = np.bincount(ids, weights=nest.parent_hidden, minlength=n_lines) > 0
        known = np.bincount(ids, weights=nest.known, minlength=n_lines) > 0
        lines.append(ids)
        shown_parent.append(known & ~parent_hidden)
        extra.append((known & parent_hidden).astype(float))
    n_nested = len(lines)
    for dimension in by_cols:
        lines.append(_line_ids(frame, [*cell_keys, *(c for c in by_cols if c != dimension)]))
        shown_parent.append(None)
        extra.append(None)
    for ids in lines:
        order = np.argsort(ids, kind="stable")
        bounds = np.flatnonzero(np.diff(ids[order])) + 1
        members.append(np.split(order, bounds))
    counts = []
    for ids, plus in zip(lines, extra, strict=True):
        if plus is None:
            counts.append(np.bincount(ids, weights=hidden & informative))
        else:
            count = np.bincount(ids, weights=hidden & informative, minlength=len(plus))
            counts.append(count + plus)

    def hide(row: int, by_parent: bool) -> None:
        hidden[row] = True
        for_parent[row] |= by_parent
        if informative[row]:
            for ids, count in zip(lines, counts, strict=True):
                count[ids[row]] += 1

    for _ in range(max_passes):
        changed = False
        for d, rows_of in enumerate(members):
            for line in np.flatnonzero(counts[d] == 1):
                if counts[d][line] != 1:  # changed meanwhile
                    continue
                rows = rows_of[line] if len(rows_of[line]) else np.array([], dtype=np.int64)
                candidates = rows[~hidden[rows] & informative[rows]]
                if not len(candidates):
                    continue
                bonus = np.zeros(len(candidates))
                useless = np.zeros(len(candidates), dtype=bool)
                for e, (other, count) in enumerate(zip(lines, counts, strict=True)):
                    if e == d:
                        continue
                    bonus += count[other[candidates]] == 1
                    if shown_parent[e] is not None:  # a parent line: a new single hidden row
                        opened = shown_parent[e][other[candidates]]
                        opened &= count[other[candidates]] == 0
                        bonus -= opened
                        rows_of_e = members[e]
                        alone = [
                            _only_shown(rows_of_e[other[c]], hidden, informative)
                            for c in candidates
                        ]
                        useless |= opened & np.array(alone, dtype=bool)
                if useless.all():
                    useless[:] = False
                candidates, bonus = candidates[~useless], bonus[~useless]
                best = np.lexsort(
                    (candidates, *(k[candidates] for k in reversed(keys)), size[candidates], -bonus)
                )[0]
                hide(int(candidates[best]), d < n_nested)
                changed = True
        if not changed:
            break
    new = hidden & ~primary
    return new, new & for_parent


def _only_shown(rows: np.ndarray, hidden: np.ndarray, informative: np.ndarray) -> bool:
    """Whether a line (its ``rows``) has only one shown row with a size."""
    return int((~hidden[rows] & informative[rows]).sum()) == 1


__all__ = [
    "MARGIN_REASON",
    "NESTED_REASON",
    "SECONDARY_REASON",
    "Nesting",
    "audit_mask",
    "margin_parts",
    "nested_lines",
    "secondary_mask",
    "secondary_masks",
]
