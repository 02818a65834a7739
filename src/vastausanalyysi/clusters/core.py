"""``cluster_statements``: split, select, represent, cluster, label and describe statements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Literal

import numpy as np
import pandas as pd

from vastausanalyysi.clusters.describe import (
    big_groups,
    closed_cluster,
    clusters_frame,
    describe_cluster,
)
from vastausanalyysi.clusters.labels import (
    NO_CLUSTER_LABEL,
    capitalised_forms,
    code_names,
    ctfidf,
    display_forms,
    fallback_label,
    finnish_stop_words,
    in_label_form,
    label_of,
    label_share,
    normalise_term,
    person_names,
    personal_terms,
    small_county_places,
    top_terms,
    typo_terms,
)
from vastausanalyysi.clusters.model import (
    count_matrix,
    features,
    partition,
    reduce,
    statement_terms,
    without_placeholders,
)
from vastausanalyysi.clusters.scores import attach_scores
from vastausanalyysi.clusters.statements import (
    commonest_wording,
    near_identical_keys,
    quote_key,
    statements_of,
)
from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import ClusteringError, SummaryError
from vastausanalyysi.nlp.heap import frozen_heap
from vastausanalyysi.respondents import resolve_region
from vastausanalyysi.schema import LANGUAGE, MIN_CELL, POLARITIES
from vastausanalyysi.summary.validation import not_finnish_mask
from vastausanalyysi.text import is_missing, is_non_answer, question_matches

__all__ = ["NO_CLUSTER", "Clustering", "cluster_statements", "clusters_by_group"]

#: cluster id of statements with nothing to cluster on (empty text, a non-answer such as "eos" or
#: "Ei kommentteja.", or only stop words and names of people and no codes: "Matti Virtanen")
NO_CLUSTER = -1
_CODE_PREFIX = {"areas": "area", "mechanisms": "mech"}
_COUNTY_COLUMNS = ("county", "region")
_GROUP_COLUMNS = ("coarse_group", "group")
_MISSING = "\x00missing"  # the group of the respondents without a group (or county)


def _column(frame: pd.DataFrame, name: str, column: str | None, auto: Sequence[str]) -> str | None:
    """The column named by option ``name``: "auto" is the first of ``auto`` in the data (or
    None); a named column must be there."""
    if column == "auto":
        return next((c for c in auto if c in frame.columns), None)
    if column is not None and column not in frame.columns:
        raise ClusteringError(
            f"{name} {column!r} is not in the data; available columns: "
            + ", ".join(repr(str(c)) for c in frame.columns)
        )
    return column


@dataclass
class Clustering:
    """The result of :func:`cluster_statements`.

    ``assignments``: one row per selected statement, indexed by its input row's label (so
    without ``split`` and filters, the input's index): ``source_index``, ``respondent_id``,
    ``position``, ``text``, ``polarity``,
    ``cluster`` (``-1`` = nothing to cluster on), ``cluster_label``, ``similarity`` (cosine to the
    centre, weighted by respondents) and ``quote`` (near-identical statements share it).
    ``clusters``: one row per cluster (``-1`` last, if any): ``cluster``, ``label``, ``size``
    (statements), ``respondents``, ``share``, ``top_lemmas``, ``representatives`` (distinct,
    masked quotes), ``representative_ids`` (respondent ids of each quote; none of a respondent
    under the small-group rule),
    ``representative_sources`` (input rows), ``representative_counts`` (respondents),
    ``codes``, ``code_counts``, ``by_group`` / ``by_county`` (respondents per group and county;
    cells under ``min_cell`` are None), ``linked_items`` and, with scores, ``n_scored`` and
    ``score:<item>``.
    ``answers``: one row per input row (same index): ``cluster`` (its statements' most common
    cluster; missing if none was selected), ``clusters`` and ``n_statements``.
    ``excluded``: the statements left out by the polarity or question filter, or because
    ``tag()`` found them in another language than Finnish, with ``reason`` ("polarity",
    "question", "language").
    """

    assignments: pd.DataFrame
    clusters: pd.DataFrame
    n_clusters: int
    method: str
    silhouette: float | None = None
    silhouettes: dict[int, float] = field(default_factory=dict)
    overall_scores: pd.Series | None = None
    answers: pd.DataFrame | None = None
    excluded: pd.DataFrame | None = None
    stability: dict[int, float] = field(default_factory=dict)

    def __repr__(self) -> str:
        sil = "" if self.silhouette is None else f", silhouette={self.silhouette:.3f}"
        return (
            f"Clustering(n_statements={len(self.assignments)}, n_clusters={self.n_clusters}, "
            f"method={self.method!r}{sil})"
        )


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
    return pd.DataFrame({text_column: pd.Series(list(data), dtype=object)})


def _choices(value: str | Sequence[str] | None, name: str, allowed: Sequence[str] | None):
    if value is None:
        return None
    values = (value,) if isinstance(value, str) else tuple(value)
    if not values or (allowed is not None and any(v not in allowed for v in values)):
        raise ClusteringError(
            f"{name} must be one or more of {', '.join(allowed or ())}, got {value!r}"
        )
    return frozenset(values)


def _check_options(frame: pd.DataFrame, text_column: str, n_clusters: Any, **ints: Any) -> None:
    if not (isinstance(n_clusters, int) and not isinstance(n_clusters, bool)) and (
        n_clusters != "auto"
    ):
        raise ClusteringError(f"n_clusters must be 'auto' or an integer, got {n_clusters!r}")
    for name, value in ints.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ClusteringError(f"{name} must be a positive integer, got {value!r}")
    if text_column not in frame.columns:
        raise ClusteringError(
            f"text column {text_column!r} is not in the data; available columns: "
            + ", ".join(repr(str(c)) for c in frame.columns)
        )


def _lemma_lists(stmts: pd.DataFrame, lemmas_column: str) -> list[list[str]]:
    """Each statement's lemmas: the column's list, else lemmatised now."""
    cells = stmts[lemmas_column].tolist() if lemmas_column in stmts.columns else [None] * len(stmts)
    out: list[list[str] | None] = []
    for src, cell in zip(stmts["source_index"], cells, strict=True):
        if isinstance(cell, list | tuple | np.ndarray):
            out.append([str(x) for x in cell])
        elif is_missing(cell):
            out.append(None)
        else:
            raise ClusteringError(
                f"column {lemmas_column!r}, row {src!r}: expected a list of lemmas, got "
                f"{type(cell).__name__} {cell!r:.80}"
            )
    todo = [i for i, x in enumerate(out) if x is None]
    if todo:
        from vastausanalyysi.nlp.pipeline import lemmatize

        texts = stmts["text"].tolist()
        for i, lemmas in zip(todo, lemmatize([texts[i] for i in todo]), strict=True):
            out[i] = lemmas
    return [x or [] for x in out]


def _code_lists(stmts: pd.DataFrame) -> list[list[str]]:
    from vastausanalyysi.summary.validation import code_list

    out: list[list[str]] = [[] for _ in range(len(stmts))]
    for column, prefix in _CODE_PREFIX.items():
        if column not in stmts.columns:
            continue
        for pos, (src, cell) in enumerate(
            zip(stmts["source_index"], stmts[column].tolist(), strict=True)
        ):
            if cell is None:
                continue
            try:
                codes = code_list(cell, column, src)
            except SummaryError as exc:
                raise ClusteringError(str(exc)) from None
            out[pos].extend(f"{prefix}:{c}" for c in codes)
    return out


def _question(wanted: str, found: list[str]) -> str:
    """The question ``wanted`` names (itself, else the one that contains it); ClusteringError if
    none or several do."""
    hits = question_matches(wanted, found)
    if len(hits) == 1:
        return hits[0]
    listed = "; ".join(map(repr, found))
    what = "matches several questions" if hits else "matches no question"
    raise ClusteringError(f"question={wanted!r} {what}; the questions are: {listed}")


def _select(
    stmts: pd.DataFrame,
    polarity: frozenset[str] | None,
    question: frozenset[str] | None,
    question_column: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    reason = pd.Series([""] * len(stmts), dtype=object)
    if question is not None:
        if question_column not in stmts.columns:
            raise ClusteringError(
                f"question={sorted(question)!r} needs the column {question_column!r}; available "
                "columns: " + ", ".join(repr(str(c)) for c in stmts.columns)
            )
        found = list(dict.fromkeys(str(q) for q in stmts[question_column] if not is_missing(q)))
        chosen = [_question(q, found) for q in sorted(question)]
        off = ~stmts[question_column].astype(str).isin(chosen).to_numpy()
        reason[off] = "question"
    if LANGUAGE in stmts.columns:  # tag() found another language: no Finnish lemmas to group by
        # (before polarity: such a statement has no polarity of its own, QA 6 #8)
        reason[not_finnish_mask(stmts) & (reason == "").to_numpy()] = "language"
    if polarity is not None:
        off = ~stmts["polarity"].isin(list(polarity)).to_numpy() & (reason == "").to_numpy()
        reason[off] = "polarity"
    keep = (reason == "").to_numpy()
    excluded = stmts[~keep].assign(reason=reason[~keep].to_numpy()).reset_index(drop=True)
    return stmts[keep].reset_index(drop=True), excluded


@renamed_arguments(scores="respondent_scores", mapping="code_items")
@frozen_heap()  # full collections do not walk the caller's objects (0.3 s each after va.tag)
def cluster_statements(
    tagged: pd.DataFrame | pd.Series | Sequence[str],
    *,
    polarity: str | Sequence[str] | None = None,
    question: str | Sequence[str] | None = None,
    question_column: str = "question",
    split: bool = False,
    n_clusters: int | Literal["auto"] = "auto",
    random_state: int = 0,
    text_column: str = "text",
    lemmas_column: str = "lemmas",
    id_column: str = "respondent_id",
    group_column: str | None = "auto",
    county_column: str | None = "auto",
    min_cell: int = MIN_CELL,
    quotable_column: str | None = None,
    min_cluster_size: int = 3,
    max_clusters: int = 30,
    max_share: float = 0.25,
    code_weight: float = 0.5,
    mechanism_weight: float = 0.5,
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
    codebook: Any = None,
    mask: bool = True,
) -> Clustering:
    """Split answers into statements, cluster them and label the clusters.

    Parameters
    ----------
    tagged:
        Output of ``va.tag`` (``text``, ``lemmas``, ``areas``, ``mechanisms``, ``polarity``,
        ``respondent_id`` …), or plain texts.
    polarity, question:
        Keep only statements of these polarities (``("works", "mixed")`` for "what works",
        ``("problem", "mixed")`` for "what needs work") and/or answers to these questions (values
        of ``question_column``). Each statement has its own polarity: statements split from a
        longer answer are tagged on their own. Left-out statements are in ``excluded``.
    split:
        Split answers into sentences and list items (see ``clusters.statements``), each tagged
        on its own; the default ``False`` takes each row as one statement (one assignment per
        answer, as before). With ``split=True`` map statements to answers by ``source_index`` or
        use ``answers``.
    n_clusters:
        ``"auto"`` (the Ward cut stable under resampling with the best silhouette, up to
        ``max_clusters``; small sets of fewer than 6 distinct statements by a cosine threshold) or
        a number of clusters.
    random_state:
        Seed of the resampling that judges the stability of each number of clusters. The result
        does not depend on the input order.
    min_cluster_size:
        With ``"auto"``, prefer numbers of clusters whose smallest cluster has this many
        statements.
    max_share:
        From 100 statements on, no cluster holds more than this share of them unless it is one
        quote (near-identical statements).
    group_column, county_column, min_cell:
        Composition of each cluster by group and county in respondents (cells under ``min_cell``
        are None). Representatives, labels and top lemmas come only from respondents whose group
        and whose county each have at least ``min_cell`` respondents among the input's statements
        (small-group rule; before ``polarity`` and ``question`` select some). "auto":
        ``group_column`` is "coarse_group" or "group", ``county_column`` "county" or "region",
        whichever the data has first; None: no such column.
    quotable_column:
        A column of booleans: with it, only the rows marked true may be quoted or give a label
        word (a caller's own small-group rule, such as the report's, on top of the columns').
    code_weight, mechanism_weight, compound_weight:
        Weight of the tagged codes (relative to the text); of a mechanism code relative to an
        area code within a statement's codes (areas say what a statement is about, so they lead;
        a statement with only mechanisms is grouped by those); and of compound parts.
    stop_words, extra_stop_words:
        ``None``: :func:`finnish_stop_words`; matched after stripping punctuation ("mm.").
    respondent_scores, code_items, items:
        ``Survey.scores`` (``respondent_id``, ``item``, ``value``): each cluster gets its
        respondents' mean (each once) per item as ``score:<item>``; ``items`` chooses the items,
        default those linked to codes (``code_items`` or the codebook). (``scores=`` and
        ``mapping=`` are the deprecated names of the first two.)
    codebook:
        The codebook (``None``: the default; else what ``load_codebook`` takes) whose code names
        label a cluster without a label word (see ``labels.fallback_label``).
    mask:
        Mask personal data in the representatives (default); False keeps them as written.

    No statement is grouped by a person's name (a lemma the lemmatiser capitalises and Voikko
    reads as a first name or surname). A label is never empty: a cluster whose statements have
    no word fit for a label (only stop words besides their codes, or names the masker masks) is
    labelled by its commonest code's name in the codebook, else "nimetyt henkilöt" (names left
    out) or "muut lyhyet vastaukset"; the statements with nothing to cluster on (cluster ``-1``)
    are "ei ryhmiteltävää sisältöä".
    """
    frame = _as_frame(tagged, text_column)
    _check_options(
        frame,
        text_column,
        n_clusters,
        min_cluster_size=min_cluster_size,
        max_clusters=max_clusters,
        min_cell=min_cell,
    )
    if not 0 < max_share <= 1:
        raise ClusteringError(f"max_share must be in (0, 1], got {max_share!r}")
    polarities = _choices(polarity, "polarity", POLARITIES)
    questions = _choices(question, "question", None)
    group_column = _column(frame, "group_column", group_column, _GROUP_COLUMNS)
    county_column = _column(frame, "county_column", county_column, _COUNTY_COLUMNS)

    stmts = statements_of(
        frame,
        text_column=text_column,
        id_column=id_column,
        question_column=question_column,
        split=split,
        need_tags=polarities is not None,
    )
    # the small-group rule counts the respondents of all the input's statements, not only of
    # those selected (a group of ten with three "works" statements is no small group)
    big = {
        column: big_groups(
            _group_values(stmts, column), _respondents(stmts, id_column, frame), min_cell
        )
        for column in (group_column, county_column)
        if column is not None
    }
    stmts, excluded = _select(stmts, polarities, questions, question_column)
    stop = (
        finnish_stop_words() if stop_words is None else frozenset(map(normalise_term, stop_words))
    )
    stop = stop | frozenset(normalise_term(w) for w in extra_stop_words)

    texts = stmts["text"].tolist()
    lemma_lists = _lemma_lists(stmts, lemmas_column)
    capitalised = capitalised_forms(lemma_lists)
    names = person_names(capitalised)  # no statement is grouped by a person's name
    docs = statement_terms(without_placeholders(lemma_lists, texts), stop | names, compound_terms)
    codes = _code_lists(stmts)
    valid = np.array(
        [
            bool(t.strip()) and bool(d or c) and not is_non_answer(t)
            for t, d, c in zip(texts, docs, codes, strict=True)
        ],
        dtype=bool,
    )
    keys = [quote_key(lem, t) for lem, t in zip(lemma_lists, texts, strict=True)]
    chosen = np.flatnonzero(valid)
    # near-identical statements (typos, ä typed as a) are one quote: see near_identical_keys
    kinds = stmts["polarity"].tolist() if "polarity" in stmts.columns else None
    merged = near_identical_keys(
        [keys[i] for i in chosen],
        [texts[i] for i in chosen],
        None if kinds is None else [kinds[i] for i in chosen],
    )
    for i, key in zip(chosen, merged, strict=True):
        keys[i] = key
    # distinct statements in canonical order: the clustering never sees the input order
    unique = sorted({keys[i] for i in chosen})
    key_pos = {k: u for u, k in enumerate(unique)}
    members: list[list[int]] = [[] for _ in unique]
    for i in chosen:
        members[key_pos[keys[i]]].append(int(i))
    # each quote is read from its commonest wording (a typo of one respondent is no term)
    canon = [_commonest(m, texts) for m in members]
    weights = np.array([len(m) for m in members], dtype=float)
    n_u = len(unique)
    if isinstance(n_clusters, int) and not 1 <= n_clusters <= max(n_u, 1):
        raise ClusteringError(
            f"n_clusters={n_clusters} is impossible for {n_u} distinct statement(s) with content"
        )
    counts, vocabulary = count_matrix([docs[i] for i in canon], compound_weight)
    z = reduce(
        features(counts, [codes[i] for i in canon], code_weight, mechanism_weight),
        svd_min_features,
        svd_components,
        unique,
    )
    part = partition(
        z,
        weights,
        unique,
        n_clusters=n_clusters,
        random_state=random_state,
        min_cluster_size=min_cluster_size,
        max_clusters=max_clusters,
        max_share=max_share,
        small_set_threshold=small_set_threshold,
    )
    ids = stmts["respondent_id"].to_numpy(dtype=object)
    who = _respondents(stmts, id_column, frame)

    binary = (counts > 0).astype(float)
    # small-group rule: a quote only from respondents in a group and a county of min_cell or more
    eligible = np.ones(len(stmts), dtype=bool)
    small_counties: set[str] = set()
    if quotable_column is not None:
        if quotable_column not in stmts.columns:
            raise ClusteringError(f"quotable_column {quotable_column!r} is not in the data")
        eligible &= np.array([v is True for v in stmts[quotable_column].tolist()], dtype=bool)
    for column, shown in big.items():
        values = _group_values(stmts, column).tolist()
        eligible &= np.array([v in shown for v in values], dtype=bool)
        if column == county_column:
            small = {str(v) for v in values if v not in shown and v != _MISSING}
            small_counties = {c for c in map(resolve_region, small) if c is not None}
    # labels and top lemmas come from the statements that may be quoted: the words of a small
    # group's answers, whose text no output shows, are not published as a heading either
    open_weights = np.array([sum(bool(eligible[i]) for i in m) for m in members], dtype=float)
    labels_u = _renumber(part.labels, weights, open_weights)
    k = int(labels_u.max()) + 1 if n_u else 0
    sim_u = _similarities(z, labels_u, k, weights)

    cluster_of = np.full(len(stmts), NO_CLUSTER, dtype=int)
    similarity = np.full(len(stmts), np.nan)
    quote = np.full(len(stmts), -1, dtype=int)
    for u, m in enumerate(members):
        cluster_of[m] = labels_u[u]
        similarity[m] = sim_u[u]
        quote[m] = u
    ctf = ctfidf(counts, labels_u, k, open_weights) if n_u and vocabulary else np.zeros((k, 0))
    rows = []

    def describe(quotes: list[list[int]]) -> dict[str, Any]:
        return describe_cluster(
            quotes,
            texts,
            who,
            codes,
            n_representatives,
            n_codes,
            eligible,
            stmts,
            group_column,
            county_column,
            min_cell,
        )

    n_top = max(n_top_lemmas, n_label_terms * 3)
    members_of = [np.flatnonzero(labels_u == c) for c in range(k)]
    doc_freqs = [np.asarray(binary[m].T @ open_weights[m]).ravel() for m in members_of]
    sizes = [open_weights[m].sum() for m in members_of]
    # the labels and top lemmas leave out lemmas that are personal data (see personal_terms) and
    # typos (typo_terms): found among the best terms, then the best terms again without them,
    # until none is left
    personal: frozenset[str] = frozenset()
    checked: set[str] = set()
    counts: Counter[str] = Counter()
    for lemma, n in Counter(chain.from_iterable(lemma_lists)).items():
        counts[normalise_term(lemma)] += n
    canon_texts = [texts[i] for i in canon]
    canon_terms = [{t for t, _ in docs[i]} for i in canon]
    display: dict[str, str] = {}  # proper nouns and acronyms keep their capitals
    masked_spans: dict[int, list[tuple[int, int, str]]] = {}  # the masker's, once a statement
    scores, tops, redo = ctf.copy(), [[] for _ in range(k)], range(k)
    while True:
        for c in redo:  # the clusters that had a term left out in the last round (all at first)
            tops[c] = top_terms(scores[c], doc_freqs[c], vocabulary, n_top, sizes[c])
        new = {t for top in tops for t, _ in top} - checked
        if not new:
            break
        checked |= new
        display |= display_forms(new, capitalised, canon_texts, canon_terms)
        found = personal_terms(new, canon_texts, canon_terms, display, masked_spans)
        typos = typo_terms(new, counts)
        places = small_county_places(new, display, small_counties)
        if not found and not typos and not places:
            break
        personal |= found
        gone = found | typos | places
        cols = [j for j, t in enumerate(vocabulary) if t in gone]
        redo = np.flatnonzero((scores[:, cols] > 0).any(axis=1)).tolist()
        scores[:, cols] = 0.0
    names_cols = [j for j, t in enumerate(vocabulary) if t in personal]
    named = (ctf[:, names_cols] > 0).any(axis=1) if names_cols else np.zeros(k, dtype=bool)
    book: dict[str, str] | None = None
    position = {t: j for j, t in enumerate(vocabulary)}
    for c, (top, in_c) in enumerate(zip(tops, members_of, strict=True)):
        quotes = sorted(in_c.tolist(), key=lambda u: (-round(sim_u[u], 12), -weights[u], u))
        described = describe([members[u] for u in quotes])
        if not sizes[c]:  # small groups' statements only: nothing of them is published
            rows.append({"cluster": c, **closed_cluster(described)})
            continue
        terms = [t for t in label_of(top, n_label_terms, sizes[c]).split(", ") if t]
        label = ", ".join(in_label_form(terms, display))
        if not label:  # no word fit for a label: the commonest code's name, see fallback_label
            book = code_names(codebook) if book is None else book
            label = fallback_label(described["codes"], bool(named[c]), book)
        # the share of its statements that the label's words name (none for a code's name)
        share = label_share(binary[in_c], open_weights[in_c], [position[t] for t in terms])
        rows.append(
            {
                "cluster": c,
                "label": label,
                "label_share": round(share, 4) if terms else float("nan"),
                "top_lemmas": in_label_form((t for t, _ in top[:n_top_lemmas]), display),
                **described,
            }
        )
    outliers = np.flatnonzero(~valid)
    if len(outliers):
        rows.append(
            {
                "cluster": NO_CLUSTER,
                "label": NO_CLUSTER_LABEL,
                "label_share": float("nan"),
                "top_lemmas": [],
                **describe([[int(i)] for i in outliers]),
            }
        )
    # shares of the statements that may be shown: with a closed cluster's in the base, its
    # size would follow from the others' shares
    closed = sum(len(members[u]) for c in range(k) if not sizes[c] for u in members_of[c])
    clusters = clusters_frame(rows, len(stmts) - closed, mask=mask)
    label_by_id = dict(zip(clusters["cluster"], clusters["label"], strict=True))
    assignments = pd.DataFrame(
        {
            "source_index": stmts["source_index"].to_numpy(dtype=object),
            "respondent_id": ids,
            "position": stmts["position"].to_numpy(),
            "text": texts,
            "polarity": stmts["polarity"].to_numpy(dtype=object)
            if "polarity" in stmts.columns
            else [None] * len(stmts),
            "cluster": cluster_of,
            "cluster_label": [label_by_id.get(c, "") for c in cluster_of],
            "similarity": similarity,
            "quote": quote,
        },
        index=pd.Index(stmts["source_index"].tolist(), name=frame.index.name),
    )
    overall = attach_scores(
        clusters,
        ids if id_column in frame.columns else None,
        id_column,
        list(frame.columns),
        cluster_of,
        respondent_scores,
        code_items,
        items,
        min_cell,
    )
    return Clustering(
        assignments,
        clusters,
        k,
        part.method,
        part.silhouette,
        part.silhouettes,
        overall,
        _answers(frame.index, assignments),
        excluded,
        part.stability,
    )


def _group_values(stmts: pd.DataFrame, column: str) -> np.ndarray:
    """A group column's values per statement; respondents without one form one more group."""
    return np.array(
        [_MISSING if is_missing(v) else v for v in stmts[column].tolist()], dtype=object
    )


def _respondents(stmts: pd.DataFrame, id_column: str, frame: pd.DataFrame) -> np.ndarray:
    """Who wrote each statement: its respondent id, or its input row without an id column."""
    column = "respondent_id" if id_column in frame.columns else "source_index"
    return stmts[column].to_numpy(dtype=object)


def _commonest(members: list[int], texts: list[str]) -> int:
    """The first member statement with the quote's wording (see ``commonest_wording``)."""
    if len(members) == 1:
        return members[0]
    wording = commonest_wording([texts[i] for i in members])
    return min(i for i in members if texts[i] == wording)


def _renumber(labels: np.ndarray, weights: np.ndarray, open_weights: np.ndarray) -> np.ndarray:
    """Cluster ids by size in statements (largest first), ties by the first canonical member;
    the clusters of small groups' statements only (no ``open_weights``) last, by their first
    member, so that neither their id nor their place tells their size."""
    if not len(labels):
        return labels
    ids, first = np.unique(labels, return_index=True)
    size = np.bincount(labels, weights=weights)
    shown = np.bincount(labels, weights=open_weights)
    order = sorted(
        range(len(ids)),
        key=lambda i: (0, -size[ids[i]], first[i]) if shown[ids[i]] else (1, 0, first[i]),
    )
    mapping = {int(ids[i]): new for new, i in enumerate(order)}
    return np.array([mapping[int(x)] for x in labels], dtype=int)


def _similarities(z: np.ndarray, labels: np.ndarray, k: int, weights: np.ndarray) -> np.ndarray:
    """Cosine of each distinct statement to its cluster's centre, the centre weighted by how
    many wrote each statement: a statement of twenty respondents is nearer it, and quoted
    before, its variants of one respondent each."""
    if not len(z):
        return np.zeros(0)
    centroids = np.zeros((k, z.shape[1]))
    np.add.at(centroids, labels, z * weights[:, None])
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = np.divide(centroids, norms, out=np.zeros_like(centroids), where=norms > 0)
    return np.einsum("ij,ij->i", z, centroids[labels])


def _answers(index: pd.Index, assignments: pd.DataFrame) -> pd.DataFrame:
    """One row per input row: its statements' most common cluster (earliest on ties)."""
    by_row: dict[Any, list[int]] = {}
    for src, c in zip(assignments["source_index"], assignments["cluster"], strict=True):
        by_row.setdefault(src, []).append(int(c))
    main, lists, counts = [], [], []
    for label in index:
        cs = by_row.get(label, [])
        if len(cs) == 1:
            main.append(cs[0])
        else:
            tally = Counter(cs)
            main.append(max(cs, key=lambda c: (tally[c], -cs.index(c))) if cs else pd.NA)
        lists.append(list(dict.fromkeys(cs)))
        counts.append(len(cs))
    return pd.DataFrame(
        {"cluster": pd.array(main, dtype="Int64"), "clusters": lists, "n_statements": counts},
        index=index,
    )


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
