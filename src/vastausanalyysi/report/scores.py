"""The score tables: means of the survey's own Likert items, or the published tables given.

* **The survey's own items** (``Survey.scores``: ``respondent_id``, ``item``, ``value``): means by
  the report's grouping (the same cells as the quotes), with a "Kaikki vastaajat" row. A mean of
  fewer than ``min_cell`` respondents is hidden; when only one group of an item is hidden, the
  next smallest is hidden too (secondary suppression), so that no hidden mean can be derived from
  the total; by group, the next smallest under the same coarse group, so that the means by coarse
  group give none back either (the summaries' nested rule, :func:`_parent_lines`). A row with a
  hidden mean or fewer than ``min_cell`` respondents shows no N (nor its items' n), and when that is
  one group only, the next smallest group's N is hidden too, so that no hidden group's size can be
  derived from the total N.
* **Published tables** (long form: ``county`` or ``region``, ``item_id``, ``item``, ``mean``,
  ``n``): shown as given, except that small groups are suppressed as in every output: a mean
  whose ``n`` is under ``min_cell`` is hidden (with the next smallest region's when it is the
  only one of its item), and so are that row's N and n, by the same rules as the survey's own
  means. ``min_cell=1`` (the report's ``min_cell``, ``--min-cell 1``) shows them as given. A
  table without ``n`` cannot be checked and is shown as given.

Items get short keys ("K1", "K2", …, numbered on across the tables of a section so that a key
names one item) for the table headers, with the full texts in a key below. A published frame
with a ``question`` column (or the ``table`` column of ``load_published_scores``) is shown as one
table per value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from vastausanalyysi.errors import ReportError
from vastausanalyysi.report.formatting import DASH, cell_text, none_if_missing
from vastausanalyysi.report.labels import BY_ADVERBS, COLUMN_TITLES, Names
from vastausanalyysi.report.quotes import respondent_keys
from vastausanalyysi.report.sections import GROUP_ORDER
from vastausanalyysi.schema import COARSE_GROUP, RESPONDENT_ID

SCORE_REGION_COLUMNS = ("county", "region", "hyvinvointialue", "alue")
"""Columns naming the region of a published score row, the first found is used."""
ALL_RESPONDENTS = {"kaikki vastaajat", "kaikki", "yhteensä"}
"""Region values (lower case) of the overall row of a published table, shown last."""
TOTAL_LABEL = "Kaikki vastaajat"
PUBLISHED_TABLES = {"yhteistyo": "Yhteistyön toteutuminen", "tyonjako": "Työnjaon selkeys"}
"""Headings of the ``table`` ids of :func:`vastausanalyysi.load_published_scores`."""
SURVEY = "survey"
PUBLISHED = "published"


@dataclass
class ScoreTable:
    """One table of means: rows (groups or regions, the total last) by items."""

    question: str | None
    rows: list[str]  # row labels
    codes: list[str]  # row values as given ("" for the computed total)
    total: list[bool]
    items: list[str]  # item ids
    texts: list[str]  # full item texts
    keys: list[str]  # short headers "K1", "K2", …
    means: list[list[float | None]]  # [row][item]; None when missing or hidden
    ns: list[list[int | None]]  # [row][item] respondents with a value; None when hidden
    flags: list[list[str]]  # [row][item]: "", "primary" or "secondary"
    row_n: list[int | None]  # None when missing or hidden
    n_hidden: list[bool] = field(default_factory=list)  # [row]: row_n hidden (shown as "–*")

    def __post_init__(self) -> None:
        if not self.n_hidden:
            self.n_hidden = [False] * len(self.rows)

    def legend(self) -> list[tuple[str, str]]:
        """(key, item text) of each column, the text followed by the item's own n in the total
        row ("(n = 21)") when the items' n differ there: the N column counts the respondents
        with at least one of the items."""
        totals = [r for r, is_total in enumerate(self.total) if is_total]
        ns = [self.ns[totals[-1]][j] for j in range(len(self.items))] if totals else []
        if len({n for n in ns if n is not None}) < 2:
            return list(zip(self.keys, self.texts, strict=True))
        return [
            (key, text if n is None else f"{text} (n = {n})")
            for key, text, n in zip(self.keys, self.texts, ns, strict=True)
        ]


@dataclass
class ScoreSection:
    """The score section: where the means come from, and one table per question."""

    source: str  # SURVEY or PUBLISHED
    heading: str
    row_title: str
    tables: list[ScoreTable]
    min_cell: int | None
    scale: tuple[float, float]

    @property
    def any_suppressed(self) -> bool:
        """Whether any mean is hidden."""
        return any(f for t in self.tables for row in t.flags for f in row)


def is_respondent_scores(frame: Any) -> bool:
    """Whether ``frame`` is one row per respondent and item (``Survey.scores``)."""
    return isinstance(frame, pd.DataFrame) and {RESPONDENT_ID, "item", "value"} <= set(
        frame.columns
    )


def _keys(n: int, start: int = 1) -> list[str]:
    return [f"K{i}" for i in range(start, start + n)]


def _scale(values: np.ndarray, given: Any = None) -> tuple[float, float]:
    """The Likert scale: ``given`` (e.g. ``scores.attrs["scale"]``) when it is a pair of
    numbers, else the common scale the values fit: 1–5, 1–7, 0/1–10, else their range."""
    if isinstance(given, list | tuple) and len(given) == 2:
        try:
            return (float(given[0]), float(given[1]))
        except (TypeError, ValueError):
            pass
    finite = values[np.isfinite(values)]
    if not len(finite):
        return (1.0, 5.0)
    low = 0.0 if finite.min() < 1 else 1.0
    for high in (5.0, 7.0, 10.0):
        if finite.max() <= high:
            return (low, high)
    return (float(np.floor(finite.min())), float(np.ceil(finite.max())))


def table_title(value: Any, column: str | None) -> str:
    """The heading of one published table: a ``question`` as given, a ``table`` id named
    (:data:`PUBLISHED_TABLES`)."""
    text = cell_text(value)
    return PUBLISHED_TABLES.get(text, text) if column == "table" else text


def secondary_suppression(
    ns: Sequence[int | None],
    min_cell: int,
    small: Sequence[bool] | None = None,
    inherited: Sequence[bool] | None = None,
) -> list[str]:
    """Flags of one column of group means: "primary" under ``min_cell`` (and every mean of a
    ``small`` group, also one that nobody in it scored: an empty cell would tell that all its
    members answered "En osaa sanoa"); "secondary" where ``inherited`` (a group the report's
    other tables hide); when exactly one is hidden, the next smallest shown group is
    "secondary"."""
    small = small if small is not None else [False] * len(ns)
    inherited = inherited if inherited is not None else [False] * len(ns)
    flags = [
        "primary" if (n is not None and 0 < n < min_cell) or tiny else "secondary" if other else ""
        for n, tiny, other in zip(ns, small, inherited, strict=True)
    ]
    if sum(bool(f) for f in flags) == 1:
        others = [(n, i) for i, n in enumerate(ns) if not flags[i] and n]
        if others:
            flags[min(others)[1]] = "secondary"
    return flags


def hidden_sizes(
    row_n: Sequence[int], flags: Sequence[Sequence[str]], total: Sequence[bool], min_cell: int
) -> list[bool]:
    """The rows whose N is hidden: a group row with a hidden mean or ``0 < N < min_cell`` (and,
    when that is one group only, the shown group with the smallest N > 0 too); a total row under
    ``min_cell``."""
    hidden = [
        (0 < n < min_cell) if is_total else (any(row) or 0 < n < min_cell)
        for n, row, is_total in zip(row_n, flags, total, strict=True)
    ]
    groups = [r for r in range(len(row_n)) if not total[r]]
    if sum(hidden[r] for r in groups) == 1:
        others = [(row_n[r], r) for r in groups if not hidden[r] and row_n[r] > 0]
        if others:
            hidden[min(others)[1]] = True
    return hidden


def prepare_survey_scores(
    scores: pd.DataFrame,
    answers: pd.DataFrame,
    levels: Sequence[str],
    names: Names,
    min_cell: int,
    hidden: tuple[list[str], set[tuple[object, ...]]] | None = None,
) -> ScoreSection:
    """Means of the survey's own Likert items by the report's grouping ``levels``.

    ``hidden``: the grouping columns and cells that the report's frequency tables hide
    (``report.model.hidden_cells``): hidden here too, and secondary suppression chooses no
    other group where they suffice, so that no two tables together give a hidden size."""
    values = pd.to_numeric(scores["value"], errors="coerce")
    bad = values.isna() & scores["value"].notna() & (scores["value"].astype(str).str.strip() != "")
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ReportError(
            f"scores row {scores.index[pos]!r}: value {scores['value'].iloc[pos]!r} is not a number"
        )
    level_of: dict[object, tuple[object, ...]] = {}
    columns = [answers[c].tolist() for c in levels]
    for i, who in enumerate(respondent_keys(answers)):
        key = tuple(none_if_missing(col[i]) for col in columns)
        if who not in level_of or all(v is None for v in level_of[who]):
            level_of[who] = key
    ids = [
        ("id", str(v)) if none_if_missing(v) is not None else None for v in scores[RESPONDENT_ID]
    ]
    unknown = tuple(None for _ in levels)
    data = pd.DataFrame(
        {
            "who": [w if w is not None else ("rivi", i) for i, w in enumerate(ids)],
            "cell": [level_of.get(w, unknown) for w in ids],
            "item": [cell_text(v) for v in scores["item"].tolist()],
            "value": values.to_numpy(dtype=float),
        }
    ).dropna(subset=["value"])
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}

    def label(cell: tuple[object, ...]) -> str:
        return " / ".join(names.value(c, v) for c, v in zip(levels, cell, strict=True))

    def position(cell: tuple[object, ...]) -> tuple[Any, ...]:
        first = [
            rank.get(v, len(rank)) if c == COARSE_GROUP else 0
            for c, v in zip(levels, cell, strict=True)
        ]
        return (*first, label(cell))

    items = list(dict.fromkeys(cell_text(v) for v in scores["item"].tolist() if cell_text(v)))
    cells = sorted(set(data["cell"].tolist()), key=position) if levels else []
    number = {c: i for i, c in enumerate(cells)}
    data["_cell"] = [number.get(c, -1) for c in data["cell"].tolist()]  # tuples never compared
    rows: list[tuple[str, str, bool, pd.DataFrame]] = [
        (label(c), " / ".join(cell_text(v) for v in c), False, data[data["_cell"] == i])
        for i, c in enumerate(cells)
    ]
    if len(rows) != 1:
        rows.append((TOTAL_LABEL, "", True, data))
    means, ns, flags = [], [], []
    for _, _, _, part in rows:
        stats = part.groupby("item")["value"].agg(["mean", "count"])
        means.append([float(stats.at[i, "mean"]) if i in stats.index else None for i in items])
        ns.append([int(stats.at[i, "count"]) if i in stats.index else 0 for i in items])
    row_n = [int(part["who"].nunique()) for *_, part in rows]
    flags = [["" for _ in items] for _ in rows]
    groups = [r for r, row in enumerate(rows) if not row[2]]
    # a group of fewer than min_cell respondents shows no mean at all, not even an empty one;
    # nor does a larger group an item none of them scored (an empty cell would tell that all of
    # them answered "En osaa sanoa": QA 6 #7)
    small = [0 < row_n[r] < min_cell for r in groups]
    unscored = [[row_n[r] > 0 and ns[r][j] == 0 for j in range(len(items))] for r in groups]
    elsewhere = [False] * len(cells)  # hidden by the frequency tables (by the same levels)
    if hidden is not None and list(hidden[0]) == list(levels):
        elsewhere = [tuple(none_if_missing(v) for v in c) in hidden[1] for c in cells]
    nested = _parent_lines(scores, answers, levels, names, min_cell, cells, items)
    if len(levels) > 1 or nested:  # the rule of every summary table (summary/suppression.py)
        inherited = np.zeros((len(cells), len(items)), dtype=bool)
        if len(levels) > 1:
            inherited = _inherited(scores, answers, levels, names, min_cell, cells, len(items))
        inherited |= np.array(small, dtype=bool).reshape(-1, 1)
        inherited |= np.array(elsewhere, dtype=bool).reshape(-1, 1)
        inherited |= np.array(unscored, dtype=bool).reshape(len(groups), len(items))
        group_ns = [ns[r] for r in groups]
        line_flags = _line_flags(cells, levels, group_ns, inherited, min_cell, nested)
        for r, row_flags in zip(groups, line_flags, strict=True):
            flags[r] = row_flags
    else:
        for j in range(len(items)):
            tiny = [t or u[j] for t, u in zip(small, unscored, strict=True)]
            column = secondary_suppression([ns[r][j] for r in groups], min_cell, tiny, elsewhere)
            for r, flag in zip(groups, column, strict=True):
                flags[r][j] = flag
    for r, row in enumerate(rows):  # a total row on its own
        for j in range(len(items)):
            if row[2] and (0 < ns[r][j] < min_cell or 0 < row_n[r] < min_cell):
                flags[r][j] = "primary"
    for r in range(len(rows)):
        means[r] = [None if flags[r][j] else means[r][j] for j in range(len(items))]
    n_hidden = hidden_sizes(row_n, flags, [row[2] for row in rows], min_cell)
    shown_n: list[int | None] = [None if h else n for n, h in zip(row_n, n_hidden, strict=True)]
    shown_ns: list[list[int | None]] = [
        [None if n_hidden[r] or flags[r][j] else ns[r][j] for j in range(len(items))]
        for r in range(len(rows))
    ]
    table = ScoreTable(
        None,
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        items,
        items,
        _keys(len(items)),
        means,
        shown_ns,
        flags,
        shown_n,
        n_hidden,
    )
    adverb = " ja ".join(dict.fromkeys(BY_ADVERBS.get(c, c) for c in levels))
    title = " / ".join(COLUMN_TITLES.get(c, c) for c in levels) or "Ryhmä"
    return ScoreSection(
        SURVEY,
        "Kyselyn asteikolliset kysymykset: keskiarvot" + (f" {adverb}" if adverb else ""),
        title,
        [table],
        min_cell,
        _scale(data["value"].to_numpy(dtype=float), scores.attrs.get("scale")),
    )


def _group_rows(table: ScoreTable) -> dict[str, int]:
    """The row of each group of ``table`` by its code (the total row left out)."""
    pairs = zip(table.codes, table.total, strict=True)
    return {code: r for r, (code, total) in enumerate(pairs) if not total}


def _inherited(
    scores: pd.DataFrame,
    answers: pd.DataFrame,
    levels: Sequence[str],
    names: Names,
    min_cell: int,
    cells: list[tuple[object, ...]],
    n_items: int,
) -> np.ndarray:
    """[cell][item]: the means of a table by several levels that the same table by one level
    fewer hides (primary or secondary), as :func:`~vastausanalyysi.summary.suppression.
    margin_parts` does for the summaries: their cells would give them back."""
    out = np.zeros((len(cells), n_items), dtype=bool)
    for d in range(len(levels)):
        sub_levels = [c for k, c in enumerate(levels) if k != d]
        table = prepare_survey_scores(scores, answers, sub_levels, names, min_cell).tables[0]
        rows = _group_rows(table)
        for i, cell in enumerate(cells):
            key = " / ".join(cell_text(v) for k, v in enumerate(cell) if k != d)
            r = rows.get(key)
            if r is not None:
                out[i] |= np.array([bool(f) for f in table.flags[r]], dtype=bool)
    return out


def _parent_lines(
    scores: pd.DataFrame,
    answers: pd.DataFrame,
    levels: Sequence[str],
    names: Names,
    min_cell: int,
    cells: list[tuple[object, ...]],
    items: list[str],
) -> list[Any]:
    """The parent lines (:class:`~vastausanalyysi.summary.suppression.Nesting`, for
    :func:`_line_flags`) of the levels nested in a coarser column of ``answers`` (a group in its
    coarse group: :func:`~vastausanalyysi.summary.hierarchy.data_hierarchy`), with the means
    that the same table by the parent column hides: a report by coarse group shows them."""
    from vastausanalyysi.summary.hierarchy import data_hierarchy
    from vastausanalyysi.summary.suppression import Nesting

    out = []
    for column, (parent_column, parent_of) in data_hierarchy(levels, answers).items():
        k = list(levels).index(column)
        coarse = [parent_column if c == column else c for c in levels]
        table = prepare_survey_scores(scores, answers, coarse, names, min_cell).tables[0]
        rows = _group_rows(table)
        where = {item: j for j, item in enumerate(table.items)}
        parent, known, hidden = [], [], []
        for cell in cells:
            has = cell[k] is not None and cell[k] in parent_of
            value = parent_of[cell[k]] if has else None
            key = " / ".join(cell_text(value if i == k else v) for i, v in enumerate(cell))
            r = rows.get(key) if has else None
            for item in items:
                j = where.get(item)
                parent.append(value)
                known.append(has)
                hidden.append(r is not None and j is not None and bool(table.flags[r][j]))
        out.append(
            Nesting(
                f"_level{k}",
                np.array(parent, dtype=object),
                np.array(known, dtype=bool),
                np.array(hidden, dtype=bool),
            )
        )
    return out


def _line_flags(
    cells: list[tuple[object, ...]],
    levels: Sequence[str],
    ns: list[list[int]],
    inherited: np.ndarray,
    min_cell: int,
    nested: Sequence[Any] = (),
) -> list[list[str]]:
    """[cell][item] flags of a table by several levels (or by a level nested in a coarser one):
    "primary" under ``min_cell``, else "secondary" when inherited or hidden by the summaries'
    secondary suppression along each level and, with ``nested`` (:func:`_parent_lines`),
    under each parent (:func:`~vastausanalyysi.summary.suppression.secondary_mask`)."""
    from vastausanalyysi.summary.suppression import secondary_mask

    n_items = inherited.shape[1]
    names = [f"_level{k}" for k in range(len(levels))]
    frame = pd.DataFrame(
        [(*cell, j) for cell in cells for j in range(n_items)], columns=[*names, "_item"]
    )
    n = np.array([ns[i][j] for i in range(len(cells)) for j in range(n_items)], dtype=np.int64)
    primary = (n > 0) & (n < min_cell)
    hidden = primary | inherited.reshape(-1)
    hidden |= secondary_mask(frame, names, hidden, n, cell_keys=["_item"], nested=nested)
    flat = np.where(primary, "primary", np.where(hidden, "secondary", ""))
    return [list(flat[i * n_items : (i + 1) * n_items]) for i in range(len(cells))]


def _suppress(
    means: list[list[float | None]],
    ns: list[list[int | None]],
    row_n: list[int | None],
    total: list[bool],
    min_cell: int,
) -> tuple[
    list[list[float | None]], list[list[int | None]], list[list[str]], list[int | None], list[bool]
]:
    """Hide the means of fewer than ``min_cell`` respondents (``secondary_suppression`` down
    each item, a total row on its own) and the sizes beside them (:func:`hidden_sizes`): the
    shown means, ns, flags, row N and which row N is hidden."""
    rows = range(len(means))
    width = len(means[0]) if means else 0
    flags = [["" for _ in range(width)] for _ in rows]
    groups = [r for r in rows if not total[r]]
    # a missing mean has nothing to hide (it stays "–"), and cannot hide another
    given = [[n if means[r][j] is not None else None for j, n in enumerate(ns[r])] for r in rows]
    for j in range(width):
        column = secondary_suppression([given[r][j] for r in groups], min_cell)
        for r, flag in zip(groups, column, strict=True):
            flags[r][j] = flag
        for r in rows:
            n = given[r][j]
            if total[r] and n is not None and 0 < n < min_cell:
                flags[r][j] = "primary"
    n_hidden = hidden_sizes([n or 0 for n in row_n], flags, total, min_cell)
    shown_means = [[None if flags[r][j] else means[r][j] for j in range(width)] for r in rows]
    shown_ns = [
        [None if n_hidden[r] or flags[r][j] else ns[r][j] for j in range(width)] for r in rows
    ]
    shown_n = [None if n_hidden[r] else row_n[r] for r in rows]
    return shown_means, shown_ns, flags, shown_n, n_hidden


def prepare_published_scores(
    scores: Any, names: Names, min_cell: int = 1, first_key: int = 1
) -> ScoreSection:
    """The published long score table, checked, as one table (regions by items) per question;
    means of fewer than ``min_cell`` respondents hidden (1: none). Its items are keyed
    ``K<first_key>``, … (after the survey's own items when the report has both)."""
    if not isinstance(scores, pd.DataFrame):
        raise ReportError(f"scores must be a DataFrame, got {type(scores).__name__}")
    region = next((c for c in SCORE_REGION_COLUMNS if c in scores.columns), None)
    item_col = "item_id" if "item_id" in scores.columns else "item"
    if region is None or item_col not in scores.columns or "mean" not in scores.columns:
        raise ReportError(
            "scores must be the survey's own scores (respondent_id, item, value) or a published "
            "table in long form with columns county (or region), item_id or item, mean and n; "
            "columns are: " + ", ".join(repr(str(c)) for c in scores.columns)
        )
    raw = scores["mean"]
    as_text = raw.astype("string").str.replace(",", ".", regex=False).str.strip()
    blank = as_text.isna() | as_text.isin(["-", DASH, ""])
    means = pd.to_numeric(as_text.mask(blank), errors="coerce")
    bad = means.isna() & ~blank
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise ReportError(
            f"scores row {scores.index[pos]!r}: mean {raw.iloc[pos]!r} is not a number"
        )
    n_col = (
        pd.to_numeric(scores["n"], errors="coerce").tolist()
        if "n" in scores.columns
        else [None] * len(scores)
    )
    split = next((c for c in ("question", "table") if c in scores.columns), None)
    questions: list[Any] = list(dict.fromkeys(scores[split].tolist())) if split else [None]
    mean_list = means.tolist()
    tables: list[ScoreTable] = []
    for question in questions:
        idx = [
            i for i in range(len(scores)) if question is None or scores[split].iat[i] == question
        ]
        items = list(dict.fromkeys(cell_text(scores[item_col].iat[i]) for i in idx))
        texts: dict[str, str] = {}
        for i in idx:
            iid = cell_text(scores[item_col].iat[i])
            text = cell_text(scores["item"].iat[i]) if "item" in scores.columns else ""
            texts.setdefault(iid, text or iid)
        regions = list(dict.fromkeys(none_if_missing(scores[region].iat[i]) for i in idx))
        overall = [r for r in regions if r is not None and str(r).lower() in ALL_RESPONDENTS]
        regions = [r for r in regions if r not in overall] + overall
        cell: dict[tuple[Any, str], tuple[float | None, int | None]] = {}
        row_n: dict[Any, int] = {}
        for i in idx:
            reg = none_if_missing(scores[region].iat[i])
            mean = mean_list[i]
            n = n_col[i]
            n_int = None if n is None or pd.isna(n) else int(n)
            cell[(reg, cell_text(scores[item_col].iat[i]))] = (
                None if pd.isna(mean) else float(mean),
                n_int,
            )
            if n_int is not None:
                row_n[reg] = max(row_n.get(reg, 0), n_int)
        means, ns, flags, sizes, n_hidden = _suppress(
            [[cell.get((r, i), (None, None))[0] for i in items] for r in regions],
            [[cell.get((r, i), (None, None))[1] for i in items] for r in regions],
            [row_n.get(r) for r in regions],
            [r in overall for r in regions],
            min_cell,
        )
        tables.append(
            ScoreTable(
                None if question is None else table_title(question, split),
                [TOTAL_LABEL if r in overall else names.value(region, r) for r in regions],
                [cell_text(r) for r in regions],
                [r in overall for r in regions],
                items,
                [texts[i] for i in items],
                _keys(len(items), first_key + sum(len(t.items) for t in tables)),  # one per item
                means,
                ns,
                flags,
                sizes,
                n_hidden,
            )
        )
    finite = np.array([m for m in mean_list if m is not None and not pd.isna(m)], dtype=float)
    return ScoreSection(
        PUBLISHED,
        (
            "Julkaistut keskiarvot hyvinvointialueittain"
            if region in {"county", "region", "hyvinvointialue"}
            else "Julkaistut keskiarvot alueittain"
        ),
        "Alue",
        tables,
        min_cell,
        _scale(finite, scores.attrs.get("scale")),
    )


__all__ = [
    "ALL_RESPONDENTS",
    "PUBLISHED",
    "PUBLISHED_TABLES",
    "SCORE_REGION_COLUMNS",
    "SURVEY",
    "TOTAL_LABEL",
    "ScoreSection",
    "ScoreTable",
    "hidden_sizes",
    "is_respondent_scores",
    "prepare_published_scores",
    "prepare_survey_scores",
    "secondary_suppression",
    "table_title",
]
