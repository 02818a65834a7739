"""``evaluate()``: per-code precision, recall and F1, micro and macro per layer, and polarity.

Scores rules, model or both (as :func:`~vastausanalyysi.themes.tagger.tag` combines them) on
hand-coded answers, on a held-out split or by k-fold cross-validation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold

from vastausanalyysi.errors import ModelError
from vastausanalyysi.schema import POLARITIES, polarity_id
from vastausanalyysi.text import is_missing
from vastausanalyysi.themes.codebook import Codebook, load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.labels import read_polarity_column, select
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.prediction import combine
from vastausanalyysi.themes.shipped import resolve_model
from vastausanalyysi.themes.training import label_rows, read_labelled


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Evaluation:
    """Per-code precision/recall/F1, micro and macro per layer, polarity per class."""

    per_code: pd.DataFrame
    summary: dict[str, float]
    polarity_confusion: pd.DataFrame | None = None
    details: dict[str, Any] = field(default_factory=dict)
    polarity_per_class: pd.DataFrame | None = None

    def to_markdown(self) -> str:
        """The evaluation as Markdown tables."""
        lines = ["| layer | micro-P | micro-R | micro-F1 | macro-F1 |", "|---|---|---|---|---|"]
        for layer in ("areas", "mechanisms"):
            s = self.summary
            if f"{layer}_micro_f1" in s:
                lines.append(
                    f"| {layer} | {s[f'{layer}_micro_p']:.3f} | {s[f'{layer}_micro_r']:.3f} | "
                    f"{s[f'{layer}_micro_f1']:.3f} | {s[f'{layer}_macro_f1']:.3f} |"
                )
        if "polarity_accuracy" in self.summary:
            lines.append("")
            left_out = int(self.summary.get("polarity_left_out", 0))
            scored = (
                f" (on the {int(self.summary['polarity_n'])} answers with a gold polarity; "
                f"{left_out} without one left out)"
                if left_out
                else ""
            )
            lines.append(
                f"Polarity accuracy {self.summary['polarity_accuracy']:.3f}, "
                f"macro-F1 {self.summary['polarity_macro_f1']:.3f}{scored}."
            )
            lines.extend(["", *self.polarity_markdown()])
        lines.append("")
        lines.append("| code | layer | n (gold) | predicted | precision | recall | F1 |")
        lines.append("|---|---|---|---|---|---|---|")
        for _, r in self.per_code.iterrows():
            predicted = int(r["tp"] + r["fp"])
            gold = int(r["support"])
            lines.append(
                f"| {r['code']} | {r['layer']} | {gold} | {predicted} | "
                f"{_ratio(r['precision'], predicted)} | {_ratio(r['recall'], gold)} | "
                f"{_ratio(r['f1'], gold)} |"
            )
        return "\n".join(lines)

    def polarity_markdown(self) -> list[str]:
        """Per-class polarity precision/recall/F1 and the confusion matrix, as Markdown lines."""
        lines: list[str] = []
        if self.polarity_per_class is not None:
            lines += ["| polarity | n (gold) | predicted | precision | recall | F1 |"]
            lines += ["|---|---|---|---|---|---|"]
            for _, r in self.polarity_per_class.iterrows():
                lines.append(
                    f"| {r['label']} | {r['support']} | {r['predicted']} | "
                    f"{_ratio(r['precision'], r['predicted'])} | "
                    f"{_ratio(r['recall'], r['support'])} | {_ratio(r['f1'], r['support'])} |"
                )
        if self.polarity_confusion is not None:
            cm = self.polarity_confusion
            lines += ["", "| gold \\ predicted | " + " | ".join(map(str, cm.columns)) + " |"]
            lines.append("|---" * (len(cm.columns) + 1) + "|")
            for label, row in cm.iterrows():
                lines.append(f"| {label} | " + " | ".join(str(int(v)) for v in row) + " |")
        return lines


def _ratio(value: float, base: int) -> str:
    """A precision, recall or F1 to two decimals, or "–" when nothing was counted for it."""
    return f"{value:.2f}" if base else "–"


def score(
    gold: Sequence[Sequence[str]],
    pred: Sequence[Sequence[str]],
    codebook: Codebook,
    gold_polarity: Sequence[str] | None = None,
    pred_polarity: Sequence[str] | None = None,
) -> Evaluation:
    """Compare predicted with gold codes (and polarity).

    Polarity is scored only on the rows with a gold polarity (ids or Finnish names); the
    summary's ``polarity_n`` counts them and ``polarity_left_out`` the rows without one.
    """
    rows, summary = [], {}
    for layer, ids in (("areas", codebook.areas), ("mechanisms", codebook.mechanisms)):
        T = F = N = 0
        f1s = []
        for c in ids:
            tp = sum(c in g and c in p for g, p in zip(gold, pred, strict=True))
            fp = sum(c not in g and c in p for g, p in zip(gold, pred, strict=True))
            fn = sum(c in g and c not in p for g, p in zip(gold, pred, strict=True))
            T, F, N = T + tp, F + fp, N + fn
            P, R, F1 = _prf(tp, fp, fn)
            support = tp + fn
            rows.append(
                {
                    "code": c,
                    "layer": layer,
                    "support": support,
                    "tp": tp,
                    "fp": fp,
                    "fn": fn,
                    "precision": P,
                    "recall": R,
                    "f1": F1,
                }
            )
            if support or fp:
                f1s.append(F1)
        P, R, F1 = _prf(T, F, N)
        summary.update(
            {
                f"{layer}_micro_p": P,
                f"{layer}_micro_r": R,
                f"{layer}_micro_f1": F1,
                f"{layer}_macro_f1": float(np.mean(f1s)) if f1s else 0.0,
            }
        )
    confusion = per_class = None
    if gold_polarity is not None and pred_polarity is not None:
        # only the rows with a gold polarity are scored (a blank gold is no answer to compare)
        pairs = [
            (polarity_id(a) or a, b)
            for a, b in zip(gold_polarity, pred_polarity, strict=True)
            if not is_missing(a, blank=True)
        ]
        g, p = [a for a, _ in pairs], [b for _, b in pairs]
        summary["polarity_n"] = len(pairs)
        summary["polarity_left_out"] = len(gold) - len(pairs)
        summary["polarity_accuracy"] = (
            float(np.mean([a == b for a, b in zip(g, p, strict=True)])) if pairs else 0.0
        )
        f1s, classes = [], []
        for label in POLARITIES:
            tp = sum(a == label and b == label for a, b in zip(g, p, strict=True))
            fp = sum(a != label and b == label for a, b in zip(g, p, strict=True))
            fn = sum(a == label and b != label for a, b in zip(g, p, strict=True))
            P, R, F1 = _prf(tp, fp, fn)
            if tp + fp + fn:
                f1s.append(F1)
            summary.update({f"polarity_{label}_p": P, f"polarity_{label}_r": R})
            summary[f"polarity_{label}_f1"] = F1
            classes.append(
                {
                    "label": label,
                    "support": tp + fn,
                    "predicted": tp + fp,
                    "precision": P,
                    "recall": R,
                    "f1": F1,
                }
            )
        summary["polarity_macro_f1"] = float(np.mean(f1s)) if f1s else 0.0
        per_class = pd.DataFrame(classes)
        # every label as a row and a column, in the codebook's order, zeros included
        confusion = pd.crosstab(
            pd.Categorical(g, categories=list(POLARITIES)),
            pd.Categorical(p, categories=list(POLARITIES)),
            rownames=["gold"],
            colnames=["predicted"],
            dropna=False,
        )
    summary["n"] = len(gold)
    return Evaluation(pd.DataFrame(rows), summary, confusion, polarity_per_class=per_class)


def evaluate(
    model: ThemeClassifier | str | Path | None,
    data: Any,
    *,
    text_column: str = "text",
    mode: str = "combined",
    polarity_mode: str | None = None,
    cv: int | None = None,
    random_state: int = 0,
) -> Evaluation:
    """Evaluate codes and polarity on labelled ``data`` (DataFrame or CSV path).

    ``mode``: "combined" (rules + model, what :func:`~vastausanalyysi.tag` does), "rules" or
    "model". With ``cv=k``, k-fold cross-validation: a fresh copy of ``model``'s parameters is
    trained on k-1 folds and scored on the held-out fold, and the predictions are pooled.
    If ``data`` has a ``split`` column, only its "test" rows are scored (unless ``cv`` is given).
    """
    df = read_labelled(data, text_column)
    if cv is None and "split" in df.columns and (df["split"] == "test").any():
        df = select(df, df["split"] == "test")
    clf = resolve_model(model) if mode != "rules" else None
    cb = clf.get_codebook() if clf is not None else load_codebook(getattr(model, "codebook", None))
    gold = label_rows(df, cb)
    gold_pol = read_polarity_column(df)
    df = df.reset_index(drop=True)
    questions = df["question"].tolist() if "question" in df.columns else [None] * len(df)
    docs = as_docs(df[text_column].tolist())
    pred: list[list[str]] = [[] for _ in range(len(df))]
    pred_pol: list[str] = ["neutral"] * len(df)

    def run(m: ThemeClassifier | None, idx: Sequence[int]) -> None:
        sub = [docs[i] for i in idx]
        qs = [questions[i] for i in idx]
        results = combine(sub, m, cb, questions=qs, mode=mode, polarity_mode=polarity_mode)
        for i, r in zip(idx, results, strict=True):
            pred[i] = r["areas"] + r["mechanisms"]
            pred_pol[i] = r["polarity"]

    if cv:
        if clf is None:
            raise ModelError("cross-validation needs a model (mode 'combined' or 'model')")
        kf = KFold(cv, shuffle=True, random_state=random_state)
        pols = gold_pol
        for tr, te in kf.split(np.arange(len(df))):
            fresh = ThemeClassifier(**clf.get_params())
            fresh.codebook_ = cb
            fresh.fit(
                [docs[i] for i in tr],
                [gold[i] for i in tr],
                [pols[i] for i in tr] if pols is not None else None,
                [questions[i] for i in tr],
            )
            run(fresh, te.tolist())
    else:
        run(clf, list(range(len(df))))
    ev = score(gold, pred, cb, gold_pol, pred_pol if gold_pol is not None else None)
    ev.details = {"mode": mode, "cv": cv, "predictions": pred, "polarity": pred_pol}
    return ev


__all__ = ["Evaluation", "evaluate", "score"]
