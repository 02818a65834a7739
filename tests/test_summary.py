"""Tests of vastausanalyysi.summary: counts, intervals, suppression, wide view, scores."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest

from vastausanalyysi.errors import SummaryError, VastausanalyysiError
from vastausanalyysi.summary import (
    join_scores,
    polarity_by,
    proportion_ci,
    theme_frequencies,
    to_wide,
)

ORDER = {
    "areas": ["perhekeskus", "hyte", "varautuminen", "kiinteistot"],
    "mechanisms": ["tapaamiset", "vuorovaikutus"],
}


def wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The Wilson score interval written out independently of the library."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def make_tagged() -> pd.DataFrame:
    """Group 'a': 10 respondents, 'b': 6, 'c': 3 (below min_cell=5); plus empty answers."""
    rows = []
    # group a: hyte 7, perhekeskus 3, tapaamiset 4, two answers tagged with nothing
    for i in range(10):
        rows.append(
            {
                "respondent_id": f"a{i}",
                "group": "a",
                "region": "01" if i < 5 else "02",
                "text": f"vastaus {i}",
                "areas": ["hyte"] * (i < 7) + ["perhekeskus"] * (i < 3),
                "mechanisms": ["tapaamiset"] if i % 2 == 0 and i < 8 else [],
                "polarity": "works" if i < 6 else "problem",
            }
        )
    # an empty answer in group a: not in the base even though it carries a code
    rows.append(
        {
            "respondent_id": "a_empty",
            "group": "a",
            "region": "01",
            "text": "   ",
            "areas": ["hyte"],
            "mechanisms": [],
            "polarity": "neutral",
        }
    )
    # group b: varautuminen 6/6, kiinteistot 1
    for i in range(6):
        rows.append(
            {
                "respondent_id": f"b{i}",
                "group": "b",
                "region": "02",
                "text": "Varautuminen toimii",
                "areas": ["varautuminen"] + ["kiinteistot"] * (i == 0),
                "mechanisms": ["vuorovaikutus"] if i < 2 else [],
                "polarity": "works",
            }
        )
    # group c: 3 respondents only
    for i in range(3):
        rows.append(
            {
                "respondent_id": f"c{i}",
                "group": "c",
                "region": "03",
                "text": "Hyte",
                "areas": ["hyte"],
                "mechanisms": [],
                "polarity": "neutral",
            }
        )
    rows.append(
        {
            "respondent_id": "c_none",
            "group": "c",
            "region": "03",
            "text": None,
            "areas": [],
            "mechanisms": [],
            "polarity": "neutral",
        }
    )
    return pd.DataFrame(rows, index=[f"r{i}" for i in range(len(rows))])


def cell(freqs: pd.DataFrame, **where: str) -> pd.Series:
    mask = np.ones(len(freqs), dtype=bool)
    for column, value in where.items():
        mask &= (freqs[column] == value).to_numpy()
    assert mask.sum() == 1, where
    return freqs[mask].iloc[0]


def test_counts_base_and_wilson_interval() -> None:
    # secondary=False: group b (base 6) would be hidden to protect group c (base 3)
    freqs = theme_frequencies(make_tagged(), "group", codes_order=ORDER, secondary=False)
    a_hyte = cell(freqs, group="a", code="hyte")
    assert a_hyte["n"] == 7
    assert a_hyte["base"] == 10  # the whitespace-only answer is not in the base
    assert a_hyte["share"] == pytest.approx(0.7)
    ci = binomtest(7, 10).proportion_ci(confidence_level=0.95, method="wilson")
    assert a_hyte["ci_low"] == pytest.approx(ci.low, abs=1e-9)
    assert a_hyte["ci_high"] == pytest.approx(ci.high, abs=1e-9)
    assert (a_hyte["ci_low"], a_hyte["ci_high"]) == pytest.approx(wilson(7, 10), abs=1e-9)
    a_tap = cell(freqs, group="a", code="tapaamiset")
    assert (a_tap["layer"], a_tap["n"], a_tap["base"]) == ("mechanism", 4, 10)
    b_var = cell(freqs, group="b", code="varautuminen")
    assert (b_var["n"], b_var["base"], b_var["share"]) == (6, 6, 1.0)
    assert b_var["ci_high"] == 1.0
    assert b_var["ci_low"] == pytest.approx(wilson(6, 6)[0], abs=1e-9)
    zero = cell(freqs, group="a", code="varautuminen")
    assert (zero["n"], zero["share"], zero["ci_low"]) == (0, 0.0, 0.0)
    assert zero["ci_high"] == pytest.approx(wilson(0, 10)[1], abs=1e-9)


def test_output_columns_and_all_codes_present() -> None:
    freqs = theme_frequencies(make_tagged(), "group", codes_order=ORDER)
    assert list(freqs.columns) == [
        "group",
        "layer",
        "code",
        "n",
        "base",
        "non_answers",
        "share",
        "ci_low",
        "ci_high",
        "suppressed",
        "suppression_reason",
    ]
    # 3 groups x 6 codes, in group order and codebook order
    assert len(freqs) == 18
    assert freqs["group"].tolist() == ["a"] * 6 + ["b"] * 6 + ["c"] * 6
    assert freqs["code"].tolist()[:6] == ORDER["areas"] + ORDER["mechanisms"]
    assert freqs["layer"].tolist()[:6] == ["area"] * 4 + ["mechanism"] * 2


def test_codes_not_in_order_are_appended_never_dropped() -> None:
    tagged = make_tagged()
    tagged.at["r0", "areas"] = ["hyte", "zz_uusi"]
    freqs = theme_frequencies(tagged, "group", codes_order={"area": ["hyte"]}, codes=("areas",))
    expected = ["hyte", "kiinteistot", "perhekeskus", "varautuminen", "zz_uusi"]
    assert freqs["code"].tolist()[:5] == expected
    assert cell(freqs, group="a", code="zz_uusi")["n"] == 1


def test_small_group_suppressed_not_dropped() -> None:
    freqs = theme_frequencies(make_tagged(), "group", codes_order=ORDER, min_cell=5)
    c_rows = freqs[freqs["group"] == "c"]
    assert len(c_rows) == 6
    assert c_rows["suppressed"].all()
    assert c_rows["n"].isna().all()
    assert c_rows[["share", "ci_low", "ci_high"]].isna().all().all()
    assert c_rows["base"].isna().all()  # the size of a hidden group is hidden too
    assert (c_rows["suppression_reason"] == "base < min_cell 5").all()
    # secondary suppression: b (base 6, the next smallest) is hidden too, a (base 10) is shown
    b_rows = freqs[freqs["group"] == "b"]
    assert b_rows["suppressed"].all() and b_rows["n"].isna().all()
    assert b_rows["suppression_reason"].str.startswith("secondary").all()
    assert b_rows["base"].isna().all()
    a_rows = freqs[freqs["group"] == "a"]
    assert not a_rows["suppressed"].any()
    assert a_rows["suppression_reason"].isna().all()
    # without secondary suppression only c is hidden
    primary_only = theme_frequencies(
        make_tagged(), "group", codes_order=ORDER, min_cell=5, secondary=False
    )
    assert not primary_only.loc[primary_only["group"] != "c", "suppressed"].any()
    # lowering the threshold shows the group
    shown = theme_frequencies(make_tagged(), "group", codes_order=ORDER, min_cell=3)
    assert cell(shown, group="c", code="hyte")["n"] == 3
    assert (shown.loc[shown["group"] == "c", "base"] == 3).all()  # the None answer is not in it
    assert (shown.loc[shown["group"] == "b", "base"] == 6).all()


def test_suppress_small_n_too() -> None:
    freqs = theme_frequencies(
        make_tagged(), "group", codes_order=ORDER, min_cell=5, suppress="base_and_n"
    )
    assert cell(freqs, group="a", code="hyte")["n"] == 7  # 7 >= 5: shown
    small = cell(freqs, group="a", code="perhekeskus")  # n = 3
    assert small["suppressed"] and pd.isna(small["n"]) and math.isnan(small["share"])
    assert "n < min_cell 5" in small["suppression_reason"]
    zero = cell(freqs, group="a", code="varautuminen")  # a zero is not disclosive
    assert not zero["suppressed"] and zero["n"] == 0


def test_respondent_counted_once_over_several_answers() -> None:
    tagged = pd.DataFrame(
        {
            "respondent_id": [1, 1, 2, 3],
            "group": ["x"] * 4,
            "text": ["eka", "toka", "kolmas", ""],
            "areas": [["hyte"], ["hyte", "perhekeskus"], [], ["hyte"]],
            "mechanisms": [[], [], [], []],
        }
    )
    freqs = theme_frequencies(tagged, "group", min_cell=1, codes_order=ORDER)
    assert cell(freqs, code="hyte")[["n", "base"]].tolist() == [1, 2]
    assert cell(freqs, code="perhekeskus")["n"] == 1
    by_row = theme_frequencies(tagged, "group", min_cell=1, codes_order=ORDER, id_column=None)
    assert cell(by_row, code="hyte")[["n", "base"]].tolist() == [2, 3]
    tagged["respondent_id"] = [None, None, 2, 3]  # a missing id is a respondent of its own
    no_id = theme_frequencies(tagged, "group", min_cell=1, codes_order=ORDER)
    assert cell(no_id, code="hyte")[["n", "base"]].tolist() == [2, 3]


def test_multiple_by_columns_and_missing_group_values() -> None:
    tagged = make_tagged()
    tagged.loc["r0", "region"] = None
    freqs = theme_frequencies(tagged, ["group", "region"], codes_order=ORDER, min_cell=1)
    assert list(freqs.columns[:3]) == ["group", "region", "layer"]
    groups = freqs[["group", "region"]].drop_duplicates()
    # a/01, a/02, a/NaN, b/02, c/03: the missing region is its own group, not dropped
    assert len(groups) == 5
    assert len(freqs) == 5 * 6
    a01 = cell(freqs, group="a", region="01", code="hyte")
    assert (a01["n"], a01["base"]) == (4, 4)  # r1..r4 (r0 moved to NaN); the empty one not
    missing = freqs[freqs["region"].isna() & (freqs["code"] == "hyte")].iloc[0]
    assert (missing["n"], missing["base"]) == (1, 1)


def test_categorical_by_lists_every_category() -> None:
    tagged = make_tagged()
    tagged["group"] = pd.Categorical(tagged["group"], categories=["a", "b", "c", "d"])
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER)
    assert freqs["group"].dtype == "category"
    d_rows = freqs[freqs["group"] == "d"]
    assert len(d_rows) == 6 and d_rows["base"].isna().all() and d_rows["suppressed"].all()
    assert cell(freqs, group="a", code="hyte")["n"] == 7


def test_overall_without_by() -> None:
    freqs = theme_frequencies(make_tagged(), None, codes_order=ORDER)
    assert "group" not in freqs.columns
    hyte = cell(freqs, code="hyte")
    assert (hyte["n"], hyte["base"]) == (7 + 3, 19)


def test_clopper_pearson_and_confidence() -> None:
    freqs = theme_frequencies(
        make_tagged(), "group", codes_order=ORDER, method="clopper-pearson", confidence=0.9
    )
    a_hyte = cell(freqs, group="a", code="hyte")
    ci = binomtest(7, 10).proportion_ci(confidence_level=0.9, method="exact")
    assert (a_hyte["ci_low"], a_hyte["ci_high"]) == pytest.approx((ci.low, ci.high), abs=1e-9)
    low, high = proportion_ci([0, 5], [5, 5], method="exact")
    assert low[0] == 0.0 and high[1] == 1.0
    low, high = proportion_ci([1], [0])
    assert math.isnan(low[0]) and math.isnan(high[0])


def test_default_codes_come_from_the_codebook() -> None:
    from vastausanalyysi.themes import codebook

    freqs = theme_frequencies(make_tagged(), "group")
    areas = freqs.loc[(freqs["group"] == "a") & (freqs["layer"] == "area"), "code"].tolist()
    for required in ("perhekeskus", "oppilashuolto", "hyte", "varautuminen", "kiinteistot"):
        assert required in areas
    ids = codebook.load_codebook().area_ids
    assert areas[: len(ids)] == ids


def test_polarity_by() -> None:
    freqs = polarity_by(make_tagged(), "group", min_cell=1)
    a = freqs[freqs["group"] == "a"]
    assert a["code"].tolist() == ["works", "problem", "mixed", "neutral"]
    assert a["n"].tolist() == [6, 4, 0, 0]  # the empty answer's "neutral" is not counted
    assert (a["layer"] == "polarity").all()


def test_to_wide() -> None:
    freqs = theme_frequencies(make_tagged(), "group", codes_order=ORDER)
    wide = to_wide(freqs)
    assert list(wide.index) == ["a", "b", "c"]
    assert wide.columns.nlevels == 2
    assert wide[("area", "hyte")].loc["a"] == pytest.approx(0.7)
    assert wide.loc["c"].isna().all()  # suppressed stays missing
    counts = to_wide(
        theme_frequencies(
            make_tagged(), "group", codes=("areas",), codes_order=ORDER, secondary=False
        ),
        "n",
    )
    assert list(counts.columns) == ORDER["areas"]
    assert counts.loc["b", "varautuminen"] == 6
    assert to_wide(freqs, codes_as="index").shape == (6, 3)


def test_missing_by_column_error_names_it() -> None:
    with pytest.raises(SummaryError, match=r"'kunta'.*available columns: .*'group'") as info:
        theme_frequencies(make_tagged(), "kunta")
    assert isinstance(info.value, VastausanalyysiError)
    assert isinstance(info.value, ValueError)
    with pytest.raises(SummaryError, match="'maakunta'"):
        theme_frequencies(make_tagged(), ["group", "maakunta"])


@pytest.mark.parametrize("bad", [0, -1, 2.5, True])
def test_min_cell_must_be_positive_integer(bad: object) -> None:
    with pytest.raises(SummaryError, match=r"min_cell must be .* got"):
        theme_frequencies(make_tagged(), "group", min_cell=bad)  # type: ignore[arg-type]


def test_non_list_code_cell_names_row() -> None:
    tagged = make_tagged()
    tagged.at["r3", "areas"] = "hyte"
    with pytest.raises(SummaryError, match=r"column 'areas', row 'r3': expected a list.*'hyte'"):
        theme_frequencies(tagged, "group")
    tagged.at["r3", "areas"] = None
    with pytest.raises(SummaryError, match="row 'r3'"):
        theme_frequencies(tagged, "group")
    tagged.at["r3", "areas"] = ["hyte", 5]
    with pytest.raises(SummaryError, match=r"row 'r3': codes must be strings, got 5"):
        theme_frequencies(tagged, "group")


def test_other_parameter_errors() -> None:
    with pytest.raises(SummaryError, match=r"confidence must be between 0 and 1.*1\.5"):
        theme_frequencies(make_tagged(), "group", confidence=1.5)
    with pytest.raises(SummaryError, match="unknown interval method 'agresti'"):
        theme_frequencies(make_tagged(), "group", method="agresti")  # type: ignore[arg-type]
    with pytest.raises(SummaryError, match="code column 'themes'"):
        theme_frequencies(make_tagged(), "group", codes=("themes",))
    with pytest.raises(SummaryError, match="expected a pandas DataFrame"):
        theme_frequencies([1, 2, 3], "group")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- scores

ITEMS = {"tapaamiset": "Säännölliset tapaamiset", "vuorovaikutus": ["Avoimuus", "Kumppanuus"]}


def make_scores(tagged: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for k, rid in enumerate(tagged["respondent_id"]):
        rows.append((rid, "Säännölliset tapaamiset", 1 + k % 5))
        rows.append((rid, "Avoimuus", 3 if k % 3 else None))
    rows.append(("ei_tekstiä", "Säännölliset tapaamiset", 5))  # scored but no open answer
    return pd.DataFrame(rows, columns=["respondent_id", "item", "value"])


def test_join_scores_from_tagged() -> None:
    tagged = make_tagged()
    scores = make_scores(tagged)
    with pytest.warns(UserWarning, match="'Kumppanuus'"):
        joined = join_scores(tagged, scores, by="group", code_items=ITEMS, secondary=False)
    groups = dict(zip(tagged["respondent_id"], tagged["group"], strict=True))
    expected = scores.assign(group=scores["respondent_id"].map(groups)).dropna(subset=["value"])
    for group in ("a", "b"):
        row = cell(joined, group=group, code="tapaamiset")
        values = expected[(expected["group"] == group) & (expected["item"] == row["item"])]
        assert row["score_mean"] == pytest.approx(values["value"].mean())
        assert row["score_sd"] == pytest.approx(values["value"].std(ddof=1))
        # under min_cell the mean and its number of respondents are hidden
        assert pd.isna(row["score_n"]) if len(values) < 5 else row["score_n"] == len(values)
    # vuorovaikutus links two items: two rows; the one missing from scores has score_n 0
    vv = joined[(joined["group"] == "b") & (joined["code"] == "vuorovaikutus")]
    assert vv["item"].tolist() == ["Avoimuus", "Kumppanuus"]
    assert pd.isna(vv["score_n"].iloc[0]) and vv["score_n"].iloc[1] == 0  # 4: hidden
    assert vv["n"].tolist() == [2, 2]  # the frequency is repeated next to each item
    # group c has 4 scored respondents < 5: its means are suppressed
    c_tap = cell(joined, group="c", code="tapaamiset")
    assert c_tap["score_suppressed"] and math.isnan(c_tap["score_mean"])


def test_join_scores_from_freqs_with_respondents() -> None:
    tagged = make_tagged()
    scores = make_scores(tagged)
    respondents = pd.DataFrame(
        {
            "respondent_id": [*tagged["respondent_id"], "ei_tekstiä"],
            "group": [*tagged["group"], "b"],
        }
    )
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER)
    joined = join_scores(
        freqs,
        scores,
        respondents=respondents,
        code_items={"tapaamiset": ITEMS["tapaamiset"]},
        secondary=False,
    )
    assert len(joined) == len(freqs)  # one item per code, unlinked codes kept with no item
    assert joined.loc[joined["code"] == "hyte", "item"].isna().all()
    b_tap = cell(joined, group="b", code="tapaamiset")
    b_values = [1 + k % 5 for k in range(11, 17)] + [5]  # the respondent without text counts
    assert b_tap["score_n"] == 7
    assert b_tap["score_mean"] == pytest.approx(np.mean(b_values))
    # by default c's hidden mean (4 scored) is protected by hiding b's (7), the next smallest
    safe = join_scores(
        freqs, scores, respondents=respondents, code_items={"tapaamiset": ITEMS["tapaamiset"]}
    )
    hidden = safe.loc[safe["code"] == "tapaamiset"].set_index("group")["score_suppressed"]
    assert hidden.to_dict() == {"a": False, "b": True, "c": True}


def test_join_scores_uses_codebook_items_by_id_or_text() -> None:
    from vastausanalyysi.summary import codebook_links

    links = codebook_links()
    assert "tapaamiset" in links, "the codebook links an item to tapaamiset"
    item_id, item_text = links["tapaamiset"][0][0], links["tapaamiset"][0][-1]
    tagged = make_tagged()
    for name in (item_id, item_text):
        scores = pd.DataFrame({"respondent_id": tagged["respondent_id"], "item": name, "value": 4})
        with pytest.warns(UserWarning):  # the other mechanisms' items are not in these scores
            joined = join_scores(tagged, scores, by="group")
        row = cell(joined, group="a", code="tapaamiset")
        assert (row["item"], row["score_mean"], row["score_n"]) == (name, 4.0, 11)


def test_join_scores_errors() -> None:
    tagged = make_tagged()
    scores = make_scores(tagged)
    with pytest.raises(SummaryError, match=r"scores column 'value'"):
        join_scores(tagged, scores.drop(columns="value"), by="group", code_items=ITEMS)
    bad = scores.astype({"value": object})
    bad.loc[3, "value"] = "hyvä"
    with pytest.raises(SummaryError, match=r"scores row 3: value 'hyvä' is not a number"):
        join_scores(tagged, bad, by="group", code_items=ITEMS)
    freqs = theme_frequencies(tagged, "group", codes_order=ORDER)
    with pytest.raises(SummaryError, match=r"group column\(s\) \['group'\].*respondents="):
        join_scores(freqs, scores, code_items=ITEMS)
