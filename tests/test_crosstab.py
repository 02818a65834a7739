"""crosstab: respondent counts, percentages, margins, chi-square tests and suppression."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.summary import crosstab, theme_frequencies

pytestmark = pytest.mark.filterwarnings("ignore:chi-square test:UserWarning")

ORDER = {"areas": ["hyte", "varautuminen", "kiinteistot"], "mechanisms": ["tapaamiset"]}
# group -> (respondents, with hyte, with varautuminen, with kiinteistot)
DESIGN = {"x": (20, 12, 4, 0), "y": (15, 3, 9, 2), "z": (10, 5, 5, 1)}


def make_tagged() -> pd.DataFrame:
    rows = []
    for group, (size, hyte, var, kiin) in DESIGN.items():
        for i in range(size):
            areas = ["hyte"] * (i < hyte) + ["varautuminen"] * (i >= size - var)
            areas += ["kiinteistot"] * (i < kiin)
            rows.append(
                {
                    "respondent_id": f"{group}{i}",
                    "group": group,
                    "half": "A" if i % 2 else "B",
                    "text": "vastaus",
                    "areas": areas,
                    "mechanisms": [],
                    "polarity": "works" if i % 3 else "problem",
                }
            )
    # a second answer of one respondent: still counted once
    rows.append({**rows[0], "areas": ["hyte", "varautuminen"]})
    return pd.DataFrame(rows)


def test_counts_and_margins() -> None:
    tagged = make_tagged()
    table = crosstab(tagged, "group", codes_order=ORDER, min_cell=1)
    assert list(table.columns) == ["x", "y", "z", "Yhteensä"]
    assert list(table.index) == ["hyte", "varautuminen", "kiinteistot", "Yhteensä"]
    # x0 answered twice: hyte once, varautuminen through the second answer
    assert table.loc["hyte"].tolist() == [12, 3, 5, 20]
    assert table.loc["varautuminen"].tolist() == [5, 9, 5, 19]
    assert table.loc["kiinteistot"].tolist() == [0, 2, 1, 3]
    assert table.loc["Yhteensä"].tolist() == [20, 15, 10, 45]  # respondents who answered
    # the same counts as theme_frequencies
    freqs = theme_frequencies(tagged, "group", codes=("areas",), codes_order=ORDER, min_cell=1)
    for row in freqs.itertuples():
        assert table.loc[row.code, row.group] == row.n
    assert crosstab(tagged, "group", codes_order=ORDER, min_cell=1, margins=False).shape == (3, 3)


def test_percentages() -> None:
    tagged = make_tagged()
    cols = crosstab(tagged, "group", normalize="columns", codes_order=ORDER, min_cell=1)
    assert cols.loc["hyte", "x"] == pytest.approx(100 * 12 / 20)
    assert cols.loc["varautuminen", "y"] == pytest.approx(100 * 9 / 15)
    assert cols.loc["hyte", "Yhteensä"] == pytest.approx(100 * 20 / 45)
    rows = crosstab(tagged, "group", normalize="index", codes_order=ORDER, min_cell=1)
    assert rows.loc["hyte", ["x", "y", "z"]].tolist() == pytest.approx(
        [100 * 12 / 20, 100 * 3 / 20, 100 * 5 / 20]
    )
    assert rows[["x", "y", "z"]].sum(axis=1).tolist() == pytest.approx([100.0] * 3)
    assert (rows["Yhteensä"] == 100.0).all()
    whole = crosstab(tagged, "group", normalize="all", codes_order=ORDER, min_cell=1)
    assert whole.loc["kiinteistot", "y"] == pytest.approx(100 * 2 / 45)
    assert whole.loc["kiinteistot", "Yhteensä"] == pytest.approx(100 * 3 / 45)


def test_chi_square_per_code_matches_scipy() -> None:
    with pytest.warns(UserWarning, match=r"expected counts below 5 for \['kiinteistot'\]"):
        table = crosstab(make_tagged(), "group", codes_order=ORDER, min_cell=1)
    tests = table.attrs["tests"].set_index("code")
    for code, counts in {"hyte": [12, 3, 5], "varautuminen": [5, 9, 5]}.items():
        observed = np.array([counts, [20 - counts[0], 15 - counts[1], 10 - counts[2]]])
        stat, p, dof, expected = chi2_contingency(observed, correction=False)
        assert tests.loc[code, "chi2"] == pytest.approx(stat, rel=1e-12)
        assert tests.loc[code, "p_value"] == pytest.approx(p, rel=1e-9)
        assert tests.loc[code, "dof"] == dof == 2
        assert tests.loc[code, "min_expected"] == pytest.approx(expected.min())
        assert not tests.loc[code, "small_expected"]
    # hyte: one of six expected counts below 5 (20 × 10 / 45 in z), within Cochran's rule;
    # kiinteistot: 3 of 45, expected 3 × 10 / 45 < 1 in group z
    assert tests.loc["hyte", "min_expected"] == pytest.approx(20 * 10 / 45)
    assert tests.loc["kiinteistot", "small_expected"]
    assert tests.loc["kiinteistot", "min_expected"] == pytest.approx(3 * 10 / 45)


def test_small_groups_are_suppressed_with_a_second_one() -> None:
    tagged = make_tagged()
    tagged.loc[tagged["group"] == "z", "group"] = ["z"] * 3 + ["w"] * 7  # z: 3 respondents
    table = crosstab(tagged, "group", codes_order=ORDER, min_cell=5)
    # z (3) is below min_cell; w (7), the next smallest, is hidden too so z cannot be derived
    assert table.attrs["suppressed"] == ["w", "z"]
    assert table.loc[["hyte", "varautuminen", "kiinteistot"], ["w", "z"]].isna().all().all()
    assert table.loc["Yhteensä", ["w", "z"]].isna().all()  # so are their bases (7 and 3)
    assert table.loc["Yhteensä", ["x", "y"]].notna().all()
    assert table.loc["hyte", "Yhteensä"] == 20  # the total counts everyone
    shown = table.loc["hyte", ["x", "y"]].sum()
    assert table.loc["hyte", "Yhteensä"] - shown == 5  # only the sum of w and z is derivable
    tests = table.attrs["tests"].set_index("code")
    assert (tests["dof"] == 1).all()  # the test uses the groups shown, x and y


def test_layers_and_several_by_columns() -> None:
    tagged = make_tagged()
    polarity = crosstab(tagged, "group", layer="polarity", min_cell=1)
    assert list(polarity.index[:2]) == ["works", "problem"]
    # i % 3 == 0 for 7 of 20; the second answer is x0's again, not a new respondent
    assert polarity.loc["problem", "x"] == 7
    assert polarity.loc["mixed"].tolist() == [0, 0, 0, 0]
    assert math.isnan(polarity.attrs["tests"].set_index("code").loc["mixed", "chi2"])
    two = crosstab(tagged, ["group", "half"], codes_order=ORDER, min_cell=1)
    assert isinstance(two.columns, pd.MultiIndex)
    assert two.loc["hyte", ("x", "A")] + two.loc["hyte", ("x", "B")] == 12
    assert two.loc["hyte", ("Yhteensä", "")] == 20


def test_errors() -> None:
    with pytest.raises(SummaryError, match="unknown layer 'themes'"):
        crosstab(make_tagged(), "group", layer="themes")
    with pytest.raises(SummaryError, match="normalize must be"):
        crosstab(make_tagged(), "group", normalize="rows")  # type: ignore[arg-type]
    with pytest.raises(SummaryError, match="'kunta'"):
        crosstab(make_tagged(), "kunta")
    with pytest.raises(SummaryError, match="at least one by column"):
        crosstab(make_tagged(), [])
    table = crosstab(make_tagged(), "group", codes_order=ORDER, min_cell=100)
    assert table.loc[["hyte"], ["x", "y", "z"]].isna().all().all()
    assert math.isnan(table.attrs["tests"]["chi2"].iloc[0])  # nothing shown, no test
