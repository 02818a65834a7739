"""``tag()``: areas, mechanisms and polarity of answers, with evidence (rules + model).

Rules give precision and evidence; the trained model adds codes that the rules missed when its
calibrated probability reaches the model's threshold, and its evidence is the tokens whose lemma
or compound-part features pushed the score up. Polarity comes from the Finnish polarity rules,
and from the learned polarity model where the rules find no polar words ("hybrid").
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from vastausanalyysi.errors import InputTextError, ModelError
from vastausanalyysi.themes.classifier import ThemeClassifier
from vastausanalyysi.themes.codebook import Codebook, load_codebook
from vastausanalyysi.themes.polarity import NEUTRAL, question_kind, rule_polarity
from vastausanalyysi.themes.rules import RuleTagger, is_word

log = logging.getLogger(__name__)

OUTPUT_COLUMNS = ("areas", "mechanisms", "polarity", "evidence", "lemmas")
MODEL_DIRNAME = "theme_model"


def default_model_paths() -> list[Path]:
    """Where the shipped model is looked for: package data first, then the repository."""
    paths = [Path(str(resources.files("vastausanalyysi") / "data" / MODEL_DIRNAME))]
    repo = Path(__file__).resolve().parents[3] / "models" / MODEL_DIRNAME
    paths.append(repo)
    return paths


@lru_cache(maxsize=1)
def default_model() -> ThemeClassifier | None:
    """The shipped theme model, or None if there is none (then only rules are used)."""
    for path in default_model_paths():
        if (path / "theme_model.json").is_file():
            try:
                return ThemeClassifier.load(path)
            except ModelError as exc:  # pragma: no cover - a broken install
                log.warning("shipped theme model not loadable (%s); using rules only", exc)
                return None
    return None


def resolve_model(model: Any) -> ThemeClassifier | None:
    """The model that ``tag(model=...)`` means: None = shipped, "rules" = none, or a path."""
    if model is None:
        return default_model()
    if model is False or (isinstance(model, str) and model == "rules"):
        return None
    if isinstance(model, ThemeClassifier):
        if not hasattr(model, "coef_"):
            raise ModelError("the ThemeClassifier given as model is not trained: call fit()")
        return model
    if isinstance(model, str | Path):
        return ThemeClassifier.load(model)
    raise ModelError(
        f"model must be a ThemeClassifier, a path, 'rules' or None, not {type(model).__name__}"
    )


@lru_cache(maxsize=8)
def _tagger_for(codebook: Codebook) -> RuleTagger:
    return RuleTagger(codebook)


def combine(
    docs: Sequence[Doc],
    model: ThemeClassifier | None,
    codebook: Codebook,
    *,
    questions: Sequence[Any] | None = None,
    mode: str = "combined",
    polarity_mode: str | None = None,
) -> list[dict[str, Any]]:
    """Codes, polarity and evidence for Docs.

    ``mode``: "combined" (rules, plus model codes at or above the model's threshold), "rules" or
    "model". ``polarity_mode``: "rules", "model" or "hybrid" (rules where they find polar words,
    the model elsewhere); by default the one that was best in the model's cross-validation
    (``model.polarity_mode_``), "rules" without a model.
    """
    if mode not in ("combined", "rules", "model"):
        raise ValueError(f"mode must be 'combined', 'rules' or 'model', not {mode!r}")
    if mode != "rules" and model is None:
        mode = "rules"
    if polarity_mode is None:
        polarity_mode = getattr(model, "polarity_mode_", "rules") if model is not None else "rules"
    if polarity_mode not in ("rules", "model", "hybrid"):
        raise ValueError(f"polarity_mode must be 'rules', 'model' or 'hybrid': {polarity_mode!r}")
    if polarity_mode != "rules" and (model is None or not model.has_polarity):
        polarity_mode = "rules"
    qs = list(questions) if questions is not None else [None] * len(docs)
    tagger = _tagger_for(codebook)
    rules = tagger.tag_docs(docs)
    proba = None
    if model is not None and mode != "rules" and docs:
        same = getattr(model, "codebook_", None) is codebook
        proba = model.predict_proba(docs, rules if same else None)
    pol_model = None
    if polarity_mode != "rules" and docs:
        pol_model = model.predict_polarity(docs, qs)  # type: ignore[union-attr]
    limits = None
    if model is not None:
        limits = model.model_thresholds_ if mode == "model" else model.thresholds_
    out = []
    for i, (doc, rr) in enumerate(zip(docs, rules, strict=True)):
        evidence = {c: list(ev) for c, ev in rr.evidence.items()} if mode != "model" else {}
        scores: dict[str, float] = {}
        if proba is not None:
            for k, code in enumerate(model.codes_):  # type: ignore[union-attr]
                if code not in codebook:
                    continue
                p = float(proba[i, k])
                scores[code] = round(p, 4)
                if code in evidence or p < limits[k]:  # type: ignore[index]
                    continue
                ev = _model_evidence(doc, model, code, p)  # type: ignore[arg-type]
                if ev:
                    evidence[code] = ev
        areas = [c for c in codebook.areas if c in evidence]
        mechanisms = [c for c in codebook.mechanisms if c in evidence]
        kind = question_kind(qs[i])
        rp = rule_polarity(doc, codebook.polarity, has_codes=bool(evidence), question=kind)
        if polarity_mode == "rules" or pol_model is None:
            polarity = rp.label
        elif polarity_mode == "model":
            polarity = pol_model[i]
        else:
            polarity = rp.label if rp.cues else pol_model[i]
        if not any(is_word(t) for t in doc):
            polarity = NEUTRAL
        out.append(
            {
                "areas": areas,
                "mechanisms": mechanisms,
                "polarity": polarity,
                "evidence": evidence,
                "lemmas": [t.lemma_ for t in doc if is_word(t)],
                "polarity_evidence": rp.cues,
                "scores": scores,
            }
        )
    return out


def _model_evidence(
    doc: Doc, model: ThemeClassifier, code: str, probability: float
) -> list[dict[str, Any]]:
    ev = []
    for i, weight in model.explain(doc, code):
        token = doc[i]
        ev.append(
            {
                "surface": token.text,
                "lemma": token.lemma_,
                "rule": "model",
                "source": "model",
                "score": round(probability, 4),
                "weight": round(weight, 4),
                "start": token.idx,
                "end": token.idx + len(token.text),
                "negated": False,
            }
        )
    return sorted(ev, key=lambda e: e["start"])


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
        cb = clf._codebook()
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


__all__ = ["OUTPUT_COLUMNS", "combine", "default_model", "default_model_paths", "tag"]
