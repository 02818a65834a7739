"""Features of the theme classifier: lemmas, compound parts and rule codes, and TF-IDF.

Features are never surface forms: a word gives its lemma (``L:``) and compound parts (``P:``),
a text also the rule tagger's codes (``R:``). The polarity model's features come from
:func:`~vastausanalyysi.themes.polarity.polarity_tokens`, with the kind of question answered.

Training builds the feature lists (:func:`doc_features`, :func:`polarity_features`) and
:class:`FeatureVectorizer` turns them into a matrix. Prediction reads the same features
of the theme model straight to column indices (:func:`doc_columns`, each token row's columns
looked up once per vectorizer) and :meth:`FeatureVectorizer.matrix` gives the same matrix bit
for bit (tests/test_themes_features.py compares the two on the corpus).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from itertools import chain, count, repeat
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.polarity import (
    PolarityResult,
    polarity_tokens,
    question_kind,
)
from vastausanalyysi.themes.rules import RuleResult
from vastausanalyysi.themes.tokens import ROW_CACHE_MAX, TokenRow, doc_table, remember


def as_docs(X: Iterable[Any]) -> list[Doc]:
    """``X`` as Docs: Docs are kept, texts run through the default pipeline."""
    from vastausanalyysi.nlp.pipeline import iter_docs

    items = list(X)
    if all(isinstance(x, Doc) for x in items):
        return items
    return list(iter_docs(items))


def token_features(doc: Doc) -> list[list[str]]:
    """Per word token: its lemma feature and its compound-part features."""
    return [list(feats) for feats in _features_of(doc_table(doc).rows)]


#: A token row's features (rows are shared by equal tokens).
_ROW_FEATURES: dict[TokenRow, tuple[str, ...]] = {}


def _features_of(rows: Sequence[TokenRow]) -> list[tuple[str, ...]]:
    """The features of each row (looked up at C speed; a row not seen before is built)."""
    found = list(map(_ROW_FEATURES.get, rows))
    if None in found:
        found = [_row_features(r) if f is None else f for r, f in zip(rows, found, strict=True)]
    return found


def _row_features(row: TokenRow) -> tuple[str, ...]:
    feats: tuple[str, ...] = ()
    if row.word:
        whole = row.norm
        feats = (f"L:{whole}", *(f"P:{p}" for p in row.parts if p != whole))
    return remember(_ROW_FEATURES, row, feats)


def doc_features(doc: Doc, rules: RuleResult | None = None) -> list[str]:
    """Bag of features of a Doc: lemmas, compound parts and (optionally) the rules' codes."""
    feats = list(chain.from_iterable(_features_of(doc_table(doc).rows)))
    if rules is not None:
        feats.extend(f"R:{c}" for c in rules.codes)
    return feats


def doc_columns(
    docs: Sequence[Doc], rules: Sequence[RuleResult] | None, vectorizer: FeatureVectorizer
) -> tuple[np.ndarray, np.ndarray]:
    """The (row, column) entries of ``vectorizer``'s known features of :func:`doc_features`
    of each Doc (with its rules, if given), for :meth:`FeatureVectorizer.matrix`: the same
    matrix as ``vectorizer.transform`` of the feature lists, without building them.

    A token row's columns are looked up once (:class:`_RowColumns`); the rules' codes follow
    each Doc's tokens as in :func:`doc_features`."""
    n = len(docs)
    if rules is not None and len(rules) != n:
        raise ValueError(f"got {n} Docs and {len(rules)} rule results")
    row_lists = [doc_table(doc).rows for doc in docs]
    tokens = _row_columns(vectorizer)
    cols, per_row = tokens.columns(list(chain.from_iterable(row_lists)))
    ends = np.cumsum(np.fromiter(map(len, row_lists), np.int64, n))
    upto = np.concatenate(([0], np.cumsum(per_row)))
    sizes = np.diff(upto[ends], prepend=0)  # the known token features per Doc
    if rules is None:
        return np.repeat(np.arange(n, dtype=np.int64), sizes), cols
    code_lists = [r.codes for r in rules]
    codes = list(chain.from_iterable(code_lists))
    index = vectorizer.index
    column = {c: index.get(f"R:{c}", -1) for c in set(codes)}
    code_cols = np.fromiter(map(column.__getitem__, codes), np.int64, len(codes))
    code_sizes = np.fromiter(map(len, code_lists), np.int64, n)
    # each Doc's token columns, then its codes' columns
    merged = np.empty(len(cols) + len(codes), dtype=np.int64)
    before = np.cumsum(code_sizes) - code_sizes
    merged[np.arange(len(cols)) + np.repeat(before, sizes)] = cols
    merged[np.arange(len(codes)) + np.repeat(np.cumsum(sizes), code_sizes)] = code_cols
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes + code_sizes)
    known = merged >= 0
    return rows[known], merged[known]


class _RowColumns:
    """The known columns of each token row's features in one vectorizer, kept as ragged
    arrays: a row's features are built and looked up once, a batch's columns gathered by
    numpy. Starts over when it holds :data:`ROW_CACHE_MAX` rows (at the start of a batch)."""

    def __init__(self, vectorizer: FeatureVectorizer):
        self.index = vectorizer.index
        self._clear()

    def _clear(self) -> None:
        self.ids: dict[TokenRow, int] = {}  # row -> its number
        self.ends = np.zeros(1, dtype=np.int64)  # row k's columns are flat[ends[k] : ends[k + 1]]
        self.flat = np.zeros(0, dtype=np.int64)

    def columns(self, rows: list[TokenRow]) -> tuple[np.ndarray, np.ndarray]:
        """The columns of the rows' features, concatenated, and how many each row has."""
        if len(self.ids) >= ROW_CACHE_MAX:
            self._clear()
        known = self.ids
        size = len(known)
        # one pass: a new row gets size + its first position (made a new number below)
        ids = np.fromiter(map(known.setdefault, rows, count(size)), np.int64, len(rows))
        fresh = np.flatnonzero(ids == np.arange(size, size + len(rows)))
        if len(fresh):
            ends: list[int] = []
            flat: list[int] = []
            end, index = int(self.ends[-1]), self.index
            try:
                for k, row in enumerate(map(rows.__getitem__, fresh.tolist()), size):
                    known[row] = k
                    flat.extend(j for f in _row_features(row) if (j := index.get(f)) is not None)
                    ends.append(end + len(flat))
            except BaseException:
                self._clear()  # no row keeps a first position as its number
                raise
            number = np.empty(len(rows), dtype=np.int64)
            number[fresh] = np.arange(size, size + len(fresh))
            late = np.flatnonzero(ids >= size)
            ids[late] = number[ids[late] - size]
            self.ends = np.concatenate((self.ends, np.array(ends, dtype=np.int64)))
            self.flat = np.concatenate((self.flat, np.array(flat, dtype=np.int64)))
        starts = self.ends[ids]
        counts = self.ends[ids + 1] - starts
        at = np.arange(counts.sum(), dtype=np.int64) + np.repeat(
            starts - (np.cumsum(counts) - counts), counts
        )
        return self.flat[at], counts


def _row_columns(vectorizer: FeatureVectorizer) -> _RowColumns:
    """The vectorizer's :class:`_RowColumns` (made on first use, kept in its memo)."""
    found = vectorizer.memo.get("rows")
    if found is None:
        found = vectorizer.memo["rows"] = _RowColumns(vectorizer)
    return found


class FeatureVectorizer:
    """TF-IDF over feature lists, with a plain vocabulary (so it saves as JSON + arrays)."""

    def __init__(self, vocabulary: Sequence[str] = (), idf: np.ndarray | None = None):
        self.vocabulary = list(vocabulary)
        self.index = {f: i for i, f in enumerate(self.vocabulary)}
        self.idf = idf if idf is not None else np.zeros(len(self.vocabulary))
        #: what is looked up once per vocabulary (the columns of token rows' features); a cache
        #: of this process, not pickled with the vectorizer
        self.memo: dict[str, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "memo": {}}

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

    def _weights(self, js: np.ndarray, counts: Sequence[int] | np.ndarray) -> np.ndarray:
        """Sublinear TF x IDF of the features in columns ``js`` seen ``counts`` times (not yet
        normalised): the one formula of :meth:`values` and :meth:`transform`."""
        return (1.0 + np.log(np.array(counts, dtype=float))) * self.idf[js]

    def transform(self, docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Rows of sublinear TF x IDF, L2-normalised; unknown features are ignored.

        The features of all rows are looked up in one pass and counted with numpy; each row's
        norm is taken over its features in the order they first occur (as :meth:`values`)."""
        n = len(docs)
        flat = list(chain.from_iterable(docs))
        cols = np.fromiter(map(self.index.get, flat, repeat(-1)), np.int64, len(flat))
        rows = np.repeat(np.arange(n, dtype=np.int64), np.fromiter(map(len, docs), np.int64, n))
        known = cols >= 0
        return self.matrix(rows[known], cols[known], n)

    def matrix(self, rows: np.ndarray, cols: np.ndarray, n: int) -> sparse.csr_matrix:
        """:meth:`transform` of ``n`` texts given as their known features' (row, column)
        entries: ``rows`` in order (non-decreasing), each row's columns in the order its
        features occur."""
        width = len(self.vocabulary)
        keys = rows * width + cols
        # (row, column) as one key: the sorted distinct keys are the matrix's entries in CSR
        # order; a stable sort puts each key's first occurrence first
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        size = len(ordered)
        new = np.ones(size, dtype=bool)
        np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        entries = ordered[starts]
        first = order[starts]  # where each entry first occurs
        counts = np.diff(starts, append=size)
        # the entries in the order they first occur (``argsort(first)`` without a sort)
        seen = np.zeros(size, dtype=bool)
        seen[first] = True
        rank = np.empty(size, dtype=np.int64)
        rank[first] = np.arange(len(first))
        by_first = rank[seen]
        vals = self._weights(entries[by_first] % width, counts[by_first])
        sizes = np.bincount(entries // width, minlength=n)
        ends = np.cumsum(sizes)
        _normalise_rows(vals, ends - sizes, sizes)
        data = np.empty_like(vals)
        data[by_first] = vals
        return sparse.csr_matrix(
            (data, entries % width, np.concatenate(([0], ends))), shape=(n, width), dtype=float
        )


def _normalise_rows(vals: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> None:
    """Divide each row's values (``vals[start : start + size]``) by their L2 norm, in place.

    The rows of one length go through one stacked matmul, which takes each row's dot product
    with itself by the same BLAS call as ``np.linalg.norm(row)``: the same floats as a
    per-row loop (a sum of squares in numpy would round differently)."""
    for size in np.unique(sizes[sizes > 0]).tolist():
        at = starts[sizes == size][:, None] + np.arange(size)
        part = vals[at]
        norms = np.sqrt(np.matmul(part[:, None, :], part[:, :, None])[:, 0, :])
        norms[norms == 0.0] = 1.0
        vals[at] = part / norms


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


#: The markers before a feature's word ("L:", "P:", "NEG_", "C2_" …)
_FEATURE_MARKERS = re.compile(r"^(?:[A-Z0-9]+[_:])+")


def leave_out(feats: list[list[str]], terms: frozenset[str]) -> list[list[str]]:
    """``feats`` without the features whose word (after its markers: "L:kalervo",
    "NEG_kalervo") is one of ``terms``."""
    if not terms:
        return feats
    return [[f for f in row if _FEATURE_MARKERS.sub("", f) not in terms] for row in feats]


__all__ = [
    "FeatureVectorizer",
    "as_docs",
    "doc_features",
    "leave_out",
    "polarity_features",
    "token_features",
]
