"""Nested grouping columns: the coarser column that each ``by`` column rolls up into.

A job-title ``group`` lies in one ``coarse_group`` (kuntajohtaja and muu_yleisjohto in
yleisjohto), a ``municipality`` in one wellbeing services county (``region``):
:data:`~vastausanalyysi.schema.PARENT_COLUMNS`. The table by ``coarse_group`` then gives each
coarse group's total, which the table by ``group`` must not let anyone split: its small-cell
suppression (:mod:`.suppression`) needs each group's coarse group. :func:`data_hierarchy` takes
it from the data's own columns, where both are present and each value of the finer column has
one value of the coarser one (as the survey reader and ``add_respondent_columns`` write them,
from the package's group table and the county of each municipality); the same data is what a
table by the coarser column would count. A finer column without its parent column, or whose
values lie in several parents in the data, has no parent here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from vastausanalyysi.schema import PARENT_COLUMNS

Hierarchy = dict[str, tuple[str, dict[Any, Any]]]
"""A ``by`` column -> its parent column and each of its values' parent value."""


def data_hierarchy(by_cols: Sequence[str], *frames: pd.DataFrame | None) -> Hierarchy:
    """The parent column of each of ``by_cols`` that has one in the first of ``frames`` holding
    both columns (the parent not among ``by_cols`` itself: then the table's own lines hold the
    nesting), with the parent value of each value of the column (missing values left out)."""
    out: Hierarchy = {}
    for column in by_cols:
        parent = PARENT_COLUMNS.get(column)
        if parent is None or parent in by_cols:
            continue
        source = next(
            (f for f in frames if f is not None and {column, parent} <= set(f.columns)), None
        )
        if source is None:
            continue
        pairs = pd.DataFrame(
            {"child": source[column].astype(object), "parent": source[parent].astype(object)}
        )
        pairs = pairs[pairs["child"].notna()].drop_duplicates()
        if pairs["child"].duplicated().any():  # not nested in this data
            continue
        out[column] = (parent, dict(zip(pairs["child"], pairs["parent"], strict=True)))
    return out


__all__ = ["Hierarchy", "data_hierarchy"]
