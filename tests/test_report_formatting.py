"""Tests of the report's cell formatting: Finnish numbers, missing values and escaping."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vastausanalyysi.report import format_number, format_share
from vastausanalyysi.report.formatting import as_list, cell_text, escape_html, escape_md


def test_format_share_uses_finnish_decimals() -> None:
    assert format_share(0.125) == "12,5 %"
    assert format_share(1) == "100,0 %"
    assert format_share(0.5, 0) == "50 %"
    assert format_share(None) == "–"
    assert format_share(float("nan")) == "–"
    assert format_share(pd.NA) == "–"
    assert format_number(3.5) == "3,5"
    assert format_number(2) == "2,0"
    assert format_number(np.nan) == "–"


def test_halves_round_away_from_zero_as_read_by_hand() -> None:
    """3,25 is shown as 3,3 (as a spreadsheet shows it), not 3,2 (QA 5 #6: Python's formatting
    rounds such a half to even)."""
    assert format_number(3.25) == "3,3"
    assert format_number(2.45) == "2,5"
    assert format_number(-3.25) == "-3,3"
    assert format_number(2.675, 2) == "2,68"  # the decimal as written, not its binary value
    assert format_number(-0.04) == "0,0"
    assert format_share(0.1225) == "12,3 %"


def test_missing_values_become_empty_text_and_lists() -> None:
    assert cell_text(None) == "" and cell_text(np.nan) == "" and cell_text(pd.NA) == ""
    assert cell_text(3) == "3"
    assert as_list(None) == [] and as_list("  ") == [] and as_list("hyte") == ["hyte"]
    assert as_list(["a", None, np.nan, "b"]) == ["a", "b"]
    assert as_list(np.array(["a", "b"])) == ["a", "b"]


def test_escaping_for_html_and_markdown() -> None:
    assert (
        escape_html("<b>'x' & \"y\"</b>") == "&lt;b&gt;&#x27;x&#x27; &amp; &quot;y&quot;&lt;/b&gt;"
    )
    assert escape_html(None) == ""
    assert escape_md("a | b\n  c <i>") == "a \\| b c \\<i\\>"
    assert escape_md("A & B \\ C") == "A \\& B \\\\ C"
    # an answer's link or image is shown as typed, never followed (QA 4); placeholders stay
    assert escape_md("[linkki](javascript:alert(3))") == "[linkki\\](javascript:alert(3))"
    assert escape_md("![x][ref]") == "![x\\][ref]"
    assert escape_md("Soita [NIMI]:lle") == "Soita [NIMI]:lle"
