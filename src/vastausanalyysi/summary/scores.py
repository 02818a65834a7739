"""Each code's frequency beside the mean score of its linked survey item."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import SummaryError
from vastausanalyysi.schema import MIN_CELL
from vastausanalyysi.summary.frequencies import by_of, theme_frequencies
from vastausanalyysi.summary.links import resolve_links
from vastausanalyysi.summary.validation import as_by, check_columns, check_frame


@renamed_arguments(mapping="code_items")
def join_scores(
    freqs_or_tagged: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    code_items: Mapping[str, str | Sequence[str]] | None = None,
    respondents: pd.DataFrame | None = None,
    min_cell: int = MIN_CELL,
    **options: Any,
) -> pd.DataFrame:
    """Each code's frequency next to the mean score of its linked survey item, per group.

    Parameters
    ----------
    freqs_or_tagged:
        A :func:`theme_frequencies` table, or a tagged frame (then ``theme_frequencies(tagged, by,
        codes=("mechanisms",), min_cell=min_cell, **options)`` is computed first).
    scores:
        ``Survey.scores``: ``respondent_id``, ``item``, ``value`` (Likert 1–5; missing values are
        skipped). Its respondents' groups come from ``scores`` itself if it has the ``by``
        columns, else from ``respondents`` (e.g. ``Survey.respondents``), else from the tagged
        frame.
    code_items:
        Code id -> linked item(s) (values of ``scores.item``). Default: the codebook's links
        (an item given there by id and text matches ``scores.item`` equal to either).
    min_cell:
        A group's item mean with fewer than ``min_cell`` scored respondents is suppressed.

    Returns
    -------
    The frequency table with ``item``, ``score_mean``, ``score_sd`` (sample sd), ``score_n`` and
    ``score_suppressed`` added: one row per (group, code, linked item); a code with several items
    gets several rows, a code without a linked item one row with a missing item. The mean is over
    all respondents of the group who scored the item (pass ``respondents=`` so that respondents
    who did not answer in text count too), not only those who answered in text.
    ``score_suppressed`` marks means hidden because ``0 < score_n < min_cell``; a linked item
    absent from ``scores`` gives ``score_n == 0`` and a warning.
    """
    data = check_frame(freqs_or_tagged)
    is_freqs = {"layer", "code", "n", "base"} <= set(data.columns)
    if is_freqs:
        freqs = data
        by_cols = by_of(freqs) if by is None else as_by(by)
        check_columns(freqs, by_cols, "by")
        tagged = None
    else:
        by_cols = as_by(by)
        freqs = theme_frequencies(
            data, by_cols or None, min_cell=min_cell, **{"codes": ("mechanisms",), **options}
        )
        tagged = data
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    scores = check_scores(scores)
    links = resolve_links(code_items, scores["item"].unique())
    if not links:
        raise SummaryError(
            "no code is linked to a survey item: the codebook could not be loaded or has no "
            "links; pass code_items={'tapaamiset': 'Säännölliset tapaamiset …', ...}"
        )

    scored = scores_with_groups(scores, by_cols, respondents, tagged)
    stats = (
        scored.dropna(subset=["value"])
        .groupby([*by_cols, "item"], dropna=False, sort=False)["value"]
        .agg(score_mean="mean", score_sd="std", score_n="count")
        .reset_index()
    )
    pairs = pd.DataFrame(
        [(code, item) for code, items in links.items() for item in items],
        columns=["code", "item"],
        dtype=object,
    )
    out = freqs.reset_index(drop=True).copy()
    out["_row"] = np.arange(len(out))
    out = out.merge(pairs, on="code", how="left", sort=False)
    out = out.merge(stats, on=[*by_cols, "item"], how="left", sort=False)
    out = out.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)
    out["score_n"] = out["score_n"].fillna(0).astype("Int64")
    score_n = out["score_n"].to_numpy(dtype=np.int64)
    small = (score_n > 0) & (score_n < min_cell)
    out["score_suppressed"] = small
    out.loc[small, ["score_mean", "score_sd"]] = np.nan
    used = set(pairs.loc[pairs["code"].isin(set(freqs["code"])), "item"])
    if missing := sorted(used - set(scores["item"].dropna().astype(str))):
        warnings.warn(
            f"linked survey items not found in scores['item']: {missing!r}",
            UserWarning,
            stacklevel=2,
        )
    out.attrs.update(freqs.attrs)
    out.attrs["by"] = by_cols
    return out


def check_scores(scores: Any) -> pd.DataFrame:
    if not isinstance(scores, pd.DataFrame):
        raise SummaryError(f"scores must be a DataFrame, got {type(scores).__name__}")
    check_columns(scores, ["respondent_id", "item", "value"], "scores")
    values = pd.to_numeric(scores["value"], errors="coerce")
    bad = values.isna() & scores["value"].notna()
    if bad.any():
        idx = bad.to_numpy().nonzero()[0][0]
        raise SummaryError(
            f"scores row {scores.index[idx]!r}: value {scores['value'].iloc[idx]!r} is not a number"
        )
    out = scores.copy()
    out["value"] = values.astype(float)
    return out


def scores_with_groups(
    scores: pd.DataFrame,
    by_cols: list[str],
    respondents: pd.DataFrame | None,
    tagged: pd.DataFrame | None,
) -> pd.DataFrame:
    if not by_cols or all(c in scores.columns for c in by_cols):
        return scores
    for source, name in ((respondents, "respondents"), (tagged, "tagged")):
        if source is None:
            continue
        check_columns(source, ["respondent_id"], f"{name}")
        if all(c in source.columns for c in by_cols):
            lookup = source[["respondent_id", *by_cols]].drop_duplicates("respondent_id")
            base = scores.drop(columns=[c for c in by_cols if c in scores.columns])
            return base.merge(lookup, on="respondent_id", how="left", sort=False)
    raise SummaryError(
        f"cannot find the group column(s) {by_cols!r} of the scored respondents: add them to "
        "scores, or pass respondents= (e.g. Survey.respondents) with respondent_id and those "
        "columns"
    )
