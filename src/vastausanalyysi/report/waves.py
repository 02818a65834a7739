"""Changes between survey waves: the view model of the report's wave section.

When the tagged answers have a ``wave`` column with two or more values, each code's share in
consecutive waves, the change in percentage points with Newcombe's 95 % interval and the p-value
come from :func:`vastausanalyysi.summary.compare_waves`; small cells are suppressed there.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from vastausanalyysi.errors import VastausanalyysiError
from vastausanalyysi.report.formatting import cell_text, int_or_none, number_or_none
from vastausanalyysi.report.labels import Names
from vastausanalyysi.summary import compare_waves

WAVE = "wave"
"""The column of the survey wave (round), e.g. the year."""


@dataclass
class WaveRow:
    """One code's change between two waves (``None`` values are suppressed or missing)."""

    layer: str
    code: str
    name: str
    wave_from: str
    wave_to: str
    share_from: float | None
    share_to: float | None
    base_from: int | None
    base_to: int | None
    change: float | None
    low: float | None
    high: float | None
    p: float | None
    suppressed: bool


def prepare_waves(tagged: pd.DataFrame, names: Names, min_cell: int) -> list[WaveRow]:
    """The wave comparison of all respondents, or [] without two waves."""
    if WAVE not in tagged.columns or tagged[WAVE].dropna().nunique() < 2:
        return []
    try:
        table = compare_waves(tagged, wave=WAVE, by=None, min_cell=min_cell)
    except VastausanalyysiError:
        return []
    rows = [
        WaveRow(
            cell_text(r["layer"]),
            cell_text(r["code"]),
            names.code(r["code"]),
            cell_text(r["wave_from"]),
            cell_text(r["wave_to"]),
            number_or_none(r["share_from"]),
            number_or_none(r["share_to"]),
            int_or_none(r["base_from"]),
            int_or_none(r["base_to"]),
            number_or_none(r["change"]),
            number_or_none(r["ci_low"]),
            number_or_none(r["ci_high"]),
            number_or_none(r["p_value"]),
            bool(r["suppressed"]),
        )
        for _, r in table.iterrows()
    ]
    return rows


__all__ = ["WAVE", "WaveRow", "prepare_waves"]
