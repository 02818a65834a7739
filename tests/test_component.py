"""The spaCy component: factory metadata, initialisation, saving and loading, extension writes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

import vastausanalyysi as va
from vastausanalyysi.errors import LexiconError
from vastausanalyysi.nlp import extensions
from vastausanalyysi.nlp.component import FACTORY, VoikkoLemmatizerComponent
from vastausanalyysi.nlp.extensions import fast_writes, set_annotations
from vastausanalyysi.nlp.lemmatizer import WordLemma
from vastausanalyysi.nlp.voikko import Analysis

USER_LEXICON = (
    "# a user lexicon\n"
    "blorppi\tnimisana\t-\t-\tinvented\n"
    "kvaakkelitiimi\tnimisana\tkvaakkeli tiimi\t-\t-\n"
)
TEXT = "Blorppia ja kvaakkelitiimissä, opiskeluhoolto ja perhekeskusyhteistyö hyte-työssä."


def annotations(nlp: Language, text: str = TEXT) -> list[tuple]:
    return [
        (
            t.text,
            t.lemma_,
            t._.lemma_marked,
            t._.compound_parts,
            t._.is_known,
            t._.corrected_from,
            [a.baseform for a in t._.analyses],
        )
        for t in nlp(text)
    ]


@pytest.fixture()
def user_lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "oma_sanasto.tsv"
    path.write_text(USER_LEXICON, encoding="utf-8")
    return path


def test_a_pipe_whose_factory_lists_everything_it_assigns() -> None:
    meta = Language.get_factory_meta(FACTORY)
    assert set(meta.assigns) == {
        "token.lemma",
        "token._.compound_parts",
        "token._.analyses",
        "token._.is_known",
        "token._.corrected_from",
        "token._.lemma_marked",
    }
    nlp = spacy.blank("fi")
    component = nlp.add_pipe(FACTORY)
    assert isinstance(component, Pipe) and isinstance(component, VoikkoLemmatizerComponent)


def test_the_factory_reads_no_file_and_initialize_does(tmp_path: Path) -> None:
    nlp = spacy.blank("fi")
    missing = str(tmp_path / "missing.tsv")
    nlp.add_pipe(FACTORY, config={"lexicon_path": missing})  # nothing read yet
    with pytest.raises(LexiconError, match=r"missing\.tsv"):
        nlp.initialize()


def test_nlp_initialize_and_lazy_first_use_agree(user_lexicon: Path) -> None:
    eager = spacy.blank("fi")
    eager.add_pipe(FACTORY, config={"lexicon_path": str(user_lexicon)})
    eager.initialize()
    lazy = spacy.blank("fi")
    lazy.add_pipe(FACTORY, config={"lexicon_path": str(user_lexicon)})
    assert annotations(lazy) == annotations(eager)
    assert annotations(lazy)[0][1] == "blorppi"


def test_saved_pipeline_needs_no_user_lexicon_file(tmp_path: Path, user_lexicon: Path) -> None:
    nlp = va.load_pipeline(lexicon_path=user_lexicon)
    expected = annotations(nlp)
    assert expected[0][1:5] == ("blorppi", "blorppi", [], True)
    assert expected[2][1:4] == ("kvaakkelitiimi", "kvaakkeli#tiimi", ["kvaakkeli", "tiimi"])
    assert annotations(va.load_pipeline())[0][1] != "blorppi"  # the lexicon makes a difference
    nlp.to_disk(tmp_path / "saved")
    user_lexicon.unlink()
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == [FACTORY]
    assert annotations(loaded) == expected
    origins = {e.origin for e in loaded.get_pipe(FACTORY).lemmatizer.lexicon}
    assert f"{user_lexicon}:2" in origins  # the entries are the ones read from the file


def test_saved_default_pipeline_keeps_the_decision_table(tmp_path: Path) -> None:
    nlp = va.load_pipeline()
    assert nlp.get_pipe(FACTORY).lemmatizer.table is not None
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    lemmatizer = loaded.get_pipe(FACTORY).lemmatizer
    assert lemmatizer.table is not None and len(lemmatizer.table) == len(
        nlp.get_pipe(FACTORY).lemmatizer.table
    )
    assert lemmatizer.typos is not None
    assert lemmatizer.typos.domain_words == nlp.get_pipe(FACTORY).lemmatizer.typos.domain_words
    assert annotations(loaded) == annotations(nlp)


def test_to_bytes_and_from_bytes(tmp_path: Path, user_lexicon: Path) -> None:
    nlp = va.load_pipeline(lexicon_path=user_lexicon, fix_typos=False)
    expected = annotations(nlp)
    data = nlp.to_bytes()
    user_lexicon.unlink()
    copy = spacy.blank("fi")
    copy.add_pipe(FACTORY, config={"lexicon_path": str(user_lexicon), "fix_typos": False})
    copy.from_bytes(data)
    assert copy.get_pipe(FACTORY).lemmatizer.typos is None
    assert annotations(copy) == expected
    assert expected[4][1] == "opiskeluhoolto"  # typo fixes stayed off


def test_pickled_component_keeps_its_name() -> None:
    nlp = va.load_pipeline()
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy.get_pipe(FACTORY).name == FACTORY
    assert annotations(copy) == annotations(nlp)


# -- the extension adapter ---------------------------------------------------------------------


def test_fast_writes_are_what_the_public_api_reads() -> None:
    assert fast_writes()  # the installed spaCy keeps values where the adapter writes them
    nlp = spacy.blank("fi")
    doc = Doc(nlp.vocab, words=["yksi", "kakssi", "kolme"])
    results = [
        WordLemma("yksi"),
        WordLemma("kaksi", ("kak", "si"), "kak#si", ("stored",), False, "kakssi"),  # type: ignore[arg-type]
        WordLemma("kolme", marked="kol#me"),
    ]
    set_annotations(doc, results)
    assert [t.lemma_ for t in doc] == ["yksi", "kaksi", "kolme"]
    assert doc[1]._.compound_parts == ["kak", "si"] and doc[1]._.is_known is False
    assert doc[0]._.compound_parts == [] and doc[0]._.is_known is True
    assert doc[1]._.corrected_from == "kakssi" and doc[0]._.corrected_from is None
    assert doc[2]._.lemma_marked == "kol#me" and doc[0]._.lemma_marked == "yksi"
    assert doc[1]._.analyses == ["stored"]  # a corrected token's stored readings
    assert doc[0]._.analyses and all(isinstance(a, Analysis) for a in doc[0]._.analyses)


def test_the_public_api_fallback_gives_the_same_annotations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nlp = va.load_pipeline()
    expected = annotations(nlp)
    monkeypatch.setattr(extensions, "fast_writes", lambda: False)
    assert annotations(nlp) == expected
    typo = nlp("opiskeluhoolto")[0]
    assert typo._.corrected_from == "opiskeluhoolto"
    assert typo._.analyses[0].baseform == "opiskeluhuolto"  # the corrected form's readings


def test_spacy_entry_point_names_the_component_factory() -> None:
    from importlib.metadata import entry_points

    from vastausanalyysi.nlp import component

    (point,) = [e for e in entry_points(group="spacy_factories") if e.name == FACTORY]
    assert point.load() is component.make_lemmatizer
