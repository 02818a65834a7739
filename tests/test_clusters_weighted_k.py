"""The number of clusters of statements that many respondents wrote alike: the silhouette counts
each statement behind a distinct one, and a popular wording can be a cluster of its own (QA 7).

The texts are team-written for these tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import pairwise_distances, silhouette_score

import vastausanalyysi as va
from vastausanalyysi.clusters.model import weighted_silhouette

TOPICS = [
    "Tiedonkulku hyvinvointialueelta kuntaan on heikkoa.",
    "Kiinteistöjen vuokrat ovat jatkuva riita.",
    "Koulupsykologeja ja kuraattoreita on liian vähän.",
    "Palveluverkon muutoksista päätetään kuulematta kuntia.",
    "Luottamushenkilöiden välinen yhteistyö puuttuu.",
    "Nuorten mielenterveyspalveluihin pääsee liian hitaasti.",
    "Varautumisen harjoituksia ei ole pidetty.",
    "Kotoutumisen työnjako on epäselvä.",
    "Ikäihmisten asumisratkaisuista ei ole suunnitelmaa.",
    "Yhteyshenkilöt vaihtuvat jatkuvasti.",
]


def test_weighted_silhouette_is_the_silhouette_of_the_repeated_statements() -> None:
    rng = np.random.default_rng(3)
    points = rng.normal(size=(40, 5))
    labels = rng.integers(0, 4, 40)
    weights = rng.integers(1, 5, 40)
    expanded = silhouette_score(
        pairwise_distances(np.repeat(points, weights, axis=0)),
        np.repeat(labels, weights),
        metric="precomputed",
    )
    found = weighted_silhouette(pairwise_distances(points), labels, weights.astype(float))
    assert abs(found - expanded) < 1e-9
    plain = silhouette_score(pairwise_distances(points), labels, metric="precomputed")
    assert abs(weighted_silhouette(pairwise_distances(points), labels, np.ones(40)) - plain) < 1e-9


def test_ten_wordings_of_twelve_respondents_each_are_not_merged_into_three_clusters() -> None:
    texts = [t for t in TOPICS for _ in range(12)]
    frame = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(len(texts))], "text": texts})
    result = va.cluster_statements(va.tag(frame))
    per_cluster = result.assignments.groupby("cluster")["quote"].nunique()
    assert result.n_clusters >= 8
    assert per_cluster.max() <= 2  # no cluster lumps three unrelated complaints together
