"""The clusters' linked items beside the mean of each cluster's own respondents, not only the
mean of all respondents that is the same on every row (QA 7).

The answers and scores are team-written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import vastausanalyysi as va
from vastausanalyysi.report import write_report

ITEM = "Säännölliset tapaamiset hyvinvointialueen yhteyshenkilöiden /vastuuhenkilöiden kanssa"
GROUPS = [  # (text, the item's score of its respondents)
    ("Säännölliset tapaamiset hyvinvointialueen johdon kanssa toimivat hyvin.", 5.0),
    ("Kuukausittaiset palaverit yhteyshenkilön kanssa ovat hyödyllisiä.", 4.0),
    ("Kiinteistöjen vuokrista ei ole sovittu tapaamisissa mitään.", 1.0),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory):
    rows, scores = [], []
    for g, (text, value) in enumerate(GROUPS):
        for i in range(7):
            rid = f"R{g}{i}"
            rows.append((rid, text, "toimialajohto"))
            scores.append((rid, ITEM, value if i < 6 else None))  # one "En osaa sanoa" each
    tagged = va.tag(pd.DataFrame(rows, columns=["respondent_id", "text", "coarse_group"]))
    scores_frame = pd.DataFrame(scores, columns=["respondent_id", "item", "value"])
    clustering = va.cluster_statements(tagged)
    out = tmp_path_factory.mktemp("own")
    paths = write_report(
        out,
        tagged=tagged,
        clustering=clustering,
        respondent_scores=scores_frame,
        formats=("xlsx", "md"),
        mask=False,
    )
    return clustering, scores_frame, paths


def test_each_cluster_shows_its_own_respondents_mean(written) -> None:
    clustering, scores, (xlsx, md) = written
    sheet = list(load_workbook(xlsx)["klusterilinkit"].iter_rows(values_only=True))
    head = sheet[0]
    label, item = head.index("Ryhmän nimi"), head.index("Kohta")
    own = head.index("Keskiarvo (ryhmän vastaajat)")
    n = head.index("Ryhmän vastaajia, jotka arvioivat kohdan")
    everyone = head.index("Keskiarvo (kaikki)")
    table = clustering.clusters.set_index("label")
    rows = [r for r in sheet[1:] if r[item] == ITEM]
    assert rows
    for r in rows:
        cluster = table.loc[r[label], "cluster"]
        ids = set(
            clustering.assignments.loc[
                clustering.assignments["cluster"] == cluster, "respondent_id"
            ]
        )
        values = scores[scores["respondent_id"].isin(ids)]["value"].dropna()
        assert r[own] == pytest.approx(values.mean())
        assert r[n] == len(values)
        assert r[everyone] == pytest.approx(scores["value"].mean())
    assert len({round(r[own], 6) for r in rows}) > 1  # the clusters differ; all respondents not
    text = md.read_text(encoding="utf-8")
    assert "| Ryhmän vastaajat | n | Kaikki vastaajat |" in text
