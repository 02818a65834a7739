"""One very long answer after tagging: what masking and clustering build for it (QA, 2026-12-07:
a 250,000-character answer ran out of 8 GB in ``cluster``, and a 400,000-character one with many
names spent 40 s moving evidence offsets). These tests hold the results of the linear versions;
``benchmarks/bench_long_answers.py --names`` shows their time and peak memory. The texts are
team-written for these tests.
"""

from __future__ import annotations

import random

import pandas as pd

from vastausanalyysi.clusters.statements import near_identical_keys, quote_key, statements_of
from vastausanalyysi.nlp.pii import MaskedParts
from vastausanalyysi.workflow import masked_offsets

SENTENCE = "Tiedonkulku kunnan ja hyvinvointialueen välillä on parantunut selvästi viime vuonna."


def test_statements_of_a_long_answer_in_a_string_column() -> None:
    """The masked text column is a pandas string column; its statements are built without it
    (copying it per statement took gigabytes) and it keeps its place."""
    answer = " ".join([SENTENCE] * 2_000)  # 2,000 statements of one answer
    frame = pd.DataFrame({"text": pd.Series([answer], dtype="str"), "polarity": ["works"]})
    out = statements_of(
        frame, text_column="text", id_column="id", question_column="q", split=True, need_tags=False
    )
    assert len(out) == 2_000 and out["text"].tolist() == [SENTENCE] * 2_000
    assert list(out.columns[-2:]) == ["text", "polarity"]  # the text column keeps its place
    assert out["polarity"].tolist() == ["works"] * 2_000


def test_long_statements_one_typo_apart_are_one_quote_and_two_apart_are_not() -> None:
    rng = random.Random(3)
    vocabulary = ["yhteistyö", "tiedonkulku", "perhekeskus", "sopimus"]
    words = [rng.choice(vocabulary) for _ in range(3000)]
    words[1500] = "tiedonkulku"
    one = " ".join(words)
    typo = " ".join([*words[:1500], "tiedonkulk", *words[1501:]])
    two = " ".join(["sopimukset", *words[1:1500], "tiedonkulk", *words[1501:]])
    texts = [one, typo, two]
    keys = near_identical_keys([quote_key(None, t) for t in texts], texts)
    assert keys[0] == keys[1] != keys[2]


def _naive_offset(pos: int, changed: list[tuple[int, int, str]], is_end: bool) -> int:
    shift = 0
    for s, e, label in changed:
        if e <= pos:
            shift += len(label) - (e - s)
        elif s < pos:
            return s + shift + (len(label) if is_end else 0)
        else:
            break
    return pos + shift


def test_masked_parts_agree_with_a_scan_of_every_part() -> None:
    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, 400), 2 * rng.randint(0, 8)))
        changed = [
            (a, b, rng.choice(["[NIMI]", "[EMAIL]", "[X]"]))
            for a, b in zip(cuts[::2], cuts[1::2], strict=True)
        ]
        parts = MaskedParts(changed)
        for _ in range(20):
            start = rng.randint(0, 400)
            end = rng.randint(start, 401)
            assert masked_offsets(start, end, changed) == (
                _naive_offset(start, changed, False),
                _naive_offset(end, changed, True),
            )
            first = next((c for c in changed if c[0] < end and start < c[1]), None)
            assert parts.overlapping(start, end) == first
