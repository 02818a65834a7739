"""Tests of the report's inline SVG bar charts."""

from __future__ import annotations

from vastausanalyysi.report import Bar, bar_chart_svg


def test_bar_chart_svg_draws_bars_whiskers_and_dashes() -> None:
    svg = bar_chart_svg(
        ["Perhekeskus", "Hyte <b>"],
        ["Kuntapuheenjohtajat", "Muut"],
        [[Bar(0.4, 0.2, 0.6), Bar(None, suppressed=True)], [Bar(0.1, 0.0, 0.3), Bar(0.0)]],
        title="Teemat & ryhmät",
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "Kuntapuheenjohtajat" in svg and "40,0 %" in svg
    assert 'class="ci"' in svg  # whiskers
    assert ">–</text>" in svg  # the suppressed bar
    assert "Hyte &lt;b&gt;" in svg and "Teemat &amp; ryhmät" in svg
    assert "<b>" not in svg
