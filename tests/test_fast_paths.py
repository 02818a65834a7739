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


CONTEXT_TEXTS = [
    "Ne tehtävät ovat vielä auki, ja niitä hoidetaan yhteen kahdesti vuodessa.",
    "Ikääntyneiden palvelut toimivat parhaiten, kun ne sovitaan yhteen.",
    "Kuntouttavan työtoiminnan järjestäminen alusta alkaen on tehtävä yhdessä.",
    "opiskeluhoolto toimii; ne toimivat ajoissa ja kerran vuoteen.",
]


def _per_word(lemmatizer: object, words: list[str], method: str, *extra: object) -> list:
    """``method`` of ``lemmatizer`` called word by word with each word's neighbours."""
    last = len(words) - 1
    call = getattr(lemmatizer, method)
    return [
        call(w, *extra[:1], words[i - 1] if i else None, words[i + 1] if i < last else None,
             *extra[1:])
        for i, w in enumerate(words)
    ]  # fmt: skip


def test_sentence_paths_equal_word_by_word_calls() -> None:
    """lemmatize_words (per-form and per-context look-ups) and recheck_sentence (results it
    knows without calling recheck) give what the word-by-word calls give, also from their
    caches the second time."""
    nlp = va.load_pipeline()
    fast = nlp.get_pipe("vastausanalyysi_lemmatizer").lemmatizer
    slow = va.load_pipeline().get_pipe("vastausanalyysi_lemmatizer").lemmatizer
    sentences = [re.findall(r"\w+|[^\w\s]", t) for t in CONTEXT_TEXTS + TEXTS[:5]]
    counts = FrozenCounts(Counter(w.lower() for s in sentences for w in s if w.isalpha()))
    for _round in range(2):
        for words in sentences:
            first = fast.lemmatize_words(words)
            assert first == _per_word(slow, words, "lemmatize_word")
            expected = [
                slow.recheck(w, r, words[i - 1] if i else None,
                             words[i + 1] if i + 1 < len(words) else None, counts)
                for i, (w, r) in enumerate(zip(words, first, strict=True))
            ]  # fmt: skip
            assert fast.recheck_sentence(words, first, counts) == expected
    with pytest.raises(ValueError, match="results"):
        fast.recheck_sentence(["yksi", "kaksi"], fast.lemmatize_words(["yksi"]), counts)


def test_finnish_share_does_not_depend_on_what_was_analysed_before() -> None:
    """The 20 % Finnish-share rule counts cached chunks first: the label is the same whichever
    words were seen before (the reference asks Voikko about every word)."""
    texts = [
        "xqzv brrpt kwwq zzvt talo",  # 1 of 5 Finnish: fi
        "xqzv brrpt kwwq zzvt qqxr talo",  # 1 of 6: other
        "xqzv brrpt kwwq zzvt qqxr Talossa ja",  # 2 of 7: fi
        "Xqzv-brrpt kwwq, zzvt qqxr vvkk talo.",  # 1 of 7 words: other
    ]
    fresh = detect_language(texts)
    assert fresh == [_language_reference(t) for t in texts] == ["fi", "other", "fi", "other"]
    get_analyzer().analyze("talossa")  # now cached: counted before the other words
    assert detect_language(texts[::-1]) == fresh[::-1]


def test_long_doc_annotations_are_read_back() -> None:
    """Offsets past the shared key tuples (20,000 characters) are written as well."""
    nlp = va.load_pipeline()
    doc = nlp(" ".join(["perhekeskuksen", "kanssa"] * 1200))
    assert doc[-1].idx > 20_000
    assert {t._.lemma_marked for t in doc} == {"perhe#keskus", "kanssa"}
    assert {t.lemma_ for t in doc} == {"perhekeskus", "kanssa"}
    assert doc[-2]._.compound_parts == ["perhe", "keskus"]
