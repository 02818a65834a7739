"""The view model: what the report shows, prepared once for every format.

:func:`build_model` checks the tagged answers, masks every free text, names codes, groups and
regions, prepares the optional sections (:mod:`.sections`), the top evidence and the "what works"
highlights, and returns a :class:`ReportModel`. The renderers (``html``, ``xlsx``, ``markdown``)
only lay it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ReportError
from vastausanalyysi.report.evidence import evidence_entries, evidence_summary, evidence_table
from vastausanalyysi.report.formatting import as_list, cell_text, none_if_missing
from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.masking import Masker
from vastausanalyysi.report.sections import (
    GROUP_ORDER,
    ClusterSection,
    FreqSection,
    ScoreSection,
    item_texts,
    prepare_clusters,
    prepare_freqs,
    prepare_scores,
)
from vastausanalyysi.schema import (
    AREAS,
    COARSE_GROUP,
    EVIDENCE,
    GROUP,
    MECHANISMS,
    MIN_CELL,
    POLARITY,
    QUESTION,
    REGION,
    RESPONDENT_ID,
    TEXT,
)

MAX_HIGHLIGHTS = 3
"""How many "what works" answers are shown per respondent group."""
ANSWER_COLUMNS: tuple[str, ...] = (RESPONDENT_ID, QUESTION, GROUP, COARSE_GROUP, REGION)
"""Columns of the tagged answers that the report keeps as they are."""


@dataclass
class ReportModel:
    """Everything the report shows; ``None`` sections are left out."""

    title: str
    answers: pd.DataFrame
    names: Names
    masker: Masker
    freqs: FreqSection | None
    clusters: ClusterSection | None
    scores: ScoreSection | None
    evidence: pd.DataFrame
    highlights: list[tuple[str, list[dict[str, Any]], str]]  # (group, answers, note)
    highlight_column: str | None
    notes: list[str] = field(default_factory=list)
    min_cell: int = MIN_CELL
    sources: Counter[str] = field(default_factory=Counter)


def pick_highlights(
    answers: pd.DataFrame, column: str | None, min_cell: int, names: Names
) -> list[tuple[str, list[dict[str, Any]], str]]:
    """Up to three "what works" answers per respondent group (groups below min_cell skipped)."""
    if column is None or POLARITY not in answers.columns:
        return []
    out = []
    values = list(dict.fromkeys(none_if_missing(v) for v in answers[column].tolist()))
    order = {g: i for i, g in enumerate(GROUP_ORDER)}
    values.sort(key=lambda v: (order.get(v, len(order)), "" if v is None else str(v)))
    for value in values:
        mask = np.array([none_if_missing(v) == value for v in answers[column].tolist()], dtype=bool)
        part = answers[mask]
        label = names.value(column, value)
        answered = part[part["_has_text"]]
        if len(answered) < min_cell:
            out.append((label, [], f"alle {min_cell} vastausta: nostoja ei näytetä"))
            continue
        works = answered[answered[POLARITY] == "works"]
        if works.empty:
            out.append((label, [], "ei toimivaa yhteistyötä kuvaavia vastauksia"))
            continue
        scored = [
            (-(len(a) + len(m)), abs(len(t) - 120), pos, t, [*a, *m])
            for pos, (t, a, m) in enumerate(
                zip(works["_text"], works["_areas"], works["_mechanisms"], strict=True)
            )
        ]
        scored.sort(key=lambda s: s[:3])
        picks = [{"text": s[3], "codes": [names.code(c) for c in s[4]]} for s in scored]
        out.append((label, picks[:MAX_HIGHLIGHTS], ""))
    return out


def build_model(
    tagged: Any,
    frequencies: Any,
    clustering: Any,
    scores: Any,
    title: str,
    codebook_names: Mapping[str, str] | None,
    mask: bool,
) -> ReportModel:
    """Check the inputs of ``write_report`` and prepare everything the report shows."""
    if isinstance(tagged, pd.Series):
        tagged = tagged.to_frame(TEXT)
    if not isinstance(tagged, pd.DataFrame):
        raise ReportError(
            f"tagged must be the DataFrame of va.tag (with a 'text' column), got "
            f"{type(tagged).__name__}"
        )
    if TEXT not in tagged.columns:
        raise ReportError(
            "tagged answers lack the column 'text'; columns are: "
            + ", ".join(repr(str(c)) for c in tagged.columns)
        )
    masker = Masker(mask)
    names = Names(codebook_names)
    texts = [cell_text(t) for t in tagged[TEXT].tolist()]
    answers = pd.DataFrame(index=range(len(tagged)))
    for column in ANSWER_COLUMNS:
        if column in tagged.columns:
            answers[column] = tagged[column].tolist()
    answers["_text"] = masker.many(texts)
    answers["_has_text"] = [bool(t.strip()) for t in texts]
    for column in (AREAS, MECHANISMS):
        values = tagged[column].tolist() if column in tagged.columns else [None] * len(tagged)
        answers[f"_{column}"] = [[cell_text(c) for c in as_list(v)] for v in values]
    if POLARITY in tagged.columns:
        answers[POLARITY] = [cell_text(p) for p in tagged[POLARITY].tolist()]
    evidence = tagged[EVIDENCE].tolist() if EVIDENCE in tagged.columns else [None] * len(tagged)
    answers["_evidence"] = [evidence_summary(ev, masker) for ev in evidence]
    sources: Counter[str] = Counter(
        cell_text(e.get("source")) or "rule"
        for ev in evidence
        for entries in evidence_entries(ev).values()
        for e in entries
        if isinstance(e, Mapping)
    )

    notes = []
    freqs = prepare_freqs(frequencies, names) if frequencies is not None else None
    if freqs is None:
        notes.append("Teemojen esiintyvyys puuttuu: frekvenssitaulukkoa ei annettu.")
    items = item_texts(scores if isinstance(scores, pd.DataFrame) else None)
    clusters = (
        prepare_clusters(clustering, tagged, names, masker, items)
        if clustering is not None
        else None
    )
    if clusters is None:
        notes.append("Vastausten ryhmittely puuttuu: ryhmittelyä ei annettu.")
    score_data = prepare_scores(scores) if scores is not None else None
    if score_data is None:
        notes.append("Kyselyn keskiarvot puuttuvat: pistetaulukkoa ei annettu.")
    min_cell = freqs.min_cell if freqs is not None and freqs.min_cell else MIN_CELL
    column = next((c for c in (COARSE_GROUP, GROUP) if c in answers.columns), None)
    return ReportModel(
        title=title,
        answers=answers,
        names=names,
        masker=masker,
        freqs=freqs,
        clusters=clusters,
        scores=score_data,
        evidence=evidence_table(tagged, 5, names, masker),
        highlights=pick_highlights(answers, column, min_cell, names),
        highlight_column=column,
        notes=notes,
        min_cell=min_cell,
        sources=sources,
    )


__all__ = ["ANSWER_COLUMNS", "MAX_HIGHLIGHTS", "ReportModel", "build_model", "pick_highlights"]
