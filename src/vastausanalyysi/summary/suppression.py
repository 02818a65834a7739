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
(:func:`margin_mask`), and the table's own secondary suppression runs on top of that: this is
one rule for every summary table (frequencies, mean scores, scores by mention).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

#: the reason given to cells hidden by secondary suppression
SECONDARY_REASON = "secondary: hides a second cell so that a suppressed one cannot be derived"
#: the reason given to cells hidden because a table by fewer group columns hides them
MARGIN_REASON = "secondary: hidden in the table by fewer group columns, which would give it away"


def margin_mask(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    table: Callable[[list[str]], pd.DataFrame],
    *,
    cell_keys: Sequence[str] = (),
    hidden_column: str = "suppressed",
) -> np.ndarray:
    """The rows of ``frame`` (a table by two or more ``by_cols``) whose cell a table by one
    column fewer hides.

    ``table(sub_by)`` gives that table (the same summary by ``sub_by``, with its own
    suppression: for two columns, the one-way tables); a row of ``frame`` is hidden when the row
    of the smaller table with the same ``sub_by`` and ``cell_keys`` values has ``hidden_column``
    true. Since the smaller tables follow this rule too, a cell hidden in any table by fewer of
    the columns is hidden here. Run the table's own :func:`secondary_mask` after this (with
    these rows hidden), so that its margins do not give the hidden cells back either.
    """
    by_cols = list(by_cols)
    out = np.zeros(len(frame), dtype=bool)
    if len(by_cols) < 2 or not len(frame):
        return out
    for dropped in by_cols:
        sub_by = [c for c in by_cols if c != dropped]
        keys = [*sub_by, *cell_keys]
        sub = table(sub_by)
        hidden = sub.loc[sub[hidden_column].astype(bool).to_numpy(), keys].drop_duplicates()
        if not len(hidden):
            continue
        hidden = hidden.assign(_margin_hidden=True)
        left = frame[keys].reset_index(drop=True)
        for column in keys:  # the same values, whatever dtype each table gave them
            if left[column].dtype != hidden[column].dtype:
                left[column] = left[column].astype(object)
                hidden[column] = hidden[column].astype(object)
        merged = left.merge(hidden, on=keys, how="left", sort=False)
        out |= merged["_margin_hidden"].notna().to_numpy(dtype=bool)
    return out


def secondary_mask(
    frame: pd.DataFrame,
    by_cols: Sequence[str],
    suppressed: np.ndarray,
    size: np.ndarray,
    *,
    cell_keys: Sequence[str] = (),
    rank: Sequence[np.ndarray] = (),
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
    """
    by_cols = list(by_cols)
    primary = np.asarray(suppressed, dtype=bool)
    if not by_cols or not len(frame):
        return np.zeros(len(frame), dtype=bool)
    hidden = primary.copy()
    size = np.asarray(size, dtype=float)
    informative = size > 0
    keys = [np.asarray(r) for r in rank]
    lines = []  # per dimension: the line id of each row
    members = []  # per dimension: the rows of each line
    for dimension in by_cols:
        group = [*cell_keys, *(c for c in by_cols if c != dimension)]
        if group:
            ids = frame.groupby(group, dropna=False, sort=False, observed=True).ngroup()
            ids = ids.to_numpy()
        else:
            ids = np.zeros(len(frame), dtype=np.int64)
        lines.append(ids)
        order = np.argsort(ids, kind="stable")
        bounds = np.flatnonzero(np.diff(ids[order])) + 1
        members.append(np.split(order, bounds))
    counts = [np.bincount(ids, weights=hidden & informative) for ids in lines]

    def hide(row: int) -> None:
        hidden[row] = True
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
                for e, (other, count) in enumerate(zip(lines, counts, strict=True)):
                    if e != d:
                        bonus += count[other[candidates]] == 1
                best = np.lexsort(
                    (candidates, *(k[candidates] for k in reversed(keys)), size[candidates], -bonus)
                )[0]
                hide(int(candidates[best]))
                changed = True
        if not changed:
            break
    return hidden & ~primary


__all__ = ["MARGIN_REASON", "SECONDARY_REASON", "margin_mask", "secondary_mask"]
