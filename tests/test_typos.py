"""Conservative typo fixes: clear one-edit or umlaut fixes only, names and foreign words kept."""

from __future__ import annotations

import pytest

import vastausanalyysi as va
from vastausanalyysi.nlp.typos import (
    TypoCorrector,
    damerau_levenshtein_1,
    eligible,
    general_frequencies,
    is_umlaut_fix,
)


@pytest.fixture(scope="module")
def typos() -> TypoCorrector:
    return TypoCorrector()


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [
        ("opiskeluhoolto", "opiskeluhuolto"),  # Voikko ranks "opiskeluhiilto" first
        ("yhteisyö", "yhteistyö"),  # Voikko accepts it as yhteis+yö
        ("yhteistyo", "yhteistyö"),
        ("hyvinvontialue", "hyvinvointialue"),
        ("paatoksenteko", "päätöksenteko"),  # Voikko accepts it as paatos+teko
        ("kiinteistoasioissa", "kiinteistöasioissa"),
        ("tyollisyys", "työllisyys"),
        ("yhtestyö", "yhteistyö"),
        ("tapaamset", "tapaamiset"),
        ("luottamushenkilöden", "luottamushenkilöiden"),
        ("hyvinvointialuuen", "hyvinvointialueen"),  # Voikko suggests nothing
        ("perhekeskusyhteistyo", "perhekeskusyhteistyö"),
        # an e-noun's strong-grade stem (tavoite → tavoitte-), found by a blind sentence
        ("tavotteet", "tavoitteet"),
        ("tavotteita", "tavoitteita"),
    ],
)
def test_clear_typos_are_fixed(typos: TypoCorrector, typo: str, fixed: str) -> None:
    correction = typos.correct(typo)
    assert correction is not None, typo
    assert correction.corrected == fixed


@pytest.mark.parametrize(
    "word",
    [
        "Jurmu",  # a surname: Voikko suggests "Jurmo"
        "jurmu",
        "hyte",
        "asdfgh",
        "meeting",
        "workshop",
        "deadline",
        "covid",
        "kuntaliitos",  # a real word one edit from the domain word "kuntaliitto"
        "vuokrakeskustelu",
        "palaverirakenne",
        "yhteistyö",
        "TE24",
        "hyte2",
        "jne",
    ],
)
def test_other_words_are_left_alone(typos: TypoCorrector, word: str) -> None:
    assert typos.correct(word) is None


def test_ties_change_nothing() -> None:
    bare = TypoCorrector(domain_words=[], general={})  # corpus counts are the only evidence
    # "yhteydenpito/-pato/-peto" are one edit each from "yhteydenpto"
    assert len(bare.candidates("yhteydenpto")[0]) >= 2
    assert bare.correct("yhteydenpto") is None
    assert bare.correct("yhteydenpto", {"yhteydenpito": 1, "yhteydenpato": 1}) is None
    assert bare.correct("yhteydenpto", {"yhteydenpito": 3, "yhteydenpato": 2}) is None  # < 2x
    assert bare.correct("yhteydenpto", {"yhteydenpito": 2}).corrected == "yhteydenpito"


def test_corpus_counts_come_first(typos: TypoCorrector) -> None:
    assert typos.correct("yhtestyö").corrected == "yhteistyö"  # domain list
    assert typos.correct("yhtestyö", {"yhteystyö": 5}).corrected == "yhteystyö"


def test_candidates_keep_only_close_known_words(typos: TypoCorrector) -> None:
    cands, kind = typos.candidates("opiskeluhoolto")
    assert kind == "unknown"
    assert [c.word for c in cands] == ["opiskeluhuolto"]  # "opiskeluhiilto" is no word


def test_edit_distance_helpers() -> None:
    assert damerau_levenshtein_1("yhteisyö", "yhteistyö")
    assert damerau_levenshtein_1("palvelujne", "palvelujen")  # swap
    assert damerau_levenshtein_1("kunta", "kunto")
    assert not damerau_levenshtein_1("kunta", "kunta")
    assert not damerau_levenshtein_1("kunta", "kanto")
    assert is_umlaut_fix("paatoksenteko", "päätöksenteko")
    assert not is_umlaut_fix("päätös", "paatos")  # only a→ä, o→ö
    assert not is_umlaut_fix("kunta", "kunto")
    assert eligible("yhteistyo") and not eligible("Yhteistyo") and not eligible("te24x")


def test_general_frequency_list_is_shipped() -> None:
    freq = general_frequencies()
    assert freq["olla"] > 1000 and freq["yhteistyö"] > 0


def test_fix_in_the_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Opiskeluhoolto ja opiskeluhoolto toimii, Jurmu kiittää ja Opiskeluhoolto.")
    upper, lower, jurmu, inner = doc[0], doc[2], doc[5], doc[8]
    # a capital at the start of a sentence is no sign of a name: fixed like the lower-case word
    assert upper.lemma_ == "opiskeluhuolto"
    assert upper._.corrected_from == "Opiskeluhoolto"
    # a capitalised word inside a sentence may be a name: left alone
    assert inner.text == "Opiskeluhoolto" and inner._.corrected_from is None
    assert inner.lemma_ != "opiskeluhuolto"
    assert lower.lemma_ == "opiskeluhuolto"
    assert lower._.corrected_from == "opiskeluhoolto"
    assert lower._.compound_parts == ["opiskelu", "huolto"]
    assert jurmu._.corrected_from is None and not jurmu._.is_known


def test_no_fixes_when_turned_off() -> None:
    nlp = va.load_pipeline(fix_typos=False)
    token = nlp("opiskeluhoolto")[0]
    assert token._.corrected_from is None and not token._.is_known


def test_lemmatize_uses_the_corpus_counts() -> None:
    from vastausanalyysi.nlp.component import FACTORY

    nlp = va.load_pipeline()
    nlp.get_pipe(FACTORY).lemmatizer.typos = TypoCorrector(domain_words=[], general={})
    texts = ["yhteydenpto toimii", "yhteydenpito on sujuvaa", "yhteydenpito kunnan kanssa"]
    assert va.lemmatize(texts, nlp)[0][0] == "yhteydenpito"
    assert va.lemmatize(texts[:1], nlp)[0][0] == "yhteydenpto"  # alone: no evidence
    # without whole-input counts each batch counts for itself
    assert va.lemmatize(texts, nlp, corpus_counts=False, batch_size=1)[0][0] == "yhteydenpto"


def test_only_forms_near_known_words_are_looked_at(typos: TypoCorrector) -> None:
    """The known-word walk finds inflected and compound typos and nothing for other words."""
    assert "opiskeluhuolto" in typos.near_known("opiskeluhoolto")
    assert "yhteistyö" in typos.near_known("yhteisyö", "edit")
    assert "perhekeskusyhteistyö" in typos.near_known("perhekeskusyhteistyo")
    assert "luottamushenkilöiden" in typos.near_known("luottamushenkilöden")
    for word in ("asdfgh", "meeting", "workshop", "qwertyuiop"):
        assert typos.near_known(word) == [], word


def test_known_simple_words_skip_the_fixer(typos: TypoCorrector) -> None:
    analyses = typos.analyzer.analyze("talossa")
    assert typos.correct("talossa", analyses=analyses) is None
    assert "talossa" not in typos._candidates  # decided without generating candidates


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        (["Opiskeluhoolto", "toimii", "kohtuullisesti", "."], True),  # QA: sentence start
        (["opiskeluhoolto", "toimii", "."], True),
        (["Hyvin", "toimii", "Opiskeluhoolto", "."], False),  # inside a sentence: maybe a name
        (["OPISKELUHOOLTO", "toimii", "."], False),  # all capitals: an acronym or a shout
    ],
)
def test_sentence_initial_capital_is_no_name(sentence: list[str], fixed: bool) -> None:
    from vastausanalyysi.nlp.typos import fixable_form

    lemmatizer = va.load_pipeline().get_pipe("vastausanalyysi_lemmatizer").lemmatizer
    word = next(w for w in sentence if w.lower() == "opiskeluhoolto")
    results = lemmatizer.lemmatize_words(sentence)
    result = results[sentence.index(word)]
    assert (result.lemma == "opiskeluhuolto") is fixed
    assert (result.corrected_from == word) is fixed
    # the same decision with corpus counts (the component's batch path)
    counts = {w.lower(): 1 for w in sentence}
    rechecked = lemmatizer.recheck_sentence(sentence, results, counts)
    assert (rechecked[sentence.index(word)].lemma == "opiskeluhuolto") is fixed
    assert fixable_form("Opiskeluhoolto", initial=True) == "opiskeluhoolto"
    assert fixable_form("Opiskeluhoolto") is None
