"""Changes between survey waves (rounds): is a code's share in one round different from another's?

Each wave is taken as an independent sample (the 2022, 2023, 2024 and 2026 rounds of the
municipal survey asked different people, or the same people without linking them). Shares and
bases are those of :func:`theme_frequencies` (respondents with a substantive answer).

The interval of a change ``p2 − p1`` is Newcombe's hybrid score interval (method 10 of
Newcombe 1998, *Statistics in Medicine* 17:873–890), built from the two Wilson intervals
``(l1, u1)`` and ``(l2, u2)``::

    low  = (p2 − p1) − sqrt((p2 − l2)² + (u1 − p1)²)
    high = (p2 − p1) + sqrt((u2 − p2)² + (p1 − l1)²)

The p-value is the two-sided pooled two-proportion z-test (the same as Pearson's chi-square test
of the 2 × 2 table without continuity correction).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.schema import MIN_CELL
from vastausanalyysi.summary.frequencies import theme_frequencies
from vastausanalyysi.summary.intervals import check_confidence, proportion_ci
from vastausanalyysi.summary.validation import as_by, check_columns, check_frame
from vastausanalyysi.text import is_missing


def compare_waves(
    tagged: pd.DataFrame,
    wave: str = "wave",
    by: str | Sequence[str] | None = None,
    *,
    baseline: Any = None,
    codes: Sequence[str] = ("areas", "mechanisms"),
    min_cell: int = MIN_CELL,
    confidence: float = 0.95,
    **options: Any,
) -> pd.DataFrame:
    """Each code's share per wave, and the change between waves with an interval and a p-value.

    Parameters
    ----------
    tagged:
        Output of ``va.tag`` with a ``wave`` column (e.g. the survey year) and the ``by`` columns.
    wave:
        The wave column; its values are ordered as sorted (or as its categories).
    by:
        Group column(s) compared within (``None``: all respondents).
    baseline:
        ``None``: each wave against the previous one; a wave value: each other wave against it.
    codes, min_cell, options:
        As in :func:`theme_frequencies` (``suppress``, ``secondary``, ``id_column``, …).
    confidence:
        Level of the intervals.

    Returns
    -------
    One row per group, code and pair of waves: the ``by`` columns, ``layer``, ``code``,
    ``wave_from``, ``wave_to``, ``n_from``, ``base_from``, ``share_from``, ``n_to``, ``base_to``,
    ``share_to``, ``change`` (``share_to − share_from``), ``ci_low``, ``ci_high`` (Newcombe's
    hybrid score interval), ``p_value`` and ``suppressed`` (either wave's cell suppressed: then
    the counts, shares, change and test are missing).
    """
    tagged = check_frame(tagged)
    check_columns(tagged, [wave], "wave")
    by_cols = as_by(by)
    if wave in by_cols:
        raise SummaryError(f"the wave column {wave!r} must not also be a by column")
    check_confidence(confidence)
    freqs = theme_frequencies(
        tagged,
        [*by_cols, wave],
        codes=codes,
        min_cell=min_cell,
        confidence=confidence,
        **options,
    )
    waves = _wave_order(tagged[wave])
    if len(waves) < 2:
        raise SummaryError(f"compare_waves needs at least two waves in {wave!r}, got {waves!r}")
    if baseline is None:
        pairs = list(itertools.pairwise(waves))
    else:
        if baseline not in waves:
            raise SummaryError(f"baseline wave {baseline!r} is not in {wave!r}: {waves!r}")
        pairs = [(baseline, w) for w in waves if w != baseline]
    cell_keys = [*by_cols, "layer", "code"]
    columns = ["n", "base", "share", "suppressed"]
    columns += ["suppression_reason"] if "suppression_reason" in freqs.columns else []
    # the order of the output: pairs of waves, then groups and codes as theme_frequencies has them
    cells = freqs[cell_keys].drop_duplicates().reset_index(drop=True)
    cells["_cell"] = np.arange(len(cells))
    frames = []
    for number, (first, second) in enumerate(pairs):
        a = freqs[freqs[wave] == first][[*cell_keys, *columns]]
        b = freqs[freqs[wave] == second][[*cell_keys, *columns]]
        pair = cells.merge(a, on=cell_keys, how="left", sort=False)
        pair = pair.merge(b, on=cell_keys, how="left", suffixes=("_from", "_to"), sort=False)
        pair.insert(len(cell_keys), "wave_from", first)
        pair.insert(len(cell_keys) + 1, "wave_to", second)
        pair["_pair"] = number
        frames.append(pair)
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["_pair", "_cell"], kind="stable").reset_index(drop=True)
    out = out.drop(columns=["_pair", "_cell"])
    hidden = (
        out["suppressed_from"].fillna(True).astype(bool)
        | out["suppressed_to"].fillna(True).astype(bool)
    ).to_numpy()
    n1 = out["n_from"].astype(float).to_numpy()
    m1 = out["base_from"].astype(float).to_numpy()
    n2 = out["n_to"].astype(float).to_numpy()
    m2 = out["base_to"].astype(float).to_numpy()
    low, high = newcombe_interval(n1, m1, n2, m2, confidence=confidence)
    p_value = two_proportion_p(n1, m1, n2, m2)
    out["change"] = out["share_to"] - out["share_from"]
    out["ci_low"] = low
    out["ci_high"] = high
    out["p_value"] = p_value
    out["suppressed"] = hidden
    out["suppression_reason"] = [
        _reason(row) if h else None for row, h in zip(out.to_dict("records"), hidden, strict=True)
    ]
    for column in ("n_from", "n_to", "share_from", "share_to", "change", "ci_low", "ci_high"):
        out.loc[hidden, column] = pd.NA if column.startswith("n_") else np.nan
    out.loc[hidden, "p_value"] = np.nan
    out = out.drop(
        columns=[c for c in out.columns if c.startswith(("suppressed_", "suppression_reason_"))]
    )
    out.attrs.update({"by": by_cols, "wave": wave, "confidence": confidence, "min_cell": min_cell})
    return out


def _reason(row: dict[str, Any]) -> str:
    """Why a compared cell is hidden: each wave's own reason ("2025: base < min_cell 5"), or
    that a wave has no such cell."""
    parts = []
    for side in ("from", "to"):
        hidden = row.get(f"suppressed_{side}")
        if is_missing(hidden):
            parts.append(f"{row[f'wave_{side}']}: no such group")
        elif bool(hidden):
            why = row.get(f"suppression_reason_{side}")
            parts.append(f"{row[f'wave_{side}']}: {why if not is_missing(why) else 'suppressed'}")
    return "; ".join(parts)


def _wave_order(values: pd.Series) -> list[Any]:
    if isinstance(values.dtype, pd.CategoricalDtype):
        present = set(values.dropna())
        return [c for c in values.cat.categories if c in present]
    unique = list(pd.unique(values.dropna()))
    try:
        return sorted(unique)
    except TypeError:
        return sorted(unique, key=str)


def newcombe_interval(
    n1: Any, m1: Any, n2: Any, m2: Any, *, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Newcombe's hybrid score interval of ``n2/m2 − n1/m1`` (missing where a base is 0)."""
    n1, m1, n2, m2 = (np.asarray(v, dtype=float) for v in (n1, m1, n2, m2))
    l1, u1 = proportion_ci(n1, m1, confidence=confidence, method="wilson")
    l2, u2 = proportion_ci(n2, m2, confidence=confidence, method="wilson")
    with np.errstate(invalid="ignore", divide="ignore"):
        p1 = n1 / m1
        p2 = n2 / m2
        change = p2 - p1
        low = change - np.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
        high = change + np.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    ok = (m1 > 0) & (m2 > 0)
    return np.where(ok, low, np.nan), np.where(ok, high, np.nan)


def two_proportion_p(n1: Any, m1: Any, n2: Any, m2: Any) -> np.ndarray:
    """Two-sided p-value of the pooled z-test of two proportions (1 where both are 0 or 1)."""
    n1, m1, n2, m2 = (np.asarray(v, dtype=float) for v in (n1, m1, n2, m2))
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = (n1 + n2) / (m1 + m2)
        se = np.sqrt(pooled * (1 - pooled) * (1 / m1 + 1 / m2))
        z = (n2 / m2 - n1 / m1) / se
    p = np.array([math.erfc(abs(v) / math.sqrt(2)) if np.isfinite(v) else np.nan for v in z])
    degenerate = (m1 > 0) & (m2 > 0) & (se == 0)
    p[degenerate] = 1.0
    return p


__all__ = ["compare_waves", "newcombe_interval", "two_proportion_p"]
