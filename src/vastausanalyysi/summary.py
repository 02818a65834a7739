"""Theme frequencies by respondent group, with confidence intervals, small-cell suppression and
the linked survey items' mean scores beside them.

Definitions used throughout (see :func:`theme_frequencies`):

* **unit** — a respondent when the frame has an ``id_column`` (default ``"respondent_id"``): a
  respondent with several answers counts once, and has a code if any of their answers has it.
  Without that column every row (answer) is a unit.
* **base** — the units of a group with a non-empty answer: text that is not missing and not only
  whitespace. An answer tagged with no code at all still counts in the base; an empty answer never
  does. So ``share = n / base`` is "of those who answered, the share who mentioned the code".
* **suppression** — by default a whole group is suppressed when its base is below ``min_cell``
  (fewer than ``min_cell`` answering respondents): ``n``, ``share`` and the interval become missing,
  ``suppressed`` is True and ``suppression_reason`` says why. With ``suppress="base_and_n"`` a cell
  with ``0 < n < min_cell`` is suppressed too. Rows are never dropped. No complementary (secondary)
  suppression is done: if a table is published together with its margins (e.g. by county and
  overall) a suppressed cell can be recovered by subtraction, which the publisher must check.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError

__all__ = [
    "LAYERS",
    "POLARITY_ORDER",
    "join_scores",
    "polarity_by",
    "proportion_ci",
    "theme_frequencies",
    "to_wide",
]

#: code column of a tagged frame -> layer name in the output
LAYERS: dict[str, str] = {"areas": "area", "mechanisms": "mechanism", "polarity": "polarity"}
#: the polarity values in their reporting order
POLARITY_ORDER: tuple[str, ...] = ("works", "problem", "mixed", "neutral")

_RESERVED = (
    "layer",
    "code",
    "n",
    "base",
    "share",
    "ci_low",
    "ci_high",
    "suppressed",
    "suppression_reason",
)
_LIST_TYPES = (list, tuple, set, frozenset, np.ndarray)
_LAYER_PREFIX = {"area": "area", "mechanism": "mech"}


# --------------------------------------------------------------------------- codebook (optional)


Alternatives = tuple[str, ...]  # names of one survey item (id, text), any of which may be used


@lru_cache(maxsize=1)
def _codebook_entries() -> tuple[tuple[str, str, tuple[Alternatives, ...]], ...]:
    """(layer, code id, linked items) of the default codebook, or () if it cannot be loaded.

    Read duck-typed and never raising (the codebook is optional here): ``areas``/``mechanisms``
    (dicts or lists) or ``codes`` with a ``kind``/``layer``; each code with an ``id`` and its
    ``items`` (objects or mappings with ``id`` and ``text``, or plain strings).
    """
    try:
        from vastausanalyysi.themes.codebook import load_codebook

        codebook = load_codebook()
    except Exception:  # the codebook is optional here
        return ()
    try:
        return tuple(_entries_of(codebook))
    except Exception:
        return ()


def _field(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if not isinstance(obj, Mapping) and hasattr(obj, name):
            return getattr(obj, name)
    return None


def _as_items(value: Any) -> tuple[Alternatives, ...]:
    """Linked items as tuples of alternative names.

    ``"x"`` -> ``(("x",),)``; an object or mapping with ``id`` and ``text`` -> ``((id, text),)``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        name = value.strip()
        return ((name,),) if name and name not in {"—", "-"} else ()
    names = _field(value, "id"), _field(value, "text")
    if any(isinstance(n, str) for n in names):
        return (tuple(dict.fromkeys(str(n) for n in names if isinstance(n, str) and n)),)
    return tuple(alt for v in value for alt in _as_items(v))


_LINK_FIELDS = ("items", "linked_items", "linked_item", "survey_items", "survey_item", "item")


def _entries_of(codebook: Any) -> Iterable[tuple[str, str, tuple[Alternatives, ...]]]:
    found = False
    for attr, layer in (("areas", "area"), ("mechanisms", "mechanism")):
        container = _field(codebook, attr)
        if container is None:
            continue
        found = True
        values = container.items() if isinstance(container, Mapping) else enumerate(container)
        for key, entry in values:
            code = entry if isinstance(entry, str) else _field(entry, "id", "code")
            code = str(code if code is not None else key)
            yield layer, _strip_prefix(code), _as_items(_field(entry, *_LINK_FIELDS))
    if found:
        return
    codes = _field(codebook, "codes") or ()
    for entry in codes.values() if isinstance(codes, Mapping) else codes:
        kind = str(_field(entry, "kind", "layer", "type") or "")
        code = str(_field(entry, "id", "code"))
        layer = "mechanism" if kind.startswith("mech") or code.startswith("mech:") else "area"
        yield layer, _strip_prefix(code), _as_items(_field(entry, *_LINK_FIELDS))


def _strip_prefix(code: str) -> str:
    for prefix in ("area:", "mech:", "mechanism:"):
        if code.startswith(prefix):
            return code[len(prefix) :]
    return code


def codebook_codes(layer: str) -> list[str]:
    """The default codebook's ids of ``layer`` ("area"/"mechanism") in order; [] if unavailable."""
    return [code for lay, code, _ in _codebook_entries() if lay == layer]


def codebook_links() -> dict[str, list[Alternatives]]:
    """Code id -> its linked survey items (each as (id, text)), from the default codebook."""
    return {code: list(items) for _, code, items in _codebook_entries() if items}


def _resolve_links(
    mapping: Mapping[str, str | Sequence[str]] | None, available: Iterable[Any] = ()
) -> dict[str, list[str]]:
    """Code id -> item names; of an item's alternatives (id, text) the one in ``available``."""
    if mapping is None:
        raw = codebook_links()
    else:
        raw = {}
        for code, items in mapping.items():
            raw.setdefault(_strip_prefix(str(code)), []).extend(_as_items(items))
    present = {str(a) for a in available if a is not None}
    return {
        code: list(
            dict.fromkeys(next((a for a in alts if a in present), alts[0]) for alts in items)
        )
        for code, items in raw.items()
    }


# --------------------------------------------------------------------------- intervals


def proportion_ci(
    n: Any, base: Any, *, confidence: float = 0.95, method: str = "wilson"
) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided interval for ``n / base``: Wilson score (default) or Clopper–Pearson ("exact").

    Vectorised over arrays; where ``base`` is 0 or missing both bounds are NaN.
    """
    _check_confidence(confidence)
    n_arr = np.asarray(n, dtype=float)
    b_arr = np.asarray(base, dtype=float)
    ok = np.isfinite(n_arr) & np.isfinite(b_arr) & (b_arr > 0)
    k = np.where(ok, n_arr, 0.0)
    m = np.where(ok, b_arr, 1.0)
    alpha = 1.0 - confidence
    if method == "wilson":
        from scipy.stats import norm

        z = float(norm.ppf(1.0 - alpha / 2.0))
        p = k / m
        denom = 1.0 + z * z / m
        centre = (p + z * z / (2.0 * m)) / denom
        half = z * np.sqrt(p * (1.0 - p) / m + z * z / (4.0 * m * m)) / denom
        low = np.where(k > 0, np.clip(centre - half, 0.0, 1.0), 0.0)  # exact 0 and 1 at the ends
        high = np.where(k < m, np.clip(centre + half, 0.0, 1.0), 1.0)
    elif method in {"clopper-pearson", "exact"}:
        from scipy.stats import beta

        with np.errstate(invalid="ignore"):
            low = np.where(k > 0, beta.ppf(alpha / 2.0, k, m - k + 1.0), 0.0)
            high = np.where(k < m, beta.ppf(1.0 - alpha / 2.0, k + 1.0, m - k), 1.0)
    else:
        raise SummaryError(f"unknown interval method {method!r}; use 'wilson' or 'clopper-pearson'")
    low = np.where(ok, low, np.nan)
    high = np.where(ok, high, np.nan)
    return low, high


def _check_confidence(confidence: float) -> None:
    if not isinstance(confidence, int | float) or not 0.0 < float(confidence) < 1.0:
        raise SummaryError(f"confidence must be between 0 and 1 (exclusive), got {confidence!r}")


# --------------------------------------------------------------------------- validation


def _as_by(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    by_list = list(by)
    if not all(isinstance(c, str) for c in by_list):
        raise SummaryError(f"by must be a column name or a list of column names, got {by!r}")
    return by_list


def _check_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    available = [str(c) for c in frame.columns]
    for column in columns:
        if column not in frame.columns:
            raise SummaryError(
                f"{what} column {column!r} is not in the data; available columns: "
                + ", ".join(repr(c) for c in available)
            )


def _check_frame(tagged: Any) -> pd.DataFrame:
    if not isinstance(tagged, pd.DataFrame):
        raise SummaryError(
            f"expected a pandas DataFrame of tagged answers, got {type(tagged).__name__}"
        )
    return tagged


def _code_list(value: Any, column: str, index: Hashable) -> list[str]:
    """A code cell as a list of str; anything but a list-like of str is an error naming the row."""
    if isinstance(value, _LIST_TYPES):
        out = []
        for code in value:
            if not isinstance(code, str):
                raise SummaryError(
                    f"column {column!r}, row {index!r}: codes must be strings, got {code!r}"
                )
            out.append(code)
        return out
    raise SummaryError(
        f"column {column!r}, row {index!r}: expected a list of codes, got "
        f"{type(value).__name__} {value!r:.80}"
    )


def _polarity_value(value: Any, column: str, index: Hashable) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return []
    raise SummaryError(
        f"column {column!r}, row {index!r}: expected a polarity string, got {value!r:.80}"
    )


def _has_text(frame: pd.DataFrame, text_column: str | None) -> np.ndarray:
    if text_column is None or text_column not in frame.columns:
        return np.ones(len(frame), dtype=bool)
    out = np.zeros(len(frame), dtype=bool)
    for i, value in enumerate(frame[text_column].tolist()):
        out[i] = isinstance(value, str) and bool(value.strip())
    return out


# --------------------------------------------------------------------------- frequencies


def theme_frequencies(
    tagged: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    *,
    min_cell: int = 5,
    codes: Sequence[str] = ("areas", "mechanisms"),
    confidence: float = 0.95,
    method: Literal["wilson", "clopper-pearson", "exact"] = "wilson",
    codes_order: Mapping[str, Sequence[str]] | Any | None = None,
    suppress: Literal["base", "base_and_n"] = "base",
    id_column: str | None = "respondent_id",
    text_column: str | None = "text",
) -> pd.DataFrame:
    """How many respondents of each group mention each code, with a confidence interval.

    Parameters
    ----------
    tagged:
        Output of ``va.tag``: list columns ``areas`` and ``mechanisms``, a ``polarity`` string, the
        ``by`` columns and, optionally, ``respondent_id`` and ``text``.
    by:
        Column(s) to group by (e.g. ``"coarse_group"`` or ``["coarse_group", "region"]``); ``None``
        gives one overall group. Missing group values form their own group (NaN), never dropped;
        a categorical column lists all its categories (unobserved ones with base 0, suppressed).
    min_cell:
        Groups whose base is below this are suppressed (see ``suppress``).
    codes:
        Code columns to count: ``"areas"``, ``"mechanisms"`` (lists), ``"polarity"`` (str).
    confidence, method:
        Interval level and method: Wilson score (default) or Clopper–Pearson (``"exact"``).
    codes_order:
        Code ids per column or layer (``{"areas": [...]}`` or ``{"area": [...]}``) or a
        ``Codebook``; these codes are shown even with zero counts, followed by any other code
        present (sorted). Default: the default codebook's ids when it can be loaded.
    suppress:
        ``"base"``: suppress a group's cells when its base < ``min_cell``; ``"base_and_n"``: also a
        cell with ``0 < n < min_cell``.
    id_column:
        Respondent id; with it a respondent counts once per group (``None``: count rows; a row
        with a missing id counts as a respondent of its own).
    text_column:
        Answer text; a row with empty text is not in the base (missing column: every row counts).

    Returns
    -------
    DataFrame with the ``by`` columns, ``layer``, ``code``, ``n``, ``base``, ``share``, ``ci_low``,
    ``ci_high``, ``suppressed`` and ``suppression_reason``; one row per group and code, groups
    sorted, codes in codebook order. ``base`` is always shown; ``n``/``share``/interval are missing
    in suppressed cells.
    """
    tagged = _check_frame(tagged)
    by_cols = _as_by(by)
    _check_columns(tagged, by_cols, "by")
    if clash := [c for c in by_cols if c in _RESERVED]:
        raise SummaryError(f"by column {clash[0]!r} clashes with an output column; rename it")
    if isinstance(codes, str):
        codes = (codes,)
    if not codes:
        raise SummaryError("codes must name at least one code column, got an empty sequence")
    _check_columns(tagged, codes, "code")
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    if suppress not in {"base", "base_and_n"}:
        raise SummaryError(f"suppress must be 'base' or 'base_and_n', got {suppress!r}")
    _check_confidence(confidence)
    if method not in {"wilson", "clopper-pearson", "exact"}:
        raise SummaryError(f"unknown interval method {method!r}; use 'wilson' or 'clopper-pearson'")
    if id_column is not None and id_column not in tagged.columns:
        if id_column != "respondent_id":  # the default is optional, an explicit one is not
            _check_columns(tagged, [id_column], "id")
        id_column = None

    index = tagged.index
    units = pd.DataFrame({c: tagged[c].reset_index(drop=True) for c in by_cols})
    units.index = pd.RangeIndex(len(tagged))
    units["_unit"] = _unit_ids(tagged, id_column)
    has_text = _has_text(tagged, text_column)
    units["_text"] = has_text
    keys = [*by_cols, "_unit"]

    # one row per unit: in the base if any of its answers has text
    unit_table = (
        units.groupby(keys, dropna=False, sort=False, observed=True)["_text"].any().reset_index()
    )
    if by_cols:
        base = unit_table.groupby(by_cols, dropna=False, sort=True, observed=False)["_text"].sum()
        groups = base.index.to_frame(index=False)
        base_values = base.to_numpy(dtype=np.int64)
    else:
        groups = pd.DataFrame(index=[0])
        base_values = np.array([int(unit_table["_text"].sum())], dtype=np.int64)

    layer_frames = []
    for column in codes:
        layer = LAYERS.get(column, column)
        is_polarity = column == "polarity"
        cells = tagged[column].tolist()
        rows = []
        for pos, (idx, cell) in enumerate(zip(index, cells, strict=True)):
            values = (
                _polarity_value(cell, column, idx) if is_polarity else _code_list(cell, column, idx)
            )
            if has_text[pos]:
                rows.extend((pos, code) for code in values)
        present = list(dict.fromkeys(code for _, code in rows))
        order = _code_order(column, layer, present, codes_order)
        hits = pd.DataFrame(rows, columns=["_pos", "code"])
        hits = pd.concat(
            [units.loc[hits["_pos"].to_numpy(), keys].reset_index(drop=True), hits["code"]], axis=1
        ).drop_duplicates()
        counts = hits.groupby([*by_cols, "code"], dropna=False, sort=False, observed=True).size()
        grid = _grid(groups, by_cols, order)
        grid["layer"] = layer
        grid["base"] = np.repeat(base_values, len(order))
        if len(counts):
            counts = counts.rename("n").reset_index()
            grid = grid.merge(counts, on=[*by_cols, "code"], how="left", sort=False)
            grid["n"] = grid["n"].fillna(0).astype(np.int64)
        else:
            grid["n"] = np.zeros(len(grid), dtype=np.int64)
        layer_frames.append(grid)

    out = pd.concat(layer_frames, ignore_index=True)
    # order: group (sorted), then layer (as in codes), then code order
    out["_group"] = _group_position(out, groups)
    out["_layer"] = out["layer"].map({LAYERS.get(c, c): i for i, c in enumerate(codes)})
    out = out.sort_values(["_group", "_layer"], kind="stable").reset_index(drop=True)
    return _finish(out, by_cols, min_cell, suppress, confidence, method)


def _unit_ids(tagged: pd.DataFrame, id_column: str | None) -> np.ndarray:
    """The unit of each row: its respondent id, or the row itself (no id column, missing id)."""
    if id_column is None:
        return np.arange(len(tagged))
    ids = tagged[id_column].astype(object).to_numpy()
    missing = pd.isna(tagged[id_column]).to_numpy()
    out = ids.copy()
    for i in np.flatnonzero(missing):
        out[i] = f"\x00row{i}"
    return out


def _group_position(out: pd.DataFrame, groups: pd.DataFrame) -> np.ndarray:
    if groups.columns.empty:
        return np.zeros(len(out), dtype=np.int64)
    keyed = groups.copy()
    keyed["_g"] = np.arange(len(groups))
    merged = out[list(groups.columns)].merge(keyed, on=list(groups.columns), how="left", sort=False)
    return merged["_g"].to_numpy()


def _grid(groups: pd.DataFrame, by_cols: list[str], order: list[str]) -> pd.DataFrame:
    n_groups = len(groups)
    grid = pd.DataFrame(
        {c: np.repeat(groups[c].to_numpy(), len(order)) for c in by_cols},
        index=range(n_groups * len(order)),
    )
    for c in by_cols:  # keep the input dtype (categoricals, nullable ints)
        grid[c] = grid[c].astype(groups[c].dtype)
    grid["code"] = pd.Series(np.tile(np.array(order, dtype=object), n_groups), dtype=object)
    return grid


def _code_order(column: str, layer: str, present: list[str], codes_order: Any) -> list[str]:
    if codes_order is not None and not isinstance(codes_order, Mapping):  # a Codebook
        codes_order = {
            lay: [c for lay2, c, _ in _entries_of(codes_order) if lay2 == lay]
            for lay in ("area", "mechanism")
        }
    if codes_order is not None and (column in codes_order or layer in codes_order):
        given = codes_order.get(column, codes_order.get(layer))
        known = [str(c) for c in (given or ())]
    elif column == "polarity":
        known = list(POLARITY_ORDER)
    else:
        known = codebook_codes(layer)
    extra = sorted(c for c in present if c not in set(known))
    return list(dict.fromkeys([*known, *extra]))


def _finish(
    out: pd.DataFrame,
    by_cols: list[str],
    min_cell: int,
    suppress: str,
    confidence: float,
    method: str,
) -> pd.DataFrame:
    n = out["n"].to_numpy(dtype=np.int64)
    base = out["base"].to_numpy(dtype=np.int64)
    low, high = proportion_ci(n, base, confidence=confidence, method=method)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(base > 0, n / np.maximum(base, 1), np.nan)
    small_base = base < min_cell
    small_n = (n > 0) & (n < min_cell) & (suppress == "base_and_n")
    suppressed = small_base | small_n
    reasons = np.where(
        small_base,
        [f"base {b} < min_cell {min_cell}" for b in base],
        np.where(small_n, f"n < min_cell {min_cell}", ""),
    )
    result = out[by_cols].copy()
    result["layer"] = out["layer"].to_numpy()
    result["code"] = out["code"].astype(str).to_numpy()
    result["n"] = pd.array(np.where(suppressed, 0, n), dtype="Int64")
    result.loc[suppressed, "n"] = pd.NA
    result["base"] = pd.array(base, dtype="Int64")
    result["share"] = np.where(suppressed, np.nan, share)
    result["ci_low"] = np.where(suppressed, np.nan, low)
    result["ci_high"] = np.where(suppressed, np.nan, high)
    result["suppressed"] = suppressed
    result["suppression_reason"] = pd.Series(
        [r if r else None for r in reasons], index=result.index, dtype=object
    )
    result.attrs.update(
        {"min_cell": min_cell, "confidence": confidence, "method": method, "by": list(by_cols)}
    )
    return result


def polarity_by(
    tagged: pd.DataFrame, by: str | Sequence[str] | None = None, **options: Any
) -> pd.DataFrame:
    """Shares of ``works``/``problem``/``mixed``/``neutral`` answers per group.

    The same table as :func:`theme_frequencies` with ``codes=("polarity",)`` (options pass on).
    With one answer per respondent the shares of a group sum to 1 (answers with no polarity
    aside); a respondent with several answers counts under each polarity that they gave.
    """
    return theme_frequencies(tagged, by, codes=("polarity",), **options)


def to_wide(
    freqs: pd.DataFrame, value: str = "share", *, codes_as: Literal["columns", "index"] = "columns"
) -> pd.DataFrame:
    """A crosstab view of :func:`theme_frequencies`: groups as rows and codes as columns.

    Codes keep their order; with several layers the columns are a (layer, code) MultiIndex.
    Suppressed cells stay missing. ``codes_as="index"`` transposes (codes as rows).
    """
    if not isinstance(freqs, pd.DataFrame):
        raise SummaryError(
            f"expected the DataFrame of theme_frequencies, got {type(freqs).__name__}"
        )
    _check_columns(freqs, ["layer", "code"], "frequency table")
    _check_columns(freqs, [value], "value")
    by_cols = _by_of(freqs)
    multi = freqs["layer"].nunique(dropna=False) > 1
    code_keys = ["layer", "code"] if multi else ["code"]
    code_index = pd.MultiIndex.from_frame(freqs[code_keys].drop_duplicates()) if multi else None
    codes_seen = list(dict.fromkeys(freqs["code"].tolist()))
    data = freqs.copy()
    if not by_cols:
        data["_all"] = "kaikki"
        by_cols = ["_all"]
    group_index = data[by_cols].drop_duplicates()
    wide = data.pivot(index=by_cols, columns=code_keys, values=value)
    rows = pd.MultiIndex.from_frame(group_index) if len(by_cols) > 1 else group_index[by_cols[0]]
    wide = wide.reindex(index=rows, columns=code_index if multi else codes_seen)
    if by_cols == ["_all"]:
        wide.index = pd.Index(["kaikki"], name=None)
    wide.columns.name = None if not multi else wide.columns.name
    return wide.T if codes_as == "index" else wide


def _by_of(freqs: pd.DataFrame) -> list[str]:
    by = freqs.attrs.get("by")
    if by is not None and all(c in freqs.columns for c in by):
        return list(by)
    columns = list(freqs.columns)
    return columns[: columns.index("layer")]


# --------------------------------------------------------------------------- scores


def join_scores(
    freqs_or_tagged: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    mapping: Mapping[str, str | Sequence[str]] | None = None,
    respondents: pd.DataFrame | None = None,
    min_cell: int = 5,
    **options: Any,
) -> pd.DataFrame:
    """Each code's frequency next to the mean score of its linked survey item, per group.

    Parameters
    ----------
    freqs_or_tagged:
        A :func:`theme_frequencies` table, or a tagged frame (then ``theme_frequencies(tagged, by,
        codes=("mechanisms",), min_cell=min_cell, **options)`` is computed first).
    scores:
        ``Survey.scores``: ``respondent_id``, ``item``, ``value`` (Likert 1–5; missing values are
        skipped). Its respondents' groups come from ``scores`` itself if it has the ``by``
        columns, else from ``respondents`` (e.g. ``Survey.respondents``), else from the tagged
        frame.
    mapping:
        Code id -> linked item(s) (values of ``scores.item``). Default: the codebook's links
        (an item given there by id and text matches ``scores.item`` equal to either).
    min_cell:
        A group's item mean with fewer than ``min_cell`` scored respondents is suppressed.

    Returns
    -------
    The frequency table with ``item``, ``score_mean``, ``score_sd`` (sample sd), ``score_n`` and
    ``score_suppressed`` added: one row per (group, code, linked item); a code with several items
    gets several rows, a code without a linked item one row with a missing item. The mean is over
    all respondents of the group who scored the item (pass ``respondents=`` so that respondents
    who did not answer in text count too), not only those who answered in text.
    ``score_suppressed`` marks means hidden because ``0 < score_n < min_cell``; a linked item
    absent from ``scores`` gives ``score_n == 0`` and a warning.
    """
    data = _check_frame(freqs_or_tagged)
    is_freqs = {"layer", "code", "n", "base"} <= set(data.columns)
    if is_freqs:
        freqs = data
        by_cols = _by_of(freqs) if by is None else _as_by(by)
        _check_columns(freqs, by_cols, "by")
        tagged = None
    else:
        by_cols = _as_by(by)
        freqs = theme_frequencies(
            data, by_cols or None, min_cell=min_cell, **{"codes": ("mechanisms",), **options}
        )
        tagged = data
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    scores = _check_scores(scores)
    links = _resolve_links(mapping, scores["item"].unique())
    if not links:
        raise SummaryError(
            "no code is linked to a survey item: the codebook could not be loaded or has no "
            "links; pass mapping={'tapaamiset': 'Säännölliset tapaamiset …', ...}"
        )

    scored = _scores_with_groups(scores, by_cols, respondents, tagged)
    stats = (
        scored.dropna(subset=["value"])
        .groupby([*by_cols, "item"], dropna=False, sort=False)["value"]
        .agg(score_mean="mean", score_sd="std", score_n="count")
        .reset_index()
    )
    pairs = pd.DataFrame(
        [(code, item) for code, items in links.items() for item in items],
        columns=["code", "item"],
        dtype=object,
    )
    out = freqs.reset_index(drop=True).copy()
    out["_row"] = np.arange(len(out))
    out = out.merge(pairs, on="code", how="left", sort=False)
    out = out.merge(stats, on=[*by_cols, "item"], how="left", sort=False)
    out = out.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)
    out["score_n"] = out["score_n"].fillna(0).astype("Int64")
    score_n = out["score_n"].to_numpy(dtype=np.int64)
    small = (score_n > 0) & (score_n < min_cell)
    out["score_suppressed"] = small
    out.loc[small, ["score_mean", "score_sd"]] = np.nan
    used = set(pairs.loc[pairs["code"].isin(set(freqs["code"])), "item"])
    if missing := sorted(used - set(scores["item"].dropna().astype(str))):
        warnings.warn(
            f"linked survey items not found in scores['item']: {missing!r}",
            UserWarning,
            stacklevel=2,
        )
    out.attrs.update(freqs.attrs)
    out.attrs["by"] = by_cols
    return out


def _check_scores(scores: Any) -> pd.DataFrame:
    if not isinstance(scores, pd.DataFrame):
        raise SummaryError(f"scores must be a DataFrame, got {type(scores).__name__}")
    _check_columns(scores, ["respondent_id", "item", "value"], "scores")
    values = pd.to_numeric(scores["value"], errors="coerce")
    bad = values.isna() & scores["value"].notna()
    if bad.any():
        idx = bad.to_numpy().nonzero()[0][0]
        raise SummaryError(
            f"scores row {scores.index[idx]!r}: value {scores['value'].iloc[idx]!r} is not a number"
        )
    out = scores.copy()
    out["value"] = values.astype(float)
    return out


def _scores_with_groups(
    scores: pd.DataFrame,
    by_cols: list[str],
    respondents: pd.DataFrame | None,
    tagged: pd.DataFrame | None,
) -> pd.DataFrame:
    if not by_cols or all(c in scores.columns for c in by_cols):
        return scores
    for source, name in ((respondents, "respondents"), (tagged, "tagged")):
        if source is None:
            continue
        _check_columns(source, ["respondent_id"], f"{name}")
        if all(c in source.columns for c in by_cols):
            lookup = source[["respondent_id", *by_cols]].drop_duplicates("respondent_id")
            base = scores.drop(columns=[c for c in by_cols if c in scores.columns])
            return base.merge(lookup, on="respondent_id", how="left", sort=False)
    raise SummaryError(
        f"cannot find the group column(s) {by_cols!r} of the scored respondents: add them to "
        "scores, or pass respondents= (e.g. Survey.respondents) with respondent_id and those "
        "columns"
    )
