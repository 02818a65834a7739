"""Calibration of the per-code scores: Platt scaling and the per-code thresholds."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

#: A threshold no calibrated probability reaches: the model never adds the code.
OFF = 1.01


def best_threshold(
    proba: np.ndarray, rule_hit: np.ndarray, y: np.ndarray, floor: float, ceiling: float
) -> float:
    """The threshold in [floor, ceiling] at which rules + model reach the best out-of-fold F1.

    Ties go to the higher, more conservative threshold, and :data:`OFF` (the model never adds
    the code) is a candidate above the ceiling: the model adds a code only where its additions
    improve the out-of-fold F1 over the rules alone. (With the old fixed ceiling of 0.9 the
    model's additions of area codes were all false positives out of fold: 0 of 4 correct.)
    """
    best_t, best_f = OFF, -1.0
    grid = [t for t in np.arange(0.5, 0.99, 0.05) if floor - 1e-9 <= t <= ceiling + 1e-9]
    grid = sorted({*grid, ceiling, OFF})
    for t in sorted(grid, reverse=True):
        pred = rule_hit | (proba >= t)
        tp = int(np.sum(pred & (y == 1)))
        fp = int(np.sum(pred & (y == 0)))
        fn = int(np.sum(~pred & (y == 1)))
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best_f + 1e-9:
            best_t, best_f = float(t), f
    return round(best_t, 2)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, clipped against overflow."""
    return 1.0 / (1.0 + np.exp(-np.clip(x, -35, 35)))


def platt(dec: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling parameters (a, b): p = sigmoid(a * dec + b)."""
    if len(np.unique(y)) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, solver="lbfgs")
    lr.fit(dec.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


__all__ = ["OFF", "best_threshold", "platt", "sigmoid"]
