"""Confidence intervals: for shares, and for a difference of two means (Welch)."""

from __future__ import annotations

from typing import Any

import numpy as np

from vastausanalyysi.errors import SummaryError


def proportion_ci(
    n: Any, base: Any, *, confidence: float = 0.95, method: str = "wilson"
) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided interval for ``n / base``: Wilson score (default) or Clopper–Pearson ("exact").

    Vectorised over arrays; where ``base`` is 0 or missing both bounds are NaN.
    """
    check_confidence(confidence)
    n_arr = np.asarray(n, dtype=float)
    b_arr = np.asarray(base, dtype=float)
    ok = np.isfinite(n_arr) & np.isfinite(b_arr) & (b_arr > 0)
    k = np.where(ok, n_arr, 0.0)
    m = np.where(ok, b_arr, 1.0)
    alpha = 1.0 - confidence
    if method == "wilson":
        from scipy.stats import norm

        z = float(norm.ppf(1.0 - alpha / 2.0))
        p = k / m
        denom = 1.0 + z * z / m
        centre = (p + z * z / (2.0 * m)) / denom
        half = z * np.sqrt(p * (1.0 - p) / m + z * z / (4.0 * m * m)) / denom
        low = np.where(k > 0, np.clip(centre - half, 0.0, 1.0), 0.0)  # exact 0 and 1 at the ends
        high = np.where(k < m, np.clip(centre + half, 0.0, 1.0), 1.0)
    elif method in {"clopper-pearson", "exact"}:
        from scipy.stats import beta

        with np.errstate(invalid="ignore"):
            low = np.where(k > 0, beta.ppf(alpha / 2.0, k, m - k + 1.0), 0.0)
            high = np.where(k < m, beta.ppf(1.0 - alpha / 2.0, k + 1.0, m - k), 1.0)
    else:
        raise SummaryError(f"unknown interval method {method!r}; use 'wilson' or 'clopper-pearson'")
    low = np.where(ok, low, np.nan)
    high = np.where(ok, high, np.nan)
    return low, high


def check_confidence(confidence: float) -> None:
    if not isinstance(confidence, int | float) or not 0.0 < float(confidence) < 1.0:
        raise SummaryError(f"confidence must be between 0 and 1 (exclusive), got {confidence!r}")


def welch_interval(
    mean1: Any,
    sd1: Any,
    n1: Any,
    mean2: Any,
    sd2: Any,
    n2: Any,
    *,
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Welch's interval for ``mean1 - mean2`` and its two-sided p-value, vectorised.

    ``sd`` is the sample sd (ddof 1). Where a side has fewer than 2 values or both sds are 0,
    all three are NaN.
    """
    check_confidence(confidence)
    from scipy.stats import t

    m1, s1, k1, m2, s2, k2 = (np.asarray(a, dtype=float) for a in (mean1, sd1, n1, mean2, sd2, n2))
    with np.errstate(invalid="ignore", divide="ignore"):
        v1 = s1**2 / k1
        v2 = s2**2 / k2
        se = np.sqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1**2 / (k1 - 1) + v2**2 / (k2 - 1))
        ok = (k1 >= 2) & (k2 >= 2) & np.isfinite(se) & (se > 0) & np.isfinite(df)
        df = np.where(ok, df, 1.0)
        half = t.ppf(1.0 - (1.0 - confidence) / 2.0, df) * se
        diff = m1 - m2
        p = 2.0 * t.sf(np.abs(diff) / np.where(ok, se, 1.0), df)
    return (
        np.where(ok, diff - half, np.nan),
        np.where(ok, diff + half, np.nan),
        np.where(ok, p, np.nan),
    )


__all__ = ["check_confidence", "proportion_ci", "welch_interval"]
