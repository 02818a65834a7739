"""The model's fast feature paths give, bit for bit, the matrices of the plain feature lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from spacy.language import Language

from vastausanalyysi.themes import features
from vastausanalyysi.themes.features import (
    FeatureVectorizer,
    doc_columns,
    doc_features,
)
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.shipped import default_model

ROOT = Path(__file__).resolve().parents[1]

#: Edge cases besides the corpus: empty, punctuation or numbers only, unknown words, repeats.
EXTRA = [
    "",
    " ",
    "...",
    "12 3 —",
    "Xyzzyq blorft.",
    "Hyte hyte hyte hyte-yhteistyö ja hyvinvointialueen hyvinvointialue.",
    "Tiedonkulku ei toimi, mutta yhteistyö perhekeskuksen kanssa on parantunut.",
]


@pytest.fixture(scope="module")
def model() -> ThemeClassifier:
    found = default_model()
    assert found is not None
    return found


def corpus() -> pd.DataFrame:
    return pd.read_csv(ROOT / "corpus" / "answers.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list:
    """The corpus's answers, then :data:`EXTRA`."""
    return list(nlp.pipe([*corpus()["text"], *EXTRA]))


def _same(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and a.data.tobytes() == b.data.tobytes()
    )


def test_doc_columns_give_the_matrix_of_the_feature_lists(
    model: ThemeClassifier, docs: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = model._tagger().tag_docs(docs)
    assert any(r.codes for r in rules) and any(not len(d) for d in docs)
    vocabulary = model.vectorizer_.vocabulary
    for words in (vocabulary, vocabulary[::3]):  # (not the shared model's own vectorizer)
        vec = FeatureVectorizer(words, np.random.default_rng(1).uniform(1.0, 6.0, len(words)))
        for given in (rules, None):
            expected = vec.transform(
                [doc_features(d, r) for d, r in zip(docs, given or [None] * len(docs), strict=True)]
            )
            for _ in range(2):  # the second time from the rows' cache
                got = vec.matrix(*doc_columns(docs, given, vec), len(docs))
                assert _same(got, expected) and got.nnz > 1000
    # a cache that starts over in the middle of the batches still gives the same matrix
    monkeypatch.setattr(features, "ROW_CACHE_MAX", 50)
    vec = model.vectorizer_
    expected = vec.transform([doc_features(d, r) for d, r in zip(docs, rules, strict=True)])
    for k in range(0, len(docs), 60):
        got = vec.matrix(
            *doc_columns(docs[k : k + 60], rules[k : k + 60], vec), len(docs[k : k + 60])
        )
        assert _same(got, expected[k : k + 60])
    assert len(vec.memo["rows"].ids) < 50 + 60 * 40


def test_decision_function_equals_the_product_of_the_feature_lists(
    model: ThemeClassifier, docs: list
) -> None:
    rules = model._tagger().tag_docs(docs)
    Xm = model.vectorizer_.transform(model._features(docs, rules))
    expected = np.asarray(Xm @ model.coef_.T) + model.intercept_
    assert model.decision_function(docs, rules).tobytes() == expected.tobytes()
    assert model.decision_function(docs).tobytes() == expected.tobytes()
    assert model.decision_function([]).shape == (0, len(model.codes_))
    with pytest.raises(ValueError, match="rule results"):
        model.decision_function(docs, rules[:-1])
