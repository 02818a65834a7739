"""Clusters hold still: the same clusters in any input order and nearly the same for any seed
(real tagger output on team-written corpus rows; development data, not a quality claim)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score

import vastausanalyysi as va
from vastausanalyysi.clusters import Clustering, cluster_statements

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tagged() -> pd.DataFrame:
    answers = pd.read_csv(ROOT / "corpus" / "answers.csv", keep_default_na=False)
    rows = answers[(answers["origin"] == "team-written") & (answers["split"] == "test")]
    rows = rows.rename(columns={"id": "respondent_id", "areas": "coded_areas"})
    out = va.tag(
        rows.drop(columns=["mechanisms", "polarity"]).set_index("respondent_id", drop=False)
    )
    assert len(out) >= 200
    return out


def first_clusters(result: Clustering, index: pd.Index) -> pd.Series:
    first = result.assignments.drop_duplicates("source_index").set_index("source_index")
    return first["cluster"].reindex(index)


def test_input_order_does_not_matter(tagged: pd.DataFrame) -> None:
    result = cluster_statements(tagged, split=True)
    shuffled = cluster_statements(tagged.sample(frac=1.0, random_state=3), split=True)
    assert shuffled.n_clusters == result.n_clusters
    pd.testing.assert_series_equal(
        first_clusters(result, tagged.index), first_clusters(shuffled, tagged.index)
    )
    labels = result.clusters.set_index("cluster")["label"]
    assert labels.equals(shuffled.clusters.set_index("cluster")["label"])


def test_seeds_agree_and_no_catch_all_cluster(tagged: pd.DataFrame) -> None:
    runs = [cluster_statements(tagged, split=True, random_state=seed) for seed in (0, 1, 2)]
    labels = [first_clusters(r, tagged.index) for r in runs]
    for other in labels[1:]:
        assert adjusted_rand_score(labels[0], other) >= 0.8
    for run in runs:
        assert run.n_clusters > 2
        real = run.clusters[run.clusters["cluster"] >= 0]
        assert real["share"].max() <= 0.25
        assert set(run.stability) == set(runs[0].stability)  # same candidates for every seed


def test_clusters_follow_the_coded_areas(tagged: pd.DataFrame) -> None:
    single = tagged["coded_areas"].str.count(";").eq(0) & tagged["coded_areas"].ne("")
    result = cluster_statements(tagged, split=False)
    clusters = result.assignments.set_index("source_index")["cluster"].reindex(tagged.index)
    ami = adjusted_mutual_info_score(tagged.loc[single, "coded_areas"], clusters[single])
    assert ami >= 0.6
    text_only = cluster_statements(tagged.drop(columns=["areas", "mechanisms"]), split=False)
    plain = text_only.assignments.set_index("source_index")["cluster"].reindex(tagged.index)
    assert adjusted_mutual_info_score(tagged.loc[single, "coded_areas"], plain[single]) >= 0.4
