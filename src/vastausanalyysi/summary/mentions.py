"""Mean scores of the respondents who mention a code beside those of the respondents who do not.

"Those who mention perhekeskus rate the cooperation 4.1 on average, those who don't 3.4":
:func:`scores_by_mention` gives, per code, survey item and group, both sides' number of
respondents and mean, and the difference with Welch's interval (:func:`welch_interval`).

Definitions:

* **mention** — a respondent mentions a code when any of their answers in ``tagged`` carries it.
  An empty answer, a non-answer (:func:`~vastausanalyysi.text.is_non_answer`: "Ei
  kommentteja.", "eos") and an answer in another language than Finnish (``language`` "sv",
  "en", "other") never count as a mention, whatever codes they carry.
* **the two sides** — of the respondents with a score for the item: those who mention the code,
  and all the others, including respondents who wrote nothing or have no row in ``tagged`` at
  all. Respondents without a score for an item (no value, "En osaa sanoa") are left out of that
  item; so ``n_mention + n_no_mention`` is the number of the group's respondents who scored it.
* **suppression** — a side of fewer than ``min_cell`` respondents (``n < min_cell``, 0
  included: then the other side is the group's whole total) is hidden. Secondary suppression
  (:func:`~vastausanalyysi.summary.suppression.secondary_mask`) treats the side as one more
  grouping dimension: the two sides add up to the group's respondents who scored the item
  (published elsewhere with their mean), so when one side is hidden the other is hidden too;
  and across the ``by`` groups, where the groups add up to the table without ``by``, a line
  with one hidden side gets a second one; by a column nested in a coarser one (a group in its
  coarse group), the groups under each coarse group are a line too, against the same table by
  coarse group (:func:`~vastausanalyysi.summary.suppression.nested_lines`); and the codes of
  a layer are a line too (codes that no respondent shares add up to the item's scorers: QA 6
  #2), so a layer with one hidden code hides a second. A row with a hidden
  side has all its numbers hidden (n, mean and sd of both sides, the difference, its interval
  and p-value), is flagged ``suppressed`` and says why in ``suppression_reason``; no row is
  dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.schema import LANGUAGE, MIN_CELL, RESPONDENT_ID, strip_prefix
from vastausanalyysi.summary.frequencies import LAYERS
from vastausanalyysi.summary.hierarchy import data_hierarchy
from vastausanalyysi.summary.intervals import check_confidence, welch_interval
from vastausanalyysi.summary.links import (
    codebook_codes,
    codebook_links,
    find_item,
    resolve_link_pairs,
)
from vastausanalyysi.summary.scores import check_scores, is_aggregated, scores_with_groups
from vastausanalyysi.summary.suppression import (
    MARGIN_REASON,
    NESTED_REASON,
    SECONDARY_REASON,
    Nesting,
    margin_parts,
    nested_lines,
    secondary_masks,
)
from vastausanalyysi.summary.validation import (
    answered_mask,
    as_by,
    check_columns,
    check_frame,
    code_list,
    non_answer_mask,
    not_finnish_mask,
)
from vastausanalyysi.text import question_matches

#: the columns of :func:`scores_by_mention` after the ``by`` columns, in order
MENTION_COLUMNS: tuple[str, ...] = (
    "layer",
    "code",
    "item",
    "n_mention",
    "mean_mention",
    "sd_mention",
    "n_no_mention",
    "mean_no_mention",
    "sd_no_mention",
    "difference",
    "ci_low",
    "ci_high",
    "p_value",
    "suppressed",
    "suppression_reason",
)
_SIDES = ("mention", "no_mention")
_HIDDEN = [f"{stat}_{side}" for side in _SIDES for stat in ("n", "mean", "sd")]
_COMPARISON = ["difference", "ci_low", "ci_high", "p_value"]
_PREFIX_LAYERS = {"area:": "area", "mech:": "mechanism", "mechanism:": "mechanism"}


def scores_by_mention(
    tagged: pd.DataFrame,
    scores: pd.DataFrame,
    *,
    items: str | Sequence[str] | None = None,
    codes: str | Sequence[str] = ("areas", "mechanisms"),
    code_ids: str | Sequence[str] | None = None,
    code_items: Mapping[str, str | Sequence[str]] | str | None = None,
    by: str | Sequence[str] | None = None,
    respondents: pd.DataFrame | None = None,
    min_cell: int = MIN_CELL,
    secondary: bool = True,
    confidence: float = 0.95,
    id_column: str = RESPONDENT_ID,
    text_column: str | None = "text",
) -> pd.DataFrame:
    """Each code's mentioners' mean score of each item beside the other respondents', per group.

    Parameters
    ----------
    tagged:
        Tagged answers (``va.tag``): ``id_column``, the ``codes`` columns (lists of code ids)
        and, optionally, ``text`` and ``language`` (see the module docstring for what counts as
        a mention). Filter it first to compare by the answers of one question.
    scores:
        Respondent-level scores, ``Survey.scores``: ``respondent_id``, ``item``, ``value``
        (missing values are left out). Aggregated means cannot be split by mention: an error.
    items:
        The items to compare: their names in ``scores``, a codebook item id
        (``"yhteistyo_tapaamiset"``) or a unique part of a name, case-insensitive
        (``"toimivuutta"``); default every item of ``scores`` in the order it first appears.
    codes:
        Code columns of ``tagged``: ``"areas"`` and/or ``"mechanisms"``.
    code_ids:
        The codes to compare (``"perhekeskus"``, ``"area:perhekeskus"``); a code of the codebook
        or of the data. Default: every code that any counted answer carries, in codebook order
        (then others sorted).
    code_items:
        Compare each code on its linked items only: ``"codebook"`` for the codebook's links
        (:func:`~vastausanalyysi.summary.codebook_links`, as :func:`join_scores` uses them), or
        a mapping code id -> item(s), each named as in ``items`` (then ``code_ids`` defaults to
        its codes). Default: every code on every item.
    by:
        Group column(s), taken from ``scores`` if it has them, else from ``respondents`` (e.g.
        ``Survey.respondents``, so that respondents without answers have their group), else
        from ``tagged``. A missing group value is a group of its own.
    min_cell, secondary:
        A side with ``n < min_cell`` respondents (0 included) is hidden, and with ``secondary`` (the
        default) enough other cells that it cannot be worked out (module docstring).
        ``secondary=False`` hides only the small side and the comparison.
    confidence:
        The level of the difference's interval.
    id_column:
        The respondent id column of ``tagged`` (its values are ``scores``' ``respondent_id``).
    text_column:
        The answer text of ``tagged``; a row whose text is empty or a non-answer mentions
        nothing (a missing column: every row counts).

    Returns
    -------
    One row per group, code and item with a scored respondent: the ``by`` columns, then
    :data:`MENTION_COLUMNS` — ``layer`` ("area"/"mechanism"), ``code``, ``item``, ``n_mention``,
    ``mean_mention``, ``sd_mention`` (sample sd), the same of ``no_mention``, ``difference``
    (mention minus no mention), its Welch interval ``ci_low``–``ci_high`` and two-sided
    ``p_value`` (missing when either side has fewer than 2 respondents or both have no
    spread), ``suppressed`` and ``suppression_reason``. Rows are sorted by group (missing
    last), then layer (as in ``codes``), code and item order.
    """
    tagged = check_frame(tagged)
    if isinstance(min_cell, bool) or not isinstance(min_cell, int | np.integer) or min_cell < 1:
        raise SummaryError(f"min_cell must be an integer of at least 1, got {min_cell!r}")
    check_confidence(confidence)
    by_cols = as_by(by)
    if clash := [c for c in by_cols if c in MENTION_COLUMNS or c == "respondent_id"]:
        raise SummaryError(f"by column {clash[0]!r} clashes with an output column; rename it")
    columns = _code_columns(tagged, codes)
    check_columns(tagged, [id_column], "id")
    if not isinstance(scores, pd.DataFrame):
        raise SummaryError(f"scores must be a DataFrame, got {type(scores).__name__}")
    if is_aggregated(scores):
        raise SummaryError(
            "scores_by_mention needs respondent-level scores (respondent_id, item, value), such "
            "as Survey.scores; aggregated means cannot be split by who mentions a code"
        )
    scores = check_scores(scores)
    for column in ("respondent_id", "item"):
        if (missing := scores[column].isna()).any():
            row = scores.index[int(np.flatnonzero(missing.to_numpy())[0])]
            raise SummaryError(f"scores row {row!r}: {column} is missing")
    available = list(dict.fromkeys(scores["item"].tolist()))
    chosen = resolve_items(items, available)
    links = _links(code_items, available)
    if links is not None:
        linked = {item for names in links.values() for item in names}
        chosen = [item for item in chosen if item in linked]
        if not chosen:
            raise SummaryError(
                "no linked item of the codes is in the scores (or among items=); the items are: "
                + "; ".join(repr(str(a)) for a in available)
            )
        if code_ids is None and isinstance(code_items, Mapping):
            code_ids = list(code_items)
    scored = scores[scores["item"].isin(chosen)].dropna(subset=["value"])
    twice = scored.duplicated(["respondent_id", "item"], keep=False)
    if twice.any():
        first = scored[twice].iloc[0]
        raise SummaryError(
            f"scores have several values of item {first['item']!r} for respondent "
            f"{first['respondent_id']!r} (rows {list(scored.index[twice][:3])!r})"
        )
    scored = scores_with_groups(scored, by_cols, respondents, tagged).reset_index(drop=True)
    mentioned = mentions(tagged, columns, id_column=id_column, text_column=text_column)
    selected = _select_codes(code_ids, columns, mentioned)
    ids = set(tagged[id_column].dropna().tolist())
    if len(scored) and ids and not ids & set(scored["respondent_id"].tolist()):
        raise SummaryError(
            f"no scored respondent is in tagged[{id_column!r}]: e.g. "
            f"{tagged[id_column].dropna().iloc[0]!r} there "
            f"and {scored['respondent_id'].iloc[0]!r} in scores (the ids must be the same values)"
        )
    out = _table(scored, by_cols, chosen, selected, mentioned, confidence)
    if links is not None:
        pairs = zip(out["code"], out["item"], strict=True)
        keep = [item in links.get(code, ()) for code, item in pairs]
        out = out[np.array(keep, dtype=bool)].reset_index(drop=True)
        if not len(out):
            raise SummaryError("no code of code_ids has a linked item in the scores")
    inherited = None
    nested: list[Nesting] = []
    if secondary and by_cols:  # the rule of every summary table (suppression.py)

        def smaller(sub_by: list[str]) -> pd.DataFrame:  # by fewer (or coarser) columns
            return scores_by_mention(
                tagged, scores, items=items, codes=codes, code_ids=code_ids,
                code_items=code_items, by=sub_by, respondents=respondents, min_cell=min_cell,
                confidence=confidence, id_column=id_column, text_column=text_column,
            )  # fmt: skip

        keys = ["layer", "code", "item"]
        if len(by_cols) > 1:
            inherited = margin_parts(out, by_cols, smaller, cell_keys=keys).any(axis=0)
        if hierarchy := data_hierarchy(by_cols, scores, respondents, tagged):
            nested = nested_lines(out, by_cols, hierarchy, smaller, cell_keys=keys)
    return _suppress(out, by_cols, min_cell, secondary, inherited, nested)


def mentions(
    tagged: pd.DataFrame,
    codes: Sequence[str] = ("areas", "mechanisms"),
    *,
    id_column: str = RESPONDENT_ID,
    text_column: str | None = "text",
) -> dict[tuple[str, str], set[Any]]:
    """``(layer, code)`` -> the ids of the respondents who mention it (module docstring): codes
    of empty answers, non-answers, answers not in Finnish and rows without an id do not count.
    Keys are in the order the codes first appear."""
    counted = answered_mask(tagged, text_column) & ~non_answer_mask(tagged, text_column)
    if LANGUAGE in tagged.columns:
        counted &= ~not_finnish_mask(tagged)
    counted &= tagged[id_column].notna().to_numpy()
    out: dict[tuple[str, str], set[Any]] = {}
    ids = tagged[id_column].tolist()
    for column in codes:
        layer = LAYERS.get(column, column)
        cells = zip(tagged.index, tagged[column].tolist(), strict=True)
        for pos, (index, cell) in enumerate(cells):
            values = code_list(cell, column, index)  # every cell checked, counted or not
            if counted[pos]:
                for code in values:
                    out.setdefault((layer, code), set()).add(ids[pos])
    return out


def resolve_items(wanted: str | Sequence[str] | None, available: Sequence[Any]) -> list[Any]:
    """The items of ``available`` that ``wanted`` names: each by its name, a codebook item id or
    a unique part of its name (case-insensitive); an error names one that matches none or
    several. ``None``: all of ``available``."""
    if wanted is None:
        return list(available)
    if isinstance(wanted, str):
        wanted = [wanted]
    texts = {str(a): a for a in available}
    by_id: dict[str, set[str]] = {}
    for alternatives in codebook_links().values():
        for names in alternatives:
            found = find_item(names[1:], texts)
            by_id.setdefault(names[0], set()).update([found] if found else [])
    listed = "; ".join(repr(t) for t in texts)
    out = []
    for name in wanted:
        if not isinstance(name, str) or not name.strip():
            raise SummaryError(f"items must be item names (text), got {name!r}")
        if name in texts:
            hits = [name]
        elif by_id.get(name):
            hits = sorted(by_id[name])
        else:
            hits = question_matches(name, list(texts))
        if len(hits) != 1:
            how = "matches several items" if hits else "is not an item of the scores"
            raise SummaryError(f"item {name!r} {how}; the items are: {listed}")
        out.append(texts[hits[0]])
    return list(dict.fromkeys(out))


def _links(
    code_items: Mapping[str, str | Sequence[str]] | str | None, available: list[Any]
) -> dict[str, list[Any]] | None:
    """Code id -> its linked items of ``available`` (None: no links asked for)."""
    if code_items is None:
        return None
    if isinstance(code_items, str):
        if code_items != "codebook":
            raise SummaryError(
                f"code_items must be 'codebook' or a mapping code -> item(s), got {code_items!r}"
            )
        texts = {str(a): a for a in available}
        return {
            code: [texts[name] for _, name in pairs if name in texts]
            for code, pairs in resolve_link_pairs(None, list(texts)).items()
        }
    if not isinstance(code_items, Mapping):
        raise SummaryError(
            f"code_items must be 'codebook' or a mapping code -> item(s), got "
            f"{type(code_items).__name__}"
        )
    out: dict[str, list[Any]] = {}
    for code, names in code_items.items():
        found = resolve_items(names, available)
        out.setdefault(strip_prefix(str(code)), []).extend(found)
    return out


def _code_columns(tagged: pd.DataFrame, codes: str | Sequence[str]) -> list[str]:
    columns = [codes] if isinstance(codes, str) else list(codes)
    if not columns:
        raise SummaryError("codes must name at least one code column, got an empty sequence")
    for column in columns:
        if column not in ("areas", "mechanisms"):
            raise SummaryError(
                f"codes: {column!r} is no code column; use 'areas' and/or 'mechanisms'"
            )
    check_columns(tagged, columns, "code")
    return columns


def _select_codes(
    code_ids: str | Sequence[str] | None,
    columns: list[str],
    mentioned: dict[tuple[str, str], set[Any]],
) -> list[tuple[str, str]]:
    """The (layer, code) pairs to compare, in codebook order (then others sorted)."""
    known: list[tuple[str, str]] = []
    for column in columns:
        layer = LAYERS[column]
        listed = codebook_codes(layer)
        extra = sorted(code for lay, code in mentioned if lay == layer and code not in listed)
        known += [(layer, code) for code in [*listed, *extra]]
    if code_ids is None:
        return [key for key in known if key in mentioned]
    wanted = [code_ids] if isinstance(code_ids, str) else list(code_ids)
    out = []
    for raw in wanted:
        if not isinstance(raw, str):
            raise SummaryError(f"code_ids must be code ids (text), got {raw!r}")
        layer = next((lay for p, lay in _PREFIX_LAYERS.items() if raw.startswith(p)), None)
        code = strip_prefix(raw.strip())
        hits = [k for k in known if k[1] == code and layer in (None, k[0])]
        if not hits:
            names = ", ".join(sorted({c for _, c in known}))
            raise SummaryError(
                f"code {raw!r} is not a code of {' or '.join(columns)}; known codes: {names}"
            )
        out += hits
    order = {key: i for i, key in enumerate(known)}
    return sorted(dict.fromkeys(out), key=order.__getitem__)


def _table(
    scored: pd.DataFrame,
    by_cols: list[str],
    items: list[Any],
    selected: list[tuple[str, str]],
    mentioned: dict[tuple[str, str], set[Any]],
    confidence: float,
) -> pd.DataFrame:
    """One row per group, code and item with both sides' statistics (nothing hidden yet)."""
    scored = scored.copy()
    if by_cols:
        grouped = scored.groupby(by_cols, sort=True, dropna=False, observed=True)
        scored["_group"] = grouped.ngroup().to_numpy()
        groups = grouped.head(1).sort_values("_group")[[*by_cols, "_group"]]
    else:
        scored["_group"] = 0
        groups = pd.DataFrame({"_group": [0]})
    scored["_item"] = scored["item"].map({item: i for i, item in enumerate(items)})
    cells = scored[["_group", "_item"]].drop_duplicates().sort_values(["_group", "_item"])
    frames = []
    for position, (layer, code) in enumerate(selected):
        flag = scored["respondent_id"].isin(mentioned.get((layer, code), set())).to_numpy()
        part = cells.copy()
        part["_code"] = position
        part["layer"] = layer
        part["code"] = code
        for side, rows in zip(_SIDES, (scored[flag], scored[~flag]), strict=True):
            stats = rows.groupby(["_group", "_item"])["value"].agg(["count", "mean", "std"])
            stats.columns = [f"n_{side}", f"mean_{side}", f"sd_{side}"]
            part = part.merge(stats, left_on=["_group", "_item"], right_index=True, how="left")
        frames.append(part)
    if not frames:
        raise SummaryError("no code to compare: no counted answer in tagged carries a code")
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["_group", "_code", "_item"], kind="stable").reset_index(drop=True)
    for side in _SIDES:
        out[f"n_{side}"] = out[f"n_{side}"].fillna(0).astype(np.int64)
    out["item"] = [items[i] for i in out["_item"]]
    out["difference"] = out["mean_mention"] - out["mean_no_mention"]
    low, high, p = welch_interval(
        out["mean_mention"],
        out["sd_mention"],
        out["n_mention"],
        out["mean_no_mention"],
        out["sd_no_mention"],
        out["n_no_mention"],
        confidence=confidence,
    )
    out["ci_low"], out["ci_high"], out["p_value"] = low, high, p
    if by_cols:
        out = groups.merge(out, on="_group", how="right", sort=False)
    return out


def _suppress(
    out: pd.DataFrame,
    by_cols: list[str],
    min_cell: int,
    secondary: bool,
    inherited: np.ndarray | None = None,
    nested: Sequence[Nesting] = (),
) -> pd.DataFrame:
    """Hide the small sides and, with ``secondary``, the cells that would give them away (first
    the rows ``inherited`` from the tables by fewer columns, see ``margin_parts``; ``nested``:
    the parent lines of a column nested in a coarser one, see ``nested_lines``)."""
    sizes = [out[f"n_{side}"].to_numpy() for side in _SIDES]
    small = [n < min_cell for n in sizes]  # a side of 0 too: the other one is the group's total
    primary = small[0] | small[1]
    inherited = np.zeros(len(out), dtype=bool) if inherited is None else inherited
    if secondary:
        # both sides as rows: the side is one more dimension, whose margin is the group's total;
        # a side of 0 discloses nothing for itself, so the other side of its row is hidden as
        # the small one (it equals the total), and across the groups it needs a second cell
        empty = [n == 0 for n in sizes]
        first = [small[0] | empty[1] | inherited, small[1] | empty[0] | inherited]
        cells = pd.concat([out, out], ignore_index=True)
        cells["_side"] = np.repeat([0, 1], len(out))
        twice = [  # each side under its parent's same side (a hidden row hides both)
            Nesting(
                n.column,
                np.concatenate([n.parent, n.parent]),
                np.concatenate([n.known, n.known]),
                np.concatenate([n.parent_hidden, n.parent_hidden]),
            )
            for n in nested
        ]
        extra, by_parent = secondary_masks(
            cells,
            [*by_cols, "_side", "code"],
            np.concatenate(first),
            np.concatenate(sizes),
            cell_keys=["layer", "item"],
            rank=[cells["_group"].to_numpy(), cells["_side"].to_numpy()],
            nested=twice,
        )
        for_parent = (by_parent[: len(out)] | by_parent[len(out) :]) & ~primary & ~inherited
        hidden_side = [extra[: len(out)] | first[0], extra[len(out) :] | first[1]]
        hidden = hidden_side[0] | hidden_side[1]
        hidden_side = [hidden, hidden]  # a row with a hidden side shows none of its numbers
    else:
        hidden = primary
        hidden_side = small
        for_parent = np.zeros(len(out), dtype=bool)
    result = out[[*by_cols, *MENTION_COLUMNS[:-2]]].copy()
    for side, side_hidden in zip(_SIDES, hidden_side, strict=True):
        result[f"n_{side}"] = pd.array(result[f"n_{side}"], dtype="Int64")
        result.loc[side_hidden, f"n_{side}"] = pd.NA
        result.loc[side_hidden, [f"mean_{side}", f"sd_{side}"]] = np.nan
    result.loc[hidden, _COMPARISON] = np.nan
    result["suppressed"] = hidden
    reasons = np.where(
        primary,
        f"n < min_cell {min_cell}",
        np.where(
            inherited,
            MARGIN_REASON,
            np.where(for_parent, NESTED_REASON, np.where(hidden, SECONDARY_REASON, "")),
        ),
    )
    result["suppression_reason"] = pd.Series([r or None for r in reasons], dtype=object)
    result.attrs.update({"by": list(by_cols), "min_cell": min_cell})
    return result


__all__ = [
    "MENTION_COLUMNS",
    "mentions",
    "resolve_items",
    "scores_by_mention",
]
