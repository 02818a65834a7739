"""The spaCy pipeline: extensions, lemmatize APIs, odd inputs, pickling, processes, threads."""

from __future__ import annotations

import math
import pickle
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import spacy
from spacy.language import Language

import vastausanalyysi as va
from vastausanalyysi.errors import InputTextError, VoikkoUnavailableError
from vastausanalyysi.nlp.component import FACTORY
from vastausanalyysi.nlp.pipeline import as_text, iter_docs, split_long_text
from vastausanalyysi.nlp.voikko import Analysis, VoikkoAnalyzer

TEXTS = [
    "Perhekeskusyhteistyö toimii hyvin, hyte-työssä on haasteita.",
    "Opiskeluhuollon työnjako on epäselvä ja opiskeluhoolto kaipaa vahvistamista.",
    "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden kanssa.",
    "Liisa Jurmu kertoi, että vuosikello ja palaverirakenne auttavat.",
]


# -- extensions ----------------------------------------------------------------------------


def test_token_extensions(nlp: Language) -> None:
    doc = nlp("Perhekeskusyhteistyö ja opiskeluhoolto, Jurmu.")
    compound, _, typo, _, name, _ = doc
    assert compound.lemma_ == "perhekeskusyhteistyö"
    assert compound._.compound_parts[:2] == ["perhe", "keskus"]
    assert compound._.analyses and all(isinstance(a, Analysis) for a in compound._.analyses)
    assert compound._.is_known and compound._.corrected_from is None
    assert typo._.corrected_from == "opiskeluhoolto" and typo.lemma_ == "opiskeluhuolto"
    assert not name._.is_known and name._.analyses == [] and name._.compound_parts == []
    assert doc[1]._.compound_parts == []  # a simple word


def test_factory_via_add_pipe() -> None:
    nlp = spacy.blank("fi")
    nlp.add_pipe(FACTORY, config={"fix_typos": False})
    assert [t.lemma_ for t in nlp("Kunnat tekevät yhteistyötä")] == ["kunta", "tehdä", "yhteistyö"]


def test_entry_point_works_without_importing_the_package() -> None:
    code = (
        "import spacy, sys; nlp = spacy.blank('fi'); nlp.add_pipe('vastausanalyysi_lemmatizer'); "
        "assert 'vastausanalyysi' in sys.modules['spacy'].registry.factories.get_all() or True; "
        "print(nlp('hytessä kunnat')[1].lemma_)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "kunta"


# -- lemmatize APIs ------------------------------------------------------------------------


def test_lemmatize_one_list_per_text_in_order() -> None:
    out = va.lemmatize(TEXTS)
    assert len(out) == len(TEXTS)
    assert out[0][:3] == ["perhekeskusyhteistyö", "toimia", "hyvin"]
    assert "," not in out[0] and "hyte-työ" in out[0]
    assert out[2][0] == "säännöllinen"
    assert va.lemmatize(TEXTS[::-1]) == out[::-1]


def test_lemmatize_tokens_one_lemma_per_token() -> None:
    sentences = [
        ["Perhekeskusyhteistyö", "toimii", ",", "hyte-työssä", "", "opiskeluhoolto", "."],
        ["Kunnat"],
        [],
    ]
    out = va.lemmatize_tokens(sentences)
    assert [len(s) for s in out] == [len(s) for s in sentences]
    assert out[0][:3] == ["perhekeskusyhteistyö", "toimia", ","]
    assert out[0][4] == "" and out[0][5] == "opiskeluhuolto"
    marked = va.lemmatize_tokens(sentences, mark_compounds=True)
    assert marked[0][0].startswith("perhe#keskus#") and marked[1] == ["kunta"]
    with pytest.raises(InputTextError, match="position 0"):
        va.lemmatize_tokens(["ei tokeneita"])  # type: ignore[list-item]


# -- odd inputs ----------------------------------------------------------------------------


def test_missing_empty_and_numbers() -> None:
    values = [None, math.nan, np.nan, pd.NA, pd.NaT, "", "   \n\t", 5, 3.5, np.int64(7), "ok"]
    out = va.lemmatize(values)
    assert out[:7] == [[]] * 7
    assert out[7:] == [["5"], ["3.5"], ["7"], ["ok"]]
    assert as_text(np.float64("nan")) == ""


@pytest.mark.parametrize("bad", [b"bytes", bytearray(b"x"), {"a": 1}, ["lista"]])
def test_non_text_raises_naming_the_position(bad: object) -> None:
    with pytest.raises(InputTextError, match="position 2"):
        va.lemmatize(["hyvä", "teksti", bad])


def test_single_string_is_an_error() -> None:
    with pytest.raises(InputTextError, match="wrap it in a list"):
        va.lemmatize("yksi teksti")


def test_junk_strings_do_not_crash() -> None:
    rng = np.random.default_rng(0)
    junk = "".join(chr(int(c)) for c in rng.integers(1, 0x2FFFF, 3000) if not 0xD800 <= c < 0xE000)
    texts = [
        "\x00\x01\x02 NUL \x00 keskellä",
        "\ud800 yksinäinen \udfff",
        junk,
        "\x1b[31m",
        "🙂" * 50,
    ]
    out = va.lemmatize(texts)
    assert len(out) == len(texts)
    assert "keskellä" in out[0] and "yksinäinen" in out[1]


def test_long_text_is_linear_and_whole() -> None:
    text = "Yhteistyö hyvinvointialueen kanssa toimii hyvin. " * 2000  # 100,000 characters
    (lemmas,) = va.lemmatize([text])
    assert len(lemmas) == 10000 and lemmas[:2] == ["yhteistyö", "hyvinvointialue"]


def test_texts_longer_than_max_length_are_processed_in_pieces() -> None:
    nlp = va.load_pipeline(max_length=1000)
    text = "Kunnat ja hyvinvointialueet tekevät yhteistyötä.\n" * 100  # 5,000 characters
    (doc,) = iter_docs([text], nlp)
    assert doc.text == text
    assert [t.lemma_ for t in doc][:3] == ["kunta", "ja", "hyvinvointialue"]
    assert va.lemmatize([text], nlp) == va.lemmatize([text])
    assert "".join(split_long_text("a" * 2500, 1000)) == "a" * 2500  # no whitespace: hard cuts


# -- pickling, processes, threads ----------------------------------------------------------


def test_pipeline_and_analyzer_pickle(nlp: Language) -> None:
    analyzer = VoikkoAnalyzer()
    analyzer.analyze("talo")
    copy = pickle.loads(pickle.dumps(analyzer))
    assert "_local" not in pickle.dumps(analyzer).decode("latin-1")  # no handle inside
    assert copy.analyze("talossa")[0].baseform == "talo"
    restored = pickle.loads(pickle.dumps(nlp))
    assert [t.lemma_ for t in restored("hytessä opiskeluhoolto")] == ["hyte", "opiskeluhuolto"]


def test_n_process_gives_the_same_result(nlp: Language) -> None:
    texts = TEXTS * 4
    single = va.lemmatize(texts, nlp, batch_size=4)
    multi = va.lemmatize(texts, nlp, n_process=2, batch_size=4)
    assert multi == single
    docs = list(iter_docs(texts[:4], nlp, n_process=2, batch_size=2))
    assert all(isinstance(a, Analysis) for a in docs[0][0]._.analyses)
    assert docs[1][5]._.corrected_from == "opiskeluhoolto"


def test_threads_give_the_same_result_as_one() -> None:
    texts = [f"{t} {i}" for i in range(30) for t in TEXTS]
    expected = va.lemmatize(texts, va.load_pipeline())
    nlp = va.load_pipeline()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda chunk: va.lemmatize(chunk, nlp), [texts, texts[::-1]]))
    assert results[0] == expected and results[1] == expected[::-1]


def test_each_thread_has_its_own_handle() -> None:
    analyzer = VoikkoAnalyzer()
    handles: list[object] = []
    barrier = threading.Barrier(2)

    def grab() -> None:
        barrier.wait()
        handles.append(analyzer.handle)

    threads = [threading.Thread(target=grab) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(handles) == 2 and handles[0] is not handles[1]


# -- missing dictionary --------------------------------------------------------------------


def test_missing_dictionary_path_says_what_to_install() -> None:
    with pytest.raises(VoikkoUnavailableError) as info:
        VoikkoAnalyzer(path="/nonexistent").analyze("talo")
    assert "voikko-fi" in str(info.value) and "/nonexistent" in str(info.value)


def test_empty_dictionary_dir_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOIKKO_DICTIONARY_PATH", str(tmp_path))
    with pytest.raises(VoikkoUnavailableError, match="apt-get install libvoikko1 voikko-fi"):
        VoikkoAnalyzer().analyze("talo")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # an ordinal date inside a sentence is one token: its stop ends no sentence
        ("Päätös tehtiin 22.9., ja se", ["Päätös", "tehtiin", "22.9.", ",", "ja", "se"]),
        (
            "Kokous pidettiin 3.10. kunnantalolla.",
            ["Kokous", "pidettiin", "3.10.", "kunnantalolla", "."],
        ),
        ("Sopimus (allekirjoitettu 1.2.) on voimassa", None),
        # at the end of a sentence, or a date with its year, it stays as spaCy gives it
        (
            "Kokous oli 22.9. Seuraava on 1.10.",
            ["Kokous", "oli", "22.9", ".", "Seuraava", "on", "1.10", "."],
        ),
        (
            "Laki tuli voimaan 1.1.2023. Sen jälkeen",
            ["Laki", "tuli", "voimaan", "1.1.2023", ".", "Sen", "jälkeen"],
        ),
    ],
)
def test_ordinal_dates_inside_a_sentence_are_one_token(
    nlp: Language, text: str, tokens: list[str] | None
) -> None:
    doc = nlp(text)
    if tokens is None:
        assert "1.2." in [t.text for t in doc]
    else:
        assert [t.text for t in doc] == tokens
    assert doc.text == text
