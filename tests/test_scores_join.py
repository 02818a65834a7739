"""join_scores with aggregated means (the published tables, user tables) and score_correlations."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.stats import pearsonr, spearmanr

import vastausanalyysi as va
from vastausanalyysi.errors import SummaryError
from vastausanalyysi.summary import (
    codebook_links,
    join_scores,
    linked_scores,
    load_published_scores,
    score_correlations,
    theme_frequencies,
)

MECHANISMS = ["tapaamiset", "vastuuhenkilot", "luottamushenkilot"]


def regional_tagged(regions: dict[str, int]) -> pd.DataFrame:
    """``size`` respondents per region value; respondent i mentions MECHANISMS[i % 3] and hyte."""
    rows = []
    for region, size in regions.items():
        for i in range(size):
            rows.append(
                {
                    "respondent_id": f"{region}-{i}",
                    "region": region,
                    "text": "vastaus",
                    "areas": ["hyte"] if i % 2 else [],
                    "mechanisms": [MECHANISMS[i % 3]],
                }
            )
    return pd.DataFrame(rows)


def quiet_join(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the general 'tyonjako' item is not there
        return join_scores(*args, **kwargs)


def test_published_mean_of_the_linked_item_for_each_region_and_code() -> None:
    # the same county written as a name, an inflected name, a code and a municipality
    regions = {"Pirkanmaa": 6, "Pirkanmaalla": 6, "08": 6, "Tampere": 6, "Pohjois-Savo": 9}
    tagged = regional_tagged(regions)
    published = load_published_scores()
    joined = quiet_join(theme_frequencies(tagged, "region"), published, by="region")
    links = codebook_links()
    checked = 0
    for region in regions:
        code = va.resolve_region(region)
        for mechanism in MECHANISMS:
            item_id = links[mechanism][0][0]
            row = joined[(joined["region"] == region) & (joined["code"] == mechanism)]
            row = row[row["item_id"] == item_id].iloc[0]
            expected = published[
                (published["region_code"] == code) & (published["item_id"] == item_id)
            ]
            assert row["score_mean"] == expected["mean"].item()  # exactly the published value
            assert row["score_n"] == expected["n"].item()
            assert row["item"] == expected["item"].item()  # the printed question text
            checked += 1
    assert checked == 15
    pirkanmaa = joined[(joined["region"] == "08") & (joined["code"] == "tapaamiset")].iloc[0]
    assert (pirkanmaa["score_mean"], pirkanmaa["score_n"]) == (3.4, 49)
    # a code linked to two items gets two rows, each with its own mean
    vastuu = joined[(joined["region"] == "Pohjois-Savo") & (joined["code"] == "vastuuhenkilot")]
    assert vastuu["item_id"].tolist() == [
        "yhteistyo_vastuuhenkilot_hyvinvointialue",
        "yhteistyo_vastuuhenkilot_kunta",
    ]
    assert vastuu["score_mean"].tolist() == [1.9, 3.6]
    # an area code gets its division-of-labour item
    hyte = joined[(joined["region"] == "Tampere") & (joined["code"] == "hyte")].iloc[0]
    assert (hyte["item_id"], hyte["score_mean"]) == ("tyonjako_hyte", 3.3)


def test_small_published_groups_are_suppressed_unless_min_cell_allows() -> None:
    tagged = regional_tagged({"Helsinki": 6, "Kymenlaakso": 6, "Lappi": 6})
    freqs = theme_frequencies(tagged, "region", codes=("mechanisms",))
    joined = quiet_join(freqs, load_published_scores(), by="region")
    tap = joined[joined["code"] == "tapaamiset"].set_index("region")
    assert tap["score_suppressed"].to_dict() == {
        "Helsinki": True,
        "Kymenlaakso": True,
        "Lappi": False,
    }
    assert math.isnan(tap.loc["Helsinki", "score_mean"]) and pd.isna(tap.loc["Helsinki", "score_n"])
    assert tap.loc["Lappi", "score_mean"] == 2.5
    shown = quiet_join(freqs, load_published_scores(), by="region", min_cell=1)
    tap = shown[shown["code"] == "tapaamiset"].set_index("region")
    assert tap.loc["Helsinki", "score_mean"] == 4.0 and tap.loc["Kymenlaakso", "score_mean"] == 3.0


def test_overall_frequencies_get_the_all_respondents_row() -> None:
    tagged = regional_tagged({"Lappi": 6})
    joined = quiet_join(theme_frequencies(tagged), load_published_scores())
    row = joined[joined["code"] == "luottamushenkilot"].iloc[0]
    assert (row["score_mean"], row["score_n"]) == (2.7, 236)  # the per-item N
    env = joined[joined["code"] == "ymparistoterveys"].iloc[0]
    assert (env["score_mean"], env["score_n"]) == (3.3, 208)


def user_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["a", "a", "b", "b", "c"],
            "item": ["Tapaamiset", "Vuorovaikutus", "Tapaamiset", "Vuorovaikutus", "Tapaamiset"],
            "mean": [3.25, 2.0, 4.5, None, 1.0],
            "n": [12, 12, 30, 30, 2],
            "sd": [1.1, 0.5, 0.9, None, 0.0],
        }
    )


def test_user_table_keyed_by_group() -> None:
    rows = []
    for group, size in (("a", 10), ("b", 12), ("c", 7)):
        for i in range(size):
            rows.append(
                {
                    "respondent_id": f"{group}{i}",
                    "coarse_group": group,
                    "text": "x",
                    "areas": [],
                    "mechanisms": ["tapaamiset"] if i < 5 else ["vuorovaikutus"],
                }
            )
    tagged = pd.DataFrame(rows)
    items = {"tapaamiset": "Tapaamiset", "vuorovaikutus": "Vuorovaikutus"}
    joined = join_scores(tagged, user_table(), by="coarse_group", code_items=items, secondary=False)
    got = joined.set_index(["coarse_group", "code"])
    assert got.loc[("a", "tapaamiset"), ["score_mean", "score_sd", "score_n"]].tolist() == [
        3.25,
        1.1,
        12,
    ]
    assert got.loc[("b", "tapaamiset"), "score_mean"] == 4.5
    assert math.isnan(got.loc[("b", "vuorovaikutus"), "score_mean"])  # printed as missing
    assert got.loc[("b", "vuorovaikutus"), "score_n"] == 30
    c = got.loc[("c", "tapaamiset")]  # n = 2 < min_cell
    assert c["score_suppressed"] and math.isnan(c["score_mean"]) and pd.isna(c["score_n"])  # 2
    # by default the next smallest group's mean (a, n = 12) is hidden too
    safe = join_scores(tagged, user_table(), by="coarse_group", code_items=items)
    hidden = safe[safe["code"] == "tapaamiset"].set_index("coarse_group")["score_suppressed"]
    assert hidden.to_dict() == {"a": True, "b": False, "c": True}


def test_respondent_scores_match_regions_by_code() -> None:
    tagged = regional_tagged({"08": 6, "13": 6})
    respondents = pd.DataFrame(
        {
            "respondent_id": tagged["respondent_id"],
            "region": ["Tampere", "Pirkanmaa"] * 3 + ["Kuopio"] * 6,
        }
    )
    scores = pd.DataFrame(
        {"respondent_id": tagged["respondent_id"], "item": "Tapaamiset", "value": range(12)}
    )
    freqs = theme_frequencies(tagged, "region", codes=("mechanisms",))
    joined = join_scores(
        freqs, scores, respondents=respondents, code_items={"tapaamiset": "Tapaamiset"}
    )
    tap = joined[joined["code"] == "tapaamiset"].set_index("region")
    assert tap.loc["08", "score_mean"] == pytest.approx(np.mean(range(6)))
    assert tap.loc["08", "score_n"] == 6  # Tampere and Pirkanmaa are one county
    assert tap.loc["13", "score_mean"] == pytest.approx(np.mean(range(6, 12)))


def test_aggregated_score_errors_name_the_problem() -> None:
    freqs = theme_frequencies(regional_tagged({"Lappi": 6}), "region")
    bad = load_published_scores().astype({"mean": object})
    bad.loc[5, "mean"] = "hyvä"
    with pytest.raises(SummaryError, match=r"scores row 5: mean 'hyvä' is not a number"):
        join_scores(freqs, bad, by="region")
    bad = load_published_scores().astype({"n": object})
    bad.loc[7, "n"] = -3
    with pytest.raises(SummaryError, match=r"scores row 7: n -3 is not a count"):
        join_scores(freqs, bad, by="region")
    no_group = user_table().drop(columns="group")
    with pytest.raises(SummaryError, match=r"no column for the group 'region'.*'region_code'"):
        join_scores(freqs, no_group, by="region", code_items={"tapaamiset": "Tapaamiset"})
    twice = pd.concat([user_table(), user_table().iloc[:1]])
    group_freqs = theme_frequencies(
        regional_tagged({"a": 6}).rename(columns={"region": "group"}), "group"
    )
    with pytest.raises(SummaryError, match=r"several rows for group='a', item='Tapaamiset'"):
        join_scores(group_freqs, twice, code_items={"tapaamiset": "Tapaamiset"})
    with pytest.raises(SummaryError, match="'item_id' or 'item'"):
        join_scores(group_freqs, user_table().drop(columns="item"))


# --------------------------------------------------------------------------- correlations


def correlation_frame(shares: list[float], means: list[float]) -> pd.DataFrame:
    """A joined table by region for one code and item, with the given shares and means."""
    n = len(shares)
    frame = pd.DataFrame(
        {
            "region": [f"r{i:02d}" for i in range(n)],
            "layer": "mechanism",
            "code": "tapaamiset",
            "n": [round(s * 20) for s in shares],
            "base": 20,
            "share": shares,
            "suppressed": False,
            "item_id": "yhteistyo_tapaamiset",
            "item": "yhteistyo_tapaamiset",
            "score_mean": means,
            "score_n": 20,
            "score_suppressed": False,
        }
    )
    frame.attrs["by"] = ["region"]
    return frame


def test_score_correlations_against_hand_computed_values() -> None:
    shares = [0.10, 0.25, 0.20, 0.40, 0.35, 0.55, 0.50, 0.70, 0.65, 0.80, 0.15, 0.60]
    means = [2.1, 2.4, 2.6, 2.5, 3.0, 2.9, 3.4, 3.1, 3.6, 3.5, 2.2, 3.3]
    out = score_correlations(correlation_frame(shares, means))
    assert len(out) == 1
    row = out.iloc[0]
    n = len(shares)
    assert (row["code"], row["item_id"], row["n"], row["small_n"]) == (
        "tapaamiset",
        "yhteistyo_tapaamiset",
        12,
        False,
    )
    # Spearman by hand (no ties): 1 - 6 Σ d² / (n (n² - 1))
    rank_x = np.argsort(np.argsort(shares)) + 1
    rank_y = np.argsort(np.argsort(means)) + 1
    rho = 1 - 6 * np.sum((rank_x - rank_y) ** 2) / (n * (n * n - 1))
    assert row["rho"] == pytest.approx(rho, abs=1e-12)
    assert row["rho"] == pytest.approx(spearmanr(shares, means).statistic, abs=1e-12)
    x, y = np.array(shares), np.array(means)
    r = np.sum((x - x.mean()) * (y - y.mean())) / math.sqrt(
        np.sum((x - x.mean()) ** 2) * np.sum((y - y.mean()) ** 2)
    )
    assert row["r"] == pytest.approx(r, abs=1e-12)
    assert row["p_value"] == pytest.approx(pearsonr(shares, means).pvalue, rel=1e-9)
    z = 1.959963984540054
    half = z / math.sqrt(n - 3)
    assert row["ci_low"] == pytest.approx(math.tanh(math.atanh(r) - half), abs=1e-12)
    assert row["ci_high"] == pytest.approx(math.tanh(math.atanh(r) + half), abs=1e-12)
    half_rho = z * math.sqrt((1 + rho**2 / 2) / (n - 3))
    assert row["rho_ci_low"] == pytest.approx(math.tanh(math.atanh(rho) - half_rho), abs=1e-12)
    assert row["rho_ci_high"] == pytest.approx(math.tanh(math.atanh(rho) + half_rho), abs=1e-12)
    assert row["ci_low"] < row["r"] < row["ci_high"]


def test_score_correlations_leave_out_suppressed_and_flag_small_n() -> None:
    frame = correlation_frame([0.1, 0.2, 0.3, 0.4, 0.5, 0.9], [2.0, 2.5, 2.4, 3.0, 3.2, 1.0])
    frame.loc[5, "score_suppressed"] = True  # the outlier is hidden: left out
    row = score_correlations(frame).iloc[0]
    assert row["n"] == 5 and row["small_n"]
    assert row["r"] == pytest.approx(
        pearsonr([0.1, 0.2, 0.3, 0.4, 0.5], [2.0, 2.5, 2.4, 3.0, 3.2])[0]
    )
    tiny = score_correlations(correlation_frame([0.1, 0.2], [2.0, 3.0])).iloc[0]
    assert tiny["n"] == 2 and math.isnan(tiny["r"]) and math.isnan(tiny["rho"])
    three = score_correlations(correlation_frame([0.1, 0.2, 0.4], [2.0, 3.0, 3.5])).iloc[0]
    assert three["rho"] == 1.0 and math.isnan(three["ci_low"])  # no interval from 3 points


def test_score_correlations_on_published_scores() -> None:
    regions = load_published_scores().dropna(subset=["region_code"])["region"].unique()
    tagged = regional_tagged({region: 6 + k % 4 for k, region in enumerate(regions)})
    joined = quiet_join(theme_frequencies(tagged, "region"), load_published_scores(), by="region")
    out = score_correlations(joined)
    tap = out[(out["code"] == "tapaamiset")].iloc[0]
    assert tap["n"] == 20  # Helsinki (n = 1) and Kymenlaakso (n = 4) are suppressed
    used = joined[(joined["code"] == "tapaamiset") & ~joined["score_suppressed"]]
    expected = spearmanr(used["share"], used["score_mean"]).statistic
    assert tap["rho"] == pytest.approx(expected, abs=1e-12)
    with pytest.raises(SummaryError, match="by a grouping"):
        score_correlations(quiet_join(theme_frequencies(tagged), load_published_scores()))


def test_linked_scores_without_frequencies() -> None:
    published = load_published_scores()
    overall = linked_scores(published).set_index(["code", "item_id"])
    assert overall.loc[("luottamushenkilot", "yhteistyo_luottamushenkilot"), "score_mean"] == 2.7
    assert overall.loc[("luottamushenkilot", "yhteistyo_luottamushenkilot"), "score_n"] == 236
    # the three areas linked to the education/social item share its mean
    sivistys = overall.xs("tyonjako_sivistys_sote", level="item_id")
    assert sorted(sivistys.index) == ["lapset_nuoret", "oppilashuolto", "perhekeskus"]
    assert set(sivistys["score_mean"]) == {3.2}
    by_region = linked_scores(published, by="region")
    assert set(by_region["region"]) == set(published["region_code"].dropna())
    hidden = by_region.loc[by_region["score_suppressed"], "region"]
    assert set(hidden) == {"90", "10"}  # Helsinki (n = 1), Kymenlaakso (n = 4)
    lappi = by_region[(by_region["region"] == "21") & (by_region["code"] == "tapaamiset")]
    assert lappi["score_mean"].item() == 2.5


def _respondent_scores() -> pd.DataFrame:
    """Likert answers of groups of 9, 3 and 6 respondents on the item linked to tapaamiset."""
    rows = []
    for group, size in (("a", 9), ("b", 3), ("c", 6)):
        for i in range(size):
            rows.append(
                {"respondent_id": f"{group}{i}", "coarse_group": group, "item": "Tapaamiset"}
                | {"value": 1 + (i % 5)}
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("kind", ["respondents", "published"])
def test_no_public_score_join_gives_the_size_of_a_hidden_mean(kind: str) -> None:
    """join_scores and linked_scores hide score_n (and sd) wherever the mean is hidden, the
    primary and the secondary ones, for respondent-level and aggregated scores alike."""
    items = {"tapaamiset": "Tapaamiset"}
    if kind == "respondents":
        scores, by = _respondent_scores(), "coarse_group"
        tagged = _respondent_scores().assign(
            text="vastaus", areas=[[]] * 18, mechanisms=[["tapaamiset"]] * 18
        )
        joined = join_scores(tagged, scores, by=by, code_items=items)
        linked = linked_scores(scores, by=by, code_items=items)
    else:
        scores, by = load_published_scores(), "region"
        joined = quiet_join(
            theme_frequencies(regional_tagged({"90": 6, "10": 6, "21": 6, "08": 6}), by),
            scores,
            by=by,
        )
        linked = linked_scores(scores, by=by)
    for table in (joined, linked):
        hidden = table[table["score_suppressed"].astype(bool)]
        assert len(hidden), kind
        assert hidden["score_n"].isna().all() and hidden["score_mean"].isna().all()
        assert hidden["score_sd"].isna().all()
        shown = table[~table["score_suppressed"].astype(bool) & table["score_mean"].notna()]
        assert len(shown) and (shown["score_n"] >= 5).all()
    if kind == "respondents":  # b (3) is primary, c (6) the next smallest: both hidden
        for table in (joined, linked):
            rows = table[table["code"] == "tapaamiset"].set_index(by)
            assert rows["score_suppressed"].to_dict() == {"a": False, "b": True, "c": True}
            assert rows.loc["a", "score_n"] == 9
