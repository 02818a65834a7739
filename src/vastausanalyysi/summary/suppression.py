"""Secondary (complementary) suppression of small cells, shared by the summaries.

A table that shows some groups and hides one small group lets anyone recover the hidden count:
the total (published elsewhere, or the same table without grouping) minus the visible groups.
National statistics offices therefore hide at least one more cell in every row or column where
exactly one cell is hidden. :func:`secondary_mask` does this along every grouping dimension.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

#: the reason given to cells hidden by secondary suppression
SECONDARY_REASON = "secondary: hides a second cell so that a suppressed one cannot be derived"


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
    nothing) and at least one visible row of ``size > 0`` gets its smallest visible row hidden
    too: by ``size``, then by ``rank`` (arrays, first key first), then by position. This repeats
    over all dimensions until nothing changes, so hiding a row in one dimension is protected in
    the others. Returns the rows newly hidden (never one of ``suppressed``).
    """
    by_cols = list(by_cols)
    hidden = np.asarray(suppressed, dtype=bool).copy()
    if not by_cols or not len(frame):
        return np.zeros(len(frame), dtype=bool)
    size = np.asarray(size, dtype=float)
    informative = size > 0
    position = np.arange(len(frame))
    order = np.lexsort((position, *reversed([np.asarray(r) for r in rank]), size))
    lines = []
    for dimension in by_cols:
        keys = [*cell_keys, *(c for c in by_cols if c != dimension)]
        if keys:
            ids = frame.groupby(keys, dropna=False, sort=False, observed=True).ngroup()
            lines.append(ids.to_numpy())
        else:
            lines.append(np.zeros(len(frame), dtype=np.int64))
    for _ in range(max_passes):
        changed = False
        for line in lines:
            n_lines = int(line.max()) + 1
            n_hidden = np.bincount(line, weights=hidden & informative, minlength=n_lines)
            needs = n_hidden == 1
            candidates = order[~hidden[order] & informative[order] & needs[line[order]]]
            if not len(candidates):
                continue
            _, first = np.unique(line[candidates], return_index=True)
            hidden[candidates[first]] = True
            changed = True
        if not changed:
            break
    return hidden & ~np.asarray(suppressed, dtype=bool)


__all__ = ["SECONDARY_REASON", "secondary_mask"]
