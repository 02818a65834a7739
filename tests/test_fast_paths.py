"""The fast paths of lemmatize, form counts, typo re-checks and language detection give what
the general paths give (team-written sentences)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from spacy.language import Language

import vastausanalyysi as va
from vastausanalyysi.nlp.language import detect_language, function_words
from vastausanalyysi.nlp.lemmatizer import FrozenCounts
from vastausanalyysi.nlp.pipeline import as_text, count_forms, iter_docs
from vastausanalyysi.nlp.voikko import get_analyzer

TEXTS = [
    "Perhekeskusyhteistyö toimii hyvin, hyte-työssä on haasteita.",
    "Opiskeluhuollon työnjako on epäselvä ja opiskeluhoolto kaipaa vahvistamista.",
    "opiskeluhoolto ja opiskeluhoolto taas: tiedonkulku takkuaa!!",
    "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden kanssa.",
    "Yhteistyo kunnan kanssa sujuu , mutta   resurssit eivät riitä.\n\nKiitos.",
    "perhe\u00adkeskus ja koulu\u200bterveydenhuolto",  # normalised at the door
    "",
    None,
    "123 - ?",
    "Kunnat ja hyvinvointialueet tekevät yhteistyötä. " * 40,  # in pieces below
]


def _doc_lemmas(texts: list, nlp: Language, counts: bool = True) -> list[list[str]]:
    """lemmatize() the general way: Docs through the whole pipeline."""
    cleaned = [as_text(t) for t in texts]
    found = FrozenCounts(count_forms(cleaned, nlp)) if counts else None
    docs = iter_docs(cleaned, nlp, form_counts=found)
    return [[t.lemma_ for t in doc if not (t.is_space or t.is_punct)] for doc in docs]


@pytest.mark.parametrize("max_length", [None, 300])
def test_direct_lemmatize_equals_the_doc_path(max_length: int | None) -> None:
    nlp = va.load_pipeline(max_length=max_length)
    assert va.lemmatize(TEXTS, nlp) == _doc_lemmas(TEXTS, nlp)
    assert va.lemmatize(TEXTS, nlp, corpus_counts=False) == _doc_lemmas(TEXTS, nlp, False)
    assert va.lemmatize(TEXTS, nlp, batch_size=2) == va.lemmatize(TEXTS, nlp)


def test_a_pipeline_with_other_components_takes_the_doc_path() -> None:
    nlp = va.load_pipeline()
    nlp.add_pipe("sentencizer", first=True)
    out = va.lemmatize(TEXTS, nlp)
    assert out == va.lemmatize(TEXTS)
    assert "opiskeluhuolto" in out[2]  # the typo fixed in both


def test_count_forms_counts_the_alphabetic_tokens() -> None:
    nlp = va.load_pipeline()
    texts = [as_text(t) for t in TEXTS] + ["İstanbul ÅÄÖ straße", "x" * 1500]
    expected: Counter[str] = Counter()
    for text in texts:
        expected.update(t.lower_ for t in nlp.tokenizer(text) if t.is_alpha)
    found = count_forms(texts, nlp)
    assert found == expected and found["opiskeluhoolto"] == 3


def test_frozen_counts_refuse_changes_and_give_the_decisions_of_a_counter() -> None:
    counts = FrozenCounts({"opiskeluhoolto": 3, "hyvin": 2})
    for change in (
        lambda: counts.__setitem__("a", 1),
        lambda: counts.update(a=1),
        lambda: counts.pop("hyvin"),
        counts.clear,
    ):
        with pytest.raises(TypeError):
            change()
    assert counts == {"opiskeluhoolto": 3, "hyvin": 2}
    lemmatizer = va.load_pipeline().get_pipe("vastausanalyysi_lemmatizer").lemmatizer
    sentences = [t.split() for t in TEXTS if t] * 2  # the second round reads the memo
    frozen = FrozenCounts(count_forms([" ".join(s) for s in sentences]))
    plain = Counter(frozen)
    for words in sentences:
        first = lemmatizer.lemmatize_words(words)
        a = lemmatizer.recheck_sentence(words, first, frozen)
        b = lemmatizer.recheck_sentence(words, first, plain)
        assert a == b
    assert lemmatizer.recheck_sentence(["opiskeluhoolto"], lemmatizer.lemmatize_words(
        ["opiskeluhoolto"]), frozen)[0].lemma == "opiskeluhuolto"  # fmt: skip


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _language_reference(text: str) -> str:
    """The module docstring's rules on the words of the whole text (no caches)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "other"
    lists, analyzer, n = function_words(), get_analyzer(), len(words)
    sv = sum(w in lists["sv"] for w in words) / n
    en = sum(w in lists["en"] for w in words) / n
    fi = sum(bool(analyzer.analyze(w)) for w in words) / n
    if fi < 0.6 and ((sv >= 0.2 and sv > en) or (fi < 0.5 and any("å" in w for w in words))):
        return "sv"
    if fi < 0.6 and en >= 0.2 and en > sv:
        return "en"
    if fi >= 0.4 or (sv == 0 and en == 0 and (n <= 4 or fi >= 0.2)):
        return "fi"
    return "other"


def test_language_counted_per_chunk_equals_the_whole_text() -> None:
    texts = [
        "Det fungerar bra—men inte alltid.",
        "The county's   services work well-ish,and\tthe school's too.",
        "Vi har inte fått svar på våra frågor.",
        "Yhteistyö toimii; ok!",
        "Å",
        "sote-yhteistyö ok",
        "don’t know what-to say 2023:ssa",
        "Kiitos\u00a0hyvästä\u2009esityksestä\u3000ja tuesta",
        "12 3 —",
    ]
    texts += [a + " " + b for a in texts for b in texts[:3]]
    assert detect_language(texts) == [_language_reference(t) for t in texts]
    assert detect_language(texts) == detect_language(texts)  # the second time from the cache


def test_tfidf_rows_equal_a_per_row_computation() -> None:
    """FeatureVectorizer.transform (one numpy pass over all rows) gives, bit for bit, each
    row's sublinear TF x IDF divided by np.linalg.norm over its features in first-seen order."""
    import numpy as np

    from vastausanalyysi.themes.features import FeatureVectorizer

    docs = [
        ["L:a", "L:b", "L:a", "P:c"],
        [],
        ["zz", "yy"],  # only unknown features: an empty row
        ["P:c", "L:d", "L:b", "L:b", "L:b", "zz", "L:e", "L:a"],
        [f"L:{w}" for w in "abcdeabcdaba"] * 3,  # repeats
        [f"L:w{k}" for k in (*range(40), *range(0, 40, 3))],  # long rows: BLAS sums in blocks
        [f"L:w{k}" for k in range(39, 0, -2)],
        *([f"L:w{k}" for k in range(n, 2 * n)] for n in range(12, 20)),
        ["L:e"],
    ]
    vec = FeatureVectorizer.fit(docs[:1] + docs[3:])
    vec.idf = np.random.default_rng(0).uniform(1.0, 6.0, len(vec.vocabulary))  # no round sums
    X = vec.transform(docs)
    assert X.shape == (len(docs), len(vec.vocabulary)) and X.has_canonical_format
    for i, feats in enumerate(docs):
        counts = Counter(f for f in feats if f in vec.index)
        js = np.array([vec.index[f] for f in counts], dtype=np.int64)
        vals = (1.0 + np.log(np.array(list(counts.values()), dtype=float))) * vec.idf[js]
        if len(vals):
            vals /= np.linalg.norm(vals)
        expected = dict(zip(js.tolist(), vals.tolist(), strict=True))
        row = X.getrow(i)
        assert dict(zip(row.indices.tolist(), row.data.tolist(), strict=True)) == expected
        assert vec.values(feats) == {vec.vocabulary[j]: v for j, v in expected.items()}
    assert X.nnz == sum(len(set(f for f in d if f in vec.index)) for d in docs) > 10


def test_reported_probabilities_are_the_model_s_rounded_to_four_digits() -> None:
    """tag(probabilities=True) rounds the whole probability matrix at once: the same floats as
    Python's round(p, 4) of each of the model's probabilities."""
    from vastausanalyysi.nlp.pipeline import default_pipeline, make_docs
    from vastausanalyysi.themes.shipped import default_model

    texts = [t for t in TEXTS if t] + ["Hyte-yhteistyö toimii, mutta tiedonkulku ei."]
    model = default_model()
    assert model is not None
    out = va.tag(texts, probabilities=True)
    docs = make_docs([as_text(t) for t in texts], default_pipeline())
    proba = model.predict_proba(docs)
    codebook = model.get_codebook()
    for k, scores in enumerate(out["probabilities"]):
        expected = {
            c: round(float(proba[k, j]), 4) for j, c in enumerate(model.codes_) if c in codebook
        }
        assert scores == expected and len(scores) > 5
