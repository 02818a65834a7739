"""Property-based tests: arbitrary Unicode never loses or reorders a row (hypothesis)."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vastausanalyysi as va
from vastausanalyysi.schema import NON_ANSWER_RULE

# any text, including surrogates-free control, combining, zero-width and right-to-left characters
TEXTS = st.lists(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60) | st.none(),
    min_size=1,
    max_size=6,
)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _frame(texts: list[str | None]) -> pd.DataFrame:
    n = len(texts)
    index = pd.Index([f"r{i * 7 % 11}-{i}" for i in range(n)], name="rivi")  # not 0..n-1
    return pd.DataFrame(
        {
            "respondent_id": [f"v{i % 3}" for i in range(n)],
            "group": ["a" if i % 2 else "b" for i in range(n)],
            "text": texts,
        },
        index=index,
    )


@SETTINGS
@given(TEXTS)
def test_tag_keeps_every_row_and_index(texts: list[str | None]) -> None:
    frame = _frame(texts)
    tagged = va.tag(frame, model="rules")
    assert list(tagged.index) == list(frame.index)
    assert tagged["text"].tolist() == frame["text"].tolist()
    assert set(tagged["polarity"]) <= {"works", "problem", "mixed", "neutral"}
    for text, evidence in zip(tagged["text"], tagged["evidence"], strict=True):
        for items in evidence.values():
            for item in items:
                assert 0 <= item["start"] <= item["end"] <= len(text or "")


@SETTINGS
@given(TEXTS)
def test_theme_frequencies_counts_every_respondent_once(texts: list[str | None]) -> None:
    tagged = va.tag(_frame(texts), model="rules")
    freqs = va.theme_frequencies(tagged, "group", min_cell=1)
    answered = tagged[[isinstance(t, str) and t.strip() != "" for t in tagged["text"]]]
    for group, rows in freqs.groupby("group"):
        if rows["suppressed"].all():  # base 0 (under min_cell 1): no substantive Finnish answer
            assert rows["base"].isna().all() and rows["non_answers"].isna().all()
            mine = answered[answered["group"] == group]
            for language, cues in zip(mine["language"], mine["polarity_evidence"], strict=True):
                non_answer = any(cue["rule"] == NON_ANSWER_RULE for cue in cues)
                assert non_answer or (isinstance(language, str) and language not in ("fi", ""))
            continue
        base = rows["base"].iloc[0]
        not_finnish = rows["not_finnish"].iloc[0] if "not_finnish" in rows else 0
        who = answered.loc[answered["group"] == group, "respondent_id"].nunique()
        assert base + rows["non_answers"].iloc[0] + not_finnish == who


@SETTINGS
@given(TEXTS)
def test_cluster_statements_assigns_every_row(texts: list[str | None]) -> None:
    frame = _frame(texts)
    clustering = va.cluster_statements(frame)
    assert list(clustering.answers.index) == list(frame.index)
    assert set(clustering.assignments["source_index"]) <= set(frame.index)


@SETTINGS
@given(st.lists(st.text(st.characters(exclude_categories=("Cs",)), max_size=80), max_size=6))
def test_mask_pii_is_one_text_per_text(texts: list[str]) -> None:
    masked = va.mask_pii(texts)
    assert len(masked) == len(texts)
    assert all(isinstance(m, str) for m in masked)
