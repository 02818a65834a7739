"""``tag()``: areas, mechanisms and polarity of answers, with evidence (rules + model).

How rules and model are combined per Doc is
:func:`~vastausanalyysi.themes.prediction.combine`; which model a ``model=`` argument means,
:func:`~vastausanalyysi.themes.shipped.resolve_model`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language

from vastausanalyysi.deprecation import renamed_arguments
from vastausanalyysi.errors import InputTextError
from vastausanalyysi.themes.batch import (
    OUTPUT_COLUMNS,
    BatchTagger,
    TagOptions,
    chunk_bounds,
    n_workers,
    tag_chunks,
    unique_items,
)
from vastausanalyysi.themes.codebook import Codebook
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.prediction import combine
from vastausanalyysi.themes.shipped import default_model, default_model_paths, resolve_model


def frame_and_texts(data: Any, text_column: str) -> tuple[pd.DataFrame, list[Any]]:
    """The output frame (input columns kept) and the raw text values, in order."""
    if isinstance(data, pd.DataFrame):
        if text_column not in data.columns:
            raise InputTextError(
                f"the DataFrame has no text column {text_column!r}; columns: {list(data.columns)}"
            )
        if int((data.columns == text_column).sum()) > 1:
            raise InputTextError(
                f"the DataFrame has {int((data.columns == text_column).sum())} columns named "
                f"{text_column!r}: rename them (e.g. after pd.concat(axis=1)) and pass the one to "
                "tag as text_column"
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


def clean_texts(frame: pd.DataFrame, raw: Sequence[Any], offset: int = 0) -> list[str]:
    """The texts of ``raw`` as str (missing values ""); a bad value raises naming its row."""
    from vastausanalyysi.nlp.pipeline import as_text

    texts = []
    for pos, (label, value) in enumerate(zip(frame.index, raw, strict=True), start=offset):
        try:
            texts.append(as_text(value, pos))
        except InputTextError as exc:
            raise InputTextError(f"row {label!r} (position {pos}): {exc}") from None
    return texts


def questions_of(data: Any, n: int, question: str | None, question_column: str | None) -> list[Any]:
    """The question answered by each of ``n`` rows (one for all, a column, or none)."""
    if question is not None:
        return [question] * n
    if question_column and isinstance(data, pd.DataFrame) and question_column in data.columns:
        return data[question_column].tolist()
    return [None] * n


@renamed_arguments(scores="probabilities")
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
    probabilities: bool = False,
    nlp: Language | None = None,
    batch_size: int = 256,
    n_jobs: int = 1,
    chunk_size: int | None = None,
    evidence: bool | str = True,
) -> pd.DataFrame:
    """Tag answers with areas, mechanisms and polarity, with evidence.

    ``data``: texts (an iterable of str), a Series, or a DataFrame with ``text_column``. The
    result has one row per input row, with the same index and order and the input columns, plus
    ``areas`` and ``mechanisms`` (lists of code ids), ``polarity`` ("works", "problem", "mixed",
    "neutral"), ``evidence`` ({code: [{surface, lemma, rule, source, start, end, …}]}),
    ``lemmas``, ``polarity_evidence``, ``language`` and, if asked, ``probabilities`` (the
    model's probability of each code; the argument and the column were called ``scores`` before,
    and files with a ``scores`` column are still read).

    ``evidence`` offsets (``start``, ``end``) and ``surface`` point into the text as given:
    ``text[start:end] == surface``, also when the pipeline normalised it (NFD, zero-width
    characters, soft hyphens), and such variants get the codes of the normalised text. Answers
    of any length are tagged (a long one is processed in pieces and joined).

    ``language`` is "fi", "sv", "en" or "other" (see
    :func:`~vastausanalyysi.themes.batch.answer_languages`), or "" for a text with no words
    (empty, missing, "-"). The codebook's rules are Finnish: an answer in another language gets
    no codes, polarity "neutral", no evidence and no probabilities, and summaries count it
    apart (``not_finnish`` in :func:`~vastausanalyysi.summary.theme_frequencies`). Texts with
    no words are tagged as before.

    A non-answer, an answer with nothing to code ("Ei kommentteja.", "En osaa sanoa", "eos",
    "Kiitos kyselystä!", a lone "ei", "x" or "-": :func:`~vastausanalyysi.text.is_non_answer`,
    whose list is the ``non_answers`` section of ``data/evaluative.yaml``), gets no codes, no
    probabilities and polarity "neutral", whatever the model says; its ``polarity_evidence`` is
    one item with ``rule`` "non_answer", ``polarity`` "neutral" and the answer as ``surface``.

    ``model``: None uses the shipped model (rules only if none is installed), "rules" only the
    rules, a :class:`ThemeClassifier` or the path of a saved one. ``codebook``: a codebook or a
    YAML file extending the default. ``question`` (or a ``question_column`` in the frame) tells
    which question was answered ("toimii", "haasteet" …): a bare list of areas answering "what
    works" counts as ``works``. Empty, None or NaN texts give no codes and "neutral"; a value
    that is not text raises :class:`~vastausanalyysi.errors.InputTextError` naming the row.

    ``n_jobs``: worker processes (1 = this process, -1 = all cores), each tagging chunks of
    ``chunk_size`` texts (by default about four chunks per worker, at most 1,000 texts, and
    quarter-size ones at the end: see :func:`~vastausanalyysi.themes.batch.chunk_bounds`); the
    output is the same whatever ``n_jobs``, ``chunk_size`` and ``batch_size``: an answer's
    result depends on its own text and question only. Repeated texts are tagged once (each row
    still gets its own copy). ``evidence``: True (all of it), "compact" (each item keeps only
    surface, rule, start and end; a polarity cue also its polarity) or False (no ``evidence``
    and ``polarity_evidence`` columns).
    With ``n_jobs`` > 1 a custom ``nlp`` and ``model`` are sent to the workers; workers are
    forked, or spawned when this process runs other threads (then a script needs the usual
    ``if __name__ == "__main__":`` guard; see :func:`~vastausanalyysi.themes.batch.start_method`).
    """
    frame, raw = frame_and_texts(data, text_column)
    texts = clean_texts(frame, raw)
    questions = questions_of(data, len(texts), question, question_column)
    options = TagOptions(
        model, codebook, mode, polarity_mode, probabilities, evidence, batch_size, nlp
    )
    workers = n_workers(n_jobs)
    if chunk_size is not None and (not isinstance(chunk_size, int) or chunk_size < 1):
        raise ValueError(f"chunk_size must be a positive int or None, not {chunk_size!r}")
    if workers == 1:
        results = BatchTagger(options).results(texts, questions)
    else:
        resolve_model(model)  # a bad model argument fails here, not in the workers
        u_texts, u_kinds, where = unique_items(texts, questions)
        bounds = chunk_bounds(len(u_texts), workers, chunk_size)
        chunks = ((u_texts[a:b], u_kinds[a:b]) for a, b in bounds)
        found = [r for part in tag_chunks(chunks, options, n_jobs=workers) for r in part]
        results = BatchTagger.expand(found, where)
    add_columns(frame, results, options.columns)
    return frame


def add_columns(frame: pd.DataFrame, results: Sequence[dict[str, Any]], columns: list[str]) -> None:
    """Put the result dicts' ``columns`` into ``frame`` (object columns, the frame's index)."""
    for col in columns:
        frame[col] = pd.Series([r[col] for r in results], index=frame.index, dtype=object)


__all__ = [
    "OUTPUT_COLUMNS",
    "add_columns",
    "clean_texts",
    "combine",
    "default_model",
    "default_model_paths",
    "frame_and_texts",
    "questions_of",
    "resolve_model",
    "tag",
]
