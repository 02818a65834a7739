"""Rules + model for Docs: the codes, polarity and evidence that ``tag()`` reports.

Rules give precision and evidence; the trained model adds codes that the rules missed when its
calibrated probability reaches the model's threshold, and its evidence is the tokens whose lemma
or compound-part features pushed the score up. Polarity comes from the Finnish polarity rules,
and from the learned polarity model where the rules find no polar words ("hybrid") or, with the
shipped model, everywhere ("model") except where the rules set a granted merit aside. A
non-answer (:func:`vastausanalyysi.text.is_non_answer`: "Ei kommentteja.", "eos") gets no codes,
no probabilities and polarity "neutral" whatever the model says; its ``polarity_evidence`` is one
item with ``rule`` "non_answer" (:data:`NON_ANSWER_RULE`) and ``polarity`` "neutral".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.tokens import Doc

from vastausanalyysi.schema import NON_ANSWER_RULE
from vastausanalyysi.themes.clauses import SENTENCE_END
from vastausanalyysi.themes.codes import Codebook
from vastausanalyysi.themes.model import ThemeClassifier
from vastausanalyysi.themes.polarity import (
    MIXED,
    NEUTRAL,
    PROBLEM,
    PROGRESS_VERBS,
    SUPERSEDED,
    WORKS,
    PolarityResult,
    question_kind,
    rule_polarity,
)
from vastausanalyysi.themes.rules import RuleTagger
from vastausanalyysi.themes.tokens import (
    DocTable,
    doc_table,
    pin_tables,
    rule_words,
    unpin_tables,
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
    scores: bool = True,
) -> list[dict[str, Any]]:
    """Codes, polarity and evidence for Docs.

    ``mode``: "combined" (rules, plus model codes at or above the model's threshold), "rules" or
    "model". ``polarity_mode``: "rules", "model" or "hybrid" (rules where they find polar words,
    the model elsewhere); by default the one that was best in the model's cross-validation
    (``model.polarity_mode_``), "rules" without a model. In "model" mode a granted merit that the
    rules set aside ("Vaikka tavoitteet ovat hyviä, laki tuo haasteita": a problem) keeps the
    rules' label. ``scores``: False leaves every result's ``scores`` empty, for a caller that
    does not report them (the same codes and evidence; only the dicts are not built).
    """
    tables = pin_tables(docs)  # nothing retokenises the Docs while they are tagged
    try:
        return _combine(docs, tables, model, codebook, questions, mode, polarity_mode, scores)
    finally:
        unpin_tables(docs)


def _combine(
    docs: Sequence[Doc],
    tables: list[DocTable],
    model: ThemeClassifier | None,
    codebook: Codebook,
    questions: Sequence[Any] | None,
    mode: str,
    polarity_mode: str | None,
    want_scores: bool,
) -> list[dict[str, Any]]:
    """:func:`combine` of Docs whose tables are pinned (``tables``)."""
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
    # one rules pass per Doc, shared with the polarity model's features (its label without a
    # question; the question only decides the label of an answer with codes and no polar word)
    lexicon = codebook.polarity
    base = [rule_polarity(doc, lexicon) for doc in docs]
    pol_model = None
    if polarity_mode != "rules" and docs:
        shared = base if model.get_codebook().polarity == lexicon else None  # type: ignore[union-attr]
        pol_model = model.predict_polarity(docs, qs, shared)  # type: ignore[union-attr]
    codes: list[str] = []  # the model's codes in the codebook, in the model's order
    scored: list[list[float]] = []  # the same rounded to 4 digits (the reported scores)
    over: list[list[int]] = []  # per Doc: the positions in ``codes`` not below the threshold
    over_scored: list[list[float]] = []  # per Doc: their reported scores
    if proba is not None:
        limits = model.model_thresholds_ if mode == "model" else model.thresholds_  # type: ignore[union-attr]
        ks = [k for k, code in enumerate(model.codes_) if code in codebook]  # type: ignore[union-attr]
        codes = [model.codes_[k] for k in ks]  # type: ignore[union-attr]
        known = proba[:, ks]
        over = [[] for _ in docs]
        over_scored = [[] for _ in docs]
        at, js = np.nonzero(~(known < limits[ks]))  # as ``not p < limit`` per value
        if want_scores:
            scored = _rounded(known, 4)
            picked = [scored[i][j] for i, j in zip(at.tolist(), js.tolist(), strict=True)]
        else:  # the same rounding, of the values the evidence reports only
            picked = _rounded(known[at, js][None, :], 4)[0]
        for i, j, score in zip(at.tolist(), js.tolist(), picked, strict=True):
            over[i].append(j)
            over_scored[i].append(score)
    # the rules' codes that the model's training coding overrules: only where the model agrees,
    # by the model's own thresholds (those of adding a code may be above 1: QA 6 #5)
    overruled = set(getattr(model, "overruled_", ())) if proba is not None else set()
    agrees: list[set[str]] = [set() for _ in docs]
    if overruled:
        own = model.model_thresholds_  # type: ignore[union-attr]
        at, js = np.nonzero(~(known < own[ks]))
        for i, j in zip(at.tolist(), js.tolist(), strict=True):
            agrees[i].add(codes[j])
    out = []
    for i, (doc, rr) in enumerate(zip(docs, rules, strict=True)):
        evidence = {c: list(ev) for c, ev in rr.evidence.items()} if mode != "model" else {}
        if overruled and not overruled.isdisjoint(evidence):
            for code in overruled.intersection(evidence) - agrees[i]:
                del evidence[code]
        scores: dict[str, float] = {}
        if proba is not None:
            if want_scores:
                scores = dict(zip(codes, scored[i], strict=True))
            for j, score in zip(over[i], over_scored[i], strict=True):
                code = codes[j]
                if code in evidence:
                    continue
                ev = _model_evidence(doc, model, code, score, rr.set_aside.get(code))  # type: ignore[arg-type]
                if ev:
                    evidence[code] = ev
        areas = [c for c in codebook.areas if c in evidence]
        mechanisms = [c for c in codebook.mechanisms if c in evidence]
        rp = base[i]
        rule_label = rp.label
        if rule_label == NEUTRAL and evidence and question_kind(qs[i]) == WORKS:
            rule_label = WORKS  # as rule_polarity(has_codes=True, question="works") decides
        if polarity_mode == "rules" or pol_model is None:
            polarity = rule_label
        elif polarity_mode == "model":
            # the rules' label stands where they set a granted merit aside (codebook P4)
            polarity = rule_label if _conceded(rp) else pol_model[i]
            if polarity == MIXED and rule_label in (WORKS, PROBLEM) and _lone_connective(doc):
                polarity = rule_label  # "Tilanne on kuitenkin vaikea.": one side only
        else:
            polarity = rule_label if rp.cues else pol_model[i]
        table = tables[i]
        if not any(table.words):
            polarity = NEUTRAL
        cues = rp.cues
        if rp.non_answer:
            # nothing to code, whatever the model says ("Ei kommentteja.", "Kiitos kyselystä!")
            areas, mechanisms, evidence, scores = [], [], {}, {}
            polarity = NEUTRAL
            cues = _non_answer_cue(doc.text)
        out.append(
            {
                "areas": areas,
                "mechanisms": mechanisms,
                "polarity": polarity,
                "evidence": evidence,
                "lemmas": [r.lemma for r in table.rows if r.word],
                "polarity_evidence": cues,
                "scores": scores,
            }
        )
    return out


def _non_answer_cue(text: str) -> list[dict[str, Any]]:
    """A non-answer's polarity evidence: one neutral item spanning its text (without the spaces
    around it); none for a blank text."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return []
    surface = text[start:end]
    return [
        {
            "surface": surface,
            "lemma": "",
            "polarity": NEUTRAL,
            "rule": NON_ANSWER_RULE,
            "start": start,
            "end": end,
        }
    ]


#: Connective adverbs that contrast a sentence with what came before it ("kuitenkin").
_CONNECTIVES = rule_words("connective_adverbs")
#: Conjunctions that contrast two clauses of one sentence ("mutta", "vaikka").
_CLAUSE_CONTRAST = rule_words("clause_contrast_conjunctions")


def _lone_connective(doc: Doc) -> bool:
    """One sentence whose only contrast word is a connective adverb inside its clause or at its
    start ("Tilanne on kuitenkin vaikea.", "Toisaalta valtuutetuilla ei ole vaikutusvaltaa."):
    it contrasts with a sentence the text does not have, so it makes no mixed answer by itself
    ("…, toisaalta …" after a comma contrasts two clauses of its own)."""
    rows = [r for r in doc_table(doc).rows if not r.space]
    if any(r.text in SENTENCE_END for r in rows[:-1]):
        return False
    if any(r.low in _CLAUSE_CONTRAST for r in rows):
        return False
    hits = [k for k, r in enumerate(rows) if r.low in _CONNECTIVES]
    # "Toisaalta X, toisaalta Y", "Toisaalta X ja toisaalta Y": two sides of its own
    return bool(hits) and all(
        (k == 0 and len(hits) == 1) or (k > 0 and not rows[k - 1].punct) for k in hits
    )


def _conceded(result: PolarityResult) -> bool:
    """Whether the rules set a granted merit aside ("Vaikka tavoitteet ovat hyviä, laki tuo
    haasteita": the problem wins, as the codebook's P4 says), or progress that the same thing
    still unfinished outweighs ("Yhteistyö on parantunut, mutta paljon on vielä tehtävää":
    CODING.md P4); not conceded progress ("Vaikka yhteistyö on parantunut, työnjako on
    epäselvä": mixed) and not an obstacle overcome."""
    return any(
        cue["polarity"] == WORKS
        and (
            cue["rule"].endswith(SUPERSEDED)
            or (cue["rule"].endswith("+concessive") and cue["lemma"] not in PROGRESS_VERBS)
        )
        for cue in result.cues
    )


def _rounded(values: np.ndarray, digits: int) -> list[list[float]]:
    """``round(v, digits)`` of every value of a 2-D array, as lists of rows, without a Python
    call per value: ``rint(v * 10**digits) / 10**digits`` is the same float wherever the scaled
    value is not within 1e-6 of a tie (its rounding error is far smaller); those few values go
    through Python's ``round`` (exact decimal rounding, ties to even)."""
    scale = 10.0**digits
    scaled = values * scale
    whole = np.rint(scaled)
    out = (whole / scale).tolist()
    near_tie = np.abs(np.abs(scaled - whole) - 0.5) < 1e-6
    for i, j in zip(*np.nonzero(near_tie), strict=True):
        out[i][j] = round(float(values[i, j]), digits)
    return out


def _model_evidence(
    doc: Doc, model: ThemeClassifier, code: str, score: float, set_aside: set[int] | None = None
) -> list[dict[str, Any]]:
    """The tokens that push ``code`` up most, each with the code's reported (rounded) score;
    none when the strongest is a word of the code that the rules set aside in its context (an
    exclusion, a speaker's title: codebook rules 4 and 6), which the model cannot see."""
    ev = []
    table = doc_table(doc)
    explained = model.explain(doc, code)
    if set_aside and explained and explained[0][0] in set_aside:
        return []
    for i, weight in explained:
        row, start = table.rows[i], table.starts[i]
        ev.append(
            {
                "surface": row.text,
                "lemma": row.lemma,
                "rule": "model",
                "source": "model",
                "score": score,
                "weight": round(weight, 4),
                "start": start,
                "end": start + len(row.text),
                "negated": False,
            }
        )
    return sorted(ev, key=lambda e: e["start"])


__all__ = ["NON_ANSWER_RULE", "combine"]
