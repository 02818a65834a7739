"""The quotes nearest a cluster's centre weighted by how many wrote them, and sentences typed
without a space after the period (QA 7).

The texts are team-written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

import vastausanalyysi as va
from vastausanalyysi.clusters import cluster_statements
from vastausanalyysi.clusters.statements import split_text


def test_the_statement_most_wrote_is_quoted_before_its_rarer_neighbours() -> None:
    """The centre of a cluster is weighted by the respondents of each statement: a statement of
    twenty respondents comes before four written once each that resemble one another."""
    common = "Tiedonkulku on heikkoa."
    rare = [
        "Tiedonkulku kunnan ja alueen välillä on hidasta ja heikkoa.",
        "Tiedonkulku alueen ja kunnan välillä on hidasta.",
        "Tiedonkulku kunnan ja alueen välillä takkuaa.",
        "Alueen ja kunnan välinen tiedonkulku on hidasta.",
    ]
    texts = [common] * 20 + rare
    frame = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(len(texts))], "text": texts})
    result = cluster_statements(va.tag(frame), n_clusters=1)
    row = result.clusters.iloc[0]
    assert row["representatives"][0] == common
    assert row["representative_counts"][0] == 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yhteyshenkilöt ovat selkeät.Nuorten palveluihin pääsee liian hitaasti.",
            ["Yhteyshenkilöt ovat selkeät.", "Nuorten palveluihin pääsee liian hitaasti."],
        ),
        ("Hyvin toimii!Tieto kulkee.", ["Hyvin toimii!", "Tieto kulkee."]),
        ("Katso www.Kunta.fi ja esim.Perhekeskus.", ["Katso www.Kunta.fi ja esim.Perhekeskus."]),
        ("Yhteyshenkilö K.Virtanen on hyvä.", ["Yhteyshenkilö K.Virtanen on hyvä."]),
        ("Kirjoita matti.Virtanen@kunta.fi.", ["Kirjoita matti.Virtanen@kunta.fi."]),
    ],
)
def test_sentences_typed_without_a_space_after_the_period_are_split(
    text: str, expected: list[str]
) -> None:
    assert split_text(text) == expected


def test_what_works_keeps_no_problem_sentence_typed_without_a_space() -> None:
    texts = ["Perhekeskusyhteistyö toimii hyvin.Kiinteistöjen vuokrat ovat jatkuva riita."] * 3
    frame = pd.DataFrame({"respondent_id": ["a", "b", "c"], "text": texts})
    result = cluster_statements(va.tag(frame), polarity=("works", "mixed"), split=True)
    assert result.assignments["text"].tolist() == ["Perhekeskusyhteistyö toimii hyvin."] * 3
    assert result.excluded["text"].tolist() == ["Kiinteistöjen vuokrat ovat jatkuva riita."] * 3
