"""Codes beside the survey's scores: the view model of the report's section "Maininnat ja
arviot".

For each code and scale item of a survey export: the mean score of the respondents who mention the
code in their open answers beside that of the others who scored the item, and the difference with
Welch's 95 % interval (:func:`vastausanalyysi.summary.scores_by_mention`; small sides are hidden
there, with the other side of their row).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from vastausanalyysi.errors import VastausanalyysiError
from vastausanalyysi.report.formatting import (
    DASH,
    cell_text,
    format_number,
    int_or_none,
    number_or_none,
)
from vastausanalyysi.report.labels import Names
from vastausanalyysi.summary import scores_by_mention

MENTIONS_HEADING = "Maininnat ja arviot"


@dataclass
class MentionRow:
    """One code and item (``None`` values are hidden or missing)."""

    layer: str
    code: str
    name: str
    item: str
    key: str
    n_mention: int | None
    mean_mention: float | None
    n_other: int | None
    mean_other: float | None
    difference: float | None
    low: float | None
    high: float | None
    p: float | None
    suppressed: bool

    @property
    def clear(self) -> bool:
        """Whether the row is shown and the 95 % interval of its difference leaves out 0 (the
        difference the report sets in bold)."""
        if self.suppressed or self.low is None or self.high is None:
            return False
        return self.low > 0 or self.high < 0


def prepare_mentions(
    tagged: pd.DataFrame,
    respondent_scores: pd.DataFrame,
    names: Names,
    keys: Mapping[str, str],
    min_cell: int,
) -> list[MentionRow]:
    """Every code and scale item, overall (no grouping), or [] if the scores cannot be compared
    (no respondent ids in common, no codes)."""
    try:
        table = scores_by_mention(tagged, respondent_scores, min_cell=min_cell)
    except VastausanalyysiError:
        return []
    return [
        MentionRow(
            cell_text(r["layer"]),
            cell_text(r["code"]),
            names.code(r["code"]),
            cell_text(r["item"]),
            keys.get(cell_text(r["item"]), cell_text(r["item"])),
            int_or_none(r["n_mention"]),
            number_or_none(r["mean_mention"]),
            int_or_none(r["n_no_mention"]),
            number_or_none(r["mean_no_mention"]),
            number_or_none(r["difference"]),
            number_or_none(r["ci_low"]),
            number_or_none(r["ci_high"]),
            number_or_none(r["p_value"]),
            bool(r["suppressed"]),
        )
        for _, r in table.iterrows()
    ]


def mention_matrix(
    rows: list[MentionRow],
) -> tuple[list[str], list[tuple[MentionRow, tuple[MentionRow | None, ...]]]]:
    """The item keys in order, and per code its first row and its rows aligned to the keys
    (None where the code has no row for an item), for a table of codes by items."""
    keys = list(dict.fromkeys(r.key for r in rows))
    by_code: dict[tuple[str, str], dict[str, MentionRow]] = {}
    for r in rows:
        by_code.setdefault((r.layer, r.code), {})[r.key] = r
    return keys, [
        (next(iter(cells.values())), tuple(cells.get(k) for k in keys))
        for cells in by_code.values()
    ]


def mention_cell(row: MentionRow | None) -> str:
    """A matrix cell: the difference of the means, signed ("+0,8"); "–*" hidden, "–" none."""
    if row is None:
        return DASH
    if row.suppressed:
        return f"{DASH}*"
    if row.difference is None:
        return DASH
    if round(row.difference, 1) == 0:
        return format_number(0.0)
    return ("+" if row.difference > 0 else "") + format_number(row.difference)


def mentioners(rows: tuple[MentionRow | None, ...]) -> int | None:
    """The most respondents mentioning the code that scored one of the items (None if every
    row is hidden)."""
    shown = [r.n_mention for r in rows if r and not r.suppressed and r.n_mention is not None]
    return max(shown) if shown else None


MENTIONS_NOTE = (
    "Erotus: koodin maininneiden vastaajien keskiarvo miinus muiden kohtaan vastanneiden "
    "keskiarvo (avovastausten maininta ja asteikkokysymyksen arvio samalta vastaajalta). "
    "Lihavoitu erotus: sen 95 %:n luottamusväli (Welchin menetelmä) ei sisällä nollaa. "
    "Kuvaa yhteyttä, ei syy-seurausta."
)


__all__ = [
    "MENTIONS_HEADING",
    "MENTIONS_NOTE",
    "MentionRow",
    "mention_cell",
    "mention_matrix",
    "mentioners",
    "prepare_mentions",
]
