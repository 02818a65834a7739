"""``tag()``: areas, mechanisms and polarity of answers, with evidence (rules + model).

How rules and model are combined per Doc is
:func:`~vastausanalyysi.themes.prediction.combine`; which model a ``model=`` argument means,
:func:`~vastausanalyysi.themes.shipped.resolve_model`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language

from vastausanalyysi.errors import InputTextError
from vastausanalyysi.themes.codebook import Codebook, load_codebook
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.prediction import combine
from vastausanalyysi.themes.shipped import default_model, default_model_paths, resolve_model

OUTPUT_COLUMNS = ("areas", "mechanisms", "polarity", "evidence", "lemmas")


def _texts(data: Any, text_column: str) -> tuple[pd.DataFrame, list[Any]]:
    """The output frame (input columns kept) and the raw text values, in order."""
    if isinstance(data, pd.DataFrame):
        if text_column not in data.columns:
            raise InputTextError(
                f"the DataFrame has no text column {text_column!r}; columns: {list(data.columns)}"
            )
        return data.copy(), data[text_column].tolist()
    if isinstance(data, pd.Series):
        name = data.name if data.name is not None else text_column
        return data.to_frame(name=name), data.tolist()
    if isinstance(data, str | bytes):
        raise InputTextError("tag() takes many texts: wrap a single text in a list")
    if not isinstance(data, Iterable):
        raise InputTextError(f"tag() needs texts, a Series or a DataFrame, not {type(data)}")
    values = list(data)
    return pd.DataFrame({text_column: pd.Series(values, dtype=object)}), values


def tag(
    data: Any,
    *,
    text_column: str = "text",
    model: ThemeClassifier | str | Path | None = None,
    codebook: Codebook | str | Path | None = None,
    question: str | None = None,
    question_column: str | None = "question",
    mode: str = "combined",
    polarity_mode: str | None = None,
    scores: bool = False,
    nlp: Language | None = None,
    batch_size: int = 256,
) -> pd.DataFrame:
    """Tag answers with areas, mechanisms and polarity, with evidence.

    ``data``: texts (an iterable of str), a Series, or a DataFrame with ``text_column``. The
    result has one row per input row, with the same index and order and the input columns, plus
    ``areas`` and ``mechanisms`` (lists of code ids), ``polarity`` ("works", "problem", "mixed",
    "neutral"), ``evidence`` ({code: [{surface, lemma, rule, source, start, end, …}]}),
    ``lemmas`` and ``polarity_evidence`` (and ``scores``, the model's probabilities, if asked).

    ``model``: None uses the shipped model (rules only if none is installed), "rules" only the
    rules, a :class:`ThemeClassifier` or the path of a saved one. ``codebook``: a codebook or a
    YAML file extending the default. ``question`` (or a ``question_column`` in the frame) tells
    which question was answered ("toimii", "haasteet" …): a bare list of areas answering "what
    works" counts as ``works``. Empty, None or NaN texts give no codes and "neutral"; a value
    that is not text raises :class:`~vastausanalyysi.errors.InputTextError` naming the row.
    """
    from vastausanalyysi.nlp.pipeline import as_text, default_pipeline

    frame, raw = _texts(data, text_column)
    texts = []
    for pos, (label, value) in enumerate(zip(frame.index, raw, strict=True)):
        try:
            texts.append(as_text(value, pos))
        except InputTextError as exc:
            raise InputTextError(f"row {label!r} (position {pos}): {exc}") from None
    clf = resolve_model(model)
    if codebook is not None:
        cb = load_codebook(codebook)
    elif clf is not None:
        cb = clf.get_codebook()
    else:
        cb = load_codebook()
    if question is not None:
        questions: list[Any] = [question] * len(texts)
    elif question_column and isinstance(data, pd.DataFrame) and question_column in data.columns:
        questions = data[question_column].tolist()
    else:
        questions = [None] * len(texts)
    pipeline = nlp or default_pipeline()
    docs = list(pipeline.pipe(texts, batch_size=batch_size))
    results = combine(docs, clf, cb, questions=questions, mode=mode, polarity_mode=polarity_mode)
    columns = [*OUTPUT_COLUMNS, "polarity_evidence"] + (["scores"] if scores else [])
    for col in columns:
        frame[col] = pd.Series([r[col] for r in results], index=frame.index, dtype=object)
    return frame


__all__ = [
    "OUTPUT_COLUMNS",
    "combine",
    "default_model",
    "default_model_paths",
    "resolve_model",
    "tag",
]
