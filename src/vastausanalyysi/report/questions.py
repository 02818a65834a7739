"""One section per open question: what works ("Toimii") and what to develop ("Kehitettävää").

The answers are split into statements (sentences, list items), each tagged on its own
(``cluster_statements(..., split=True)``). "Toimii" clusters the question's statements whose
polarity is ``works`` or ``mixed``; "Kehitettävää" those whose polarity is ``problem`` or
``mixed``: "Perhekeskus toimii hyvin. Vuokrista riidellään." gives one statement to each. Under a
question that asks what to develop or what does not work (``question_kind`` "problem"), a wish is
the answer although the codebook keeps it neutral (§3 convention 3), so "Kehitettävää" takes every
statement of its answers that is not ``works`` (non-answers are left out by the clustering). Each
cluster is shown with its label, its size in respondents and up to three distinct statements
nearest its centre as quotes (see :mod:`.quotes` for the small-cell rule and the sameness of
wordings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.clusters.labels import is_mixed
from vastausanalyysi.clusters.statements import commonest_wording
from vastausanalyysi.errors import ClusteringError, ReportError
from vastausanalyysi.report.formatting import as_list, cell_text, none_if_missing
from vastausanalyysi.report.labels import PART_TITLES, Names
from vastausanalyysi.report.masking import Masker
from vastausanalyysi.report.quotes import Quote, distinct_quotes, quote_key
from vastausanalyysi.schema import LANGUAGE, MIN_CELL, POLARITY, QUESTION

PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("toimii", PART_TITLES["toimii"], ("works", "mixed")),
    ("kehitettavaa", PART_TITLES["kehitettavaa"], ("problem", "mixed")),
)
"""(id, Finnish title, polarities) of the two parts of a question's section."""
DEVELOPMENT_POLARITIES: tuple[str, ...] = ("problem", "mixed", "neutral")
"""The polarities of "Kehitettävää" under a question that asks what to develop: every statement
but those saying something works (wishes are neutral in the codebook but answer the question)."""


def part_polarities(key: str, polarity: tuple[str, ...], question: Any) -> tuple[str, ...]:
    """The statement polarities of part ``key`` of ``question``'s section (see the module)."""
    from vastausanalyysi.themes import question_kind

    if key == "kehitettavaa" and question_kind(question) == "problem":
        return DEVELOPMENT_POLARITIES
    return polarity


MAX_QUOTES = 3
"""Distinct quotes shown per cluster."""
NO_QUESTION = "Avovastaukset"
QUOTABLE = "_report_quotable"
"""The column of each answer's small-cell-rule cell given to the clustering as its group."""
"""The title of the one section when the answers have no question column."""


#: The line of the clusters of small groups' statements only (nothing of them shown).
SMALL_GROUPS_THEME = "Pienten ryhmien vastauksia (piilotettu)"


@dataclass
class Theme:
    """One cluster: its label, size and distinct quotes."""

    number: int | None  # 1, 2, … (None: nothing to cluster on, or small groups' clusters)
    label: str
    statements: int | None  # None: withheld (the clusters of small groups' statements only)
    respondents: int | None
    share: float | None  # of the part's respondents
    codes: list[str]
    quotes: list[Quote]
    hidden: int = 0  # statements of the cluster from cells under min_cell (not quoted)
    scores: dict[str, float | None] = field(default_factory=dict)  # item -> mean
    n_scored: int | None = None  # respondents with scores (means hidden under min_cell)
    label_share: float | None = None  # statements with a label word (clusters' label_share)
    cluster: Any = None  # the clustering's cluster id (None: the small groups' line)

    def no_quotes(self, min_cell: int) -> str:
        """Why a cluster shows no quote ("" when it shows some): its respondents are all from
        groups under ``min_cell``, or its statements are only contact details."""
        small = f"vastaajat ovat alle {min_cell} vastaajan ryhmistä"
        if self.statements is None:  # the line of the small groups' clusters
            return small
        if self.quotes or self.number is None:
            return ""
        return small if self.hidden == self.statements else "vastaukset ovat pelkkiä yhteystietoja"

    @property
    def mixed_note(self) -> str:
        """ "sekalainen ryhmä: …" for a mixed group (see ``clusters.labels.is_mixed``), else ""."""
        share = self.label_share
        if (
            share is None
            or self.number is None
            or self.statements is None
            or not is_mixed(share, self.statements)
        ):
            return ""
        return f"sekalainen ryhmä: otsikon sanoja vain {round(100 * share)} %:ssa lausumista"


@dataclass
class Part:
    """ "Toimii" or "Kehitettävää" of one question."""

    key: str
    title: str
    polarities: tuple[str, ...]
    statements: int  # statements (sentences, list items) of the answers
    respondents: int
    themes: list[Theme]
    positions: list[int]  # answers (positions in the tagged frame) with a statement here
    labels: dict[int, str]  # answer position -> theme label


def statements_phrase(n: int) -> str:
    """ "1 lausuma", "3 lausumaa"."""
    return f"{n} lausuma" if n == 1 else f"{n} lausumaa"


def part_counts(part: Part) -> str:
    """ "12 lausumaa 10 vastauksesta 9 vastaajalta"."""
    return (
        f"{statements_phrase(part.statements)} {len(part.positions)} vastauksesta "
        f"{part.respondents} vastaajalta"
    )


@dataclass
class QuestionSection:
    """The section of one open question."""

    question: Any
    title: str
    anchor: str
    parts: list[Part]


def cluster_part(
    frame: pd.DataFrame,
    polarity: tuple[str, ...],
    question: Any,
    *,
    min_cell: int = MIN_CELL,
) -> Any:
    """The statements with one of ``polarity`` answering ``question``, clustered.

    ``frame`` has a RangeIndex (positions in the tagged answers). Answers are split into
    statements (sentences, list items), each with its own polarity, so a two-sentence answer may
    give a statement to "Toimii" and another to "Kehitettävää"; ``assignments["source_index"]``
    is the answer's position. A ``QUOTABLE`` column (the report's small-group rule per answer)
    decides which statements may be quoted or give label words. None when there are no such
    statements.
    """
    from vastausanalyysi.clusters import cluster_statements

    rows = frame
    if QUESTION in frame.columns:  # only this question's answers are split and tagged
        keep = np.array([none_if_missing(q) == question for q in frame[QUESTION].tolist()])
        rows = frame[keep.astype(bool)]
    if rows.empty:
        return None
    try:
        clustering = cluster_statements(
            rows,
            polarity=polarity,
            question=None if question is None or QUESTION not in rows.columns else (question,),
            question_column=QUESTION,
            split=True,
            group_column=None,  # the report's own rule, QUOTABLE, decides
            county_column=None,
            min_cell=min_cell,
            quotable_column=QUOTABLE if QUOTABLE in rows.columns else None,
        )
    except ClusteringError as exc:
        raise ReportError(f"cannot cluster the answers of {question!r}: {exc}") from exc
    return clustering if len(clustering.assignments) else None


def substantive(clustering: Any) -> Any:
    """``clustering`` without its statements that have nothing to cluster on (non-answers such as
    "Ei kommentteja.", empty list items: cluster -1); None when none is left."""
    assignments = clustering.assignments
    keep = [str(c) != "-1" for c in assignments["cluster"].tolist()]
    if not any(keep):
        return None
    if all(keep):
        return clustering
    kept = assignments[np.array(keep, dtype=bool)].reset_index(drop=True)
    return _WithAssignments(clustering, kept)


def clustering_frame(tagged: pd.DataFrame) -> pd.DataFrame:
    """The tagged answers as clustering input: positions as index, a ``lemmas`` column only if
    every cell is a list (a CSV round trip leaves text, and the clustering lemmatises then)."""
    frame = tagged.reset_index(drop=True)
    if "lemmas" in frame.columns and not all(
        isinstance(v, list | tuple | np.ndarray) for v in frame["lemmas"].tolist()
    ):
        frame = frame.drop(columns="lemmas")
    return frame


def _checked(clustering: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = getattr(clustering, "clusters", None)
    assignments = getattr(clustering, "assignments", None)
    if not isinstance(table, pd.DataFrame) or "cluster" not in table.columns:
        raise ReportError(
            "clustering must have a .clusters DataFrame (the result of cluster_statements), got "
            f"{type(clustering).__name__}"
        )
    if not isinstance(assignments, pd.DataFrame) or "cluster" not in assignments.columns:
        raise ReportError("clustering must have .assignments with a 'cluster' column")
    return table, assignments


def themes_of(
    clustering: Any,
    positions: Sequence[int] | None,
    answers: pd.DataFrame,
    who: Sequence[object],
    names: Names,
    masker: Masker,
    shown: set[str],
    texts: Sequence[str] | None = None,
) -> tuple[list[Theme], dict[int, str], set[int]]:
    """The themes of a clustering; row ``i`` of its assignments comes from answer ``positions[i]``.

    ``positions`` None: every answer, in order. ``texts``: each assignment row's quotable text
    (masked), default its answer's text. Quotes are the distinct wordings nearest each cluster's
    centre; statements of answers under the small-cell rule (``answers["_ok"]``) are never quoted.
    The labels map each answer position to its themes' labels ("; " between several). The
    clusters of such statements only are one line without counts (``SMALL_GROUPS_THEME``), and
    their rows (returned last) count in no share or total, so that no count follows for them.
    """
    table, assignments = _checked(clustering)
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
    if len(pos) and (pos.min() < 0 or pos.max() >= len(answers)):
        raise ReportError("clustering.assignments refers to rows outside the tagged answers")
    clusters = [none_if_missing(c) for c in assignments["cluster"].tolist()]
    sim = (
        pd.to_numeric(assignments["similarity"], errors="coerce").fillna(-2.0).to_numpy()
        if "similarity" in assignments.columns
        else np.zeros(len(assignments))
    )
    answer_texts = answers["_text"].tolist()
    row_texts = [answer_texts[p] for p in pos] if texts is None else list(texts)
    answer_keys = [quote_key(t) for t in answer_texts]  # a statement other than its answer: split
    parts = [quote_key(row_texts[i]) != answer_keys[p] for i, p in enumerate(pos)]
    if "quote" in assignments.columns:  # near-identical statements: one quote, one wording
        row_texts = _commonest_wordings(assignments["quote"].tolist(), row_texts)
    answer_ok = answers["_ok"].tolist()
    allowed = [answer_ok[p] for p in pos]
    row_who = [who[p] for p in pos]
    area_lists, mech_lists = answers["_areas"].tolist(), answers["_mechanisms"].tolist()
    codes = [[names.code(c) for c in (*area_lists[p], *mech_lists[p])] for p in pos]
    raw_labels = [cell_text(v) for v in table.get("label", pd.Series([""] * len(table))).tolist()]
    labels = masker.many(raw_labels)
    score_cols = [c for c in table.columns if str(c).startswith("score:")]
    themes: list[Theme] = []
    label_of: dict[int, list[str]] = {}
    number = 0
    ids = table["cluster"].tolist()
    members_of = [[i for i, c in enumerate(clusters) if str(c) == str(cluster)] for cluster in ids]
    closed = {  # the statements of clusters of small groups only
        i
        for cluster, members in zip(ids, members_of, strict=True)
        if str(cluster) != "-1" and not any(allowed[i] for i in members)
        for i in members
    }
    total_who = len({w for i, w in enumerate(row_who) if i not in closed}) or 1
    shares = [
        # the share of statements with a label word, for a label made of the cluster's words
        # that is shown (not a placeholder for a cluster of small groups only)
        _float(table["label_share"].iat[r])
        if "label_share" in table.columns and labels[r] and any(allowed[i] for i in members_of[r])
        else None
        for r in range(len(table))
    ]
    # a mixed group after the others (the same test as Theme.mixed_note)
    order = sorted(
        range(len(table)),
        key=lambda r: (shares[r] is not None and is_mixed(shares[r], len(members_of[r])), r),
    )
    for row_i in order:
        cluster, members, label_share = ids[row_i], members_of[row_i], shares[row_i]
        if not members or members[0] in closed:  # its words and size would be theirs alone
            continue
        no_cluster = str(cluster) == "-1"
        members.sort(key=lambda i: (-round(float(sim[i]), 12), i))
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
        for i in members:
            own = label_of.setdefault(int(pos[i]), [])
            if label not in own:
                own.append(label)
        quotes = (
            []
            if no_cluster
            else distinct_quotes(
                members,
                row_texts,
                row_who,
                allowed,
                codes,
                limit=MAX_QUOTES,
                shown=shown,
                parts=parts,
            )
        )
        table_codes = (
            [names.code(c) for c in as_list(table["codes"].iat[row_i])]
            if "codes" in table.columns
            else []
        )
        respondents = len({row_who[i] for i in members})
        themes.append(
            Theme(
                None if no_cluster else number,
                label,
                len(members),
                respondents,
                respondents / total_who,
                table_codes,
                quotes,
                sum(1 for i in members if not allowed[i]),
                {str(c)[len("score:") :]: _float(table[c].iat[row_i]) for c in score_cols},
                _int(table["n_scored"].iat[row_i]) if "n_scored" in table.columns else None,
                label_share,
                cluster,
            )
        )
    if closed:  # one line for all of them, with nothing of theirs: no words, codes or counts
        for i in sorted(closed):
            own = label_of.setdefault(int(pos[i]), [])
            if SMALL_GROUPS_THEME not in own:
                own.append(SMALL_GROUPS_THEME)
        themes.append(Theme(None, SMALL_GROUPS_THEME, None, None, None, [], []))
    return themes, {p: "; ".join(ls) for p, ls in label_of.items()}, closed


def _commonest_wordings(quotes: Sequence[object], texts: Sequence[str]) -> list[str]:
    """Each row's text as its quote's wording (``commonest_wording``), so that the
    near-identical statements of one quote (``cluster_statements``' ``quote``: typos, "a" for
    "ä") are quoted once, with every respondent who wrote them; rows without a quote keep their
    own text."""
    members: dict[str, list[str]] = {}
    for q, text in zip(quotes, texts, strict=True):
        if none_if_missing(q) is not None and str(q) != "-1":
            members.setdefault(str(q), []).append(text)
    best = {q: commonest_wording(ts) for q, ts in members.items()}
    return [
        best.get(str(q), text) if none_if_missing(q) is not None else text
        for q, text in zip(quotes, texts, strict=True)
    ]


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
    """The themes of a clustering of every answer (its assignments aligned with the answers).

    A clustering of statements (``split=True``: several rows per answer, each with its
    ``source_index``) is read per statement, quoted by statement, and numbered per answer by its
    statements' most common cluster (``clustering.answers``)."""
    assignments = getattr(clustering, "assignments", None)
    per_answer = None
    if isinstance(assignments, pd.DataFrame) and len(assignments) != len(answers):
        sources = assignments.get("source_index")
        if index.is_unique and sources is not None and sources.isin(index).all():
            positions = index.get_indexer(sources)
            texts = (  # each statement quoted as itself; without a text column, its answer
                masker.many([cell_text(t) for t in assignments["text"]])
                if "text" in assignments.columns
                else None
            )
            themes, labels, _ = themes_of(
                clustering, positions, answers, who, names, masker, shown, texts
            )
            found = getattr(clustering, "answers", None)
            per_answer = (
                found["cluster"].reindex(index).tolist()
                if isinstance(found, pd.DataFrame) and "cluster" in found.columns
                else [None] * len(index)
            )
        elif not (assignments.index.is_unique and index.is_unique):
            raise ReportError(
                f"clustering.assignments has {len(assignments)} rows that cannot be aligned with "
                f"the {len(answers)} tagged answers"
            )
        else:
            clustering = _WithAssignments(clustering, assignments.reindex(index))
    if per_answer is None:
        themes, labels, _ = themes_of(clustering, None, answers, who, names, masker, shown)
    numbers: dict[int, int | None] = {}
    clusters = per_answer if per_answer is not None else clustering.assignments["cluster"].tolist()
    table = clustering.clusters
    # the numbers the themes have (a mixed group is numbered after the others; the small
    # groups' clusters and the statements with nothing to cluster on have none)
    number_of = {str(t.cluster): t.number for t in themes if t.cluster is not None}
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
    *,
    quotable: Sequence[bool] | None = None,
    min_cell: int = MIN_CELL,
) -> list[QuestionSection]:
    """One section per open question (the order of first appearance), each with its two parts.

    ``quotable``: whether each answer may be quoted under the small-cell rule
    (``answers["_ok"]``): the clustering takes its quotes and label words only from those.
    """
    if POLARITY not in tagged.columns:
        return []
    frame = clustering_frame(tagged)
    frame[POLARITY] = [cell_text(p) for p in frame[POLARITY].tolist()]
    if quotable is not None:
        frame[QUOTABLE] = [bool(q) for q in quotable]
    finnish = frame  # answers in another language have no polarity: not a wish either
    if LANGUAGE in frame.columns:
        keep = [cell_text(v) in ("", "fi") for v in frame[LANGUAGE].tolist()]
        finnish = frame[np.array(keep, dtype=bool)]
    if QUESTION in frame.columns:
        questions = [q for q in dict.fromkeys(none_if_missing(v) for v in frame[QUESTION].tolist())]
    else:
        questions = [None]
    sections = []
    for i, question in enumerate(questions, start=1):
        title = NO_QUESTION if question is None else cell_text(question)
        parts = []
        for key, part_title, default in PARTS:
            polarity = part_polarities(key, default, question)
            development = polarity == DEVELOPMENT_POLARITIES
            clustering = cluster_part(
                finnish if development else frame,
                polarity,
                question,
                min_cell=min_cell,
            )
            if clustering is not None and development:
                clustering = substantive(clustering)
            if clustering is None:
                parts.append(Part(key, part_title, polarity, 0, 0, [], [], {}))
                continue
            assignments = clustering.assignments
            sources = [int(p) for p in assignments["source_index"].tolist()]
            texts = masker.many([cell_text(t) for t in assignments["text"].tolist()])
            themes, label_of, closed = themes_of(
                clustering, sources, answers, who, names, masker, shown, texts=texts
            )
            # the counts leave out the small groups' clusters, whose size they would give
            counted = [p for i, p in enumerate(sources) if i not in closed]
            positions = list(dict.fromkeys(counted))
            parts.append(
                Part(
                    key,
                    part_title,
                    polarity,
                    len(counted),
                    len({who[p] for p in positions}),
                    themes,
                    positions,
                    label_of,
                )
            )
        sections.append(QuestionSection(question, title, f"kysymys-{i}", parts))
    return sections


__all__ = [
    "DEVELOPMENT_POLARITIES",
    "MAX_QUOTES",
    "NO_QUESTION",
    "PARTS",
    "QUOTABLE",
    "OverallClusters",
    "Part",
    "QuestionSection",
    "Theme",
    "cluster_part",
    "clustering_frame",
    "part_counts",
    "part_polarities",
    "prepare_overall",
    "prepare_questions",
    "statements_phrase",
    "themes_of",
]
