"""The report's three optional sections as tables: theme frequencies, clusters and mean scores.

Each ``prepare_*`` function checks one input of :func:`~vastausanalyysi.report.write_report` (a
:class:`ReportError` names what is wrong) and returns its section, with groups, regions and codes
named and free texts masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ReportError
from vastausanalyysi.report.formatting import (
    DASH,
    as_list,
    cell_text,
    float_or_none,
    int_or_none,
    none_if_missing,
)
from vastausanalyysi.report.labels import BY_ADVERBS, LAYER_TITLES, Names
from vastausanalyysi.report.masking import Masker
from vastausanalyysi.respondents import COARSE_GROUPS, UNKNOWN
from vastausanalyysi.schema import COARSE_GROUP
from vastausanalyysi.text import is_missing

GROUP_ORDER: tuple[str, ...] = (*COARSE_GROUPS, UNKNOWN)
"""The report's order of coarse groups (other values follow, as given)."""
SCORE_REGION_COLUMNS = ("county", "region", "hyvinvointialue", "alue")
"""Columns naming the region of a score row, the first found is used."""
ALL_RESPONDENTS = {"kaikki vastaajat", "kaikki", "yhteensä"}
"""Region values (lower case) of the overall row of a score table, shown last."""
SCORE_PREFIXES = ("score:", "mean:", "score_", "mean_")
"""Prefixes of the mean-score columns of a cluster table ("score:tapaamiset")."""


class FreqCell(NamedTuple):
    """One cell of a frequency table: a code in a group (figures None when suppressed)."""

    n: int | None
    base: int | None
    share: float | None
    low: float | None
    high: float | None
    suppressed: bool
    reason: str


@dataclass
class FreqLayer:
    """The frequency table of one code layer: codes by groups."""

    layer: str
    title: str
    groups: list[tuple[Any, ...]]
    group_labels: list[str]
    bases: dict[tuple[Any, ...], int | None]
    codes: list[str]
    cells: dict[tuple[str, tuple[Any, ...]], FreqCell]


@dataclass
class FreqSection:
    """The theme frequencies section, one table per layer."""

    by: list[str]
    layers: list[FreqLayer]
    table: pd.DataFrame
    min_cell: int | None
    method: str
    confidence: float
    any_suppressed: bool
    heading: str


@dataclass
class ClusterSection:
    """The clusters section: the cluster table and each answer's cluster."""

    table: pd.DataFrame  # cluster, label, size, share, top_lemmas, codes, representatives
    score_columns: list[tuple[str, str]]  # (column in table, header)
    method: str | None
    n_clusters: int | None
    silhouette: float | None
    assignment: list[tuple[Any, str]] | None  # per answer (cluster, label), or None


@dataclass
class ScoreSection:
    """The mean scores section: one wide table (regions by items) per question."""

    region_column: str
    tables: list[tuple[str | None, pd.DataFrame, list[str]]]  # (question, wide, item headers)
    long: pd.DataFrame


def _by_heading(by: list[str]) -> str:
    """The heading of the frequency section ("Teemojen esiintyvyys vastaajaryhmittäin")."""
    if not by:
        return "Teemojen esiintyvyys"
    adverbs = list(dict.fromkeys(BY_ADVERBS.get(c, f"ryhmittäin ({c})") for c in by))
    return "Teemojen esiintyvyys " + " ja ".join(adverbs)


def _reason_fi(reason: str, suppressed: bool) -> str:
    """The summary's suppression reason in Finnish."""
    if match := re.fullmatch(r"base (\d+) < min_cell (\d+)", reason):
        return f"piilotettu: ryhmässä {match[1]} vastaajaa, raja {match[2]}"
    if match := re.fullmatch(r"n < min_cell (\d+)", reason):
        return f"piilotettu: alle {match[1]} mainintaa"
    return reason or ("piilotettu" if suppressed else "")


def prepare_freqs(frequencies: Any, names: Names) -> FreqSection:
    """The frequency tables of :func:`~vastausanalyysi.theme_frequencies`, by layer and group."""
    if not isinstance(frequencies, pd.DataFrame):
        raise ReportError(
            f"frequencies must be the DataFrame of theme_frequencies, got "
            f"{type(frequencies).__name__}"
        )
    required = ["layer", "code", "share"]
    if missing := [c for c in required if c not in frequencies.columns]:
        raise ReportError(
            f"frequencies lack column(s) {missing!r}; columns are: "
            + ", ".join(repr(str(c)) for c in frequencies.columns)
        )
    columns = [str(c) for c in frequencies.columns]
    attrs_by = frequencies.attrs.get("by")
    if attrs_by is not None and all(c in frequencies.columns for c in attrs_by):
        by = [str(c) for c in attrs_by]
    else:
        by = columns[: columns.index("layer")]
    min_cell = frequencies.attrs.get("min_cell")
    method = str(frequencies.attrs.get("method", "wilson"))
    confidence = float(frequencies.attrs.get("confidence", 0.95))

    def col(name: str) -> list[Any]:
        return (
            frequencies[name].tolist() if name in frequencies.columns else [None] * len(frequencies)
        )

    group_values = list(zip(*(col(c) for c in by), strict=True)) if by else []
    layers: dict[str, FreqLayer] = {}
    rows = zip(
        col("layer"),
        col("code"),
        col("n"),
        col("base"),
        col("share"),
        col("ci_low"),
        col("ci_high"),
        col("suppressed"),
        col("suppression_reason"),
        strict=True,
    )
    any_suppressed = False
    for i, (layer, code, n, base, share, low, high, sup, reason) in enumerate(rows):
        layer = cell_text(layer) or "muu"
        key = tuple(none_if_missing(v) for v in group_values[i]) if by else ()
        entry = layers.get(layer)
        if entry is None:
            entry = layers[layer] = FreqLayer(
                layer, LAYER_TITLES.get(layer, layer), [], [], {}, [], {}
            )
        if key not in entry.bases:
            entry.groups.append(key)
            label = " / ".join(names.value(c, v) for c, v in zip(by, key, strict=True))
            entry.group_labels.append(label or "Kaikki vastaajat")
            entry.bases[key] = int_or_none(base)
        code = cell_text(code)
        if code not in entry.codes:
            entry.codes.append(code)
        suppressed = bool(sup) if not is_missing(sup) else False
        any_suppressed |= suppressed
        entry.cells[(code, key)] = FreqCell(
            None if suppressed else int_or_none(n),
            int_or_none(base),
            None if suppressed else float_or_none(share),
            None if suppressed else float_or_none(low),
            None if suppressed else float_or_none(high),
            suppressed,
            _reason_fi(cell_text(reason), suppressed),
        )
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}

    def position(values: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(
            rank.get(v, len(rank)) if c == COARSE_GROUP else 0
            for c, v in zip(by, values, strict=True)
        )

    for entry in layers.values():  # coarse groups in the report's order, other values as given
        order = sorted(range(len(entry.groups)), key=lambda i, e=entry: (position(e.groups[i]), i))
        entry.groups = [entry.groups[i] for i in order]
        entry.group_labels = [entry.group_labels[i] for i in order]
    return FreqSection(
        by,
        list(layers.values()),
        frequencies,
        int_or_none(min_cell),
        method,
        confidence,
        any_suppressed,
        _by_heading(by),
    )


def item_texts(scores: pd.DataFrame | None) -> dict[str, str]:
    """Survey item id -> item text, from the score table."""
    if scores is None or "item_id" not in scores.columns or "item" not in scores.columns:
        return {}
    pairs = scores[["item_id", "item"]].dropna().drop_duplicates("item_id")
    return {str(a): str(b) for a, b in zip(pairs["item_id"], pairs["item"], strict=True)}


def _align(assignments: pd.DataFrame, tagged: pd.DataFrame) -> pd.DataFrame | None:
    """The clustering's per-answer rows in the order of the tagged answers."""
    if assignments.index.equals(tagged.index) or len(assignments) == len(tagged):
        return assignments.reset_index(drop=True)
    if assignments.index.is_unique and tagged.index.is_unique:
        return assignments.reindex(tagged.index).reset_index(drop=True)
    raise ReportError(
        f"clustering.assignments has {len(assignments)} rows that cannot be aligned with the "
        f"{len(tagged)} tagged answers"
    )


def prepare_clusters(
    clustering: Any, tagged: pd.DataFrame, names: Names, masker: Masker, items: dict[str, str]
) -> ClusterSection:
    """The cluster table of :func:`~vastausanalyysi.cluster_statements`, named and masked."""
    table = getattr(clustering, "clusters", None)
    if not isinstance(table, pd.DataFrame):
        raise ReportError(
            "clustering must have a .clusters DataFrame (the result of cluster_statements), got "
            f"{type(clustering).__name__}"
        )
    if "cluster" not in table.columns:
        raise ReportError("clustering.clusters lacks the column 'cluster'")
    sizes = [(int_or_none(s) or 0) for s in table.get("size", pd.Series([0] * len(table)))]
    total = sum(sizes) or 1
    rows = []
    for pos, (_, row) in enumerate(table.iterrows()):
        cluster = row["cluster"]
        reps = [cell_text(r) for r in as_list(row.get("representatives"))]
        top = [cell_text(t) for t in as_list(row.get("top_lemmas"))]
        label = cell_text(row.get("label")) or ", ".join(top[:3])
        no_cluster = not is_missing(cluster) and str(cluster) == "-1"
        rows.append(
            {
                "cluster": cluster,
                "label": label,
                "size": sizes[pos],
                "share": sizes[pos] / total,
                "top_lemmas": masker.many(top),
                "codes": [names.code(c) for c in as_list(row.get("codes"))],
                "representatives": masker.many(reps),
                "no_cluster": no_cluster,
            }
        )
    labels = masker.many([r["label"] for r in rows])
    for r, label in zip(rows, labels, strict=True):
        r["label"] = (
            "Ei ryhmiteltävissä (tyhjä tai sisällötön vastaus)"
            if r["no_cluster"]
            else (label or f"Ryhmä {r['cluster']}")
        )
    out = pd.DataFrame(rows)
    score_columns: list[tuple[str, str]] = []
    for column in table.columns:
        name = str(column)
        prefix = next((p for p in SCORE_PREFIXES if name.startswith(p)), None)
        if prefix is None:
            continue
        item = name[len(prefix) :]
        out[name] = pd.to_numeric(table[column], errors="coerce").to_numpy()
        score_columns.append((name, items.get(item, item)))
    if "n_scored" in table.columns:
        out["n_scored"] = table["n_scored"].to_numpy()
    assignment = None
    assignments = getattr(clustering, "assignments", None)
    if isinstance(assignments, pd.DataFrame) and "cluster" in assignments.columns:
        aligned = _align(assignments, tagged)
        if aligned is not None:
            label_of = {str(r["cluster"]): r["label"] for r in rows}
            assignment = [
                (none_if_missing(c), label_of.get(str(c), "") if not is_missing(c) else "")
                for c in aligned["cluster"].tolist()
            ]
    silhouette = getattr(clustering, "silhouette", None)
    n_clusters = getattr(clustering, "n_clusters", None)
    return ClusterSection(
        out,
        score_columns,
        getattr(clustering, "method", None),
        int_or_none(n_clusters) if isinstance(n_clusters, int | float | np.integer) else None,
        float_or_none(silhouette) if isinstance(silhouette, int | float | np.floating) else None,
        assignment,
    )


def prepare_scores(scores: Any) -> ScoreSection:
    """The long score table, checked, and one wide table (regions by items) per question."""
    if not isinstance(scores, pd.DataFrame):
        raise ReportError(f"scores must be a DataFrame, got {type(scores).__name__}")
    region = next((c for c in SCORE_REGION_COLUMNS if c in scores.columns), None)
    item_col = "item_id" if "item_id" in scores.columns else "item"
    if region is None or item_col not in scores.columns or "mean" not in scores.columns:
        raise ReportError(
            "scores must be in long form with columns county (or region), item_id or item, mean "
            "and n; columns are: " + ", ".join(repr(str(c)) for c in scores.columns)
        )
    long = scores.copy()
    raw = long["mean"]
    as_text = raw.astype("string").str.replace(",", ".", regex=False).str.strip()
    means = pd.to_numeric(as_text.replace({"-": None, DASH: None, "": None}), errors="coerce")
    bad = means.isna() & as_text.notna() & ~as_text.isin(["-", DASH, ""])
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ReportError(f"scores row {long.index[pos]!r}: mean {raw.iloc[pos]!r} is not a number")
    long["mean"] = means.astype(float).to_numpy()
    if "n" in long.columns:
        long["n"] = pd.to_numeric(long["n"], errors="coerce").astype("Int64")
    questions: list[Any] = (
        list(dict.fromkeys(long["question"].tolist())) if "question" in long.columns else [None]
    )
    tables = []
    for question in questions:
        part = long if question is None else long[long["question"] == question]
        item_ids = list(dict.fromkeys(cell_text(v) for v in part[item_col].tolist()))
        texts = {}
        if "item" in part.columns:
            for iid, text in zip(part[item_col].tolist(), part["item"].tolist(), strict=True):
                texts.setdefault(cell_text(iid), cell_text(text) or cell_text(iid))
        regions = list(dict.fromkeys(none_if_missing(v) for v in part[region].tolist()))
        overall = [r for r in regions if r is not None and str(r).lower() in ALL_RESPONDENTS]
        regions = [r for r in regions if r not in overall] + overall
        wide = pd.DataFrame(index=range(len(regions)))
        wide["_region"] = regions
        cell: dict[tuple[Any, str], float] = {}
        ns: dict[Any, int] = {}
        for reg, iid, mean, n in zip(
            part[region].tolist(),
            part[item_col].tolist(),
            part["mean"].tolist(),
            part["n"].tolist() if "n" in part.columns else [None] * len(part),
            strict=True,
        ):
            cell[(none_if_missing(reg), cell_text(iid))] = mean
            if not is_missing(n):
                ns[none_if_missing(reg)] = max(ns.get(none_if_missing(reg), 0), int(n))
        for iid in item_ids:
            wide[iid] = [cell.get((r, iid), np.nan) for r in regions]
        wide["_n"] = pd.array([ns.get(r) for r in regions], dtype="Int64")
        tables.append(
            (
                None if question is None else cell_text(question),
                wide,
                [texts.get(i, i) for i in item_ids],
            )
        )
    return ScoreSection(region, tables, long)


__all__ = [
    "ALL_RESPONDENTS",
    "GROUP_ORDER",
    "ClusterSection",
    "FreqCell",
    "FreqLayer",
    "FreqSection",
    "ScoreSection",
    "item_texts",
    "prepare_clusters",
    "prepare_freqs",
    "prepare_scores",
]
