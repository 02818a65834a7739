"""Clusters hold still: the same clusters in any input order and nearly the same for any seed
(real tagger output on team-written corpus rows; development data, not a quality claim)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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
    assert ami >= 0.8  # 0.74 when a mechanism code weighed as much as an area code
    text_only = cluster_statements(tagged.drop(columns=["areas", "mechanisms"]), split=False)
    plain = text_only.assignments.set_index("source_index")["cluster"].reindex(tagged.index)
    assert adjusted_mutual_info_score(tagged.loc[single, "coded_areas"], plain[single]) >= 0.4


def lemma_windows(tagged: pd.DataFrame, n: int) -> pd.DataFrame:
    """``n`` distinct statements: windows of the tagged answers' lemmas, with their codes."""
    records = tagged[["lemmas", "areas", "mechanisms", "polarity"]].to_dict("records")
    rows, seen = [], set()
    for size in range(3, 13):
        for start in range(40):
            for left, right in zip(records, records[1:] + records[:1], strict=True):
                window = (left["lemmas"] + right["lemmas"])[start : start + size]
                key = " ".join(window)
                if len(window) == size and key not in seen:
                    seen.add(key)
                    rows.append({**left, "lemmas": window, "text": key})
                if len(rows) == n:
                    frame = pd.DataFrame(rows)
                    frame["respondent_id"] = [f"r{i}" for i in range(n)]
                    return frame
    raise AssertionError(f"only {len(rows)} distinct windows")


def test_a_large_set_is_fitted_on_a_sample_that_ignores_the_order(tagged: pd.DataFrame) -> None:
    """Over FIT_SAMPLE statements the LSA and micro-clusters are fitted on a hashed sample."""
    from vastausanalyysi.clusters.model import FIT_SAMPLE

    frame = lemma_windows(tagged, FIT_SAMPLE + 1500)
    result = cluster_statements(frame)
    shuffled = cluster_statements(frame.sample(frac=1.0, random_state=5))
    assert shuffled.n_clusters == result.n_clusters >= 2
    pd.testing.assert_series_equal(
        first_clusters(result, frame.index), first_clusters(shuffled, frame.index)
    )
    shares = result.clusters.loc[result.clusters["cluster"] >= 0, "share"]
    assert shares.max() <= 0.25


def test_adjusted_rand_is_sklearns() -> None:
    """The resampling's own adjusted Rand index gives sklearn's numbers exactly."""
    from vastausanalyysi.clusters.model import adjusted_rand

    rng = np.random.default_rng(0)
    for n in (1, 2, 7, 60, 500):
        a = rng.integers(0, 6, n)
        for b in (a.copy(), rng.integers(0, 9, n), np.where(rng.random(n) < 0.2, 0, a)):
            assert adjusted_rand(a, b) == adjusted_rand_score(a, b)
    assert adjusted_rand(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])) == -0.5
