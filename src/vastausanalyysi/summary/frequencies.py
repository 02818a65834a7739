"""Theme frequencies by respondent group, with confidence intervals, small-cell suppression and
the linked survey items' mean scores beside them.

Definitions used throughout (see :func:`theme_frequencies`):

* **unit** — a respondent when the frame has an ``id_column`` (default ``"respondent_id"``): a
  respondent with several answers counts once, and has a code if any of their answers has it.
  Without that column every row (answer) is a unit.
* **base** — the units of a group with a substantive answer: text that is not missing, not only
  whitespace and not a non-answer. An answer tagged with no code at all still counts in the base;
  an empty answer never does. So ``share = n / base`` is "of those who answered something, the
  share who mentioned the code".
* **non-answers** — an answer with nothing to code ("Ei kommentteja.", "En osaa sanoa", "eos",
  "-": :func:`vastausanalyysi.text.is_non_answer`) is not in the base. ``tag()`` marks it with a
  ``polarity_evidence`` item of ``rule`` "non_answer", and that mark decides; a row without a
  ``polarity_evidence`` list is judged by its text with the same function. Each row has a
  ``non_answers`` column after ``base``: the units of the group left out of the base because
  every answer of theirs is a non-answer (a unit with one substantive answer is in the base).
* **language** — when the frame has a ``language`` column (``va.tag`` adds it), an answer in
  another language ("sv", "en", "other") is not in the base: the Finnish rules cannot code it.
  Each row then has a ``not_finnish`` column after ``non_answers``: the units of the group with
  a non-empty answer that are left out of the base because none of their answers is a
  substantive Finnish one and one of them is in another language (``base + non_answers +
  not_finnish`` is the number of units with a non-empty answer). "fi", "" and a missing
  language count as Finnish. Without a ``language`` column there is no such column, and ``base
  + non_answers`` is that number.
* **suppression** — by default a whole group is suppressed when its base is below ``min_cell``
  (fewer than ``min_cell`` respondents with a substantive answer): ``n``, ``base``, ``share``
  and the interval become missing (and ``non_answers`` and ``not_finnish``, which with a
  shown total would give the hidden group's size), ``suppressed`` is True and
  ``suppression_reason`` says why without the size (``"base < min_cell 5"``). With
  ``suppress="base_and_n"`` a cell with ``0 < n < min_cell`` is suppressed too. Rows are never
  dropped. A suppressed cell never shows its base: with the total shown, a hidden group's size
  (and then its counts) could be worked out.
* **secondary suppression** — a suppressed count could otherwise be recovered as the total (the
  table without grouping) minus the visible groups. So along every ``by`` dimension (for each
  code and each value of the other ``by`` columns), a line with exactly one suppressed group of
  base > 0 gets one more group suppressed, with ``suppression_reason`` starting with
  ``"secondary"``: the next smallest (smallest base, then the first in order); with several
  ``by`` columns preferably one whose other line also has a single hidden cell (the usual
  rectangle of four). This repeats until every line with a hidden cell has at least two (or no
  visible group is left), so only sums of hidden counts can be derived. Its base (and
  ``non_answers``) is hidden too.
  Groups hidden for their base are chosen for the whole group (the same groups in every code),
  so that no hidden base can be derived from another code's line; the cells of small counts
  (``suppress="base_and_n"``) get their own secondary cells after that. Groups of base 0 disclose
  nothing and are not counted. ``secondary=False`` turns it off.
  In a table by several columns, every cell that the table by one column fewer hides (for two
  columns: each one-way table, primary or secondary) is hidden too, the whole group when it is
  hidden in every code, with ``suppression_reason`` :data:`~vastausanalyysi.summary.suppression.
  MARGIN_REASON`; the secondary suppression above then runs on top. Otherwise the cells of a
  group that the table by region hides, summed, would give it back, and with it the hidden
  group beside it (:func:`~vastausanalyysi.summary.suppression.margin_parts`).
  A ``by`` column nested in a coarser column of the data (``group`` in ``coarse_group``,
  ``municipality`` in ``region``: :mod:`~vastausanalyysi.summary.hierarchy`) has the groups
  under each parent as a line of their own, against the table by the parent column: one
  hidden group under a shown parent gets the next smallest under the same parent hidden too,
  with ``suppression_reason`` :data:`~vastausanalyysi.summary.suppression.NESTED_REASON`, and a
  parent that the table by parents hides gets one of its groups hidden
  (:func:`~vastausanalyysi.summary.suppression.nested_lines`).
  Practice of national statistics offices (primary and complementary cell suppression).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.schema import LANGUAGE, MIN_CELL, NON_ANSWERS, NOT_FINNISH, POLARITIES
from vastausanalyysi.summary.intervals import check_confidence, proportion_ci
from vastausanalyysi.summary.links import codebook_codes
from vastausanalyysi.summary.suppression import Nesting
from vastausanalyysi.summary.validation import (
    answered_mask,
    as_by,
    check_columns,
    check_frame,
    code_list,
    non_answer_mask,
    not_finnish_mask,
    polarity_value,
)

#: code column of a tagged frame -> layer name in the output
LAYERS: dict[str, str] = {"areas": "area", "mechanisms": "mechanism", "polarity": "polarity"}
#: the polarity values in their reporting order
POLARITY_ORDER: tuple[str, ...] = POLARITIES

_RESERVED = (
    "layer",
    "code",
    "n",
    "base",
    NON_ANSWERS,
    NOT_FINNISH,
    "share",
    "ci_low",
    "ci_high",
    "suppressed",
    "suppression_reason",
)

# --------------------------------------------------------------------------- frequencies


def theme_frequencies(
    tagged: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    *,
    min_cell: int = MIN_CELL,
    codes: Sequence[str] = ("areas", "mechanisms"),
    confidence: float = 0.95,
    method: Literal["wilson", "clopper-pearson", "exact"] = "wilson",
    codes_order: Mapping[str, Sequence[str]] | Any | None = None,
    suppress: Literal["base", "base_and_n"] = "base",
    secondary: bool = True,
    id_column: str | None = "respondent_id",
    text_column: str | None = "text",
) -> pd.DataFrame:
    """How many respondents of each group mention each code, with a confidence interval.

    Parameters
    ----------
    tagged:
        Output of ``va.tag``: list columns ``areas`` and ``mechanisms``, a ``polarity`` string, the
        ``by`` columns and, optionally, ``respondent_id`` and ``text``.
    by:
        Column(s) to group by (e.g. ``"coarse_group"`` or ``["coarse_group", "region"]``); ``None``
        gives one overall group. Missing group values form their own group (NaN), never dropped;
        a categorical column lists all its categories (unobserved ones with base 0, suppressed).
    min_cell:
        Groups whose base is below this are suppressed (see ``suppress``).
    codes:
        Code columns to count: ``"areas"``, ``"mechanisms"`` (lists), ``"polarity"`` (str).
    confidence, method:
        Interval level and method: Wilson score (default) or Clopper–Pearson (``"exact"``).
    codes_order:
        Code ids per column or layer (``{"areas": [...]}`` or ``{"area": [...]}``) or a
        ``Codebook``; these codes are shown even with zero counts, followed by any other code
        present (sorted). Default: the default codebook's ids when it can be loaded.
    suppress:
        ``"base"``: suppress a group's cells when its base < ``min_cell``; ``"base_and_n"``: also a
        cell with ``0 < n < min_cell``.
    secondary:
        Secondary suppression (see the module docstring): when a line of the table has one
        suppressed group, suppress the next smallest too. ``False`` only for tables that are
        never published with their totals.
    id_column:
        Respondent id; with it a respondent counts once per group (``None``: count rows; a row
        with a missing id counts as a respondent of its own).
    text_column:
        Answer text; a row with empty text or a non-answer is not in the base (missing column:
        every row counts, unless ``polarity_evidence`` marks it a non-answer).

    Returns
    -------
    DataFrame with the ``by`` columns, ``layer``, ``code``, ``n``, ``base``, ``non_answers``,
    (``not_finnish``, if ``tagged`` has a ``language`` column), ``share``, ``ci_low``,
    ``ci_high``, ``suppressed`` and ``suppression_reason``; one row per group and code, groups
    sorted, codes in codebook order. ``n``, ``base``, ``non_answers`` (``not_finnish``),
    ``share`` and the interval are missing in suppressed cells.
    """
    tagged = check_frame(tagged)
    by_cols = as_by(by)
    check_columns(tagged, by_cols, "by")
    if clash := [c for c in by_cols if c in _RESERVED]:
        raise SummaryError(f"by column {clash[0]!r} clashes with an output column; rename it")
    if isinstance(codes, str):
        codes = (codes,)
    if not codes:
        raise SummaryError("codes must name at least one code column, got an empty sequence")
    check_columns(tagged, codes, "code")
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    if suppress not in {"base", "base_and_n"}:
        raise SummaryError(f"suppress must be 'base' or 'base_and_n', got {suppress!r}")
    check_confidence(confidence)
    if method not in {"wilson", "clopper-pearson", "exact"}:
        raise SummaryError(f"unknown interval method {method!r}; use 'wilson' or 'clopper-pearson'")
    if id_column is not None and id_column not in tagged.columns:
        if id_column != "respondent_id":  # the default is optional, an explicit one is not
            check_columns(tagged, [id_column], "id")
        id_column = None

    index = tagged.index
    units = pd.DataFrame({c: tagged[c].reset_index(drop=True) for c in by_cols})
    units.index = pd.RangeIndex(len(tagged))
    units["_unit"] = _unit_ids(tagged, id_column)
    answered = answered_mask(tagged, text_column)
    by_language = LANGUAGE in tagged.columns
    foreign = answered & not_finnish_mask(tagged) if by_language else np.zeros(len(tagged), bool)
    has_text = answered & ~foreign & ~non_answer_mask(tagged, text_column)
    units["_text"] = has_text
    units["_answered"] = answered
    units["_foreign"] = foreign
    keys = [*by_cols, "_unit"]

    # one row per unit: in the base if any of its answers is substantive (and Finnish); else
    # not Finnish if any is in another language; else a non-answer
    flags = ["_text", "_answered", "_foreign"]
    unit_table = units.groupby(keys, dropna=False, sort=False, observed=True)[flags].any()
    unit_table = unit_table.reset_index()
    unit_table["_other"] = unit_table["_foreign"] & ~unit_table["_text"]
    unit_table["_non"] = unit_table["_answered"] & ~unit_table["_text"] & ~unit_table["_other"]
    sizes = ["_text", "_non", "_other"]
    if by_cols:
        sums = unit_table.groupby(by_cols, dropna=False, sort=True, observed=False)[sizes].sum()
        groups = sums.index.to_frame(index=False)
    else:
        sums = unit_table[sizes].sum().to_frame().T
        groups = pd.DataFrame(index=[0])
    base_values = sums["_text"].to_numpy(dtype=np.int64)
    non_values = sums["_non"].to_numpy(dtype=np.int64)
    other_values = sums["_other"].to_numpy(dtype=np.int64)

    layer_frames = []
    for column in codes:
        layer = LAYERS.get(column, column)
        is_polarity = column == "polarity"
        cells = tagged[column].tolist()
        rows = []
        for pos, (idx, cell) in enumerate(zip(index, cells, strict=True)):
            values = (
                polarity_value(cell, column, idx) if is_polarity else code_list(cell, column, idx)
            )
            if has_text[pos]:
                rows.extend((pos, code) for code in values)
        present = list(dict.fromkeys(code for _, code in rows))
        order = _code_order(column, layer, present, codes_order)
        hits = pd.DataFrame(rows, columns=["_pos", "code"])
        hits = pd.concat(
            [units.loc[hits["_pos"].to_numpy(), keys].reset_index(drop=True), hits["code"]], axis=1
        ).drop_duplicates()
        counts = hits.groupby([*by_cols, "code"], dropna=False, sort=False, observed=True).size()
        grid = _grid(groups, by_cols, order)
        grid["layer"] = layer
        grid["base"] = np.repeat(base_values, len(order))
        grid[NON_ANSWERS] = np.repeat(non_values, len(order))
        if by_language:
            grid[NOT_FINNISH] = np.repeat(other_values, len(order))
        if len(counts):
            counts = counts.rename("n").reset_index()
            grid = grid.merge(counts, on=[*by_cols, "code"], how="left", sort=False)
            grid["n"] = grid["n"].fillna(0).astype(np.int64)
        else:
            grid["n"] = np.zeros(len(grid), dtype=np.int64)
        layer_frames.append(grid)

    out = pd.concat(layer_frames, ignore_index=True)
    # order: group (sorted), then layer (as in codes), then code order
    out["_group"] = _group_position(out, groups)
    out["_layer"] = out["layer"].map({LAYERS.get(c, c): i for i, c in enumerate(codes)})
    out = out.sort_values(["_group", "_layer"], kind="stable").reset_index(drop=True)
    margins = np.zeros((0, len(out)), dtype=bool)  # none: a table by fewer than two columns
    nested: list[Nesting] = []
    if secondary and by_cols:
        from vastausanalyysi.summary.hierarchy import data_hierarchy
        from vastausanalyysi.summary.suppression import margin_parts, nested_lines

        def smaller(sub_by: list[str]) -> pd.DataFrame:  # by fewer (or coarser) columns
            return theme_frequencies(
                tagged,
                sub_by,
                min_cell=min_cell,
                codes=codes,
                codes_order=codes_order,
                suppress=suppress,
                id_column=id_column,
                text_column=text_column,
            )

        margins = margin_parts(out, by_cols, smaller, cell_keys=["layer", "code"])
        if hierarchy := data_hierarchy(by_cols, tagged):
            nested = nested_lines(out, by_cols, hierarchy, smaller, cell_keys=["layer", "code"])
    return _finish(out, by_cols, min_cell, suppress, confidence, method, secondary, margins, nested)


def _unit_ids(tagged: pd.DataFrame, id_column: str | None) -> np.ndarray:
    """The unit of each row: its respondent id, or the row itself (no id column, missing id)."""
    if id_column is None:
        return np.arange(len(tagged))
    ids = tagged[id_column].astype(object).to_numpy()
    missing = pd.isna(tagged[id_column]).to_numpy()
    out = ids.copy()
    for i in np.flatnonzero(missing):
        out[i] = f"\x00row{i}"
    return out


def _group_position(out: pd.DataFrame, groups: pd.DataFrame) -> np.ndarray:
    if groups.columns.empty:
        return np.zeros(len(out), dtype=np.int64)
    keyed = groups.copy()
    keyed["_g"] = np.arange(len(groups))
    merged = out[list(groups.columns)].merge(keyed, on=list(groups.columns), how="left", sort=False)
    return merged["_g"].to_numpy()


def _grid(groups: pd.DataFrame, by_cols: list[str], order: list[str]) -> pd.DataFrame:
    n_groups = len(groups)
    grid = pd.DataFrame(
        {c: np.repeat(groups[c].to_numpy(), len(order)) for c in by_cols},
        index=range(n_groups * len(order)),
    )
    for c in by_cols:  # keep the input dtype (categoricals, nullable ints)
        grid[c] = grid[c].astype(groups[c].dtype)
    grid["code"] = pd.Series(np.tile(np.array(order, dtype=object), n_groups), dtype=object)
    return grid


def _code_order(column: str, layer: str, present: list[str], codes_order: Any) -> list[str]:
    if codes_order is not None and not isinstance(codes_order, Mapping):  # a Codebook
        codes_order = {
            lay: [c for lay2, c, _ in codes_order.linked_items() if lay2 == lay]
            for lay in ("area", "mechanism")
        }
    if codes_order is not None and (column in codes_order or layer in codes_order):
        given = codes_order.get(column, codes_order.get(layer))
        known = [str(c) for c in (given or ())]
    elif column == "polarity":
        known = list(POLARITY_ORDER)
    else:
        known = codebook_codes(layer)
    extra = sorted(c for c in present if c not in set(known))
    return list(dict.fromkeys([*known, *extra]))


def _finish(
    out: pd.DataFrame,
    by_cols: list[str],
    min_cell: int,
    suppress: str,
    confidence: float,
    method: str,
    secondary: bool,
    margins: np.ndarray,
    nested: Sequence[Nesting],
) -> pd.DataFrame:
    from vastausanalyysi.summary.suppression import (
        MARGIN_REASON,
        NESTED_REASON,
        SECONDARY_REASON,
        audit_mask,
        secondary_masks,
    )

    n = out["n"].to_numpy(dtype=np.int64)
    base = out["base"].to_numpy(dtype=np.int64)
    low, high = proportion_ci(n, base, confidence=confidence, method=method)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(base > 0, n / np.maximum(base, 1), np.nan)
    small_base = base < min_cell
    small_n = (n > 0) & (n < min_cell) & (suppress == "base_and_n")

    def complement(hidden: np.ndarray, nests: Sequence[Nesting]) -> tuple[np.ndarray, np.ndarray]:
        if not secondary:
            return np.zeros(len(out), dtype=bool), np.zeros(len(out), dtype=bool)
        keys = ["layer", "code"]
        rank = [out["_group"].to_numpy()]
        return secondary_masks(out, by_cols, hidden, base, cell_keys=keys, rank=rank, nested=nests)

    # whole groups first (a group's base is the same in every code: the groups hidden beside a
    # small one must be the same in every code, or its base could be derived from another
    # code's line), then the cells of small counts (suppress="base_and_n"); in a table by
    # several columns, first the cells that a table by fewer columns hides (``inherited``: a
    # whole group when it hides the group in every code)
    inherited = margins.any(axis=0)  # hidden in a table by one column fewer

    def whole(flags: np.ndarray) -> np.ndarray:  # hidden in every code of its group
        return pd.Series(flags).groupby(out["_group"].to_numpy()).transform("all").to_numpy()

    # under a parent (the coarse group of a group), the parent's cell in the table by parents:
    # hidden as a whole group where it is hidden in every code
    parents = [replace(n, parent_hidden=whole(n.parent_hidden)) for n in nested]
    fixed = small_base | (inherited & whole(inherited))
    group_extra, group_parent = complement(fixed, parents)
    group_hidden = fixed | group_extra
    # a table by several columns: no hidden group, then no hidden cell, may follow from the
    # published sums of several lines together (:func:`~.suppression.audit_mask`); the groups
    # are the same in every code, so the groups added are too
    audit = secondary and len(by_cols) > 1 and len(margins) == len(by_cols)
    keys = ["layer", "code"]
    if audit:
        group_hidden |= audit_mask(
            out, by_cols, group_hidden, base, [whole(m) for m in margins], cell_keys=keys
        )
    primary = group_hidden | small_n | inherited
    cell_extra, cell_parent = complement(primary, nested)
    if audit:
        cell_extra |= audit_mask(out, by_cols, primary | cell_extra, base, margins, cell_keys=keys)
    complementary = (group_hidden & ~small_base) | inherited | cell_extra
    suppressed = primary | complementary
    from_margin = inherited & ~small_base
    for_parent = (group_parent | cell_parent) & ~from_margin
    reasons = np.where(
        small_base,
        f"base < min_cell {min_cell}",
        np.where(
            small_n & ~complementary,
            f"n < min_cell {min_cell}",
            np.where(
                from_margin,
                MARGIN_REASON,
                np.where(
                    for_parent,
                    NESTED_REASON,
                    np.where(complementary, SECONDARY_REASON, ""),
                ),
            ),
        ),
    )
    result = out[by_cols].copy()
    result["layer"] = out["layer"].to_numpy()
    result["code"] = out["code"].astype(str).to_numpy()
    result["n"] = pd.array(np.where(suppressed, 0, n), dtype="Int64")
    result.loc[suppressed, "n"] = pd.NA
    result["base"] = pd.array(base, dtype="Int64")
    result.loc[suppressed, "base"] = pd.NA  # the size of a hidden group is hidden too
    result[NON_ANSWERS] = pd.array(out[NON_ANSWERS].to_numpy(dtype=np.int64), dtype="Int64")
    result.loc[suppressed, NON_ANSWERS] = pd.NA  # with the base, it would give the group's size
    if NOT_FINNISH in out.columns:
        result[NOT_FINNISH] = pd.array(out[NOT_FINNISH].to_numpy(dtype=np.int64), dtype="Int64")
        result.loc[suppressed, NOT_FINNISH] = pd.NA
    result["share"] = np.where(suppressed, np.nan, share)
    result["ci_low"] = np.where(suppressed, np.nan, low)
    result["ci_high"] = np.where(suppressed, np.nan, high)
    result["suppressed"] = suppressed
    result["suppression_reason"] = pd.Series(
        [r if r else None for r in reasons], index=result.index, dtype=object
    )
    result.attrs.update(
        {"min_cell": min_cell, "confidence": confidence, "method": method, "by": list(by_cols)}
    )
    return result


def polarity_by(
    tagged: pd.DataFrame, by: str | Sequence[str] | None = None, **options: Any
) -> pd.DataFrame:
    """Shares of ``works``/``problem``/``mixed``/``neutral`` answers per group.

    The same table as :func:`theme_frequencies` with ``codes=("polarity",)`` (options pass on).
    With one answer per respondent the shares of a group sum to 1 (answers with no polarity
    aside); a respondent with several answers counts under each polarity that they gave.
    Non-answers are not counted as "neutral": they are out of the base (``non_answers``).
    """
    return theme_frequencies(tagged, by, codes=("polarity",), **options)


def to_wide(
    freqs: pd.DataFrame, value: str = "share", *, codes_as: Literal["columns", "index"] = "columns"
) -> pd.DataFrame:
    """A crosstab view of :func:`theme_frequencies`: groups as rows and codes as columns.

    Codes keep their order; with several layers the columns are a (layer, code) MultiIndex.
    Suppressed cells stay missing. ``codes_as="index"`` transposes (codes as rows).
    """
    if not isinstance(freqs, pd.DataFrame):
        raise SummaryError(
            f"expected the DataFrame of theme_frequencies, got {type(freqs).__name__}"
        )
    check_columns(freqs, ["layer", "code"], "frequency table")
    check_columns(freqs, [value], "value")
    by_cols = by_of(freqs)
    multi = freqs["layer"].nunique(dropna=False) > 1
    code_keys = ["layer", "code"] if multi else ["code"]
    code_index = pd.MultiIndex.from_frame(freqs[code_keys].drop_duplicates()) if multi else None
    codes_seen = list(dict.fromkeys(freqs["code"].tolist()))
    data = freqs.copy()
    if not by_cols:
        data["_all"] = "kaikki"
        by_cols = ["_all"]
    group_index = data[by_cols].drop_duplicates()
    wide = data.pivot(index=by_cols, columns=code_keys, values=value)
    rows = pd.MultiIndex.from_frame(group_index) if len(by_cols) > 1 else group_index[by_cols[0]]
    wide = wide.reindex(index=rows, columns=code_index if multi else codes_seen)
    if by_cols == ["_all"]:
        wide.index = pd.Index(["kaikki"], name=None)
    wide.columns.name = None if not multi else wide.columns.name
    return wide.T if codes_as == "index" else wide


def by_of(freqs: pd.DataFrame) -> list[str]:
    by = freqs.attrs.get("by")
    if by is not None and all(c in freqs.columns for c in by):
        return list(by)
    columns = list(freqs.columns)
    return columns[: columns.index("layer")]


def with_region_names(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` with ``<column>_name`` (the county's Finnish name) after each of ``columns``
    whose values are all wellbeing services county codes or missing ("05" -> "Kanta-Häme"), for
    a reader; the codes stay for joining. Any other column is left as it is."""
    from vastausanalyysi.errors import RegionError
    from vastausanalyysi.respondents import region_name
    from vastausanalyysi.text import is_missing

    out = frame.copy()
    for column in columns:
        target = f"{column}_name"
        if column not in out.columns or target in out.columns:
            continue
        names: list[str | None] = []
        try:
            for value in out[column].tolist():
                names.append(None if is_missing(value) else region_name(str(value)))
        except RegionError:
            continue  # not county codes throughout
        if any(names):
            out.insert(out.columns.get_loc(column) + 1, target, names)
    return out
