"""va.tag on Dask: a real local ``distributed`` cluster of two worker processes.

The cluster listens on the loopback interface only, with no dashboard. Answers from
``corpus/answers.csv`` (team-written and published text, see ``corpus/README.md``).
"""

from __future__ import annotations

from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import vastausanalyysi as va

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "answers.csv"
RESULT = ["areas", "mechanisms", "polarity", "evidence", "lemmas", "polarity_evidence", "language"]


@pytest.fixture(scope="module")
def answers() -> pd.DataFrame:
    corpus = pd.read_csv(CORPUS, dtype=object, keep_default_na=False)
    frame = corpus.iloc[::10][["id", "text", "question"]]
    frame.index = [f"r{i}" for i in range(len(frame))]  # a non-default index survives too
    return frame


def test_map_partitions_on_a_local_cluster_equals_the_plain_path(answers) -> None:
    expected = va.tag(answers)
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            protocol="tcp",
        ) as cluster,
        Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        ddf = dd.from_pandas(answers, npartitions=5, sort=False)
        tagged = ddf.map_partitions(va.tag_partition, meta=va.tag_meta(ddf))
        assert list(tagged.columns) == list(expected.columns)
        out = tagged.compute()
        # every partition ran on a cluster worker, not in this process
        hosts = client.run(lambda: __import__("os").getpid())
        assert len(set(hosts.values())) == 2
    assert list(out.index) == list(expected.index)
    assert out["id"].tolist() == answers["id"].tolist()
    for col in RESULT:
        assert out[col].tolist() == expected[col].tolist(), col
    assert expected["areas"].map(len).sum() > 20


def test_tag_meta_names_the_columns() -> None:
    meta = va.tag_meta(["id", "vastaus"], text_column="vastaus", probabilities=True, evidence=False)
    assert list(meta.columns) == [
        "id", "vastaus", "areas", "mechanisms", "polarity", "lemmas", "language", "probabilities",
    ]  # fmt: skip
    assert len(meta) == 0 and all(d == "object" for d in meta.dtypes)
    with pytest.raises(ValueError, match="no text column 'text'"):
        va.tag_meta(["id"])
