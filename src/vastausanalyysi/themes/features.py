"""Features of the theme classifier: lemmas, compound parts and rule codes, and TF-IDF.

Features are never surface forms: a word gives its lemma (``L:``) and compound parts (``P:``),
a text also the rule tagger's codes (``R:``). The polarity model's features come from
:func:`~vastausanalyysi.themes.polarity.polarity_tokens`, with the kind of question answered.

Training builds the feature lists (:func:`doc_features`, :func:`polarity_features`) and
:class:`FeatureVectorizer` turns them into a matrix. Prediction reads the same features
straight to column indices (:func:`doc_columns`, :func:`polarity_columns`, each token row's
columns looked up once per vectorizer) and :meth:`FeatureVectorizer.matrix` gives the same
matrix bit for bit (tests/test_themes_features.py compares the two on the corpus).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, count, repeat
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from vastausanalyysi.themes.clauses import NEUTRAL, scopes
from vastausanalyysi.themes.codes import PolarityLexicon
from vastausanalyysi.themes.polarity import (
    PolarityResult,
    polarity_tokens,
    question_kind,
    rule_polarity,
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
    tokens = _row_columns(vectorizer, "doc", _row_features)
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

    def __init__(self, vectorizer: FeatureVectorizer, features: Any):
        self.index = vectorizer.index
        self.features = features  # TokenRow -> its features
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
                    flat.extend(j for f in self.features(row) if (j := index.get(f)) is not None)
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


def _row_columns(vectorizer: FeatureVectorizer, kind: str, features: Any) -> _RowColumns:
    memo = vectorizer.memo
    found = memo.get(kind)
    if found is None:
        found = memo[kind] = _RowColumns(vectorizer, features)
    return found


class FeatureVectorizer:
    """TF-IDF over feature lists, with a plain vocabulary (so it saves as JSON + arrays)."""

    def __init__(self, vocabulary: Sequence[str] = (), idf: np.ndarray | None = None):
        self.vocabulary = list(vocabulary)
        self.index = {f: i for i, f in enumerate(self.vocabulary)}
        self.idf = idf if idf is not None else np.zeros(len(self.vocabulary))
        #: what is looked up once per vocabulary (the columns of token rows' features)
        self.memo: dict[str, Any] = {}

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


def polarity_columns(
    docs: Sequence[Doc],
    lexicon: PolarityLexicon,
    vectorizer: FeatureVectorizer,
    questions: Sequence[Any] | None = None,
    results: Sequence[PolarityResult] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The (row, column) entries of ``vectorizer``'s known features of
    :func:`polarity_features` (arguments as there), for :meth:`FeatureVectorizer.matrix`: the
    same matrix as ``vectorizer.transform`` of the feature lists.

    It reads what :func:`~vastausanalyysi.themes.polarity.polarity_tokens` reads, in its
    order, but a plain word's column (no contrast, scope or negation: most words) is looked
    up once per token row, and the features of a text are never built as strings.
    """
    n = len(docs)
    qs = list(questions) if questions is not None else [None] * n
    rs = list(results) if results is not None else [None] * n
    if len(qs) != n or len(rs) != n:
        raise ValueError(f"got {n} Docs, {len(qs)} questions and {len(rs)} results")
    get = vectorizer.index.get
    tables = [doc_table(doc) for doc in docs]
    words = _plain_columns(vectorizer, [t.rows for t in tables])
    contrasted = _contrast_columns(vectorizer)
    fixed = {f: get(f, -1) for f in ("MIXCL", "MIXSAME", "NOCUE", "HASGOAL")}
    counted = [[get(f"{key}={k}", -1) for k in range(3)] for key in ("NW", "NP")]
    kinds: dict[Any, str | None] = {}
    # a feature's parts -> its column(s), per kind of feature
    by_rule: dict[str, int] = {}
    by_cue: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    by_clause: dict[tuple[str, str], int] = {}
    by_ends: dict[tuple[str, str], tuple[int, int]] = {}
    out: list[int] = []
    append, extend = out.append, out.extend
    sizes: list[int] = []
    at = 0  # the first row of the Doc in ``words``
    for doc, table, q, result in zip(docs, tables, qs, rs, strict=True):
        rows = table.rows
        found = scopes(table, lexicon)
        negated, goal, need = found.negated, found.goal, found.need
        special = negated | goal | need if negated or goal or need else None
        if result is None:
            result = rule_polarity(doc, lexicon)
        clauses = result.clauses
        start = len(out)
        rule = result.label
        column = by_rule.get(rule)
        if column is None:
            column = by_rule[rule] = get(f"RULE={rule}", -1)
        append(column)
        n_works = n_problem = 0
        mixed_same = cued = False
        polar_first = polar_last = None
        last_clause = len(clauses) - 1
        for k, clause in enumerate(clauses):
            first, last = clause.start, clause.end
            if clause.contrast:
                role, prefix = "C2", "C2_"
            else:
                after = clauses[k + 1] if k < last_clause else None
                role = "C1" if after is not None and after.contrast and after.marker else "M"
                prefix = ""
            # the words' columns (punctuation and spaces are -1), then those of the marked
            segment = contrasted(rows[first:last]) if prefix else words[at + first : at + last]
            if special and not special.isdisjoint(range(first, last)):
                for i in special.intersection(range(first, last)):
                    row = rows[i]
                    if not (row.punct or row.space):
                        scope = "G_" if i in goal else "N_" if i in need else ""
                        marks = f"{prefix}{scope}{'NEG_' if i in negated else ''}"
                        segment[i - first] = get(marks + row.norm, -1)
            extend(segment)
            for cue in clause.cues:
                cued = True
                key = (prefix, role, cue["polarity"], cue["rule"])
                pair = by_cue.get(key)
                if pair is None:
                    pair = by_cue[key] = (
                        get(f"CUE_{prefix}{key[2]}", -1),
                        get(f"CUER_{role}_{key[2]}_{key[3].split('+')[-1]}", -1),
                    )
                extend(pair)
            label = clause.label
            if label != NEUTRAL:
                column = by_clause.get((role, label))
                if column is None:
                    column = by_clause[role, label] = get(f"CL_{role}={label}", -1)
                append(column)
                if polar_first is None:
                    polar_first = label
                polar_last = label
            works, problem = clause.works, clause.problem
            if works > 0:
                n_works += 1
            if problem > 0:
                n_problem += 1
            if works and problem:
                mixed_same = True
        if n_works and n_problem:
            append(fixed["MIXCL"])
        if mixed_same:
            append(fixed["MIXSAME"])
        if not cued:
            append(fixed["NOCUE"])
        append(counted[0][n_works if n_works < 2 else 2])
        append(counted[1][n_problem if n_problem < 2 else 2])
        if polar_first is not None:
            key = (polar_first, polar_last)
            pair = by_ends.get(key)
            if pair is None:
                pair = by_ends[key] = (get(f"FIRST={key[0]}", -1), get(f"LAST={key[1]}", -1))
            extend(pair)
        if goal:
            append(fixed["HASGOAL"])
        if q is not None:
            try:
                kind = kinds[q] if q in kinds else kinds.setdefault(q, question_kind(q))
            except TypeError:  # not hashable
                kind = question_kind(q)
            if kind:
                append(get(f"Q={kind}", -1))
                append(get(f"Q={kind}&RULE={rule}", -1))
        sizes.append(len(out) - start)
        at += len(rows)
    cols = np.array(out, dtype=np.int64)
    rows_of = np.repeat(np.arange(n, dtype=np.int64), np.array(sizes, dtype=np.int64))
    known = cols >= 0
    return rows_of[known], cols[known]


def _contrast_columns(vectorizer: FeatureVectorizer) -> Callable[[list[TokenRow]], list[int]]:
    """A function giving the columns of rows' features in a contrast clause (``C2_`` and the
    lemma; -1 as in :func:`_plain_columns`), each row looked up once per vectorizer."""
    found = vectorizer.memo.get("contrast")
    if found is None or len(found) >= ROW_CACHE_MAX:
        found = vectorizer.memo["contrast"] = {}
    get = vectorizer.index.get

    def columns(rows: list[TokenRow]) -> list[int]:
        out = list(map(found.get, rows))
        if None in out:
            for row in rows:
                if row not in found:
                    found[row] = -1 if row.punct or row.space else get("C2_" + row.norm, -1)
            out = list(map(found.__getitem__, rows))
        return out

    return columns


def _plain_columns(vectorizer: FeatureVectorizer, row_lists: list[list[TokenRow]]) -> list[int]:
    """The column of each row's plain polarity feature (its lemma without marks; -1 for an
    unknown lemma, punctuation and spaces), of the Docs' rows one after another; each row
    looked up once per vectorizer."""
    found = vectorizer.memo.get("polarity")
    if found is None or len(found) >= ROW_CACHE_MAX:
        found = vectorizer.memo["polarity"] = {}
    total = sum(map(len, row_lists))
    # one pass: a new row gets -2 - its first position (replaced by its column below)
    cols = np.fromiter(
        map(found.setdefault, chain.from_iterable(row_lists), count(-2, -1)), np.int64, total
    )
    late = np.flatnonzero(cols <= -2)
    if len(late):
        rows = list(chain.from_iterable(row_lists))
        first = late[cols[late] == -2 - late]
        get = vectorizer.index.get
        values = np.empty(total, dtype=np.int64)
        try:
            for k in first.tolist():
                row = rows[k]
                found[row] = values[k] = -1 if row.punct or row.space else get(row.norm, -1)
        except BaseException:
            found.clear()  # no row keeps a first position as its column
            raise
        cols[late] = values[-2 - cols[late]]
    return cols.tolist()


__all__ = [
    "FeatureVectorizer",
    "as_docs",
    "doc_features",
    "polarity_columns",
    "polarity_features",
    "token_features",
]
