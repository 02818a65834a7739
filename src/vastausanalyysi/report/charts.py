"""Inline SVG bar charts of shares, with interval whiskers; they load nothing and need no script."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from vastausanalyysi.report.formatting import DASH, escape_html, format_share
from vastausanalyysi.text import is_missing

PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#7F7F7F",
    "#332288",
)
"""Series colours (colour-blind safe), in order."""
MAX_CHART_GROUPS = 8
"""More groups than this: the table (shaded) only, no grouped bar chart."""


class Bar(NamedTuple):
    """One bar of :func:`bar_chart_svg`: a share (0–1) with an optional interval."""

    share: float | None
    low: float | None = None
    high: float | None = None
    suppressed: bool = False
    note: str = ""


_BAR_H = 14
_BAR_GAP = 2
_CAT_GAP = 12
_CHAR_W = 6.6


def _nice_max(values: Iterable[float]) -> float:
    top = max((v for v in values if v is not None and math.isfinite(v)), default=1.0)
    return min(1.0, max(0.1, math.ceil(top * 10.0 - 1e-9) / 10.0))


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart_svg(
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[Bar]],
    *,
    title: str,
    width: int = 1000,
    axis_title: str = "Osuus vastaajista (%)",
) -> str:
    """An inline SVG horizontal bar chart of shares, with 95 % interval whiskers.

    ``values[i][j]`` is the bar of category ``i`` (a row of bars) and series ``j`` (a colour, shown
    in a legend when there are several). A suppressed bar is drawn as "–". The x axis is titled
    ``axis_title``. The SVG scales to the full width of the page (CSS). Everything is escaped;
    the SVG loads nothing and needs no script.
    """
    n_series = max(1, len(series))
    longest = max((len(c) for c in categories), default=10)
    label_w = int(min(340, max(90, longest * _CHAR_W + 16)))
    max_chars = max(8, int((label_w - 12) / _CHAR_W))
    value_w = 62
    plot_w = width - label_w - value_w - 8
    parts: list[str] = []
    y = 6
    if len(series) > 1:
        x = float(label_w)
        for j, name in enumerate(series):
            item_w = 16 + len(name) * _CHAR_W + 18
            if x + item_w > width and x > label_w:
                x, y = float(label_w), y + 18
            colour = PALETTE[j % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="11" height="11" fill="{colour}"/>'
                f'<text x="{x + 15:.1f}" y="{y + 10}" class="lg">{escape_html(name)}</text>'
            )
            x += item_w
        y += 24
    top = y
    block = n_series * (_BAR_H + _BAR_GAP) - _BAR_GAP + _CAT_GAP
    axis_y = top + len(categories) * block
    height = axis_y + 40
    highs = [
        (b.high if b.high is not None and not is_missing(b.high) else b.share)
        for row in values
        for b in row
        if not b.suppressed and b.share is not None and not is_missing(b.share)
    ]
    xmax = _nice_max(highs)
    step = 0.05 if xmax <= 0.2 else (0.1 if xmax <= 0.5 else 0.2)

    def sx(v: float) -> float:
        return label_w + max(0.0, min(v, xmax)) / xmax * plot_w

    ticks = np.arange(0.0, xmax + 1e-9, step)
    for t in ticks:
        tx = sx(float(t))
        parts.append(
            f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{axis_y}" class="grid"/>'
            f'<text x="{tx:.1f}" y="{axis_y + 15}" class="tick">'
            f"{escape_html(format_share(float(t), 0))}</text>"
        )
    for i, category in enumerate(categories):
        y0 = top + i * block
        mid = y0 + (n_series * (_BAR_H + _BAR_GAP) - _BAR_GAP) / 2
        parts.append(
            f'<text x="{label_w - 8}" y="{mid + 4:.1f}" class="cat">'
            f"<title>{escape_html(category)}</title>"
            f"{escape_html(_short(category, max_chars))}</text>"
        )
        for j, bar in enumerate(values[i] if i < len(values) else ()):
            by = y0 + j * (_BAR_H + _BAR_GAP)
            cy = by + _BAR_H / 2
            colour = PALETTE[j % len(PALETTE)]
            name = series[j] if j < len(series) else ""
            tip = ": ".join(p for p in (category, name) if p)
            if bar.suppressed or bar.share is None or is_missing(bar.share):
                mark = DASH
                tip_text = f"{tip}: {bar.note or 'piilotettu'}" if bar.suppressed else f"{tip}: –"
                parts.append(
                    f'<text x="{label_w + 4}" y="{cy + 4:.1f}" class="sup">'
                    f"<title>{escape_html(tip_text)}</title>{mark}</text>"
                )
                continue
            share = float(bar.share)
            bw = max(0.0, sx(share) - label_w)
            tip_text = f"{tip}: {format_share(share)}"
            end = sx(share)
            whisker = ""
            if not (is_missing(bar.low) or is_missing(bar.high)):
                lo, hi = sx(float(bar.low)), sx(float(bar.high))
                tip_text += (
                    f" (95 %:n luottamusväli {format_share(bar.low)}–{format_share(bar.high)})"
                )
                whisker = (
                    f'<line x1="{lo:.1f}" y1="{cy:.1f}" x2="{hi:.1f}" y2="{cy:.1f}" '
                    'class="ci"/>'
                    f'<line x1="{lo:.1f}" y1="{cy - 4:.1f}" x2="{lo:.1f}" y2="{cy + 4:.1f}" '
                    'class="ci"/>'
                    f'<line x1="{hi:.1f}" y1="{cy - 4:.1f}" x2="{hi:.1f}" y2="{cy + 4:.1f}" '
                    'class="ci"/>'
                )
                end = max(end, hi)
            if bar.note:
                tip_text += f", {bar.note}"
            parts.append(
                f"<g><title>{escape_html(tip_text)}</title>"
                f'<rect x="{label_w}" y="{by}" width="{bw:.1f}" height="{_BAR_H}" '
                f'fill="{colour}"/>{whisker}'
                f'<text x="{end + 4:.1f}" y="{cy + 4:.1f}" class="val">'
                f"{escape_html(format_share(share))}</text></g>"
            )
    parts.append(f'<line x1="{label_w}" y1="{top - 4}" x2="{label_w}" y2="{axis_y}" class="axis"/>')
    parts.append(
        f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + plot_w}" y2="{axis_y}" class="axis"/>'
        f'<text x="{label_w + plot_w / 2:.1f}" y="{axis_y + 33}" class="axis-title">'
        f"{escape_html(axis_title)}</text>"
    )
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape_html(title)}"><title>{escape_html(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )


__all__ = ["MAX_CHART_GROUPS", "PALETTE", "Bar", "bar_chart_svg"]
