"""Non-answers: whole answers with nothing to code get no codes, polarity "neutral" and a
"non_answer" item in ``polarity_evidence``; answers that only start like one keep their tags.

The definition is the ``non_answers`` list of ``data/evaluative.yaml``, tested by
:func:`vastausanalyysi.text.is_non_answer`. Every sentence here is team-written (2026-12-06), in
the style of real Finnish survey exports, separately from the list.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi._resources import read_yaml
from vastausanalyysi.text import is_non_answer, non_answer_forms, non_answer_parts
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.features import as_docs
from vastausanalyysi.themes.polarity import rule_polarity

NON_ANSWERS = [
    # a one-word non-answer said again (QA 4, 2026-12-07)
    "eos eos",
    "EOS EOS EOS",
    "x x",
    "Ei kommentteja.",
    "ei",
    "EI",
    "Ei.",
    "Ei ole",
    "Ei mitään",
    "ei muuta",
    "Ei tällä hetkellä.",
    "Ei kommentoitavaa",
    "Ei lisättävää, kiitos.",
    "Ei mitään lisättävää!",
    "Ei mitään erityistä.",
    "Ei juuri nyt.",
    "ei tule mieleen",
    "En osaa sanoa",
    "en osaa sanoa mitään tähän",
    "EOS",
    "eos.",
    "Vaikea sanoa",
    "En tiedä.",
    "Ei ole kokemusta.",
    "En halua vastata.",
    "x",
    "xxx",
    "-",
    "?",
    "...",
    "–",
    "Kiitos",
    "Kiitos kyselystä!",
    "Kiitos hyvästä kyselystä.",
    "Kiitos mahdollisuudesta vastata.",
    "Hyvä kysely",
    "Hyvä kysely, kiitos!",
    "Toivottavasti tästä on hyötyä.",
    "Kiitos ja hyvää jatkoa!",
    "Ei muuta kuin kiitos.",
    "Ei kommentteja. Kiitos!",
    "Ei, kiitos.",
    "  Ei kommentteja  ",
    "- ei -",
    # a pointer to another answer has nothing to code of its own
    "Sama kuin edellä.",
    "Sama kuin edellisessä",
    "Kts. edellinen vastaus",
    "ks. yllä",
    "Kuten edellä totesin.",
    "Viittaan edelliseen vastaukseeni.",
    # not applicable, spelt with slashes or dots (QA 5)
    "N/A",
    "n/a",
    "n.a.",
    "e.o.s.",
    # Swedish answers of a bilingual municipality (QA 5)
    "Vet ej",
    "Vet inte.",
    "Ingen kommentar.",
    "Inget att tillägga",
]

NEAR_MISSES = [
    "ei ei toimi",  # a repeated word with content after it
    "Ei kommentteja, mutta tiedonkulku on heikkoa.",
    "Ei mikään.",
    "Ei ongelmia.",
    "Ei toimi.",
    "Ei mitään yhteistyötä.",
    "Ei ole yhteistyötä.",
    "Kiitos hyvästä yhteistyöstä!",
    "Neuvolapalvelut toimivat hyvin, kiitos siitä.",
    "En osaa sanoa, mutta kiinteistöasiat ovat yhä auki.",
    "Eos. Tiedonkulku takkuaa.",
    "Kysely oli liian pitkä.",
    "Hyvä yhteistyö.",
    "Ei kokemusta, koska yhteistyötä ei ole ollut.",
    "Ei muuta kuin että tiedonkulkua pitäisi parantaa.",
    "Toivottavasti tiedonkulku paranee.",
    "Kiitos Jukalle hyvästä työstä!",
    "Ei tällä hetkellä toimi mikään.",
    "x-ryhmän kokoukset toimivat.",
    "Ei kommentoitavaa perhekeskuksesta, se toimii.",
    "Perhekeskus",
    "123",
    "Sama kuin edellä, mutta tiedonkulku on heikkoa.",
    "Edellinen kunnanjohtaja hoiti asiat hyvin.",
    "ks. perhekeskuksen toimintamalli",
    "Samat ongelmat kuin aiemmin.",
    "kunta/alue -työnjako on epäselvä",
    "Tiedonkulku n/a, muuten hyvä.",
]


@pytest.mark.parametrize("text", NON_ANSWERS)
def test_non_answers_are_recognised(text: str) -> None:
    assert is_non_answer(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_answers_with_content_are_not_non_answers(text: str) -> None:
    assert not is_non_answer(text)


def test_the_whole_answer_decides_not_a_piece_of_it() -> None:
    assert is_non_answer("Ei kommentteja.")
    assert not is_non_answer("Ei kommentteja tiedonkulusta, se on heikkoa.")
    assert not is_non_answer("Tiedonkulku on heikkoa. Ei kommentteja.")
    assert is_non_answer("Ei kommentteja.\nKiitos!")
    assert is_non_answer(unicodedata.normalize("NFD", "Kiitos kyselystä!"))
    assert is_non_answer("") and is_non_answer(None) and is_non_answer(float("nan"))
    assert not is_non_answer("ei " * 300)  # longer than any non-answer: not looked up


def test_the_list_is_lower_case_words() -> None:
    entries = read_yaml("evaluative.yaml")["non_answers"]
    assert len(entries) >= 30
    forms = non_answer_forms()
    for form in forms:
        assert form == form.casefold() and form == " ".join(form.split()), form
        assert non_answer_parts(form) == [form], form  # no punctuation inside an entry
    # judgments stay out, whatever the question
    assert not {"ei mikään", "ei ongelmia", "ei toimi", "hyvä yhteistyö"} & forms


@pytest.fixture(scope="module")
def tagged() -> pd.DataFrame:
    return va.tag(NON_ANSWERS + NEAR_MISSES, probabilities=True)


def test_tag_gives_non_answers_no_codes_and_neutral_polarity(tagged: pd.DataFrame) -> None:
    rows = tagged.iloc[: len(NON_ANSWERS)]
    for _, row in rows.iterrows():
        assert row["areas"] == [] and row["mechanisms"] == [], row["text"]
        assert row["polarity"] == "neutral", row["text"]
        assert row["evidence"] == {} and row["probabilities"] == {}, row["text"]
        cues = row["polarity_evidence"]
        assert [c["rule"] for c in cues] == ["non_answer"], row["text"]
        assert cues[0]["polarity"] == "neutral"
        assert row["text"][cues[0]["start"] : cues[0]["end"]] == cues[0]["surface"]
        assert cues[0]["surface"] == row["text"].strip()


def test_near_misses_keep_their_tags(tagged: pd.DataFrame) -> None:
    rows = tagged.iloc[len(NON_ANSWERS) :].set_index("text")
    for cues in rows["polarity_evidence"]:
        assert all(c["rule"] != "non_answer" for c in cues)
    assert rows.loc["Ei toimi.", "polarity"] == "problem"
    assert rows.loc["Ei ongelmia.", "polarity"] == "works"
    assert rows.loc["Kiitos hyvästä yhteistyöstä!", "polarity"] == "works"
    assert rows.loc["Eos. Tiedonkulku takkuaa.", "polarity"] == "problem"
    assert rows.loc["Ei kommentteja, mutta tiedonkulku on heikkoa.", "polarity"] != "neutral"
    assert rows.loc["Perhekeskus", "areas"] == ["perhekeskus"]
    assert all(p for p in rows["probabilities"])


@pytest.mark.parametrize("polarity_mode", ["rules", "model", "hybrid"])
@pytest.mark.parametrize("mode", ["combined", "rules", "model"])
def test_the_rules_decision_holds_whatever_the_model_says(mode: str, polarity_mode: str) -> None:
    """Before, the learned polarity called "Kiitos kyselystä!", "x" and "eos" works and the
    negation rule called "ei" and "Ei kommentteja." problems."""
    texts = ["Kiitos kyselystä!", "x", "eos", "ei", "Ei kommentteja.", "Hyvä kysely"]
    out = va.tag(texts, mode=mode, polarity_mode=polarity_mode, question="toimii")
    assert out["polarity"].tolist() == ["neutral"] * len(texts)
    assert (out["areas"] + out["mechanisms"]).map(len).sum() == 0


def test_rule_polarity_of_a_non_answer_is_neutral_without_cues() -> None:
    lexicon = load_codebook().polarity
    for doc in as_docs(NON_ANSWERS):
        result = rule_polarity(doc, lexicon, has_codes=True, question="works")
        assert result.label == "neutral" and result.cues == [], doc.text


def test_compact_evidence_keeps_the_non_answer_item_and_none_leaves_it_out() -> None:
    compact = va.tag(["Ei kommentteja."], evidence="compact")
    assert compact.loc[0, "polarity_evidence"] == [
        {
            "surface": "Ei kommentteja.",
            "polarity": "neutral",
            "rule": "non_answer",
            "start": 0,
            "end": 15,
        }
    ]
    assert "polarity_evidence" not in va.tag(["Ei kommentteja."], evidence=False).columns


def test_empty_texts_get_no_non_answer_item() -> None:
    out = va.tag(["", "   ", None])
    assert out["polarity_evidence"].tolist() == [[], [], []]
    assert set(out["polarity"]) == {"neutral"}


def test_a_swedish_non_answer_keeps_its_mark() -> None:
    # language "sv" clears the Finnish codes, not the non-answer mark: it is no answer at all
    row = va.tag(["Vet inte.", "Skolan fungerar bra."]).iloc[0]
    assert row["language"] == "sv"
    assert [c["rule"] for c in row["polarity_evidence"]] == ["non_answer"]
