"""The trainable theme classifier (:class:`ThemeClassifier`) and its JSON + NPZ files.

:class:`ThemeClassifier` follows scikit-learn's estimator conventions (parameters in ``__init__``,
learned state with a trailing ``_``, ``fit`` returns self). Its features are lemmas, compound parts
and the rule tagger's codes (never surface forms); one logistic regression per code gives scores
that are calibrated by Platt scaling on out-of-fold decisions. A second, multinomial model learns
polarity from lemmas marked by negation and contrast, and from the polarity rules' cues.

Models are saved as JSON (parameters, vocabulary, metadata) plus NPZ (arrays): no pickle.
"""

from __future__ import annotations

import datetime as _dt
import numbers
import platform
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from spacy.tokens import Doc

from vastausanalyysi.errors import ModelError
from vastausanalyysi.schema import POLARITIES, parse_codes
from vastausanalyysi.text import is_missing
from vastausanalyysi.themes.calibration import best_threshold, platt, sigmoid
from vastausanalyysi.themes.codebook import Codebook, load_codebook
from vastausanalyysi.themes.features import (
    FeatureVectorizer,
    as_docs,
    doc_columns,
    doc_features,
    leave_out,
    polarity_features,
    token_features,
)
from vastausanalyysi.themes.model_files import (
    FORMAT,
    FORMAT_VERSION,
    model_files,
    read_model_files,
    write_model_files,
)
from vastausanalyysi.themes.polarity import (
    PolarityResult,
    question_free_polarity,
    question_kind,
    rule_polarity,
)
from vastausanalyysi.themes.rules import RuleResult, RuleTagger

#: Fewest rows with a polarity from which the polarity model is learned (of at least two
#: polarities); with fewer, polarity comes from the rules.
MIN_POLARITY_ROWS = 10


def enough_polarity(labels: Sequence[str]) -> bool:
    """Whether polarity labels are enough to learn from: at least :data:`MIN_POLARITY_ROWS`
    rows and at least two different polarities."""
    return len(labels) >= MIN_POLARITY_ROWS and len(set(labels)) >= 2


#: Weight of the out-of-fold polarity accuracy without the question (plain texts, the target)
#: when the polarity source is chosen; the rest goes to the accuracy with the question.
NO_QUESTION_WEIGHT = 0.75
#: A code the rules give that the training coding overrules (:func:`overruled_codes`): the
#: rules give it to at least OVERRULE_MIN_HITS training answers and the coders agree on fewer
#: than OVERRULE_PRECISION of them.
OVERRULE_MIN_HITS = 5
OVERRULE_PRECISION = 0.5


def _as_code_lists(Y: Any, codes: Sequence[str] | None = None) -> list[list[str]]:
    """Labels as lists of code ids (from lists, ';'-strings or a binary matrix with ``codes``)."""
    if isinstance(Y, pd.DataFrame) or (isinstance(Y, np.ndarray) and Y.ndim == 2):
        arr = np.asarray(Y)
        names = list(Y.columns) if isinstance(Y, pd.DataFrame) else list(codes or [])
        if len(names) != arr.shape[1]:
            raise ModelError("a binary label matrix needs one code name per column (codes=...)")
        return [[names[j] for j in np.flatnonzero(row)] for row in arr]
    return [parse_codes(y) for y in Y]


def overruled_codes(
    rules: Sequence[RuleResult], labels: Sequence[Sequence[str]], codebook: Codebook
) -> list[str]:
    """The codes the rules give that the training coding overrules, in the codebook's order.

    A code is overruled when the rules give it to at least :data:`OVERRULE_MIN_HITS` training
    answers and the coders gave it to fewer than :data:`OVERRULE_PRECISION` of those: their
    scheme does not read those words as that code ("tiedonkulku" without tietopohja). Only codes
    of a kind (areas, mechanisms) that the coding uses at all: a coding of areas alone leaves
    the rules' mechanisms as they are. A model trained so gives an overruled code only where
    its own probability reaches the threshold (see ``prediction.combine``).
    """
    kinds = {codebook.codes[c].kind for row in labels for c in row if c in codebook.codes}
    out = []
    for code, spec in codebook.codes.items():
        if spec.kind not in kinds:
            continue
        hits = [i for i, r in enumerate(rules) if code in r.codes]
        agreed = sum(code in labels[i] for i in hits)
        if len(hits) >= OVERRULE_MIN_HITS and agreed < OVERRULE_PRECISION * len(hits):
            out.append(code)
    return out


class ThemeClassifier(BaseEstimator):
    """Multi-label code classifier (areas and mechanisms) plus a polarity model.

    Parameters
    ----------
    C: inverse regularisation of the per-code logistic regressions.
    polarity_C: the same for the polarity model.
    threshold: lowest calibrated probability from which the model may add a code; each code's
        own threshold (``thresholds_``) is tuned on out-of-fold scores between ``threshold`` and
        ``max_threshold`` for the best F1 of rules + model, or is ``calibration.OFF`` (above 1:
        the model never adds the code to the rules) where no threshold improves on the rules
        alone.
        Alone (``predict``, mode "model") the model uses ``model_thresholds_``: the same capped
        at ``max_threshold``.
    min_df: minimum number of answers a feature must occur in.
    use_rule_features: add the rule tagger's codes as features (the model learns when to trust
        them).
    cv: folds for the out-of-fold decisions that calibrate the scores.
    codebook: a :class:`Codebook`, a path to a codebook file, or None for the default.
    random_state: seed of the fold split.
    """

    def __init__(
        self,
        *,
        C: float = 4.0,
        polarity_C: float = 2.0,
        threshold: float = 0.6,
        max_threshold: float = 0.9,
        min_df: int = 1,
        use_rule_features: bool = True,
        cv: int = 5,
        codebook: Codebook | str | Path | None = None,
        random_state: int = 0,
    ):
        self.C = C
        self.polarity_C = polarity_C
        self.threshold = threshold
        self.max_threshold = max_threshold
        self.min_df = min_df
        self.use_rule_features = use_rule_features
        self.cv = cv
        self.codebook = codebook
        self.random_state = random_state

    # -- helpers --------------------------------------------------------------------------------

    def check_params(self) -> None:
        """A ModelError naming the first parameter that is out of its range (``fit`` checks
        first; :func:`~vastausanalyysi.themes.training.train` before reading its data)."""
        ranges = {
            "C": (self.C, 0.0, False),
            "polarity_C": (self.polarity_C, 0.0, False),
            "threshold": (self.threshold, 0.0, False),
            "max_threshold": (self.max_threshold, self.threshold, True),
            "min_df": (self.min_df, 1, True),
            "cv": (self.cv, 2, True),
        }
        for name, (value, low, inclusive) in ranges.items():
            whole = name in ("min_df", "cv")
            kind = numbers.Integral if whole else numbers.Real
            number = isinstance(value, kind) and not isinstance(value, bool)
            if (
                not number
                or not (value >= low if inclusive else value > low)
                or (name.endswith("threshold") and value > 1)
            ):
                wanted = "a whole number" if whole else "a number"
                bound = f"{'at least' if inclusive else 'above'} {low:g}"
                top = " and at most 1" if name.endswith("threshold") else ""
                raise ModelError(f"{name} must be {wanted} {bound}{top}, not {value!r}")

    def get_codebook(self) -> Codebook:
        """The codebook in use: the fitted or loaded one, else ``codebook`` (loaded once)."""
        cb = getattr(self, "codebook_", None)
        if cb is None:
            cb = load_codebook(self.codebook)
            self.codebook_ = cb
        return cb

    def __getstate__(self) -> dict[str, Any]:
        """The estimator's state without this process's rule tagger and its caches."""
        state = super().__getstate__()
        state.pop("_rule_tagger", None)
        return state

    def _tagger(self) -> RuleTagger:
        tagger = getattr(self, "_rule_tagger", None)
        if tagger is None:
            tagger = RuleTagger(self.get_codebook())
            self._rule_tagger = tagger
        return tagger

    def _features(self, docs: Sequence[Doc], rules: Sequence[RuleResult]) -> list[list[str]]:
        """The training texts' feature lists (their rules' codes only with rule features)."""
        use = self.use_rule_features
        return [doc_features(d, r if use else None) for d, r in zip(docs, rules, strict=True)]

    # -- fitting --------------------------------------------------------------------------------

    def fit(
        self,
        X: Iterable[Any],
        Y: Any,
        polarity: Sequence[str] | None = None,
        questions: Sequence[Any] | None = None,
        *,
        exclude_terms: Collection[str] = (),
    ) -> ThemeClassifier:
        """Learn from texts (or Docs) ``X`` and their codes ``Y`` (lists of code ids).

        ``polarity`` (optional; ids of :data:`~vastausanalyysi.schema.POLARITIES`, None or '' for
        a row without one) trains the polarity model on the rows that have one, if they are
        enough (:func:`enough_polarity`; ``polarity_n_`` counts them); else polarity stays with
        the rules. ``questions`` gives the question each answer replied to (e.g. "toimii"), used
        as a polarity feature. ``exclude_terms``: lower-case words (the lemmas and words of the
        personal data in ``X``, see :func:`~vastausanalyysi.themes.training.train`) that no
        feature of the vocabulary may hold, so that the saved model holds none of them.
        """
        self.check_params()
        docs = as_docs(X)
        labels = _as_code_lists(Y)
        if len(labels) != len(docs):
            raise ModelError(f"got {len(docs)} texts but {len(labels)} label rows")
        if not docs:
            raise ModelError("cannot train on zero answers")
        cb = self.get_codebook()
        unknown = sorted({c for row in labels for c in row} - set(cb.codes))
        if unknown:
            raise ModelError(f"unknown code(s) in the labels: {unknown}")
        rules = self._tagger().tag_docs(docs)
        excluded = frozenset(exclude_terms)
        feats = leave_out(self._features(docs, rules), excluded)
        self.vectorizer_ = FeatureVectorizer.fit(feats, self.min_df)
        Xm = self.vectorizer_.transform(feats)
        codes = [c for c in cb.codes if any(c in row for row in labels)]
        if not codes:
            raise ModelError("the labels contain no codes")
        self.codes_ = codes
        Ym = np.array([[c in row for c in codes] for row in labels], dtype=int)
        n_feat = Xm.shape[1]
        self.coef_ = np.zeros((len(codes), n_feat))
        self.intercept_ = np.zeros(len(codes))
        self.calibration_ = np.tile([1.0, 0.0], (len(codes), 1))
        self.thresholds_ = np.full(len(codes), float(self.threshold))
        folds = max(2, min(self.cv, len(docs)))
        kf = KFold(folds, shuffle=True, random_state=self.random_state)
        splits = list(kf.split(np.arange(len(docs))))
        for k, code in enumerate(codes):
            y = Ym[:, k]
            if y.min() == y.max():
                self.intercept_[k] = 10.0 if y[0] else -10.0
                continue
            model = self._binary_model().fit(Xm, y)
            self.coef_[k] = model.coef_[0]
            self.intercept_[k] = model.intercept_[0]
            oof = np.zeros(len(docs))
            for tr, te in splits:
                if y[tr].min() == y[tr].max():
                    oof[te] = 10.0 if y[tr][0] else -10.0
                    continue
                oof[te] = self._binary_model().fit(Xm[tr], y[tr]).decision_function(Xm[te])
            self.calibration_[k] = platt(oof, y)
            a, b = self.calibration_[k]
            hit = np.array([code in r.codes for r in rules])
            self.thresholds_[k] = best_threshold(
                sigmoid(a * oof + b), hit, y, self.threshold, self.max_threshold
            )
        self.n_train_ = len(docs)
        self.label_counts_ = {c: int(Ym[:, k].sum()) for k, c in enumerate(codes)}
        self.overruled_ = overruled_codes(rules, labels, cb)
        self.polarity_classes_: list[str] = []
        self.polarity_mode_ = "rules"
        self.polarity_n_ = 0
        if polarity is not None:
            self._fit_labelled_polarity(docs, list(polarity), questions, rules, splits, excluded)
        return self

    def _fit_labelled_polarity(
        self,
        docs: Sequence[Doc],
        polarity: list[Any],
        questions: Any,
        rules: Sequence[RuleResult],
        splits: Sequence[tuple[np.ndarray, np.ndarray]],
        excluded: frozenset[str],
    ) -> None:
        """The polarity model from the rows that have a polarity (None or '' is none), if they
        are enough (:func:`enough_polarity`); else polarity stays with the rules."""
        if len(polarity) != len(docs):
            raise ModelError(f"got {len(docs)} texts but {len(polarity)} polarity labels")
        have = [i for i, p in enumerate(polarity) if not is_missing(p, blank=True)]
        labels = [polarity[i] for i in have]
        bad = sorted({str(p) for p in labels if p not in POLARITIES})
        if bad:
            raise ModelError(f"unknown polarity value(s) {bad}; use {list(POLARITIES)}")
        self.polarity_n_ = len(have)
        if not enough_polarity(labels):
            return
        if len(have) == len(docs):
            self._fit_polarity(docs, labels, questions, rules, splits, excluded)
            return
        qs = list(questions) if questions is not None else None
        folds = max(2, min(self.cv, len(have)))
        kf = KFold(folds, shuffle=True, random_state=self.random_state)
        self._fit_polarity(
            [docs[i] for i in have],
            labels,
            [qs[i] for i in have] if qs is not None else None,
            [rules[i] for i in have],
            list(kf.split(np.arange(len(have)))),
            excluded,
        )

    def _polarity_model(self) -> LogisticRegression:
        return LogisticRegression(C=self.polarity_C, class_weight="balanced", max_iter=2000)

    def _binary_model(self) -> LogisticRegression:
        return LogisticRegression(
            C=self.C, class_weight="balanced", solver="liblinear", max_iter=1000
        )

    def _fit_polarity(
        self,
        docs: Sequence[Doc],
        polarity: list[str],
        questions: Any,
        rules: Sequence[RuleResult],
        splits: Sequence[tuple[np.ndarray, np.ndarray]],
        excluded: frozenset[str] = frozenset(),
    ) -> None:
        feats = polarity_features(docs, self.get_codebook().polarity, questions)
        feats = leave_out(feats, excluded)
        self.polarity_vectorizer_ = FeatureVectorizer.fit(feats, self.min_df)
        Xp = self.polarity_vectorizer_.transform(feats)
        classes = sorted(set(polarity))
        if len(classes) < 2:
            self.polarity_classes_ = []
            return
        model = self._polarity_model().fit(Xp, polarity)
        # which polarity source is best on out-of-fold predictions: rules, model or hybrid.
        # Plain texts (news, reports: the target) come without a question, so the accuracy
        # without the question weighs NO_QUESTION_WEIGHT; there the gold of a bare list that
        # answered "what works" is neutral (question_free_polarity, CODING.md P2), so that the
        # choice does not reward guessing "works" for lists.
        y = np.array(polarity)
        qs = list(questions) if questions is not None else [None] * len(docs)
        Xp_none = self.polarity_vectorizer_.transform(
            polarity_features(docs, self.get_codebook().polarity, None)
        )
        oof = np.array(polarity, dtype=object)
        oof_none = np.array(polarity, dtype=object)
        for tr, te in splits:
            if len(set(y[tr])) < 2:
                continue
            fold = self._polarity_model().fit(Xp[tr], y[tr])
            oof[te] = fold.predict(Xp[te])
            oof_none[te] = fold.predict(Xp_none[te])
        lex = self.get_codebook().polarity
        rp_none = [
            rule_polarity(d, lex, has_codes=bool(r.codes)) for d, r in zip(docs, rules, strict=True)
        ]
        y_free = np.array(
            [question_free_polarity(g, q, r) for g, q, r in zip(polarity, qs, rp_none, strict=True)]
        )
        acc: dict[str, float] = {}
        for setting, gold, pred, rp in (
            (
                "",
                y,
                oof,
                [
                    rule_polarity(d, lex, has_codes=bool(r.codes), question=question_kind(q))
                    for d, r, q in zip(docs, rules, qs, strict=True)
                ],
            ),
            ("_no_question", y_free, oof_none, rp_none),
        ):
            rule_lab = np.array([r.label for r in rp])
            hybrid = np.array([r.label if r.cues else o for r, o in zip(rp, pred, strict=True)])
            acc["rules" + setting] = float(np.mean(rule_lab == gold))
            acc["hybrid" + setting] = float(np.mean(hybrid == gold))
            acc["model" + setting] = float(np.mean(pred == gold))
        w = NO_QUESTION_WEIGHT
        mean = {
            k: (1 - w) * acc[k] + w * acc[k + "_no_question"] for k in ("rules", "hybrid", "model")
        }
        self.polarity_mode_ = max(mean, key=lambda k: (round(mean[k], 3), k == "rules"))
        self.polarity_cv_accuracy_ = acc
        self.polarity_classes_ = list(model.classes_)
        coef = model.coef_
        intercept = model.intercept_
        if len(self.polarity_classes_) == 2:  # binary: one row for the second class
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.polarity_coef_ = coef
        self.polarity_intercept_ = intercept

    # -- prediction -----------------------------------------------------------------------------

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise ModelError("this ThemeClassifier is not trained yet: call fit() or train()")

    def decision_function(self, X: Iterable[Any], rules: Sequence[RuleResult] | None = None):
        """Raw decision values, shape (n_texts, n_codes) in the order of ``codes_``."""
        self._check_fitted()
        docs = as_docs(X)
        if not self.use_rule_features:
            rules = None
        elif rules is None:
            rules = self._tagger().tag_docs(docs)
        rows, cols = doc_columns(docs, rules, self.vectorizer_)
        Xm = self.vectorizer_.matrix(rows, cols, len(docs))
        return np.asarray(Xm @ self.coef_.T) + self.intercept_

    def predict_proba(self, X: Iterable[Any], rules: Sequence[RuleResult] | None = None):
        """Calibrated probabilities, shape (n_texts, n_codes) in the order of ``codes_``."""
        dec = self.decision_function(X, rules)
        return sigmoid(dec * self.calibration_[:, 0] + self.calibration_[:, 1])

    def predict(self, X: Iterable[Any], rules: Sequence[RuleResult] | None = None):
        """Binary indicator matrix (n_texts, n_codes): probability >= the code's threshold."""
        return (self.predict_proba(X, rules) >= self.model_thresholds_).astype(int)

    @property
    def model_thresholds_(self) -> np.ndarray:
        """Thresholds of the model alone: ``thresholds_`` capped at ``max_threshold``."""
        return np.minimum(self.thresholds_, float(self.max_threshold))

    def predict_codes(self, X: Iterable[Any]) -> list[list[str]]:
        """The model's codes for each text (model only, without the rules' union)."""
        return [[c for c, v in zip(self.codes_, row, strict=True) if v] for row in self.predict(X)]

    @property
    def has_polarity(self) -> bool:
        return bool(getattr(self, "polarity_classes_", None))

    def predict_polarity_proba(
        self,
        X: Iterable[Any],
        questions: Sequence[Any] | None = None,
        rule_results: Sequence[PolarityResult] | None = None,
    ) -> np.ndarray:
        """Polarity probabilities, shape (n_texts, n_classes) in ``polarity_classes_`` order.

        ``rule_results``: ``rule_polarity(doc, lexicon)`` of each Doc if already computed.
        """
        self._check_fitted()
        if not self.has_polarity:
            raise ModelError("this model has no polarity part (train it with polarity labels)")
        docs = as_docs(X)
        Xp = self.polarity_vectorizer_.transform(
            polarity_features(docs, self.get_codebook().polarity, questions, rule_results)
        )
        z = np.asarray(Xp @ self.polarity_coef_.T) + self.polarity_intercept_
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict_polarity(
        self,
        X: Iterable[Any],
        questions: Sequence[Any] | None = None,
        rule_results: Sequence[PolarityResult] | None = None,
    ) -> list[str]:
        """Polarity labels by the learned model (``rule_results`` as for the probabilities)."""
        proba = self.predict_polarity_proba(X, questions, rule_results)
        return [self.polarity_classes_[i] for i in proba.argmax(axis=1)]

    def explain(self, doc: Doc, code: str, top: int = 3) -> list[tuple[int, float]]:
        """(token index, contribution) of the tokens that push ``code`` up most (positive only;
        never a stop word such as "ja", "on", whose weight is the model's noise)."""
        self._check_fitted()
        k = self.codes_.index(code)
        per_token = token_features(doc)
        allf = [f for tf in per_token for f in tf]
        index, coef = self.vectorizer_.index, self.coef_[k]
        weights = {f: v * coef[index[f]] for f, v in self.vectorizer_.values(allf).items()}
        scored = []
        for i, tf in enumerate(per_token):
            if doc[i].is_stop:
                continue
            s = sum(weights.get(f, 0.0) / max(1, allf.count(f)) for f in set(tf))
            if s > 0:
                scored.append((i, float(s)))
        scored.sort(key=lambda t: -t[1])
        return scored[:top]

    # -- persistence ----------------------------------------------------------------------------

    def save(self, path: str | Path, metadata: Mapping[str, Any] | None = None) -> Path:
        """Write the model to directory ``path`` as JSON + NPZ (no pickle); returns the path."""
        self._check_fitted()
        cb = self.get_codebook()
        meta = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "params": {
                k: v
                for k, v in self.get_params().items()
                if k != "codebook" and isinstance(v, int | float | bool | str)
            },
            "codes": self.codes_,
            "vocabulary": self.vectorizer_.vocabulary,
            "polarity_classes": self.polarity_classes_,
            "polarity_mode": self.polarity_mode_,
            "polarity_cv_accuracy": getattr(self, "polarity_cv_accuracy_", None),
            "polarity_vocabulary": (
                self.polarity_vectorizer_.vocabulary if self.has_polarity else []
            ),
            "codebook": cb.to_dict() if self.codebook is not None else None,
            "n_train": self.n_train_,
            "label_counts": self.label_counts_,
            "overruled": getattr(self, "overruled_", []),
            "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "versions": versions(),
            "metadata": dict(metadata or {}),
        }
        arrays = {
            "coef": self.coef_,
            "intercept": self.intercept_,
            "calibration": self.calibration_,
            "thresholds": self.thresholds_,
            "idf": self.vectorizer_.idf,
        }
        if self.has_polarity:
            arrays.update(
                polarity_coef=self.polarity_coef_,
                polarity_intercept=self.polarity_intercept_,
                polarity_idf=self.polarity_vectorizer_.idf,
            )
        return write_model_files(path, meta, arrays)

    @classmethod
    def load(cls, path: str | Path) -> ThemeClassifier:
        """Load a model written by :meth:`save` (arrays are read with ``allow_pickle=False``)."""
        meta, arrays = read_model_files(path)
        jpath, _ = model_files(path)
        params = {k: v for k, v in meta.get("params", {}).items() if k in cls().get_params()}
        codebook = load_codebook(meta["codebook"], extend=False) if meta.get("codebook") else None
        model = cls(**params, codebook=codebook)
        model.codebook_ = codebook or load_codebook()
        model.codes_ = list(meta["codes"])
        model.vectorizer_ = FeatureVectorizer(meta["vocabulary"], arrays["idf"])
        model.coef_ = arrays["coef"]
        model.intercept_ = arrays["intercept"]
        model.calibration_ = arrays["calibration"]
        model.thresholds_ = arrays.get(
            "thresholds", np.full(len(model.codes_), float(model.threshold))
        )
        model.polarity_mode_ = str(meta.get("polarity_mode") or "rules")
        model.n_train_ = int(meta.get("n_train", 0))
        model.label_counts_ = dict(meta.get("label_counts", {}))
        model.overruled_ = list(meta.get("overruled") or [])
        model.polarity_classes_ = list(meta.get("polarity_classes") or [])
        if model.polarity_classes_:
            model.polarity_vectorizer_ = FeatureVectorizer(
                meta["polarity_vocabulary"], arrays["polarity_idf"]
            )
            model.polarity_coef_ = arrays["polarity_coef"]
            model.polarity_intercept_ = arrays["polarity_intercept"]
        unknown = sorted((set(model.codes_) | set(model.overruled_)) - set(model.codebook_.codes))
        if unknown:
            raise ModelError(f"{jpath}: the model has codes that its codebook lacks: {unknown}")
        model.metadata_ = meta
        return model


def versions() -> dict[str, str]:
    """Versions of the libraries that a model depends on."""
    import sklearn
    import spacy

    from vastausanalyysi._version import __version__

    return {
        "vastausanalyysi": __version__,
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
        "numpy": np.__version__,
    }


__all__ = [
    "MIN_POLARITY_ROWS",
    "NO_QUESTION_WEIGHT",
    "OVERRULE_MIN_HITS",
    "OVERRULE_PRECISION",
    "ThemeClassifier",
    "enough_polarity",
    "overruled_codes",
    "versions",
]
