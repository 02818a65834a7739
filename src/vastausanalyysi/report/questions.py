"""One section per open question: what works ("Toimii") and what to develop ("Kehitettävää").

"Toimii" clusters the question's statements whose polarity is ``works`` or ``mixed``;
"Kehitettävää" those whose polarity is ``problem`` or ``mixed``. Each cluster is shown with its
label, its size in respondents and up to three distinct quotes nearest its centre (see
:mod:`.quotes` for the small-cell rule and the sameness of wordings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ClusteringError, ReportError
from vastausanalyysi.report.formatting import as_list, cell_text, none_if_missing
from vastausanalyysi.report.labels import PART_TITLES, Names
from vastausanalyysi.report.masking import Masker
from vastausanalyysi.report.quotes import Quote, distinct_quotes
from vastausanalyysi.schema import POLARITY, QUESTION

PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("toimii", PART_TITLES["toimii"], ("works", "mixed")),
    ("kehitettavaa", PART_TITLES["kehitettavaa"], ("problem", "mixed")),
)
"""(id, Finnish title, polarities) of the two parts of a question's section."""
MAX_QUOTES = 3
"""Distinct quotes shown per cluster."""
NO_QUESTION = "Avovastaukset"
"""The title of the one section when the answers have no question column."""


@dataclass
class Theme:
    """One cluster: its label, size and distinct quotes."""

    number: int | None  # 1, 2, … (None: the statements with nothing to cluster on)
    label: str
    statements: int
    respondents: int
    share: float  # of the part's respondents
    codes: list[str]
    quotes: list[Quote]
    hidden: int = 0  # statements of the cluster from cells under min_cell
    scores: dict[str, float | None] = field(default_factory=dict)  # item -> mean
    n_scored: int | None = None  # respondents with scores (means hidden under min_cell)


@dataclass
class Part:
    """ "Toimii" or "Kehitettävää" of one question."""

    key: str
    title: str
    polarities: tuple[str, ...]
    statements: int
    respondents: int
    themes: list[Theme]
    positions: list[int]  # the answers in this part (positions in the tagged frame)
    labels: dict[int, str]  # answer position -> theme label


@dataclass
class QuestionSection:
    """The section of one open question."""

    question: Any
    title: str
    anchor: str
    parts: list[Part]


def cluster_part(frame: pd.DataFrame, polarity: tuple[str, ...], question: Any) -> Any:
    """The clustering of the statements with one of ``polarity`` answering ``question``.

    ``frame`` has a RangeIndex (positions in the tagged answers); the clustering's assignments
    keep it. None when there are no such statements. (This is the one place to switch to
    ``cluster_statements(frame, polarity=polarity, question=question)``.)
    """
    from vastausanalyysi.clusters import cluster_statements

    keep = np.array(frame[POLARITY].isin(list(polarity)).to_numpy(), dtype=bool)
    if QUESTION in frame.columns:
        keep = keep & np.array([none_if_missing(q) == question for q in frame[QUESTION].tolist()])
    rows = frame[keep]
    if rows.empty:
        return None
    try:
        return cluster_statements(rows)
    except ClusteringError as exc:
        raise ReportError(f"cannot cluster the answers of {question!r}: {exc}") from exc


def clustering_frame(tagged: pd.DataFrame) -> pd.DataFrame:
    """The tagged answers as clustering input: positions as index, a ``lemmas`` column only if
    every cell is a list (a CSV round trip leaves text, and the clustering lemmatises then)."""
    frame = tagged.reset_index(drop=True)
    if "lemmas" in frame.columns and not all(
        isinstance(v, list | tuple | np.ndarray) for v in frame["lemmas"].tolist()
    ):
        frame = frame.drop(columns="lemmas")
    return frame


def themes_of(
    clustering: Any,
    positions: Sequence[int] | None,
    answers: pd.DataFrame,
    who: Sequence[object],
    names: Names,
    masker: Masker,
    shown: set[str],
) -> tuple[list[Theme], dict[int, str]]:
    """The themes of a clustering whose assignments are indexed by answer positions.

    ``positions`` are the answers clustered (None: every answer, in order). Quotes are the
    distinct wordings nearest each cluster's centre; answers under the small-cell rule
    (``answers["_ok"]``) are never quoted.
    """
    table = getattr(clustering, "clusters", None)
    assignments = getattr(clustering, "assignments", None)
    if not isinstance(table, pd.DataFrame) or "cluster" not in table.columns:
        raise ReportError(
            "clustering must have a .clusters DataFrame (the result of cluster_statements), got "
            f"{type(clustering).__name__}"
        )
    if not isinstance(assignments, pd.DataFrame) or "cluster" not in assignments.columns:
        raise ReportError("clustering must have .assignments with a 'cluster' column")
    if positions is None:
        if len(assignments) != len(answers):
            raise ReportError(
                f"clustering.assignments has {len(assignments)} rows for {len(answers)} answers"
            )
        pos = np.arange(len(answers))
    else:
        pos = np.asarray(list(positions), dtype=int)
        if len(pos) != len(assignments):
            raise ReportError("clustering.assignments does not match the clustered answers")
    clusters = [none_if_missing(c) for c in assignments["cluster"].tolist()]
    sim = (
        pd.to_numeric(assignments["similarity"], errors="coerce").fillna(-2.0).to_numpy()
        if "similarity" in assignments.columns
        else np.zeros(len(assignments))
    )
    texts = answers["_text"].tolist()
    allowed = answers["_ok"].tolist()
    codes = [
        [names.code(c) for c in (*a, *m)]
        for a, m in zip(answers["_areas"], answers["_mechanisms"], strict=True)
    ]
    total_who = len({who[p] for p in pos}) or 1
    raw_labels = [cell_text(v) for v in table.get("label", pd.Series([""] * len(table))).tolist()]
    labels = masker.many(raw_labels)
    score_cols = [c for c in table.columns if str(c).startswith("score:")]
    themes: list[Theme] = []
    label_of: dict[int, str] = {}
    number = 0
    for row_i, cluster in enumerate(table["cluster"].tolist()):
        members = [i for i, c in enumerate(clusters) if str(c) == str(cluster)]
        if not members:
            continue
        no_cluster = str(cluster) == "-1"
        members.sort(key=lambda i: (-round(float(sim[i]), 12), i))
        member_pos = [int(pos[i]) for i in members]
        if no_cluster:
            label = "Ei ryhmiteltävissä (tyhjä tai sisällötön vastaus)"
        else:
            number += 1
            top = (
                [cell_text(t) for t in as_list(table["top_lemmas"].iat[row_i])]
                if "top_lemmas" in table.columns
                else []
            )
            label = labels[row_i] or ", ".join(masker.many(top[:3])) or f"Ryhmä {number}"
            if not any(allowed[p] for p in member_pos):  # its words would be theirs alone
                label = f"Ryhmä {number} (vastaajat pienistä ryhmistä)"
        for p in member_pos:
            label_of[p] = label
        quotes = (
            []
            if no_cluster
            else distinct_quotes(
                member_pos, texts, who, allowed, codes, limit=MAX_QUOTES, shown=shown
            )
        )
        table_codes = (
            [names.code(c) for c in as_list(table["codes"].iat[row_i])]
            if "codes" in table.columns
            else []
        )
        respondents = len({who[p] for p in member_pos})
        themes.append(
            Theme(
                None if no_cluster else number,
                label,
                len(member_pos),
                respondents,
                respondents / total_who,
                table_codes,
                quotes,
                sum(1 for p in member_pos if not allowed[p]),
                {str(c)[len("score:") :]: _float(table[c].iat[row_i]) for c in score_cols},
                _int(table["n_scored"].iat[row_i]) if "n_scored" in table.columns else None,
            )
        )
    return themes, label_of


@dataclass
class OverallClusters:
    """A clustering of all answers given to the report (``clustering=``), as themes."""

    themes: list[Theme]
    labels: dict[int, str]  # answer position -> theme label
    numbers: dict[int, int | None]  # answer position -> theme number
    method: str | None
    n_clusters: int | None
    silhouette: float | None
    score_items: list[str]


def prepare_overall(
    clustering: Any,
    answers: pd.DataFrame,
    index: pd.Index,
    who: Sequence[object],
    names: Names,
    masker: Masker,
    shown: set[str],
) -> OverallClusters:
    """The themes of a clustering of every answer (its assignments aligned with the answers)."""
    assignments = getattr(clustering, "assignments", None)
    if isinstance(assignments, pd.DataFrame) and len(assignments) != len(answers):
        if not (assignments.index.is_unique and index.is_unique):
            raise ReportError(
                f"clustering.assignments has {len(assignments)} rows that cannot be aligned with "
                f"the {len(answers)} tagged answers"
            )
        assignments = assignments.reindex(index)
        clustering = _WithAssignments(clustering, assignments)
    themes, labels = themes_of(clustering, None, answers, who, names, masker, shown)
    numbers: dict[int, int | None] = {}
    clusters = clustering.assignments["cluster"].tolist()
    table = clustering.clusters
    number_of: dict[str, int | None] = {}
    n = 0
    for c in table["cluster"].tolist():
        if str(c) == "-1":
            number_of[str(c)] = None
        elif any(str(x) == str(c) for x in clusters):
            n += 1
            number_of[str(c)] = n
    for pos, c in enumerate(clusters):
        numbers[pos] = number_of.get(str(c))
    silhouette = _float(getattr(clustering, "silhouette", None))
    n_clusters = getattr(clustering, "n_clusters", None)
    return OverallClusters(
        themes,
        labels,
        numbers,
        cell_text(getattr(clustering, "method", None)) or None,
        int(n_clusters) if isinstance(n_clusters, int | float | np.integer) else None,
        silhouette,
        [str(c)[len("score:") :] for c in table.columns if str(c).startswith("score:")],
    )


@dataclass
class _WithAssignments:
    """A clustering with its assignments replaced (aligned with the answers)."""

    base: Any
    assignments: pd.DataFrame

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)


def _int(value: Any) -> int | None:
    number = _float(value)
    return None if number is None else int(number)


def _float(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(out) else out


def prepare_questions(
    tagged: pd.DataFrame,
    answers: pd.DataFrame,
    who: Sequence[object],
    names: Names,
    masker: Masker,
    shown: set[str],
) -> list[QuestionSection]:
    """One section per open question (the order of first appearance), each with its two parts."""
    if POLARITY not in tagged.columns:
        return []
    frame = clustering_frame(tagged)
    frame[POLARITY] = [cell_text(p) for p in frame[POLARITY].tolist()]
    if QUESTION in frame.columns:
        questions = [q for q in dict.fromkeys(none_if_missing(v) for v in frame[QUESTION].tolist())]
    else:
        questions = [None]
    sections = []
    for i, question in enumerate(questions, start=1):
        title = NO_QUESTION if question is None else cell_text(question)
        parts = []
        for key, part_title, polarity in PARTS:
            clustering = cluster_part(frame, polarity, question)
            if clustering is None:
                parts.append(Part(key, part_title, polarity, 0, 0, [], [], {}))
                continue
            positions = [int(p) for p in clustering.assignments.index]
            themes, label_of = themes_of(clustering, positions, answers, who, names, masker, shown)
            parts.append(
                Part(
                    key,
                    part_title,
                    polarity,
                    len(positions),
                    len({who[p] for p in positions}),
                    themes,
                    positions,
                    label_of,
                )
            )
        sections.append(QuestionSection(question, title, f"kysymys-{i}", parts))
    return sections


__all__ = [
    "MAX_QUOTES",
    "NO_QUESTION",
    "PARTS",
    "OverallClusters",
    "Part",
    "QuestionSection",
    "Theme",
    "cluster_part",
    "clustering_frame",
    "prepare_overall",
    "prepare_questions",
    "themes_of",
]
