"""compare_waves: shares per wave, Newcombe's interval of the change, the p-value, suppression."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from vastausanalyysi.errors import SummaryError
from vastausanalyysi.summary import compare_waves, newcombe_interval, theme_frequencies

ORDER = {"areas": ["hyte", "varautuminen"], "mechanisms": ["tapaamiset"]}
# (wave, group) -> (respondents, with hyte)
DESIGN = {
    (2022, "kunta"): (40, 10),
    (2022, "muu"): (12, 6),
    (2024, "kunta"): (50, 25),
    (2024, "muu"): (10, 5),
    (2026, "kunta"): (45, 30),
    (2026, "muu"): (3, 3),
    (2022, "yhtyma"): (20, 8),
    (2024, "yhtyma"): (25, 10),
    (2026, "yhtyma"): (22, 11),
}


def make_tagged() -> pd.DataFrame:
    rows = []
    for (wave, group), (size, hyte) in DESIGN.items():
        for i in range(size):
            rows.append(
                {
                    "respondent_id": f"{wave}-{group}-{i}",
                    "wave": wave,
                    "group": group,
                    "text": "vastaus",
                    "areas": ["hyte"] * (i < hyte),
                    "mechanisms": [],
                }
            )
    return pd.DataFrame(rows)


def newcombe_by_hand(k1: int, m1: int, k2: int, m2: int) -> tuple[float, float]:
    """Newcombe's method 10 written out from the Wilson limits, independently of the library."""
    z = 1.959963984540054

    def wilson(k: int, m: int) -> tuple[float, float]:
        p = k / m
        centre = (p + z * z / (2 * m)) / (1 + z * z / m)
        half = z / (1 + z * z / m) * math.sqrt(p * (1 - p) / m + z * z / (4 * m * m))
        return centre - half, centre + half

    (l1, u1), (l2, u2) = wilson(k1, m1), wilson(k2, m2)
    p1, p2 = k1 / m1, k2 / m2
    d = p2 - p1
    return d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + math.sqrt(
        (u2 - p2) ** 2 + (p1 - l1) ** 2
    )


def test_newcombe_interval_reproduces_the_published_examples() -> None:
    # Newcombe (1998), Table II, method 10: 56/70 − 48/80 → 0.0524 to 0.3339,
    # 9/10 − 3/10 → 0.1705 to 0.8090
    low, high = newcombe_interval([48, 3], [80, 10], [56, 9], [70, 10])
    assert low.round(4).tolist() == [0.0524, 0.1705]
    assert high.round(4).tolist() == [0.3339, 0.8090]
    low, high = newcombe_interval([0], [0], [1], [5])
    assert math.isnan(low[0]) and math.isnan(high[0])


def test_overall_changes_between_consecutive_waves() -> None:
    out = compare_waves(make_tagged(), codes=("areas",), codes_order=ORDER)
    assert list(out.columns) == [
        "layer",
        "code",
        "wave_from",
        "wave_to",
        "n_from",
        "base_from",
        "share_from",
        "n_to",
        "base_to",
        "share_to",
        "change",
        "ci_low",
        "ci_high",
        "p_value",
        "suppressed",
        "suppression_reason",
    ]
    hyte = out[out["code"] == "hyte"]
    assert list(zip(hyte["wave_from"], hyte["wave_to"], strict=True)) == [
        (2022, 2024),
        (2024, 2026),
    ]
    first = hyte.iloc[0]
    assert (first["n_from"], first["base_from"], first["n_to"], first["base_to"]) == (
        24,
        72,
        40,
        85,
    )
    assert first["change"] == pytest.approx(40 / 85 - 24 / 72)
    assert (first["ci_low"], first["ci_high"]) == pytest.approx(
        newcombe_by_hand(24, 72, 40, 85), abs=1e-12
    )
    table = np.array([[24, 72 - 24], [40, 85 - 40]])
    assert first["p_value"] == pytest.approx(chi2_contingency(table, correction=False)[1])
    second = hyte.iloc[1]
    assert (second["n_from"], second["n_to"], second["base_to"]) == (40, 44, 70)
    assert second["ci_low"] < second["change"] < second["ci_high"]
    zero = out[out["code"] == "varautuminen"].iloc[0]  # 0 → 0: no change, p = 1
    assert zero["change"] == 0.0 and zero["p_value"] == 1.0
    assert zero["ci_low"] < 0 < zero["ci_high"]


def test_by_group_suppresses_small_waves_and_a_second_cell() -> None:
    out = compare_waves(make_tagged(), by="group", codes=("areas",), codes_order=ORDER)
    hyte = out[out["code"] == "hyte"].set_index(["group", "wave_from", "wave_to"])
    kunta = hyte.loc[("kunta", 2022, 2024)]
    assert (kunta["n_from"], kunta["n_to"]) == (10, 25)
    assert (kunta["ci_low"], kunta["ci_high"]) == pytest.approx(
        newcombe_by_hand(10, 40, 25, 50), abs=1e-12
    )
    assert hyte.loc[("kunta", 2024, 2026), "change"] == pytest.approx(30 / 45 - 25 / 50)
    # "muu" 2026 has 3 respondents. Every line of the group × wave table with a hidden cell gets
    # a second one: yhtyma 2026 (the smallest in 2026), muu 2024 (the smallest of muu) and
    # yhtyma 2024 (which also protects the 2024 line): a rectangle of four, nothing derivable
    freqs = theme_frequencies(make_tagged(), ["group", "wave"], codes=("areas",), codes_order=ORDER)
    hidden = freqs[(freqs["code"] == "hyte") & freqs["suppressed"]]
    assert sorted(zip(hidden["group"], hidden["wave"], strict=True)) == [
        ("muu", 2024),
        ("muu", 2026),
        ("yhtyma", 2024),
        ("yhtyma", 2026),
    ]
    for key in [("muu", 2022, 2024), ("muu", 2024, 2026), ("yhtyma", 2024, 2026)]:
        assert hyte.loc[key, "suppressed"]
        assert pd.isna(hyte.loc[key, "n_to"]) and math.isnan(hyte.loc[key, "p_value"])
    assert not hyte.loc[("kunta", 2022, 2024), "suppressed"]
    assert not hyte.loc[("kunta", 2024, 2026), "suppressed"]


def test_baseline_and_wave_by_still_works_in_theme_frequencies() -> None:
    out = compare_waves(make_tagged(), codes=("areas",), baseline=2022, codes_order=ORDER)
    hyte = out[out["code"] == "hyte"]
    assert hyte["wave_to"].tolist() == [2024, 2026]
    assert set(hyte["wave_from"]) == {2022}
    assert hyte.iloc[1]["change"] == pytest.approx(44 / 70 - 24 / 72)
    freqs = theme_frequencies(make_tagged(), ["wave"], codes=("areas",), codes_order=ORDER)
    assert freqs.loc[freqs["code"] == "hyte", "n"].tolist() == [24, 40, 44]


def test_wave_errors() -> None:
    with pytest.raises(SummaryError, match="wave column 'kierros'"):
        compare_waves(make_tagged(), wave="kierros")
    one = make_tagged()
    one["wave"] = 2026
    with pytest.raises(SummaryError, match="at least two waves"):
        compare_waves(one)
    with pytest.raises(SummaryError, match="baseline wave 2020"):
        compare_waves(make_tagged(), baseline=2020)
    with pytest.raises(SummaryError, match="must not also be a by column"):
        compare_waves(make_tagged(), by="wave")


def test_a_hidden_change_says_which_wave_hid_it_and_why() -> None:
    # QA 6: compare_waves had no suppression_reason column beside "suppressed"
    out = compare_waves(make_tagged(), by="group", codes=("areas",), codes_order=ORDER)
    hyte = out[out["code"] == "hyte"].set_index(["group", "wave_from", "wave_to"])
    reason = hyte.loc[("muu", 2024, 2026), "suppression_reason"]
    assert reason.startswith("2024: ") and "; 2026: base < min_cell 5" in reason
    assert pd.isna(hyte.loc[("kunta", 2022, 2024), "suppression_reason"])
    assert out["suppression_reason"].notna().tolist() == out["suppressed"].tolist()
