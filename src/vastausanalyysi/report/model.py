"""The view model: what the report shows, prepared once for every format.

:func:`build_model` checks the tagged answers, masks every free text, names codes, groups and
regions, prepares the optional sections (:mod:`.sections`), the top evidence and the "what works"
highlights, and returns a :class:`ReportModel`. The renderers (``html``, ``xlsx``, ``markdown``)
only lay it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ReportError, VastausanalyysiError
from vastausanalyysi.report.evidence import evidence_entries, evidence_summary, evidence_table
from vastausanalyysi.report.formatting import as_list, cell_text, none_if_missing
from vastausanalyysi.report.labels import Names
from vastausanalyysi.report.links import (
    ClusterLink,
    LinkSection,
    cluster_links,
    cluster_members,
    prepare_links,
)
from vastausanalyysi.report.masking import Masker
from vastausanalyysi.report.mentions import MentionRow, prepare_mentions
from vastausanalyysi.report.questions import (
    OverallClusters,
    QuestionSection,
    prepare_overall,
    prepare_questions,
)
from vastausanalyysi.report.quotes import (
    cell_sizes,
    clean_quote,
    quote_key,
    respondent_keys,
    says_nothing,
    showable,
)
from vastausanalyysi.report.scores import (
    ScoreSection,
    is_respondent_scores,
    prepare_published_scores,
    prepare_survey_scores,
)
from vastausanalyysi.report.sections import GROUP_ORDER, FreqSection, prepare_freqs
from vastausanalyysi.report.waves import WaveRow, prepare_waves
from vastausanalyysi.schema import (
    AREAS,
    COARSE_GROUP,
    EVIDENCE,
    GROUP,
    LANGUAGE,
    LEMMAS,
    MECHANISMS,
    MIN_CELL,
    OLD_PROBABILITIES,
    POLARITY,
    POLARITY_EVIDENCE,
    PROBABILITIES,
    QUESTION,
    REGION,
    RESPONDENT_ID,
    TEXT,
)

MAX_HIGHLIGHTS = 3
"""How many "what works" answers are shown per respondent group."""
ANSWER_COLUMNS: tuple[str, ...] = (RESPONDENT_ID, QUESTION, GROUP, COARSE_GROUP, REGION)
"""Columns of the tagged answers that the report can show as they are."""
GROUPING_COLUMNS: tuple[str, ...] = (GROUP, COARSE_GROUP, REGION, "county")
"""Columns that place a respondent in a group or region (shown only at the report's level)."""
CONTENT_COLUMNS: frozenset[str] = frozenset(
    {RESPONDENT_ID, QUESTION, TEXT, "row", AREAS, MECHANISMS, POLARITY, EVIDENCE, LEMMAS,
     POLARITY_EVIDENCE, LANGUAGE, PROBABILITIES, OLD_PROBABILITIES}
)  # fmt: skip
"""Columns of a tagged answer that tell what it says, not who wrote it: every other column
(a municipality, a title) is a label, published beside a text only under the small-cell rule."""


@dataclass
class ReportModel:
    """Everything the report shows; ``None`` and empty sections are left out."""

    title: str
    answers: pd.DataFrame
    names: Names
    masker: Masker
    freqs: FreqSection | None
    questions: list[QuestionSection]
    overall: OverallClusters | None
    scores: list[ScoreSection]
    evidence: pd.DataFrame
    highlights: list[tuple[str, list[dict[str, Any]], str]]  # (group, answers, note)
    highlight_column: str | None
    levels: list[str]  # the grouping columns the report shows (the small-cell cells)
    shown_columns: list[str]  # the answer columns shown in the workbook
    notes: list[str] = field(default_factory=list)
    min_cell: int = MIN_CELL
    sources: Counter[str] = field(default_factory=Counter)
    hidden_answers: int = 0
    links: LinkSection | None = None
    cluster_links: list[ClusterLink] = field(default_factory=list)
    waves: list[WaveRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)


def item_keys(sections: list[ScoreSection], source: str | None = None) -> dict[str, str]:
    """Item id or text -> its short key ("K3") in the first score table that has it (of the
    sections of ``source``, SURVEY or PUBLISHED, if given: the key of the mean shown)."""
    keys: dict[str, str] = {}
    for section in sections:
        if source is not None and section.source != source:
            continue
        for table in section.tables:
            for item, text, key in zip(table.items, table.texts, table.keys, strict=True):
                keys.setdefault(item, key)
                keys.setdefault(text, key)
    return keys


def prepare_score_links(
    tagged: pd.DataFrame,
    clustering: Any,
    given: list[tuple[Any, str]],
    sections: list[ScoreSection],
    names: Names,
    min_cell: int,
    levels: list[str],
    masker: Masker,
    numbers: dict[int, int | None] | None = None,
) -> tuple[LinkSection | None, list[ClusterLink]]:
    """The codes and the clusters beside the linked items' means, from the first scores given
    (the survey's own before the published ones) that link to any code; ``numbers``: the
    clusters' numbers as the report's themes have them."""
    for scores, source in given:
        keys = item_keys(sections, source)
        try:
            links = prepare_links(tagged, scores, source, names, keys, min_cell, levels)
        except VastausanalyysiError:  # e.g. codes the summaries cannot read: no links shown
            links = None
        if links is None or not any(r.mean is not None for r in links.rows):
            continue
        found: list[ClusterLink] = []
        clusters = getattr(clustering, "clusters", None)
        if isinstance(clusters, pd.DataFrame) and "cluster" in clusters.columns:
            by = next((c for c in (REGION, *levels) if c in tagged.columns), None)
            groups = None
            assignments = getattr(clustering, "assignments", None)
            if by is not None and isinstance(assignments, pd.DataFrame):
                groups = (
                    pd.DataFrame(
                        {"cluster": assignments["cluster"].to_numpy(), by: tagged[by].to_numpy()}
                    )
                    if len(assignments) == len(tagged)
                    else None
                )
            respondents = None
            if by is not None and RESPONDENT_ID in tagged.columns:
                respondents = tagged[[RESPONDENT_ID, by]].dropna().drop_duplicates(RESPONDENT_ID)
                respondents[RESPONDENT_ID] = respondents[RESPONDENT_ID].map(cell_text)
            found = cluster_links(
                clusters,
                scores,
                names,
                keys,
                min_cell,
                statement_groups=groups,
                by=by,
                respondents=respondents,
                members=cluster_members(assignments, tagged),
                numbers=numbers,
            )
            for link, label in zip(found, masker.many([f.label for f in found]), strict=True):
                link.label = label  # cluster labels are lemmas of the answers: masked
        return links, found
    return None, []


def level_columns(freqs: FreqSection | None, answers: pd.DataFrame) -> tuple[list[str], str | None]:
    """The grouping columns the report shows, and the column of the highlights.

    The levels are the frequency table's grouping columns (without ``question``), else the
    coarse group (else the detailed group) column; quotes and answer rows obey the small-cell
    rule at the cells these columns form.
    """
    highlight = next((c for c in (COARSE_GROUP, GROUP) if c in answers.columns), None)
    levels = []
    if freqs is not None:
        levels = [c for c in freqs.by if c in answers.columns and c != QUESTION]
    if not levels and highlight is not None:
        levels = [highlight]
    return levels, highlight


def pick_highlights(
    answers: pd.DataFrame,
    column: str | None,
    min_cell: int,
    names: Names,
    who: list[object],
    shown: set[str],
) -> list[tuple[str, list[dict[str, Any]], str]]:
    """Up to three distinct "what works" answers per respondent group.

    Only answers with a code are highlights. A group with fewer than ``min_cell`` respondents
    gets none; answers under the small-cell rule (``_ok``) and wordings quoted elsewhere in the
    report (``shown``) are skipped.
    """
    if column is None or POLARITY not in answers.columns:
        return []
    out = []
    has_text = answers["_has_text"].tolist()
    cells, sizes = cell_sizes(answers, [column], has_text)
    polarity, texts, ok = (answers[c].tolist() for c in (POLARITY, "_text", "_ok"))
    areas, mechs = answers["_areas"].tolist(), answers["_mechanisms"].tolist()
    anonymous = (
        answers["_anonymous"].tolist() if "_anonymous" in answers.columns else [False] * len(ok)
    )
    if "_labels" in answers.columns:  # quoted under its group: only if the group is published
        ok = [o and column in ls for o, ls in zip(ok, answers["_labels"].tolist(), strict=True)]
    values = list(dict.fromkeys(c[0] for c in cells))
    order = {g: i for i, g in enumerate(GROUP_ORDER)}
    values.sort(key=lambda v: (order.get(v, len(order)), "" if v is None else str(v)))
    for value in values:
        label = names.value(column, value)
        if sizes.get((value,), 0) < min_cell:
            out.append((label, [], f"alle {min_cell} vastaajaa: nostoja ei näytetä"))
            continue
        # a highlight names what works: an answer with a code ("asdf qwerty", "Hyvin menee" to
        # a what-works question are works, but place nothing)
        rows = [
            i
            for i, c in enumerate(cells)
            if c == (value,) and has_text[i] and polarity[i] == "works" and (areas[i] or mechs[i])
        ]
        if not rows:
            out.append(
                (label, [], "ei teemoihin koodattuja toimivaa yhteistyötä kuvaavia vastauksia")
            )
            continue
        if not any(ok[i] for i in rows) and all(anonymous[i] for i in rows):
            out.append((label, [], "ryhmä on piilotettu taulukoissa: nostoja ei näytetä"))
            continue
        same: dict[str, set[object]] = {}
        for i in rows:
            same.setdefault(quote_key(texts[i]), set()).add(who[i])
        scored = sorted(
            rows, key=lambda i: (-(len(areas[i]) + len(mechs[i])), abs(len(texts[i]) - 120), i)
        )
        picks = []
        for i in scored:
            key = quote_key(texts[i])
            if len(picks) >= MAX_HIGHLIGHTS or not key or key in shown or not ok[i]:
                continue
            if says_nothing(texts[i]):
                continue
            shown.add(key)
            picks.append(
                {
                    "text": clean_quote(texts[i]),
                    "codes": [names.code(c) for c in (*areas[i], *mechs[i])],
                    "respondents": len(same[key]),
                }
            )
        for i in scored if not picks else ():  # all quoted earlier: the best again, marked
            if ok[i] and quote_key(texts[i]) and not says_nothing(texts[i]):
                picks.append(
                    {
                        "text": clean_quote(texts[i]),
                        "codes": [names.code(c) for c in (*areas[i], *mechs[i])],
                        "respondents": len(same[quote_key(texts[i])]),
                        "repeated": True,
                    }
                )
                break
        note = "" if picks else "vastaukset on piilotettu tai ne ovat pelkkiä yhteystietoja"
        out.append((label, picks, note))
    return out


def build_model(
    tagged: Any,
    frequencies: Any,
    clustering: Any,
    scores: Any,
    title: str,
    codebook_names: Mapping[str, str] | None,
    mask: bool,
    *,
    respondent_scores: Any = None,
    min_cell: int | None = None,
    questions: bool = True,
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
    if min_cell is not None and (
        isinstance(min_cell, bool) or not isinstance(min_cell, int) or min_cell < 1
    ):
        raise ReportError(f"min_cell must be a positive integer, got {min_cell!r}")
    masker = Masker(mask)
    names = Names(codebook_names)
    answers, texts = _answer_frame(tagged)
    answers["_text"] = masker.many(texts)
    for column in (AREAS, MECHANISMS):
        values = tagged[column].tolist() if column in tagged.columns else [None] * len(tagged)
        answers[f"_{column}"] = [[cell_text(c) for c in as_list(v)] for v in values]
    if POLARITY in tagged.columns:
        answers[POLARITY] = [cell_text(p) for p in tagged[POLARITY].tolist()]
    evidence = tagged[EVIDENCE].tolist() if EVIDENCE in tagged.columns else [None] * len(tagged)
    answers["_evidence"] = [evidence_summary(ev, masker, names) for ev in evidence]
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
    if min_cell is None:
        min_cell = freqs.min_cell if freqs is not None and freqs.min_cell else MIN_CELL
    levels, highlight, cell_columns = _mark_rows(answers, freqs, min_cell)
    who = respondent_keys(answers)
    shown: set[str] = set()
    sections = (
        prepare_questions(
            tagged,
            answers,
            who,
            names,
            masker,
            shown,
            quotable=answers["_ok"].tolist(),
            min_cell=min_cell,
        )
        if questions
        else []
    )
    if questions and POLARITY not in tagged.columns:
        notes.append("Kysymyskohtaiset osiot puuttuvat: vastauksilla ei ole sävyä (polarity).")
    overall = (
        prepare_overall(clustering, answers, tagged.index, who, names, masker, shown)
        if clustering is not None
        else None
    )
    score_sections: list[ScoreSection] = []
    given: list[tuple[Any, str]] = []
    frames = [f for f in (respondent_scores, scores) if f is not None]
    if len(frames) == 2 and all(is_respondent_scores(f) for f in frames):
        # a respondent-level file beside the export's own answers: it replaces them (not twice)
        frames = [scores]
        notes.append("Pistetaulukko korvasi kyselyn omat asteikolliset vastaukset.")
    for frame in frames:  # the survey's own first: its items are K1, K2 …
        if is_respondent_scores(frame):
            score_sections.append(
                prepare_survey_scores(
                    frame, answers, levels, names, min_cell, hidden_cells(freqs, levels)
                )
            )
            given.append((frame, "survey"))
    for frame in frames:  # a published table's items go on from there: one meaning per key
        if not is_respondent_scores(frame):
            first = 1 + sum(len(t.items) for s in score_sections for t in s.tables)
            score_sections.append(prepare_published_scores(frame, names, min_cell, first))
            given.append((frame, "published"))
    numbers = (
        {int(t.cluster): t.number for t in overall.themes if t.cluster is not None}
        if overall is not None
        else None
    )
    links, linked_clusters = prepare_score_links(
        tagged, clustering, given, score_sections, names, min_cell, levels, masker, numbers
    )
    if not score_sections:
        notes.append("Kyselyn keskiarvot puuttuvat: pistetaulukkoa ei annettu.")
    shown_columns = [c for c in answers.columns if c in ANSWER_COLUMNS or c == "county"]
    shown_columns = [c for c in shown_columns if c not in GROUPING_COLUMNS or c in cell_columns]
    return ReportModel(
        title=title,
        answers=answers,
        names=names,
        masker=masker,
        freqs=freqs,
        questions=sections,
        overall=overall,
        scores=score_sections,
        evidence=evidence_table(tagged, 5, names, masker, answers["_ok"].tolist()),
        highlights=pick_highlights(answers, highlight, min_cell, names, who, shown),
        highlight_column=highlight,
        levels=levels,
        shown_columns=shown_columns,
        notes=notes,
        min_cell=min_cell,
        sources=sources,
        hidden_answers=int(answers["_hidden"].sum()),
        links=links,
        cluster_links=linked_clusters,
        waves=prepare_waves(tagged, names, min_cell),
        mentions=next(
            (
                prepare_mentions(tagged, frame, names, item_keys(score_sections, source), min_cell)
                for frame, source in given
                if source == "survey"
            ),
            [],
        ),
    )


def _answer_frame(tagged: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The tagged answers' columns the report reads as they are (``ANSWER_COLUMNS``, county),
    ``_has_text``, and each answer's text."""
    texts = [cell_text(t) for t in tagged[TEXT].tolist()] if TEXT in tagged else [""] * len(tagged)
    answers = pd.DataFrame(index=range(len(tagged)))
    for column in (*ANSWER_COLUMNS, "county"):
        if column in tagged.columns:
            answers[column] = tagged[column].tolist()
    answers["_has_text"] = [bool(t.strip()) for t in texts]
    languages = tagged[LANGUAGE].tolist() if LANGUAGE in tagged.columns else [""] * len(tagged)
    answers["_language"] = [cell_text(v) for v in languages]
    return answers, texts


def not_finnish(answers: pd.DataFrame) -> np.ndarray:
    """The answers with text in another language than Finnish (``language`` of ``tag``): they
    are not coded (no codes, no tone of their own) but stay counted and listed."""
    return np.array(
        [
            h and lang not in ("", "fi")
            for h, lang in zip(answers["_has_text"], answers["_language"], strict=True)
        ],
        dtype=bool,
    )


def _mark_rows(
    answers: pd.DataFrame, freqs: FreqSection | None, min_cell: int
) -> tuple[list[str], str | None, list[str]]:
    """Set ``_ok`` (shown with its text), ``_anonymous`` (listed without group and county) and
    ``_labels`` (the grouping columns whose value is published with the answer) of each answer
    by the report's one small-cell rule (see :func:`published_labels`); returns the levels, the
    highlight column and the columns of the cells (see :func:`level_columns`)."""
    levels, highlight = level_columns(freqs, answers)
    cell_columns = list(dict.fromkeys([*levels, *([highlight] if highlight else [])]))
    has_text = answers["_has_text"].tolist()
    ok = np.ones(len(answers), dtype=bool)
    for column in cell_columns:  # the group and the county each have min_cell respondents
        ok &= showable(answers, [column], has_text, min_cell)
    answers["_ok"] = ok
    answers["_anonymous"] = anonymous_rows(answers, cell_columns, freqs, min_cell)
    # text hidden on the answer rows: under the rule, or anonymous (listed without group and
    # county: a hidden group's rows with text beside another's without would tell them apart)
    answers["_hidden"] = answers["_has_text"] & (~answers["_ok"] | answers["_anonymous"])
    answers["_labels"] = published_labels(answers, cell_columns, levels, min_cell)
    return levels, highlight, cell_columns


def published_labels(
    answers: pd.DataFrame, columns: list[str], levels: list[str], min_cell: int
) -> list[tuple[str, ...]]:
    """The grouping columns whose values are published with each answer.

    The rule: no combination of labels shared by fewer than ``min_cell`` respondents (with an
    answer) is published with an answer. An anonymous answer (``_anonymous``) has none. Else
    all ``columns`` when the answer's combination of them (e.g. group × county) has
    ``min_cell`` respondents; else only the columns the frequency tables do not show (the group
    of a report by county), when each such value has ``min_cell`` respondents. The tables'
    column (the county) is left out then, because a table's total minus the answers listed with
    that county gives the others' codes: so that those others are ``min_cell`` respondents or
    none, the smallest combinations of the same county lose the county too until they are.
    """
    anonymous = answers["_anonymous"].to_numpy(dtype=bool)
    extra = [c for c in columns if c not in levels]
    table = [c for c in columns if c in levels]
    if not extra or not table:
        return [() if a else tuple(columns) for a in anonymous]
    has_text = answers["_has_text"].tolist()
    cells, sizes = cell_sizes(answers, columns, has_text)
    where = [columns.index(c) for c in table]
    extra_ok = np.ones(len(answers), dtype=bool)
    for column in extra:
        extra_ok &= showable(answers, [column], has_text, min_cell)
    full = [not a and sizes.get(c, 0) >= min_cell for a, c in zip(anonymous, cells, strict=True)]
    who = respondent_keys(answers)
    rows_of: dict[tuple[object, ...], list[int]] = {}
    for i, cell in enumerate(cells):
        rows_of.setdefault(tuple(cell[k] for k in where), []).append(i)
    for rows in rows_of.values():
        if all(anonymous[i] for i in rows):  # the tables hide this county: nothing to subtract
            continue
        off = {who[i] for i in rows if has_text[i] and not full[i]}
        combos = sorted(
            {cells[i] for i in rows if full[i]}, key=lambda c: (sizes.get(c, 0), str(c))
        )
        for combo in combos:
            if not off or len(off) >= min_cell:
                break
            for i in rows:
                if cells[i] == combo:
                    full[i] = False
                    if has_text[i]:
                        off.add(who[i])
    return [
        () if anonymous[i] else tuple(columns) if full[i] else (tuple(extra) if extra_ok[i] else ())
        for i in range(len(answers))
    ]


#: What stands for the group and county of an answer listed without them.
HIDDEN_GROUP = "(piilotettu)"


def hidden_note(min_cell: int) -> str:
    """What stands for the text of an answer under the small-cell rule."""
    return f"(piilotettu: vastaajan ryhmässä tai alueella alle {min_cell} vastaajaa)"


def publishable_answers(
    tagged: pd.DataFrame, frequencies: pd.DataFrame | None, min_cell: int = MIN_CELL
) -> pd.DataFrame:
    """``tagged`` under the report's small-cell rules, for a file written beside the report.

    Same rows and columns. At the report's level (its cells, see :func:`level_columns`) the
    rows are those of the workbook's answer sheet (``_labels``: :func:`published_labels`).
    Each other group or region column is judged on its own the same way (its values of fewer
    than ``min_cell`` respondents, with the smallest others until two values and ``min_cell``
    respondents), and its value is shown only where its combination with the labels shown has
    ``min_cell`` respondents and the answer is not anonymous. An answer under the rule at the
    report's level, or listed without its group (``_anonymous``), keeps its codes but not its
    text, lemmas or evidence, as on the workbook's answer sheet (the same texts are shown in
    both); a label left out reads ``HIDDEN_GROUP``.
    Personal data is not masked here.
    """
    answers, _ = _answer_frame(tagged)
    freqs = prepare_freqs(frequencies, Names(None)) if frequencies is not None else None
    _, _, cell_columns = _mark_rows(answers, freqs, min_cell)
    under = answers["_hidden"].to_numpy(dtype=bool)
    labels = answers["_labels"].tolist()
    hide = {c: np.array([c not in ls for ls in labels], dtype=bool) for c in cell_columns}
    has_text = answers["_has_text"].tolist()
    who = respondent_keys(answers)
    # every other label column (a municipality, a title: ``-b municipality``) as well
    others = [c for c in tagged.columns if c not in CONTENT_COLUMNS and c not in answers.columns]
    for column in others:
        answers[column] = [_label_value(v) for v in tagged[column].tolist()]
    anonymous = np.array(answers["_anonymous"], dtype=bool)
    shown = [list(ls) for ls in labels]  # the labels published with each answer so far
    named = {*GROUPING_COLUMNS, *others, *(c for ls in labels for c in ls)} & set(answers.columns)
    keys_of = {c: [none_if_missing(v) for v in answers[c].tolist()] for c in named}  # read once
    for column in (*GROUPING_COLUMNS, *others):
        if column in answers.columns and column not in hide:
            hidden = np.zeros(len(answers), dtype=bool)
            if column in GROUPING_COLUMNS:  # a small group or county the report does not show:
                alone = answers.copy()  # its label is left out; the text follows the report's
                alone["_ok"] = showable(alone, [column], has_text, min_cell)  # rule (its sheet)
                hidden = anonymous_rows(alone, [column], None, min_cell)
            # with every label published beside it, the combination has min_cell respondents
            keys = [tuple((c, keys_of[c][i]) for c in (*ls, column)) for i, ls in enumerate(shown)]
            sizes = _combination_sizes(answers, keys, has_text, who)
            small = np.array([sizes[k] < min_cell for k in keys], dtype=bool)
            # an answer listed without its group and county shows no other grouping either: a
            # subgroup would tell the group the tables hide
            hide[column] = hidden | small | anonymous
            for i in np.flatnonzero(~hide[column]):
                shown[i].append(column)
    out = tagged.copy()
    blank = {TEXT: hidden_note(min_cell), EVIDENCE: {}, POLARITY_EVIDENCE: [], LEMMAS: []}
    for column, value in blank.items():
        if column in out.columns:
            out[column] = [
                (value.copy() if isinstance(value, dict | list) else value) if u else v
                for v, u in zip(out[column].tolist(), under, strict=True)
            ]
    for column, rows in hide.items():
        if column in out.columns:
            values = out[column].tolist()
            out[column] = [HIDDEN_GROUP if a else v for v, a in zip(values, rows, strict=True)]
    return out


def _label_value(value: Any) -> Any:
    """A label cell as a key: a list or dict cell as its text."""
    return str(value) if isinstance(value, list | dict | set) else value


def _combination_sizes(
    answers: pd.DataFrame,
    keys: list[tuple[tuple[str, object], ...]],
    has_text: list[bool],
    who: list[object],
) -> dict[tuple[tuple[str, object], ...], int]:
    """Respondents with an answer who share each combination of (column, value) labels."""
    by_columns: dict[tuple[str, ...], dict[tuple[object, ...], set[object]]] = {}
    for key in dict.fromkeys(keys):
        by_columns.setdefault(tuple(c for c, _ in key), {})
    for columns, members in by_columns.items():  # one pass over the answers per column set
        values = [[none_if_missing(v) for v in answers[c].tolist()] for c in columns]
        for i in range(len(answers)):
            if has_text[i]:
                members.setdefault(tuple(col[i] for col in values), set()).add(who[i])
    return {
        key: len(by_columns[tuple(c for c, _ in key)].get(tuple(v for _, v in key), ()))
        for key in dict.fromkeys(keys)
    }


def hidden_cells(
    freqs: FreqSection | None, columns: Collection[str]
) -> tuple[list[str], set[tuple[object, ...]]] | None:
    """The frequency tables' grouping columns (those among ``columns``) and their cells that
    the tables hide (primary and secondary suppression), or None without such tables: every
    other table of the report hides them too, so that no table gives a hidden group's size."""
    if freqs is None or not freqs.by:
        return None
    table = freqs.table
    by = [c for c in freqs.by if c in columns and c in table.columns]
    if not by or "suppressed" not in table.columns:
        return None
    rows = table.loc[table["suppressed"].astype(bool), by].itertuples(index=False, name=None)
    secret = {tuple(none_if_missing(v) for v in row) for row in rows}
    if by == list(freqs.by):  # and the groups the report hides itself (older tables)
        secret |= {g for layer in freqs.layers for g in layer.hidden}
    return by, secret


def anonymous_rows(
    answers: pd.DataFrame, columns: list[str], freqs: FreqSection | None, min_cell: int
) -> np.ndarray:
    """The answers listed without their group and county (the workbook's answer sheet).

    The answers under the small-cell rule (``_ok`` False) and, so that their codes cannot be
    told apart by subtracting the others from a total, the answers of every cell that the
    frequency tables hide (primary and secondary suppression). Without frequency tables, the
    smallest other cells join until the anonymous answers come from two cells or more and
    ``min_cell`` respondents or more.
    """
    hidden = ~answers["_ok"].to_numpy(dtype=bool) & answers["_has_text"].to_numpy(dtype=bool)
    if not columns or not hidden.any():
        return hidden
    found = hidden_cells(freqs, answers.columns)
    if found is not None:
        by, secret = found
        cells = zip(*(answers[c].tolist() for c in by), strict=True)
        in_secret = [tuple(none_if_missing(v) for v in cell) in secret for cell in cells]
        return hidden | np.array(in_secret, dtype=bool)
    cells, sizes = cell_sizes(answers, columns, answers["_has_text"].tolist())
    chosen = {c for c, h in zip(cells, hidden, strict=True) if h}
    for cell in sorted(sizes, key=lambda c: (sizes[c], str(c))):
        if len(chosen) >= 2 and sum(sizes.get(c, 0) for c in chosen) >= min_cell:
            break
        chosen.add(cell)
    return np.array([c in chosen for c in cells], dtype=bool) | hidden


__all__ = [
    "ANSWER_COLUMNS",
    "GROUPING_COLUMNS",
    "HIDDEN_GROUP",
    "MAX_HIGHLIGHTS",
    "ReportModel",
    "anonymous_rows",
    "build_model",
    "hidden_note",
    "item_keys",
    "level_columns",
    "not_finnish",
    "pick_highlights",
    "prepare_score_links",
    "publishable_answers",
]
