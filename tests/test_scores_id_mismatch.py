"""Scores whose respondent ids match none of the answers' (numbers read back from a CSV file
beside ids as text) and items that are not in the scores are errors, not empty means (QA 7).

The answers are team-written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.errors import ClusteringError, SummaryError

TEXTS = [
    "Säännölliset tapaamiset toimivat.",
    "Perhekeskuksen verkostotyö sujuu.",
    "Varautumisen harjoitukset pelastuslaitoksen kanssa.",
    "Kiinteistöjen vuokrat on sovittu.",
    "Oppilashuollon kuraattorit ovat tuttuja.",
    "Yhteyshenkilöt vastaavat nopeasti.",
]
ITEM = "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden /vastuuhenkilöiden kanssa"


@pytest.fixture(scope="module")
def tagged() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "respondent_id": [str(1000 + i) for i in range(len(TEXTS))],
            "text": TEXTS,
            "coarse_group": "toimialajohto",
        }
    )
    return va.tag(frame)


def _scores(ids: list[object]) -> pd.DataFrame:
    return pd.DataFrame({"respondent_id": ids, "item": ITEM, "value": [4.0, 3.0, 5.0, 2.0, 4, 3]})


def test_clusters_refuse_scores_of_other_ids(tagged: pd.DataFrame) -> None:
    numbers = _scores([1000 + i for i in range(len(TEXTS))])
    with pytest.raises(ClusteringError, match=r"no scored respondent .* '1000' there and 1000"):
        va.cluster_statements(tagged, respondent_scores=numbers)
    same = _scores([str(1000 + i) for i in range(len(TEXTS))])
    result = va.cluster_statements(tagged, respondent_scores=same, min_cell=1)
    assert result.clusters[f"score:{ITEM}"].notna().all()


def test_clusters_refuse_an_item_not_in_the_scores(tagged: pd.DataFrame) -> None:
    same = _scores([str(1000 + i) for i in range(len(TEXTS))])
    with pytest.raises(ClusteringError, match=r"items \['tyytyväisyys'\] are not in the scores"):
        va.cluster_statements(tagged, respondent_scores=same, items=["tyytyväisyys"])


def test_join_scores_refuses_scores_of_other_ids(tagged: pd.DataFrame) -> None:
    freqs = va.theme_frequencies(tagged, by="coarse_group", min_cell=1)
    respondents = tagged[["respondent_id", "coarse_group"]]
    numbers = _scores([1000 + i for i in range(len(TEXTS))])
    with pytest.raises(SummaryError, match=r"no scored respondent is in respondents"):
        va.join_scores(freqs, numbers, by="coarse_group", respondents=respondents, min_cell=1)
