"""The token table (one pass per Doc) and what is shared through it: rows, scopes, TF-IDF rows."""

from __future__ import annotations

import dataclasses
import weakref
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from spacy.language import Language

import vastausanalyysi as va
from vastausanalyysi.themes.clauses import goal_scope, negated_tokens, scopes, split_clauses
from vastausanalyysi.themes.codes import norm_term
from vastausanalyysi.themes.features import FeatureVectorizer
from vastausanalyysi.themes.tokens import doc_table, token_ext

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "answers.csv"


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list:
    texts = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)["text"].tolist()
    return list(nlp.pipe(texts[::4]))


def test_rows_read_what_the_tokens_give(docs: list) -> None:
    checked = 0
    for doc in docs:
        table = doc_table(doc)
        assert len(table) == len(doc)
        last = len(doc) - 1
        for first in range(0, len(doc), 3):  # every evidence span's surface is doc.text sliced
            end = doc[last].idx + len(doc[last])
            assert table.surface(first, last) == doc.text[doc[first].idx : end]
        for token, row, start in zip(doc, table.rows, table.starts, strict=True):
            assert (row.text, row.lemma, start) == (token.text, token.lemma_, token.idx)
            assert row.norm == norm_term(token.lemma_ or token.text)
            word = not (token.is_punct or token.is_space or token.like_num or token.is_digit)
            assert row.word is word
            parts = token_ext(token, "compound_parts") or []
            assert row.norm in row.keys and norm_term(token.text) in row.keys
            if parts:
                assert norm_term(parts[-1]) in row.keys
            moods = {a.get("MOOD") for a in token_ext(token, "analyses") or []}
            assert row.moods == moods
            checked += 1
    assert checked > 500


def test_rows_from_the_components_results_are_those_read_from_the_tokens(
    docs: list, nlp: Language
) -> None:
    """A Doc our component annotated is read from its results (no extension values read back):
    the same rows as its copy gives, read from the tokens' attributes; a Doc whose extension
    values were added to since is read from the tokens again."""
    from vastausanalyysi.nlp.extensions import annotated_results

    typo = nlp("Perhekeskuksen yhteistyö toimi hyvin, mutta tiedonkulku kangertelle.")
    compared = 0
    for doc in [*docs[:150], typo]:
        copy = doc.copy()  # the same tokens and extension values, no results kept
        assert annotated_results(doc) is not None and annotated_results(copy) is None
        fast, slow = doc_table(doc), doc_table(copy)
        for token, a, b in zip(doc, fast.rows, slow.rows, strict=True):
            if token_ext(token, "corrected_from") is None:
                assert a is b  # the very same (shared) row
            else:  # a typo-corrected token's row is its own, built alike
                assert dataclasses.astuple(a) == dataclasses.astuple(b)
        assert (fast.starts, fast.spaces) == (slow.starts, slow.spaces)
        compared += len(doc)
    assert compared > 1200
    edited = nlp("Kuraattorit siirtyivät hyvinvointialueelle.")
    edited[0]._.is_known = False  # a value added after the component: read from the tokens
    assert annotated_results(edited) is None
    assert doc_table(edited).rows[0].known is False


def test_equal_tokens_share_a_row_and_the_table_is_built_once(docs: list) -> None:
    by_text: dict[tuple[str, str], set[int]] = {}
    for doc in docs:
        assert doc_table(doc) is doc_table(doc)
        for token, row in zip(doc, doc_table(doc).rows, strict=True):
            if token_ext(token, "corrected_from") is None:
                by_text.setdefault((token.text, token.lemma_), set()).add(id(row))
    shared = [ids for ids in by_text.values() if len(ids) == 1]
    assert len(shared) > 0.9 * len(by_text)


def test_scopes_are_computed_once_and_the_public_functions_give_copies(docs: list) -> None:
    lexicon = va.load_codebook().polarity
    doc = next(d for d in docs if scopes(d, lexicon).negated)
    found = scopes(doc, lexicon)
    assert scopes(doc, lexicon) is found
    negated = negated_tokens(doc, lexicon)
    assert negated == set(found.negated)
    negated.add(10_000)
    assert 10_000 not in scopes(doc, lexicon).negated
    clauses = split_clauses(doc, lexicon)
    assert [(c.start, c.end) for c in clauses] == [(s, e) for s, e, _, _ in found.clauses]
    clauses[0].works = 5.0
    assert split_clauses(doc, lexicon)[0].works == 0.0
    goal, need = goal_scope(doc, lexicon)
    assert (goal, need) == (set(found.goal), set(found.need))


def _reference_rows(vec: FeatureVectorizer, docs: list[list[str]]) -> list[dict[int, float]]:
    """TF-IDF rows computed one row at a time: column -> value."""
    out = []
    for feats in docs:
        counts: dict[int, int] = {}
        for f in feats:
            if f in vec.index:
                counts[vec.index[f]] = counts.get(vec.index[f], 0) + 1
        js = np.array(list(counts), dtype=np.int64)
        v = (1.0 + np.log(np.array(list(counts.values()), dtype=float))) * vec.idf[js]
        if len(v):
            v /= np.linalg.norm(v) or 1.0
        out.append(dict(zip(js.tolist(), v.tolist(), strict=True)))
    return out


def test_transform_equals_a_row_by_row_computation(docs: list) -> None:
    feats = [[f"L:{t.lemma_}" for t in doc] + ["L:ei-sanastossa"] for doc in docs]
    vec = FeatureVectorizer.fit(feats[::2], min_df=1)
    matrix = vec.transform(feats)
    assert matrix.shape == (len(feats), len(vec.vocabulary))
    for r, expected in enumerate(_reference_rows(vec, feats)):
        row = matrix.getrow(r)
        assert dict(zip(row.indices.tolist(), row.data.tolist(), strict=True)) == expected
    assert vec.transform([]).shape == (0, len(vec.vocabulary))
    assert vec.transform([["L:ei-sovitettu"]]).nnz == 0  # not in the vocabulary
    for feats_of, expected in zip(feats[:40], _reference_rows(vec, feats[:40]), strict=True):
        values = vec.values(feats_of)  # one text's row, by feature, without a matrix
        assert {vec.index[f]: v for f, v in values.items()} == expected
    assert vec.values(["L:ei-sovitettu"]) == {}


def test_a_lexicon_without_goal_words_uses_the_default_ones(nlp: Language) -> None:
    """An empty ``goal`` list falls back to the built-in goal words (not a crash)."""
    from vastausanalyysi.themes.codes import PolarityLexicon

    doc = nlp("Tavoitteena on parantaa tiedonkulkua, jotta yhteistyö toimisi.")
    found = scopes(doc, PolarityLexicon(works=frozenset({"toimia"})))
    assert {1, 7} <= found.goal  # from "on" to "toimisi", the words after "Tavoitteena"
    assert isinstance(found.contrast, tuple) and isinstance(found.negation, tuple)


def test_a_retokenised_doc_gets_a_new_table(nlp: Language) -> None:
    doc = nlp("Perhekeskus toimii hyvin yhdessä koulun kanssa.")
    before = doc_table(doc)
    assert len(before) == len(doc) == 7
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    after = doc_table(doc)
    assert len(after) == len(doc) == 6
    assert [r.text for r in after.rows] == [t.text for t in doc]


def test_a_table_leaves_with_its_doc(nlp: Language) -> None:
    doc = nlp("Perhekeskuksen yhteistyö toimii hyvin.")
    table = doc_table(doc)
    assert doc_table(doc) is table
    gone = weakref.ref(table)
    del doc, table
    assert gone() is None
