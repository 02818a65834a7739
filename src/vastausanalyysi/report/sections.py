"""The theme frequencies section as tables, one per code layer.

:func:`prepare_freqs` checks this input of :func:`~vastausanalyysi.report.write_report` (a
:class:`ReportError` names what is wrong) and returns its section, with groups, regions and codes
named and free texts masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from vastausanalyysi.errors import ReportError
from vastausanalyysi.report.formatting import (
    DASH,
    cell_text,
    float_or_none,
    int_or_none,
    none_if_missing,
)
from vastausanalyysi.report.labels import BY_ADVERBS, LAYER_TITLES, Names
from vastausanalyysi.respondents import COARSE_GROUPS, UNKNOWN
from vastausanalyysi.schema import COARSE_GROUP, NON_ANSWERS
from vastausanalyysi.text import is_missing

GROUP_ORDER: tuple[str, ...] = (*COARSE_GROUPS, UNKNOWN)
"""The report's order of coarse groups (other values follow, as given)."""


class FreqCell(NamedTuple):
    """One cell of a frequency table: a code in a group (figures, base too, None when
    suppressed)."""

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
    hidden: dict[tuple[Any, ...], str] = field(default_factory=dict)
    """The groups whose size is hidden: ``"small"`` (under ``min_cell``) or ``"secondary"``;
    their ``bases`` are None."""
    non_answers: dict[tuple[Any, ...], int | None] = field(default_factory=dict)
    """The units of each group left out of its base for giving only non-answers ("eos", "-");
    None when hidden (with the group's size) or not known."""


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


def _by_heading(by: list[str]) -> str:
    """The heading of the frequency section ("Teemojen esiintyvyys vastaajaryhmittäin")."""
    if not by:
        return "Teemojen esiintyvyys"
    adverbs = list(dict.fromkeys(BY_ADVERBS.get(c, f"ryhmittäin ({c})") for c in by))
    return "Teemojen esiintyvyys " + " ja ".join(adverbs)


_SMALL_BASE = re.compile(r"base (?:\d+ )?< min_cell (\d+)")
"""The summary's reason of a group under ``min_cell`` (older tables give its base too)."""


def _reason_fi(reason: str, suppressed: bool) -> str:
    """The summary's suppression reason in Finnish."""
    if match := _SMALL_BASE.fullmatch(reason):
        return f"piilotettu: ryhmässä alle {match[1]} vastaajaa"
    if match := re.fullmatch(r"n < min_cell (\d+)", reason):
        return f"piilotettu: alle {match[1]} mainintaa"
    if reason.startswith("secondary"):
        return SECONDARY_REASON
    return reason or ("piilotettu" if suppressed else "")


NON_ANSWER_LABEL = "ei sisältöä"
"""Beside a group's size: the respondents left out of the base for giving only non-answers."""

SECONDARY_REASON = (
    "piilotettu toissijaisesti: muuten toisen ryhmän piilotettu luku olisi pääteltävissä "
    "yhteissummasta"
)


def complete_suppression(layer: FreqLayer) -> bool:
    """Secondary suppression where the frequencies lack it: when exactly one group of a code is
    hidden, the shown group with the smallest base is hidden too. True if anything was hidden."""
    changed = False
    if len(layer.groups) < 2:
        return changed
    for code in layer.codes:
        cells = [(g, layer.cells.get((code, g))) for g in layer.groups]
        hidden = [g for g, c in cells if c is not None and c.suppressed]
        shown = [
            (c.base if c.base is not None else 0, i, g)
            for i, (g, c) in enumerate(cells)
            if c is not None and not c.suppressed
        ]
        if len(hidden) != 1 or not shown:
            continue
        _, _, group = min(shown)
        layer.cells[(code, group)] = FreqCell(None, None, None, None, None, True, SECONDARY_REASON)
        changed = True
    return changed


def hide_group_sizes(layer: FreqLayer, small: set[tuple[Any, ...]]) -> bool:
    """Hide the size (``bases``) of the groups ``small`` (under ``min_cell``) and of the groups
    whose every cell is hidden; when that is one group only, the shown group with the smallest
    base is hidden too, all its cells, so that no hidden size can be derived from the total.
    True if a cell was hidden."""
    changed = False

    def whole(g: tuple[Any, ...]) -> bool:
        cells = [layer.cells[(code, g)] for code in layer.codes if (code, g) in layer.cells]
        return bool(cells) and all(c.suppressed for c in cells)

    for g in layer.groups:
        if g in small:
            layer.hidden[g] = "small"
        elif whole(g):
            layer.hidden.setdefault(g, "secondary")
    shown = [
        (layer.bases.get(g) or 0, i, g) for i, g in enumerate(layer.groups) if g not in layer.hidden
    ]
    if len(layer.hidden) == 1 and shown:
        _, _, group = min(shown)
        layer.hidden[group] = "secondary"
        for code in layer.codes:
            cell = layer.cells.get((code, group))
            if cell is not None and not cell.suppressed:
                layer.cells[(code, group)] = FreqCell(
                    None, None, None, None, None, True, SECONDARY_REASON
                )
                changed = True
    for g in layer.hidden:
        layer.bases[g] = None
        layer.non_answers[g] = None
    return changed


def shows_non_answers(layer: FreqLayer) -> bool:
    """Whether any shown group of ``layer`` has non-answers (then each shown group's count is
    given beside its size)."""
    return any(layer.non_answers.get(g) for g in layer.groups if g not in layer.hidden)


def group_size(layer: FreqLayer, group: tuple[Any, ...], min_cell: int | None) -> str:
    """The size of a group as a table shows it: ``"n = 25"``, ``"n < 5"`` for a group under
    ``min_cell``, ``"piilotettu"`` for a group hidden beside it (or when the limit is unknown);
    when the table has non-answers, a shown group's count follows (``"n = 25, ei sisältöä 3"``)."""
    kind = layer.hidden.get(group)
    if kind == "small" and min_cell:
        return f"n < {min_cell}"
    if kind:
        return "piilotettu"
    base = layer.bases.get(group)
    size = f"n = {DASH if base is None else base}"
    if shows_non_answers(layer):
        size += f", {NON_ANSWER_LABEL} {layer.non_answers.get(group) or 0}"
    return size


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
        col(NON_ANSWERS),
        strict=True,
    )
    any_suppressed = False
    limit = int_or_none(min_cell)
    small: dict[str, set[tuple[Any, ...]]] = {}
    for i, (layer, code, n, base, share, low, high, sup, reason, non_answers) in enumerate(rows):
        layer = cell_text(layer) or "muu"
        suppressed = bool(sup) if not is_missing(sup) else False
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
        if not suppressed and entry.non_answers.get(key) is None:  # shown in any of its cells
            entry.non_answers[key] = int_or_none(non_answers)
        code = cell_text(code)
        if code not in entry.codes:
            entry.codes.append(code)
        any_suppressed |= suppressed
        base_value = int_or_none(base)
        if suppressed and (
            _SMALL_BASE.fullmatch(cell_text(reason))
            or (limit is not None and base_value is not None and base_value < limit)
        ):
            small.setdefault(layer, set()).add(key)
        entry.cells[(code, key)] = FreqCell(
            None if suppressed else int_or_none(n),
            None if suppressed else base_value,
            None if suppressed else float_or_none(share),
            None if suppressed else float_or_none(low),
            None if suppressed else float_or_none(high),
            suppressed,
            _reason_fi(cell_text(reason), suppressed),
        )
    for name, entry in layers.items():
        if complete_suppression(entry):
            any_suppressed = True
        if hide_group_sizes(entry, small.get(name, set())):
            any_suppressed = True
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
        limit,
        method,
        confidence,
        any_suppressed,
        _by_heading(by),
    )


__all__ = [
    "GROUP_ORDER",
    "NON_ANSWER_LABEL",
    "SECONDARY_REASON",
    "FreqCell",
    "FreqLayer",
    "FreqSection",
    "complete_suppression",
    "group_size",
    "hide_group_sizes",
    "prepare_freqs",
    "shows_non_answers",
]
