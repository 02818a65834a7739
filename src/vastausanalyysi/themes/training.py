"""``train()``: a :class:`ThemeClassifier` from hand-coded answers, and reading such answers."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from vastausanalyysi.errors import ModelError
from vastausanalyysi.schema import AREAS, MECHANISMS, RowNumbers
from vastausanalyysi.themes.codebook import load_codebook
from vastausanalyysi.themes.codes import Codebook, norm_term
from vastausanalyysi.themes.labels import (
    TrainingSummary,
    blank_column_warnings,
    code_counts,
    conflicting_duplicates,
    read_code_columns,
    read_polarity_column,
    row_numbers,
    rows_text,
    select,
    source_of,
)
from vastausanalyysi.themes.model import MIN_POLARITY_ROWS, ThemeClassifier
from vastausanalyysi.themes.polarity import NEUTRAL

log = logging.getLogger(__name__)


def read_labelled(data: Any, text_column: str) -> pd.DataFrame:
    """Hand-coded answers (a DataFrame or CSV path), checked for the text and code columns.

    A CSV path's rows are numbered as in the file (the header is row 1) and its name kept in
    ``attrs`` (``"rows"``, ``"source"``), so that errors name them.
    """
    if isinstance(data, str | Path):
        path = data
        data = pd.read_csv(path, dtype=str, keep_default_na=False)
        data.attrs.update(source=str(path), rows=RowNumbers(range(2, len(data) + 2)))
    if not isinstance(data, pd.DataFrame):
        raise ModelError("labelled data must be a DataFrame or a CSV path")
    if text_column not in data.columns:
        raise ModelError(f"{source_of(data)}labelled data has no text column {text_column!r}")
    missing = [c for c in ("areas", "mechanisms") if c not in data.columns]
    if len(missing) == 2:
        raise ModelError(
            f"{source_of(data)}labelled data needs an 'areas' and/or a 'mechanisms' column"
        )
    return data


def label_rows(df: pd.DataFrame, codebook: Codebook | None = None) -> list[list[str]]:
    """Each row's gold codes: its ``areas`` then its ``mechanisms``, as code ids of
    ``codebook`` (the default one if None); ids in any case and the codebook's names are read,
    an unknown code is a :class:`ModelError` naming the file, rows, column and nearest code."""
    return read_code_columns(df, codebook if codebook is not None else load_codebook())


def personal_vocabulary(texts: Sequence[Any]) -> frozenset[str]:
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
    and optionally ``polarity`` and ``question``. If a ``split`` column exists, only its "train"
    rows are used. A code cell holds code ids (any case) or the codebook's names of them,
    separated by ';', ',', '|' or line breaks; a polarity cell an id (works, problem, mixed,
    neutral) or its Finnish name (myönteinen, kielteinen, molempia, neutraali, …). A blank code
    cell means "no code of that kind": the model learns it (a warning is logged when a column is
    blank on more than half of the rows). The codes are learned from every row, polarity from
    the rows that have one (a warning counts those without; with fewer than
    :data:`~vastausanalyysi.themes.model.MIN_POLARITY_ROWS` rows or a single polarity, polarity
    comes from the rules, with a warning). ``model.training_summary_`` records what was
    trained on (:class:`~vastausanalyysi.themes.labels.TrainingSummary`). ``mask`` (default):
    the words of the personal data in the texts (:func:`personal_vocabulary`) are left out of the
    model's vocabulary, so a saved model holds no name or address of the training answers.
    """
    options = ThemeClassifier().get_params()
    if unknown := sorted(set(params) - set(options)):
        raise ModelError(
            f"train() has no option {', '.join(map(repr, unknown))}; its options are "
            + ", ".join(sorted(set(options) - {"codebook"}))
        )
    model = ThemeClassifier(codebook=codebook, **params)
    model.check_params()
    df = read_labelled(data, text_column)
    if "split" in df.columns and (df["split"] == "train").any():
        df = select(df, df["split"] == "train")
    cb = model.get_codebook()
    labels = label_rows(df, cb)
    if not any(labels):
        columns = ", ".join(repr(c) for c in (AREAS, MECHANISMS) if c in df.columns)
        raise ModelError(
            f"{source_of(df)}no codes to learn: column(s) {columns} are blank on all {len(df)} rows"
        )
    polarity = read_polarity_column(df)
    counts = code_counts(labels, cb)
    warnings = blank_column_warnings(df) + _rare_code_warnings(df, counts)
    questions = df["question"].tolist() if "question" in df.columns else None
    texts = df[text_column].tolist()
    excluded = personal_vocabulary(texts) if mask else frozenset()
    model.fit(texts, labels, polarity, questions, exclude_terms=excluded)
    warnings += _polarity_warnings(df, polarity, model)
    for message in warnings:
        log.warning("%s", message)
    source = df.attrs.get("source")
    model.training_summary_ = TrainingSummary(
        source=str(source) if source else "",
        rows=len(df),
        code_counts=counts,
        polarity_rows=model.polarity_n_,
        polarity_counts=_polarity_counts(polarity),
        polarity_learned=model.has_polarity,
        polarity_mode=model.polarity_mode_,
        has_polarity_column=polarity is not None,
        conflicts=conflicting_duplicates(texts, labels, polarity, row_numbers(df)),
        warnings=warnings,
    )
    return model


def _polarity_counts(polarity: Sequence[str | None] | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for label in polarity or ():
        if label is not None:
            counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


#: Fewer rows than this with a code, and the model can hardly learn it (the rules still give it).
MIN_CODE_ROWS = 5


def _rare_code_warnings(df: pd.DataFrame, counts: dict[str, dict[str, int]]) -> list[str]:
    """A warning naming the codes coded on fewer than :data:`MIN_CODE_ROWS` rows (but some);
    ``counts``: :func:`~vastausanalyysi.themes.labels.code_counts`."""
    rare = [
        f"{code} ({n})"
        for layer in counts.values()
        for code, n in layer.items()
        if 0 < n < MIN_CODE_ROWS
    ]
    if not rare:
        return []
    return [
        f"{source_of(df)}codes on fewer than {MIN_CODE_ROWS} rows: {', '.join(rare)}; the model "
        "can hardly learn them from so few examples (the rules still give them)"
    ]


def _polarity_warnings(
    df: pd.DataFrame, polarity: Sequence[str | None] | None, model: ThemeClassifier
) -> list[str]:
    """Warnings on rows without a polarity, and on polarity left to the rules."""
    if polarity is None:
        return []
    where = source_of(df)
    n, have = len(polarity), model.polarity_n_
    if not model.has_polarity:
        classes = sorted({p for p in polarity if p is not None})
        found = (
            f"every row with a polarity has {classes[0]!r}"
            if len(classes) == 1
            else f"only {have} of {n} rows have a polarity ({len(classes)} different)"
        )
        return [
            f"{where}{found}; too little to learn polarity from (at least {MIN_POLARITY_ROWS} "
            "rows of at least two polarities are needed): the model's polarity comes from the rules"
        ]
    out = []
    if have < n:
        missing = [r for r, p in zip(row_numbers(df), polarity, strict=True) if p is None]
        verb = "has" if len(missing) == 1 else "have"
        out.append(
            f"{where}{len(missing)} of {n} rows {verb} no polarity ({rows_text(missing)}); the "
            f"polarity model is learned from the other {have} rows, the codes from all {n}"
        )
    learned = sorted({p for p in polarity if p is not None})
    if NEUTRAL not in learned and model.polarity_mode_ != "rules":
        out.append(
            f"{where}the polarity model learned only {', '.join(learned)} (no {NEUTRAL} rows): "
            f"it gives every answer one of these, also one that judges nothing; code some "
            f"{NEUTRAL} answers, or tag with the rules' polarity (polarity_mode='rules')"
        )
    return out


__all__ = ["label_rows", "personal_vocabulary", "read_labelled", "train"]
