"""scores_by_mention: mentioners' mean scores beside the others', on small team-written data.

Every expected value is computed here directly with pandas and scipy from the same data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import ttest_ind

import vastausanalyysi as va
from vastausanalyysi.errors import SummaryError
from vastausanalyysi.summary import scores_by_mention, welch_interval
from vastausanalyysi.summary.suppression import SECONDARY_REASON

ITEM = "Miten arvioit yhteistyön toimivuutta?"
ITEM2 = "Säännölliset tapaamiset"
#: region -> (respondents, of whom mention perhekeskus)
REGIONS = {"Pirkanmaa": (20, 3), "Lappi": (20, 8), "Kainuu": (20, 9), "Satakunta": (15, 6)}


def team_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tagged answers (one per respondent) and their scores of two items; team-written.

    The first ``k`` respondents of a region mention perhekeskus (and score higher); every
    seventh respondent has no score of ``ITEM``; everyone else mentions tietopohja.
    """
    answers, scores = [], []
    for r, (region, (size, k)) in enumerate(REGIONS.items()):
        for i in range(size):
            rid = f"{region[:3]}{i:02d}"
            mentions = i < k
            answers.append(
                {
                    "respondent_id": rid,
                    "region": region,
                    "text": "Perhekeskus toimii hyvin." if mentions else "Tiedonkulku toimii.",
                    "areas": ["perhekeskus"] if mentions else [],
                    "mechanisms": [] if mentions else ["tietopohja"],
                    "language": "fi",
                }
            )
            base = 1 + (i * 7 + r * 3) % 4
            value = min(base + (1 if mentions else 0), 5) if i % 7 != 6 else np.nan
            scores.append({"respondent_id": rid, "item": ITEM, "value": value})
            scores.append({"respondent_id": rid, "item": ITEM2, "value": 1 + (i + r) % 5})
    return pd.DataFrame(answers), pd.DataFrame(scores)


def direct(tagged: pd.DataFrame, scores: pd.DataFrame, code: str, item: str, by=None):
    """n, mean, sd of both sides per group, straight from pandas."""
    ids = set(tagged.loc[tagged["areas"].map(lambda a: code in a), "respondent_id"])
    data = scores[scores["item"] == item].dropna(subset=["value"])
    data = data.merge(tagged[["respondent_id", "region"]], on="respondent_id", how="left")
    data["side"] = np.where(data["respondent_id"].isin(ids), "mention", "no_mention")
    keys = [by, "side"] if by else ["side"]
    return data, data.groupby(keys)["value"].agg(["count", "mean", "std"])


def test_overall_values_equal_a_direct_computation() -> None:
    tagged, scores = team_data()
    out = scores_by_mention(tagged, scores, items=ITEM, code_ids="perhekeskus")
    assert len(out) == 1
    row = out.iloc[0]
    data, stats = direct(tagged, scores, "perhekeskus", ITEM)
    for side in ("mention", "no_mention"):
        assert row[f"n_{side}"] == stats.loc[side, "count"]
        assert row[f"mean_{side}"] == pytest.approx(stats.loc[side, "mean"])
        assert row[f"sd_{side}"] == pytest.approx(stats.loc[side, "std"])
    # respondents without a score of the item are left out of it
    assert row["n_mention"] + row["n_no_mention"] == scores[scores.item == ITEM].value.notna().sum()
    a = data.loc[data.side == "mention", "value"]
    b = data.loc[data.side == "no_mention", "value"]
    test = ttest_ind(a, b, equal_var=False)
    low, high = test.confidence_interval(0.95)
    assert row["difference"] == pytest.approx(a.mean() - b.mean())
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    assert row["p_value"] == pytest.approx(test.pvalue)
    assert not row["suppressed"] and row["suppression_reason"] is None


def test_by_group_values_columns_and_order() -> None:
    tagged, scores = team_data()
    out = scores_by_mention(tagged, scores, by="region", min_cell=1)
    assert list(out.columns) == ["region", *va.summary.mentions.MENTION_COLUMNS]
    # groups sorted, then layer (areas before mechanisms), then items in their order
    assert out["region"].tolist() == [r for r in sorted(REGIONS) for _ in range(4)]
    assert out[["layer", "code", "item"]].head(4).values.tolist() == [
        ["area", "perhekeskus", ITEM],
        ["area", "perhekeskus", ITEM2],
        ["mechanism", "tietopohja", ITEM],
        ["mechanism", "tietopohja", ITEM2],
    ]
    _, stats = direct(tagged, scores, "perhekeskus", ITEM, by="region")
    for region in REGIONS:
        row = out[(out.region == region) & (out.code == "perhekeskus") & (out.item == ITEM)]
        for side in ("mention", "no_mention"):
            assert row[f"n_{side}"].item() == stats.loc[(region, side), "count"]
            assert row[f"mean_{side}"].item() == pytest.approx(stats.loc[(region, side), "mean"])
    # the same input in another order gives the same table
    again = scores_by_mention(
        tagged.sample(frac=1, random_state=1), scores.sample(frac=1, random_state=2), by="region"
    )
    pd.testing.assert_frame_equal(
        again, scores_by_mention(tagged, scores, by="region"), check_like=False
    )


def test_groups_from_respondents_and_two_by_columns() -> None:
    tagged, scores = team_data()
    respondents = tagged[["respondent_id", "region"]].copy()
    respondents["size"] = np.where(respondents.region.isin(["Lappi", "Kainuu"]), "iso", "pieni")
    silent = respondents.iloc[:0].copy()
    # a respondent who scored but wrote no answer: no row in tagged, not mentioning
    silent.loc[0] = ["X1", "Lappi", "iso"]
    respondents = pd.concat([respondents, silent], ignore_index=True)
    scores = pd.concat(
        [scores, pd.DataFrame({"respondent_id": ["X1"], "item": [ITEM], "value": [5.0]})]
    )
    out = scores_by_mention(
        tagged,
        scores,
        items=[ITEM],
        code_ids=["area:perhekeskus"],
        by=["size", "region"],
        respondents=respondents,
        min_cell=1,
    )
    assert out[["size", "region"]].values.tolist() == [
        ["iso", "Kainuu"],
        ["iso", "Lappi"],
        ["pieni", "Pirkanmaa"],
        ["pieni", "Satakunta"],
    ]
    lappi = out[out.region == "Lappi"].iloc[0]
    _, stats = direct(tagged, scores[scores.respondent_id != "X1"], "perhekeskus", ITEM, "region")
    assert lappi["n_no_mention"] == stats.loc[("Lappi", "no_mention"), "count"] + 1
    assert lappi["n_mention"] == stats.loc[("Lappi", "mention"), "count"]


def test_code_items_compare_each_code_on_its_linked_items() -> None:
    tagged, scores = team_data()
    sote = va.summary.codebook_links()["perhekeskus"][0]  # (item id, item text)
    linked = scores[scores.item == ITEM2].assign(item=sote[1])
    scores = pd.concat([scores, linked], ignore_index=True)
    out = scores_by_mention(tagged, scores, code_items="codebook", min_cell=1)
    # tietopohja's item is not in the scores: only perhekeskus, on its own item
    assert out[["code", "item"]].values.tolist() == [["perhekeskus", sote[1]]]
    by_id = scores_by_mention(tagged, scores, items=sote[0], code_ids="perhekeskus", min_cell=1)
    pd.testing.assert_frame_equal(out, by_id)
    mapped = scores_by_mention(
        tagged, scores, code_items={"perhekeskus": "toimivuutta", "tietopohja": [ITEM2]}
    )
    assert mapped[["code", "item"]].values.tolist() == [
        ["perhekeskus", ITEM],
        ["tietopohja", ITEM2],
    ]
    with pytest.raises(SummaryError, match="'ei tällaista' is not an item"):
        scores_by_mention(tagged, scores, code_items={"perhekeskus": "ei tällaista"})
    with pytest.raises(SummaryError, match="code_items must be 'codebook'"):
        scores_by_mention(tagged, scores, code_items="kaikki")


def test_non_answers_other_languages_and_empty_texts_do_not_mention() -> None:
    tagged, scores = team_data()
    # three non-mentioners of Lappi carry the code on a second row that must not count
    extra = pd.DataFrame(
        {
            "respondent_id": ["Lap10", "Lap11", "Lap12"],
            "region": "Lappi",
            "text": ["En osaa sanoa", "Familjecentret fungerar bra.", "  "],
            "areas": [["perhekeskus"]] * 3,
            "mechanisms": [[]] * 3,
            "language": ["fi", "sv", ""],
        }
    )
    out = scores_by_mention(
        pd.concat([tagged, extra], ignore_index=True),
        scores,
        items=ITEM,
        code_ids="perhekeskus",
        by="region",
        min_cell=1,
    )
    same = scores_by_mention(tagged, scores, items=ITEM, code_ids="perhekeskus", by="region")
    lappi = out[out.region == "Lappi"]
    assert lappi["n_mention"].item() == same[same.region == "Lappi"]["n_mention"].item()
    # with the real tagger: its codes and languages, the same rule
    texts = ["Perhekeskus toimii hyvin.", "En osaa sanoa", "Familjecentret fungerar bra."]
    real = va.tag(pd.DataFrame({"respondent_id": ["a", "b", "c"], "text": texts}))
    real_scores = pd.DataFrame({"respondent_id": ["a", "b", "c"], "item": ITEM, "value": [5, 2, 3]})
    row = scores_by_mention(real, real_scores, code_ids="perhekeskus", min_cell=1).iloc[0]
    assert (row["n_mention"], row["mean_mention"]) == (1, 5.0)
    assert (row["n_no_mention"], row["mean_no_mention"]) == (2, 2.5)


def test_small_side_hidden_and_the_other_side_with_it() -> None:
    tagged, scores = team_data()
    out = scores_by_mention(tagged, scores, items=ITEM, code_ids="perhekeskus", by="region")
    truth = scores_by_mention(
        tagged, scores, items=ITEM, code_ids="perhekeskus", by="region", min_cell=1
    )
    small = truth[(truth.n_mention > 0) & (truth.n_mention < 5)]
    assert small["region"].tolist() == ["Pirkanmaa"]  # 3 mention there
    hidden = out[out.suppressed]
    assert "Pirkanmaa" in hidden["region"].tolist()
    numbers = [c for c in out.columns if c.startswith(("n_", "mean_", "sd_"))]
    numbers += ["difference", "ci_low", "ci_high", "p_value"]
    assert hidden[numbers].isna().all().all()  # both sides and the comparison hidden
    pirkanmaa = out[out.region == "Pirkanmaa"].iloc[0]
    assert pirkanmaa["suppression_reason"] == "n < min_cell 5"
    visible = out[~out.suppressed]
    assert visible[["n_mention", "n_no_mention"]].notna().all().all()
    assert (visible[["n_mention", "n_no_mention"]].to_numpy() >= 5).all()


def test_hidden_cells_cannot_be_recovered_from_the_rest() -> None:
    tagged, scores = team_data()
    kwargs = {"items": [ITEM, ITEM2], "code_ids": "perhekeskus"}
    by_region = scores_by_mention(tagged, scores, by="region", **kwargs)
    overall = scores_by_mention(tagged, scores, **kwargs)  # published beside it
    truth = scores_by_mention(tagged, scores, by="region", min_cell=1, **kwargs)
    # what else is published: each region's respondents who scored the item, and their mean
    totals = (
        scores.dropna(subset=["value"])
        .merge(tagged[["respondent_id", "region"]])
        .groupby(["region", "item"])["value"]
        .agg(["count", "sum"])
    )
    attempts = 0
    for item in (ITEM, ITEM2):
        rows = by_region[by_region.item == item]
        true = truth[truth.item == item].set_index("region")
        assert not overall[overall.item == item]["suppressed"].item()
        for region in rows.loc[rows.suppressed, "region"]:
            for side, other in (("mention", "no_mention"), ("no_mention", "mention")):
                n_true = true.loc[region, f"n_{side}"]
                if n_true == 0:
                    continue
                attempts += 1
                # 1. the region's total minus the other side: the other side is hidden too
                other_n = rows.loc[rows.region == region, f"n_{other}"].item()
                assert pd.isna(totals.loc[(region, item), "count"] - other_n)
                # 2. the overall table minus the visible regions: more than this cell is left
                visible = rows[~rows.suppressed]
                left = overall[overall.item == item][f"n_{side}"].item() - int(
                    visible[f"n_{side}"].sum()
                )
                assert left != n_true
                mean_true = true.loc[region, f"mean_{side}"]
                overall_sum = (
                    overall[overall.item == item][f"mean_{side}"].item()
                    * overall[overall.item == item][f"n_{side}"].item()
                )
                visible_sum = float((visible[f"mean_{side}"] * visible[f"n_{side}"]).sum())
                assert (overall_sum - visible_sum) / n_true != pytest.approx(mean_true)
        # every line (item, side) across regions has 0 or at least 2 informative hidden cells
        for side in ("mention", "no_mention"):
            informative = rows.suppressed & (true.loc[rows.region, f"n_{side}"].to_numpy() > 0)
            assert int(informative.sum()) != 1
    assert attempts >= 4
    # the secondary cell is the next smallest region, flagged as such
    perhe = by_region[by_region.item == ITEM]
    assert perhe.loc[perhe.region == "Satakunta", "suppression_reason"].item() == SECONDARY_REASON


def test_disjoint_codes_do_not_give_a_hidden_code_back() -> None:
    """QA 6 #2: when each respondent mentions exactly one of a layer's codes, the item's
    scorers minus the shown codes' mention sides was the hidden code's side. A layer with one
    hidden code (in any side) hides a second one."""
    sizes = {"perhekeskus": 4, "varautuminen": 12, "kiinteistot": 13}
    answers, scores = [], []
    for code, size in sizes.items():
        for i in range(size):
            rid = f"{code[:3]}{i:02d}"
            answers.append({"respondent_id": rid, "text": f"{code} {i}", "areas": [code]})
            scores.append({"respondent_id": rid, "item": ITEM, "value": 1 + (i * 3) % 5})
    tagged, scores = pd.DataFrame(answers), pd.DataFrame(scores)
    tagged["mechanisms"] = [[] for _ in range(len(tagged))]
    tagged["language"] = "fi"
    out = scores_by_mention(tagged, scores, items=ITEM).set_index("code")
    assert out.loc["perhekeskus", "suppressed"]
    assert out["suppressed"].sum() == 2  # the smallest other code too, flagged as secondary
    assert out.loc["varautuminen", "suppression_reason"] == SECONDARY_REASON
    # what the attack used: the scorers' total and sum from a shown row, minus the shown codes
    shown = out[~out.suppressed]
    row = shown.iloc[0]
    total_n = row["n_mention"] + row["n_no_mention"]
    total_sum = (
        row["n_mention"] * row["mean_mention"] + row["n_no_mention"] * row["mean_no_mention"]
    )
    left_n = total_n - shown["n_mention"].sum()
    assert left_n == sizes["perhekeskus"] + sizes["varautuminen"] != sizes["perhekeskus"]
    true_mean = scores[scores.respondent_id.str.startswith("per")]["value"].mean()
    left_sum = total_sum - float((shown["n_mention"] * shown["mean_mention"]).sum())
    assert left_sum / sizes["perhekeskus"] != pytest.approx(true_mean)


def test_secondary_false_hides_only_the_small_side() -> None:
    tagged, scores = team_data()
    out = scores_by_mention(
        tagged, scores, items=ITEM, code_ids="perhekeskus", by="region", secondary=False
    )
    assert out["suppressed"].tolist() == [r == "Pirkanmaa" for r in out.region]
    row = out[out.region == "Pirkanmaa"].iloc[0]
    assert pd.isna(row["n_mention"]) and pd.isna(row["difference"])
    assert row["n_no_mention"] >= 5


def test_welch_interval_degenerate_cases_are_missing() -> None:
    a, b = np.array([2.0, 3, 5, 3]), np.array([1.0, 2, 3, 2, 1])
    low, high, p = welch_interval(
        [3, 3, a.mean()],
        [0, 1, a.std(ddof=1)],
        [5, 1, 4],
        [2, 2, b.mean()],
        [0, 1, b.std(ddof=1)],
        [5, 6, 5],
    )
    assert np.isnan(low[:2]).all() and np.isnan(high[:2]).all() and np.isnan(p[:2]).all()
    test = ttest_ind(a, b, equal_var=False)
    assert (low[2], high[2]) == tuple(pytest.approx(x) for x in test.confidence_interval())
    assert p[2] == pytest.approx(test.pvalue)


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"items": "Ei tällaista kysymystä"}, "Ei tällaista kysymystä"),
        ({"items": "yhteistyö"}, "matches several items"),
        ({"code_ids": "olematon_koodi"}, "olematon_koodi"),
        ({"code_ids": "mech:perhekeskus"}, "mech:perhekeskus"),
        ({"by": "maakunta"}, "maakunta"),
        ({"codes": "polarity"}, "polarity"),
        ({"id_column": "tunnus"}, "tunnus"),
        ({"min_cell": 0}, "min_cell"),
        ({"confidence": 95}, "confidence"),
    ],
)
def test_bad_input_names_what_is_wrong(kwargs: dict, named: str) -> None:
    tagged, scores = team_data()
    scores = scores.replace({ITEM2: "Yhteistyön säännölliset tapaamiset"})
    scores.loc[scores.item == ITEM, "item"] = "Miten arvioit yhteistyön toimivuutta?"
    with pytest.raises(SummaryError, match=named):
        scores_by_mention(tagged, scores, **kwargs)


def test_bad_scores_are_errors() -> None:
    tagged, scores = team_data()
    with pytest.raises(SummaryError, match="respondent-level"):
        scores_by_mention(tagged, va.load_published_scores())
    with pytest.raises(SummaryError, match="'value' is not in the data"):
        scores_by_mention(tagged, scores.drop(columns="value"))
    bad = scores.astype({"value": object})
    bad.loc[3, "value"] = "paljon"
    with pytest.raises(SummaryError, match="row 3: value 'paljon'"):
        scores_by_mention(tagged, bad)
    with pytest.raises(SummaryError, match="row 5: item is missing"):
        scores_by_mention(
            tagged,
            scores.astype({"item": object}).assign(item=lambda f: f.item.where(f.index != 5)),
        )
    with pytest.raises(SummaryError, match="several values of item"):
        scores_by_mention(tagged, pd.concat([scores, scores.iloc[[1]]]))
    other_ids = scores.assign(respondent_id=range(len(scores)))
    with pytest.raises(SummaryError, match="no scored respondent is in tagged"):
        scores_by_mention(tagged, other_ids)
    with pytest.raises(SummaryError, match="column 'areas', row 0: expected a list"):
        scores_by_mention(tagged.assign(areas="perhekeskus"), scores)
