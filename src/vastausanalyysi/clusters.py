"""Cluster "what works" statements, label the clusters in base forms and put scores beside them.

How it works (see :func:`cluster_statements`):

1. **Terms**: each statement's lemmas (the tagged ``lemmas`` column, else ``va.lemmatize``) plus,
   for compounds, the base forms of their parts and of their contiguous part sequences
   ("perhekeskusyhteistyö" → "perhe", "keskus", "yhteistyö", "perhekeskus"), lower-cased; Finnish
   stop words (spaCy's list, which includes "hyvin" and "ei") and a few words that every answer of
   this survey uses ("yhteistyö", "hyvinvointialue", "kunta", "toimia") are removed.
2. **Features**: TF-IDF over the terms (raw term frequency; a compound-derived term counts
   ``compound_weight``), plus the tagged area and mechanism codes as extra features weighted
   ``code_weight``; rows are L2-normalised; TruncatedSVD (LSA) reduces them when the vocabulary
   has more than ``svd_min_features`` terms.
3. **Clusters**: KMeans with the number of clusters chosen by the cosine silhouette over
   2..min(12, n // 3) (clusters smaller than ``min_cluster_size`` are avoided when possible). Small
   sets (fewer than 6 statements) are grouped by average-linkage agglomerative clustering with a
   cosine distance threshold instead, so that each statement lands in a real cluster rather than in
   one outlier topic. Cluster ids are renumbered by size (0 = largest); everything is seeded.
4. **Labels**: the top terms of each cluster by class-based TF-IDF (c-TF-IDF), all base forms;
   a label skips a term contained in one already taken, and a compound that nearly as many of the
   cluster's statements have replaces its part ("perhe" → "perhekeskus").

The cluster id ``-1`` (:data:`NO_CLUSTER`) is given only to statements that have nothing to
cluster on: empty or missing text, or text whose words are all stop words and that has no codes.
They are kept in ``assignments`` (never dropped) and summarised in a ``-1`` row of ``clusters``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import ClusteringError, SummaryError

__all__ = [
    "DOMAIN_STOP_WORDS",
    "NO_CLUSTER",
    "Clustering",
    "cluster_statements",
    "clusters_by_group",
    "finnish_stop_words",
]

#: cluster id of statements with nothing to cluster on (empty text, or only stop words and no codes)
NO_CLUSTER = -1
#: words that nearly every answer about municipality–county cooperation uses (lemmas)
DOMAIN_STOP_WORDS: frozenset[str] = frozenset(
    {
        "yhteistyö",
        "hyvinvointialue",
        "kunta",
        "toimia",
        "toimiva",
        "toimivuus",
        "esim",
        "esimerkiksi",
        "mm",
        "jne",
        "osa",
        "lisäksi",
        "sujua",
        "sujuva",
        "sujuvasti",
        "yhdessä",
        "yhteinen",
        "onnistua",
        "tehdä",
    }
)
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_SMALL_SET = 6
_REPLACE_RATIO = 0.75
_SILHOUETTE_SAMPLE = 3000  # silhouette is O(n²): large sets are scored on a seeded sample
_CODE_PREFIX = {"areas": "area", "mechanisms": "mech"}


@dataclass
class Clustering:
    """The result of :func:`cluster_statements`.

    ``assignments``: one row per input statement, same index and order: ``cluster`` (int, ``-1`` =
    nothing to cluster on), ``cluster_label`` ("" for ``-1``) and ``similarity`` (cosine to the
    cluster centroid; NaN for ``-1``).
    ``clusters``: one row per cluster (``-1`` last, if any): ``cluster``, ``label``, ``size``,
    ``top_lemmas``, ``representatives`` (up to 3 statements nearest the centroid), ``codes``
    (most frequent codes as "area:…"/"mech:…"), ``code_counts``, ``linked_items`` and, when scores
    are given, ``n_scored`` and one ``score:<item>`` column (mean) per survey item.
    """

    assignments: pd.DataFrame
    clusters: pd.DataFrame
    n_clusters: int
    method: str
    silhouette: float | None = None
    silhouettes: dict[int, float] = field(default_factory=dict)
    overall_scores: pd.Series | None = None

    def __repr__(self) -> str:
        sil = "" if self.silhouette is None else f", silhouette={self.silhouette:.3f}"
        return (
            f"Clustering(n_statements={len(self.assignments)}, n_clusters={self.n_clusters}, "
            f"method={self.method!r}{sil})"
        )


def finnish_stop_words(extra: Iterable[str] = DOMAIN_STOP_WORDS) -> frozenset[str]:
    """spaCy's Finnish stop words (lower-case lemmas and forms) plus ``extra``."""
    from spacy.lang.fi.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS) | frozenset(w.lower() for w in extra)


# --------------------------------------------------------------------------- terms


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    raise ClusteringError(f"expected text, got {type(value).__name__}: {value!r:.80}")


def _lemma_lists(frame: pd.DataFrame, texts: list[str], lemmas_column: str) -> list[list[str]]:
    if lemmas_column in frame.columns:
        out = []
        for idx, cell in zip(frame.index, frame[lemmas_column].tolist(), strict=True):
            if not isinstance(cell, list | tuple | np.ndarray):
                raise ClusteringError(
                    f"column {lemmas_column!r}, row {idx!r}: expected a list of lemmas, got "
                    f"{type(cell).__name__} {cell!r:.80}"
                )
            out.append([str(x) for x in cell])
        return out
    from vastausanalyysi.nlp.pipeline import lemmatize

    return lemmatize(texts)


def _pipeline() -> Any:
    from vastausanalyysi.nlp import pipeline

    factory = getattr(pipeline, "default_pipeline", None)
    return factory() if factory is not None else pipeline.load_pipeline()


def _compound_terms(lemmas: Iterable[str]) -> dict[str, list[str]]:
    """lemma -> base forms of its compound parts and of their contiguous sequences."""
    nlp = _pipeline()
    distinct = sorted(set(lemmas))
    spans: dict[str, list[str]] = {}
    for lemma, doc in zip(distinct, nlp.pipe(distinct), strict=True):
        parts = [p for tok in doc for p in (getattr(tok._, "compound_parts", None) or [])]
        if len(parts) < 2:
            continue
        candidates = [
            "".join(parts[i:j])
            for i in range(len(parts))
            for j in range(i + 1, len(parts) + 1)
            if j - i < len(parts)
        ]
        spans[lemma] = list(dict.fromkeys(c.lower() for c in candidates))
    pieces = sorted({c for cs in spans.values() for c in cs})
    base: dict[str, str | None] = {}
    for piece, doc in zip(pieces, nlp.pipe(pieces), strict=True):
        words = [t for t in doc if not (t.is_space or t.is_punct)]
        known = len(words) == 1 and getattr(words[0]._, "is_known", True)
        lemma = words[0].lemma_.lower() if known else ""
        base[piece] = lemma if len(lemma) >= 3 and _WORD.search(lemma) else None
    out: dict[str, list[str]] = {}
    for lemma, candidates in spans.items():
        terms = [b for c in candidates if (b := base[c]) and b != lemma.lower()]
        if terms:
            out[lemma.lower()] = list(dict.fromkeys(terms))
    return out


def _statement_terms(
    lemma_lists: list[list[str]],
    has_text: np.ndarray,
    stop: frozenset[str],
    compound: bool,
) -> list[list[tuple[str, bool]]]:
    """Per statement: (term, is_compound_derived) pairs, stop words removed."""
    cleaned = [
        [x.lower() for x in lemmas if _WORD.search(x)] if ok else []
        for lemmas, ok in zip(lemma_lists, has_text, strict=True)
    ]
    expansions = _compound_terms(x for doc in cleaned for x in doc) if compound else {}
    out = []
    for doc in cleaned:
        terms = []
        for lemma in doc:
            if lemma in stop:  # nor its parts: "yhteistyö" gives neither "yhteisö" nor "työ"
                continue
            terms.append((lemma, False))
            terms.extend((t, True) for t in expansions.get(lemma, ()) if t not in stop)
        out.append(terms)
    return out


def _weighted_counts(
    docs: list[list[tuple[str, bool]]], compound_weight: float
) -> tuple[sparse.csr_matrix, list[str]]:
    vocabulary = sorted({t for doc in docs for t, _ in doc})
    column = {t: i for i, t in enumerate(vocabulary)}
    rows, cols, vals = [], [], []
    for r, doc in enumerate(docs):
        for term, derived in doc:
            rows.append(r)
            cols.append(column[term])
            vals.append(compound_weight if derived else 1.0)
    matrix = sparse.csr_matrix(
        (np.asarray(vals, dtype=float), (rows, cols)), shape=(len(docs), len(vocabulary))
    )
    matrix.sum_duplicates()
    return matrix, vocabulary


def _code_lists(frame: pd.DataFrame) -> list[list[str]]:
    from vastausanalyysi.summary.validation import code_list

    out: list[list[str]] = [[] for _ in range(len(frame))]
    for column, prefix in _CODE_PREFIX.items():
        if column not in frame.columns:
            continue
        for pos, (idx, cell) in enumerate(zip(frame.index, frame[column].tolist(), strict=True)):
            try:
                codes = code_list(cell, column, idx)
            except SummaryError as exc:
                raise ClusteringError(str(exc)) from None
            out[pos].extend(f"{prefix}:{c}" for c in codes)
    return out


# --------------------------------------------------------------------------- clustering


def _choose_kmeans(
    z: np.ndarray, ks: Sequence[int], min_cluster_size: int, random_state: int
) -> tuple[np.ndarray, float | None, dict[int, float]]:
    tried: dict[int, tuple[float, np.ndarray, bool]] = {}
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=random_state).fit_predict(z)
        if len(set(labels)) < 2:
            continue
        score = float(
            silhouette_score(
                z,
                labels,
                metric="cosine",
                sample_size=min(len(z), _SILHOUETTE_SAMPLE),
                random_state=random_state,
            )
        )
        big_enough = bool(np.bincount(labels).min() >= min_cluster_size)
        tried[k] = (score, labels, big_enough)
    if not tried:
        return np.zeros(len(z), dtype=int), None, {}
    pool = {k: v for k, v in tried.items() if v[2]} or tried
    best = max(pool, key=lambda k: (round(pool[k][0], 12), -k))
    return pool[best][1], pool[best][0], {k: v[0] for k, v in tried.items()}


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Cluster ids by size (largest first), ties by first appearance."""
    ids, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(ids)), key=lambda i: (-counts[i], first[i]))
    mapping = {ids[i]: new for new, i in enumerate(order)}
    return np.array([mapping[x] for x in labels], dtype=int)


def _ctfidf(counts: sparse.csr_matrix, labels: np.ndarray, k: int) -> np.ndarray:
    """Class-based TF-IDF (BERTopic): tf within the cluster × log(1 + A / term frequency)."""
    member = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    per_class = np.asarray((member @ counts).todense(), dtype=float)
    totals = per_class.sum(axis=1, keepdims=True)
    tf = np.divide(per_class, totals, out=np.zeros_like(per_class), where=totals > 0)
    freq = per_class.sum(axis=0)
    avg = per_class.sum() / max(k, 1)
    idf = np.log1p(np.divide(avg, freq, out=np.zeros_like(freq), where=freq > 0))
    return tf * idf


def _top_terms(
    scores: np.ndarray, doc_freq: np.ndarray, vocabulary: list[str], n: int
) -> list[tuple[str, float]]:
    """The ``n`` best terms by c-TF-IDF as (term, number of the cluster's statements with it)."""
    order = sorted(
        (i for i in range(len(vocabulary)) if scores[i] > 0),
        key=lambda i: (-round(float(scores[i]), 12), -doc_freq[i], vocabulary[i]),
    )
    return [(vocabulary[i], float(doc_freq[i])) for i in order[:n]]


def _label(top: list[tuple[str, float]], n: int) -> str:
    """The first ``n`` top terms without overlap: a term inside one already taken is skipped, and
    a compound that contains a taken term replaces it when nearly as many statements have it
    (perhe → perhekeskus)."""
    chosen: list[tuple[str, float]] = []
    for term, freq in top:
        if any(term in c for c, _ in chosen):
            continue
        inside = [i for i, (c, _) in enumerate(chosen) if c in term]
        if inside:
            if freq >= _REPLACE_RATIO * max(chosen[i][1] for i in inside):
                chosen[inside[0]] = (term, freq)
                chosen = [c for i, c in enumerate(chosen) if i not in inside[1:]]
            continue
        if len(chosen) < n:
            chosen.append((term, freq))
    return ", ".join(c for c, _ in chosen)


@renamed_arguments(scores="respondent_scores", mapping="code_items")
def cluster_statements(
    tagged: pd.DataFrame | pd.Series | Sequence[str],
    *,
    n_clusters: int | Literal["auto"] = "auto",
    random_state: int = 0,
    text_column: str = "text",
    lemmas_column: str = "lemmas",
    id_column: str = "respondent_id",
    min_cluster_size: int = 3,
    max_clusters: int = 12,
    code_weight: float = 0.5,
    compound_weight: float = 0.7,
    compound_terms: bool = True,
    stop_words: Iterable[str] | None = None,
    extra_stop_words: Iterable[str] = (),
    svd_min_features: int = 100,
    svd_components: int = 50,
    small_set_threshold: float = 0.85,
    n_label_terms: int = 3,
    n_top_lemmas: int = 10,
    n_representatives: int = 3,
    n_codes: int = 5,
    respondent_scores: pd.DataFrame | None = None,
    code_items: Mapping[str, str | Sequence[str]] | None = None,
    items: Sequence[str] | None = None,
) -> Clustering:
    """Cluster statements by their lemmas, compound parts and codes; label clusters by c-TF-IDF.

    Parameters
    ----------
    tagged:
        Output of ``va.tag`` (``text``, optionally ``lemmas``, ``areas``, ``mechanisms``,
        ``respondent_id``), or plain texts.
    n_clusters:
        ``"auto"`` (silhouette over 2..min(max_clusters, n // 3); agglomerative for n < 6) or a
        number of clusters (1..number of statements with content).
    random_state:
        Seed of KMeans and TruncatedSVD: the same input gives the same output.
    min_cluster_size:
        With ``"auto"``, prefer numbers of clusters whose smallest cluster has at least this many
        statements (if no candidate does, the best silhouette wins). No statement becomes an
        outlier for being in a small cluster.
    code_weight, compound_weight:
        Weight of the tagged codes (relative to the text) and of compound-derived terms.
    stop_words, extra_stop_words:
        ``None``: :func:`finnish_stop_words` (spaCy's list plus :data:`DOMAIN_STOP_WORDS`).
    small_set_threshold:
        Cosine distance under which small sets (n < 6) merge statements.
    respondent_scores, code_items, items:
        ``Survey.scores`` (``respondent_id``, ``item``, ``value``): each cluster gets the mean of
        its respondents (each once) per item, as ``score:<item>`` columns. ``items`` chooses the
        items; default: those linked to codes (``code_items``, code id -> item(s), or the
        codebook) that occur in the scores, or every scored item when no link is known.
        (``scores=`` and ``mapping=`` are the deprecated names of the first two.)

    Returns
    -------
    :class:`Clustering`.
    """
    frame = _as_frame(tagged, text_column)
    if not (isinstance(n_clusters, int) and not isinstance(n_clusters, bool)) and (
        n_clusters != "auto"
    ):
        raise ClusteringError(f"n_clusters must be 'auto' or an integer, got {n_clusters!r}")
    for name, value in (("min_cluster_size", min_cluster_size), ("max_clusters", max_clusters)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ClusteringError(f"{name} must be a positive integer, got {value!r}")
    if text_column not in frame.columns:
        raise ClusteringError(
            f"text column {text_column!r} is not in the data; available columns: "
            + ", ".join(repr(str(c)) for c in frame.columns)
        )
    texts = [_text_of(v) for v in frame[text_column].tolist()]
    has_text = np.array([bool(t.strip()) for t in texts], dtype=bool)
    stop = finnish_stop_words() if stop_words is None else frozenset(w.lower() for w in stop_words)
    stop = stop | frozenset(w.lower() for w in extra_stop_words)

    lemma_lists = _lemma_lists(frame, texts, lemmas_column)
    docs = _statement_terms(lemma_lists, has_text, stop, compound_terms)
    code_lists = [c if ok else [] for c, ok in zip(_code_lists(frame), has_text, strict=True)]
    counts, vocabulary = _weighted_counts(docs, compound_weight)

    features = _features(counts, code_lists, code_weight)
    norms = np.sqrt(np.asarray(features.multiply(features).sum(axis=1)).ravel())
    valid = has_text & (norms > 0)
    positions = np.flatnonzero(valid)
    n_valid = len(positions)
    if isinstance(n_clusters, int) and not 1 <= n_clusters <= max(n_valid, 1):
        raise ClusteringError(
            f"n_clusters={n_clusters} is impossible for {n_valid} statement(s) with content"
        )

    z = _reduce(features[positions], svd_min_features, svd_components, random_state)
    labels, method, sil, sils = _cluster(
        z, n_clusters, min_cluster_size, max_clusters, small_set_threshold, random_state
    )
    labels = _renumber(labels) if n_valid else labels
    k = int(labels.max()) + 1 if n_valid else 0

    full = np.full(len(frame), NO_CLUSTER, dtype=int)
    full[positions] = labels
    similarity = np.full(len(frame), np.nan)
    centroids = np.zeros((k, z.shape[1])) if n_valid else np.zeros((0, 0))
    for c in range(k):
        centroid = z[labels == c].mean(axis=0)
        norm = np.linalg.norm(centroid)
        centroids[c] = centroid / norm if norm > 0 else centroid
    if n_valid:
        similarity[positions] = np.einsum("ij,ij->i", z, centroids[labels])

    ctf = _ctfidf(counts[positions], labels, k) if n_valid and vocabulary else np.zeros((k, 0))
    binary = (counts[positions] > 0).astype(float)
    rows = []
    for c in range(k):
        members = np.flatnonzero(labels == c)
        doc_freq = np.asarray(binary[members].sum(axis=0)).ravel()
        top = _top_terms(ctf[c], doc_freq, vocabulary, max(n_top_lemmas, n_label_terms * 3))
        order = members[np.lexsort((members, -np.round(similarity[positions][members], 12)))]
        rows.append(
            _cluster_row(
                c,
                _label(top, n_label_terms),
                [t for t, _ in top[:n_top_lemmas]],
                positions[order],
                texts,
                code_lists,
                n_representatives,
                n_codes,
            )
        )
    outliers = np.flatnonzero(full == NO_CLUSTER)
    if len(outliers):
        rows.append(
            _cluster_row(
                NO_CLUSTER, "", [], outliers, texts, code_lists, n_representatives, n_codes
            )
        )
    clusters = pd.DataFrame(
        rows,
        columns=[
            "cluster",
            "label",
            "size",
            "top_lemmas",
            "representatives",
            "codes",
            "code_counts",
        ],
    )
    labels_by_id = dict(zip(clusters["cluster"], clusters["label"], strict=True))
    assignments = pd.DataFrame(
        {
            "cluster": full,
            "cluster_label": [labels_by_id[c] for c in full],
            "similarity": similarity,
        },
        index=frame.index,
    )
    overall = _attach_scores(clusters, frame, full, id_column, respondent_scores, code_items, items)
    return Clustering(assignments, clusters, k, method, sil, sils, overall)


def _as_frame(data: Any, text_column: str) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame(name=text_column)
    if isinstance(data, str) or not isinstance(data, Iterable):
        raise ClusteringError(
            f"expected a DataFrame of tagged statements or a sequence of texts, "
            f"got {type(data).__name__}"
        )
    return pd.DataFrame({text_column: list(data)})


def _features(
    counts: sparse.csr_matrix, code_lists: list[list[str]], code_weight: float
) -> sparse.csr_matrix:
    n = counts.shape[0]
    blocks = []
    if counts.shape[1]:
        tfidf = TfidfTransformer(sublinear_tf=False, norm="l2").fit_transform(counts)
        blocks.append(sparse.csr_matrix(tfidf))
    code_vocab = sorted({c for codes in code_lists for c in codes})
    if code_vocab and code_weight > 0:
        index = {c: i for i, c in enumerate(code_vocab)}
        rows = [r for r, codes in enumerate(code_lists) for _ in dict.fromkeys(codes)]
        cols = [index[c] for codes in code_lists for c in dict.fromkeys(codes)]
        onehot = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(code_vocab)))
        blocks.append(normalize(onehot) * code_weight)
    if not blocks:
        return sparse.csr_matrix((n, 0))
    return normalize(sparse.hstack(blocks, format="csr"))


def _reduce(
    features: sparse.csr_matrix, min_features: int, components: int, random_state: int
) -> np.ndarray:
    n, d = features.shape
    if d > min_features and n > 3:
        svd = TruncatedSVD(n_components=min(components, n - 1, d - 1), random_state=random_state)
        return normalize(svd.fit_transform(features))
    return normalize(features).toarray() if n else np.zeros((0, d))


def _cluster(
    z: np.ndarray,
    n_clusters: int | str,
    min_cluster_size: int,
    max_clusters: int,
    threshold: float,
    random_state: int,
) -> tuple[np.ndarray, str, float | None, dict[int, float]]:
    n = len(z)
    if n == 0:
        return np.zeros(0, dtype=int), "none", None, {}
    if n == 1 or n_clusters == 1:
        return np.zeros(n, dtype=int), "single", None, {}
    distinct = len(np.unique(np.round(z, 10), axis=0))
    if isinstance(n_clusters, int):
        labels = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit_predict(z)
        sil = (
            float(silhouette_score(z, labels, metric="cosine"))
            if 1 < len(set(labels)) < n
            else None
        )
        return labels, "kmeans", sil, {}
    if distinct < 2:
        return np.zeros(n, dtype=int), "single", None, {}
    if n < _SMALL_SET:
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        ).fit_predict(z)
        sil = (
            float(silhouette_score(z, labels, metric="cosine"))
            if 1 < len(set(labels)) < n
            else None
        )
        return labels, "agglomerative", sil, {}
    upper = max(2, min(max_clusters, n // 3, distinct))
    labels, sil, sils = _choose_kmeans(z, range(2, upper + 1), min_cluster_size, random_state)
    return labels, "kmeans", sil, sils


def _cluster_row(
    cluster: int,
    label: str,
    top: list[str],
    ordered_positions: np.ndarray,
    texts: list[str],
    code_lists: list[list[str]],
    n_representatives: int,
    n_codes: int,
) -> dict[str, Any]:
    counter: Counter[str] = Counter()
    for pos in ordered_positions:
        counter.update(dict.fromkeys(code_lists[pos], 1))
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "cluster": cluster,
        "label": label,
        "size": len(ordered_positions),
        "top_lemmas": top,
        "representatives": [texts[p] for p in ordered_positions[:n_representatives]],
        "codes": [code for code, _ in ranked[:n_codes]],
        "code_counts": dict(ranked),
    }


def _attach_scores(
    clusters: pd.DataFrame,
    frame: pd.DataFrame,
    full: np.ndarray,
    id_column: str,
    scores: pd.DataFrame | None,
    mapping: Mapping[str, str | Sequence[str]] | None,
    items: Sequence[str] | None,
) -> pd.Series | None:
    from vastausanalyysi.summary.links import resolve_links
    from vastausanalyysi.summary.scores import check_scores

    available = () if scores is None or "item" not in scores else scores["item"].unique()
    links = resolve_links(mapping, available)
    clusters["linked_items"] = [
        list(dict.fromkeys(i for code in codes for i in links.get(code.split(":", 1)[1], ())))
        for codes in clusters["codes"]
    ]
    if scores is None:
        return None
    if id_column not in frame.columns:
        raise ClusteringError(
            f"scores need the respondent id column {id_column!r} in the statements; available "
            "columns: " + ", ".join(repr(str(c)) for c in frame.columns)
        )
    try:
        scores = check_scores(scores)
    except SummaryError as exc:
        raise ClusteringError(str(exc)) from None
    present = list(dict.fromkeys(scores["item"].dropna().tolist()))
    if items is None:
        linked = [i for its in links.values() for i in its]
        items = [i for i in dict.fromkeys(linked) if i in set(present)] or present
    ids = frame[id_column].to_numpy()
    scored = scores.dropna(subset=["value"])
    scored = scored[scored["item"].isin(list(items))]
    by_id = scored.groupby("respondent_id", sort=False)
    table = scored.pivot_table(index="respondent_id", columns="item", values="value")
    table = table.reindex(columns=list(items))
    n_scored, means = [], {item: [] for item in items}
    for cluster in clusters["cluster"]:
        members = pd.unique(ids[full == cluster])
        sub = table.reindex([m for m in members if m in by_id.groups])
        n_scored.append(len(sub))
        for item in items:
            means[item].append(float(sub[item].mean()) if len(sub) else float("nan"))
    clusters["n_scored"] = n_scored
    for item in items:
        clusters[f"score:{item}"] = means[item]
    return table.mean().rename("overall")


def clusters_by_group(tagged: pd.DataFrame, by: str, **options: Any) -> dict[Hashable, Clustering]:
    """:func:`cluster_statements` run separately within each value of the column ``by``."""
    if by not in tagged.columns:
        raise ClusteringError(
            f"by column {by!r} is not in the data; available columns: "
            + ", ".join(repr(str(c)) for c in tagged.columns)
        )
    return {
        value: cluster_statements(group, **options)
        for value, group in tagged.groupby(by, sort=True, dropna=False)
    }
