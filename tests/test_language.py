"""Language of an answer: fi, sv, en or other (team-written sentences)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.errors import InputTextError
from vastausanalyysi.nlp.language import detect_language, function_words

ROOT = Path(__file__).resolve().parents[1]

FINNISH = [
    "Yhteistyö hyvinvointialueen kanssa toimii hyvin, mutta tiedonkulku takkuaa.",
    "Perhekeskuksen palvelut ovat etääntyneet kunnasta.",
    "ei toimi",
    "sote",
    "luottamushenkiloiden valinen yhteistyo on kehittynyt myonteisesti",  # no ä/ö
    "Kiitos Liisa Jurmulle hyvästä esityksestä!",
]
SWEDISH = [
    "Samarbetet med välfärdsområdet fungerar bra, men informationen kommer ofta för sent.",
    "Det finns inga tydliga rutiner för elevhälsan i vår kommun.",
    "Vi har inte fått svar på våra frågor om lokalerna.",
    "Skolkuratorerna borde vara kvar i skolan.",
]
ENGLISH = [
    "The cooperation with the wellbeing services county works well in our municipality.",
    "There is no clear division of responsibilities between the county and the municipality.",
    "We have not received any information about the new family centre.",
    "Communication is unclear and the services are too far away.",
]


def test_finnish_swedish_english() -> None:
    texts = FINNISH + SWEDISH + ENGLISH
    expected = ["fi"] * len(FINNISH) + ["sv"] * len(SWEDISH) + ["en"] * len(ENGLISH)
    assert detect_language(texts) == expected


def test_other_and_missing() -> None:
    texts = ["", None, math.nan, "12345", "—", "Dzień dobry, wszystko działa bardzo dobrze."]
    assert detect_language(texts) == ["other"] * 6
    with pytest.raises(InputTextError, match="single str"):
        detect_language("Det fungerar bra")
    with pytest.raises(InputTextError, match="position 1"):
        detect_language(["ok", b"bytes"])


def test_lists_leave_out_words_that_are_also_finnish() -> None:
    lists = function_words()
    assert len(lists["sv"]) > 100 and len(lists["en"]) > 100
    for word in ("on", "ja", "en", "me", "he", "se", "no"):
        assert word not in lists["sv"] and word not in lists["en"]


def test_corpus_is_finnish() -> None:
    texts = pd.read_csv(ROOT / "corpus" / "answers.csv")["text"]
    langs = detect_language(texts)
    words = [
        t
        for t, lang in zip(texts, langs, strict=True)
        if lang != "fi" and any(c.isalpha() for c in str(t))
    ]
    assert len(langs) == len(texts) and words == []
    assert va.nlp.detect_language(["Det fungerar bra."]) == ["sv"]
