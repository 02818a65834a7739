"""Each code's frequency beside the mean score of its linked survey item.

Two kinds of scores join: respondent-level scores (``Survey.scores``: ``respondent_id``, ``item``,
``value``), averaged per group here, and aggregated means with their n (``mean``, ``n``, an item
column and a region or group column), such as :func:`~vastausanalyysi.load_published_scores`.
Region columns (:data:`REGION_COLUMNS`) match by county code, whether a frame holds county names,
municipality names or codes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import SummaryError
from vastausanalyysi.respondents import resolve_region
from vastausanalyysi.schema import MIN_CELL
from vastausanalyysi.summary.frequencies import by_of, theme_frequencies
from vastausanalyysi.summary.hierarchy import data_hierarchy
from vastausanalyysi.summary.links import resolve_link_pairs
from vastausanalyysi.summary.suppression import Nesting, margin_parts, nested_lines, secondary_mask
from vastausanalyysi.summary.validation import as_by, check_columns, check_frame
from vastausanalyysi.text import is_missing

#: group columns that hold regions: they match by county code (names and codes alike)
REGION_COLUMNS: tuple[str, ...] = ("region", "region_code", "county", "hyvinvointialue")
#: labels of an all-respondents row in an aggregated table (compared case-insensitively)
TOTAL_LABELS: frozenset[str] = frozenset(
    {"kaikki vastaajat", "kaikki", "yhteensä", "koko maa", "all", "total"}
)
_GROUP_COLUMNS = (*REGION_COLUMNS, "group")
#: the respondents of a row's group in respondent-level scores (a working column)
GROUP_N = "_group_n"


@renamed_arguments(mapping="code_items")
def join_scores(
    freqs_or_tagged: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    code_items: Mapping[str, str | Sequence[str]] | None = None,
    respondents: pd.DataFrame | None = None,
    min_cell: int = MIN_CELL,
    secondary: bool = True,
    **options: Any,
) -> pd.DataFrame:
    """Each code's frequency next to the mean score of its linked survey item, per group.

    Parameters
    ----------
    freqs_or_tagged:
        A :func:`theme_frequencies` table, or a tagged frame (then ``theme_frequencies(tagged, by,
        codes=("mechanisms",), min_cell=min_cell, secondary=secondary, **options)`` is computed
        first).
    scores:
        Either respondent-level scores, ``Survey.scores``: ``respondent_id``, ``item``,
        ``value`` (Likert 1–5; missing values are skipped); their respondents' groups come from
        ``scores`` itself if it has the ``by`` columns, else from ``respondents`` (e.g.
        ``Survey.respondents``), else from the tagged frame. Or aggregated means: ``mean``,
        ``n`` (optional ``sd``), ``item_id`` and/or ``item``, and for each ``by`` column that
        column (for a region column also ``region_code``, ``region`` or ``county``; for another
        column also ``group``), e.g. :func:`~vastausanalyysi.load_published_scores`. Without
        ``by``, an aggregated table's all-respondents rows are used (every group column missing
        or "Kaikki vastaajat"), or every row if it has no group column; with ``by`` they are
        left out.
    code_items:
        Code id -> linked item(s) (values of the scores' ``item`` or ``item_id``). Default: the
        codebook's links (an item given there by id and text matches either).
    min_cell:
        A group's item mean with ``0 < score_n < min_cell`` is suppressed (also an aggregated
        one: pass ``min_cell=1`` to show every published mean).
    secondary:
        Secondary suppression of the frequencies (when computed here) and of the means: where
        one group's mean of an item is hidden, the next smallest group's is hidden too (by a
        group nested in a coarse group, the next smallest under the same coarse group, against
        the means by coarse group: :func:`~vastausanalyysi.summary.suppression.nested_lines`).

    Returns
    -------
    The frequency table with ``item_id``, ``item``, ``score_mean``, ``score_sd`` (sample sd;
    missing for aggregated means without ``sd``), ``score_n`` and ``score_suppressed`` added:
    one row per (group, code, linked item); a code with several items gets several rows, a code
    without a linked item one row with a missing item. ``item_id`` is the codebook's id (or the
    name given in ``code_items``), ``item`` the name found in the scores. With respondent-level
    scores the mean is over all respondents of the group who scored the item (pass
    ``respondents=`` so that respondents who did not answer in text count too), not only those
    who answered in text. A linked item absent from ``scores`` gives ``score_n == 0`` and a
    warning.
    """
    data = check_frame(freqs_or_tagged)
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    is_freqs = {"layer", "code", "n", "base"} <= set(data.columns)
    if is_freqs:
        freqs = data
        by_cols = by_of(freqs) if by is None else as_by(by)
        check_columns(freqs, by_cols, "by")
        tagged = None
    else:
        by_cols = as_by(by)
        freqs = theme_frequencies(
            data,
            by_cols or None,
            min_cell=min_cell,
            secondary=secondary,
            **{"codes": ("mechanisms",), **options},
        )
        tagged = data
    stats = score_stats(scores, by_cols, respondents, tagged)
    pairs = link_pairs(code_items, stats)
    out = freqs.reset_index(drop=True).copy()
    out["_row"] = np.arange(len(out))
    out = out.merge(pairs, on="code", how="left", sort=False)
    keys = [f"_key{i}" for i in range(len(by_cols))]
    for key, column in zip(keys, by_cols, strict=True):
        out[key] = group_keys(out[column], column in REGION_COLUMNS)
    stats = stats.rename(columns=dict(zip(by_cols, keys, strict=True)))
    out = out.merge(
        stats, left_on=[*keys, "item"], right_on=[*keys, "_name"], how="left", sort=False
    )
    out = out.sort_values("_row", kind="stable").drop(columns=["_row", "_name", *keys])
    out = _printed_item(out)
    out = out.reset_index(drop=True)
    out["score_n"] = out["score_n"].fillna(0).astype("Int64")
    score_n = out["score_n"].to_numpy(dtype=np.int64)
    small, size = _small_means(out, score_n, min_cell)
    out = out.drop(columns=[GROUP_N], errors="ignore")
    if secondary:
        groups_of = respondents if respondents is not None else tagged
        small |= _margin_means(out, by_cols, scores, code_items, groups_of, min_cell)
        nested = _nested_means(out, by_cols, scores, code_items, groups_of, min_cell)
        small |= secondary_mask(
            out, by_cols, small, size, cell_keys=["layer", "code", "item"], nested=nested
        )
    out["score_suppressed"] = small
    out.loc[small, ["score_mean", "score_sd"]] = np.nan
    out.loc[small, "score_n"] = pd.NA  # a hidden mean's number of respondents is hidden too
    used = set(pairs.loc[pairs["code"].isin(set(freqs["code"])), "item"])
    if missing := sorted(used - set(stats["_name"].dropna().astype(str))):
        warnings.warn(
            f"linked survey items not found in the scores: {missing!r}",
            UserWarning,
            stacklevel=3,  # the caller of join_scores (renamed_arguments adds a frame)
        )
    out.attrs.update(freqs.attrs)
    out.attrs["by"] = by_cols
    return out


def linked_scores(
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    code_items: Mapping[str, str | Sequence[str]] | None = None,
    respondents: pd.DataFrame | None = None,
    min_cell: int = MIN_CELL,
    secondary: bool = True,
) -> pd.DataFrame:
    """Each linked code's item mean per group, without a frequency table (e.g. beside clusters).

    ``scores``, ``code_items``, ``respondents``, ``min_cell`` and ``secondary`` as in
    :func:`join_scores` (respondent-level scores need their groups in ``scores`` or
    ``respondents``). Returns the ``by`` columns (a region column holds county codes),
    ``code``, ``item_id``, ``item``, ``score_mean``, ``score_sd``, ``score_n`` and
    ``score_suppressed``: one row per group, code and linked item found in the scores.
    """
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    by_cols = as_by(by)
    stats = score_stats(scores, by_cols, respondents, None)
    pairs = link_pairs(code_items, stats)
    out = _printed_item(
        pairs.merge(stats, left_on="item", right_on="_name", how="inner", sort=False)
    )
    columns = [*by_cols, "code", "item_id", "item", "score_mean", "score_sd", "score_n"]
    out = out[[c for c in (*columns, GROUP_N) if c in out.columns]].copy()
    out = out.reset_index(drop=True)
    out["score_n"] = out["score_n"].astype("Int64")
    score_n = out["score_n"].to_numpy(dtype=np.int64)
    small, size = _small_means(out, score_n, min_cell)
    out = out[columns]
    if secondary:
        small |= _margin_means(out, by_cols, scores, code_items, respondents, min_cell)
        nested = _nested_means(out, by_cols, scores, code_items, respondents, min_cell)
        small |= secondary_mask(
            out, by_cols, small, size, cell_keys=["code", "item"], nested=nested
        )
    out["score_suppressed"] = small
    out.loc[small, ["score_mean", "score_sd"]] = np.nan
    out.loc[small, "score_n"] = pd.NA  # a hidden mean's number of respondents is hidden too
    out.attrs["by"] = by_cols
    return out


def _small_means(
    out: pd.DataFrame, score_n: np.ndarray, min_cell: int
) -> tuple[np.ndarray, np.ndarray]:
    """The means of fewer than ``min_cell`` respondents, and every mean of a group of fewer
    than ``min_cell`` respondents (``GROUP_N``; none for aggregated means), and a mean that none
    of a larger group scored (an empty mean with ``score_n`` 0 would tell that all of them
    answered "En osaa sanoa", as the report hides it: QA 6 #7), with the size that secondary
    suppression weighs each by: ``score_n``, or the group's size where a mean nobody scored is
    hidden (its empty cell would tell as much as a mean)."""
    small = (score_n > 0) & (score_n < min_cell)
    size = score_n.astype(float)
    if GROUP_N in out.columns:
        group_n = pd.to_numeric(out[GROUP_N], errors="coerce").fillna(0).to_numpy(dtype=float)
        tiny = (group_n > 0) & ((group_n < min_cell) | (score_n == 0))
        small |= tiny
        size = np.where(tiny, np.maximum(size, group_n), size)
    return small, size


def _margin_means(
    out: pd.DataFrame,
    by_cols: list[str],
    scores: pd.DataFrame,
    code_items: Mapping[str, str | Sequence[str]] | None,
    respondents: pd.DataFrame | None,
    min_cell: int,
) -> np.ndarray:
    """The rows of a table of means by several columns whose mean the same table by one column
    fewer hides (:func:`~vastausanalyysi.summary.suppression.margin_parts`: the rule of every
    summary table). Aggregated means are published tables of their own: not checked."""
    if len(by_cols) < 2 or is_aggregated(scores):
        return np.zeros(len(out), dtype=bool)
    return margin_parts(
        _probe(out, by_cols),
        by_cols,
        _same_table(scores, code_items, respondents, min_cell),
        cell_keys=["code", "item"],
        hidden_column="score_suppressed",
    ).any(axis=0)


def _probe(out: pd.DataFrame, by_cols: list[str]) -> pd.DataFrame:
    """``out``'s keys as :func:`linked_scores` has them (regions as county codes)."""
    probe = out[[*by_cols, "code", "item"]].copy()
    for column in by_cols:
        probe[column] = group_keys(probe[column], column in REGION_COLUMNS)
    return probe


def _same_table(
    scores: pd.DataFrame,
    code_items: Mapping[str, str | Sequence[str]] | None,
    respondents: pd.DataFrame | None,
    min_cell: int,
) -> Callable[[list[str]], pd.DataFrame]:
    """The same table of means by other ``by`` columns (fewer or coarser ones)."""

    def table(by: list[str]) -> pd.DataFrame:
        return linked_scores(
            scores, by=by, code_items=code_items, respondents=respondents, min_cell=min_cell
        )

    return table


def _nested_means(
    out: pd.DataFrame,
    by_cols: list[str],
    scores: pd.DataFrame,
    code_items: Mapping[str, str | Sequence[str]] | None,
    respondents: pd.DataFrame | None,
    min_cell: int,
) -> list[Nesting]:
    """The parent lines of the ``by`` columns nested in a coarser one (a group in its coarse
    group: :func:`~vastausanalyysi.summary.suppression.nested_lines`), with the hidden means of
    the same table by the parent column. Aggregated means are published tables of their own:
    not checked."""
    hierarchy = data_hierarchy(by_cols, scores, respondents)
    if not hierarchy or is_aggregated(scores):
        return []
    for column, (parent, parent_of) in list(hierarchy.items()):  # regions as county codes
        if parent in REGION_COLUMNS:
            keys = group_keys(pd.Series(list(parent_of.values()), dtype=object), True)
            hierarchy[column] = (parent, dict(zip(parent_of, keys, strict=True)))
    return nested_lines(
        _probe(out, by_cols),
        by_cols,
        hierarchy,
        _same_table(scores, code_items, respondents, min_cell),
        cell_keys=["code", "item"],
        hidden_column="score_suppressed",
    )


def score_stats(
    scores: Any,
    by_cols: list[str],
    respondents: pd.DataFrame | None,
    tagged: pd.DataFrame | None,
) -> pd.DataFrame:
    """Either kind of scores as ``[*by_cols, _name, score_mean, score_sd, score_n]``, regions as
    county codes."""
    if not isinstance(scores, pd.DataFrame):
        raise SummaryError(f"scores must be a DataFrame, got {type(scores).__name__}")
    if is_aggregated(scores):
        return aggregated_stats(scores, by_cols)
    scores = check_scores(scores)
    scored = scores_with_groups(scores, by_cols, respondents, tagged).copy()
    for column in by_cols:  # regions as county codes, so that names and codes meet
        scored[column] = group_keys(scored[column], column in REGION_COLUMNS)
    stats = (
        scored.groupby([*by_cols, "item"], dropna=False, sort=False)["value"]
        .agg(score_mean="mean", score_sd="std", score_n="count")
        .reset_index()
        .rename(columns={"item": "_name"})
    )
    # the group's respondents in the scores, scored or not: a group under min_cell shows no
    # mean, not even an empty one (which would tell that none of it scored the item)
    if by_cols:
        sizes = scored.groupby(by_cols, dropna=False, sort=False)["respondent_id"].nunique()
        stats = stats.merge(sizes.rename(GROUP_N).reset_index(), on=by_cols, how="left")
    else:
        stats[GROUP_N] = scored["respondent_id"].nunique()
    return stats


def link_pairs(
    code_items: Mapping[str, str | Sequence[str]] | None, stats: pd.DataFrame
) -> pd.DataFrame:
    """``code``, ``item_id``, ``item`` of every link (an error if there is none)."""
    links = resolve_link_pairs(code_items, stats["_name"].unique())
    if not links:
        raise SummaryError(
            "no code is linked to a survey item: the codebook could not be loaded or has no "
            "links; pass code_items={'tapaamiset': 'Säännölliset tapaamiset …', ...}"
        )
    return pd.DataFrame(
        [(code, iid, name) for code, items in links.items() for iid, name in items],
        columns=["code", "item_id", "item"],
        dtype=object,
    )


def _printed_item(out: pd.DataFrame) -> pd.DataFrame:
    """``item`` as the scores' ``item`` text where an aggregated table has one."""
    if "_text" in out.columns:
        out["item"] = out["_text"].where(out["_text"].notna(), out["item"])
        out = out.drop(columns="_text")
    return out


def is_aggregated(scores: pd.DataFrame) -> bool:
    """Whether ``scores`` holds aggregated means (``mean``) rather than respondents' values."""
    return "mean" in scores.columns and "value" not in scores.columns


def group_keys(values: pd.Series, region: bool) -> pd.Series:
    """Join keys of a group column: county codes for a region column (names, municipalities and
    codes alike; a value that does not resolve keeps its own text), else the values."""
    if not region:
        return values.astype(object)
    out = {}
    for value in pd.unique(values):
        if pd.isna(value):
            out[value] = np.nan
        else:
            code = resolve_region(value)
            out[value] = code if code is not None else f"\x00{value}"
    return values.map(out).astype(object)


def _score_column(scores: pd.DataFrame, column: str) -> str:
    region = column in REGION_COLUMNS
    candidates = [column, *REGION_COLUMNS] if region else [column, "group"]
    if region and "region_code" in scores.columns:
        candidates.insert(0, "region_code")
    found = next((c for c in candidates if c in scores.columns), None)
    if found is None:
        raise SummaryError(
            f"aggregated scores have no column for the group {column!r}: expected one of "
            f"{candidates!r}; available columns: " + ", ".join(repr(c) for c in scores.columns)
        )
    return found


def _is_total(value: Any) -> bool:
    return pd.isna(value) or str(value).strip().casefold() in TOTAL_LABELS


def aggregated_stats(scores: pd.DataFrame, by_cols: list[str]) -> pd.DataFrame:
    """An aggregated score table as ``[*by_cols, _name, score_mean, score_sd, score_n]`` (and
    ``_text``, the item's text), once per item name (its ``item_id`` and its ``item`` both
    match)."""
    names = [c for c in ("item_id", "item") if c in scores.columns]
    if not names:
        raise SummaryError(
            "aggregated scores need an 'item_id' or 'item' column; available columns: "
            + ", ".join(repr(c) for c in scores.columns)
        )
    check_columns(scores, ["mean", "n"], "scores")
    means = _numbers(scores, "mean")
    counts = _numbers(scores, "n")
    if ((counts < 0) | (counts % 1 != 0)).any():
        idx = int(np.flatnonzero(((counts < 0) | (counts % 1 != 0)).to_numpy())[0])
        raise SummaryError(
            f"scores row {scores.index[idx]!r}: n {scores['n'].iloc[idx]!r} is not a count"
        )
    table = pd.DataFrame({"score_mean": means.to_numpy(), "score_n": counts.fillna(0).to_numpy()})
    table["score_sd"] = _numbers(scores, "sd").to_numpy() if "sd" in scores.columns else np.nan
    # the all-respondents rows: every group column missing or "Kaikki vastaajat"
    total = np.ones(len(table), dtype=bool)
    for column in [c for c in _GROUP_COLUMNS if c in scores.columns]:
        total &= scores[column].map(_is_total).to_numpy(dtype=bool)
    if by_cols:
        for column in by_cols:
            source = _score_column(scores, column)
            table[column] = group_keys(scores[source], column in REGION_COLUMNS).to_numpy()
        keep = ~total
    else:
        keep = total
    frames = []
    for name in names:
        part = table[keep].copy()
        part["_name"] = scores.loc[keep, name].to_numpy()
        if "item" in scores.columns:
            part["_text"] = scores.loc[keep, "item"].astype(object).to_numpy()
        frames.append(part.dropna(subset=["_name"]))
    stats = pd.concat(frames, ignore_index=True)
    stats["_name"] = stats["_name"].astype(str)
    if names == ["item_id", "item"]:  # an item given by the same id and text is one row
        stats = stats.drop_duplicates()
    key = [*by_cols, "_name"]
    twice = stats.duplicated(key, keep=False)
    if twice.any():
        first = stats[twice].iloc[0]
        raise SummaryError(
            "aggregated scores have several rows for "
            + ", ".join(f"{c}={first[c]!r}" for c in key).replace("_name=", "item=")
            + (" (pass by= to choose the groups)" if not by_cols else "")
        )
    stats["score_n"] = stats["score_n"].astype(np.int64)
    text = ["_text"] if "_text" in stats.columns else []
    return stats[[*by_cols, "_name", "score_mean", "score_sd", "score_n", *text]]


def _numbers(scores: pd.DataFrame, column: str) -> pd.Series:
    values = pd.to_numeric(scores[column], errors="coerce")
    bad = values.isna() & scores[column].notna() & (scores[column].astype(str).str.strip() != "")
    if bad.any():
        idx = int(np.flatnonzero(bad.to_numpy())[0])
        raise SummaryError(
            f"scores row {scores.index[idx]!r}: {column} {scores[column].iloc[idx]!r} is not "
            "a number"
        )
    return values.astype(float)


def check_scores(scores: Any) -> pd.DataFrame:
    """Respondent-level scores with a numeric ``value`` (an error names a bad row).

    An empty value (missing, or empty text as ``survey -o`` writes "En osaa sanoa" and no
    answer) is a missing answer, left out of the means; any other value that is not a number is
    an error naming the row (the frame's index) and the column (``value``)."""
    if not isinstance(scores, pd.DataFrame):
        raise SummaryError(f"scores must be a DataFrame, got {type(scores).__name__}")
    check_columns(scores, ["respondent_id", "item", "value"], "scores")
    raw = scores["value"]
    blank = np.fromiter((is_missing(v, blank=True) for v in raw.tolist()), bool, len(raw))
    values = pd.to_numeric(raw.where(~blank), errors="coerce")
    bad = values.isna().to_numpy() & ~blank
    if bad.any():
        idx = bad.nonzero()[0][0]
        raise SummaryError(
            f"scores row {scores.index[idx]!r}: value {raw.iloc[idx]!r} is not a number"
        )
    out = scores.copy()
    out["value"] = values.astype(float)
    return out


def check_same_ids(scores: pd.DataFrame, ids: pd.Series, where: str) -> None:
    """A :class:`SummaryError` when no respondent of ``scores`` is among ``ids`` (ids of another
    kind, such as numbers read back from a CSV file beside the survey's ids as text, would match
    none: every mean would be empty)."""
    known = set(ids.dropna().tolist())
    scored = scores["respondent_id"].dropna()
    if len(scored) and known and not known & set(scored.tolist()):
        one, other = (
            v.item() if isinstance(v, np.generic) else v
            for v in (ids.dropna().iloc[0], scored.iloc[0])
        )
        raise SummaryError(
            f"no scored respondent is in {where}: e.g. {one!r} there and {other!r} in scores "
            "(the ids must be the same values, e.g. both text)"
        )


def scores_with_groups(
    scores: pd.DataFrame,
    by_cols: list[str],
    respondents: pd.DataFrame | None,
    tagged: pd.DataFrame | None,
) -> pd.DataFrame:
    """Respondent-level scores with the ``by`` columns of their respondents."""
    if not by_cols or all(c in scores.columns for c in by_cols):
        return scores
    for source, name in ((respondents, "respondents"), (tagged, "tagged")):
        if source is None:
            continue
        check_columns(source, ["respondent_id"], f"{name}")
        if all(c in source.columns for c in by_cols):
            lookup = source[["respondent_id", *by_cols]].drop_duplicates("respondent_id")
            check_same_ids(scores, lookup["respondent_id"], f"{name}['respondent_id']")
            base = scores.drop(columns=[c for c in by_cols if c in scores.columns])
            return base.merge(lookup, on="respondent_id", how="left", sort=False)
    raise SummaryError(
        f"cannot find the group column(s) {by_cols!r} of the scored respondents: add them to "
        "scores, or pass respondents= (e.g. Survey.respondents) with respondent_id and those "
        "columns"
    )


__all__ = [
    "REGION_COLUMNS",
    "TOTAL_LABELS",
    "check_same_ids",
    "check_scores",
    "is_aggregated",
    "join_scores",
    "linked_scores",
]
