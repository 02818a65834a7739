"""Survey scores beside clusters: each cluster's respondents' mean on the linked items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ClusteringError, SummaryError
from vastausanalyysi.schema import MIN_CELL

__all__ = ["attach_scores"]


def attach_scores(
    clusters: pd.DataFrame,
    ids: np.ndarray | None,
    id_column: str,
    available_columns: Sequence[str],
    cluster_of: np.ndarray,
    scores: pd.DataFrame | None,
    mapping: Mapping[str, str | Sequence[str]] | None,
    items: Sequence[str] | None,
    min_cell: int = MIN_CELL,
) -> pd.Series | None:
    """Add ``linked_items`` and, with scores, ``n_scored`` (respondents with any item), and
    ``score:<item>`` with its own ``n:<item>`` to ``clusters``.

    ``ids`` and ``cluster_of`` are per statement; a respondent counts once per cluster. A mean of
    fewer than ``min_cell`` respondents with a value is hidden (NaN), and so is ``n_scored``
    (None) under ``min_cell``, as the summaries hide small groups; so are those of a cluster of
    small groups' statements only (its ``respondents`` None). Returns the overall mean per
    item of all respondents in ``scores`` (hidden likewise; None without scores).
    """
    from vastausanalyysi.summary.links import resolve_links
    from vastausanalyysi.summary.scores import check_same_ids, check_scores

    available = () if scores is None or "item" not in scores else scores["item"].unique()
    links = resolve_links(mapping, available)
    clusters["linked_items"] = [
        list(dict.fromkeys(i for code in codes for i in links.get(code.split(":", 1)[1], ())))
        for codes in clusters["codes"]
    ]
    if scores is None:
        return None
    if ids is None:
        raise ClusteringError(
            f"scores need the respondent id column {id_column!r} in the statements; available "
            "columns: " + ", ".join(repr(str(c)) for c in available_columns)
        )
    try:
        scores = check_scores(scores)
        check_same_ids(scores, pd.Series(ids, dtype=object), f"the statements' {id_column!r}")
    except SummaryError as exc:
        raise ClusteringError(str(exc)) from None
    present = list(dict.fromkeys(scores["item"].dropna().tolist()))
    if items is None:
        linked = [i for its in links.values() for i in its]
        items = [i for i in dict.fromkeys(linked) if i in set(present)] or present
    elif unknown := [i for i in items if i not in set(present)]:
        raise ClusteringError(
            f"items {unknown!r} are not in the scores; their items are: "
            + "; ".join(repr(str(i)) for i in present)
        )
    scored = scores.dropna(subset=["value"])
    scored = scored[scored["item"].isin(list(items))]
    known = set(scored["respondent_id"].tolist())
    table = scored.pivot_table(index="respondent_id", columns="item", values="value")
    table = table.reindex(columns=list(items))
    # a cluster of small groups' statements only (its respondents withheld) shows no mean
    closed = clusters["respondents"].isna().tolist()
    subs = [
        table.reindex(
            [m for m in pd.unique(ids[cluster_of == cluster]) if m in known] if not hidden else []
        )
        for cluster, hidden in zip(clusters["cluster"], closed, strict=True)
    ]
    shown = _shown(clusters, [len(sub) for sub in subs], min_cell)
    clusters["n_scored"] = [len(sub) if ok else None for sub, ok in zip(subs, shown, strict=True)]
    for item in items:  # each mean with its own n (the items' n differ: QA 6 #9)
        values = [sub[item].dropna() for sub in subs]
        shown = _shown(clusters, [len(v) for v in values], min_cell)
        clusters[f"score:{item}"] = [
            float(v.mean()) if ok else float("nan") for v, ok in zip(values, shown, strict=True)
        ]
        clusters[f"n:{item}"] = pd.array(
            [len(v) if ok else None for v, ok in zip(values, shown, strict=True)], dtype="Int64"
        )
    # the mean of all respondents with a value, hidden like a cluster's under ``min_cell``
    return table.mean().where(table.count() >= min_cell).rename("overall")


def _shown(clusters: pd.DataFrame, sizes: list[int], min_cell: int) -> np.ndarray:
    """Which clusters' counts (``sizes``) may be shown: not under ``min_cell``, and with one
    more hidden where that hides only one, since the clusters of one-statement respondents add
    up to the item's respondents shown elsewhere (QA 6 #2; see
    :func:`~vastausanalyysi.summary.suppression.secondary_mask`)."""
    from vastausanalyysi.summary.suppression import secondary_mask

    size = np.asarray(sizes, dtype=float)
    small = size < min_cell
    frame = pd.DataFrame({"cluster": clusters["cluster"].to_numpy()})
    return ~(small | secondary_mask(frame, ["cluster"], small, size))
