"""How a code's frequency goes with its linked item's mean score across groups or regions.

These are *ecological* correlations: one point per group (e.g. county), never per respondent.
With the 22 counties of the 2026 report at most 22 points; an interval from so few points is
wide, and ``small_n`` flags fewer than 10.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.summary.frequencies import by_of
from vastausanalyysi.summary.intervals import check_confidence
from vastausanalyysi.summary.validation import check_columns, check_frame

#: fewer groups than this are flagged ``small_n``
MIN_GROUPS = 10

_OUT = [
    "n",
    "rho",
    "rho_ci_low",
    "rho_ci_high",
    "rho_p",
    "r",
    "ci_low",
    "ci_high",
    "p_value",
    "small_n",
]


def score_correlations(
    joined: pd.DataFrame,
    *,
    x: str = "share",
    y: str = "score_mean",
    confidence: float = 0.95,
    min_groups: int = MIN_GROUPS,
) -> pd.DataFrame:
    """Spearman's ρ and Pearson's r of each code's share against its linked item's mean.

    Parameters
    ----------
    joined:
        Output of :func:`join_scores` with a grouping (e.g. ``by="region"``): ``layer``, ``code``,
        ``item_id`` (or ``item``), ``share``, ``score_mean``.
    x, y:
        The columns to correlate (e.g. ``x="n"``).
    confidence:
        Level of the intervals.
    min_groups:
        Fewer points than this are flagged ``small_n``.

    Returns
    -------
    One row per (``layer``, ``code``, ``item_id``): ``n`` (groups with both values: suppressed
    and missing cells are left out), ``rho`` with ``rho_ci_low``/``rho_ci_high`` (Fisher's z with
    the Bonett–Wright variance ``(1 + rho²/2) / (n − 3)``) and ``rho_p``, ``r`` with
    ``ci_low``/``ci_high`` (Fisher's z, variance ``1 / (n − 3)``) and ``p_value`` (scipy's
    tests, two-sided), and ``small_n``. A coefficient needs 3 points and two distinct values on
    each side, an interval 4 points with ``|r| < 1``; otherwise they are missing.
    """
    from scipy import stats

    joined = check_frame(joined)
    item = "item_id" if "item_id" in joined.columns else "item"
    check_columns(joined, ["code", item, x, y], "joined")
    check_confidence(confidence)
    by = by_of(joined) if "layer" in joined.columns else list(joined.attrs.get("by", []))
    keys = [c for c in ("layer", "code", item) if c in joined.columns]
    if not by:
        raise SummaryError(
            "score_correlations needs a table joined by a grouping (e.g. join_scores(..., "
            "by='region')): correlations are across groups"
        )
    data = joined.dropna(subset=[item])
    for flag in ("suppressed", "score_suppressed"):
        if flag in data.columns:
            data = data[~data[flag].fillna(False).astype(bool)]
    z = stats.norm.ppf(0.5 + confidence / 2.0)
    rows = []
    for key, part in data.groupby(keys, sort=False, dropna=False):
        xs = pd.to_numeric(part[x], errors="coerce").to_numpy(dtype=float)
        ys = pd.to_numeric(part[y], errors="coerce").to_numpy(dtype=float)
        ok = np.isfinite(xs) & np.isfinite(ys)
        xs, ys = xs[ok], ys[ok]
        n = len(xs)
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,), strict=True))
        row.update(dict.fromkeys(_OUT[1:-1], math.nan))
        row["n"] = n
        row["small_n"] = n < min_groups
        if n >= 3 and len(np.unique(xs)) > 1 and len(np.unique(ys)) > 1:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rho, rho_p = stats.spearmanr(xs, ys)
                r, r_p = stats.pearsonr(xs, ys)
            row.update(rho=float(rho), rho_p=float(rho_p), r=float(r), p_value=float(r_p))
            rho_var = (1.0 + float(rho) ** 2 / 2.0) / (n - 3) if n > 3 else math.nan
            row["rho_ci_low"], row["rho_ci_high"] = fisher_interval(float(rho), rho_var, z)
            r_var = 1.0 / (n - 3) if n > 3 else math.nan
            row["ci_low"], row["ci_high"] = fisher_interval(float(r), r_var, z)
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*keys, *_OUT])
    out["n"] = out["n"].astype(np.int64)
    out["small_n"] = out["small_n"].astype(bool)
    out.attrs.update({"confidence": confidence, "by": by, "x": x, "y": y})
    return out


def fisher_interval(coefficient: float, variance: float, z: float) -> tuple[float, float]:
    """``tanh(atanh(c) ± z·√variance)``; missing for ``|c| = 1`` or an unknown variance."""
    if not math.isfinite(variance) or not abs(coefficient) < 1.0:
        return math.nan, math.nan
    centre = math.atanh(coefficient)
    half = z * math.sqrt(variance)
    return math.tanh(centre - half), math.tanh(centre + half)


__all__ = ["MIN_GROUPS", "fisher_interval", "score_correlations"]
