"""Representation and clustering of distinct statements, independent of their order.

Representation: lemmas as terms plus, for compounds, their parts and those longer part sequences
that are words of their own (in Voikko's dictionary as such, in the shipped word lists, or a
lemma of the data): "perhekeskusyhteistyö" gives "perhe", "keskus", "yhteistyö" and
"perhekeskus", never the fragment "keskusyhteistyö". TF-IDF over the terms, the tagged codes as
extra features (an area leads: within a statement's codes a mechanism counts
``mechanism_weight``), then LSA (TruncatedSVD) for large vocabularies.

Clustering: the distinct statements are first put in a canonical order (by their quote key), so
the input order cannot matter. Up to ``MAX_LEAVES`` distinct statements are the leaves of a
weighted Ward tree; beyond that, a mini-batch k-means initialised from a fixed hash order
summarises them into ``MICRO_CLUSTERS`` micro-clusters first (bounded memory). The tree is cut at
the number of clusters (2..``max_clusters``) with the best cosine silhouette times stability under
resampling (mean adjusted Rand index between the cut and the cut of trees on 80 % subsamples; the
seed chooses the subsamples, so it can only move that choice); a cluster over ``max_share`` of the
statements is replaced by its two branches. k-means started from the cut's centroids refines the
result (kept only if it makes no catch-all cluster).

The numerical steps (:func:`reduce`, :func:`partition`) run on one BLAS and OpenMP thread
(:func:`~vastausanalyysi.threads.single_threaded`): their matrices are small (tens of columns).
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import ClusterWarning
from sklearn.cluster import AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics import silhouette_score
from sklearn.metrics.pairwise import cosine_distances
from sklearn.preprocessing import normalize

from vastausanalyysi.clusters.labels import normalise_term
from vastausanalyysi.nlp.pii import PLACEHOLDERS
from vastausanalyysi.threads import single_threaded

__all__ = [
    "MAX_LEAVES",
    "Partition",
    "adjusted_rand",
    "compound_terms",
    "count_matrix",
    "cut_tree",
    "features",
    "partition",
    "reduce",
    "statement_terms",
    "ward_tree",
    "without_placeholders",
]

#: most distinct statements that are leaves of the Ward tree themselves; beyond this they are
#: summarised by ``MICRO_CLUSTERS`` micro-clusters
MAX_LEAVES = 1500
MICRO_CLUSTERS = 500
_TERM = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
_SMALL_SET = 6
_SILHOUETTE_SAMPLE = 1500
_RESAMPLES = 3
_RESAMPLE_SHARE = 0.8
_SVD_SEED = 0  # a numerical method's seed, fixed: the rows come in canonical order
#: Largest number of distinct statements the LSA and the micro-clusters are fitted on: a fixed
#: sample chosen by a hash of each statement (so independent of the input order); the other
#: statements are projected and assigned with what was fitted.
FIT_SAMPLE = 6000


# --------------------------------------------------------------------------- terms


@lru_cache(maxsize=1)
def _word_lists() -> frozenset[str]:
    from vastausanalyysi._resources import read_text

    words: set[str] = set()
    for name in ("domain_words.txt", "wordfreq.tsv"):
        for line in read_text(name).splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.split("\t")[0].strip().lower())
    return frozenset(words)


def _is_word(candidate: str, attested: frozenset[str]) -> bool:
    from vastausanalyysi.nlp.voikko import get_analyzer

    if candidate in attested or candidate in _word_lists():
        return True
    return any(
        a.baseform.lower() == candidate and not a.compound_parts()
        for a in get_analyzer().analyze(candidate)
    )


#: Voikko's classes of names whose compound parts say nothing (places and people; an
#: organisation's name, class "nimi", keeps its parts: "Perhekeskus", "Kaupunginhallitus").
_NAME_CLASSES = frozenset({"paikannimi", "etunimi", "sukunimi"})


def compound_terms(lemmas: Iterable[str], attested: Iterable[str] = ()) -> dict[str, list[str]]:
    """Compound lemma -> its part lemmas and the longer part sequences that are words.

    ``attested``: words known to be words (e.g. every lemma of the data) besides Voikko's
    dictionary and the shipped word lists. Simple words are not in the result.
    """
    from vastausanalyysi.nlp.voikko import get_analyzer

    analyzer = get_analyzer()
    known = frozenset(attested)
    out: dict[str, list[str]] = {}
    for lemma in sorted({normalise_term(x) for x in lemmas}):
        if not _TERM.match(lemma):
            continue
        analyses = analyzer.analyze(lemma)
        own = [a for a in analyses if a.baseform.lower() == lemma] or list(analyses)
        if any(a.word_class in _NAME_CLASSES for a in own):
            continue  # a place or a person: "jyväskylä" is no jyvänen + kylä
        parts = next((a.compound_parts() for a in own if len(a.compound_parts()) > 1), [])
        parts = [p.lower() for p in parts]
        if len(parts) < 2:
            continue
        terms = [p for p in parts if len(p) >= 3 and _TERM.match(p)]
        for size in range(2, len(parts)):
            for start in range(len(parts) - size + 1):
                sequence = "".join(parts[start : start + size])
                if _is_word(sequence, known):
                    terms.append(sequence)
        terms = [t for t in dict.fromkeys(terms) if t != lemma]
        if terms:
            out[lemma] = terms
    return out


#: the PII masker's placeholders; the lemmatiser gives each the lemma of its word ("[NIMI]" ->
#: "nimi", "[IP]" -> "ip")
_PLACEHOLDER = re.compile(
    r"\[(" + "|".join(re.escape(p[1:-1]) for p in sorted(PLACEHOLDERS)) + r")\]"
)


def without_placeholders(
    lemma_lists: Sequence[Sequence[str]], texts: Sequence[str]
) -> list[Sequence[str]]:
    """Each statement's lemmas without those of the masker's placeholders in its text: an
    answer masked before it came ("Kiitos [NIMI]!") has no word "nimi" to cluster or label on."""
    out: list[Sequence[str]] = []
    for lemmas, text in zip(lemma_lists, texts, strict=True):
        found = Counter(m.lower() for m in _PLACEHOLDER.findall(text)) if "[" in text else None
        if not found:
            out.append(lemmas)
            continue
        kept = []
        for lemma in lemmas:
            word = normalise_term(lemma)
            if found[word] > 0:
                found[word] -= 1
            else:
                kept.append(lemma)
        out.append(kept)
    return out


def statement_terms(
    lemma_lists: Sequence[Sequence[str]], stop: frozenset[str], compound: bool
) -> list[list[tuple[str, bool]]]:
    """Per statement: (term, is_compound_part) pairs; stop words (and their parts) left out."""
    term_of: dict[str, str] = {}  # each distinct lemma's term ("" if none), found once
    cleaned = []
    for lemmas in lemma_lists:
        doc = []
        for x in lemmas:
            t = term_of.get(x)
            if t is None:
                t = term_of[x] = t if _TERM.match(t := normalise_term(x)) else ""
            if t:
                doc.append(t)
        cleaned.append(doc)
    vocabulary = {x for doc in cleaned for x in doc}
    expansions = compound_terms(vocabulary, vocabulary) if compound else {}
    out = []
    for doc in cleaned:
        terms: list[tuple[str, bool]] = []
        for lemma in doc:
            if lemma in stop:  # nor its parts: "yhteistyö" gives no "työ"
                continue
            terms.append((lemma, False))
            terms.extend((t, True) for t in expansions.get(lemma, ()) if t not in stop)
        out.append(terms)
    return out


def count_matrix(
    docs: list[list[tuple[str, bool]]], compound_weight: float
) -> tuple[sparse.csr_matrix, list[str]]:
    """Weighted term counts (a compound part counts ``compound_weight``) and the vocabulary."""
    vocabulary = sorted({t for doc in docs for t, _ in doc})
    column = {t: i for i, t in enumerate(vocabulary)}
    rows = [r for r, doc in enumerate(docs) for _ in doc]
    cols = [column[t] for doc in docs for t, _ in doc]
    vals = [compound_weight if d else 1.0 for doc in docs for _, d in doc]
    matrix = sparse.csr_matrix(
        (np.asarray(vals, dtype=float), (rows, cols)), shape=(len(docs), len(vocabulary))
    )
    matrix.sum_duplicates()
    return matrix, vocabulary


def features(
    counts: sparse.csr_matrix,
    code_lists: list[list[str]],
    code_weight: float,
    mechanism_weight: float = 1.0,
) -> sparse.csr_matrix:
    """L2-normalised TF-IDF of the terms beside the codes, weighted ``code_weight`` in all.

    Within a statement's codes an area counts 1 and a mechanism (``mech:``) ``mechanism_weight``
    before the codes are normalised: a statement with an area is grouped by what it is about
    first; one with only mechanisms by those.
    """
    n = counts.shape[0]
    blocks = []
    if counts.shape[1]:
        blocks.append(sparse.csr_matrix(TfidfTransformer(norm="l2").fit_transform(counts)))
    code_vocab = sorted({c for codes in code_lists for c in codes})
    if code_vocab and code_weight > 0:
        index = {c: i for i, c in enumerate(code_vocab)}
        rows = [r for r, codes in enumerate(code_lists) for _ in dict.fromkeys(codes)]
        cols = [index[c] for codes in code_lists for c in dict.fromkeys(codes)]
        vals = [
            mechanism_weight if c.startswith("mech:") else 1.0
            for codes in code_lists
            for c in dict.fromkeys(codes)
        ]
        onehot = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(code_vocab)))
        onehot.eliminate_zeros()
        blocks.append(normalize(onehot) * code_weight)
    if not blocks:
        return sparse.csr_matrix((n, 0))
    return normalize(sparse.hstack(blocks, format="csr"))


@single_threaded
def reduce(
    features: sparse.csr_matrix,
    min_features: int,
    components: int,
    keys: Sequence[str] | None = None,
) -> np.ndarray:
    """Dense unit rows: LSA over ``min_features`` features, else the features themselves.

    With ``keys`` (one per row) and more than :data:`FIT_SAMPLE` rows, the LSA is fitted on
    the rows of :func:`fit_sample` and all rows are projected.
    """
    n, d = features.shape
    if d > min_features and n > 3:
        svd = TruncatedSVD(
            n_components=min(components, n - 1, d - 1), n_iter=3, random_state=_SVD_SEED
        )
        if keys is not None and n > FIT_SAMPLE:
            return normalize(svd.fit(features[fit_sample(keys, "lsa")]).transform(features))
        return normalize(svd.fit_transform(features))
    return normalize(features).toarray() if n else np.zeros((0, d))


# --------------------------------------------------------------------------- Ward tree


def ward_tree(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted Ward merges of the rows of ``x`` as (m-1, 2) node ids (leaves 0..m-1, merge t
    makes node m+t). Ties go to the lowest position, so the tree depends only on the row order."""
    m = len(x)
    cent, wt = x.astype(float).copy(), w.astype(float).copy()
    sq = (cent**2).sum(axis=1)
    d2 = np.maximum(sq[:, None] + sq[None, :] - 2 * cent @ cent.T, 0.0)
    dist = wt[:, None] * wt[None, :] / (wt[:, None] + wt[None, :]) * d2
    np.fill_diagonal(dist, np.inf)
    node, active = np.arange(m), np.ones(m, dtype=bool)
    nn = dist.argmin(axis=1) if m > 1 else np.zeros(m, dtype=int)
    nd = dist[np.arange(m), nn] if m > 1 else np.full(m, np.inf)
    merges = np.zeros((max(m - 1, 0), 2), dtype=int)
    for t in range(m - 1):
        i = int(np.argmin(nd))
        i, j = sorted((i, int(nn[i])))
        merges[t] = sorted((node[i], node[j]))
        cent[i] = (wt[i] * cent[i] + wt[j] * cent[j]) / (wt[i] + wt[j])
        wt[i] += wt[j]
        node[i] = m + t
        active[j] = False
        dist[j, :] = np.inf
        dist[:, j] = np.inf
        nd[j] = np.inf
        sq[i] = cent[i] @ cent[i]
        row = wt * wt[i] / (wt + wt[i]) * np.maximum(sq + sq[i] - 2 * (cent @ cent[i]), 0.0)
        row[~active] = np.inf
        row[i] = np.inf
        dist[i, :] = row
        dist[:, i] = row
        for r in np.flatnonzero(active & ((nn == i) | (nn == j))):
            nn[r] = int(dist[r].argmin())
            nd[r] = dist[r, nn[r]]
        better = active & (row < nd)
        nn[better], nd[better] = i, row[better]
        nn[i] = int(row.argmin())
        nd[i] = row[nn[i]]
    return merges


def cut_tree(
    merges: np.ndarray, leaf_weights: np.ndarray, k: int, max_weight: float | None = None
) -> np.ndarray:
    """Leaf labels of the tree cut into ``k`` branches; then any branch heavier than
    ``max_weight`` is replaced by its two sub-branches (as long as it has some)."""
    return _Cuts(merges, leaf_weights).labels(k, max_weight)


class _Cuts:
    """The cuts of one tree: node weights and each node's leaves (a range of one depth-first
    order of the leaves), computed once for all the numbers of clusters asked."""

    def __init__(self, merges: np.ndarray, leaf_weights: np.ndarray):
        m = len(leaf_weights)
        self.merges, self.m = merges, m
        nodes = max(2 * m - 1, 1)
        self.weight = np.concatenate([leaf_weights.astype(float), np.zeros(nodes - m)])
        count = np.ones(nodes, dtype=int)
        for t, (a, b) in enumerate(merges.tolist()):
            self.weight[m + t] = self.weight[a] + self.weight[b]
            count[m + t] = count[a] + count[b]
        first = np.zeros(nodes, dtype=int)  # each node's leaves: order[first : first + count]
        for t in range(m - 2, -1, -1):
            a, b = merges[t].tolist()
            first[a] = first[m + t]
            first[b] = first[m + t] + count[a]
        self.first, self.count = first, count
        self.order = np.empty(m, dtype=int)
        self.order[first[:m]] = np.arange(m)

    def labels(self, k: int, max_weight: float | None = None) -> np.ndarray:
        """Leaf labels of the cut into ``k`` branches, heavy branches split (see cut_tree)."""
        m, merges, weight = self.m, self.merges, self.weight
        if m == 1:
            return np.zeros(1, dtype=int)
        chosen = {2 * m - 2}
        while len(chosen) < min(k, m):
            top = max(chosen)
            chosen.remove(top)
            chosen.update(merges[top - m].tolist())
        while max_weight is not None:
            big = max(chosen, key=lambda n: (weight[n], n))
            if weight[big] <= max_weight or big < m:
                break
            chosen.remove(big)
            chosen.update(merges[big - m].tolist())
        labels = np.empty(m, dtype=int)
        for c, top in enumerate(sorted(chosen)):
            labels[self.order[self.first[top] : self.first[top] + self.count[top]]] = c
        return labels


# --------------------------------------------------------------------------- partition


@dataclass
class Partition:
    """Labels of the distinct statements and how they were found."""

    labels: np.ndarray
    method: str
    silhouette: float | None = None
    silhouettes: dict[int, float] = field(default_factory=dict)
    stability: dict[int, float] = field(default_factory=dict)


def _hash_order(keys: Sequence[str], salt: str) -> np.ndarray:
    digests = b"".join(
        hashlib.blake2b(f"{salt}\x00{k}".encode(), digest_size=8).digest() for k in keys
    )  # ordered as bytes = as big-endian integers; equal digests keep the keys' order
    return np.argsort(np.frombuffer(digests, dtype=">u8"), kind="stable")


def fit_sample(keys: Sequence[str], salt: str, order: np.ndarray | None = None) -> np.ndarray:
    """Sorted positions of at most :data:`FIT_SAMPLE` keys, chosen by a hash of each key
    (``order``: the keys' ``_hash_order`` for ``salt``, if already known)."""
    return np.sort((_hash_order(keys, salt) if order is None else order)[:FIT_SAMPLE])


def _leaves(z: np.ndarray, w: np.ndarray, keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Leaf of each statement and leaf centroids: the statements, or micro-clusters (fitted on
    :func:`fit_sample`'s statements, every statement assigned to its nearest)."""
    if len(z) <= MAX_LEAVES:
        return np.arange(len(z)), z
    order = _hash_order(keys, "leaves")
    init = z[order[:MICRO_CLUSTERS]]
    fit = fit_sample(keys, "leaves", order) if len(z) > FIT_SAMPLE else slice(None)  # no copy
    km = MiniBatchKMeans(
        n_clusters=MICRO_CLUSTERS,
        init=init,
        n_init=1,
        random_state=_SVD_SEED,
        batch_size=4096,
        max_iter=10,
    )
    leaf = km.fit(z[fit], sample_weight=w[fit]).predict(z)
    used, leaf = np.unique(leaf, return_inverse=True)
    return leaf, _centroids(z, w, leaf, len(used))


def _centroids(z: np.ndarray, w: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    member = sparse.csr_matrix((w, (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    sums = np.asarray(member @ z)
    totals = np.asarray(member.sum(axis=1)).ravel()
    return sums / np.maximum(totals, 1e-12)[:, None]


def _tree_labels(
    z: np.ndarray, w: np.ndarray, leaf: np.ndarray, n_leaves: int, ks: Sequence[int], share: float
) -> dict[int, np.ndarray]:
    """Statement labels of the Ward tree over ``leaf`` cut at each k of ``ks``."""
    used, leaf = np.unique(leaf, return_inverse=True)
    leaf_w = np.bincount(leaf, weights=w, minlength=len(used))
    tree = ward_tree(_centroids(z, w, leaf, len(used)), leaf_w)
    cap = share * w.sum()
    cuts = _Cuts(tree, leaf_w)
    return {k: cuts.labels(k, cap)[leaf] for k in ks}


def _refine(z: np.ndarray, w: np.ndarray, labels: np.ndarray, share: float) -> np.ndarray:
    k = int(labels.max()) + 1
    if k < 2:
        return labels
    init = normalize(_centroids(z, w, labels, k))
    refined = KMeans(n_clusters=k, init=init, n_init=1, max_iter=100).fit(z, sample_weight=w)
    out = refined.labels_
    sizes = np.bincount(out, weights=w, minlength=k)
    if sizes.max() > share * w.sum() + 1e-9 and sizes.max() > np.bincount(labels, weights=w).max():
        return labels  # refinement made a catch-all cluster: keep the cut
    return np.unique(out, return_inverse=True)[1]


@single_threaded
def partition(
    z: np.ndarray,
    w: np.ndarray,
    keys: Sequence[str],
    *,
    n_clusters: int | str,
    random_state: int,
    min_cluster_size: int,
    max_clusters: int,
    max_share: float,
    small_set_threshold: float,
) -> Partition:
    """Cluster the distinct statements ``z`` (unit rows, canonical order, weights ``w``)."""
    n = len(z)
    if n == 0:
        return Partition(np.zeros(0, dtype=int), "none")
    distinct = len(np.unique(np.round(z, 10), axis=0))
    if n == 1 or n_clusters == 1 or (n_clusters == "auto" and distinct < 2):
        return Partition(np.zeros(n, dtype=int), "single")
    if n_clusters == "auto" and n < _SMALL_SET:
        with warnings.catch_warnings():
            # z's rows are observations: a square z with a zero diagonal only looks like a
            # distance matrix to scipy ("Perhekeskus." and "Neuvola." as [[0, 1], [1, 0]])
            warnings.simplefilter("ignore", ClusterWarning)
            labels = AgglomerativeClustering(
                n_clusters=None,
                metric="cosine",
                linkage="average",
                distance_threshold=small_set_threshold,
            ).fit_predict(z)
        return Partition(labels, "agglomerative", _silhouette(z, labels))
    leaf, _ = _leaves(z, w, keys)
    n_leaves = int(leaf.max()) + 1
    if isinstance(n_clusters, int):
        cut = _tree_labels(z, w, leaf, n_leaves, [n_clusters], 1.0)[n_clusters]
        labels = _refine(z, w, cut, 1.0)
        return Partition(labels, "ward+kmeans", _silhouette(z, labels))
    share = max_share if w.sum() >= 100 else 1.0  # a cap on three topics of 12 makes no sense
    # at most a third as many clusters as statements (counting each distinct one by its weight:
    # twenty respondents' "Tiedonkulku." can be a cluster of its own)
    upper = max(2, min(max_clusters, max(n, round(w.sum())) // 3, distinct, n_leaves))
    ks = list(range(2, upper + 1))
    cuts = _tree_labels(z, w, leaf, n_leaves, ks, share)
    sample = np.sort(_hash_order(keys, "silhouette")[:_SILHOUETTE_SAMPLE])
    sils: dict[int, float | None] = {}
    for k in ks:  # a cut that the share cap makes the same as the one of k - 1: the same score
        same = k - 1 in sils and np.array_equal(cuts[k], cuts[k - 1])
        sils[k] = sils[k - 1] if same else _silhouette(z, cuts[k], None, sample, w)
    stability = {k: 0.0 for k in ks}
    resamples = max(_RESAMPLES, min(20, 6000 // n))  # small sets: more, cheap resamples
    for b in range(resamples):
        order = _hash_order(keys, f"resample {random_state} {b}")
        sub = np.sort(order[: max(2, round(_RESAMPLE_SHARE * n))])
        sub_cuts = _tree_labels(z[sub], w[sub], leaf[sub], n_leaves, ks, share)
        for k in ks:
            stability[k] += adjusted_rand(cuts[k][sub], sub_cuts[k]) / resamples
    big_enough = {k: bool(np.bincount(cuts[k], weights=w).min() >= min_cluster_size) for k in ks}
    pool = [k for k in ks if big_enough[k]] or ks

    def score(k: int) -> float:  # silhouette discounted by instability under resampling
        return round((sils[k] if sils[k] is not None else -1.0) * stability[k], 9)

    best = max(pool, key=lambda k: (score(k), -k))
    labels = _refine(z, w, cuts[best], share)
    clean = {k: float(v) for k, v in sils.items() if v is not None}
    return Partition(labels, "ward+kmeans", _silhouette(z, labels), clean, stability)


def adjusted_rand(a: np.ndarray, b: np.ndarray) -> float:
    """The adjusted Rand index of two labelings of non-negative integers: the same number as
    ``sklearn.metrics.adjusted_rand_score`` (the same integer pair counts), without its input
    checks, which cost more than the count on the many small comparisons of the resampling."""
    n = len(a)
    if n == 0:
        return 1.0
    pair = np.bincount(a.astype(np.int64) * (int(b.max()) + 1) + b).astype(np.int64)
    squares = int((pair**2).sum())
    rows = int((np.bincount(a).astype(np.int64) ** 2).sum())
    cols = int((np.bincount(b).astype(np.int64) ** 2).sum())
    tp, fp, fn = squares - n, cols - squares, rows - squares
    tn = n * n - fp - fn - squares
    if fn == 0 and fp == 0:
        return 1.0
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))


def _silhouette(
    z: np.ndarray,
    labels: np.ndarray,
    dist: np.ndarray | None = None,
    sample: np.ndarray | None = None,
    weights: np.ndarray | None = None,
) -> float | None:
    """Cosine silhouette of ``labels`` on the rows ``sample`` (default: the first
    :data:`_SILHOUETTE_SAMPLE`), from their distances ``dist`` or, with ``weights``, from the
    unit rows of ``z`` themselves (see :func:`weighted_silhouette`)."""
    if dist is None and sample is None:
        sample = np.sort(np.arange(len(z))[:_SILHOUETTE_SAMPLE])
        dist = cosine_distances(z[sample])
    assert sample is not None
    sub = labels[sample]
    statements = len(sub) if weights is None else weights[sample].sum()
    if not 1 < len(set(sub.tolist())) < statements:
        return None
    if weights is None:
        if dist is None:
            dist = cosine_distances(z[sample])
        return float(silhouette_score(dist, sub, metric="precomputed"))
    return weighted_silhouette(dist, sub, weights[sample], None if dist is not None else z[sample])


def weighted_silhouette(
    dist: np.ndarray | None,
    labels: np.ndarray,
    weights: np.ndarray,
    unit_rows: np.ndarray | None = None,
) -> float:
    """The silhouette of the statements behind distinct ones: a distinct statement of weight w
    stands for w statements at distance 0 from one another (the mean silhouette of the expanded
    data, computed without expanding it). With weights of 1 it is sklearn's silhouette score; a
    quote of twenty respondents alone in its cluster is a tight cluster, not a singleton of 0.

    ``unit_rows`` instead of ``dist``: the statements' unit (or zero) rows, whose cosine
    distances ``1 - x·y`` (0 to itself) are summed per cluster as ``1 - x·(sum of y)``, without
    the matrix of all pairs (n·d·k work, not n²·k)."""
    ids, own = np.unique(labels, return_inverse=True)
    member = np.zeros((len(labels), len(ids)))
    member[np.arange(len(labels)), own] = weights
    totals = member.sum(axis=0)
    rows = np.arange(len(labels))
    if unit_rows is None:
        assert dist is not None
        sums = dist @ member  # weighted distances of each statement to each cluster's statements
    else:
        x = np.asarray(unit_rows, dtype=float)
        sums = totals[None, :] - x @ (x.T @ member)
        sums[rows, own] -= (1.0 - (x * x).sum(axis=1)) * weights  # none to itself
    size = totals[own]
    a = sums[rows, own] / np.maximum(size - 1.0, 1e-12)  # the other statements of its cluster
    means = sums / np.maximum(totals, 1e-12)[None, :]
    means[rows, own] = np.inf
    b = means.min(axis=1)
    s = np.where(size > 1.0, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float((weights * s).sum() / weights.sum())
