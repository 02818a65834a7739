"""What a cluster is made of: its size, quotes, codes and composition by group and county,
under the small-group rule (no quote from a group or county under ``min_cell``; composition
cells under it hidden, with secondary suppression), and the ``clusters`` table."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.clusters.labels import SMALL_GROUPS_LABEL
from vastausanalyysi.clusters.statements import commonest_wording
from vastausanalyysi.schema import PARENT_COLUMNS
from vastausanalyysi.text import is_missing

__all__ = [
    "big_groups",
    "closed_cluster",
    "clusters_frame",
    "composition",
    "describe_cluster",
]


def big_groups(groups: np.ndarray, who: np.ndarray, min_cell: int) -> set[Any]:
    """Groups with at least ``min_cell`` respondents among the selected statements."""
    seen: dict[Any, set[Any]] = {}
    for g, r in zip(groups, who, strict=True):
        if not is_missing(g):
            seen.setdefault(g, set()).add(r)
    return {g for g, rs in seen.items() if len(rs) >= min_cell}


def composition(
    values: np.ndarray, who: np.ndarray, min_cell: int, parents: np.ndarray | None = None
) -> dict[str, int | None]:
    """Respondents of one cluster per group: a group of fewer than ``min_cell`` is None, and if
    that hides only one group, the smallest shown one is hidden too (secondary suppression: the
    cluster's ``respondents`` minus the shown groups would give the hidden one). Shown groups
    come first, largest first; then the hidden ones by name (their order tells no size).

    ``parents``: each statement's value of the coarser column its group is nested in (the
    coarse group of a job-title group), when the input has it: the same cluster's make-up by
    that column is published too, so the groups under one coarse group follow the summaries'
    nested rule (:func:`~vastausanalyysi.summary.suppression.secondary_mask`'s ``nested``)."""
    seen: dict[str, set[Any]] = {}
    for v, r in zip(values, who, strict=True):
        seen.setdefault(_key(v), set()).add(r)
    sizes = {g: len(rs) for g, rs in seen.items()}
    shown = sorted((g for g, n in sizes.items() if n >= min_cell), key=lambda g: (-sizes[g], g))
    hidden = sorted(g for g, n in sizes.items() if n < min_cell)
    nested = _nested_hidden(values, who, min_cell, parents, sizes) if parents is not None else None
    if nested is not None:
        shown = [g for g in shown if g not in nested]
        hidden = sorted({*hidden, *nested})
    elif len(hidden) == 1 and shown:
        hidden = sorted([*hidden, shown.pop()])
    return {**{g: sizes[g] for g in shown}, **dict.fromkeys(hidden)}


def _key(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def _nested_hidden(
    values: np.ndarray,
    who: np.ndarray,
    min_cell: int,
    parents: np.ndarray,
    sizes: dict[str, int],
) -> set[str] | None:
    """The groups hidden (primary and secondary) when each group lies in one parent: the
    summaries' rule with the groups under each parent as a line of their own, against the
    cluster's make-up by parent; None when some group lies in several parents."""
    from vastausanalyysi.summary.suppression import Nesting, secondary_mask

    parent_of: dict[str, set[str]] = {}
    for v, p in zip(values, parents, strict=True):
        parent_of.setdefault(_key(v), set()).add(_key(p))
    if any(len(ps) > 1 for ps in parent_of.values()):
        return None
    coarse = composition(parents, who, min_cell)
    groups = sorted(sizes)
    size = np.array([sizes[g] for g in groups], dtype=np.int64)
    small = size < min_cell
    parent = np.array([next(iter(parent_of[g])) for g in groups], dtype=object)
    known = np.array([g != "" and p != "" for g, p in zip(groups, parent, strict=True)])
    nest = Nesting("group", parent, known, np.array([coarse.get(p) is None for p in parent]))
    frame = pd.DataFrame({"group": groups})
    extra = secondary_mask(frame, ["group"], small, size, nested=[nest])
    return {g for g, h in zip(groups, small | extra, strict=True) if h}


def describe_cluster(
    quotes: list[list[int]],
    texts: list[str],
    who: np.ndarray,
    codes: list[list[str]],
    n_representatives: int,
    n_codes: int,
    eligible: np.ndarray,
    stmts: pd.DataFrame,
    group_column: str | None,
    county_column: str | None,
    min_cell: int,
) -> dict[str, Any]:
    """Size, respondents, representatives, codes and composition of one cluster.

    ``quotes``: the member statements of each quote (near-identical statements), best first.
    """
    everyone = [i for q in quotes for i in q]
    counter: Counter[str] = Counter()
    for i in everyone:
        counter.update(dict.fromkeys(codes[i], 1))
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    reps, rep_ids, rep_sources, rep_counts = [], [], [], []
    ids, sources = stmts["respondent_id"].tolist(), stmts["source_index"].tolist()
    for q in quotes:
        if len(reps) >= n_representatives:
            break
        if not any(eligible[i] for i in q):
            continue  # small-group rule: no quote from a group or county under min_cell
        text = commonest_wording([texts[i] for i in q])
        if not text.strip() or text in reps:
            continue
        reps.append(text)
        shown = [i for i in q if eligible[i]]  # the ids and rows of the others stay hidden
        rid = [ids[i] for i in shown]  # missing without an id column
        rep_ids.append(sorted({str(r) for r in rid if not is_missing(r)}))
        rep_sources.append(list(dict.fromkeys(sources[i] for i in shown)))
        rep_counts.append(len({who[i] for i in q}))
    row: dict[str, Any] = {
        "size": len(everyone),
        "respondents": len({who[i] for i in everyone}),
        "representatives": reps,
        "representative_ids": rep_ids,
        "representative_sources": rep_sources,
        "representative_counts": rep_counts,
        "codes": [code for code, _ in ranked[:n_codes]],
        "code_counts": dict(ranked),
    }
    for name, column in (("by_group", group_column), ("by_county", county_column)):
        if column is not None:
            parent = PARENT_COLUMNS.get(column)
            parents = None
            if parent in stmts.columns and parent not in (group_column, county_column):
                parents = stmts[parent].to_numpy(dtype=object)[everyone]
            row[name] = composition(
                stmts[column].to_numpy(dtype=object)[everyone], who[everyone], min_cell, parents
            )
    return row


def closed_cluster(described: dict[str, Any]) -> dict[str, Any]:
    """A cluster of statements of small groups only (groups or counties under ``min_cell``):
    :func:`describe_cluster`'s row with its label, words, codes and counts withheld (None), and
    its make-up hidden in every cell, so that nothing the small groups wrote, and no count that
    the tables hide, is published; the cluster itself stays, so that no statement is lost."""
    row = {
        **described,
        "label": SMALL_GROUPS_LABEL,
        "label_share": float("nan"),
        "top_lemmas": [],
        "size": None,
        "respondents": None,
        "codes": [],
        "code_counts": {},
    }
    for name in ("by_group", "by_county"):
        if name in row:
            row[name] = dict.fromkeys(sorted(row[name]))
    return row


def clusters_frame(
    rows: list[dict[str, Any]], n_statements: int, *, mask: bool = True
) -> pd.DataFrame:
    """The ``clusters`` table of :func:`describe_cluster`'s rows (with ``cluster``, ``label``
    and ``top_lemmas`` added), its representatives masked unless ``mask`` is False."""
    from vastausanalyysi.nlp.pii import mask_pii

    columns = [
        "cluster",
        "label",
        "label_share",
        "size",
        "respondents",
        "share",
        "top_lemmas",
        "representatives",
        "representative_ids",
        "representative_sources",
        "representative_counts",
        "codes",
        "code_counts",
    ]
    extra = [c for c in ("by_group", "by_county") if rows and c in rows[0]]
    flat = [r for row in rows for r in row["representatives"]]
    masked = iter(mask_pii(flat) if mask else flat)
    for row in rows:
        row["representatives"] = [next(masked) for _ in row["representatives"]]
        size = row["size"]
        row["share"] = None if size is None else size / n_statements if n_statements else 0.0
    frame = pd.DataFrame(rows, columns=[*columns, *extra])
    for column in ("size", "respondents"):  # whole numbers, None where withheld
        frame[column] = frame[column].astype("Int64")
    return frame
