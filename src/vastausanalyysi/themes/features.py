"""Features of the theme classifier: lemmas, compound parts and rule codes, and TF-IDF.

Features are never surface forms: a word gives its lemma (``L:``) and compound parts (``P:``),
a text also the rule tagger's codes (``R:``). The polarity model's features come from
:func:`~vastausanalyysi.themes.polarity.polarity_tokens`, with the kind of question answered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.polarity import PolarityResult, polarity_tokens, question_kind
from vastausanalyysi.themes.rules import RuleResult
from vastausanalyysi.themes.tokens import TokenRow, doc_table, remember


def as_docs(X: Iterable[Any]) -> list[Doc]:
    """``X`` as Docs: Docs are kept, texts run through the default pipeline."""
    from vastausanalyysi.nlp.pipeline import iter_docs

    items = list(X)
    if all(isinstance(x, Doc) for x in items):
        return items
    return list(iter_docs(items))


def token_features(doc: Doc) -> list[list[str]]:
    """Per word token: its lemma feature and its compound-part features."""
    out: list[list[str]] = []
    for row in doc_table(doc).rows:
        feats = _ROW_FEATURES.get(row)
        if feats is None:
            feats = _row_features(row)
        out.append(list(feats))
    return out


#: A token row's features (rows are shared by equal tokens).
_ROW_FEATURES: dict[TokenRow, tuple[str, ...]] = {}


def _row_features(row: TokenRow) -> tuple[str, ...]:
    feats: tuple[str, ...] = ()
    if row.word:
        whole = row.norm
        feats = (f"L:{whole}", *(f"P:{p}" for p in row.parts if p != whole))
    return remember(_ROW_FEATURES, row, feats)


def doc_features(doc: Doc, rules: RuleResult | None = None) -> list[str]:
    """Bag of features of a Doc: lemmas, compound parts and (optionally) the rules' codes."""
    feats = [f for tf in token_features(doc) for f in tf]
    if rules is not None:
        feats.extend(f"R:{c}" for c in rules.codes)
    return feats


class FeatureVectorizer:
    """TF-IDF over feature lists, with a plain vocabulary (so it saves as JSON + arrays)."""

    def __init__(self, vocabulary: Sequence[str] = (), idf: np.ndarray | None = None):
        self.vocabulary = list(vocabulary)
        self.index = {f: i for i, f in enumerate(self.vocabulary)}
        self.idf = idf if idf is not None else np.zeros(len(self.vocabulary))

    @classmethod
    def fit(cls, docs: Sequence[Sequence[str]], min_df: int = 1) -> FeatureVectorizer:
        """Vocabulary (features in at least ``min_df`` docs, sorted) and smoothed IDF."""
        df: dict[str, int] = {}
        for feats in docs:
            for f in set(feats):
                df[f] = df.get(f, 0) + 1
        vocab = sorted(f for f, n in df.items() if n >= min_df)
        n = len(docs)
        idf = np.array([math.log((1 + n) / (1 + df[f])) + 1.0 for f in vocab])
        return cls(vocab, idf)

    def values(self, feats: Sequence[str]) -> dict[str, float]:
        """The one text's row of :meth:`transform` as {feature: value} (known features only),
        without building a matrix."""
        index = self.index
        counts: dict[str, int] = {}
        for f in feats:
            if f in index:
                counts[f] = counts.get(f, 0) + 1
        if not counts:
            return {}
        js = np.array([index[f] for f in counts], dtype=np.int64)
        vals = self._weights(js, list(counts.values()))
        vals /= np.linalg.norm(vals) or 1.0
        return dict(zip(counts, vals.tolist(), strict=True))

    def _weights(self, js: np.ndarray, counts: list[int]) -> np.ndarray:
        """Sublinear TF x IDF of the features in columns ``js`` seen ``counts`` times (not yet
        normalised): the one formula of :meth:`values` and :meth:`transform`."""
        return (1.0 + np.log(np.array(counts, dtype=float))) * self.idf[js]

    def transform(self, docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Rows of sublinear TF x IDF, L2-normalised; unknown features are ignored."""
        index = self.index
        cols: list[int] = []
        counts: list[int] = []
        sizes: list[int] = []
        for feats in docs:
            row: dict[int, int] = {}
            for f in feats:
                j = index.get(f)
                if j is not None:
                    row[j] = row.get(j, 0) + 1
            cols.extend(row)
            counts.extend(row.values())
            sizes.append(len(row))
        js = np.array(cols, dtype=np.int64)
        vals = self._weights(js, counts)
        start = 0
        for size in sizes:
            if size:
                part = vals[start : start + size]
                part /= np.linalg.norm(part) or 1.0
                start += size
        rows = np.repeat(np.arange(len(docs), dtype=np.int64), sizes)
        return sparse.csr_matrix(
            (vals, (rows, js)), shape=(len(docs), len(self.vocabulary)), dtype=float
        )


def polarity_features(
    docs: Sequence[Doc],
    lexicon: PolarityLexicon,
    questions: Sequence[Any] | None = None,
    results: Sequence[PolarityResult] | None = None,
) -> list[list[str]]:
    """Features of the polarity model: :func:`polarity_tokens`, plus the question's kind.

    ``results``: the rules' polarity of each Doc without a question, if already computed.
    """
    qs = list(questions) if questions is not None else [None] * len(docs)
    rs = list(results) if results is not None else [None] * len(docs)
    out = []
    for doc, q, r in zip(docs, qs, rs, strict=True):
        feats = polarity_tokens(doc, lexicon, r)
        kind = question_kind(q)
        if kind:
            feats.append(f"Q={kind}")
            feats.append(f"Q={kind}&{feats[0]}")
        out.append(feats)
    return out


__all__ = [
    "FeatureVectorizer",
    "as_docs",
    "doc_features",
    "polarity_features",
    "token_features",
]
