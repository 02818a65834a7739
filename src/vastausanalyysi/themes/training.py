"""``train()``: a :class:`ThemeClassifier` from hand-coded answers, and reading such answers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import ModelError
from vastausanalyysi.schema import parse_codes
from vastausanalyysi.themes.codes import Codebook, norm_term
from vastausanalyysi.themes.model import ThemeClassifier


def read_labelled(data: Any, text_column: str) -> pd.DataFrame:
    """Hand-coded answers (a DataFrame or CSV path), checked for the text and code columns."""
    if isinstance(data, str | Path):
        data = pd.read_csv(data, dtype=str, keep_default_na=False)
    if not isinstance(data, pd.DataFrame):
        raise ModelError("labelled data must be a DataFrame or a CSV path")
    if text_column not in data.columns:
        raise ModelError(f"labelled data has no text column {text_column!r}")
    missing = [c for c in ("areas", "mechanisms") if c not in data.columns]
    if len(missing) == 2:
        raise ModelError("labelled data needs an 'areas' and/or a 'mechanisms' column")
    return data


def label_rows(df: pd.DataFrame) -> list[list[str]]:
    """Each row's gold codes: its ``areas`` then its ``mechanisms``."""
    rows = []
    for _, r in df.iterrows():
        codes = []
        for col in ("areas", "mechanisms"):
            if col in df.columns:
                codes.extend(parse_codes(r[col]))
        rows.append(codes)
    return rows


def personal_terms(texts: Sequence[Any]) -> frozenset[str]:
    """The lower-case lemmas and words of the personal data that the masker finds in ``texts``
    (names, e-mail addresses, phone numbers, identity codes)."""
    from vastausanalyysi.nlp.pii import default_masker, masked_lemmas

    masker = default_masker()
    strings = [t if isinstance(t, str) else "" for t in texts]
    spans = [masker.original_spans(t) for t in strings]
    terms: set[str] = set()
    for text, found, lemmas in zip(strings, spans, masked_lemmas(strings, spans), strict=True):
        terms.update(lemma.lower() for lemma in lemmas)
        for start, end, _ in found:
            terms.update(word.lower() for word in text[start:end].split())
    # and as the features write them: the lemma "131052-308t." gives "L:131052308t." and the
    # compound parts "P:131052", "P:308t."
    parts = {p for t in terms if "-" in t for p in t.split("-") if p}
    return frozenset(terms | parts | {norm_term(t) for t in terms | parts})


def train(
    data: Any,
    *,
    text_column: str = "text",
    codebook: Codebook | str | Path | None = None,
    mask: bool = True,
    **params: Any,
) -> ThemeClassifier:
    """Train a :class:`ThemeClassifier` on hand-coded answers.

    ``data`` is a DataFrame (or CSV path) with ``text_column``, ``areas`` and ``mechanisms``
    (lists or ';'-separated ids) and optionally ``polarity`` and ``question``. If a ``split``
    column exists, only its "train" rows are used. ``mask`` (default): the words of the
    personal data in the texts (:func:`personal_terms`) are left out of the model's
    vocabulary, so a saved model holds no name or address of the training answers.
    """
    df = read_labelled(data, text_column)
    if "split" in df.columns and (df["split"] == "train").any():
        df = df[df["split"] == "train"]
    model = ThemeClassifier(codebook=codebook, **params)
    polarity = None
    if "polarity" in df.columns:
        pol = df["polarity"].fillna("").astype(str).str.strip()
        if (pol != "").all():
            polarity = pol.tolist()
    questions = df["question"].tolist() if "question" in df.columns else None
    texts = df[text_column].tolist()
    excluded = personal_terms(texts) if mask else frozenset()
    return model.fit(texts, label_rows(df), polarity, questions, exclude_terms=excluded)


__all__ = ["label_rows", "personal_terms", "read_labelled", "train"]
