"""Stop words, class-based TF-IDF and the two-or-three-lemma labels of clusters."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from scipy import sparse

__all__ = [
    "DOMAIN_STOP_WORDS",
    "ctfidf",
    "finnish_stop_words",
    "is_label_word",
    "is_noun",
    "label_of",
    "normalise_term",
    "top_terms",
]

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
        "muun muassa",
        "jne",
        "ym",
        "yms",
        "tms",
        "ns",
        "osa",
        "lisäksi",
        "sujua",
        "sujuva",
        "sujuvasti",
        "yhdessä",
        "yhteinen",
        "onnistua",
        "tehdä",
        "hyvä",
        "hyvin",
        "asia",
        "tulla",
        "saada",
        "pitää",
    }
)
_PUNCTUATION = string.punctuation + "–—…«»“”‘’•·"
_LABEL_WORD = re.compile(r"^[^\W\d_]{2,}(?:-[^\W\d_]+)*$")
_REPLACE_RATIO = 0.75
#: word classes (Voikko) of the words a heading is made of; other words count this much less
_NOUN_CLASSES = frozenset(
    {"nimisana", "nimisana_laatusana", "nimi", "etunimi", "sukunimi", "paikannimi", "lyhenne"}
)
_NOT_NOUN = 0.5


def normalise_term(word: str) -> str:
    """Lower case without surrounding punctuation: ``"Mm."`` -> ``"mm"``."""
    return word.strip().strip(_PUNCTUATION).lower()


def finnish_stop_words(extra: Iterable[str] = DOMAIN_STOP_WORDS) -> frozenset[str]:
    """spaCy's Finnish stop words plus ``extra``, lower case, punctuation stripped."""
    from spacy.lang.fi.stop_words import STOP_WORDS

    words = {normalise_term(w) for w in STOP_WORDS} | {normalise_term(w) for w in extra}
    return frozenset(w for w in words if w)


def is_label_word(term: str) -> bool:
    """A word that may stand in a label: letters (and inner hyphens) only, two or more."""
    return bool(_LABEL_WORD.match(term))


def ctfidf(
    counts: sparse.csr_matrix, labels: np.ndarray, k: int, weights: np.ndarray
) -> np.ndarray:
    """Class-based TF-IDF (BERTopic): tf within the cluster × log(1 + A / term frequency).

    ``counts`` has one row per distinct statement, ``weights`` how many statements it stands for.
    """
    member = sparse.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    per_class = np.asarray((member @ counts).todense(), dtype=float)
    totals = per_class.sum(axis=1, keepdims=True)
    tf = np.divide(per_class, totals, out=np.zeros_like(per_class), where=totals > 0)
    freq = per_class.sum(axis=0)
    avg = per_class.sum() / max(k, 1)
    idf = np.log1p(np.divide(avg, freq, out=np.zeros_like(freq), where=freq > 0))
    return tf * idf


def top_terms(
    scores: np.ndarray, doc_freq: np.ndarray, vocabulary: list[str], n: int, size: float
) -> list[tuple[str, float]]:
    """The ``n`` best label words by c-TF-IDF as (term, statements of the cluster with it).

    Words that only one statement of a cluster of four or more has come after the others: a
    heading should name what several statements share. A heading is made of nouns first:
    among the ``4 n`` best, a verb, adjective or adverb counts half its score ("tiedonkulku,
    toimintamalli" rather than "jättää, tarjolla, päästä").
    """
    shared = 2 if size >= 4 else 1
    best = sorted(
        (i for i in range(len(vocabulary)) if scores[i] > 0 and is_label_word(vocabulary[i])),
        key=lambda i: (doc_freq[i] < shared, -round(float(scores[i]), 12), vocabulary[i]),
    )[: 4 * n]  # the word class is looked up for these only
    order = sorted(
        best,
        key=lambda i: (
            doc_freq[i] < shared,
            -round(float(scores[i]) * (1.0 if is_noun(vocabulary[i]) else _NOT_NOUN), 12),
            -doc_freq[i],
            vocabulary[i],
        ),
    )
    return [(vocabulary[i], float(doc_freq[i])) for i in order[:n]]


@lru_cache(maxsize=100_000)
def is_noun(term: str) -> bool:
    """A noun or name by Voikko (a -minen/-us noun read as a verb form counts; unknown: yes)."""
    from vastausanalyysi.nlp.voikko import get_analyzer

    analyses = get_analyzer().analyze(term)
    own = [a for a in analyses if a.baseform.lower() == term]
    if not own:  # unknown, or read as an inflected form: "varautuminen" (varautua)
        return not analyses or term.endswith(("minen", "us", "ys", "os", "ös"))
    return any(a.word_class in _NOUN_CLASSES for a in own)


def label_of(top: list[tuple[str, float]], n: int) -> str:
    """The first ``n`` top terms without overlap, joined by ", ".

    A term inside one already taken is skipped, and a compound that contains a taken term
    replaces it when nearly as many statements have it (perhe -> perhekeskus).
    """
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
