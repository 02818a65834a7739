"""Answers far longer than spaCy's limit: tagged whole, with their codes and exact evidence spans.

The long answers are corpus answers (corpus/answers.csv) recombined in a seeded random order.
How their cost grows with length is measured by ``benchmarks/bench_long_answers.py`` (CPU
time), not here.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.nlp.pipeline import CHUNK_CHARS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "answers.csv"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    corpus = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)
    out = []
    for text in corpus["text"]:
        text = text.strip()
        if len(text) > 20:
            out.append(text if text.endswith((".", "!", "?")) else text + ".")
    return out


def recombine(sentences: list[str], length: int, seed: int) -> tuple[str, list[str], list[int]]:
    """Corpus answers joined by spaces up to ``length`` characters, with each one's offset."""
    rng = random.Random(seed)
    parts: list[str] = []
    offsets: list[int] = []
    size = 0
    while size < length:
        offsets.append(size)
        parts.append(rng.choice(sentences))
        size += len(parts[-1]) + 1
    return " ".join(parts), parts, offsets


def spans(evidence: dict) -> set[tuple[str, int, int]]:
    return {(code, e["start"], e["end"]) for code, items in evidence.items() for e in items}


def check_spans(text: str, row: pd.Series) -> None:
    items = [e for group in row["evidence"].values() for e in group]
    for e in [*items, *row["polarity_evidence"]]:
        assert 0 <= e["start"] < e["end"] <= len(text), e
        assert text[e["start"] : e["end"]] == e["surface"], e


def test_a_million_character_answer_is_tagged_with_its_codes(sentences: list[str]) -> None:
    text, parts, offsets = recombine(sentences, 1_000_000, seed=5)
    assert len(text) >= 1_000_000 > 10 * CHUNK_CHARS - 1
    out = va.tag([text], model="rules")
    row = out.iloc[0]
    assert row["language"] == "fi"
    check_spans(text, row)

    # the same answers one by one: the long answer has the union of their codes, and their
    # evidence at the same places (shifted by each one's offset)
    single = va.tag(sorted(set(parts)), model="rules").set_index("text")
    codes: set[str] = set()
    expected: set[tuple[str, int, int]] = set()
    for part, offset in zip(parts, offsets, strict=True):
        one = single.loc[part]
        codes |= {*one["areas"], *one["mechanisms"]}
        expected |= {(c, a + offset, b + offset) for c, a, b in spans(one["evidence"])}
    assert {*row["areas"], *row["mechanisms"]} == codes
    assert len(codes) >= 15
    found = spans(row["evidence"])
    # context across answers may add or drop an item (a scope running on), but not more than 1 %
    assert len(expected & found) >= 0.99 * len(expected) > 10_000
    assert len(found - expected) <= 0.01 * len(expected)


def test_a_long_normalised_answer_points_into_the_text_as_given(sentences: list[str]) -> None:
    text, _, _ = recombine(sentences, int(1.5 * CHUNK_CHARS), seed=9)
    words = text.split(" ")
    marked = " ".join(
        w[:2] + "\u00ad" + w[2:] if i % 3 == 0 and len(w) > 5 else w for i, w in enumerate(words)
    )
    variant = unicodedata.normalize("NFD", marked.replace("yhteistyö", "yhteis\u200btyö"))
    assert len(variant) > len(text) > CHUNK_CHARS
    out = va.tag([text, variant], model="rules")
    plain, odd = out.iloc[0], out.iloc[1]
    for col in ("areas", "mechanisms", "polarity", "language"):
        assert plain[col] == odd[col], col
    assert len(spans(odd["evidence"])) == len(spans(plain["evidence"])) > 100
    check_spans(text, plain)
    check_spans(variant, odd)
