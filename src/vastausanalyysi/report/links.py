"""Codes beside their linked survey items' scores: the view model of the report's link sections.

* :func:`prepare_links` — each theme's and mechanism's share (with its interval) beside its linked
  item's mean (:func:`vastausanalyysi.summary.join_scores`): over all respondents (the codes'
  overall shares next to the "Kaikki vastaajat" means), and, when two or more groups have both a
  share and a mean, the correlations across the groups
  (:func:`vastausanalyysi.summary.score_correlations`).
* :func:`cluster_links` — each cluster's dominant mechanism codes, their linked items and those
  items' means, overall and where the cluster's statements come from
  (:func:`vastausanalyysi.summary.linked_scores`).

Both take either kind of scores: respondent-level (``Survey.scores``) or aggregated means (the
published tables, ``va.load_published_scores()``).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from vastausanalyysi.errors import VastausanalyysiError
from vastausanalyysi.report.formatting import as_list, cell_text, int_or_none, number_or_none
from vastausanalyysi.report.labels import BY_ADVERBS, Names
from vastausanalyysi.schema import (
    AREAS,
    MECHANISMS,
    NON_ANSWERS,
    PARENT_COLUMNS,
    REGION,
    RESPONDENT_ID,
    strip_prefix,
)
from vastausanalyysi.summary import (
    join_scores,
    linked_scores,
    score_correlations,
    theme_frequencies,
)
from vastausanalyysi.summary.scores import group_keys

MAX_CLUSTER_CODES = 3
"""How many of a cluster's most frequent mechanism codes are shown with their linked items."""
LAYER_ORDER = {"area": 0, "mechanism": 1}


@dataclass
class LinkRow:
    """One code and one linked item: the code's share and the item's mean."""

    layer: str
    code: str
    name: str
    share: float | None
    low: float | None
    high: float | None
    n: int | None
    base: int | None
    suppressed: bool
    item_id: str
    item: str
    key: str
    mean: float | None
    score_n: int | None
    score_suppressed: bool


@dataclass
class Correlation:
    """A code's share against its linked item's mean across groups."""

    layer: str
    code: str
    name: str
    item: str
    key: str
    n: int
    rho: float | None
    r: float | None
    low: float | None
    high: float | None
    p: float | None
    small_n: bool


@dataclass
class LinkSection:
    """The codes beside their linked items' means (all respondents), and correlations."""

    source: str  # "survey" or "published"
    rows: list[LinkRow]  # codes whose linked item is in the scores
    correlations: list[Correlation]
    corr_by: str  # the groups of the correlations, as an adverb ("alueittain"), or ""
    unlinked: int  # codes with no linked item
    notes: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)  # names of codes whose items are not scored
    non_answers: int | None = None  # respondents out of the base for giving only non-answers


def non_answer_note(links: LinkSection) -> str:
    """The sentence under the links table on the non-answers left out of its base ("" when
    there are none, or their number is hidden)."""
    if not links.non_answers:
        return ""
    return (
        f"Perusjoukkoon eivät kuulu {links.non_answers} vastaajaa, joiden vastauksissa ei ole "
        "sisältöä (esim. ”eos”, ”-”)."
    )


OWN_MEAN_NOTE = (
    "Ryhmän vastaajat = ryhmään kuuluvien vastaajien keskiarvo kohdassa (n = kohdan arvioineet; "
    "alle {min_cell} vastaajan keskiarvo piilotettu). Kaikki vastaajat = kohdan keskiarvo koko "
    "aineistossa."
)
"""The note under the clusters' linked means when the clusters' own respondents' means show."""


@dataclass
class ClusterLink:
    """A cluster's dominant mechanism code, a linked item and its means."""

    cluster: int
    number: int  # the cluster's number in the report (1, 2, … in the table's order)
    label: str
    size: int
    code: str
    name: str
    statements: int  # the cluster's statements with this code
    item: str
    key: str
    mean: float | None  # all respondents
    local_mean: float | None  # weighted by the cluster's statements over their groups
    groups: int  # groups of the cluster's statements with a mean
    by: str = ""  # the column of those groups
    own_mean: float | None = None  # the cluster's own respondents (respondent-level scores)
    own_n: int | None = None  # those of them who scored the item (None: hidden or not known)


def _quiet(func: Any, *args: Any, **kwargs: Any) -> tuple[Any, list[str]]:
    """``func(*args, **kwargs)`` with its warnings caught and returned as texts."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = func(*args, **kwargs)
    return value, [str(w.message) for w in caught]


def _respondents(tagged: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame | None:
    """Each respondent's groups (the first non-missing), for respondent-level scores, with the
    coarser column of a nested one (a group's coarse group: the means follow the nested rule)."""
    if RESPONDENT_ID not in tagged.columns or not all(c in tagged.columns for c in by):
        return None
    parents = [PARENT_COLUMNS[c] for c in by if c in PARENT_COLUMNS]
    parents = [c for c in dict.fromkeys(parents) if c in tagged.columns and c not in by]
    frame = tagged[[RESPONDENT_ID, *by, *parents]].copy()
    frame[RESPONDENT_ID] = frame[RESPONDENT_ID].map(cell_text)
    frame = frame[frame[RESPONDENT_ID] != ""]
    return frame.dropna(subset=list(by)).drop_duplicates(RESPONDENT_ID)


def _scores_for(scores: pd.DataFrame) -> pd.DataFrame:
    """Respondent-level scores with ids as text (so that they meet the tagged frame's)."""
    if "value" in scores.columns and RESPONDENT_ID in scores.columns:
        scores = scores.copy()
        scores[RESPONDENT_ID] = scores[RESPONDENT_ID].map(cell_text)
    return scores


def _join(
    freqs: pd.DataFrame,
    scores: pd.DataFrame,
    by: list[str],
    tagged: pd.DataFrame,
    min_cell: int,
) -> tuple[pd.DataFrame | None, list[str]]:
    """``join_scores`` with the groups of respondent-level scores from ``tagged``; None when
    the scores have no such groups."""
    kwargs: dict[str, Any] = {"by": by or None, "min_cell": min_cell}
    if by and "value" in scores.columns:
        respondents = _respondents(tagged, by)
        if respondents is None:
            return None, []
        kwargs["respondents"] = respondents
    try:
        return _quiet(join_scores, freqs, _scores_for(scores), **kwargs)
    except VastausanalyysiError:
        return None, []


def prepare_links(
    tagged: pd.DataFrame,
    scores: pd.DataFrame,
    source: str,
    names: Names,
    keys: Mapping[str, str],
    min_cell: int,
    group_by: Sequence[str] = (),
) -> LinkSection | None:
    """The codes' overall shares beside their linked items' overall means, and correlations
    across the groups of ``group_by`` (or the regions, when the answers carry one)."""
    if not any(c in tagged.columns for c in (AREAS, MECHANISMS)):
        return None
    overall = theme_frequencies(tagged, None, min_cell=min_cell)
    joined, _ = _join(overall, scores, [], tagged, min_cell)
    if joined is None:
        return None
    scored = (joined["score_n"].fillna(0).astype(int) > 0) | joined["score_suppressed"].astype(bool)
    linked = joined[joined["item_id"].notna() & scored]
    absent = [
        names.code(c)
        for c in dict.fromkeys(joined.loc[joined["item_id"].notna() & ~scored, "code"])
        if c not in set(linked["code"])
    ]
    unlinked = int(joined.loc[joined["item_id"].isna(), "code"].nunique())
    rows = []
    for _, row in linked.iterrows():
        item = cell_text(row["item"]) or cell_text(row["item_id"])
        rows.append(
            LinkRow(
                cell_text(row["layer"]),
                cell_text(row["code"]),
                names.code(row["code"]),
                number_or_none(row.get("share")),
                number_or_none(row.get("ci_low")),
                number_or_none(row.get("ci_high")),
                int_or_none(row.get("n")),
                int_or_none(row.get("base")),
                bool(row.get("suppressed", False)),
                cell_text(row["item_id"]),
                item,
                keys.get(cell_text(row["item_id"])) or keys.get(item, ""),
                number_or_none(row["score_mean"]),
                None if row["score_suppressed"] else int_or_none(row["score_n"]),  # hidden too
                bool(row["score_suppressed"]),
            )
        )
    rows.sort(key=lambda r: (LAYER_ORDER.get(r.layer, 9), -(r.share or 0.0), r.code, r.key))
    correlations, corr_by = _correlations(tagged, scores, names, keys, min_cell, group_by)
    notes = []
    if not corr_by and (group_by or REGION in tagged.columns):
        notes.append(
            "Korrelaatioita ryhmien välillä ei laskettu: pistetaulukossa ei ole samoja ryhmiä "
            "tai alueita kuin vastauksissa (tai vähintään kahdelle ryhmälle ei ole molempia)."
        )
    non_answers = overall[NON_ANSWERS].iloc[0] if len(overall) else None
    return LinkSection(
        source, rows, correlations, corr_by, unlinked, notes, absent, int_or_none(non_answers)
    )


def _correlations(
    tagged: pd.DataFrame,
    scores: pd.DataFrame,
    names: Names,
    keys: Mapping[str, str],
    min_cell: int,
    group_by: Sequence[str],
) -> tuple[list[Correlation], str]:
    """Correlations across the first grouping whose groups (two or more) have both values."""
    candidates = [[REGION]] if REGION in tagged.columns else []
    if group_by and list(group_by) not in candidates:
        candidates.append(list(group_by))
    for by in candidates:
        if not all(c in tagged.columns for c in by):
            continue
        try:
            freqs = theme_frequencies(tagged, by, min_cell=min_cell)
        except VastausanalyysiError:
            continue
        joined, _ = _join(freqs, scores, by, tagged, min_cell)
        if joined is None:
            continue
        both = joined[joined["share"].notna() & joined["score_mean"].notna()]
        if both.empty or both.groupby(by, dropna=True).ngroups < 2:
            continue
        table = score_correlations(joined)
        out = []
        for _, row in table.iterrows():
            if number_or_none(row["rho"]) is None and number_or_none(row["r"]) is None:
                continue  # fewer than 3 groups, or no variation
            item_id = cell_text(row.get("item_id", row.get("item")))
            texts = joined.loc[joined["item_id"] == item_id, "item"].dropna()
            item = cell_text(texts.iloc[0]) if len(texts) else item_id
            out.append(
                Correlation(
                    cell_text(row["layer"]),
                    cell_text(row["code"]),
                    names.code(row["code"]),
                    item,
                    keys.get(item_id) or keys.get(item, ""),
                    int(row["n"]),
                    number_or_none(row["rho"]),
                    number_or_none(row["r"]),
                    number_or_none(row["rho_ci_low"]),
                    number_or_none(row["rho_ci_high"]),
                    number_or_none(row["rho_p"]),
                    bool(row["small_n"]),
                )
            )
        out.sort(key=lambda c: (LAYER_ORDER.get(c.layer, 9), c.code, c.key))
        return out, " ja ".join(BY_ADVERBS.get(c, c) for c in by)
    return [], ""


def _mechanisms(counts: Any, codes: Any) -> list[tuple[str, int]]:
    """A cluster's mechanism codes by how many of its statements have them (most first)."""
    if isinstance(counts, Mapping) and counts:
        pairs = [(str(c), int(n)) for c, n in counts.items()]
    else:
        pairs = [(str(c), 0) for c in as_list(codes)]
    mechs = [(c, n) for c, n in pairs if str(c).startswith("mech:")]
    mechs.sort(key=lambda p: -p[1])
    return [(strip_prefix(c), n) for c, n in mechs[:MAX_CLUSTER_CODES]]


def cluster_links(
    clusters: pd.DataFrame,
    scores: pd.DataFrame,
    names: Names,
    keys: Mapping[str, str],
    min_cell: int,
    *,
    statement_groups: pd.DataFrame | None = None,
    by: str | None = None,
    respondents: pd.DataFrame | None = None,
    members: Mapping[int, set[str]] | None = None,
    numbers: Mapping[int, int | None] | None = None,
) -> list[ClusterLink]:
    """Each cluster's dominant mechanism codes (``code_counts``, else ``codes``), their linked
    items and the items' means: over all respondents, and — when ``statement_groups`` (one row a
    statement: ``cluster`` and the ``by`` column) is given and the scores have that grouping —
    the mean of the groups' means weighted by the cluster's statements in each group. With
    respondent-level scores and ``members`` (each cluster's respondent ids as text), also the
    mean of the cluster's own respondents who scored the item (``own_mean``, ``own_n``; hidden
    under ``min_cell``).

    ``clusters`` is ``Clustering.clusters``; only ``cluster``, ``label``, ``size`` and
    ``code_counts`` or ``codes`` are used. ``numbers``: each cluster's number as the report's
    themes have it (a cluster without one is left out); default 1, 2, … in the table's order.
    """
    score_kw: dict[str, Any] = {"min_cell": min_cell}
    scores = _scores_for(scores)
    try:
        overall, _ = _quiet(linked_scores, scores, **score_kw)
    except VastausanalyysiError:
        return []
    local = None
    if by is not None and statement_groups is not None and by in statement_groups.columns:
        try:
            local, _ = _quiet(linked_scores, scores, by=by, respondents=respondents, **score_kw)
        except VastausanalyysiError:
            local = None
    out = []
    number = 0
    for _, row in clusters.iterrows():
        cluster = int(row["cluster"])
        if cluster < 0:
            continue
        if numbers is None:
            number += 1
        else:  # the theme's number, none for a cluster the report does not show
            own = numbers.get(cluster)
            if own is None:
                continue
            number = own
        counts = row.get("code_counts")
        for code, count in _mechanisms(counts, row.get("codes")):
            items = overall[overall["code"] == code]
            for _, item_row in items.iterrows():
                item_id = cell_text(item_row["item_id"])
                item = cell_text(item_row["item"]) or item_id
                local_mean, groups = _local_mean(
                    local, statement_groups, by, cluster, code, item_id
                )
                own_mean, own_n = _own_mean(
                    scores, (members or {}).get(cluster), cell_text(item_row["item"]), min_cell
                )
                out.append(
                    ClusterLink(
                        cluster,
                        number,
                        cell_text(row.get("label")),
                        int_or_none(row.get("size")) or 0,
                        code,
                        names.code(code),
                        count,
                        item,
                        keys.get(item_id) or keys.get(item, ""),
                        number_or_none(item_row["score_mean"]),
                        local_mean,
                        groups,
                        by or "" if local is not None else "",
                        own_mean,
                        own_n,
                    )
                )
    return out


def _own_mean(
    scores: pd.DataFrame, ids: set[str] | None, item: str, min_cell: int
) -> tuple[float | None, int | None]:
    """The item's mean over the respondents ``ids`` who scored it, and their number; (None,
    None) without respondent-level scores or ids, or under ``min_cell`` respondents."""
    if not ids or "value" not in scores.columns or RESPONDENT_ID not in scores.columns:
        return None, None
    rows = scores[(scores["item"].map(cell_text) == item) & scores[RESPONDENT_ID].isin(ids)]
    values = pd.to_numeric(rows["value"], errors="coerce")
    per_respondent = values.groupby(rows[RESPONDENT_ID]).mean().dropna()
    if len(per_respondent) < min_cell:
        return None, None
    return float(per_respondent.mean()), len(per_respondent)


def _local_mean(
    local: pd.DataFrame | None,
    statement_groups: pd.DataFrame | None,
    by: str | None,
    cluster: int,
    code: str,
    item_id: str,
) -> tuple[float | None, int]:
    """The item's group means weighted by the cluster's statements in each group."""
    if local is None or statement_groups is None or by is None:
        return None, 0
    part = statement_groups[statement_groups["cluster"] == cluster]
    counts = group_keys(part[by], by == REGION).value_counts()
    means = local[(local["code"] == code) & (local["item_id"] == item_id)]
    means = means.dropna(subset=["score_mean"])
    lookup = dict(zip(means[by].tolist(), means["score_mean"].tolist(), strict=True))
    total = weight = 0.0
    groups = 0
    for group, n in counts.items():
        if group in lookup:
            total += float(lookup[group]) * int(n)
            weight += int(n)
            groups += 1
    return (total / weight if weight else None), groups


def cluster_members(assignments: Any, tagged: pd.DataFrame) -> dict[int, set[str]] | None:
    """Each cluster's respondent ids as text: from the assignments' ``respondent_id``, else from
    the tagged answers when the assignments are one row per answer; None when unknown."""
    if not isinstance(assignments, pd.DataFrame) or "cluster" not in assignments.columns:
        return None
    if RESPONDENT_ID in assignments.columns:
        ids = assignments[RESPONDENT_ID].tolist()
    elif RESPONDENT_ID in tagged.columns and len(assignments) == len(tagged):
        ids = tagged[RESPONDENT_ID].tolist()
    else:
        return None
    out: dict[int, set[str]] = {}
    for cluster, rid in zip(assignments["cluster"].tolist(), ids, strict=True):
        if cell_text(rid) and cell_text(cluster) not in ("", "-1"):
            out.setdefault(int(cluster), set()).add(cell_text(rid))
    return out


__all__ = [
    "MAX_CLUSTER_CODES",
    "OWN_MEAN_NOTE",
    "ClusterLink",
    "Correlation",
    "LinkRow",
    "LinkSection",
    "cluster_links",
    "cluster_members",
    "non_answer_note",
    "prepare_links",
]
