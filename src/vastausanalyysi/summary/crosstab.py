"""A crosstab of codes by group, as analysts know it from SPSS, MAXQDA and NVivo.

Cells count respondents (as :func:`theme_frequencies` does: a respondent counts once per code,
the base of a group is its respondents with a substantive answer, not only a non-answer). Codes
are a multiple response: one respondent may have several codes, so a column's counts may add up
to more than its base, and the percentages of a column are "of the group's respondents" (as
SPSS's percent of cases).

The chi-square test is done per code (has the code / has not, by group), the valid test for a
multiple response; over the groups shown, never over suppressed ones.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.schema import MIN_CELL
from vastausanalyysi.summary.frequencies import LAYERS, theme_frequencies
from vastausanalyysi.summary.validation import as_by

#: the label of the margins (as ``pandas.crosstab``'s ``margins_name``)
MARGINS_NAME = "Yhteensä"
#: an expected count below this is small for the chi-square test (Cochran's rule: none below 1,
#: at most 20 % of them below this)
SMALL_EXPECTED = 5.0

Normalize = Literal["index", "columns", "all"] | None


def crosstab(
    tagged: pd.DataFrame,
    by: str | Sequence[str],
    layer: str = "areas",
    *,
    normalize: Normalize = None,
    margins: bool = True,
    margins_name: str = MARGINS_NAME,
    min_cell: int = MIN_CELL,
    **options: Any,
) -> pd.DataFrame:
    """Codes (rows) by groups (columns): respondent counts or percentages, with margins.

    Parameters
    ----------
    tagged:
        Output of ``va.tag`` with the ``by`` column(s).
    by:
        Group column(s); several give a column MultiIndex.
    layer:
        ``"areas"``, ``"mechanisms"`` or ``"polarity"`` (also the layer names ``"area"``, …).
    normalize:
        ``None``: counts; ``"columns"``: percent of the group's respondents (the share of
        :func:`theme_frequencies` × 100); ``"index"``: percent of the code's respondents in
        each group (a row sums to 100); ``"all"``: percent of all respondents.
    margins:
        Add the column ``margins_name`` (all respondents) and, for counts, the row
        ``margins_name`` with the groups' bases (respondents with a substantive answer). With
        ``normalize="index"`` the margin column is 100 where the row's groups are all shown;
        with ``"columns"`` and ``"all"`` it is the code's percent of all respondents.
    min_cell, options:
        Suppression and counting options of :func:`theme_frequencies` (``suppress``,
        ``secondary``, ``id_column``, ``text_column``, ``codes_order``). Suppressed groups'
        cells are missing (secondary suppression included), and so are their bases.

    Returns
    -------
    A DataFrame like ``pandas.crosstab``. ``attrs["tests"]`` holds the chi-square test of each
    code across the groups shown: ``code``, ``chi2``, ``dof``, ``p_value``, ``min_expected``,
    ``small_expected`` (Cochran's rule broken: an expected count below 1, or more than 20 % of
    them below 5); a :class:`UserWarning` names the codes with small expected counts. A code in
    no or in every respondent shown, or fewer than two groups shown, has no test (missing).
    ``attrs["suppressed"]`` lists the suppressed group columns.
    """
    column = _layer_column(layer)
    by_cols = as_by(by)
    if not by_cols:
        raise SummaryError("crosstab needs at least one by column")
    if normalize not in {None, "index", "columns", "all"}:
        raise SummaryError(
            f"normalize must be None, 'index', 'columns' or 'all', got {normalize!r}"
        )
    freqs = theme_frequencies(tagged, by_cols, codes=(column,), min_cell=min_cell, **options)
    overall = theme_frequencies(
        tagged,
        None,
        codes=(column,),
        min_cell=min_cell,
        **{k: v for k, v in options.items() if k != "secondary"},
    )
    codes = list(dict.fromkeys(freqs["code"]))
    index = pd.Index(codes, name="code")
    groups = freqs[by_cols].drop_duplicates()
    columns = pd.MultiIndex.from_frame(groups) if len(by_cols) > 1 else pd.Index(groups[by_cols[0]])
    counts = _pivot(freqs, by_cols, "n", index, columns)
    bases = _pivot(freqs, by_cols, "base", index, columns).iloc[0]
    hidden = _pivot(freqs, by_cols, "suppressed", index, columns).astype(bool)
    total_n = overall.set_index("code")["n"].reindex(codes).astype("Float64")
    first = overall["base"].iloc[0] if len(overall) else 0
    total_base = np.nan if pd.isna(first) else float(first)  # hidden when under min_cell

    table = counts.astype("Float64")
    if normalize == "columns":
        table = table.div(bases.replace(0, np.nan).astype(float), axis=1) * 100.0
    elif normalize == "index":
        row_total = total_n.astype(float).replace(0, np.nan)
        table = table.div(row_total, axis=0) * 100.0
    elif normalize == "all":
        table = table / (total_base if total_base else np.nan) * 100.0
    table = table.astype(float)
    table[hidden] = np.nan
    if margins:
        if normalize is None:
            margin = total_n.astype(float)
        elif normalize == "index":
            margin = pd.Series(np.where(total_n.astype(float) > 0, 100.0, np.nan), index=index)
        else:
            margin = total_n.astype(float) / (total_base if total_base else np.nan) * 100.0
        key = margins_name if len(by_cols) == 1 else (margins_name,) + ("",) * (len(by_cols) - 1)
        table[key] = margin.to_numpy()
        if normalize is None:
            base_row = [*bases.astype(float).tolist(), total_base]
            table.loc[margins_name] = base_row
    if normalize is None:
        table = table.round().astype("Int64")
    table.attrs.update(
        {
            "by": by_cols,
            "layer": LAYERS.get(column, column),
            "normalize": normalize,
            "min_cell": min_cell,
            "suppressed": [c for c in columns if hidden[c].all()],
            "tests": chi_square_tests(counts, bases, hidden),
        }
    )
    small = table.attrs["tests"]
    names = small.loc[small["small_expected"], "code"].tolist()
    if names and small["chi2"].notna().any():
        warnings.warn(
            f"chi-square test: expected counts below {SMALL_EXPECTED:g} for {names!r}; their "
            "p-values are unreliable (merge groups or use an exact test)",
            UserWarning,
            stacklevel=2,
        )
    return table


def _layer_column(layer: str) -> str:
    columns = {**{c: c for c in LAYERS}, **{v: c for c, v in LAYERS.items()}}
    if layer not in columns:
        raise SummaryError(f"unknown layer {layer!r}; use one of {sorted(LAYERS)}")
    return columns[layer]


def _pivot(
    freqs: pd.DataFrame, by_cols: list[str], value: str, index: pd.Index, columns: pd.Index
) -> pd.DataFrame:
    values = freqs[value].astype(float)
    keys = pd.MultiIndex.from_frame(freqs[[*by_cols, "code"]])
    wide = pd.Series(values.to_numpy(), index=keys).unstack(by_cols)
    if len(by_cols) == 1 and isinstance(wide.columns, pd.MultiIndex):
        wide.columns = wide.columns.get_level_values(0)
    return wide.reindex(index=index, columns=columns)


def chi_square_tests(counts: pd.DataFrame, bases: pd.Series, hidden: pd.DataFrame) -> pd.DataFrame:
    """Pearson's chi-square test (no continuity correction) of each code's 2 × k table over the
    groups shown (has the code / has not): ``code``, ``chi2``, ``dof``, ``p_value``,
    ``min_expected``, ``small_expected`` (Cochran's rule broken)."""
    from scipy.stats import chi2 as chi2_dist

    shown = [c for c in counts.columns if not hidden[c].any() and bases[c] > 0]
    rows = []
    for code in counts.index:
        k = counts.loc[code, shown].astype(float).to_numpy() if shown else np.array([])
        m = bases[shown].astype(float).to_numpy() if shown else np.array([])
        row: dict[str, Any] = {"code": code, "chi2": np.nan, "dof": len(k) - 1, "p_value": np.nan}
        total, grand = k.sum(), m.sum()
        row["min_expected"] = np.nan
        if len(k) >= 2 and 0 < total < grand:
            observed = np.vstack([k, m - k])
            expected = np.outer([total, grand - total], m) / grand
            stat = float(((observed - expected) ** 2 / expected).sum())
            row.update(chi2=stat, p_value=float(chi2_dist.sf(stat, len(k) - 1)))
            row["min_expected"] = float(expected.min())
            # Cochran's rule: no expected count below 1, at most 20 % of them below 5
            row["small_expected"] = bool(
                expected.min() < 1.0 or (expected < SMALL_EXPECTED).mean() > 0.2
            )
        else:
            row["small_expected"] = False
        rows.append(row)
    out = pd.DataFrame(
        rows, columns=["code", "chi2", "dof", "p_value", "min_expected", "small_expected"]
    )
    out["dof"] = out["dof"].clip(lower=0).astype(np.int64)
    return out


__all__ = ["MARGINS_NAME", "chi_square_tests", "crosstab"]
