"""va.tag()'s language column: Finnish rules code only Finnish answers; summaries count the rest.

The Swedish and English answers below are team-written (written for these tests, about the same
topics as the Finnish survey answers).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.themes.batch import answer_languages

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "answers.csv"

SWEDISH = [  # team-written
    "Samarbetet med välfärdsområdet fungerar bra.",
    "Vi har regelbundna möten med kommunen och det fungerar.",
    "Det finns inga gemensamma lokaler och ansvaret är oklart.",
    "Familjecentret är ett bra exempel på samarbete.",
    "Informationen går inte fram mellan organisationerna.",
    "Elevhälsan och skolan samarbetar väl i vår kommun.",
]
ENGLISH = [  # team-written
    "Cooperation with the wellbeing services county works well.",
    "We meet regularly and the responsibilities are clear.",
    "There is no shared plan and the information does not flow.",
    "The family centre is a good example of working together.",
    "Nothing to add.",
    "Student welfare and the schools work closely with the county.",
]
SHORT_FINNISH = [  # team-written, as short as real survey answers often are
    "hyte",
    "Perhekeskus",
    "Tilat",
    "sote-yhteistyö ok",
    "oppilashuolto",
    "Tapaamiset",
    "TE-palvelut",
    "vastuuhenkilöt",
    "Kiinteistöt",
    "Nuorisotyö ja liikunta",
    "Tiedonkulku ontuu",
    "En osaa sanoa",
    "ok",
]
NO_WORDS = ["", "   ", "-", "123", "...", None]


def test_swedish_and_english_answers_are_flagged_and_get_no_codes() -> None:
    out = va.tag(SWEDISH + ENGLISH)
    assert out["language"].tolist() == ["sv"] * len(SWEDISH) + ["en"] * len(ENGLISH)
    for _, row in out.iterrows():
        assert row["areas"] == [] and row["mechanisms"] == []
        assert row["polarity"] == "neutral"
        assert row["evidence"] == {} and row["polarity_evidence"] == []
    assert all(row for row in out["lemmas"])  # the text is still processed (lemmas kept)


def test_non_finnish_answers_get_no_probabilities_either() -> None:
    out = va.tag([*SWEDISH[:2], "Perhekeskus toimii hyvin."], probabilities=True)
    assert out["probabilities"].tolist()[:2] == [{}, {}]
    assert out.loc[2, "probabilities"]["perhekeskus"] >= 0.5


def test_short_finnish_answers_are_finnish_and_keep_their_codes() -> None:
    out = va.tag(SHORT_FINNISH, model="rules")
    assert out["language"].tolist() == ["fi"] * len(SHORT_FINNISH)
    codes = dict(zip(SHORT_FINNISH, out["areas"] + out["mechanisms"], strict=True))
    assert codes["hyte"] == ["hyte"]
    assert codes["Perhekeskus"] == ["perhekeskus"]
    assert codes["Tilat"] == ["kiinteistot"]
    assert codes["Tapaamiset"] == ["tapaamiset"]
    assert "vastuuhenkilot" in codes["vastuuhenkilöt"]


def test_texts_without_words_have_no_language_and_are_tagged_as_before() -> None:
    out = va.tag(NO_WORDS, model="rules")
    assert out["language"].tolist() == [""] * len(NO_WORDS)
    assert out["areas"].map(len).sum() == 0
    assert set(out["polarity"]) == {"neutral"}
    assert answer_languages(["", "-", "x", "123"]) == ["", "", "fi", ""]


def test_language_does_not_depend_on_the_batch() -> None:
    texts = SWEDISH + SHORT_FINNISH + ENGLISH + NO_WORDS[:-1]
    together = answer_languages(texts)
    assert together == [answer_languages([t])[0] for t in texts]
    assert va.tag(texts, model="rules", batch_size=3)["language"].tolist() == together


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return pd.read_csv(CORPUS, dtype=str, keep_default_na=False)


def test_no_corpus_answer_is_taken_for_another_language(corpus: pd.DataFrame) -> None:
    languages = answer_languages(corpus["text"].tolist())
    assert len(languages) == len(corpus) > 1300
    odd = [(t, lang) for t, lang in zip(corpus["text"], languages, strict=True) if lang != "fi"]
    # only texts without a letter ("-") are not "fi": no corpus answer loses its codes
    assert all(lang == "" and not any(c.isalpha() for c in t) for t, lang in odd), odd[:5]


def test_frequencies_leave_non_finnish_answers_out_of_the_base() -> None:
    texts = ["Perhekeskus toimii.", "hyte", SWEDISH[3], ENGLISH[3], "", "Perhekeskus"]
    tagged = va.tag(texts, model="rules")
    tagged["respondent_id"] = ["r1", "r2", "r3", "r4", "r5", "r6"]
    tagged["group"] = ["a", "a", "a", "b", "b", "b"]
    freqs = va.theme_frequencies(tagged, "group", min_cell=1, secondary=False)
    cell = freqs.set_index(["group", "code"])
    assert cell.loc[("a", "perhekeskus"), ["n", "base", "not_finnish"]].tolist() == [1, 2, 1]
    assert cell.loc[("b", "perhekeskus"), ["n", "base", "not_finnish"]].tolist() == [1, 1, 1]
    assert (freqs["base"] + freqs["not_finnish"]).tolist() == va.theme_frequencies(
        tagged.drop(columns="language"), "group", min_cell=1, secondary=False
    )["base"].tolist()


def test_respondent_with_one_finnish_answer_stays_in_the_base() -> None:
    tagged = va.tag(["hyte", SWEDISH[0], ENGLISH[0]], model="rules")
    tagged["respondent_id"] = ["r1", "r1", "r2"]
    freqs = va.theme_frequencies(tagged, None, min_cell=1)
    row = freqs[freqs["code"] == "hyte"].iloc[0]
    assert (row["n"], row["base"], row["not_finnish"]) == (1, 1, 1)


def test_frequencies_without_a_language_column_have_no_not_finnish_column() -> None:
    tagged = va.tag(["hyte", SWEDISH[0]], model="rules").drop(columns="language")
    freqs = va.theme_frequencies(tagged, None, min_cell=1)
    assert "not_finnish" not in freqs.columns
    assert freqs["base"].iloc[0] == 2
